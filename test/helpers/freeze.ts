// ESLint's RuleTester freezeDeeply: the article and claims a test passes to a rule are frozen all the
// way down, so a rule that assigns to them (instead of reporting, or judging through ctx.judge) throws.
export function freezeDeeply<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const v of Object.values(value)) freezeDeeply(v, seen);
  return Object.freeze(value);
}
