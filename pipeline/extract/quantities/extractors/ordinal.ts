// Ordinals and rankings: "finish second", "the fourth time", "in third place", "world number six", and
// "once" as one occurrence.
import { PLACE_VERB, RANK_NOUN, RANK_MODIFIER } from '../lexicon.js';
import type { Cursor } from '../cursor.js';

/**
 * An ordinal at k (value n) that states a ranking or how many times something happened: "finish
 * second", "crosses the line first", "the fourth time", "second consecutive defeat", "her 12th world
 * record", "in third place", "the third largest". Labels of an edition, stage or item ("his first
 * term", "a third runway") are not figures, and "first" is one only as a placing.
 */
export function atOrdinal(c: Cursor, k: number, n: number): number {
  const p = c.w(k - 1);
  const nx = c.w(k + 1);
  const placing = PLACE_VERB.has(p) || (p === 'line' && c.w(k - 2) === 'the') || ((p === 'in' || p === 'into') && (nx === 'place' || nx === 'position'));
  if (placing) return emitRank(c, k, k + 1, n);
  if (n === 1) return k + 1;
  if (nx === 'place' || nx === 'time' || /est$/.test(nx) || RANK_NOUN.has(nx)) {
    // "second consecutive defeat": the noun after the modifier is part of the span.
    const e = RANK_MODIFIER.has(nx) && (RANK_NOUN.has(c.w(k + 2)) || c.t[k + 2]?.kind === 'word') && k + 2 < c.hi ? k + 3 : k + 2;
    return emitRank(c, k, Math.min(e, c.hi), n);
  }
  if (RANK_MODIFIER.has(nx) && RANK_NOUN.has(c.w(k + 2))) return emitRank(c, k, k + 3, n);
  return k + 1;
}

export function emitRank(c: Cursor, k0: number, k1: number, n: number): number {
  c.push({ kind: 'numeric', start: c.t[k0].start, end: c.t[k1 - 1].end, sentence: c.si, value: n, unit: 'rank', approximate: false, bound: 'exact' });
  return k1;
}

/** "win once", "only once.": one occurrence (not "once the deal", "at once", "once every two years"). */
export function atOnce(c: Cursor, k: number): number {
  const p = c.w(k - 1);
  if (k - 1 < c.lo || /^(at|all|for|and|but|or|,)$/.test(p) || !/^[,;.)!?]$/.test(c.raw(k + 1))) return k + 1;
  c.push({ kind: 'numeric', start: c.t[k].start, end: c.t[k].end, sentence: c.si, value: 1, unit: 'count', approximate: false, bound: 'exact' });
  return k + 1;
}
