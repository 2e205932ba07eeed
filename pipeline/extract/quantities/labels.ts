// Numbers that are not quantities: labels, names, phone numbers, addresses, model names, times (isLabel,
// skipRun, nameNumber), set phrases with a number word (numberIdiom: "go one better"), and the test
// that tells metres from millions ("100m sprint" vs "5m people").
import { MONTHS, SCALE_W, DOLLAR_PREFIX, CUR_CODE, CUR_WORD, DOLLAR_ADJ, CURRENCY_NATION, LABEL_BEFORE, FUNCTION_WORD, STREET, SPORT, METRE_EVENT, METRE_BEFORE, DIMENSION, METRE_CONTEXT, TIME_AFTER, STOP, NUMBER_IDIOMS, RACE_DISTANCE, DETERMINER } from './lexicon.js';
import { RE_UPPER, looksPlural } from './shapes.js';
import type { Cursor } from './cursor.js';
import { qualifiersBefore, changeBefore, subjectAfter } from './context.js';

/** Figures that are labels, names, phone numbers, addresses or times; true means skip. */
export function isLabel(c: Cursor, k: number): boolean {
  const pw = c.w(k - 1);
  const praw = c.raw(k - 1);
  if (k > c.lo) {
    const pt = c.t[k - 1];
    if (pt.end === c.t[k].start && (pt.kind === 'number' || pt.kind === 'word')) return true; // 4x4, glued codes
    if (LABEL_BEFORE.has(pw) || praw === '#' || praw === '+') return true;
    if (pw === '.' && (c.w(k - 2) === 'no' || c.w(k - 2) === 'nos')) return true;
    // Part of a name: "Euro 2024", "Radio 4", "Chelsea 2-1" (not "In 2024", not "Russia’s 2024").
    // A figure with a glued unit after an adjective of nationality or event ("Olympic 100m") is no name.
    if (c.t[k - 1].kind === 'word' && RE_UPPER.test(praw) && !FUNCTION_WORD.has(pw) && !MONTHS.has(pw) && !CUR_CODE.has(praw) && !/['’]s?$/.test(praw) && !DOLLAR_PREFIX.has(praw) && !(METRE_BEFORE.has(pw) && /^\d[\d,.]*m$/.test(c.t[k].text))) return true;
  }
  // Address: "10 Downing Street".
  const s = c.t[k].text;
  let j = k + 1;
  while (j < c.hi && j < k + 4 && RE_UPPER.test(c.raw(j))) {
    if (STREET.has(c.w(j)) && j > k + 1) return true;
    j++;
  }
  // A model or series name: "3-Series", "4-Runner".
  if ((c.raw(k + 1) === '-' || c.raw(k + 1) === '–') && c.adj(k, k + 1) && c.adj(k + 1, k + 2) && RE_UPPER.test(c.raw(k + 2))) return true;
  // Times: "3 pm", "10 GMT"; list numbering "1." at the start of a sentence.
  if (TIME_AFTER.has(c.w(k + 1))) return true;
  if (k === c.lo && (c.raw(k + 1) === ')' || (c.raw(k + 1) === '.' && k + 2 >= c.hi))) return true;
  // Phone numbers and codes: leading zero, or juxtaposed plain numbers (020 7946 0958).
  if (/^0\d/.test(s)) return true;
  if (/^\d{8,}$/.test(s)) return true;
  const n = c.t[k + 1];
  if (n && k + 1 < c.hi && n.kind === 'number' && n.start - c.t[k].end === 1 && /^\d+$/.test(s) && /^\d+$/.test(n.text)) return true;
  const p = c.t[k - 1];
  if (k > c.lo && p.kind === 'number' && c.t[k].start - p.end === 1 && /^\d+$/.test(s) && /^\d+$/.test(p.text)) return true;
  return false;
}

/** Skips a run of numbers that is a phone number, an ISBN or a code, and whatever is glued to it. */
export function skipRun(c: Cursor, k: number): number {
  let j = k + 1;
  while (j < c.hi && c.t[j].kind === 'number' && c.t[j].start - c.t[j - 1].end <= 1) j++;
  return j;
}

/** A number word inside a name: capitalised after a capitalised word that is not a function word ("Formula One", "Channel Four"). */
export function nameNumber(c: Cursor, k: number): boolean {
  if (k <= c.lo || !RE_UPPER.test(c.raw(k))) return false;
  const p = c.raw(k - 1);
  if (c.t[k - 1].kind === 'word' && RE_UPPER.test(p) && !FUNCTION_WORD.has(p.toLowerCase()) && !/['’]s?$/.test(p)) return true;
  // Capitalised inside a sentence before a capitalised word: "the Six Nations", "BBC1, Five Live".
  return !/^["“‘'(:\-–—]$/.test(p) && c.t[k + 1]?.kind === 'word' && k + 1 < c.hi && RE_UPPER.test(c.raw(k + 1));
}

/**
 * Whether "N m" glued at token k (no currency sign) is a length in metres rather than millions: an
 * event after it ("100m sprint"), a dimension word after it ("1.8m tall", "a 12m-long wall"), or, when
 * no counted noun or currency follows, a jump or throw nearby ("cleared the required 1.90m", "reached
 * 1.80m in the high jump") or a figure under 10 with two decimals ("a personal best of 7.96m").
 */
export function metres(c: Cursor, k: number, digits: string, range: boolean): boolean {
  const n = c.w(k + 1);
  if (METRE_EVENT.has(n) || METRE_BEFORE.has(c.w(k - 1).replace('’', "'"))) return true;
  if (DIMENSION.has(n) || ((n === '-' || n === '–') && c.adj(k, k + 1) && DIMENSION.has(c.w(k + 2)))) return true;
  // A counted noun, a currency or a rate after it: a count or an amount ("1.8m people", "2.25m a year").
  if (n === 'of' || n === 'a' || n === 'per' || n === 'each' || CUR_WORD.has(n) || DOLLAR_ADJ.has(n) || CURRENCY_NATION.has(n) || SCALE_W[n] || (c.t[k + 1]?.kind === 'word' && k + 1 < c.hi && !STOP.has(n) && (looksPlural(n) || (!SPORT.has(n) && !/ed$/.test(n) && subjectAfter(c, k + 1))))) return false;
  // A change: "rose to 1.25m", "fell 1.25m".
  const q = qualifiersBefore(c, k).k;
  if (changeBefore(c, c.w(q - 1) === 'to' || c.w(q - 1) === 'from' ? q - 1 : q)) return false;
  for (let i = Math.max(c.lo, k - 8); i < Math.min(c.hi, k + 9); i++) {
    const w = c.w(i);
    if (METRE_CONTEXT.has(w) || (w === 'shot' && c.w(i + 1) === 'put')) return true;
  }
  if (range) return false;
  // "win the 60m at", "moved up from the 400m": a race distance after a determiner, or after another one
  // ("from 400m to 200m"), with nothing counted after it.
  const p = c.w(k - 1);
  const pair = (i: number) => RACE_DISTANCE.has(c.raw(i).replace(/,/g, '').replace(/m$/, '')) && /^\d[\d,]*m$/.test(c.raw(i));
  if (RACE_DISTANCE.has(digits.replace(/,/g, '')) && (DETERMINER.has(p) || ((p === 'to' || p === 'and') && pair(k - 2)) || ((n === 'to' || n === 'and') && pair(k + 2)))) return true;
  return /^\d{1,2}\.\d\d$/.test(digits);
}

/**
 * Whether the number word at k is inside a set phrase that states no quantity ("go one better", "one
 * step further", "knocked him for six", "in two minds", "half the man he was"): the phrases of the
 * numberIdiom list, matched word for word around it ("*" matches any one word).
 */
export function numberIdiom(c: Cursor, k: number): boolean {
  const w = c.w(k);
  for (const idiom of NUMBER_IDIOMS) {
    const at = idiom.indexOf(w);
    if (at < 0 || k - at < c.lo || k - at + idiom.length > c.hi) continue;
    let ok = true;
    for (let i = 0; i < idiom.length && ok; i++) if (idiom[i] !== '*' && c.w(k - at + i) !== idiom[i]) ok = false;
    if (ok) return true;
  }
  return false;
}
