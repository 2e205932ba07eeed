// Who a source is: capitalised-word runs over the shared tokens, the publications of the shared name
// list (pipeline/lexicon/names.json), person titles and organisation suffixes, and compromise's word
// lexicon (a hash lookup: first names, last names, places, demonyms). Nothing here parses text with
// compromise: on names it is both slow (~0.6 ms per call) and wrong ("Vitaly" is an adverb, "The Moscow
// Times" is a place, "Kommersant" and "The Bell" are unknown).
import { compromise } from '../util/lazy.js';
import type { Article, Token } from '../core/types.js';
import { spanOf } from '../parse/positions.js';
import { NAME_ENTRIES, PUBLICATION_KINDS } from '../lexicon/names.js';
import { loadLexicon } from '../lexicon/load.js';
const namesData = loadLexicon<Record<string, string[]>>('name-parts');
const vagueData = loadLexicon<Record<string, string[]>>('vague-sources');
const verbData = loadLexicon<{ verbs: unknown[] }>('reporting-verbs');

export type SourceType = 'person' | 'organization' | 'publication' | 'anonymous' | 'vague';

/** A source mention: its normalised name and type, and the mention's own offsets. */
export interface Source {
  name: string;
  type: SourceType;
  start: number;
  end: number;
  role?: string;
  /** Token index of the first and last token of the mention (role excluded). */
  firstTok: number;
  lastTok: number;
}

// ---------------------------------------------------------------------------------------------
// compromise's lexicon: word -> tag(s). A lookup, no parsing.
// Read on first use: compromise loads only when an article is checked (issue 14).
let LEX: Record<string, string | string[]> | undefined;
const lexicon = () => (LEX ??= (compromise() as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon);
// (Own keys only: "constructor" is no word of the lexicon. Issue 9.)
const lex = (w: string): string | string[] | undefined => {
  const l = lexicon();
  return Object.hasOwn(l, w) ? l[w] : undefined;
};
export function lexTags(word: string): string[] {
  const v = lex(word.toLowerCase());
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
function hasTag(word: string, ...tags: string[]): boolean {
  const v = lex(word.toLowerCase());
  if (v === undefined) return false;
  if (typeof v === 'string') return tags.includes(v);
  for (const t of v) if (tags.includes(t)) return true;
  return false;
}
const isFirstName = (w: string) => hasTag(w, 'MaleName', 'FemaleName', 'FirstName');
const isVerbWord = (w: string) => hasTag(w, 'PastTense', 'Infinitive', 'PresentTense', 'Gerund', 'Copula', 'Modal', 'Participle', 'PhrasalVerb');

// ---------------------------------------------------------------------------------------------
// Word lists.
const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const ORG_SUFFIX = new Set(namesData.orgSuffixes);
const PUB_SUFFIX = new Set(namesData.publicationSuffixes);
export const ORG_NOUNS = lowerSet(namesData.orgNouns);
export const PUBLICATION_NOUNS = lowerSet(namesData.publicationNouns);
export const ROLE_NOUNS = lowerSet(namesData.roleNouns);
const PERSON_TITLES = lowerSet(namesData.personTitles);
const COURTESY = lowerSet(namesData.courtesyTitles);
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'la', 'al', 'bin', 'ibn']);
const TITLE_FIRST = new Set([...PERSON_TITLES].flatMap((t) => [t.split(' ')[0], t.split(' ')[0].replace(/\.$/, '')]));
const CONNECTORS = lowerSet(namesData.connectors);
const NOT_NAMES = lowerSet(namesData.notNames);
export const ANONYMOUS = lowerSet(vagueData.anonymous);
export const VAGUE = lowerSet(vagueData.vague);
export const QUANTIFIERS = lowerSet(vagueData.quantifiers);
export const DOCUMENTS = lowerSet(vagueData.documents);
export const NOT_SOURCES = lowerSet(vagueData.notSources);
const MAX_TITLE_WORDS = 4;
// Modifiers that may precede a role noun in a role written before a name ("deputy finance minister").
const ROLE_MODIFIERS = new Set(
  'chief deputy senior former managing executive general vice assistant acting interim lead head principal junior foreign finance economic economics financial political shadow public technical sales marketing research investment editorial operating'.split(' '),
);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'one', 'another']);

// ---------------------------------------------------------------------------------------------
// Token predicates.
const CAP = /^\p{Lu}/u;
const PREFIXED_CAP = /^(?:al|el|bin|ibn|de|van|von|da|di|du|le|la|mc|mac|o)[-'’]\p{Lu}/u;
export const POSSESSIVE = /['’]s?$/;

export function isCapWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && (CAP.test(t.text) || PREFIXED_CAP.test(t.text));
}
export const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');
const isPossessive = (t: Token) => t.kind === 'word' && /['’]s$|s['’]$/.test(t.text);
/** End offset of a token with any possessive mark removed (Putin’s -> Putin). */
export function bareEnd(t: Token): number {
  const m = /['’]s?$/.exec(t.text);
  return m && t.text.length > m[0].length + 1 ? t.end - m[0].length : t.end;
}
const isAcronym = (w: string) => /^[A-Z][A-Z&.]{1,5}$/.test(w);
const isDemonymOrAdj = (w: string) =>
  hasTag(w, 'Demonym', 'Adjective') || (/(?:ian|ese|ish|ern)$/.test(w) && !isFirstName(w) && !hasTag(w, 'LastName'));
const isPlace = (w: string) => hasTag(w, 'Country', 'City', 'Region', 'Place');

// ---------------------------------------------------------------------------------------------
// Publications (the publication, news agency and broadcaster kinds of the shared name list): one sticky
// regex over every name and alias, tried at a given offset. The first entry to claim a spelling keeps it.
interface PubVariant {
  name: string;
  /** A leading "the" is part of the name (The Bell): required in the text. */
  needsThe: boolean;
  /** Short capitals (AP, FT, RT): must match case exactly. */
  exact: string | undefined;
}
const PUB_BY_CORE = new Map<string, PubVariant>();
const cores: string[] = [];
const PUBLICATIONS = NAME_ENTRIES.filter((e) => PUBLICATION_KINDS.has(e.kind));
for (const p of PUBLICATIONS) {
  for (const v of [p.name, ...p.aliases]) {
    const needsThe = /^the\s/i.test(v);
    const core = v.replace(/^the\s+/i, '');
    const key = core.toLowerCase();
    if (PUB_BY_CORE.has(key)) continue;
    PUB_BY_CORE.set(key, { name: p.name, needsThe, exact: /^[A-Za-z]{2,4}$/.test(core) && core === core.toUpperCase() ? core : undefined });
    cores.push(core);
  }
}
cores.sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
const PUB_RE = new RegExp(`(?:(the)\\s+)?(${cores.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'iuy');

export interface PubMatch {
  name: string;
  start: number;
  end: number;
}

/** A publication named at `pos` (optionally after "the"), with casing checks; undefined otherwise. */
export function matchPublicationAt(text: string, pos: number): PubMatch | undefined {
  PUB_RE.lastIndex = pos;
  const m = PUB_RE.exec(text);
  if (!m) return undefined;
  const core = m[2];
  const v = PUB_BY_CORE.get(core.toLowerCase().replace(/\s+/g, ' '));
  if (!v) return undefined;
  if (v.needsThe && !m[1]) return undefined;
  if (v.exact ? core !== v.exact : !CAP.test(core) && CAP.test(v.name.replace(/^the\s+/i, ''))) return undefined;
  // A longer capitalised name goes on (Reuters Institute, Bloomberg Intelligence): not the publication.
  const after = /^\s+(\S+)/u.exec(text.slice(pos + m[0].length, pos + m[0].length + 40));
  if (after && CAP.test(after[1]) && !NOT_NAMES.has(after[1].replace(/[^\p{L}]/gu, '').toLowerCase())) {
    const nextWord = after[1].replace(/[^\p{L}'’]/gu, '');
    if (nextWord && !/^(?:According|But|And|The|This|In|On|It|He|She|They)$/.test(nextWord)) return undefined;
  }
  const start = m[1] && v.needsThe ? m.index : m.index + (m[0].length - core.length);
  return { name: v.name, start, end: m.index + m[0].length };
}

// ---------------------------------------------------------------------------------------------
// Capitalised runs.

/** A maximal run of capitalised words (with inner connectors: of, for, de, van, &) starting at token i. */
export function runRight(tokens: Token[], i: number, hi: number): [number, number] | undefined {
  if (!isCapWord(tokens[i])) return undefined;
  let e = i;
  let sawOf = false;
  while (e + 1 <= hi) {
    if (isPossessive(tokens[e])) break;
    const n = tokens[e + 1];
    if (isCapWord(n) && n.start - tokens[e].end <= 1) {
      e++;
      continue;
    }
    // "Mr. White", "James B. Comey": a title or an initial with its dot.
    if (e + 2 <= hi && isAbbrevDot(tokens, e + 1)) {
      e += 2;
      continue;
    }
    const l = lower(n);
    if (n.kind === 'word' && CONNECTORS.has(l) && (l !== 'and' || sawOf)) {
      // "of the", "for the" before a capital.
      let k = e + 2;
      if ((l === 'of' || l === 'for') && lower(tokens[k]) === 'the') k++;
      if (k <= hi && isCapWord(tokens[k])) {
        if (l === 'of' || l === 'for') sawOf = true;
        e = k;
        continue;
      }
    }
    if (n.kind === 'punct' && n.text === '&' && isCapWord(tokens[e + 2]) && e + 2 <= hi) {
      e += 2;
      continue;
    }
    break;
  }
  return [i, e];
}

/** The run of capitalised words that ends at token e (which must be capitalised), not before lo. */
export function runLeft(tokens: Token[], e: number, lo: number): [number, number] | undefined {
  if (!isCapWord(tokens[e])) return undefined;
  let s = e;
  while (s - 1 >= lo) {
    const p = tokens[s - 1];
    if (isCapWord(p) && !isPossessive(p) && tokens[s].start - p.end <= 1) {
      s--;
      continue;
    }
    if (s - 2 >= lo && isAbbrevDot(tokens, s - 1) && !isPossessive(tokens[s - 2])) {
      s -= 2;
      continue;
    }
    const l = lower(p);
    if (p.kind === 'word' && (CONNECTORS.has(l) || l === 'the') && s - 2 >= lo) {
      let k = s - 2;
      if (l === 'the' && /^(?:of|for)$/.test(lower(tokens[k]))) k--;
      else if (l === 'the') break;
      if (k >= lo && isCapWord(tokens[k]) && !isPossessive(tokens[k])) {
        s = k;
        continue;
      }
    }
    if (p.text === '&' && s - 2 >= lo && isCapWord(tokens[s - 2])) {
      s -= 2;
      continue;
    }
    break;
  }
  // "Smith and Jones" is two names; "Union of Industrialists and Entrepreneurs" is one.
  for (let k = e; k > s; k--) {
    if (lower(tokens[k]) === 'and') {
      let of = false;
      for (let j = s; j < k; j++) if (lower(tokens[j]) === 'of' || lower(tokens[j]) === 'for') of = true;
      if (!of) {
        s = k + 1;
        break;
      }
    }
  }
  return [s, e];
}

// ---------------------------------------------------------------------------------------------
// Person registry: named people in text order, for pronouns (he said) and surnames (Mr Greenspan).

export interface PersonMention {
  name: string;
  start: number;
  gender?: 'm' | 'f';
}

/**
 * Mentions in text order, for "the latest one before offset" in O(log n). Entries arrive in a few
 * ascending runs (the scan, the quotation pass, the sentence pass); each run stays sorted and a query
 * asks every run. On equal starts the earlier run wins, and within a run the first entry.
 */
class Timeline<T extends { start: number }> {
  private runs: T[][] = [];
  private last = -1;
  insert(x: T): void {
    const fits = (r: T[]) => r[r.length - 1].start <= x.start;
    if (this.last >= 0 && fits(this.runs[this.last])) {
      this.runs[this.last].push(x);
      return;
    }
    const i = this.runs.findIndex(fits);
    if (i >= 0) {
      this.runs[i].push(x);
      this.last = i;
      return;
    }
    this.runs.push([x]);
    this.last = this.runs.length - 1;
    if (this.runs.length > 12) {
      // Many runs: merge them into one (stable, so earlier runs keep their precedence on ties).
      this.runs = [this.runs.flat().sort((p, q) => p.start - q.start)];
      this.last = 0;
    }
  }
  clear(): void {
    this.runs = [];
    this.last = -1;
  }
  /** The latest item that starts before offset. */
  lastBefore(offset: number): T | undefined {
    let best: T | undefined;
    for (const xs of this.runs) {
      let lo = 0;
      let hi = xs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (xs[mid].start < offset) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) continue;
      // The first of equal starts.
      let i = lo - 1;
      while (i > 0 && xs[i - 1].start === xs[i].start) i--;
      if (!best || xs[i].start > best.start) best = xs[i];
    }
    return best;
  }
}

export class Registry {
  private scanned: PersonMention[] | undefined;
  /** People found as sources so far (text order of discovery, which is text order). */
  readonly found: PersonMention[] = [];
  // Indexes over scanned and found people (scanned first on equal starts): any gender, not female,
  // not male; and multi-word names by their last word (for fullName).
  private readonly anyone = new Timeline<PersonMention>();
  private readonly notF = new Timeline<PersonMention>();
  private readonly notM = new Timeline<PersonMention>();
  private readonly bySurname = new Map<string, Timeline<PersonMention>>();
  // People named at the start of a sentence (its subject, as a rule): "Dr Fox accused Mr Blair ... “...,” he said" is Fox.
  private readonly leadAny = new Timeline<PersonMention>();
  private readonly leadNotF = new Timeline<PersonMention>();
  private readonly leadNotM = new Timeline<PersonMention>();
  constructor(private readonly article: Article) {}

  /** Whether a mention at `start` opens its sentence (after quotation marks and a connective such as "But"). */
  private leads(start: number): boolean {
    const { sentences, prose } = this.article;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= start) lo = mid;
      else hi = mid - 1;
    }
    const sent = sentences[lo];
    if (!sent || sent.start > start) return false;
    return /^[\s“"‘']*(?:(?:But|And|So|Yet|However|Meanwhile|Now|Later|Then|Still|Also),?\s+)?$/u.test(prose.slice(sent.start, start));
  }

  private index(p: PersonMention): void {
    if (this.leads(p.start)) {
      this.leadAny.insert(p);
      if (p.gender !== 'f') this.leadNotF.insert(p);
      if (p.gender !== 'm') this.leadNotM.insert(p);
    }
    this.anyone.insert(p);
    if (p.gender !== 'f') this.notF.insert(p);
    if (p.gender !== 'm') this.notM.insert(p);
    if (p.name.includes(' ')) {
      const last = p.name.split(/\s+/).pop()!;
      let t = this.bySurname.get(last);
      if (!t) this.bySurname.set(last, (t = new Timeline()));
      t.insert(p);
    }
  }

  private scan(): PersonMention[] {
    if (this.scanned) return this.scanned;
    const out: PersonMention[] = [];
    const { tokens, blocks, sentences } = this.article;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!isCapWord(t) || (i > 0 && isCapWord(tokens[i - 1]) && tokens[i - 1].sentence === t.sentence)) continue;
      if (blocks[sentences[t.sentence].block]?.kind === 'heading') continue;
      let title = titleAt(tokens, i, i + 3);
      // "former Tory Treasurer Lord Ashcroft": a title further into the capitalised run.
      for (let j = i + 1; !title && !isFirstName(t.text) && j <= i + 3 && isCapWord(tokens[j]) && tokens[j].sentence === t.sentence; j++) {
        const tj = titleAt(tokens, j, j + 3);
        if (tj) {
          title = tj;
          i = j;
        }
      }
      const first = title ? title.end + 1 : i;
      if (first >= tokens.length || !isCapWord(tokens[first])) continue;
      if (!title && !isFirstName(tokens[first].text)) continue;
      const run = runRight(tokens, first, Math.min(tokens.length - 1, first + 4));
      if (!run) continue;
      const [s, e] = run;
      if (!title && e === s) continue; // a first name alone
      if (nameWords(tokens, s, e).some((w) => ORG_SUFFIX.has(w))) continue;
      const name = this.article.text.slice(tokens[s].start, bareEnd(tokens[e]));
      out.push({ name, start: tokens[title ? i : s].start, gender: genderOf(tokens[first].text, title?.text) });
      i = e;
    }
    // Found people so far sit after scanned ones of the same start.
    const early = this.found.slice();
    this.scanned = out;
    this.anyone.clear();
    this.notF.clear();
    this.notM.clear();
    this.bySurname.clear();
    this.leadAny.clear();
    this.leadNotF.clear();
    this.leadNotM.clear();
    for (const p of out) this.index(p);
    for (const p of early) this.index(p);
    return out;
  }

  add(name: string, start: number, firstWord?: string): void {
    this.push({ name, start, gender: firstWord ? genderOf(firstWord) : undefined });
  }
  private push(p: PersonMention): void {
    this.found.push(p);
    if (this.scanned) this.index(p);
  }

  /** Named organisations and publications found as sources, with their block. */
  private readonly orgs = new Timeline<{ name: string; start: number; block: number }>();
  addOrganization(name: string, start: number): void {
    const block = this.blockAt(start);
    this.orgs.insert({ name, start, block });
  }
  lastOrganization(offset: number, block: number): string | undefined {
    // Blocks grow with offsets: when the latest one before offset is too far back, so is every other.
    const o = this.orgs.lastBefore(offset);
    return o && block - o.block <= 1 && block >= o.block ? o.name : undefined;
  }
  private sameSentence(a: number, b: number): boolean {
    const { tokens } = this.article;
    const ta = tokens[tokenAt(tokens, a)];
    const tb = tokens[tokenAt(tokens, b)];
    return !!ta && !!tb && ta.sentence === tb.sentence;
  }
  private blockAt(offset: number): number {
    const { blocks } = this.article;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The most recent person named before `offset` (he/she: skipping people of the other gender when known). */
  resolvePronoun(offset: number, pronoun: string): string | undefined {
    const want = /^(?:he|him|his)$/i.test(pronoun) ? 'm' : /^(?:she|her|hers)$/i.test(pronoun) ? 'f' : undefined;
    this.scan();
    let best = (want === 'm' ? this.notF : want === 'f' ? this.notM : this.anyone).lastBefore(offset);
    // Named last in an earlier sentence that another person opened: that sentence's subject ("Dr Fox accused Mr Blair of ... “...,” he said" is Fox).
    if (best && !this.sameSentence(best.start, offset)) {
      const lead = (want === 'm' ? this.leadNotF : want === 'f' ? this.leadNotM : this.leadAny).lastBefore(offset);
      if (lead && lead.start < best.start && this.sameSentence(lead.start, best.start) && lead.name !== best.name) best = lead;
    }
    return best ? this.fullName(best.name, offset) : undefined;
  }

  /** "Greenspan" -> "Alan Greenspan" when a fuller name ending in it came earlier. */
  fullName(name: string, offset: number): string {
    if (/\s/.test(name)) return name;
    this.scan();
    return this.bySurname.get(name)?.lastBefore(offset)?.name ?? name;
  }

  private pairIndex: Map<string, Timeline<{ name: string; start: number }>> | undefined;
  /** Capitalised word -> the "First Surname" pairs ending in it that can be a person, in text order (built once per article). */
  private pairs(): Map<string, Timeline<{ name: string; start: number }>> {
    if (this.pairIndex) return this.pairIndex;
    const index = new Map<string, Timeline<{ name: string; start: number }>>();
    const { tokens } = this.article;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      const p = tokens[i - 1];
      if (!isCapWord(t) || !isCapWord(p) || p.sentence !== t.sentence || t.start - p.end !== 1 || isPossessive(p)) continue;
      const first = p.text;
      if (NOT_NAMES.has(first.toLowerCase()) || PERSON_TITLES.has(first.toLowerCase()) || isDemonymOrAdj(first) || isPlace(first) || ORG_SUFFIX.has(first)) continue;
      const w = t.text.slice(0, bareEnd(t) - t.start);
      let list = index.get(w);
      if (!list) index.set(w, (list = new Timeline()));
      list.insert({ name: `${first} ${w}`, start: p.start });
    }
    return (this.pairIndex = index);
  }

  /** Documents and the bodies that published them ("the World Bank report"), for "the report said" later. */
  private readonly docs = new Map<string, Timeline<{ name: string; start: number; block: number }>>();
  addDocument(noun: string, owner: string, start: number): void {
    let t = this.docs.get(noun);
    if (!t) this.docs.set(noun, (t = new Timeline()));
    t.insert({ name: owner, start, block: this.blockAt(start) });
  }
  /** The body whose document of this kind was named last, within the three blocks before. */
  documentOwner(noun: string, offset: number, block: number): string | undefined {
    const d = this.docs.get(noun)?.lastBefore(offset);
    return d && block - d.block <= 3 ? d.name : undefined;
  }

  /** Whether a single word is the surname of someone named anywhere in the article. */
  namedAnywhere(word: string): boolean {
    this.scan();
    return this.bySurname.has(word);
  }

  /** Whether a single word is the surname of someone named before. */
  knownSurname(word: string, offset: number): boolean {
    if (this.fullName(word, offset) !== word) return true;
    // "Liverpool chief executive Rick Parry ... Parry said": a capitalised word right before the surname, earlier on.
    const best = this.pairs().get(word)?.lastBefore(offset);
    if (!best) return false;
    this.push({ name: best.name, start: best.start, gender: genderOf(best.name.split(' ')[0]) });
    return true;
  }
}

/** Index of the last token that starts at or before offset. */
function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function genderOf(firstWord: string, title?: string): 'm' | 'f' | undefined {
  const t = title?.toLowerCase().replace(/\.$/, '');
  if (t === 'mr' || t === 'sir' || t === 'lord' || t === 'king' || t === 'prince') return 'm';
  if (t === 'mrs' || t === 'ms' || t === 'miss' || t === 'dame' || t === 'lady' || t === 'queen' || t === 'princess' || t === 'baroness') return 'f';
  const tags = lexTags(firstWord);
  if (tags.includes('MaleName') && !tags.includes('FemaleName')) return 'm';
  if (tags.includes('FemaleName') && !tags.includes('MaleName')) return 'f';
  return undefined;
}

function nameWords(tokens: Token[], s: number, e: number): string[] {
  const out: string[] = [];
  for (let k = s; k <= e; k++) out.push(tokens[k].text.replace(POSSESSIVE, ''));
  return out;
}

/** A person title (Mr, Prime Minister, Foreign Minister) starting at token i: its last token. */
function titleAt(tokens: Token[], i: number, hi: number): { end: number; text: string } | undefined {
  const head = tokens[i]?.text.toLowerCase();
  if (!head || !(TITLE_FIRST.has(head) || ROLE_NOUNS.has(head) || head.includes('-'))) return undefined;
  for (let n = MAX_TITLE_WORDS; n >= 1; n--) {
    if (i + n - 1 > hi || i + n - 1 >= tokens.length) continue;
    let key = '';
    for (let k = i; k < i + n; k++) key += (k > i ? ' ' : '') + tokens[k].text.toLowerCase();
    const dotted = tokens[i + n]?.text === '.' && tokens[i + n].start === tokens[i + n - 1].end && PERSON_TITLES.has(`${key}.`);
    const titleLike = PERSON_TITLES.has(key) || dotted || (n === 1 && ROLE_NOUNS.has(key)) || (n === 1 && /-/.test(key) && PERSON_TITLES.has(key.split('-').pop()!));
    if (titleLike && CAP.test(tokens[i].text)) {
      // "Mr." is one token plus a dot token.
      let end = i + n - 1;
      if (tokens[end + 1]?.text === '.' && tokens[end + 1].start === tokens[end].end) end++;
      return { end, text: tokens.slice(i, i + n).map((t) => t.text).join(' ') };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Classifying a capitalised run.

export interface ClassifyOptions {
  /** The run follows "the" (the Federal Reserve): an organisation unless it is a publication. */
  afterThe?: boolean;
  /** A publication noun precedes it (the newspaper X): a publication unless clearly a person. */
  publicationContext?: boolean;
}

/**
 * Classifies the capitalised run [s, e] as a source, or undefined when it is not one (a demonym
 * such as "Russian", a function word at a sentence start).
 */
export function classifyRun(article: Article, reg: Registry, s: number, e: number, opts: ClassifyOptions = {}): Source | undefined {
  const { tokens, text } = article;
  // Leading function words ("But Smith", "Meanwhile Microsoft") and "The".
  let afterThe = !!opts.afterThe;
  while (s <= e && NOT_NAMES.has(lower(tokens[s])) && !hasTag(tokens[s].text, 'Demonym') && !titleAt(tokens, s, e)) {
    if (lower(tokens[s]) === 'the') afterThe = true;
    s++;
  }
  while (s <= e && CONNECTORS.has(lower(tokens[s]))) s++;
  if (s > e) return undefined;
  const start = tokens[s].start;
  const end = bareEnd(tokens[e]);
  // Publications: tried at "the" before the run, then at the run.
  const thePos = s > 0 && lower(tokens[s - 1]) === 'the' ? tokens[s - 1].start : undefined;
  for (const pos of thePos !== undefined ? [thePos, start] : [start]) {
    const pub = matchPublicationAt(text, pos);
    if (pub && pub.end >= end) return { name: pub.name, type: 'publication', start: pub.start, end: pub.end, firstTok: s, lastTok: tokenEndingAt(tokens, e, pub.end) };
  }
  const words = nameWords(tokens, s, e);
  const one = s === e;
  if (one && (VAGUE.has(words[0].toLowerCase()) || ANONYMOUS.has(words[0].toLowerCase()))) return undefined;
  // Nationalities and adjectives alone are not sources ("Russian", "Western").
  if (words.every((w) => isDemonymOrAdj(w) && !isPlace(w) && !ORG_SUFFIX.has(w)) && !(one && reg.knownSurname(words[0], start))) return undefined;
  // Titles: "Prime Minister Tony Blair", "US President George W Bush", "Mr Greenspan".
  let role: string | undefined;
  let nameStart = s;
  let titled = false;
  for (let k = s; k < e; k++) {
    const t = titleAt(tokens, k, e - 1);
    // "Mr Smith", and "Mr de Vabres" with a name particle.
    const particle = t && t.end + 2 <= e && PARTICLES.has(tokens[t.end + 1].text) && isCapWord(tokens[t.end + 2]);
    if (t && t.end < e && (isCapWord(tokens[t.end + 1]) || particle)) {
      titled = true;
      nameStart = t.end + 1;
      const titleText = text.slice(tokens[s].start, tokens[t.end].end);
      if (!COURTESY.has(t.text.toLowerCase()) || k > s) role = titleText;
      k = t.end;
    }
  }
  if (titled) {
    const bare = text.slice(tokens[nameStart].start, end);
    const name = reg.fullName(bare, start);
    return { name, type: 'person', start: tokens[nameStart].start, end, role, firstTok: nameStart, lastTok: e };
  }
  // "Ray Marshall of the Hendrix Foundation", "Kazuhiro Takahashi of Daiwa Securities": a person, then where they work.
  for (let k = s + 1; k < e; k++) {
    const l = lower(tokens[k]);
    if (l !== 'of' && l !== 'for') continue;
    const before = nameWords(tokens, s, k - 1);
    const after = nameWords(tokens, k + 1, e);
    const personLike = before.length >= 2 && before.length <= 3 && !before.some((w) => ORG_SUFFIX.has(w) || isAcronym(w) || isPlace(w) || isDemonymOrAdj(w));
    const orgAfter = after.some((w) => ORG_SUFFIX.has(w) || isAcronym(w) || hasTag(w, 'Organization'));
    if (personLike && (isFirstName(before[0]) || orgAfter)) {
      const nameEnd = tokens[k - 1].end;
      return { name: text.slice(start, nameEnd), type: 'person', start, end: nameEnd, role: text.slice(tokens[k].start, end), firstTok: s, lastTok: k - 1 };
    }
  }
  const raw = text.slice(start, end);
  const src = (type: SourceType, name = raw): Source => ({ name, type, start, end, firstTok: s, lastTok: e });
  if (opts.publicationContext) return src('publication');
  if (!one && PUB_SUFFIX.has(words[words.length - 1]) && !isFirstName(words[0])) return src('publication');
  // Organisations: a suffix word (Union, Bank, Ministry), an acronym, a lexicon organisation, "the ...".
  // An acronym alone, or leading a name (UK Coal, BBC Worldwide); two initials (KK Mittal) are a person's.
  if (words.some((w) => ORG_SUFFIX.has(w)) || (isAcronym(words[0]) && (one || words[0].length >= 3 || /^(?:US|UK|EU|UN)$/.test(words[0])))) return src('organization');
  if (!one && words.length <= 4 && isFirstName(words[0]) && !hasTag(raw, 'Organization')) return src('person');
  if (hasTag(raw, 'Organization', 'SportsTeam') || words.some((w) => hasTag(w, 'Organization', 'SportsTeam'))) return src('organization');
  if (afterThe) return src('organization');
  if (one && isPlace(words[0])) return src('organization');
  // People: a known first name, a known surname, or a short run of two to four words.
  if (isFirstName(words[0]) && !one) return src('person');
  // A campaign or a product that starts with a verb ("Stop Stansted Expansion", "Save the Children").
  if (!one && hasTag(words[0], 'Infinitive', 'Imperative')) return src('organization');
  if (one) {
    if (reg.knownSurname(words[0], start)) return src('person', reg.fullName(words[0], start));
    if (hasTag(words[0], 'LastName', 'MaleName', 'FemaleName')) return src('person');
    return src('organization');
  }
  if (words.length <= 4 && !words.some((w) => CONNECTORS.has(w.toLowerCase()))) {
    if (isPlace(raw) || words.every((w) => isPlace(w) || isDemonymOrAdj(w))) return src('organization');
    return src('person');
  }
  return src('organization');
}

function tokenEndingAt(tokens: Token[], from: number, end: number): number {
  let k = from;
  while (k + 1 < tokens.length && tokens[k + 1].end <= end) k++;
  return k;
}

/** A role written before a name: "Bank of England governor Mervyn King" -> "Bank of England governor". */
export function roleBefore(article: Article, s: number, lo: number): { role: string; firstTok: number } | undefined {
  const { tokens } = article;
  let k = s - 1;
  let sawRole = false;
  let first = s;
  while (k >= lo && s - k <= 8) {
    const t = tokens[k];
    const l = lower(t);
    if (t.kind !== 'word') break;
    if (ROLE_NOUNS.has(l) || ROLE_MODIFIERS.has(l)) {
      if (ROLE_NOUNS.has(l)) sawRole = true;
      first = k--;
      continue;
    }
    if (sawRole && (isCapWord(t) || CONNECTORS.has(l) || isPossessive(t))) {
      if (NOT_NAMES.has(l) && l !== 'the') break;
      if (l === 'the') break;
      first = k--;
      continue;
    }
    break;
  }
  // Leading connectors are not part of the role.
  while (first < s && CONNECTORS.has(lower(tokens[first]))) first++;
  if (!sawRole || first >= s) return undefined;
  return { role: article.text.slice(tokens[first].start, tokens[s - 1].end), firstTok: first };
}

/**
 * A role in apposition after a comma: ", president of the X," / ", head of strategy at Y." Tokens
 * from `i` (the first token after the comma) up to `hi`; returns the role and its last token.
 */
export function roleSegment(article: Article, i: number, hi: number): { role: string; lastTok: number } | undefined {
  const { tokens } = article;
  let e = i;
  while (e <= hi && !/^[,;:.!?()“”"‘’—–]$/.test(tokens[e].text) && !(tokens[e].kind === 'punct' && tokens[e].text === "'")) e++;
  e--;
  if (e < i || e - i > 25) return undefined;
  // The role must name a job early on ("president of", "the chief executive of", "ex-head of"), or read
  // like one ("one of the founders of Y", "a member of the board").
  let found = false;
  for (let k = i; k <= Math.min(e, i + 5); k++) {
    const l = lower(tokens[k]).replace(POSSESSIVE, '');
    if (ROLE_NOUNS.has(l) || PERSON_TITLES.has(l) || (l.includes('-') && l.split('-').some((part) => ROLE_NOUNS.has(part)))) {
      found = true;
      break;
    }
  }
  // "from Goldman Sachs", "of the Hendrix Foundation": where the person works.
  if (!found && /^(?:from|of|at)$/.test(lower(tokens[i])) && (isCapWord(tokens[i + 1]) || (lower(tokens[i + 1]) === 'the' && isCapWord(tokens[i + 2])))) found = true;
  // "the world's largest reinsurance company": what an organisation is.
  if (!found && DETERMINERS.has(lower(tokens[i])) && (ORG_NOUNS.has(lower(tokens[e])) || PUBLICATION_NOUNS.has(lower(tokens[e])))) found = true;
  if (!found) {
    const first = lower(tokens[i]);
    const lowerStart = /^(?:a|an|the|one|its|his|her|their|former|ex)$/.test(first) || /^\p{Ll}/u.test(tokens[i].text);
    let prep = false;
    for (let k = i + 1; k <= e; k++) if (/^(?:of|at|for|with)$/.test(lower(tokens[k]))) prep = true;
    if (!(lowerStart && prep && e - i <= 12 && !/^(?:who|which|where|when|whose|and|but|in|on|at|after|before|during|while|if|as|despite)$/.test(first))) return undefined;
    for (let k = i; k <= e; k++) if (VERBS.has(lower(tokens[k]))) return undefined;
  }
  let s = i;
  if (/^(?:the|a|an)$/.test(lower(tokens[s])) && s < e) s++;
  return { role: article.text.slice(tokens[s].start, tokens[e].end), lastTok: e };
}

/** Position fields of an attribution for a source mention. */
export function sourcePosition(article: Article, src: { start: number; end: number }) {
  const p = spanOf(article, src.start, src.end);
  return { sourceOffset: src.start, sourceEndOffset: src.end, sourceLine: p.line, sourceColumn: p.column };
}

export const PRONOUNS = new Set(['he', 'she']);
export { DETERMINERS, isVerbWord, isFirstName, isAcronym, isPossessive, NOT_NAMES, CONNECTORS };

// ---------------------------------------------------------------------------------------------
// Reporting verbs and the subject grammar around them.

export interface VerbInfo {
  lemma: string;
  inverts: boolean;
  needsObject: boolean;
  opinion: boolean;
  quoteOnly: boolean;
  /** An -ing form after a clause (", saying ..."): the clause's subject speaks. */
  participle: boolean;
  /** Verbs that report only with "that", a colon, a comma or a quotation after them when the subject is named
   * ("Federer claimed the title" reports nothing). */
  strict: boolean;
}
export interface VerbHit extends VerbInfo {
  /** The verb as written, lower case ("said", "pointed out"). */
  cue: string;
  /** Last token of the verb (the particle of "pointed out"). */
  end: number;
}
const STRICT = new Set(
  'find claim deny admit ask post respond recall observe note stress reveal indicate maintain acknowledge conclude assert contend remark comment predict suggest confirm explain insist argue declare tweet disclose emphasise reply'.split(' '),
);
const VERBS = new Map<string, VerbInfo & { particle?: string }>();
for (const v of verbData.verbs as { lemma: string; forms: string[]; inverts?: boolean; needsObject?: boolean; opinion?: boolean; quoteOnly?: boolean; participle?: boolean }[]) {
  for (const f of v.forms) {
    const [head, particle] = f.split(' ');
    VERBS.set(head, {
      lemma: v.lemma,
      inverts: !!v.inverts,
      needsObject: !!v.needsObject,
      opinion: !!v.opinion,
      quoteOnly: !!v.quoteOnly,
      participle: !!v.participle,
      strict: STRICT.has(v.lemma),
      particle,
    });
  }
}
/** Every form of every reporting verb, for the sentence pre-filter. */
export const VERB_FORMS: string[] = [...new Set((verbData.verbs as { forms: string[] }[]).flatMap((v) => v.forms))];

export function verbAt(tokens: Token[], i: number): VerbHit | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  // A capitalised form is a name or a title word ("Garden State"), not a reporting verb.
  const l = t.text;
  const v = VERBS.get(l);
  if (!v) return undefined;
  // "tells the story of": not reporting.
  if (v.lemma === 'tell' && /^(?:the|a|of|how|its|his|her|their)$/.test(lower(tokens[i + 1])) && /^(?:story|tale|of|how)$/.test(lower(tokens[i + 2]) || lower(tokens[i + 1]))) return undefined;
  if (l === 'states' && statesIsNoun(tokens, i)) return undefined;
  if (v.particle) {
    if (lower(tokens[i + 1]) !== v.particle) return undefined;
    return { ...v, cue: `${l} ${v.particle}`, end: i + 1 };
  }
  return { ...v, cue: l, end: i };
}

// "states" as the plural noun ("five states", "Rust Belt states", "member states say"), not the verb "the memo states".
const STATES_NOUN_BEFORE = /^(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifty|all|both|many|several|other|these|those|some|most|few|key|member|swing|battleground|early|primary|caucus|democratic|republican|blue|red|purple|southern|northern|western|eastern|midwestern|border|belt|gulf|united|the|in|of|across|more|fewer|individual|neighboring|large|small|big|conservative|liberal|gop|island|baltic|arab|nation|sovereign|contiguous)$/;
const STATES_NOUN_AFTER = /^(?:say|said|going|plus|where|like|have|had|are|were|will|would|and|or|to|in|with|such|including)$/;
function statesIsNoun(tokens: Token[], i: number): boolean {
  return STATES_NOUN_BEFORE.test(lower(tokens[i - 1])) || STATES_NOUN_AFTER.test(lower(tokens[i + 1]));
}

// Words between a subject and its verb: auxiliaries and adverbs ("has also said", "later told").
const AUX = new Set('however too instead meanwhile likewise even only just will would could may might must should can has have had also later previously recently earlier once repeatedly again further then publicly privately separately subsequently yesterday today himself herself itself themselves reportedly allegedly initially originally simply flatly now still often frequently quickly immediately openly bluntly candidly explicitly directly specifically long first last tonight'.split(' '));
// Lower-case "-ly" words that are nouns or adjectives, not adverbs: "the family said", "an ally said".
const LY_NOT_ADVERB = new Set('family ally rally assembly anomaly monopoly homily bully belly jelly supply reply apply fly july italy early only daily weekly monthly yearly friendly elderly lonely lovely ugly holy silly'.split(' '));
/** An auxiliary or an adverb between a subject and its verb ("has also said", "however said", "angrily told"). */
export function isAux(t: Token | undefined): boolean {
  if (!t) return false;
  const l = t.text.toLowerCase();
  if (AUX.has(l)) return true;
  return /^[a-z]{3,}ly$/.test(t.text) && !LY_NOT_ADVERB.has(l);
}
const TIME_HEADS = new Set('monday tuesday wednesday thursday friday saturday sunday week month year weekend morning afternoon evening night'.split(' '));
const TIME_PARTS = new Set('morning afternoon evening night'.split(' '));
/** Skips a time phrase that ends at k, between a subject and its verb ("on Tuesday", "last week", "earlier this month", "on Monday night"). */
export function skipTime(tokens: Token[], k: number, lo: number): number {
  let j = k;
  if (j >= lo && TIME_PARTS.has(lower(tokens[j])) && TIME_HEADS.has(lower(tokens[j - 1]))) j--;
  if (j < lo || !TIME_HEADS.has(lower(tokens[j]))) return k;
  const p = lower(tokens[j - 1]);
  if (p === 'on' || p === 'last' || p === 'this' || p === 'next') {
    j -= 2;
    if (j >= lo && /^(?:earlier|later)$/.test(lower(tokens[j]))) j--;
    return j;
  }
  // "Tuesday" alone after a name is a time only when capitalised as a weekday.
  if (/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(tokens[j].text)) return j - 1;
  return k;
}
const BE = new Set('be been being was were is are am'.split(' '));
// A word right before the verb that rules out reporting: "the said property", "was told", "all told", "to say".
const NOT_BEFORE_VERB = new Set('the a an this that these those said was were is are be been being to all not never who which whom shall did do does nor'.split(' '));
const PREPOSITIONS = new Set('in on at to during after before from with via by while when for outside inside about ahead last this through following over under within across amid'.split(' '));
const PUNCT_CLAUSE = /^[,;:.!?()“”"‘’—–…]$/;

export interface Subject {
  src: Source;
  /** First token of the subject phrase (role included), and last. */
  firstTok: number;
  lastTok: number;
}

export interface Ctx {
  article: Article;
  reg: Registry;
}

/** Whether the word before a verb (after auxiliaries) allows a reporting reading. */
export function verbContextOk(tokens: Token[], v: number, lo: number): boolean {
  let k = v - 1;
  while (k >= lo && (isAux(tokens[k]) || BE.has(lower(tokens[k])))) {
    if (BE.has(lower(tokens[k]))) return false; // passive: "was told", "had been said"
    k--;
  }
  if (k < lo) return true;
  return CAP.test(tokens[k].text) && k > lo ? true : !NOT_BEFORE_VERB.has(lower(tokens[k]));
}

/** The subject that ends right before verb token v (after auxiliaries), not reaching before lo. */
export function subjectLeft(ctx: Ctx, v: number, lo: number): Subject | undefined {
  const { tokens } = ctx.article;
  let k = v - 1;
  while (k >= lo && isAux(tokens[k])) k--;
  k = skipTime(tokens, k, lo);
  while (k >= lo && isAux(tokens[k])) k--;
  if (k < lo) return undefined;
  // A party or place tag: "Sen. Ann Lee (D-Ore.) said".
  k = skipParenthesis(tokens, k, lo);
  if (k < lo) return undefined;
  // "Joseph R. Biden Jr. said": the dot of a short suffix.
  if (k - 1 >= lo && isSuffixDot(tokens, k)) k--;
  // "Gov. Ann Lee (R-OH), said" / "Rep. Ann Lee, R-Utah, said": a comma after a party tag.
  if (tokens[k].text === ',' && k - 1 >= lo && tokens[k - 1].text === ')') {
    const p = skipParenthesis(tokens, k - 1, lo);
    if (p !== k - 1 && p >= lo) return subjectCore(ctx, p, lo);
  }
  if (tokens[k].text === ',' && k - 3 >= lo) {
    let m = k - 1;
    if (tokens[m].text === '.' && tokens[m - 1].end === tokens[m].start) m--;
    if (m - 2 >= lo && PARTY_TAG.test(tokens[m].text) && tokens[m - 1].text === ',') return subjectCore(ctx, m - 2, lo);
  }
  const t = tokens[k];
  if (t.text === ',') {
    // Apposition: "X, president of Y, said" / "X, who ..., said".
    let j = k - 1;
    while (j >= lo && k - j <= 30 && !PUNCT_CLAUSE.test(tokens[j].text)) j--;
    if (j < lo || tokens[j].text !== ',' || j === k - 1) return undefined;
    const seg = roleSegment(ctx.article, j + 1, k - 1);
    const relative = /^(?:who|whose)$/.test(lower(tokens[j + 1]));
    if (!seg && !relative) {
      // "The ambassador to the UN, Anna Berg, said": the name is the apposition.
      const run = isCapWord(tokens[j + 1]) ? runRight(tokens, j + 1, k - 1) : undefined;
      if (!run || run[1] !== k - 1) return longApposition(ctx, k, lo);
      const src = classifyRun(ctx.article, ctx.reg, run[0], run[1], {});
      if (!src || src.type !== 'person') return longApposition(ctx, k, lo);
      ctx.reg.add(src.name, src.start, tokens[src.firstTok].text);
      return { src, firstTok: j + 1, lastTok: k - 1 };
    }
    let ce = skipParenthesis(tokens, j - 1, lo);
    // "James Comey Jr., the director": the dot of a short suffix.
    if (ce - 1 >= lo && isSuffixDot(tokens, ce)) ce--;
    const core = subjectCore(ctx, ce, lo);
    if (!core) return longApposition(ctx, k, lo);
    if (seg && !core.src.role && (core.src.type === 'person' || core.src.type === 'anonymous' || core.src.type === 'vague')) core.src.role = seg.role;
    return core;
  }
  return subjectCore(ctx, k, lo);
}

const PARTY_TAG = /^[RDI]-[A-Z][A-Za-z.]*$/;
/** The dot of "Jr." / "Sr." / "Inc." at token k. */
function isSuffixDot(tokens: Token[], k: number): boolean {
  return tokens[k].text === '.' && tokens[k - 1]?.kind === 'word' && tokens[k - 1].end === tokens[k].start && /^(?:Jr|Sr|Inc|Co|Corp|Ltd)$/.test(tokens[k - 1].text);
}

/** The token before a parenthesis that ends at k ("(R-Ga.)", "(D-N.Y.)"), or k itself. */
function skipParenthesis(tokens: Token[], k: number, lo: number): number {
  if (tokens[k]?.text !== ')') return k;
  for (let j = k - 1; j >= lo && k - j <= 10; j--) {
    if (tokens[j].text === '(') return j - 1;
    if (/^[.;:!?“”"]$/.test(tokens[j].text) && tokens[j].kind === 'punct' && !(tokens[j].text === '.' && tokens[j - 1]?.kind === 'word')) return k;
  }
  return k;
}

/**
 * A subject whose apposition reads like no role ("X, a Republican who heads the committee, which
 * oversees the bank, said"): the comma before the verb, then back over at most 45 tokens of
 * comma-separated phrases to a named person (nearest first), else a named organisation.
 */
function longApposition(ctx: Ctx, k: number, lo: number): Subject | undefined {
  const { tokens } = ctx.article;
  let org: Subject | undefined;
  for (let j = k - 1; j > lo && k - j <= 45; j--) {
    const tj = tokens[j];
    if (tj.kind === 'punct' && /^[;:.!?“”"]$/.test(tj.text) && !(tj.text === '.' && tokens[j - 1]?.kind === 'word' && tokens[j - 1].end === tj.start && tokens[j + 1]?.text !== ',')) return org;
    if (tj.quoted) return org;
    if (tj.text !== ',' || j === k - 1) continue;
    const end = skipParenthesis(tokens, j - 1, lo);
    if (end < lo || !isCapWord(tokens[end])) continue;
    const core = namedSubject(ctx, end, lo);
    if (!core) continue;
    if (core.src.type === 'person') return core;
    if (!org && (core.src.type === 'organization' || core.src.type === 'publication')) org = core;
  }
  return org;
}

function npStart(tokens: Token[], k: number, lo: number): { s: number; det: boolean } {
  const strict = npStartStrict(tokens, k, lo);
  if (strict.det) return strict;
  // "the search giant", "the Swiss food company": up to three lower-case words back to a determiner.
  for (let s = k - 1; s >= lo && k - s <= 4; s--) {
    const l = lower(tokens[s]);
    if (tokens[s].kind !== 'word' || VERBS.has(l) || (NOT_BEFORE_VERB.has(l) && !DETERMINERS.has(l))) break;
    if (DETERMINERS.has(l)) return { s, det: true };
    if (isPossessive(tokens[s])) {
      // "Germany's BdB private banks association", "Australia's competition watchdog".
      let first = s;
      if (isCapWord(tokens[s])) first = runLeft(tokens, s, lo)?.[0] ?? s;
      if (first - 1 >= lo && lower(tokens[first - 1]) === 'the') first--;
      return { s: first, det: true };
    }
  }
  return strict;
}

function npStartStrict(tokens: Token[], k: number, lo: number): { s: number; det: boolean } {
  let s = k;
  let det = false;
  while (s - 1 >= lo && k - s < 5) {
    const p = tokens[s - 1];
    const pl = lower(p);
    if (p.kind !== 'word') break;
    if (DETERMINERS.has(pl) || QUANTIFIERS.has(pl)) {
      s--;
      if (DETERMINERS.has(pl)) {
        det = true;
        break;
      }
      // After a quantifier only a determiner may come ("the many", not "Mr Blair acknowledged some").
      if (s - 1 >= lo && DETERMINERS.has(lower(tokens[s - 1]))) {
        s--;
        det = true;
      }
      break;
    }
    if (VERBS.has(pl)) break;
    if (isPossessive(p)) {
      // "Russia's central bank", "the firm's chief executive".
      s--;
      det = true;
      if (isCapWord(p)) {
        const run = runLeft(tokens, s, lo);
        if (run) s = run[0];
      }
      if (s - 1 >= lo && lower(tokens[s - 1]) === 'the') s--;
      break;
    }
    if (hasTag(p.text, 'Adjective', 'Demonym') || (isCapWord(p) && !NOT_NAMES.has(pl)) || ROLE_MODIFIERS.has(pl) || /^(?:central|state|national|federal|senior|top)$/.test(pl)) {
      s--;
      continue;
    }
    break;
  }
  return { s, det };
}

const isHeadNoun = (l: string) => ANONYMOUS.has(l) || VAGUE.has(l) || ROLE_NOUNS.has(l) || ORG_NOUNS.has(l);
const ORDINALS = new Set('first second third fourth fifth last latest other same'.split(' '));
const PP_AFTER_HEAD = new Set('for at of from with close familiar in within on to'.split(' '));

function unnamed(ctx: Ctx, s: number, e: number, type: SourceType): Subject {
  const { tokens, text } = ctx.article;
  return { src: { name: text.slice(tokens[s].start, tokens[e].end), type, start: tokens[s].start, end: tokens[e].end, firstTok: s, lastTok: e }, firstTok: s, lastTok: e };
}

/** The subject phrase whose last token is k. */
export function subjectCore(ctx: Ctx, k: number, lo: number): Subject | undefined {
  const { article, reg } = ctx;
  const { tokens } = article;
  if (k < lo) return undefined;
  const t = tokens[k];
  const l = lower(t);
  if (t.kind !== 'word') return undefined;
  if (PRONOUNS.has(l)) return pronounSubject(ctx, k);
  // "I said", "we said": the writer speaking, kept as written.
  if (l === 'i' || l === 'we') return unnamed(ctx, k, k, l === 'i' ? 'person' : 'vague');
  if (l === 'it') return itSubject(ctx, k);
  if (l === 'they') return theySubject(ctx, k);
  // "the 36-year-old said": the person named last.
  if (l === 'year-old' && k - 3 >= lo && tokens[k - 1].text === '-' && tokens[k - 2].kind === 'number' && lower(tokens[k - 3]) === 'the') {
    const name = reg.resolvePronoun(tokens[k - 3].start, 'they');
    if (!name) return undefined;
    return { src: { name, type: 'person', start: tokens[k - 3].start, end: t.end, firstTok: k - 3, lastTok: k }, firstTok: k - 3, lastTok: k };
  }
  // A capitalised word inside a sentence is a name ("Thames Valley Police"), even when it is also a group noun.
  const named = isCapWord(t) && ((k > article.sentences[t.sentence].firstToken && !/^[“"‘']$/.test(tokens[k - 1].text)) || isCapWord(tokens[k - 1]));
  if (named) return namedSubject(ctx, k, lo);
  // Unnamed groups and people: "officials", "some analysts", "a spokesperson", "Western diplomats".
  const two = k > lo ? `${lower(tokens[k - 1])} ${l}` : '';
  if (ANONYMOUS.has(two) || VAGUE.has(two)) {
    const { s } = npStart(tokens, k - 1, lo);
    return unnamed(ctx, s, k, ANONYMOUS.has(two) ? 'anonymous' : 'vague');
  }
  if (DOCUMENTS.has(l) && !VAGUE.has(l)) {
    // "the report said", "a survey found": the document itself, unnamed.
    const { s, det } = npStart(tokens, k, lo);
    if (!det) return undefined;
    const sub = unnamed(ctx, s, k, 'vague');
    // "the World Bank report said": the body that published it; "the report said" later on: the same body.
    let owner: string | undefined;
    for (let j = s; j < k; j++) {
      if (!isCapWord(tokens[j]) || NOT_NAMES.has(lower(tokens[j]))) continue;
      const run = runRight(tokens, j, k - 1);
      const src = run && run[1] === k - 1 ? classifyRun(article, reg, run[0], run[1], { afterThe: lower(tokens[j - 1]) === 'the' }) : undefined;
      if (src && src.type !== 'person') owner = src.name;
      break;
    }
    if (owner) reg.addDocument(l, owner, tokens[s].start);
    else if (/^(?:the|this|its)$/.test(lower(tokens[s]))) owner = reg.documentOwner(l, tokens[s].start, article.sentences[t.sentence].block);
    if (owner) sub.src = { ...sub.src, name: owner, type: 'organization' };
    return sub;
  }
  if (VAGUE.has(l) || ANONYMOUS.has(l)) {
    let { s, det } = npStartStrict(tokens, k, lo);
    if (!det && s === k) {
      const w = widenToDeterminer(tokens, s, lo);
      if (w !== undefined) {
        s = w;
        det = !QUANTIFIERS.has(lower(tokens[w]));
      }
    }
    const singular = det && /^(?:a|an|one|another)$/.test(lower(tokens[s]));
    const type: SourceType = ANONYMOUS.has(l) && (singular || !VAGUE.has(l)) ? 'anonymous' : 'vague';
    if (DOCUMENTS.has(l) && !det && s === k) return unnamed(ctx, s, k, 'vague');
    return unnamed(ctx, s, k, type);
  }
  // "a spokesman for the ministry", "people familiar with the matter", "analysts at Barclays".
  for (let j = k - 1; j >= Math.max(lo, k - 8); j--) {
    const tj = tokens[j];
    if (tj.kind === 'punct') break;
    const lj = lower(tj);
    const lj2 = `${lj} ${lower(tokens[j + 1])}`;
    if ((ANONYMOUS.has(lj) || VAGUE.has(lj) || ANONYMOUS.has(lj2)) && PP_AFTER_HEAD.has(lower(tokens[j + 1])) && !DOCUMENTS.has(lj) && !QUANTIFIERS.has(lj) && lj !== 'others') {
      const { s } = npStart(tokens, j, lo);
      return unnamed(ctx, s, k, ANONYMOUS.has(lj) || ANONYMOUS.has(lj2) ? 'anonymous' : 'vague');
    }
    if (VERBS.has(lj) || lj === 'that' || lj === 'who' || lj === 'which' || lj === 'to' || isVerbWord(tj.text)) break;
  }
  // "the company", "Russia's central bank", "the newspaper".
  if (!isCapWord(t) || NOT_NAMES.has(l)) {
    if (ORG_NOUNS.has(l) || ROLE_NOUNS.has(l) || PUBLICATION_NOUNS.has(l)) {
      const { s, det } = npStart(tokens, k, lo);
      if (!det) return undefined;
      const type: SourceType =
        ORG_NOUNS.has(l) && !ROLE_NOUNS.has(l)
          ? PUBLICATION_NOUNS.has(l) && !/^(?:agency|network|service|programme|show|station)$/.test(l)
            ? 'publication'
            : 'organization'
          : 'anonymous';
      return unnamed(ctx, s, k, type);
    }
    return isCapWord(t) ? undefined : describedSubject(ctx, k, lo);
  }
  return namedSubject(ctx, k, lo);
}

// Heads of a share of a group ("nearly half said", "59 percent said", "a third of voters said").
const SHARE_HEADS = new Set('half third quarter fifth majority minority plurality percent %'.split(' '));
const NUMBER_WORD = /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+(?:\.\d+)?)$/i;
const GROUP_PRONOUNS = new Set('them those us these'.split(' '));
/** Words that end no subject noun phrase. */
const NOT_HEAD = new Set(
  'the a an this that these those his her its their our my your some any no every each all both such own other another more most less least much many few several one there here what whom whose which who when where why how if than then also only just even very too so not never ever nor and or but yet because though although while whether as of for with from by at in on to into onto about over after before under since until up down out off it he she they we you i me him'.split(' '),
);

/** "some protest leaders", "the campaign's top aides": up to three lower-case nouns back from s to a determiner or quantifier (its index). */
function widenToDeterminer(tokens: Token[], s: number, lo: number): number | undefined {
  let j = s - 1;
  while (j >= lo && s - j <= 3 && tokens[j].kind === 'word' && /^\p{Ll}/u.test(tokens[j].text) && !DETERMINERS.has(lower(tokens[j])) && !QUANTIFIERS.has(lower(tokens[j])) && !NOT_HEAD.has(lower(tokens[j])) && !VERBS.has(lower(tokens[j])) && !isVerbWord(tokens[j].text) && !/(?:ly|ing|ed)$/.test(lower(tokens[j]))) j--;
  return j >= lo && (DETERMINERS.has(lower(tokens[j])) || QUANTIFIERS.has(lower(tokens[j]))) ? j : undefined;
}

/**
 * A subject described, not named: "the moderator said", "her advisers said", "some protest leaders
 * said", "nearly half said", "most of them said". A lower-case head after a determiner, a possessive or
 * a quantifier; a plural or a share of a group is vague, one person with "a/one" anonymous, "the/his X" a person described.
 */
function describedSubject(ctx: Ctx, k: number, lo: number): Subject | undefined {
  const { tokens } = ctx.article;
  const t = tokens[k];
  const l = lower(t);
  // "most of them", "many of those polled", "a third of voters": back over "of" to the quantity.
  let head = k;
  if (k - 2 >= lo && (GROUP_PRONOUNS.has(l) || /s$/.test(l)) && lower(tokens[k - 1]) === 'of') head = k - 2;
  const hl = lower(tokens[head]);
  if (tokens[head].kind !== 'word' && hl !== '%') return undefined;
  if (SHARE_HEADS.has(hl) || (head !== k && (QUANTIFIERS.has(hl) || /^(?:all|both|each|none|one|two|three)$/.test(hl)))) {
    let s = head;
    while (s - 1 >= lo && head - s < 3 && (tokens[s - 1].kind === 'number' || NUMBER_WORD.test(tokens[s - 1].text) || /^(?:a|an|the|nearly|almost|about|over|more|than|roughly|some|just|only|fully|another|one)$/.test(lower(tokens[s - 1])) || /^(?:half|third|quarter)$/.test(hl) && DETERMINERS.has(lower(tokens[s - 1])))) s--;
    if (s === head && !(head !== k) && hl !== 'majority' && hl !== 'half') return undefined;
    return unnamed(ctx, s, k, 'vague');
  }
  if (head !== k || GROUP_PRONOUNS.has(l)) return undefined;
  // "those surveyed said", "those polled said".
  if (k - 1 >= lo && lower(tokens[k - 1]) === 'those' && /^\p{Ll}+ed$/u.test(t.text)) return unnamed(ctx, k - 1, k, 'vague');
  if (NOT_HEAD.has(l) || VERBS.has(l) || AUX.has(l) || BE.has(l) || PREPOSITIONS.has(l) || NOT_BEFORE_VERB.has(l)) return undefined;
  if (!/^\p{Ll}[\p{Ll}-]+$/u.test(t.text) || /(?:ly|ing|ed)$/.test(l) || hasTag(l, 'Adverb', 'Pronoun', 'Preposition', 'Conjunction', 'Determiner', 'Adjective', 'Copula', 'Modal', 'PastTense', 'Gerund')) return undefined;
  let { s, det } = npStartStrict(tokens, k, lo);
  if (!det && !(s < k && QUANTIFIERS.has(lower(tokens[s])))) {
    const w = widenToDeterminer(tokens, s, lo);
    if (w === undefined) return undefined;
    s = w;
    det = true;
  }
  const first = lower(tokens[s]);
  const plural = /[^s]s$/.test(l) || /^(?:people|men|women|children|police|staff|folks|crowd)$/.test(l);
  // "that people would find", "that future lawmakers could": "that" opens a clause before a plural.
  if (plural && (first === 'that' || first === 'this')) return undefined;
  const type: SourceType = plural ? 'vague' : /^(?:a|an|one|another)$/.test(first) ? 'anonymous' : 'person';
  return unnamed(ctx, s, k, type);
}

/** The first token of "Mr. " / "Sen. " right before token s (a title written with a dot), or s. */
function titleDotBefore(tokens: Token[], s: number, lo: number): number {
  if (s - 2 < lo || tokens[s - 1].text !== '.' || tokens[s - 1].start !== tokens[s - 2].end) return s;
  const w = lower(tokens[s - 2]);
  return PERSON_TITLES.has(w) || PERSON_TITLES.has(`${w}.`) ? s - 2 : s;
}

/** A dot that ends a title or an initial inside a name ("Mr. White", "James B. Comey"), not a sentence. */
export function isAbbrevDot(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  const p = tokens[j - 1];
  if (!t || t.text !== '.' || !p || p.kind !== 'word' || p.end !== t.start || !isCapWord(tokens[j + 1])) return false;
  const w = lower(p);
  return PERSON_TITLES.has(w) || PERSON_TITLES.has(`${w}.`) || /^\p{Lu}$/u.test(p.text);
}

/** A named subject: the capitalised run ending at token k, with a role written before it. */
function namedSubject(ctx: Ctx, k: number, lo: number): Subject | undefined {
  const { article, reg } = ctx;
  const { tokens } = article;
  const t = tokens[k];
  if (isPossessive(t)) return undefined;
  const run = runLeft(tokens, k, lo);
  if (!run) return undefined;
  let [s] = run;
  // "Mr. White", "Sen. Lee": the title and its dot belong to the name (White alone reads as an adjective).
  s = titleDotBefore(tokens, s, lo);
  const afterThe = s > lo && lower(tokens[s - 1]) === 'the';
  const pubCtx = s > lo && PUBLICATION_NOUNS.has(lower(tokens[s - 1]));
  const src = classifyRun(article, reg, s, k, { afterThe, publicationContext: pubCtx && !isFirstName(tokens[s].text) });
  if (!src) return undefined;
  let first = Math.min(s, src.firstTok);
  if (afterThe && src.type !== 'person') first = s - 1;
  if (src.type === 'person') {
    reg.add(src.name, src.start, tokens[src.firstTok].text);
    if (!src.role) {
      const rb = roleBefore(article, src.firstTok, lo);
      if (rb) {
        src.role = rb.role;
        first = rb.firstTok;
      }
    }
  }
  if (src.type === 'organization' || src.type === 'publication') reg.addOrganization(src.name, src.start);
  s = first;
  return { src, firstTok: s, lastTok: k };
}

/** The subject right after a verb (inverted order: "said Maria Lopez, head of ..."), up to hi. */
export function subjectRight(ctx: Ctx, i: number, hi: number): Subject | undefined {
  const { article } = ctx;
  const { tokens } = article;
  if (i > hi) return undefined;
  const t = tokens[i];
  if (t.kind !== 'word') return undefined;
  const l = lower(t);
  const sub = PRONOUNS.has(l) ? pronounSubject(ctx, i) : l === 'it' ? undefined : namedRight(ctx, i, hi) ?? roleThenName(ctx, i, hi) ?? unnamedRight(ctx, i, hi);
  // Role after a comma: "said Maria Lopez, head of research at the Bank of Spain."
  if (sub && sub.lastTok + 2 <= hi && tokens[sub.lastTok + 1].text === ',') {
    const seg = roleSegment(article, sub.lastTok + 2, hi);
    if (seg) {
      if (!sub.src.role && sub.src.type !== 'organization' && sub.src.type !== 'publication') sub.src.role = seg.role;
      sub.lastTok = seg.lastTok;
    }
  }
  return sub;
}

/** "It said": the organisation or publication that was last a source, in this block or the one before. */
function itSubject(ctx: Ctx, k: number): Subject | undefined {
  const { tokens, sentences } = ctx.article;
  const t = tokens[k];
  const block = sentences[t.sentence].block;
  const prev = ctx.reg.lastOrganization(t.start, block);
  if (!prev) return undefined;
  return { src: { name: prev, type: 'organization', start: t.start, end: t.end, firstTok: k, lastTok: k }, firstTok: k, lastTok: k };
}

/** "They said": the organisation last a source nearby, else the pronoun itself (kept, unresolved). */
function theySubject(ctx: Ctx, k: number): Subject | undefined {
  const { tokens, sentences } = ctx.article;
  const t = tokens[k];
  const prev = ctx.reg.lastOrganization(t.start, sentences[t.sentence].block);
  const src: Source = { name: prev ?? t.text, type: prev ? 'organization' : 'vague', start: t.start, end: t.end, firstTok: k, lastTok: k };
  return { src, firstTok: k, lastTok: k };
}

function pronounSubject(ctx: Ctx, k: number): Subject | undefined {
  const t = ctx.article.tokens[k];
  // No antecedent: the record stays, with the pronoun as its source mention.
  const name = ctx.reg.resolvePronoun(t.start, lower(t)) ?? t.text;
  return { src: { name, type: 'person', start: t.start, end: t.end, firstTok: k, lastTok: k }, firstTok: k, lastTok: k };
}

/** "said Microsoft", "said the Federal Reserve", "said Prime Minister Tony Blair", "said Segas chairman Vassilis Sevastis". */
function namedRight(ctx: Ctx, i: number, hi: number): Subject | undefined {
  const { article, reg } = ctx;
  const { tokens } = article;
  const l = lower(tokens[i]);
  const afterThe = l === 'the';
  const first = afterThe ? i + 1 : i;
  if (first > hi || !isCapWord(tokens[first]) || NOT_NAMES.has(lower(tokens[first]).replace(POSSESSIVE, ''))) return undefined;
  if (afterThe && VAGUE.has(lower(tokens[first]))) return undefined;
  const run = runRight(tokens, first, hi);
  if (!run || isPossessive(tokens[run[1]])) return undefined;
  // A role between an organisation and the name.
  let r = run[1] + 1;
  while (r <= hi && r - run[1] <= 3 && (ROLE_MODIFIERS.has(lower(tokens[r])) || ROLE_NOUNS.has(lower(tokens[r])))) r++;
  if (r > run[1] + 1 && r <= hi && ROLE_NOUNS.has(lower(tokens[r - 1])) && isCapWord(tokens[r])) {
    const name = runRight(tokens, r, hi);
    const src = name && classifyRun(article, reg, name[0], name[1], {});
    if (name && src && src.type === 'person') {
      src.role = src.role ?? article.text.slice(tokens[i].start, tokens[r - 1].end);
      reg.add(src.name, src.start, tokens[src.firstTok].text);
      return { src, firstTok: i, lastTok: name[1] };
    }
  }
  const src = classifyRun(article, reg, run[0], run[1], { afterThe });
  if (!src) return undefined;
  if (src.type === 'person') reg.add(src.name, src.start, tokens[src.firstTok].text);
  else reg.addOrganization(src.name, src.start);
  return { src, firstTok: i, lastTok: Math.max(run[1], src.lastTok) };
}

/** "said chief executive Tom McKillop", "said Swedish trades union official Ulf Carlsson". */
function roleThenName(ctx: Ctx, i: number, hi: number): Subject | undefined {
  const { article, reg } = ctx;
  const { tokens } = article;
  let j = i;
  let sawRole = false;
  while (j <= hi && j - i < 6) {
    const tj = tokens[j];
    const lj = lower(tj);
    if (tj.kind !== 'word' || VERBS.has(lj)) break;
    if (isCapWord(tj) && !hasTag(tj.text, 'Demonym') && sawRole) break;
    if (ROLE_NOUNS.has(lj)) sawRole = true;
    else if (isCapWord(tj) && !hasTag(tj.text, 'Demonym') && !sawRole && j > i) break;
    j++;
  }
  if (!sawRole || j > hi || !isCapWord(tokens[j]) || !ROLE_NOUNS.has(lower(tokens[j - 1]))) return undefined;
  const run = runRight(tokens, j, hi);
  const src = run && classifyRun(article, reg, run[0], run[1], {});
  if (!run || !src || src.type !== 'person') return undefined;
  src.role = src.role ?? article.text.slice(tokens[i].start, tokens[j - 1].end);
  reg.add(src.name, src.start, tokens[src.firstTok].text);
  return { src, firstTok: i, lastTok: run[1] };
}

/** "said one analyst", "said a spokesman for the firm", "said analysts at Barclays", "said the company". */
function unnamedRight(ctx: Ctx, i: number, hi: number): Subject | undefined {
  const { tokens } = ctx.article;
  let j = i;
  while (
    j <= hi &&
    j - i < 4 &&
    !(isHeadNoun(lower(tokens[j])) && !isHeadNoun(lower(tokens[j + 1]))) &&
    (DETERMINERS.has(lower(tokens[j])) || QUANTIFIERS.has(lower(tokens[j])) || ORDINALS.has(lower(tokens[j])) || hasTag(tokens[j].text, 'Adjective', 'Demonym') || (j > i && isCapWord(tokens[j]) && DETERMINERS.has(lower(tokens[i]))))
  )
    j++;
  // "said an Iowa Democrat", "said one New Hampshire Republican": one unnamed person described by capitalised words.
  if (j > i + 1 && /^(?:a|an|one|another)$/.test(lower(tokens[i])) && isCapWord(tokens[j - 1]) && (j > hi || PUNCT_CLAUSE.test(tokens[j].text) || lower(tokens[j]) === 'who')) return unnamed(ctx, i, j - 1, 'anonymous');
  if (j > hi) return undefined;
  const hl = lower(tokens[j]);
  const hl2 = `${hl} ${lower(tokens[j + 1])}`;
  let type: SourceType | undefined;
  if (ANONYMOUS.has(hl2)) {
    type = 'anonymous';
    j++;
  } else if (ANONYMOUS.has(hl)) type = (j > i && /^(?:a|an|one|another)$/.test(lower(tokens[i]))) || !VAGUE.has(hl) ? 'anonymous' : 'vague';
  else if (VAGUE.has(hl) && !DOCUMENTS.has(hl)) type = 'vague';
  else if ((ORG_NOUNS.has(hl) || ROLE_NOUNS.has(hl) || DOCUMENTS.has(hl)) && j > i && DETERMINERS.has(lower(tokens[i])))
    type = ORG_NOUNS.has(hl) ? 'organization' : DOCUMENTS.has(hl) ? 'vague' : 'anonymous';
  if (!type) return undefined;
  let e = j;
  if (e + 1 <= hi && PP_AFTER_HEAD.has(lower(tokens[e + 1]))) {
    let k = e + 1;
    while (
      k + 1 <= hi &&
      k - e < 7 &&
      !PUNCT_CLAUSE.test(tokens[k + 1].text) &&
      !VERBS.has(lower(tokens[k + 1])) &&
      !PREPOSITIONS.has(lower(tokens[k + 1])) &&
      lower(tokens[k + 1]) !== 'that'
    )
      k++;
    e = k;
  }
  return unnamed(ctx, i, e, type);
}

export const isPunctClause = (t: Token | undefined) => !!t && PUNCT_CLAUSE.test(t.text);
export { PREPOSITIONS, AUX };
