// Small shared helpers for the check rules: loading word lists from lexicon/check/, normalising tokens,
// and matching multi-word phrases over the article's one tokenisation (rules never re-parse text).
import { loadLexicon } from '../lexicon/load.js';
import type { Article, Block, OptionsSchema, Token } from '../core/types.js';

/** Reads the check stage's word list pipeline/lexicon/check/<name>.json once. */
export function loadData<T>(name: string): T {
  return loadLexicon<T>(`check/${name}`);
}

/** Lower case, curly apostrophes made straight. */
export const norm = (s: string): string => (s.includes('’') ? s.replace(/’/g, "'") : s).toLowerCase();

/** True when only whitespace separates two offsets in the original text (no markup, code or punctuation). */
export function adjacent(article: Article, a: Token, b: Token): boolean {
  return /^[ \t]*\r?\n?[ \t]*$/.test(article.text.slice(a.end, b.start)) && a.end < b.start;
}

/** Blocks whose sentences are not running prose: headings, list items, table cells, blockquotes. */
export function isRunningProse(block: Block): boolean {
  return block.kind === 'paragraph' && !block.quoted;
}

/** A numeric option (already checked against the rule's meta.options by the config), or its default. */
export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

export interface PhraseMatch<T> {
  /** Token indexes (into Article.tokens) of the first and last word of the match. */
  first: number;
  last: number;
  entry: T;
}

/**
 * Matches word sequences (case-insensitive, ’ = ') over consecutive word tokens of one sentence.
 * Phrases are compiled once into a first-word index; the longest phrase wins at each position.
 */
export class PhraseMatcher<T> {
  private byFirst = new Map<string, { words: string[]; entry: T }[]>();
  constructor(entries: Iterable<[phrase: string, entry: T]>) {
    for (const [phrase, entry] of entries) {
      const words = norm(phrase).split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, entry });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0], list);
    }
  }

  /** Matches starting at token i (which must be a word), or undefined. */
  at(article: Article, i: number, end: number): PhraseMatch<T> | undefined {
    const tokens = article.tokens;
    const cands = this.byFirst.get(norm(tokens[i].text));
    if (!cands) return undefined;
    outer: for (const c of cands) {
      let k = i;
      for (let w = 1; w < c.words.length; w++) {
        const next = k + 1;
        if (next >= end || tokens[next].kind === 'punct' || tokens[next].kind === 'symbol') continue outer;
        if (norm(tokens[next].text) !== c.words[w] || !adjacent(article, tokens[k], tokens[next])) continue outer;
        k = next;
      }
      return { first: i, last: k, entry: c.entry };
    }
    return undefined;
  }
}

/** meta.options of a rule whose list the config extends (`add`) or trims (`remove`). */
export const LIST_OPTIONS: OptionsSchema = {
  type: 'object',
  properties: {
    add: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Words or phrases to flag too.' },
    remove: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Words or phrases of the list to leave alone.' },
  },
  additionalProperties: false,
};

/** A rule's `add` / `remove` options: words or phrases the config adds to, or trims from, its list. */
export interface ListOptions {
  add: string[];
  remove: Set<string>;
  /** A key for caching what is built from the list. */
  key: string;
}

export function listOptions(options: Record<string, unknown>): ListOptions {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
  const add = strings(options.add);
  const remove = strings(options.remove);
  return { add, remove: new Set(remove.map(norm)), key: JSON.stringify([add, remove]) };
}

/** Builds a value once per distinct list options (rules build their matchers this way). */
export function perList<T>(build: (list: ListOptions) => T): (options: Record<string, unknown>) => T {
  const cache = new Map<string, T>();
  return (options) => {
    const list = listOptions(options);
    let v = cache.get(list.key);
    if (v === undefined) cache.set(list.key, (v = build(list)));
    return v;
  };
}
