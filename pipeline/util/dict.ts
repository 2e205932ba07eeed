// Lookup tables keyed by words from articles must not inherit Object.prototype: `"constructor" in {}`
// is true and `({})["constructor"]` is a function, so an article with the word "constructor" threw
// (issue 9, failure 10). dict() makes a table without a prototype; use Map/Set or dict() for every
// table a word from an article indexes.
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** A JSON.parse reviver that gives every parsed object a null prototype (lexicon files). */
export function nullProtoReviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) return Object.assign(Object.create(null), value);
  return value;
}
