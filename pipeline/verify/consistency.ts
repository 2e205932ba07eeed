// consistency/*: an article that disagrees with itself. conflicting-figures: the same quantity (same
// subject, unit and currency) stated twice with different values. name-variant: one person's name
// spelled two ways (Kowalczyk / Kowalcyzk, full name or surname alone), or one person given two roles.
import type { Article, Claim, Evidence, Rule, RuleContext } from '../core/types.js';
import { pointAt } from '../parse/positions.js';
import { damerau } from '../util/distance.js';
import { claimSentence } from '../extract/claim.js';
import { collapseWhitespace, isWordChar, wordRuns } from '../util/text.js';
import { loadLexicon } from '../lexicon/load.js';
import { NO_OPTIONS } from '../core/rule-options.js';

// ---------------------------------------------------------------------------------------------------
// conflicting-figures

const SKIP_UNITS = new Set(['percent', 'percentage-point', 'ratio', 'fraction', 'year', 'date', 'time', 'duration', 'age', 'ordinal', 'score']);
const ends = (w: string, ...tails: string[]) => tails.some((t) => w.endsWith(t));

function singular(w: string): string {
  if (ends(w, 'ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (ends(w, 'ss', 'us', 'is')) return w;
  if (ends(w, 'ches', 'shes', 'xes', 'sses')) return w.slice(0, -2);
  if (ends(w, 's') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** A subject's words, lower case, without possessive endings ("the port's containers" -> the port containers). */
function subjectWords(subject: string): string[] {
  const words = collapseWhitespace(subject.toLowerCase()).split(' ').filter(Boolean);
  return words.map((w) => (ends(w, "'s", '’s') ? w.slice(0, -2) : w)).filter(Boolean);
}

function subjectKey(c: Claim): string | undefined {
  const q = c.quantity;
  if (!q || q.value === undefined || q.change || SKIP_UNITS.has(q.unit)) return undefined;
  // Counts of things and sums of money, written in figures; measurements (minutes, GB, ages) vary
  // legitimately within an article, and small counts are usually different sets ("3 killed, 5 hurt").
  if (q.unit !== 'count' && q.unit !== 'currency') return undefined;
  if (q.written === 'words' || (q.unit === 'count' && Math.abs(q.value) < 100)) return undefined;
  if (q.bound !== 'exact' && !q.approximate) return undefined;
  const words = subjectWords(c.subject ?? '');
  if (!words.length) return undefined;
  words[words.length - 1] = singular(words[words.length - 1]);
  return `${q.unit}|${q.currency ?? ''}|${words.join(' ')}`;
}

/** Evidence excerpts are at most this long: the whole sentence, or a window of it around the claim. */
export const EXCERPT_MAX = 240;

/** The claim's sentence for evidence, white space collapsed; a long sentence is cut to a window around the claim. */
export function sentenceExcerpt(article: Article, c: Pick<Claim, 'sentenceIndex' | 'offset' | 'endOffset' | 'sentenceOffset' | 'sentenceEndOffset'>): string {
  if (c.sentenceEndOffset - c.sentenceOffset <= EXCERPT_MAX * 2) {
    const whole = collapseWhitespace(claimSentence(article, c));
    if (whole.length <= EXCERPT_MAX) return whole;
  }
  const half = Math.max(0, (EXCERPT_MAX - (c.endOffset - c.offset)) >> 1);
  const lo = Math.max(c.sentenceOffset, c.offset - half);
  const hi = Math.min(c.sentenceEndOffset, Math.max(c.endOffset, lo + EXCERPT_MAX));
  const body = collapseWhitespace(article.text.slice(lo, Math.min(hi, lo + EXCERPT_MAX * 2)));
  return `${lo > c.sentenceOffset ? '…' : ''}${body.slice(0, EXCERPT_MAX)}${hi < c.sentenceEndOffset || body.length > EXCERPT_MAX ? '…' : ''}`;
}

/** The relative difference two stated values may have and still be one figure (rounding, hedges). */
function agree(a: Claim, b: Claim): boolean {
  const va = a.quantity!.value!;
  const vb = b.quantity!.value!;
  const big = Math.max(Math.abs(va), Math.abs(vb));
  if (big === 0) return true;
  const approx = a.quantity!.approximate || b.quantity!.approximate || a.quantity!.bound !== 'exact' || b.quantity!.bound !== 'exact';
  // "12,400" and "12,000": a reader allows a rounded repetition within 5% (7.5% when hedged).
  return Math.abs(va - vb) / big <= (approx ? 0.075 : 0.05);
}

/** Values far apart ("700 games" and "15 games") are different sets, not one figure misstated. */
function close(a: Claim, b: Claim): boolean {
  const va = Math.abs(a.quantity!.value!);
  const vb = Math.abs(b.quantity!.value!);
  return Math.max(va, vb) <= 1.5 * Math.min(va, vb);
}

function lineOf(article: Article, offset: number): number {
  return pointAt(article.lineStarts, offset).line;
}

export const conflictingFigures: Rule = {
  meta: {
    id: 'consistency/conflicting-figures',
    category: 'consistency',
    severity: 'warning',
    stage: 'verify',
    description: 'The same quantity is stated twice in one article with different values.',
    docs: [
      'Compares figures that count or measure the same thing (the same subject, unit and currency): “the festival drew 12,400 visitors” and later “some 11,000 visitors attended”. The later figure is flagged, with the earlier sentence and its line as evidence.',
      '',
      'Not flagged: figures that agree after rounding (“12,400” and “about 12,000”), figures about another time (different years, “last year”), changes, comparisons, parts and rates (“from”, “up”, “more than”, “including”, “per day”), and percentages.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      conflict: 'This figure conflicts with line {{line}}: “{{here}}” here, “{{there}}” there, for the same {{subject}}. Check which is right and use it in both places.',
    },
    examples: {
      valid: ['The festival drew 12,400 visitors.\n\nIn the end, about 12,000 visitors attended.'],
      invalid: [{ text: 'The festival drew 12,400 visitors.\n\nIn the end, some 11,000 visitors attended.', excerpt: 'some 11,000' }],
    },
  },
  check(ctx: RuleContext) {
    const { article } = ctx;
    const groups = new Map<string, Claim[]>();
    for (const c of ctx.claims) {
      if (c.kind !== 'numeric') continue;
      const key = subjectKey(c);
      // A change, a comparison, a part, a rate, another time, a target: the extract stage's context cues.
      if (!key || c.context?.cues?.length) continue;
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
    // The time words of each figure's sentence, as the extract stage recorded them (on the sentence's
    // first figure).
    const timesBySentence = new Map<number, Set<string>>();
    for (const c of ctx.claims) {
      if (!c.context?.times) continue;
      const t = timesBySentence.get(c.sentenceIndex);
      if (t) for (const w of c.context.times) t.add(w);
      else timesBySentence.set(c.sentenceIndex, new Set(c.context.times));
    }
    const none = new Set<string>();
    const timesOf = (c: Claim) => timesBySentence.get(c.sentenceIndex) ?? none;
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      for (const [a, b] of conflicts(list, timesOf)) {
        const line = lineOf(article, a.offset);
        const excerpt = sentenceExcerpt(article, a);
        const ev: Evidence = { kind: 'compared', message: `Line ${line} states “${a.text}” for the same ${b.subject ?? b.quantity!.unit}: “${excerpt}”`, line, excerpt, expected: a.text, actual: b.text };
        ctx.judge({ claimId: b.id, evidence: ev });
        ctx.report({
          start: b.offset,
          end: b.endOffset,
          claimId: b.id,
          messageId: 'conflict',
          data: { line, here: b.text, there: a.text, subject: b.subject ?? 'quantity' },
          expected: a.text,
          actual: b.text,
          evidence: [ev],
        });
      }
    }
  },
};

const isApprox = (c: Claim) => c.quantity!.approximate || c.quantity!.bound !== 'exact';
/** At most this many earlier figures are tried as the one a figure conflicts with (hostile input only reaches it). */
const MAX_CANDIDATES = 256;
/** Width of a close() bucket in log space: values within 1.5x of each other are in neighbouring buckets. */
const CLOSE_BUCKET = Math.log(1.5);

/**
 * The figures of one subject group that conflict with an earlier one, each with the earlier figure:
 * b conflicts when no earlier figure agrees with it and an earlier figure in another sentence, about
 * the same time, is close to it (the first such in text order). Near-linear: whether any earlier
 * figure agrees is asked of the nearest earlier values (agreement is monotone in the ratio of two
 * values of one sign), and the candidates for the conflict come from neighbouring log-value buckets.
 */
export function conflicts(list: readonly Claim[], timesOf: (c: Claim) => Set<string>): [Claim, Claim][] {
  const out: [Claim, Claim][] = [];
  const values = [...new Set(list.map((c) => c.quantity!.value!))].sort((x, y) => x - y);
  const rank = new Map(values.map((v, i) => [v, i]));
  const exact = new Presence(values.length);
  const approx = new Presence(values.length);
  // close() compares absolute values, so the buckets do too.
  const bucketOf = (v: number) => (v === 0 ? 'z' : `${Math.floor(Math.log(Math.abs(v)) / CLOSE_BUCKET)}`);
  const buckets = new Map<string, number[]>(); // bucket -> indexes into list, in text order
  const neighbourBuckets = (v: number) => {
    if (v === 0) return [buckets.get('z')];
    const k = Math.floor(Math.log(Math.abs(v)) / CLOSE_BUCKET);
    return [buckets.get(`${k - 1}`), buckets.get(`${k}`), buckets.get(`${k + 1}`)];
  };
  const agreesWithAny = (b: Claim): boolean => {
    const r = rank.get(b.quantity!.value!)!;
    for (const [set, approxSet] of [[exact, false], [approx, true]] as const) {
      for (const n of [set.atOrBelow(r), set.atOrAbove(r)]) {
        if (n < 0) continue;
        const x = { quantity: { value: values[n], approximate: approxSet, bound: 'exact' } } as unknown as Claim;
        if (agree(x, b)) return true;
      }
    }
    return false;
  };
  for (let j = 0; j < list.length; j++) {
    const b = list[j];
    const v = b.quantity!.value!;
    if (j > 0 && !agreesWithAny(b)) {
      const tb = timesOf(b);
      let best = -1;
      let tried = 0;
      for (const idx of neighbourBuckets(v)) {
        if (!idx) continue;
        for (const i of idx) {
          if (best >= 0 && i >= best) break;
          if (++tried > MAX_CANDIDATES) break;
          const x = list[i];
          if (x.sentenceIndex !== b.sentenceIndex && close(x, b) && sameTime(timesOf(x), tb)) {
            best = i;
            break;
          }
        }
      }
      if (best >= 0) out.push([list[best], b]);
    }
    (isApprox(b) ? approx : exact).add(rank.get(v)!);
    const key = bucketOf(v);
    const bl = buckets.get(key);
    if (bl) bl.push(j);
    else buckets.set(key, [j]);
  }
  return out;
}

/** Which of n ranks are present, with the nearest present rank at or below / at or above a rank (Fenwick tree). */
class Presence {
  private tree: Int32Array;
  private present: Uint8Array;
  private log: number;
  constructor(private n: number) {
    this.tree = new Int32Array(n + 1);
    this.present = new Uint8Array(n);
    this.log = 1;
    while (this.log * 2 <= n) this.log *= 2;
  }
  add(r: number): void {
    if (this.present[r]) return;
    this.present[r] = 1;
    for (let i = r + 1; i <= this.n; i += i & -i) this.tree[i]++;
  }
  /** Present ranks below r + 1. */
  private count(r: number): number {
    let s = 0;
    for (let i = r + 1; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }
  /** The k-th present rank (1-based k), or -1. */
  private kth(k: number): number {
    if (k <= 0) return -1;
    let pos = 0;
    for (let step = this.log; step > 0; step >>= 1) {
      if (pos + step <= this.n && this.tree[pos + step] < k) {
        pos += step;
        k -= this.tree[pos];
      }
    }
    return pos < this.n ? pos : -1;
  }
  atOrBelow(r: number): number {
    return this.kth(this.count(r));
  }
  atOrAbove(r: number): number {
    const c = r > 0 ? this.count(r - 1) : 0;
    const total = this.count(this.n - 1);
    return c < total ? this.kth(c + 1) : -1;
  }
}

function sameTime(a: Set<string>, b: Set<string>): boolean {
  // A sentence that names no time is about the article's own time.
  if (!a.size || !b.size) return true;
  for (const t of a) if (b.has(t)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// name-variant

/** Damerau-Levenshtein distance (optimal string alignment), stopping early above `max` (pipeline/util/distance.ts). */
export { damerau as editDistance };

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'minister', 'senator', 'judge', 'coach', 'captain', 'general', 'rev', 'father']);
interface NameVariantLexicon {
  speechVerbs: string[];
  roleNouns: string[];
  rolePrefixes: string[];
  roleDeterminers: string[];
  roleSynonyms: { from: string[]; to: string }[];
}

let lexicon: { speech: Set<string>; roleNouns: Set<string>; rolePrefixes: string[]; determiners: Set<string>; synonyms: { from: string[][]; to: string }[] } | undefined;

/** lexicon/name-variant.json, loaded once. */
function lex() {
  if (lexicon) return lexicon;
  const l = loadLexicon<NameVariantLexicon>('name-variant');
  lexicon = {
    speech: new Set(l.speechVerbs),
    roleNouns: new Set(l.roleNouns),
    rolePrefixes: l.rolePrefixes,
    determiners: new Set(l.roleDeterminers),
    synonyms: l.roleSynonyms.map((x) => ({ from: x.from.map((f) => f.split(' ')), to: x.to })),
  };
  return lexicon;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

/** A capitalised word: an upper-case letter, then lower-case letters, apostrophes and hyphens ("Kowalczyk", "O'Neill-smith"). */
function capitalised(w: string): boolean {
  const chars = [...w];
  if (chars.length < 2 || !isUpper(chars[0])) return false;
  for (let i = 1; i < chars.length; i++) if (!isLower(chars[i]) && chars[i] !== '’' && chars[i] !== "'" && chars[i] !== '-') return false;
  return true;
}

const speaks = (w: string) => lex().speech.has(w.toLowerCase());
const noDot = (w: string) => (w.endsWith('.') ? w.slice(0, -1) : w);
/** White-space separated words. */
const wordsIn = (s: string) => collapseWhitespace(s).split(' ').filter(Boolean);

interface Mention {
  /** The surname as written (no possessive). */
  surname: string;
  /** The given name when the mention is a full name. */
  given?: string;
  start: number;
  end: number;
  /** Seen in a person context: an attribution to a person, a title, a speech verb. */
  person: boolean;
  /** The word before the mention, lower case ("in", "mr"), or ''. */
  prev: string;
}

// Words before a capitalised word that make it a place or an organisation rather than a person.
const PLACE_BEFORE = new Set(['in', 'of', 'from', 'to', 'at', 'the', 'for', 'by', 'with', 'on', 'into', 'across', 'near']);

function stripPossessive(w: string): string {
  if (w.endsWith("'s") || w.endsWith('’s')) return w.slice(0, -2);
  if (w.endsWith("'") || w.endsWith('’')) return w.slice(0, -1);
  return w;
}

/** Capitalised-word runs and attributions to people, as surname mentions. */
function mentions(article: Article, claims: readonly Claim[]): Mention[] {
  const out: Mention[] = [];
  const toks = article.tokens;
  for (const s of article.sentences) {
    let i = s.firstToken;
    while (i < s.lastToken) {
      const t = toks[i];
      if (t.kind !== 'word' || !capitalised(t.text) || t.quoted) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < s.lastToken && toks[j + 1].kind === 'word' && capitalised(toks[j + 1].text) && toks[j + 1].start - toks[j].end <= 1 && !toks[j + 1].quoted) j++;
      const words = toks.slice(i, j + 1).map((x) => x.text);
      const prev = i > s.firstToken ? toks[i - 1] : undefined;
      const prevWord = prev?.kind === 'word' ? noDot(prev.text.toLowerCase()) : '';
      const titled = TITLES.has(prevWord) || (words.length > 1 && TITLES.has(words[0].toLowerCase()));
      const next = j + 1 < s.lastToken ? toks[j + 1] : undefined;
      const speaking = !!next && next.kind === 'word' && speaks(next.text);
      const nameWords = words.filter((w) => !TITLES.has(w.toLowerCase()));
      const sentenceStart = i === s.firstToken;
      if (nameWords.length >= 1 && nameWords.length <= 3 && !(sentenceStart && nameWords.length === 1 && !speaking)) {
        const surname = stripPossessive(nameWords[nameWords.length - 1]);
        const lastTok = toks[j];
        out.push({
          surname,
          given: nameWords.length >= 2 ? nameWords[0] : undefined,
          start: lastTok.start,
          end: lastTok.start + surname.length,
          prev: prevWord,
          person: titled || speaking,
        });
      }
      i = j + 1;
    }
  }
  // Attributions mark their source's mention as a person.
  // (Mentions are in text order, so the ones inside a source's span are found by binary search.)
  for (const c of claims) {
    const at = c.attribution;
    if (!at || at.sourceType !== 'person' || at.inherited || at.sourceOffset === undefined) continue;
    const words = wordsIn(at.source).filter((w) => !TITLES.has(noDot(w.toLowerCase())));
    const surname = stripPossessive(words[words.length - 1] ?? '');
    const end = at.sourceEndOffset ?? at.sourceOffset + at.source.length;
    for (let k = firstAtOrAfter(out, at.sourceOffset); k < out.length && out[k].start < end; k++) if (out[k].surname === surname) out[k].person = true;
  }
  return out;
}

/** The first index of a list sorted by `start` whose start is at least `offset`. */
function firstAtOrAfter(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding `offset` (binary search), or undefined. */
function sentenceAt(article: Article, offset: number): Article['sentences'][number] | undefined {
  const ss = article.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ss[mid].start) hi = mid - 1;
    else if (offset >= ss[mid].end) lo = mid + 1;
    else return ss[mid];
  }
  return undefined;
}

/**
 * The pairs (x < y) of names that may be one edit apart (two for names of eight letters or more) and
 * share their first letter, in the order of a nested loop over `names`: found through a deletion
 * index (two strings within k edits share a string reached by at most k deletions from each, also
 * for a transposition), so an article naming thousands of people costs linear time, not quadratic.
 */
export function candidatePairs(names: readonly string[]): [number, number][] {
  const index = new Map<string, number[]>();
  const pairs = new Set<number>();
  const out: [number, number][] = [];
  const n = names.length;
  names.forEach((name, i) => {
    const lower = name.toLowerCase();
    const keys = new Set<string>([lower]);
    for (const d of deletes1(lower)) {
      keys.add(d);
      if (lower.length >= 8) for (const d2 of deletes1(d)) keys.add(d2);
    }
    for (const k of keys) {
      const key = `${name[0]}\u0000${k}`;
      const list = index.get(key);
      if (!list) {
        index.set(key, [i]);
        continue;
      }
      for (const j of list) {
        const id = j * n + i;
        if (pairs.has(id)) continue;
        pairs.add(id);
        out.push([j, i]);
      }
      // A key shared by very many names (generated names: Quill1son, Quill2son, ...) pairs only its
      // first ones: otherwise such a list costs quadratic time, and no article names that many
      // people a letter apart.
      if (list.length < MAX_PER_KEY) list.push(i);
    }
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** How many names one deletion key pairs with each other. */
const MAX_PER_KEY = 32;

function deletes1(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** A role, lower case, without possessive endings and a leading determiner, white space collapsed. */
function normRole(r: string): string {
  const lower = r.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    // "the port's director" -> "the port director" ('s at the end of a word).
    if ((lower[i] === "'" || lower[i] === '’') && lower[i + 1] === 's' && !isWordChar(lower[i + 2])) {
      i++;
      continue;
    }
    out += lower[i];
  }
  const words = wordsIn(out);
  if (words.length > 1 && lex().determiners.has(words[0])) words.shift();
  return words.join(' ');
}

/** `s` with the first whole-word occurrence of any of `from` (each a list of words) replaced by `to`. */
function replaceFirst(s: string, from: readonly string[][], to: string): string {
  const runs = wordRuns(s);
  for (let i = 0; i < runs.length; i++) {
    if (!runs[i].word) continue;
    for (const words of from) {
      // The words, separated by single spaces.
      let k = i;
      let ok = true;
      for (let j = 0; j < words.length; j++, k += 2) {
        if (runs[k]?.text !== words[j] || (j + 1 < words.length && runs[k + 1]?.text !== ' ')) {
          ok = false;
          break;
        }
      }
      if (ok) return runs.slice(0, i).map((r) => r.text).join('') + to + runs.slice(k - 1).map((r) => r.text).join('');
    }
  }
  return s;
}

function canonicalRole(r: string): string {
  let s = normRole(r);
  for (const { from, to } of lex().synonyms) s = replaceFirst(s, from, to);
  return s;
}

/**
 * A role names a job or position ("chief executive of the port authority"); attribution phrases that
 * are not roles ("remarking on the level of detail") are not compared. Case as written: lexicon words are lower case.
 */
export function isRole(r: string): boolean {
  if (wordsIn(r).length > 12) return false;
  const { roleNouns, rolePrefixes } = lex();
  return wordRuns(r).some((x) => x.word && (roleNouns.has(x.text) || rolePrefixes.some((p) => x.text.length > p.length && x.text.startsWith(p))));
}

/** Words after a role's head noun phrase ("president of X"). */
const HEAD_BREAKS = new Set(['of', 'at', 'for', 'in']);

function rolesAgree(a: string, b: string): boolean {
  const x = canonicalRole(a);
  const y = canonicalRole(b);
  if (x === y || x.includes(y) || y.includes(x)) return true;
  // Same head noun phrase before "of"/"at": "president of X" and "president".
  const head = (s: string) => {
    const words = s.split(' ');
    const i = words.findIndex((w, k) => k > 0 && k + 1 < words.length && HEAD_BREAKS.has(w));
    return i < 0 ? s : words.slice(0, i).join(' ');
  };
  const hx = head(x);
  const hy = head(y);
  return hx === hy || hx.endsWith(` ${hy}`) || hy.endsWith(` ${hx}`);
}

export const nameVariant: Rule = {
  meta: {
    id: 'consistency/name-variant',
    category: 'consistency',
    severity: 'warning',
    stage: 'verify',
    description: 'One person’s name is spelled two ways in the article, or one person is given two different roles.',
    docs: [
      'Compares the surnames of the people an article names (from attributions and capitalised names with a title, a speech verb or a role) with every other capitalised name: two spellings one or two edits apart (Damerau-Levenshtein; two only for names of eight letters or more) of names of five letters or more, starting with the same letter, are flagged at the rarer spelling, including surname-only mentions (“Jonas Weber … Mr Webber added”).',
      '',
      'Not flagged: two different people who are each given a full name with different first names (“John Smith” and “Jane Smyth”), and names that never appear as a person.',
      '',
      'Also flags a person given two different roles in attributions (“Marta Kessler, chief executive of the port authority” and later “Marta Kessler, the port’s finance director”).',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      spelling: "“{{variant}}” looks like another spelling of “{{surname}}” ({{fullName}}, line {{line}}): one person's name should be spelled the same way throughout. Check the spelling.",
      role: '{{source}} is “{{here}}” here but “{{there}}” on line {{line}}: one person should have one role. Check which is right.',
    },
  },
  check(ctx: RuleContext) {
    const { article } = ctx;
    const ms = mentions(article, ctx.claims);
    if (ms.length < 2) return;
    const bySurname = new Map<string, Mention[]>();
    for (const m of ms) {
      const list = bySurname.get(m.surname) ?? [];
      list.push(m);
      bySurname.set(m.surname, list);
    }
    const names = [...bySurname.keys()].filter((n) => n.length >= 5);
    const reported = new Set<string>();
    for (const [x, y] of candidatePairs(names)) {
      {
        const a = names[x];
        const b = names[y];
        if (a[0] !== b[0]) continue;
        // Plurals and possessives are not spellings: "the Bryans", "Baftas", "Europeans".
        // ... nor are demonyms and other endings: "Russia"/"Russian", "Pakistan"/"Pakistani".
        if (a.startsWith(b) || b.startsWith(a)) continue;
        const max = Math.min(a.length, b.length) >= 8 ? 2 : 1;
        if (damerau(a.toLowerCase(), b.toLowerCase(), max) > max) continue;
        const la = bySurname.get(a)!;
        const lb = bySurname.get(b)!;
        // Both spellings are used for a person (a title, a speech verb, an attribution); or one is a
        // person's full name and the other only ever a bare surname in no place context ("Greece" after
        // "in" is not a spelling of "Greene"); or one is a person and the other a full name.
        const fullPerson = (l: Mention[]) => l.some((m) => m.person && m.given);
        const bareSurname = (l: Mention[]) => l.every((m) => !m.given && !PLACE_BEFORE.has(m.prev));
        const bothPeople = la.some((m) => m.person) && lb.some((m) => m.person);
        const personAndName = (x: Mention[], y: Mention[]) => x.some((m) => m.person) && y.some((m) => m.given && !PLACE_BEFORE.has(m.prev));
        if (!bothPeople && !(fullPerson(la) && bareSurname(lb)) && !(fullPerson(lb) && bareSurname(la)) && !personAndName(la, lb) && !personAndName(lb, la)) continue;
        // Two full names with different first names are two people (John Smith, Jane Smyth).
        const ga = new Set(la.map((m) => m.given).filter(Boolean));
        const gb = new Set(lb.map((m) => m.given).filter(Boolean));
        if (ga.size && gb.size && ![...ga].some((g) => gb.has(g))) continue;
        // Flag the rarer spelling (the later one on a tie); the other is the evidence.
        const [variant, canon] = lb.length < la.length || (lb.length === la.length && lb[0].start > la[0].start) ? [lb, la] : [la, lb];
        const first = canon[0];
        const canonFull = first.given ? `${first.given} ${first.surname}` : first.surname;
        const line = lineOf(article, first.start);
        for (const m of variant) {
          const key = `${m.start}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const from = Math.max(sentenceAt(article, first.start)?.start ?? first.start, first.start - 160);
          const raw = article.text.slice(from, first.end + 80);
          const cut = [raw.indexOf('\r'), raw.indexOf('\n')].filter((i) => i >= 0);
          const excerpt = cut.length ? raw.slice(0, Math.min(...cut)) : raw;
          const ev: Evidence = { kind: 'compared', message: `Line ${line} spells the name “${first.surname}” (${canonFull})`, line, excerpt, expected: first.surname, actual: m.surname };
          ctx.report({
            start: m.start,
            end: m.end,
            messageId: 'spelling',
            data: { variant: m.surname, surname: first.surname, fullName: canonFull, line },
            suggestions: [first.surname],
            expected: first.surname,
            actual: m.surname,
            evidence: [ev],
          });
        }
      }
    }
    // One person, two roles.
    const roles = new Map<string, { role: string; claim: Claim; source: string }[]>();
    const seenRole = new Set<string>();
    for (const c of ctx.claims) {
      const at = c.attribution;
      if (!at || at.sourceType !== 'person' || !at.role || at.inherited || !isRole(at.role)) continue;
      const words = wordsIn(at.source);
      const key = stripPossessive(words[words.length - 1] ?? '').toLowerCase();
      const dedupe = `${key}\u0000${at.role}\u0000${at.sourceOffset}`;
      if (seenRole.has(dedupe)) continue;
      seenRole.add(dedupe);
      const list = roles.get(key) ?? [];
      list.push({ role: at.role, claim: c, source: at.source });
      roles.set(key, list);
    }
    for (const list of roles.values()) {
      // Agreement depends on the roles alone, so each new role is compared with the distinct earlier
      // roles only; when none agrees, the first mention (list[0]) is the evidence.
      const distinct: string[] = [];
      const known = new Set<string>();
      for (let j = 0; j < list.length; j++) {
        const b = list[j];
        if (known.has(b.role)) continue;
        const agrees = distinct.some((r) => rolesAgree(r, b.role));
        distinct.push(b.role);
        known.add(b.role);
        if (j === 0 || agrees) continue;
        const a = list[0];
        const start = b.claim.attribution!.sourceOffset ?? b.claim.offset;
        const end = b.claim.attribution!.sourceEndOffset ?? b.claim.endOffset;
        const line = lineOf(article, a.claim.attribution!.sourceOffset ?? a.claim.offset);
        const ev: Evidence = { kind: 'compared', message: `Line ${line} calls ${a.source} “${a.role}”`, line, excerpt: sentenceExcerpt(article, a.claim), expected: a.role, actual: b.role };
        ctx.report({
          start,
          end,
          claimId: b.claim.id,
          messageId: 'role',
          data: { source: b.source, here: b.role, there: a.role, line },
          expected: a.role,
          actual: b.role,
          evidence: [ev],
        });
      }
    }
  },
};
