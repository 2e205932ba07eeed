// The unit parsers: what follows a numeral and says what it measures: percent and points ("5%", "2.5
// percentage points", "40 basis points"), currency words ("5 million euros", "40 US dollars", "50
// pence") and units ("40 tonnes", "28°C", "a 24-hour strike", "40 square miles"). Each reads from token
// j and returns what it found and the token after it; parsers/number.ts calls them in that order.
import { UNIT_WORD, SQUARE_UNIT, CUR_WORD, DOLLAR_ADJ, CURRENCY_NATION, DOLLAR_ADJ2 } from '../lexicon.js';
import type { Cursor } from '../cursor.js';
import { scoreCompound } from '../context.js';

/** "%", "per cent", "percent", "pc", then "points": percent or percentage points; "basis points". */
export function readPercent(c: Cursor, j: number): { unit: string; j: number } | undefined {
  let unit: string | undefined;
  const a = c.w(j);
  if (a === '%') { unit = 'percent'; j++; }
  else if (a === 'per' && c.w(j + 1) === 'cent') { unit = 'percent'; j += 2; }
  else if (a === 'percent' || a === 'pc') { unit = 'percent'; j++; }
  if (c.w(j) === 'percentage' && /^points?$/.test(c.w(j + 1))) { unit = 'percentage-point'; j += 2; }
  else if (!unit && a === 'basis' && /^points?$/.test(c.w(j + 1))) { unit = 'basis-point'; j += 2; }
  else if (unit === 'percent' && /^points?$/.test(c.w(j))) { unit = 'percentage-point'; j++; }
  return unit ? { unit, j } : undefined;
}

/**
 * A currency word at j ("euros", "US dollars", "Hong Kong dollars", "Swiss francs", "pence"; glued by a
 * dash in "a 4bn-euro hole"): its ISO code, and minor for hundredths ("50 pence"). Not "pounds of"
 * after an unscaled number (a weight), nor the "cent" of "per cent".
 */
export function readCurrencyWord(c: Cursor, j: number, scaled: boolean): { currency?: string; minor?: boolean; j: number } {
  if ((c.w(j) === '-' || c.w(j) === '–') && c.adj(j - 1, j) && c.adj(j, j + 1) && CUR_WORD.has(c.w(j + 1))) j++;
  let cw = CUR_WORD.get(c.w(j));
  let extra = 1;
  if (!cw && (c.w(j + 1) === 'dollars' || c.w(j + 1) === 'dollar') && DOLLAR_ADJ.has(c.w(j))) { cw = DOLLAR_ADJ.get(c.w(j)); extra = 2; }
  else if (!cw && (c.w(j + 2) === 'dollars') && DOLLAR_ADJ2.has(c.w(j))) { cw = DOLLAR_ADJ2.get(c.w(j)); extra = 3; }
  else if (!cw && CURRENCY_NATION.has(c.w(j)) && CUR_WORD.has(c.w(j + 1))) { cw = CURRENCY_NATION.get(c.w(j)); extra = 2; }
  if (!cw || (cw === 'GBP' && c.w(j + extra) === 'of' && !scaled) || (c.w(j) === 'cent' && c.w(j - 1) === 'per')) return { j };
  if (cw.endsWith('/100')) return { currency: cw.slice(0, 3), minor: true, j: j + extra };
  return { currency: cw, j: j + extra };
}

/** A unit at j: "°C", "degrees Celsius", "square miles", a unit word, or one after a dash ("24-hour", "10-year-old"). */
export function readUnit(c: Cursor, j: number): { unit: string; j: number } | undefined {
  let unit: string | undefined;
  let a = c.w(j);
  let dash = 0;
  if ((a === '-' || a === '–') && c.adj(j - 1, j) && c.adj(j, j + 1)) { dash = 1; a = c.w(j + 1); }
  if (c.raw(j) === '°') {
    const cf = c.raw(j + 1);
    if ((cf === 'C' || cf === 'F') && c.adj(j, j + 1)) { unit = cf; j += 2; }
    else { unit = 'degrees'; j++; }
  } else if (a === 'square' && SQUARE_UNIT.has(c.w(j + 1))) {
    unit = SQUARE_UNIT.get(c.w(j + 1));
    j += 2;
  } else if (UNIT_WORD.has(a)) {
    unit = UNIT_WORD.get(a)!;
    j += 1 + dash;
    // "a 10-point plan": the points of something, not a score ("a 10-point lead").
    if (unit === 'points' && dash && !scoreCompound(c, j)) unit = 'count';
    if (unit === 'degrees') {
      const cf = c.w(j);
      if (cf === 'celsius' || cf === 'centigrade' || cf === 'c') { unit = 'C'; j++; }
      else if (cf === 'fahrenheit' || cf === 'f') { unit = 'F'; j++; }
    }
    // "a 10-year-old": the rest of the compound.
    if (dash && c.w(j) === '-' && c.w(j + 1) === 'old') j += 2;
  }
  return unit ? { unit, j } : undefined;
}
