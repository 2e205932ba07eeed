// The amount parser: reads the amount at a token and resolves its value: currency prefix, digits or
// number words, a glued range, scale words and suffixes; then what it measures, by the unit parsers of
// ./units.ts (percent and points, currency words, units). It reads no context (hedges, change,
// subject): extractors/amount.ts does that.
import type { Figure } from '../types.js';
import { UNITS_W, TENS_W, SCALE_W, SCALE_SUFFIX, UNIT_SUFFIX, CUR_SYMBOL, DOLLAR_PREFIX, CUR_CODE, SPORT, RACE_DISTANCE } from '../lexicon.js';
import { RE_NUM, RE_SCORE, num, clean } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { isLabel, skipRun, metres } from '../labels.js';
import { readPercent, readCurrencyWord, readUnit } from './units.js';
import { dayMonth } from '../extractors/date.js';

/** A figure's amount while the scanner reads it: the Figure fields it shares, plus the scanner's own state. */
export interface Amount extends Pick<Figure, 'start' | 'end' | 'low' | 'high' | 'unit' | 'currency' | 'minor' | 'event' | 'digits' | 'highDigits'> {
  /** Token range [k0, k1) of the figure, currency prefix included. */
  k0: number;
  k1: number;
  value: number;
  scaled: boolean;
  /** The multiplier of its scale words or suffix (1e9 for "244.8 billion"). */
  scale: number;
  /** Offsets where the low end of a glued range ends and its high end starts. */
  lowEnd?: number;
  highStart?: number;
  words: boolean;
  /** A bare four-digit integer 1900-2100 (or an unscaled 1000-2999) that may be a year. */
  yearLike: boolean;
  /** How strongly the figure is marked as a quantity (percent, currency, unit, scale). */
  marked: boolean;
}

/**
 * Reads an amount at k: optional currency prefix, digits or number words, scale, percent,
 * currency word or unit. Returns undefined when k does not start an amount, or 'skip' (with
 * the index to resume at) when it is a number that is not a quantity.
 */
export function amount(c: Cursor, k: number, allowWords = true): Amount | { skip: number } | undefined {
  const k0 = k;
  let currency: string | undefined;
  let raw = c.raw(k);
  if (CUR_SYMBOL.has(raw)) {
    currency = CUR_SYMBOL.get(raw);
    k++;
  } else if (DOLLAR_PREFIX.has(raw) && c.raw(k + 1) === '$' && c.adj(k, k + 1)) {
    currency = DOLLAR_PREFIX.get(raw);
    k += 2;
  } else if (CUR_CODE.has(raw)) {
    currency = CUR_CODE.get(raw);
    k++;
    if (c.raw(k) === '.') k++;
  }
  if (currency && (k >= c.hi || c.t[k].kind !== 'number' || c.t[k].start - c.t[k - 1].end > 1)) return undefined;
  raw = c.raw(k);
  const tok = c.t[k];
  let value: number;
  let low: number | undefined;
  let high: number | undefined;
  let unit: string | undefined;
  let scaled = false;
  let scale = 1;
  let words = false;
  let marked = !!currency;
  let yearLike = false;
  let minor = false;
  let event = false;
  let digits: string | undefined;
  let highDigits: string | undefined;
  let lowEnd: number | undefined;
  let highStart: number | undefined;
  let j: number;
  if (k < c.hi && tok.kind === 'number') {
    const m = RE_NUM.exec(raw);
    if (!m) return { skip: skipRun(c, k) };
    if (!currency && isLabel(c, k)) return { skip: skipRun(c, k) };
    value = num(m[1]);
    digits = m[1];
    if (m[3] !== undefined) {
      low = value;
      high = num(m[3]);
      highDigits = m[3];
      lowEnd = tok.start + m[1].length;
      highStart = lowEnd + m[2].length;
      // "10-12 June": a date, dated by its first day.
      if (!currency && !m[4] && low >= 1 && high <= 31 && Number.isInteger(low) && Number.isInteger(high) && c.monthAt(k + 1)) return { skip: dayMonth(c, k, low, k + 1) };
      // Tennis and tie-break scores: "6-7 (4-7) 7-6".
      if (!m[4] && (RE_SCORE.test(c.raw(k - 2)) || RE_SCORE.test(c.raw(k + 2)) || RE_SCORE.test(c.raw(k - 1)) || RE_SCORE.test(c.raw(k + 1)))) return { skip: k + 1 };
      // A score or a vote ("won 2-1", "a 3-3 draw"), not a range. A pair with a currency or a glued
      // unit ("8-5%", "£5-3m") is never a score: when it runs backwards it is a range stated backwards,
      // kept (low > high) so that verification can report it.
      if ((currency || m[4] ? low === high : low >= high) || SPORT.has(c.w(k - 1)) || SPORT.has(c.w(k - 2)) || SPORT.has(c.w(k + 1))) return { skip: k + 1 };
    }
    const suf = m[4];
    if (suf) {
      if (suf === '%' || suf.toLowerCase() === 'pc') unit = 'percent';
      else if (suf in SCALE_SUFFIX) {
        // "100m sprint", "cleared 1.90m", "7.96m" are metres; "5m people", "1.47m yuan" are millions.
        if (suf === 'm' && !currency && metres(c, k, m[1], low !== undefined)) {
          unit = 'm';
          // "the men's 60m", "100m champion": a race distance that names the event.
          if (low === undefined && RACE_DISTANCE.has(m[1].replace(/,/g, ''))) event = true;
        }
        else {
          scale = SCALE_SUFFIX[suf];
          value *= scale;
          if (low !== undefined) { low *= scale; high! *= scale; }
          scaled = true;
        }
      } else if (suf === 'p' && !currency) {
        currency = 'GBP';
        minor = true;
      } else if (UNIT_SUFFIX.has(suf)) unit = UNIT_SUFFIX.get(suf);
      else return { skip: k + 1 }; // 221B, 3pm, 5G, 1990s
      marked = true;
    } else if (!currency && low === undefined && /^\d{4}$/.test(raw) && value >= 1000 && value <= 2999) yearLike = true;
    j = k + 1;
  } else if (allowWords && !currency) {
    const r = wordNumber(c, k);
    if (!r) return undefined;
    value = r.value;
    j = r.k1;
    scaled = r.scaled;
    scale = r.scale;
    words = true;
  } else return undefined;
  // "two and a half", "1.5" written out.
  if (words && c.w(j) === 'and' && c.w(j + 1) === 'a' && c.w(j + 2) === 'half') {
    value += 0.5;
    j += 3;
  }
  // Scale words: "3.2 million", "$244.8 billion", "£3.5 m" (a spaced m only after a currency).
  for (;;) {
    const sw = c.w(j);
    const f = SCALE_W[sw] ?? (currency && (sw === 'm' || sw === 'k') ? SCALE_SUFFIX[sw] : undefined);
    if (!f || yearLike) break;
    value *= f;
    scale *= f;
    if (low !== undefined) { low *= f; high! *= f; }
    scaled = true;
    marked = true;
    j++;
  }
  if (scaled) yearLike = false;
  // Percent and percentage points.
  if (!unit && !currency) {
    const r = readPercent(c, j);
    if (r) { unit = r.unit; j = r.j; marked = true; }
  }
  // Currency words: "5 million euros", "40 US dollars", "50 pence".
  if (!currency && !unit) {
    const r = readCurrencyWord(c, j, scaled);
    j = r.j;
    if (r.currency) {
      currency = r.currency;
      if (r.minor) minor = true;
      marked = true;
      yearLike = false;
    }
  }
  // Units: "40 tonnes", "28 degrees", "28°C", "a 24-hour strike", "square miles".
  if (!currency && !unit) {
    const r = readUnit(c, j);
    if (r) { unit = r.unit; j = r.j; marked = true; yearLike = false; }
  }
  const start = c.t[k0].start;
  const end = c.t[j - 1].end;
  return { k0, k1: j, start, end, value: clean(value), low: low === undefined ? undefined : clean(low), high: high === undefined ? undefined : clean(high), unit, currency, minor: minor || undefined, event: event || undefined, scaled, scale, words, yearLike, marked, digits, highDigits, lowEnd, highStart };
}

/** Number words: "three", "twenty-five", "two hundred and fifty", "a million", "a dozen". */
export function wordNumber(c: Cursor, k: number): { value: number; k1: number; scaled: boolean; scale: number } | undefined {
  let total = 0;
  let cur = 0;
  let j = k;
  let any = false;
  let scaled = false;
  let scale = 1;
  const first = c.w(k);
  if (first === 'a' || first === 'an') {
    const n = c.w(k + 1);
    if (n === 'dozen') return { value: 12, k1: k + 2, scaled: false, scale: 1 };
    if (n === 'hundred' || (n in SCALE_W && n.length > 3)) { cur = 1; j = k + 1; any = true; }
    else return undefined;
  }
  for (;;) {
    const w = c.w(j);
    if (w in UNITS_W) {
      if (any && cur % 100 !== 0 && !(cur % 10 === 0 && cur >= 20 && UNITS_W[w] < 10 && UNITS_W[w] > 0)) break;
      cur += UNITS_W[w];
    } else if (w in TENS_W) {
      if (any && cur % 100 !== 0) break;
      cur += TENS_W[w];
    } else if (w.includes('-') && w.split('-').length === 2 && w.split('-')[0] in TENS_W && w.split('-')[1] in UNITS_W) {
      if (any && cur % 100 !== 0) break;
      const [a, b] = w.split('-');
      cur += TENS_W[a] + UNITS_W[b];
    } else if (w === 'hundred' && any) {
      cur = (cur || 1) * 100;
    } else if (w === 'dozen' && any) {
      cur *= 12;
    } else if (w === 'and' && any && cur >= 100 && cur % 100 === 0 && (c.w(j + 1) in UNITS_W || c.w(j + 1) in TENS_W || c.w(j + 1).includes('-'))) {
      // "two hundred and fifty"
    } else if (w in SCALE_W && w.length > 3 && any && w !== 'lakh' && w !== 'crore') {
      total += (cur || 1) * SCALE_W[w];
      cur = 0;
      scaled = true;
      scale = SCALE_W[w];
    } else break;
    any = true;
    j++;
  }
  if (!any || j === k) return undefined;
  if (cur) scale = 1;
  return { value: total + cur, k1: j, scaled, scale };
}
