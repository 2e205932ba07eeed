// Sentence splitter over one block of prose. Survives abbreviations (Dr., Mr., U.S., No. 1, Jan.),
// decimals and money ($244.8 billion), initials (J. K. Rowling), ellipses and multi-sentence quotations.

import { loadLexicon } from '../lexicon/load.js';

// Abbreviations and openers: lexicon/sentences.json (lower case, without the final period).
const words = loadLexicon<{ always: string[]; beforeNumber: string[]; maybe: string[]; openers: string[] }>('sentences');
/** Abbreviations after which a period never ends a sentence (title-like, or followed by a number). */
const ALWAYS: ReadonlySet<string> = new Set(words.always);
const BEFORE_NUMBER: ReadonlySet<string> = new Set(words.beforeNumber);
/** Month and other abbreviations that may end a sentence: split only when a typical sentence opener follows. */
const MAYBE: ReadonlySet<string> = new Set(words.maybe);
const OPENERS: ReadonlySet<string> = new Set(words.openers);

const TERMINAL = /[.!?…]/;
const CLOSERS = /["”’')\]]/;

export function splitSentences(prose: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = start;
  let i = start;
  while (i < end) {
    const ch = prose[i];
    if (!TERMINAL.test(ch)) {
      i++;
      continue;
    }
    // Run of terminal punctuation (?!, ..., ?”).
    let j = i;
    while (j < end && (TERMINAL.test(prose[j]) || prose[j] === '.')) j++;
    while (j < end && CLOSERS.test(prose[j])) j++;
    // A boundary needs whitespace after it.
    if (j < end && !/\s/.test(prose[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && /\s/.test(prose[k])) k++;
    if (k >= end) break;
    if (isBoundary(prose, i, k)) {
      out.push(trim(prose, s, j));
      s = k;
    }
    i = k;
  }
  const last = trim(prose, s, end);
  if (last.end > last.start) out.push(last);
  return out.filter((x) => x.end > x.start);
}

function trim(prose: string, s: number, e: number) {
  while (s < e && /\s/.test(prose[s])) s++;
  while (e > s && /\s/.test(prose[e - 1])) e--;
  return { start: s, end: e };
}

/** i: first terminal mark; k: first char of the next word. */
function isBoundary(prose: string, i: number, k: number): boolean {
  const next = prose[k];
  const nextWord = /^[\p{L}\p{N}.']+/u.exec(prose.slice(k, k + 30))?.[0] ?? '';
  // Lower-case continuation: "Yahoo! in California", "... and then", "“Stop!” he said".
  if (/\p{Ll}/u.test(next)) return false;
  if (!/[\p{Lu}\p{N}"“‘'(\[¡¿$£€*-]/u.test(next)) return false;
  const mark = prose[i];
  if (mark !== '.') return true;
  if (prose[i + 1] === '.' || prose[i - 1] === '.') return true; // ellipsis followed by a capital
  // The word before the period.
  let w = i;
  while (w > 0 && /[\p{L}\p{N}.]/u.test(prose[w - 1])) w--;
  const word = prose.slice(w, i);
  const lower = word.toLowerCase();
  if (!word) return true;
  if (BEFORE_NUMBER.has(lower) && /\p{N}/u.test(next)) return false;
  if (ALWAYS.has(lower)) return false;
  // Initials: "J. K. Rowling", "George W. Bush".
  if (/^\p{Lu}$/u.test(word)) return false;
  if (MAYBE.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) return OPENERS.has(nextWord.toLowerCase());
  return true;
}
