// A digit token: an ordinal or a day of a month, a year span, a run that is a code or a phone number,
// or an amount.
import { RE_ORDINAL, RE_YEAR_SPAN } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { isLabel, skipRun } from '../labels.js';
import { atAmount } from './amount.js';
import { atOrdinal } from './ordinal.js';
import { yearSpan, dayMonth } from './date.js';

export function atNumber(c: Cursor, k: number): number {
  const tok = c.t[k];
  const s = tok.text;
  // Dates and things that are not quantities.
  const ord = RE_ORDINAL.exec(s);
  if (ord) {
    // "3rd March", "the 3rd of March"
    const m = c.monthAt(k + 1) ? k + 1 : c.w(k + 1) === 'of' && c.monthAt(k + 2) ? k + 2 : -1;
    if (m >= 0) return dayMonth(c, k, +ord[1], m);
    if (!isLabel(c, k)) return atOrdinal(c, k, +ord[1]);
    return k + 1;
  }
  if (/[:/]/.test(s) || /\.\d+\./.test(s) || (s.match(/[-–]/g)?.length ?? 0) > 1) {
    const ys = RE_YEAR_SPAN.exec(s);
    if (ys) return yearSpan(c, k, ys);
    return skipRun(c, k);
  }
  const ys = RE_YEAR_SPAN.exec(s);
  if (ys && !isLabel(c, k)) return yearSpan(c, k, ys);
  // Day before a month: "3 March 2024".
  if (/^\d{1,2}$/.test(s) && +s >= 1 && +s <= 31) {
    if (c.monthAt(k + 1)) return dayMonth(c, k, +s, k + 1);
    // "on 4 or 5 April", "3-4 March": the first day of two.
    if (/^(or|and|to|-|–)$/.test(c.w(k + 1)) && /^\d{1,2}(st|nd|rd|th)?$/.test(c.raw(k + 2)) && c.monthAt(k + 3)) return k + 1;
  }
  return atAmount(c, k);
}
