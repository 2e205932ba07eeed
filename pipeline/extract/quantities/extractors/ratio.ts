// Ratios and multiples: "twice as many", "three times higher", "doubled", "ten-fold".
import type { Change, Figure } from '../types.js';
import { MULT_VERB, UNITS_W, TENS_W, MULT_VERB_S, VERB_S_AFTER, COMPARATIVE_UP, COMPARATIVE_DOWN, SPORT, DETERMINER, ANAPHOR_BEFORE, QUANTITY_NOUN, MULTIPLE_NOUN } from '../lexicon.js';
import { RE_UPPER } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { qualifiersBefore, changeBefore, subjectAfter } from '../context.js';

export function atTwice(c: Cursor, k: number): number {
  const n = c.w(k + 1);
  if (n === 'as' && c.t[k + 2]?.kind === 'word' && k + 2 < c.hi) {
    // "twice as many approaches", "twice as likely"
    let j = k + 3;
    const fig = ratio(c, k, j, 2, undefined);
    if (c.w(k + 2) === 'many' || c.w(k + 2) === 'much') {
      const subj = subjectAfter(c, j);
      if (subj) fig.subject = subj;
    }
    c.push(fig);
    return j;
  }
  if (/^(the|that|what|this|its|their|his|her|our|my|your)$/.test(n) || COMPARATIVE_UP.has(n)) return emitRatio(c, k, k + 1, 2, undefined);
  return k + 1; // "visited twice": an occurrence, not a ratio
}

export function atTimes(c: Cursor, k0: number, j: number, value: number): number {
  const n = c.w(j);
  if (n === 'as' && j + 1 < c.hi && c.t[j + 1].kind === 'word') {
    const fig = ratio(c, k0, j + 2, value, undefined);
    if (c.w(j + 1) === 'many' || c.w(j + 1) === 'much') {
      const subj = subjectAfter(c, j + 2);
      if (subj) fig.subject = subj;
    }
    c.push(fig);
    return j + 2;
  }
  if (COMPARATIVE_UP.has(n) || COMPARATIVE_DOWN.has(n) || /er$/.test(n) && /^(high|low|larg|bigg|small|fast|slow|great|cheap|strong|long|short|heav|light|wid|deep|rich|poor)/.test(n)) {
    return emitRatio(c, k0, j + 1, value, undefined);
  }
  if (/^(the|that|what|this|its|their|his|her|our|my|your)$/.test(n)) return emitRatio(c, k0, j, value, undefined);
  return j; // "arrested three times": occurrences
}

export function atMultVerb(c: Cursor, k: number): number {
  const w = c.w(k);
  const [v, change] = MULT_VERB[w];
  if (MULT_VERB_S.has(w) && !verbS(c, k)) return k + 1;
  if (!change) {
    const n = c.w(k + 1);
    const p = c.w(k - 1);
    // "a double disappointment", "her triple victory": an adjective that counts the occurrences of its
    // noun (not in a name: "the Triple Crown").
    if (Number.isInteger(v) && DETERMINER.has(p) && k - 1 >= c.floor && MULTIPLE_NOUN.has(n) && !RE_UPPER.test(c.raw(k + 1))) return emitMultiple(c, k, v, n);
    // "double", "triple": otherwise only as "double the", "to double", "will double".
    if (!/^(the|that|its|their|what|his|her|our|in)$/.test(n) && !/^(to|will|would|could|may|might|should|can|must)$/.test(p)) return k + 1;
  }
  if (figurative(c, k)) return k + 1;
  return emitRatio(c, k, k + 1, v, change);
}

/** "double disappointment" at k: v occurrences of the noun after it (a count, not a ratio). */
function emitMultiple(c: Cursor, k: number, v: number, noun: string): number {
  c.push({ kind: 'numeric', start: c.t[k].start, end: c.t[k + 1].end, sentence: c.si, value: v, unit: 'count', approximate: false, bound: 'exact', subject: noun, parts: { number: [c.t[k].start, c.t[k].end] } });
  return k + 2;
}

/**
 * A multiplier verb with no amount near it: no noun of amount ("sales", "the number"), no figure and
 * no pronoun within a few words ("the noise has doubled my headache"): figurative, not a figure.
 */
export function figurative(c: Cursor, k: number): boolean {
  for (let i = Math.max(c.lo, k - 6); i < Math.min(c.hi, k + 4); i++) {
    if (i === k) continue;
    const w = c.w(i);
    const t = c.t[i];
    if (t.kind === 'number' || QUANTITY_NOUN.has(w) || w in UNITS_W || w in TENS_W || w === '%' || /^(it|they|this|that|which|these|those|what)$/.test(w)) return false;
  }
  return true;
}

/** "doubles", "halves" at k as a verb ("the fare halves from £4"), not a plural noun ("mixed doubles", "two halves"). */
export function verbS(c: Cursor, k: number): boolean {
  const p = c.w(k - 1);
  return VERB_S_AFTER.has(c.w(k + 1)) && k - 1 >= c.floor && !DETERMINER.has(p) && !ANAPHOR_BEFORE.has(p) && !(p in UNITS_W) && !SPORT.has(p) &&
    !/^(mixed|men|women|play|plays|playing|played|in|at)$|['’]s?$/.test(p);
}

export function ratio(c: Cursor, k0: number, k1: number, value: number, change: Change | undefined): Figure {
  const q = qualifiersBefore(c, k0);
  change ??= changeBefore(c, q.k);
  const fig: Figure = {
    kind: 'numeric',
    start: Math.min(q.spanStart, c.t[k0].start),
    end: c.t[k1 - 1].end,
    sentence: c.si,
    value,
    unit: 'ratio',
    approximate: q.approximate,
    bound: q.bound,
    qualifier: q.qualifier,
  };
  if (change) fig.change = change;
  return fig;
}

export function emitRatio(c: Cursor, k0: number, k1: number, value: number, change: Change | undefined): number {
  c.push(ratio(c, k0, k1, value, change));
  return k1;
}
