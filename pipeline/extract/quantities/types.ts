// The shapes the quantity grammar passes around: a figure found in a sentence (before it becomes a
// Claim in extract/numeric.ts) and the reference date relative dates are read against.
import type { DateValue } from '../../core/types.js';

export type Bound = 'exact' | 'lower' | 'upper';
export type Change = 'increase' | 'decrease';

/** A figure found in a sentence, before it becomes a Claim. */
export interface Figure {
  kind: 'numeric' | 'date';
  start: number;
  end: number;
  sentence: number;
  value?: number;
  low?: number;
  high?: number;
  unit?: string;
  currency?: string;
  /** The value is in hundredths of the currency, as written ("25p", "50 cents"). */
  minor?: boolean;
  /** A race distance that names the event ("the men's 60m"): a figure, not a statistic. */
  event?: boolean;
  approximate: boolean;
  bound: Bound;
  qualifier?: string;
  change?: Change;
  subject?: string;
  date?: DateValue;
  /** The multiplier of the scale word or suffix (1e6 for "3.5m"). */
  scale?: number;
  /** The numeral as written, low end first ("2.1" of "2.1bn"; none for words): the precision as stated. */
  digits?: string;
  highDigits?: string;
  /** Offsets into the article of the figure without its hedge, and of a range's two ends. */
  parts?: { number: [number, number]; low?: [number, number]; high?: [number, number] };
}

export interface RefDate {
  year: number;
  month: number;
  day: number;
}

/** Parses an ISO date (YYYY-MM-DD, or a longer timestamp) into a reference date; undefined if invalid. */
export function parseRefDate(iso: string | undefined): RefDate | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(iso));
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = m[3] ? +m[3] : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}
