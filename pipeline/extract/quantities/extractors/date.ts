// Dates: years and year spans ("2004-05"), "3 March 2024", "March 3, 2024", relative dates ("last
// year", "next month", "two years ago") read against the article's reference date.
import type { DateValue } from '../../../core/types.js';
import { MONTHS, UNIT_WORD } from '../lexicon.js';
import { RE_UPPER } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { skipRun } from '../labels.js';

export function yearSpan(c: Cursor, k: number, m: RegExpExecArray): number {
  const tok = c.t[k];
  const y1 = +m[1];
  if (m[2].length === 4) {
    const y2 = +m[2];
    if (y2 <= y1) return k + 1;
    c.emitDate(tok.start, tok.start + 4, { year: y1, iso: m[1] });
    c.emitDate(tok.end - 4, tok.end, { year: y2, iso: m[2] });
  } else {
    // "2004-05", "2023/24": a season or financial year, dated by its first year.
    const y2 = Math.floor(y1 / 100) * 100 + +m[2];
    if (y2 !== y1 + 1 && !(y1 % 100 === 99 && +m[2] === 0)) return skipRun(c, k);
    c.emitDate(tok.start, tok.end, { year: y1, iso: m[1] });
  }
  return k + 1;
}

export function yearAt(c: Cursor, k: number): number | undefined {
  const s = c.raw(k);
  if (k < c.hi && c.t[k].kind === 'number' && /^\d{4}$/.test(s) && +s >= 1000 && +s <= 2999) return +s;
  return undefined;
}

/** "March 3, 2024", "March 2024", "March 3rd". */
export function atMonth(c: Cursor, k: number): number {
  const month = MONTHS.get(c.w(k))!;
  let j = k + 1;
  let day: number | undefined;
  const d = c.raw(j);
  const dm = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(d);
  if (dm && +dm[1] >= 1 && +dm[1] <= 31 && c.t[j].kind === 'number' && yearAt(c, j) === undefined) {
    day = +dm[1];
    j++;
  }
  let jy = j;
  if (day !== undefined && c.raw(jy) === ',') jy++;
  const year = yearAt(c, jy);
  if (year !== undefined) return emitFullDate(c, k, jy + 1, year, month, day, false);
  if (day === undefined) return k + 1; // a bare month name: no year to give it
  if (!c.ref) return j;
  return emitFullDate(c, k, j, c.ref.year, month, day, true);
}

/** "3 March 2024", "3rd of March". kd: the day token, km: the month token. */
export function dayMonth(c: Cursor, kd: number, day: number, km: number): number {
  const month = MONTHS.get(c.w(km))!;
  if (!RE_UPPER.test(c.raw(km))) return kd + 1;
  let j = km + 1;
  if (c.raw(j) === ',' && yearAt(c, j + 1) !== undefined) j++;
  const year = yearAt(c, j);
  if (year !== undefined) return emitFullDate(c, kd, j + 1, year, month, day, false);
  if (!c.ref) return km + 1;
  return emitFullDate(c, kd, km + 1, c.ref.year, month, day, true);
}

export function emitFullDate(c: Cursor, k0: number, k1: number, year: number, month: number, day: number | undefined, relative: boolean): number {
  if (day !== undefined && day > daysIn(year, month)) return k1;
  const date: DateValue = { year, month };
  if (day !== undefined) date.day = day;
  date.iso = isoOf(year, month, day);
  if (relative) date.relative = true;
  c.emitDate(c.t[k0].start, c.t[k1 - 1].end, date);
  return k1;
}

/** "last year", "next month", "this year’s", "last March". */
export function atRelative(c: Cursor, k: number): number {
  const ref = c.ref;
  const w = c.w(k);
  const nraw = c.raw(k + 1);
  const n = c.w(k + 1).replace(/['’]s?$/, '');
  const tn = c.t[k + 1];
  if (k + 1 >= c.hi || !tn) return k + 1;
  const end = tn.start + (n.length <= tn.text.length ? n.length : tn.text.length);
  const step = w === 'last' ? -1 : w === 'next' ? 1 : 0;
  if (n === 'year') {
    if (!ref) return k + 2;
    const y = ref.year + step;
    c.emitDate(c.t[k].start, end, { year: y, iso: String(y), relative: true });
    return k + 2;
  }
  if (n === 'month') {
    if (!ref) return k + 2;
    let y = ref.year;
    let m = ref.month + step;
    if (m < 1) { m = 12; y--; }
    if (m > 12) { m = 1; y++; }
    c.emitDate(c.t[k].start, end, { year: y, month: m, iso: isoOf(y, m), relative: true });
    return k + 2;
  }
  if (MONTHS.has(n) && RE_UPPER.test(nraw) && (n !== 'may' || step !== 0)) {
    if (!ref) return k + 2;
    const m = MONTHS.get(n)!;
    const y = step < 0 ? (m < ref.month ? ref.year : ref.year - 1) : step > 0 ? (m > ref.month ? ref.year : ref.year + 1) : ref.year;
    c.emitDate(c.t[k].start, end, { year: y, month: m, iso: isoOf(y, m), relative: true });
    return k + 2;
  }
  return k + 1;
}

/** "a year ago", "a decade ago" (numbers before "ago" are read by atAmount). */
export function atAgo(c: Cursor, k: number): number {
  const u = c.w(k - 1);
  const a = c.w(k - 2);
  if (!c.ref || k - 2 < c.floor || !(a === 'a' || a === 'an')) return k + 1;
  const unit = UNIT_WORD.get(u);
  if (unit !== 'years' && unit !== 'months' && unit !== 'decades') return k + 1;
  emitAgo(c, c.t[k - 2].start, c.t[k].end, 1, unit);
  return k + 1;
}

export function emitAgo(c: Cursor, start: number, end: number, n: number, unit: string): void {
  const ref = c.ref;
  if (!ref || !Number.isInteger(n)) return;
  if (unit === 'months') {
    const total = ref.year * 12 + (ref.month - 1) - n;
    const y = Math.floor(total / 12);
    const m = (total % 12) + 1;
    c.emitDate(start, end, { year: y, month: m, iso: isoOf(y, m), relative: true });
  } else {
    const y = ref.year - n * (unit === 'decades' ? 10 : 1);
    c.emitDate(start, end, { year: y, iso: String(y), relative: true });
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day?: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return day === undefined ? `${year}-${p(month)}` : `${year}-${p(month)}-${p(day)}`;
}
