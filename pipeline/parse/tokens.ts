// One tokenisation of the article, shared by every later stage.
import type { Token, TokenKind } from '../core/types.js';

// Numbers with their glued units and separators (244.8, 1,200, 30-40, 28C, 5km, 1:59:40, 2023/24, 10th),
// words with inner apostrophes, hyphens and dots (Russia’s, co-operate, U.S.), and single punctuation.
const TOKEN = /(\p{N}(?:[\p{N}.,:\/–-]*\p{N})?(?:[\p{L}%]+)?)|([\p{L}\p{M}](?:[\p{L}\p{M}\p{N}'’.\-]*[\p{L}\p{M}\p{N}])?['’]?)|(\S)/gu;

export function tokenize(prose: string, start: number, end: number, sentence: number, out: Token[]): void {
  TOKEN.lastIndex = 0;
  const text = prose.slice(start, end);
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    let kind: TokenKind = m[1] ? 'number' : m[2] ? 'word' : /[\p{P}]/u.test(t) ? 'punct' : 'symbol';
    // A trailing abbreviation dot belongs to the word only for abbreviations (U.S.); strip a sentence-final dot.
    if (kind === 'word' && t.endsWith('.') && !/\..*\.$/.test(t)) t = t.slice(0, -1);
    const s = start + m.index!;
    out.push({ start: s, end: s + t.length, text: t, kind, sentence, quoted: false });
    if (t.length < m[0].length) out.push({ start: s + t.length, end: s + m[0].length, text: '.', kind: 'punct', sentence, quoted: false });
  }
}

/** Counts words (word and number tokens) in a string, the same way the pipeline does. */
export function countWords(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === 'word' || t.kind === 'number') n++;
  return n;
}
