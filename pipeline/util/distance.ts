// String distance shared by every stage (a utility, not a stage): rule-id "did you mean" in the config,
// spelling suggestions, and name variants in the consistency checks.

// Rows reused across calls (the speller calls this in tight loops); grown on demand. Each worker thread
// has its own module instance, and the function never yields, so sharing them is safe.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment (restricted Damerau-Levenshtein) distance between `a` and `b`, in UTF-16
 * code units: insertions, deletions, substitutions and transpositions of two adjacent characters each
 * cost 1, and no substring is edited twice.
 *
 * With `max`, stops as soon as the distance must exceed it and returns `max + 1` (any result above
 * `max` means "further than max"); results up to `max` are exact.
 */
export function damerau(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (!m) return n;
  if (!n) return m;
  if (rowA.length <= n) {
    const size = Math.max(n + 1, rowA.length * 2);
    [rowA, rowB, rowC] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  // prev2 = row i-2, prev = row i-1, cur = row i.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later cell is at least the smallest cell of this row or the one before (a transposition
    // reaches back two rows, but a cell of row i-2 that is <= max leaves a cell of row i-1 <= max).
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The candidate closest to `word` for a "did you mean" (case-insensitive), when it is near enough to be
 * a slip: at most `max` edits (default 3), and fewer edits than half the word's length.
 */
export function closest(word: string, candidates: Iterable<string>, max = 3): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.min(max, Math.max(1, Math.ceil(w.length / 2) - 1));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = damerau(w, c.toLowerCase(), limit);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}
