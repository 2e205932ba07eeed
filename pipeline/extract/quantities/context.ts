// Context readers: the words around a figure that qualify it: hedges and bounds before it ("about",
// "more than"), change words before or after it ("rose 5%", "a 5% rise"), and what it counts ("12,400
// visitors", "18% of voters").
import type { Bound, Change, Figure } from './types.js';
import { QUALS, MONTHS, UNITS_W, TENS_W, INCREASE_NOUN, DECREASE_NOUN, INCREASE_VERB, DECREASE_VERB, COMPARATIVE_UP, COMPARATIVE_DOWN, STOP, SUBJECT_SKIP, DETERMINER, CHANGE_AFTER_SKIP, SCORE_NOUN, type Qual } from './lexicon.js';
import { RE_LETTER, RE_UPPER, looksPlural, join } from './shapes.js';
import type { Cursor } from './cursor.js';

/** Hedges and bounds right before token k (at most two: "only about", "just over"). */
export function qualifiersBefore(c: Cursor, k: number): { approximate: boolean; bound: Bound; qualifier?: string; spanStart: number; k: number } {
  let approximate = false;
  let bound: Bound = 'exact';
  const parts: string[] = [];
  let spanStart = Infinity;
  let pos = k;
  for (let n = 0; n < 2; n++) {
    let hit: Qual | undefined;
    for (const q of QUALS) {
      const L = q.words.length;
      if (pos - L < c.floor) continue;
      let ok = true;
      for (let i = 0; i < L; i++) if (c.w(pos - L + i) !== q.words[i]) { ok = false; break; }
      if (ok) { hit = q; break; }
    }
    if (!hit) break;
    const L = hit.words.length;
    // "over" / "under" / "above" / "below" as a preposition of place or time: only when directly before the figure.
    pos -= L;
    parts.unshift(c.text(c.t[pos].start, c.t[pos + L - 1].end));
    if (hit.approximate) approximate = true;
    if (hit.bound) bound = hit.bound;
    if (!hit.emphasis) spanStart = c.t[pos].start;
  }
  return { approximate, bound, qualifier: parts.length ? parts.join(' ') : undefined, spanStart, k: pos };
}

/** A change word right after the figure ("a 25% rise", "5% higher"). */
export function changeAfter(c: Cursor, j: number): Change | undefined {
  let w = c.w(j);
  if (CHANGE_AFTER_SKIP.has(w)) w = c.w(j + 1);
  if (INCREASE_NOUN.has(w) || COMPARATIVE_UP.has(w) && c.w(j + 1) !== 'than' && w !== 'more') return 'increase';
  if (DECREASE_NOUN.has(w) || COMPARATIVE_DOWN.has(w) && c.w(j + 1) !== 'than' && w !== 'less' && w !== 'fewer') return 'decrease';
  return undefined;
}

/** A change verb right before the figure ("rose 5%", "fell by 2%", "up 3%"); not "rose to 5%". */
export function changeBefore(c: Cursor, k: number): Change | undefined {
  let p = k - 1;
  if (c.w(p) === 'by') p--;
  if (p < c.lo) return undefined;
  const w = c.w(p);
  if (INCREASE_VERB.has(w)) return 'increase';
  if (DECREASE_VERB.has(w)) return 'decrease';
  return undefined;
}

/** What a figure counts: "12,400 visitors", "18% of voters", "half of all purchases". */
export function subjectAfter(c: Cursor, j: number): string | undefined {
  let k = j;
  if (c.w(k) === 'of') {
    k++;
    while (DETERMINER.has(c.w(k))) k++;
  } else if (INCREASE_NOUN.has(c.w(k)) || DECREASE_NOUN.has(c.w(k))) return undefined;
  while (SUBJECT_SKIP.has(c.w(k))) k++;
  const first = k;
  let last = -1;
  for (; k < c.hi && k < first + 3; k++) {
    const tk = c.t[k];
    const w = c.w(k);
    if (tk.kind !== 'word' || STOP.has(w) || w in UNITS_W || w in TENS_W || MONTHS.has(w) || /ly$/.test(w)) break;
    if (k > first && (/ly$/.test(w) || (/ed$/.test(w) && w.length > 4) || RE_UPPER.test(tk.text) && !RE_UPPER.test(c.t[first].text))) break;
    last = k;
    if (looksPlural(w) && !RE_UPPER.test(tk.text)) break;
  }
  if (last < first) return undefined;
  // A run of capitalised words is a name ("26 Nikolay Davydenko"), not what the figure counts.
  let lower = false;
  for (let i = first; i <= last; i++) if (!RE_UPPER.test(c.t[i].text)) lower = true;
  if (!lower) return undefined;
  const s = c.text(c.t[first].start, c.t[last].end).replace(/['’]s?$/, '');
  return RE_LETTER.test(s) ? s : undefined;
}

/**
 * Whether an "N-point" compound ending before token j is a score or a margin: the head noun after it
 * (past capitalised words, "a five-point Premiership lead") is one of the score nouns ("lead", "win").
 */
export function scoreCompound(c: Cursor, j: number): boolean {
  let k = j;
  while (k < c.hi && k < j + 3 && c.t[k].kind === 'word' && RE_UPPER.test(c.raw(k))) k++;
  return SCORE_NOUN.has(c.w(k));
}

/** Hedges after a figure ending before j: "10 or more", "30 or fewer", "40 or so". Widens fig; returns the token after. */
export function trailingHedge(c: Cursor, fig: Figure, j: number): number {
  if (c.w(j) === 'or') {
    const n = c.w(j + 1);
    if (n === 'more' || n === 'above' || n === 'over') { fig.bound = 'lower'; fig.qualifier = join(fig.qualifier, 'or ' + n); fig.end = c.t[j + 1].end; j += 2; }
    else if (n === 'fewer' || n === 'less' || n === 'under' || n === 'below') { fig.bound = 'upper'; fig.qualifier = join(fig.qualifier, 'or ' + n); fig.end = c.t[j + 1].end; j += 2; }
    else if (n === 'so') { fig.approximate = true; fig.qualifier = join(fig.qualifier, 'or so'); fig.end = c.t[j + 1].end; j += 2; }
  }
  return j;
}
