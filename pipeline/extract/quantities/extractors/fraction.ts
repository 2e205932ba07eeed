// Fractions and word compounds: "half of", "a third of", "two-thirds", "the over-65s", "a 24-hour",
// "three-party".
import type { Figure } from '../types.js';
import { UNITS_W, TENS_W, SCALE_W, DENOM_W, UNIT_WORD, CUR_WORD, ORDINAL_W, RANK_COMPOUND, COMPOUND_NOT, FRACTION_PREP } from '../lexicon.js';
import { RE_AGE_GROUP, clean } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { qualifiersBefore, changeAfter, changeBefore, subjectAfter, scoreCompound } from '../context.js';
import { nameNumber, numberIdiom } from '../labels.js';
import { emitRank } from './ordinal.js';
import { emitRatio } from './ratio.js';

export function atWordForms(c: Cursor, k: number): number {
  const w = c.w(k);
  if (w === 'half') return atHalf(c, k);
  if (w in DENOM_W) return atDenominator(c, k, k, 1);
  // Age groups: "the over-65s", "under-18s".
  const ag = RE_AGE_GROUP.exec(w);
  if (ag) {
    c.push({ kind: 'numeric', start: c.t[k].start, end: c.t[k].end, sentence: c.si, value: +ag[2], unit: 'age', approximate: false, bound: ag[1] === 'over' ? 'lower' : 'upper', qualifier: ag[1] });
    return k + 1;
  }
  // Hyphenated compounds: two-thirds, ten-fold, three-year.
  const parts = w.split('-');
  if (parts.length < 2) return k;
  // "fourth-largest", "second-placed": a ranking.
  if (parts[0] in ORDINAL_W && (RANK_COMPOUND.has(parts[1]) || /est$/.test(parts[1]))) return emitRank(c, k, k + 1, ORDINAL_W[parts[0]]);
  const n = parts[0] in UNITS_W ? UNITS_W[parts[0]] : parts[0] in TENS_W ? TENS_W[parts[0]] : parts[0] === 'a' ? 1 : undefined;
  if (n === undefined) return k;
  const rest = parts.slice(1).join('-');
  if (parts.length === 2 && rest in DENOM_W && (rest.endsWith('s') || n === 1)) {
    if (n >= DENOM_W[rest] && rest !== 'half') return k + 1;
    return emitFraction(c, k, k + 1, n / DENOM_W[rest]);
  }
  if (rest === 'fold') return emitRatio(c, k, k + 1, n, changeAfter(c, k + 1));
  if (parts[0] !== 'a' && UNIT_WORD.has(rest)) {
    const q = qualifiersBefore(c, k);
    let unit = UNIT_WORD.get(rest);
    let subject: string | undefined;
    // "a five-point plan": the points of something, not a score ("a five-point lead").
    if (unit === 'points' && !scoreCompound(c, k + 1)) { unit = 'count'; subject = subjectAfter(c, k + 1); }
    const fig: Figure = { kind: 'numeric', start: Math.min(q.spanStart, c.t[k].start), end: c.t[k].end, sentence: c.si, value: n, unit, approximate: q.approximate, bound: q.bound, qualifier: q.qualifier };
    if (subject) fig.subject = subject;
    c.push(fig);
    return k + 1;
  }
  // "three-party politics", "a one-sentence comment": a count inside a compound (not "one-off", "two-way").
  if (parts[0] !== 'a' && parts.length === 2 && /^\p{Ll}{3,}$/u.test(rest) && !COMPOUND_NOT.has(rest) && !nameNumber(c, k)) {
    const q = qualifiersBefore(c, k);
    c.push({ kind: 'numeric', start: Math.min(q.spanStart, c.t[k].start), end: c.t[k].end, sentence: c.si, value: n, unit: 'count', approximate: q.approximate, bound: q.bound, qualifier: q.qualifier, subject: rest });
    return k + 1;
  }
  return k;
}

/** "a third of", "two thirds", "three quarters". k0: first token of the numerator. */
export function atDenominator(c: Cursor, k0: number, kd: number, numer: number): number {
  const d = c.w(kd);
  const plural = d.endsWith('s');
  let n = numer;
  let start = k0;
  if (kd === k0) {
    // The numerator is the word before: "a third", "one fifth", "two thirds".
    const p = c.w(kd - 1);
    if (kd - 1 >= c.floor && (p === 'a' || p === 'one')) { n = 1; start = kd - 1; }
    else if (kd - 1 >= c.floor && p in UNITS_W && UNITS_W[p] > 1 && plural) { n = UNITS_W[p]; start = kd - 1; }
    else return kd + 1;
  }
  if (n >= DENOM_W[d]) return kd + 1;
  // "a third term", "two quarters ahead": a spaced fraction needs "of" (or a percentage point), or
  // stands alone as an aside that restates a share ("90 of 450, or about a third, agreed").
  const pp = c.w(kd + 1) === 'percentage' && /^points?$/.test(c.w(kd + 2));
  // "important for a third," : a share with its noun left implicit, after a preposition.
  const bare = /^[,;.)]$/.test(c.raw(kd + 1)) && FRACTION_PREP.has(c.w(start - 1));
  if (c.w(kd + 1) !== 'of' && !pp && !bare && !asideShare(c, start, kd + 1)) return kd + 1;
  if (pp) {
    const q = qualifiersBefore(c, start);
    c.push({ kind: 'numeric', start: Math.min(q.spanStart, c.t[start].start), end: c.t[kd + 2].end, sentence: c.si, value: clean(n / DENOM_W[d]), unit: 'percentage-point', approximate: q.approximate, bound: q.bound, qualifier: q.qualifier, change: changeBefore(c, q.k) });
    return kd + 3;
  }
  return emitFraction(c, start, kd + 1, n / DENOM_W[d]);
}

/** A fraction [k0, k1) set off as an aside: after "or", a comma or a bracket (and its hedge), before a clause mark. */
export function asideShare(c: Cursor, k0: number, k1: number): boolean {
  if (!/^[,;.)–—]$/.test(c.raw(k1))) return false;
  const p = c.raw(qualifiersBefore(c, k0).k - 1).toLowerCase();
  return p === 'or' || p === ',' || p === '(';
}

export function atHalf(c: Cursor, k: number): number {
  const p = c.w(k - 1);
  const n = c.w(k + 1);
  // "half a million", "half a dozen": a count.
  if ((n === 'a' || n === 'an') && (c.w(k + 2) in SCALE_W || c.w(k + 2) === 'dozen')) {
    const mult = c.w(k + 2) === 'dozen' ? 12 : SCALE_W[c.w(k + 2)];
    const q = qualifiersBefore(c, k);
    const fig: Figure = { kind: 'numeric', start: Math.min(q.spanStart, c.t[k].start), end: c.t[k + 2].end, sentence: c.si, value: 0.5 * mult, unit: 'count', approximate: q.approximate, bound: q.bound, qualifier: q.qualifier };
    let j = k + 3;
    const cw = CUR_WORD.get(c.w(j));
    if (cw && !cw.includes('/')) { fig.unit = 'currency'; fig.currency = cw; fig.end = c.t[j].end; j++; }
    else fig.subject = subjectAfter(c, j);
    c.push(fig);
    return j;
  }
  if (numberIdiom(c, k)) return k + 1; // "half the man he was"
  // "first half", "the half", "half an hour": not a fraction of something.
  if (/^(first|second|the|a|other|latter|former|each|one|and|every)$/.test(p)) return k + 1;
  const q = qualifiersBefore(c, k);
  const ok = q.bound !== 'exact' || q.approximate || /^(of|the|all|its|their|his|her|our|those|these|them|that|this|what|my|your)$/.test(n) || p === 'by' || p === 'than' || asideShare(c, k, k + 1);
  if (!ok) return k + 1;
  return emitFraction(c, k, k + 1, 0.5);
}

export function emitFraction(c: Cursor, k0: number, k1: number, value: number): number {
  const q = qualifiersBefore(c, k0);
  const fig: Figure = {
    kind: 'numeric',
    start: Math.min(q.spanStart, c.t[k0].start),
    end: c.t[k1 - 1].end,
    sentence: c.si,
    value: clean(value),
    unit: 'fraction',
    approximate: q.approximate,
    bound: q.bound,
    qualifier: q.qualifier,
  };
  const subj = subjectAfter(c, k1);
  if (subj) fig.subject = subj;
  c.push(fig);
  return k1;
}
