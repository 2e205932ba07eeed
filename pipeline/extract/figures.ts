// The figures of one claim, from its quantity (never re-read from the text): value, scale, percent or
// percentage points, currency, the hedge before it ("about", "nearly", "more than", from the claim's
// qualifier and bound) and how precisely it is stated (the rounding a reader must allow, from the
// numeral as written: quantity.digits). The extract stage relates them (relations.ts); the verify
// stage computes with them (verify/numbers.ts re-exports them).
import type { Claim } from '../core/types.js';

export type Hedge = 'approx' | 'nearly' | 'over' | 'under';

export interface Figure {
  /** Offsets into the article text (the span includes the currency sign, scale and % sign; not the hedge). */
  start: number;
  end: number;
  /** Start of the hedge word when there is one, else `start`. */
  hedgeStart: number;
  text: string;
  /** The figure with its hedge as written ("about 25%"): the claim's text from `hedgeStart` to `end`. */
  fullText: string;
  /** The numeral as written ("80,000", "2.1"); none for words. */
  digits?: string;
  value: number;
  /** Half the unit of the last stated digit, in the figure's own units (rounding tolerance). */
  half: number;
  /** The claim's unit ('count', 'percent', 'currency', 'tonnes', ...). */
  unit: string;
  percent: boolean;
  /** Percentage points ("2 percentage points", "2 points"). */
  points: boolean;
  currency?: string;
  scaled: boolean;
  /** The multiplier of the scale word (1 without one). */
  scale: number;
  /** Written as words ("seven"). */
  word: boolean;
  /** A year ("in 2024", a date claim): it holds its place among the figures but is never compared. */
  yearLike: boolean;
  hedge?: Hedge;
}

/** Units of claims that are not a single stated figure: multiples and fractions relate figures (relationClaims). */
const NOT_FIGURES = new Set(['ratio', 'fraction']);
const NEARLY = new Set(['nearly', 'almost', 'close to', 'just under']);

/** The hedge a claim states, from its qualifier and bound. */
export function hedgeOf(q: NonNullable<Claim['quantity']>): Hedge | undefined {
  const qual = q.qualifier?.toLowerCase();
  if (qual && [...NEARLY].some((w) => qual === w || qual.endsWith(' ' + w) || qual.startsWith(w + ' '))) return 'nearly';
  if (q.bound === 'lower') return 'over';
  if (q.bound === 'upper') return 'under';
  return q.approximate ? 'approx' : undefined;
}

/** One stated figure: [start, end) of the article, with its value, its numeral as written and its claim. */
function figure(claim: Claim, start: number, end: number, hedgeStart: number, value: number, digits: string | undefined, hedge: Hedge | undefined): Figure | undefined {
  const q = claim.quantity!;
  const text = claim.text.slice(start - claim.offset, end - claim.offset);
  if (!text) return undefined;
  // A claim made by hand (tests, other producers) may lack `written` and `digits`: exact, in digits.
  const word = q.written === 'words' || (q.written === 'digits' ? false : digits === undefined && q.parts !== undefined);
  const stated = digits === undefined ? 0 : Number(digits.split(',').join(''));
  const ratio = stated ? Math.abs(value) / stated : 0;
  const scale = ratio > 0 && Number.isFinite(ratio) ? 10 ** Math.round(Math.log10(ratio)) : 1;
  return {
    start,
    end,
    hedgeStart,
    text,
    fullText: claim.text.slice(hedgeStart - claim.offset, end - claim.offset),
    ...(digits !== undefined ? { digits } : {}),
    value,
    half: digits === undefined ? 0 : roundingHalf(digits, value, scale),
    unit: q.unit,
    percent: q.unit === 'percent',
    points: q.unit === 'percentage-point' || q.unit === 'points',
    ...(q.currency ? { currency: q.currency } : {}),
    scaled: scale > 1,
    scale,
    word,
    yearLike: false,
    ...(hedge ? { hedge } : {}),
  };
}

/**
 * The figures a claim states, from its quantity (never from its text): one, or the two ends of a range
 * ("30-40%": 30 and 40%, the hedge going with the low end); a year ("in 2024") is a year-like figure.
 * Multiples, fractions, vague plurals ("thousands of") and other dates state none.
 */
export function figuresOf(claim: Claim): Figure[] {
  const d = claim.date;
  if (claim.kind === 'date' && d && d.month === undefined && !d.relative && d.iso === String(d.year) && claim.endOffset - claim.offset === 4) {
    return [{ start: claim.offset, end: claim.endOffset, hedgeStart: claim.offset, text: claim.text, fullText: claim.text, value: d.year, half: 0, unit: 'year', percent: false, points: false, scaled: false, scale: 1, word: false, yearLike: true }];
  }
  const q = claim.quantity;
  if (claim.kind !== 'numeric' || !q || NOT_FIGURES.has(q.unit)) return [];
  // "thousands of": a vague plural, all qualifier and no stated figure.
  if (q.written === 'words' && q.approximate && q.bound === 'lower' && q.qualifier && !q.parts) return [];
  const hedge = hedgeOf(q);
  // Without parts (a claim made by hand), the figure is the claim's span.
  const { number, low, high } = q.parts ?? { number: { offset: claim.offset, endOffset: claim.endOffset } };
  const hedgeStart = q.qualifier && hedge ? claim.offset : number.offset;
  if (q.value !== undefined) {
    const f = figure(claim, number.offset, number.endOffset, hedgeStart, q.value, q.digits, hedge);
    return f ? [f] : [];
  }
  if (q.low === undefined || q.high === undefined || !low || !high) return [];
  const lo = figure(claim, low.offset, low.endOffset, hedgeStart, q.low, q.digits, hedge);
  const hi = figure(claim, high.offset, high.endOffset, high.offset, q.high, q.highDigits, undefined);
  return lo && hi ? [lo, hi] : [];
}

/**
 * The numeric claims of one relation unit inside [start, end) of the article, in text order: 'ratio'
 * (multiples: "doubled", "three times", "10-fold") or 'fraction' (0..1: "a third", "one in five").
 */
export function relationClaims(claims: readonly Claim[], unit: 'ratio' | 'fraction', start: number, end: number): Claim[] {
  return claims
    .filter((c) => c.kind === 'numeric' && c.quantity?.unit === unit && c.quantity.value !== undefined && c.offset >= start && c.endOffset <= end)
    .sort((a, b) => a.offset - b.offset);
}

/** The figures of the numeric and year claims inside [start, end) of the article, in text order. */
export function sentenceFigures(claims: readonly Claim[], start: number, end: number): Figure[] {
  return claims
    .filter((c) => (c.kind === 'numeric' || c.kind === 'date') && c.offset >= start && c.endOffset <= end)
    .flatMap(figuresOf)
    .sort((a, b) => a.start - b.start);
}

/**
 * Half the unit of the last non-zero stated digit ("1.2 million": 50,000; "80,000": 5,000; "40": 0),
 * capped at `cap` of the value (by default 1%: figures in a computation are read as the reader reads them).
 */
export function roundingHalf(num: string, value: number, scale: number, cap = 0.01): number {
  const dot = num.indexOf('.');
  let place: number;
  if (dot >= 0) place = 10 ** -(num.length - dot - 1);
  else {
    const digits = num.split(',').join('');
    let zeros = 0;
    while (zeros < digits.length && digits[digits.length - 1 - zeros] === '0') zeros++;
    place = 10 ** zeros;
    if (zeros === 0) place = 0; // "40": exact
  }
  return Math.min((place * scale) / 2, Math.abs(value) * cap);
}


/** The interval a stated figure allows for its true value (rounding, then the hedge). */
export function interval(f: Pick<Figure, 'value' | 'half' | 'hedge'>, widen = 0.05): [number, number] {
  const v = f.value;
  const h = f.half;
  switch (f.hedge) {
    case 'approx':
      return [v - Math.max(h, Math.abs(v) * widen), v + Math.max(h, Math.abs(v) * widen)];
    case 'nearly':
      return [v - Math.max(h, Math.abs(v) * widen * 2), v + h];
    case 'over':
      return [v - h, v + Math.max(h, Math.abs(v) * widen * 3)];
    case 'under':
      return [v - Math.max(h, Math.abs(v) * widen * 3), v + h];
    default:
      return [v - h, v + h];
  }
}
