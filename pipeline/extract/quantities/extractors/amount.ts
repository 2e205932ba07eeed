// The amount extractor: an amount (parsers/number.ts) with its context: "one in four", multiples ("three
// times"), years, ages ("Ms Hynde, 53,", "aged 55"), rounds ("the last 16"), its range (./range.ts),
// trailing hedges ("or more"), change and subject; and whether a bare "one" counts something.
import type { Figure } from '../types.js';
import type { Amount } from '../parsers/number.js';
import { DENOM_W, STOP, TIME_UNIT, ONE_BEFORE_NOT, ONE_AFTER_NOT, COUNTED_NOUN, YEAR_BEFORE, DETERMINER, AGE_BEFORE, ROUND_SIZE, ROUND_BEFORE, STATE_VERB, PERSONAL_PRONOUN, TIME_AFTER } from '../lexicon.js';
import { RE_UPPER, looksPlural } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { qualifiersBefore, changeAfter, changeBefore, subjectAfter, trailingHedge } from '../context.js';
import { nameNumber, numberIdiom } from '../labels.js';
import { amount } from '../parsers/number.js';
import { readRange } from './range.js';
import { emitRank } from './ordinal.js';
import { emitFraction } from './fraction.js';
import { atTimes, emitRatio } from './ratio.js';
import { emitAgo } from './date.js';

/** An amount at k, with its context: qualifiers, ranges, change, subject; then emits it. */
export function atAmount(c: Cursor, k: number): number {
  const a = amount(c, k);
  if (!a) return k;
  if ('skip' in a) return a.skip;
  let j = a.k1;
  const w0 = c.w(a.k0);
  // "N years ago": a relative date.
  if ((a.unit === 'years' || a.unit === 'months' || a.unit === 'decades') && c.w(j) === 'ago') {
    if (a.words && w0 === 'one' && a.unit !== 'years') return j + 1;
    emitAgo(c, a.start, c.t[j].end, a.value, a.unit);
    return j + 1;
  }
  // "one in four", "seven out of ten".
  const inOf = c.w(j) === 'in' ? j + 1 : c.w(j) === 'out' && c.w(j + 1) === 'of' ? j + 2 : -1;
  if (inOf > 0 && !a.marked && Number.isInteger(a.value)) {
    let d = inOf;
    if (c.w(d) === 'every') d++;
    const b = amount(c, d);
    if (b && !('skip' in b) && !b.marked && Number.isInteger(b.value) && b.value > a.value && !(b.yearLike && !/,/.test(c.raw(d)))) {
      return emitFraction(c, a.k0, b.k1, a.value / b.value);
    }
  }
  // Multiples: "three times as many", "10-fold".
  if (!a.marked && !a.yearLike) {
    if (c.w(j) === 'times') return atTimes(c, a.k0, j + 1, a.value);
    if ((c.w(j) === '-' && c.w(j + 1) === 'fold' && c.adj(j, j + 1)) || c.w(j) === 'fold') {
      const e = c.w(j) === 'fold' ? j + 1 : j + 2;
      return emitRatio(c, a.k0, e, a.value, changeAfter(c, e));
    }
  }
  // Number words carry a figure only with a unit, a counted noun or a stated whole ("seven of its
  // 12", "two out of their 12": a part); "one" only with a unit.
  let wordRange: Amount | undefined;
  if (a.words) {
    if (numberIdiom(c, a.k0)) return a.k1; // "go one better", "knocked for six"
    if (TIME_AFTER.has(c.w(j)) && !a.marked) return a.k1; // "at four o'clock": a time of day
    if (c.w(j) in DENOM_W && !a.marked) return k; // "two thirds": read at the denominator
    if (w0 === 'a' || w0 === 'an') {
      if (!a.scaled && (!a.marked || TIME_UNIT.has(a.unit!))) return a.k1; // "a day", "a year"
    } else if (w0 === 'one' && !a.scaled && !a.marked && !oneCounts(c, a.k0, j)) return a.k1; // "one of", "one on the eve"
    else if (w0 === 'one' && !a.scaled && a.marked && TIME_UNIT.has(a.unit!) && oneIdiom(c, a.k0)) return a.k1; // "one day", "at one point"
    if (nameNumber(c, a.k0)) return a.k1; // "Formula One", "Channel Four"
    // "world number six", "the number one film": a ranking.
    if (c.w(a.k0 - 1) === 'number' && !a.marked && !a.scaled && a.k0 - 1 >= c.floor) return emitRank(c, a.k0, a.k1, a.value);
    // "two or three weeks": a range of number words.
    if (c.w(j) === 'or' && !a.marked) {
      const b = amount(c, j + 1);
      if (b && !('skip' in b) && b.words && b.value > a.value) wordRange = b;
    }
  }
  // "into the last 16 of the cup", "reached the last eight": a round of a competition, not a count.
  if (!a.marked && a.low === undefined && roundName(c, a.k0, j, a.value)) return a.k1;
  // "I feel 100%", "I'll be 100% fit": a state of mind, not a share of anything.
  if (a.unit === 'percent' && !a.scaled && (a.value === 100 || a.value === 0) && selfAssessment(c, a.k0, j)) return a.k1;
  // Years: "in 2024" (not "more than 2000 people", "$2024", "2024 tonnes").
  const q = qualifiersBefore(c, a.k0);
  if (a.yearLike) {
    // Counted when hedged ("more than 2000 people"), or when it is round, a noun a year does not name
    // follows and no preposition of time or determiner comes before ("2000 people marched"; not "in 2000
    // people", "the 2004 results", "the great 1967 tourists").
    const pq = c.w(q.k - 1);
    const counted = q.bound !== 'exact' || q.approximate || (a.value % 50 === 0 && COUNTED_NOUN.has(c.w(j)) && !YEAR_BEFORE.has(pq) && !DETERMINER.has(pq)) ? subjectAfter(c, j) : undefined;
    if (!counted) {
      if (a.value >= 1900 && a.value <= 2100) {
        c.emitDate(a.start, a.end, { year: a.value, iso: String(a.value) });
        return a.k1;
      }
      const pw = c.w(a.k0 - 1);
      if (YEAR_BEFORE.has(pw)) {
        c.emitDate(a.start, a.end, { year: a.value, iso: String(a.value) });
        return a.k1;
      }
    }
  }
  const fig: Figure = {
    kind: 'numeric',
    start: a.start,
    end: a.end,
    sentence: c.si,
    value: a.value,
    low: a.low,
    high: a.high,
    unit: a.unit ?? (a.currency ? 'currency' : 'count'),
    currency: a.currency,
    minor: a.minor,
    event: a.event,
    approximate: q.approximate,
    bound: q.bound,
    qualifier: q.qualifier,
    scale: a.scale,
    digits: a.digits,
    parts: { number: [a.start, a.end] },
  };
  if (a.currency) fig.unit = 'currency';
  if (q.spanStart < fig.start) fig.start = q.spanStart;
  // "minus 10"
  if (c.w(a.k0 - 1) === 'minus' && a.low === undefined && q.k === a.k0) {
    fig.value = -a.value;
    fig.start = c.t[a.k0 - 1].start;
  }
  // "Ms Hynde, 53, said": an age.
  if (!a.marked && !a.words && a.low === undefined && Number.isInteger(a.value) && a.value < 120 && c.raw(a.k0 - 1) === ',' && RE_UPPER.test(c.raw(a.k0 - 2)) &&
      (c.raw(a.k1) === ',' || (c.raw(a.k1) === '.' && a.k1 + 1 >= c.hi))) {
    fig.subject = 'age';
    fig.unit = 'age';
    c.push(fig);
    return a.k1;
  }
  // "aged 55", "at the age of 15", "aged 16 to 18": an age (marked at the end, after its range and hedges).
  const age = !a.marked && Number.isInteger(a.value) && a.value < 120 && q.k === a.k0 && ageBefore(c, a.k0);
  const before = q.k;
  // Ranges: "5% to 8%", "30 - 40", "between 30 and 40 staff"; "from X to Y" is two figures.
  const r = readRange(c, a, wordRange, fig, before, j);
  if (typeof r !== 'number') return r.done;
  j = r;
  // Trailing hedges: "10 or more", "40 or so".
  j = trailingHedge(c, fig, j);
  // Change: "a 25% rise", "rose 5%", "up 3%", "5% higher".
  const after = changeAfter(c, j);
  const beforeC = changeBefore(c, before);
  fig.change = after ?? beforeC;
  // Subject.
  if (fig.unit === 'count' || fig.unit === 'percent' || fig.unit === 'currency') {
    let sj = j;
    if (after && sj < c.hi) {
      sj++;
      fig.subject = c.w(sj) === 'in' ? subjectAfter(c, sj + 1) : undefined;
    } else if (fig.unit === 'count' || c.w(sj) === 'of' || /^(a|an|the|its|their|his|her|our|this|that)$/.test(c.w(q.k - 1))) {
      // After money or a percent, a noun is what it measures only in "a $140m deal", "a 5% stake", "18% of voters".
      fig.subject = subjectAfter(c, sj);
    }
  }
  if (age && fig.unit === 'count') {
    fig.unit = 'age';
    fig.subject = 'age';
  }
  c.push(fig);
  return j;
}

/**
 * Whether "one" at k (the word after it at j) counts something: "one book", "only one person", "by
 * one notch", "over one sentence"; not "one of", the pronoun ("an important one", "one on the eve",
 * "one planned for"), "no one", "one another", "one day".
 */
export function oneCounts(c: Cursor, k: number, j: number): boolean {
  const p = c.w(k - 1);
  if (ONE_BEFORE_NOT.has(p)) return false;
  const n = c.w(j);
  if (j >= c.hi || c.t[j].kind !== 'word' || STOP.has(n) || ONE_AFTER_NOT.has(n) || /(ly|ed|ing)$/.test(n) || RE_UPPER.test(c.raw(j))) return false;
  // "from one phone to another": a contrast, not a count.
  for (let i = j + 1; i < Math.min(c.hi, j + 5); i++) if (c.w(i) === 'another' || c.w(i) === 'other') return false;
  return !oneIdiom(c, k);
}

/** "one day", "at one point", "one way or another": "one" in a set phrase. */
export function oneIdiom(c: Cursor, k: number): boolean {
  const n = c.w(k + 1);
  if (n === 'day' || n === 'way' || n === 'thing' || n === 'time') return true;
  return (c.w(k - 1) === 'at' || c.w(k - 1) === 'in') && (n === 'point' || n === 'stage' || n === 'time' || n === 'go' || n === 'piece');
}

/** Words right before token k that make the number after them an age: "aged 55", "at the age of 15". */
function ageBefore(c: Cursor, k: number): boolean {
  const p = c.w(k - 1);
  if (AGE_BEFORE.has(p)) return true;
  return p === 'of' && (c.w(k - 2) === 'age' || c.w(k - 2) === 'ages') && k - 2 >= c.floor;
}

/** "the last 16", "the final eight" ending before j, with no plural noun after it: a round of a competition. */
function roundName(c: Cursor, k: number, j: number, value: number): boolean {
  if (!ROUND_SIZE.has(String(value)) || !ROUND_BEFORE.has(c.w(k - 1)) || c.w(k - 2) !== 'the' || k - 2 < c.floor) return false;
  // No counted noun after it: "the last 16 of", "the last eight again", "a last-16 match" (not "the last four years").
  return j >= c.hi || c.t[j].kind !== 'word' || STOP.has(c.w(j)) || !looksPlural(c.w(j));
}

/**
 * "I feel 100%", "we are 100% behind him", "I'll be 100% fresh": a person's word for a state, with a
 * personal pronoun and a verb of being or feeling right before it and no "of" after it.
 */
function selfAssessment(c: Cursor, k: number, j: number): boolean {
  if (c.w(j) === 'of') return false;
  let i = k - 1;
  if (!STATE_VERB.has(c.w(i).replace('’', "'"))) return false;
  while (i > c.floor && i > k - 4 && !PERSONAL_PRONOUN.has(c.w(i).replace('’', "'"))) i--;
  return PERSONAL_PRONOUN.has(c.w(i).replace('’', "'"));
}
