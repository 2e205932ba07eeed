// A small reader for the figures inside one sentence, for the verify stage's computations: value,
// scale, percent or percentage points, currency, the hedge before it ("about", "nearly", "more than")
// and how precisely it is stated (the rounding a reader must allow). It works on the sentence text
// only, so verification does not depend on which spans the extractor chose for its claims.

export type Hedge = 'approx' | 'nearly' | 'over' | 'under';

export interface Figure {
  /** Offsets into the article text (the span includes the currency sign, scale and % sign; not the hedge). */
  start: number;
  end: number;
  /** Start of the hedge word when there is one, else `start`. */
  hedgeStart: number;
  text: string;
  value: number;
  /** Half the unit of the last stated digit, in the figure's own units (rounding tolerance). */
  half: number;
  percent: boolean;
  /** Percentage points ("2 percentage points", "2 points"). */
  points: boolean;
  currency?: string;
  scaled: boolean;
  /** The multiplier of the scale word (1 without one). */
  scale: number;
  /** Written as a word ("seven"). */
  word: boolean;
  /** Written with digits only and looks like a year (1800-2100). */
  yearLike: boolean;
  hedge?: Hedge;
}

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 };
const CURRENCIES: Record<string, string> = { $: 'USD', 'US$': 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR' };
export const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const NUMBER = new RegExp(
  String.raw`(?<![\w.,:/])(?<cur>US\$|[$£€¥₹])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:${Object.keys(WORD_NUMBERS).join('|')})(?=\s))` +
    String.raw`(?<scale>\s(?:thousand|million|billion|trillion)\b|(?:k|m|mn|bn|tn)\b)?` +
    String.raw`(?<pct>\s?%|\s(?:per\s?cent|percent)\b)?(?<pts>\s(?:percentage\s)?points?\b)?` +
    String.raw`(?![\w:]|[.,]\d)`,
  'giu',
);
const HEDGES: [RegExp, Hedge][] = [
  [/\b(?:about|around|roughly|approximately|some|an estimated|estimated|circa|c\.|~)\s*$/i, 'approx'],
  [/\b(?:nearly|almost|close to|just under|just shy of|not quite)\s*$/i, 'nearly'],
  [/\b(?:more than|over|just over|at least|above|upwards of|in excess of|exceeding)\s*$/i, 'over'],
  [/\b(?:less than|under|fewer than|at most|up to|below|no more than)\s*$/i, 'under'],
];
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTHS})\b`, 'i');
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\.?\s*$`, 'i');
const TIME_AFTER = /^\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|gmt|bst)\b/i;

/**
 * Half the unit of the last non-zero stated digit ("1.2 million": 50,000; "80,000": 5,000; "40": 0),
 * capped at `cap` of the value (by default 1%: figures in a computation are read as the reader reads them).
 */
export function roundingHalf(num: string, value: number, scale: number, cap = 0.01): number {
  const dot = num.indexOf('.');
  let place: number;
  if (dot >= 0) place = 10 ** -(num.length - dot - 1);
  else {
    const digits = num.replace(/,/g, '');
    const zeros = digits.length - digits.replace(/0+$/, '').length;
    place = 10 ** zeros;
    if (zeros === 0) place = 0; // "40": exact
  }
  return Math.min((place * scale) / 2, Math.abs(value) * cap);
}

/** The figures of [start, end) of `prose` (offsets into the article). */
export function figuresIn(prose: string, start: number, end: number): Figure[] {
  const text = prose.slice(start, end);
  const out: Figure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const g = m.groups!;
    const raw = g.num;
    const lower = raw.toLowerCase();
    const word = lower in WORD_NUMBERS;
    const scaleWord = g.scale?.trim().toLowerCase();
    const scale = scaleWord ? SCALES[scaleWord] : 1;
    const base = word ? WORD_NUMBERS[lower] : Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const value = base * scale;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (!word && (MONTH_AFTER.test(after) || MONTH_BEFORE.test(before) || TIME_AFTER.test(after))) continue;
    let hedge: Hedge | undefined;
    let hedgeStart = m.index;
    for (const [re, h] of HEDGES) {
      const hm = re.exec(before);
      if (hm) {
        hedge = h;
        hedgeStart = m.index - (before.length - hm.index);
        break;
      }
    }
    const pct = !!g.pct;
    const currency = g.cur ? CURRENCIES[g.cur] : undefined;
    const yearLike = !word && !g.cur && !g.scale && !pct && /^\d{4}$/.test(raw) && base >= 1800 && base <= 2100;
    // A leading space matched before the number belongs to nothing.
    const lead = m[0].length - m[0].trimStart().length;
    const s = start + m.index + lead;
    out.push({
      start: s,
      end: start + m.index + m[0].length,
      hedgeStart: start + Math.min(hedgeStart, m.index + lead),
      text: m[0].trimStart(),
      value,
      half: word ? 0 : roundingHalf(raw, value, scale),
      percent: pct,
      points: !!g.pts,
      currency,
      scaled: !!g.scale,
      scale,
      word,
      yearLike,
      hedge,
    });
  }
  return out;
}

/** Formats a computed figure for a message: "20", "24.6", "1.33", "12,400". */
export function fmt(n: number): string {
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const r = Number(n.toFixed(digits));
  return r.toLocaleString('en-US', { maximumFractionDigits: digits });
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
