// spelling/name-casing: a known name (publication, agency, broadcaster, institution, company)
// written with the wrong capitalisation, and a multi-word name capitalised two ways in one article.
import { articleLanguage } from '../../core/language.js';
import { SpanIndex } from '../../util/spans.js';
import type { Article, ReportDescriptor, Rule, Token } from '../../core/types.js';
import { getSpeller, type Speller } from './speller.js';
import { NAME_ENTRIES } from '../../lexicon/names.js';
import { loadData } from '../prose-helpers.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

export const RULE_ID = 'spelling/name-casing';

interface NameEntry {
  canonical: string;
  kind: string;
  /** Canonical words after a leading "The" (which may be written lower-case mid-sentence). */
  rest: string[];
  hasThe: boolean;
  /** Per speller: true when no word of the name, lower-cased, is an English word (reuters, ofcom), so all-lower-case is an error too. */
  neverLower: WeakMap<Speller, boolean>;
}

interface Compiled {
  regex: RegExp;
  byKey: Map<string, NameEntry>;
}

const keyOf = (words: string[]) => words.join(' ').replace(/’/g, "'").toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let compiled: Compiled | undefined;
function names(): Compiled {
  if (compiled) return compiled;
  // Every spelling of every entry (name and aliases) is checked against its own casing. Two spellings
  // with one key: a canonical name beats an alias, then a leading "The" (it covers the bare form too),
  // then file order.
  const byKey = new Map<string, { entry: NameEntry; rank: number }>();
  for (const e of NAME_ENTRIES) {
    if (!e.casing) continue;
    for (const canonical of [e.name, ...e.aliases]) {
      const words = canonical.split(/\s+/);
      const hasThe = words[0] === 'The' && words.length > 1;
      const rest = hasThe ? words.slice(1) : words;
      const key = keyOf(rest);
      const rank = (canonical === e.name ? 0 : 2) + (hasThe ? 0 : 1);
      const seen = byKey.get(key);
      if (seen && seen.rank <= rank) continue;
      byKey.set(key, { entry: { canonical, kind: e.kind, rest, hasThe, neverLower: new WeakMap() }, rank });
    }
  }
  const entries = new Map([...byKey].map(([k, v]) => [k, v.entry]));
  const alts = [...entries.values()]
    .map((e) => e.rest.map((w) => escape(w).replace(/'|’/g, "['’]")).join('\\s+'))
    .sort((a, b) => b.length - a.length);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}&'’.-])(?:(the)\\s+)?(${alts.join('|')})(?![\\p{L}\\p{N}&]|['’.-]\\p{L})`, 'giu');
  compiled = { regex, byKey: entries };
  return compiled;
}

const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();
const isAllUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

/** Offset of the first word of the sentence containing `offset`, via the tokens. */
function sentenceStarts(article: Article): Set<number> {
  const starts = new Set<number>();
  let sentence = -1;
  for (const t of article.tokens) {
    if (t.sentence === sentence || t.kind !== 'word') continue;
    sentence = t.sentence;
    starts.add(t.start);
  }
  return starts;
}

function headingSentences(article: Article): Set<number> {
  const out = new Set<number>();
  for (const b of article.blocks) if (b.kind === 'heading') for (let s = b.firstSentence; s < b.lastSentence; s++) out.add(s);
  return out;
}

function neverLower(entry: NameEntry, speller: Speller): boolean {
  let v = entry.neverLower.get(speller);
  if (v === undefined) {
    const lettered = entry.rest.filter((w) => /\p{L}/u.test(w));
    v = lettered.length > 0 && lettered.every((w) => !speller.correct(w.toLowerCase().replace(/’/g, "'")));
    entry.neverLower.set(speller, v);
  }
  return v;
}

function knownNames(article: Article, starts: Set<number>, problems: ReportDescriptor[], speller: Speller): void {
  const { regex, byKey } = names();
  regex.lastIndex = 0;
  for (const m of article.prose.matchAll(regex)) {
    const the = m[1];
    const restText = m[2];
    const entry = byKey.get(keyOf(restText.split(/\s+/)));
    if (!entry) continue;
    const words = restText.split(/\s+/);
    if (words.every((w, i) => w === entry.rest[i])) continue;
    if (isAllUpper(restText) && !isAllUpper(entry.rest.join(' '))) continue; // a heading in capitals
    const restStart = m.index! + (the ? m[0].length - restText.length : 0);
    // Evidence that the name is meant: one of its words is capitalised (not just for opening the sentence),
    // or no word of it is an ordinary English word (reuters, ofcom).
    // eBay, iTunes: capitalised only because they open the sentence (EBay said...).
    if (starts.has(restStart) && !isUpper(entry.rest[0][0]) && restText === entry.rest[0][0].toUpperCase() + entry.rest.join(' ').slice(1)) continue;
    const capitalised = words.some((w, i) => isUpper(w[0]) && !(i === 0 && starts.has(restStart)));
    if (!capitalised && !neverLower(entry, speller)) continue;
    const start = entry.hasThe && the ? m.index! : restStart;
    const end = m.index! + m[0].length;
    const written = article.text.slice(start, end);
    const restCanonical = entry.rest.join(' ');
    const suggestions: string[] = [];
    if (entry.hasThe && the) {
      suggestions.push(entry.canonical);
      if (the === 'the' && !starts.has(start)) suggestions.push(`the ${restCanonical}`);
    } else suggestions.push(restCanonical);
    problems.push({
      rule: RULE_ID,
      start,
      end,
      messageId: 'miscased',
      data: { written, kind: entry.kind, canonical: entry.canonical },
      suggestions,
    });
  }
}

const pairWords = loadData<{ notNameWords: string[]; connectors: string[] }>('name-casing');
// Words that never form part of a capitalised name pair on their own.
const FUNCTION_WORDS: ReadonlySet<string> = new Set(pairWords.notNameWords);
// Words that may join the two words of a pair (Bank of England), case-sensitively.
const CONNECTORS: ReadonlySet<string> = new Set(pairWords.connectors);

type Case = 'U' | 'l' | '?';
interface Occurrence {
  start: number;
  end: number;
  form: string;
  cases: Case[];
  /** Followed directly by another capitalised word. */
  longer: boolean;
}

function wordCase(t: Token, initial: boolean): Case | undefined {
  const w = t.text;
  if (t.kind !== 'word' || w.length < 2 || /[\d.]/.test(w)) return undefined;
  if (FUNCTION_WORDS.has(w.toLowerCase()) && !isUpper(w[0])) return undefined;
  if (isAllUpper(w.replace(/['’-]/g, ''))) return undefined; // acronyms
  if (!isUpper(w[0])) return 'l';
  if (FUNCTION_WORDS.has(w.toLowerCase())) return undefined;
  return initial ? '?' : 'U';
}

/**
 * The same name written with two capitalisations in one article (Asian Union, Asian union): pairs of
 * adjacent words (optionally joined by of/for/and/de) outside headings, compared case-insensitively.
 * A form whose only capital opens the sentence, and the all-lower-case form, are ordinary prose and
 * never count.
 */
function twoWayCasing(article: Article, starts: Set<number>, problems: ReportDescriptor[], flagged: { start: number; end: number }[]): void {
  const headings = headingSentences(article);
  const tokens = article.tokens;
  const byKey = new Map<string, Occurrence[]>();
  const gapOk = (a: Token, b: Token) => b.sentence === a.sentence && /^ +$/.test(article.prose.slice(a.end, b.start));
  for (let i = 0; i < tokens.length - 1; i++) {
    const a = tokens[i];
    // Only pairs whose first word is capitalised mid-sentence ('U') can be either form below, and
    // problems are sorted by position later, so the other pairs are not collected at all.
    if (a.kind !== 'word' || !isUpper(a.text[0]) || headings.has(a.sentence)) continue;
    const ca = wordCase(a, starts.has(a.start));
    if (ca !== 'U') continue;
    let j = i + 1;
    let connector = '';
    if (tokens[j] && CONNECTORS.has(tokens[j].text) && gapOk(a, tokens[j])) {
      connector = tokens[j].text;
      j++;
    }
    const b = tokens[j];
    if (!b || !gapOk(tokens[j - 1], b)) continue;
    const cb = wordCase(b, false);
    if (!cb) continue;
    const cases = [ca, cb];
    const key = `${a.text} ${connector} ${b.text}`.toLowerCase().replace(/’/g, "'");
    const list = byKey.get(key) ?? [];
    const after = tokens[j + 1];
    const longer = !!after && after.kind === 'word' && isUpper(after.text[0]) && gapOk(b, after);
    list.push({ start: a.start, end: b.end, form: article.text.slice(a.start, b.end), cases, longer });
    byKey.set(key, list);
  }
  let flaggedIndex: SpanIndex | undefined;
  for (const list of byKey.values()) {
    // The capitalised form: every word capitalised mid-sentence, and not the start of a longer name
    // (British Film Institute is not evidence about "British film"). The variant: capitalised first
    // word, a lower-case word after it (Asian union); "actress Sandra" is ordinary prose.
    const full = list.filter((o) => o.cases.every((c) => c === 'U') && !o.longer);
    const mixed = list.filter((o) => o.cases[0] === 'U' && o.cases.includes('l'));
    if (!full.length || !mixed.length) continue;
    const [minority, majority] = mixed.length <= full.length ? [mixed, full] : [full, mixed];
    const canonical = majority[0].form.replace(/\s+/g, ' ');
    for (const o of minority) {
      if ((flaggedIndex ??= new SpanIndex(flagged)).overlaps(o.start, o.end)) continue;
      problems.push({
        rule: RULE_ID,
        start: o.start,
        end: o.end,
        messageId: 'twoWays',
        data: { form: o.form, canonical, times: `${majority.length} time${majority.length > 1 ? 's' : ''}` },
        suggestions: [canonical],
      });
    }
  }
}

export const nameCasing: Rule = {
  meta: {
    id: RULE_ID,
    category: 'spelling',
    severity: 'warning',
    stage: 'check',
    description: 'A publication, agency or institution whose name is miscased, or a name capitalised two ways in one article.',
    docs: [
      'Matches a list of a few hundred names and their other spellings (lexicon/names.json) case-insensitively and flags a casing that differs',
      'from the canonical one. A leading “the” may be lower-case mid-sentence (news style: “according to the Moscow Times”).',
      'An all-lower-case match is flagged only when no word of the name is an ordinary English word (“reuters”).',
      'Also flags one multi-word name capitalised two ways in the same article; the less frequent form is flagged.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      miscased: '“{{written}}” is miscased: the {{kind}} is “{{canonical}}”. Fix the capitalisation.',
      twoWays: '“{{form}}” is capitalised differently elsewhere in this article (“{{canonical}}”, {{times}}): use one casing for the name.',
    },
    examples: {
      valid: ['According to The Moscow Times, rents rose.', 'A report in the Wall Street Journal said so.'],
      invalid: [
        { text: 'According to The Moscow times, rents rose.', excerpt: 'The Moscow times', output: 'According to The Moscow Times, rents rose.' },
        { text: 'A report in the Wall Street journal said so.', excerpt: 'the Wall Street journal', output: 'A report in The Wall Street Journal said so.' },
        {
          text: 'Petrova chairs the Baltic Shipping Union. Members of the Shipping Union met. Critics of the Shipping union left.',
          excerpt: 'Shipping union',
          output: 'Petrova chairs the Baltic Shipping Union. Members of the Shipping Union met. Critics of the Shipping Union left.',
        },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const starts = sentenceStarts(article);
    const problems: ReportDescriptor[] = [];
    knownNames(article, starts, problems, getSpeller(articleLanguage(article, ctx.config).language));
    twoWayCasing(article, starts, problems, problems.slice());
    for (const p of problems) ctx.report(p);
  },
};
