// Token shapes and small helpers the quantity extractors share: the regexes that recognise a numeral,
// a score, an ordinal, a year span (compiled once, at module level), and number cleaning.
import { PLURAL_IRREG } from './lexicon.js';

export const RE_AGE_GROUP = /^(over|under)-(\d{1,3})s$/;
export const RE_NUM = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:([-–])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?([A-Za-z%]*)$/;
export const RE_SCORE = /^\d{1,2}[-–]\d{1,2}$/;
export const RE_ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/i;
export const RE_YEAR_SPAN = /^((?:19|20)\d\d)[-–/](\d\d|(?:19|20)\d\d)$/;
export const RE_PREFIXED_YEAR = /^(mid|early|late|pre|post)-((?:19|20)\d\d)$/i;
export const RE_LETTER = /\p{L}/u;
export const RE_TENS_UNIT = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/;
export const RE_UPPER = /^\p{Lu}/u;

export const num = (s: string) => parseFloat(s.replace(/,/g, ''));
/** Removes floating-point noise from scaled values: 244.8 * 1e9 -> 244800000000. */
export const clean = (x: number) => parseFloat(x.toPrecision(12));

export function join(a: string | undefined, b: string): string {
  return a ? `${a} ${b}` : b;
}

export function looksPlural(s: string): boolean {
  const w = s.toLowerCase().split(' ').pop()!;
  return PLURAL_IRREG.has(w) || (/[^su]s$/.test(w) && w.length > 2) || /ies$/.test(w);
}
