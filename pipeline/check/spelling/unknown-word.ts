// spelling/unknown-word: a word that is in neither the Hunspell dictionary for the article's
// language nor the project's or article's word list, and is not a name, acronym, number or measure.
import type { Article, Claim, Rule, RuleContext, Token } from '../../core/types.js';
import { getSpeller, normaliseLanguage, damerau, frequency, type Speller } from './speller.js';
import { articleLanguage } from '../../core/language.js';
import { compileVocab, type CompiledVocab } from './vocab.js';
import { limitsOf } from '../../core/limits.js';
import { loadData } from '../prose-helpers.js';
import { wordsOf } from '../../lexicon/word-classes.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

export const RULE_ID = 'spelling/unknown-word';

const compounds = loadData<{ compoundPrefixes: string[]; compoundTails: string[] }>('spelling-words');
// Prefixes that make a hyphenated compound of their own (pre-tax, co-ordinating, ex-wife, e-mail).
const PREFIXES: ReadonlySet<string> = new Set(compounds.compoundPrefixes);
// Lower-case particles inside names (Lula da Silva, Ludwig van Beethoven, Osama bin Laden).
const NAME_PARTICLES = wordsOf('name-particle-any');
// Word forms that stand only inside compounds (year-olds, add-ons, have-nots, one-offs).
const COMPOUND_TAILS: ReadonlySet<string> = new Set(compounds.compoundTails);
// A mid-sentence capitalised word is checked only from this length, and only against words at least
// this common (SUBTLEX count; ~the 8,000 commonest words).
const MIN_CAPITAL_TYPO = 7;
const COMMON = 1000;
const COMMON_SHORT = 50000;
const OPENING_MARKS = new Set(['“', '"', '‘', "'", '(', '[']);
const CONTRACTION = new RegExp(`^(.+?)(${[...wordsOf('contraction-suffix')].join('|')})$`, 'i');

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
/** Capitalised: first letter upper case, no other upper-case letter (Moscow, not IT, YoY, RuStore). */
const isCapitalised = (w: string) => isUpper(w[0]) && !hasInnerUpper(w);
function hasInnerUpper(w: string): boolean {
  for (let i = 1; i < w.length; i++) if (isUpper(w[i])) return true;
  return false;
}

/** Strips a possessive or a trailing apostrophe: Russia's -> Russia, apps' -> apps. */
function stripPossessive(w: string): string {
  if (w.endsWith("'")) return w.slice(0, -1);
  if (/'s$/i.test(w)) return w.slice(0, -2);
  return w;
}

class Checker {
  readonly speller: Speller;
  constructor(
    language: string,
    private accepted: Set<string>,
    private vocab: CompiledVocab,
    /** limits.maxSuggestWordLength: longer words are flagged without suggestions. */
    readonly maxSuggest: number,
  ) {
    this.speller = getSpeller(normaliseLanguage(language));
  }
  near(word: string): string[] {
    return this.speller.near(word, this.maxSuggest);
  }

  /** Whether a lower-case (or sentence-initial, lower-cased) word form is acceptable. */
  known(w: string): boolean {
    if (!w) return true;
    if (this.speller.correct(w)) return true;
    const lower = w.toLowerCase();
    if (this.accepted.has(lower)) return true;
    if (this.vocab.accepts(w)) return true;
    if (/[\d.]/.test(w)) return true; // abbreviations (e.g, U.S) and words glued to numbers
    if (/[^\x00-\x7f]/.test(w) && !w.includes('’')) {
      // Accented loanwords (café, naïve, résumé, façade): the dictionaries list them bare, if at all.
      const nfc = w.normalize('NFC');
      if (nfc !== w && this.known(nfc)) return true;
      const bare = nfc.normalize('NFD').replace(/\p{M}/gu, '');
      if (bare !== w && /^[a-z'-]+$/i.test(bare) && this.known(bare)) return true;
    }
    if (w.includes("'")) {
      if (/^[dlDL]'\p{Lu}/u.test(w)) return true; // d'Azur, l'Audiovisuel
      const base = stripPossessive(w);
      if (base !== w) return this.known(base);
      const c = CONTRACTION.exec(w);
      if (c) return this.known(c[1]);
    }
    if (w.includes('-')) {
      if (this.speller.correct(w.replace(/-/g, ''))) return true; // co-ordinator, nano-technology
      return w.split('-').every((p) => this.knownPart(p));
    }
    return false;
  }

  /** One part of a hyphenated compound: a word, a prefix, a name, or a word form only compounds use. */
  private knownPart(p: string): boolean {
    if (p.length <= 1) return true;
    const lower = p.toLowerCase();
    if (PREFIXES.has(lower) || COMPOUND_TAILS.has(lower)) return true;
    if (isUpper(p[0])) return true; // anti-Putin, Anglo-French, ex-Chelsea
    if (this.known(p)) return true;
    // Adjectives and agent nouns made inside compounds: good-natured, twin-engined, mind-numbingly, file-swappers.
    const m = /^(.+?)(e?d|ly|e?rs?|ors?)$/.exec(lower);
    if (m && m[1].length >= 3) {
      const stem = m[1];
      const undoubled = /(.)\1$/.test(stem) ? stem.slice(0, -1) : stem;
      return [stem, `${stem}e`, undoubled].some((x) => this.speller.correct(x));
    }
    return false;
  }
}

/** Capitalised words the article itself uses as names: mid-sentence capitals and attribution sources. */
function articleNames(article: Article, claims: readonly Claim[]): Set<string> {
  const names = new Set<string>();
  let sentence = -1;
  let initial = true;
  for (const t of article.tokens) {
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      initial = true;
    }
    if (t.kind !== 'word') continue;
    if (!initial && isUpper(t.text[0])) names.add(stripPossessive(t.text.replace(/’/g, "'")));
    initial = false;
  }
  // Attribution sources, except one that opens its sentence: a capital there is no evidence of a name
  // ("Teh report calculated..." read as a source "Teh" reporting).
  const initials = new Set<number>();
  sentence = -1;
  for (const t of article.tokens) {
    if (t.sentence === sentence || t.kind !== 'word') continue;
    sentence = t.sentence;
    initials.add(t.start);
  }
  for (const c of claims) {
    const a = c.attribution;
    if (!a?.source || (a.sourceOffset !== undefined && initials.has(a.sourceOffset))) continue;
    for (const w of a.source.split(/[\s,]+/)) if (w && isUpper(w[0])) names.add(stripPossessive(w.replace(/’/g, "'")));
  }
  return names;
}

/** One edit (same first letter) from a common word: the signature of a typo rather than a name. */
function nearCommon(checker: Checker, lower: string): boolean {
  if (lower.length < 3) return false;
  // Short names (Jez, Hamm) sit one edit from many words: for them only the commonest words count (Teh -> the).
  const min = lower.length < 5 ? COMMON_SHORT : COMMON;
  return checker.near(lower).some((c) => !c.includes(' ') && c[0] === lower[0] && frequency(c) >= min && damerau(lower, c) === 1);
}

/** How many times each capitalised word form occurs in the article. */
function capitalCounts(article: Article): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of article.tokens) {
    if (t.kind !== 'word' || !isUpper(t.text[0])) continue;
    const w = stripPossessive(t.text.replace(/’/g, "'"));
    m.set(w, (m.get(w) ?? 0) + 1);
  }
  return m;
}

let sourceCache: { claims: readonly Claim[]; words: Set<string> } | undefined;
function sourceWords(claims: readonly Claim[]): Set<string> {
  if (sourceCache?.claims === claims) return sourceCache.words;
  const words = new Set<string>();
  for (const c of claims) for (const w of c.attribution?.source?.split(/[\s,]+/) ?? []) if (w) words.add(stripPossessive(w.replace(/’/g, "'")));
  sourceCache = { claims, words };
  return words;
}

function recase(suggestion: string, like: string): string {
  if (isUpper(like[0]) && !isUpper(suggestion[0])) return suggestion[0].toUpperCase() + suggestion.slice(1);
  return suggestion;
}

function report(ctx: RuleContext, checker: Checker, t: Token, word: string, lookup: string): void {
  const start = t.start;
  const end = t.start + word.length;
  const suggestions = checker.speller.suggest(lookup, 5, checker.maxSuggest).map((s) => recase(s, word));
  const likelyTypo = suggestions.length > 0 && damerau(lookup.toLowerCase(), suggestions[0].toLowerCase()) <= 2;
  const configured = ctx.config.rules[RULE_ID]?.level !== undefined;
  ctx.report({
    start,
    end,
    // A word over limits.maxSuggestWordLength gets no suggestion search; messages quote its start only.
    ...(suggestions.length ? { messageId: 'didYouMean', data: { word: clip(word, SHOWN_WORD), suggestion: suggestions[0] } } : word.length > checker.maxSuggest ? { messageId: 'tooLong', data: { word: clip(word, SHOWN_WORD), letters: String(word.length), max: String(checker.maxSuggest) } } : { messageId: 'unknown', data: { word } }),
    suggestions,
    ...(likelyTypo || configured ? {} : { severity: 'warning' as const }),
  });
}

/** Messages quote at most this many characters of a word. */
const SHOWN_WORD = 60;

/** The first n UTF-16 units of s and an ellipsis, never cutting a surrogate pair. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let end = n;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

function missingSpace(t: Token, a: string, b: string) {
  const fixed = `${a} ${b}`;
  return {
    start: t.start,
    end: t.end,
    messageId: 'runTogether',
    data: { word: t.text, fixed },
    suggestions: [fixed],
  };
}

export const unknownWord: Rule = {
  meta: {
    id: RULE_ID,
    category: 'spelling',
    severity: 'error',
    stage: 'check',
    description: 'A word that is not in the dictionary for the article’s language (a likely typo), with ranked suggestions.',
    docs: [
      'Checks each word against the Hunspell dictionary for the configured language (`en-US`, `en-GB`, or `en` for both),',
      'plus the project’s `words` and the article’s front-matter `words`. Text inside quotations is checked too.',
      '',
      'Left alone: names and proper nouns (capitalised words after the start of a sentence, and a sentence-initial word the',
      'article also uses as a name or cites as a source), acronyms and mixed-case names (YoY, IT, MPs, RuStore), possessives',
      '(apps’, Russia’s), contractions, hyphenated compounds of real words or common prefixes (pre-tax, co-ordinating),',
      'numbers, ordinals and measures (28C, 1:59:40, 5km, 5th, 1990s), URLs, e-mail addresses and code.',
      '',
      'A sentence-initial word is checked lower-cased, so “Teh” at the start of a sentence is caught; a capitalised word',
      'mid-sentence is checked only when it occurs once and is one edit from a common word (“Presidant Bush”, “the Foriegn Minister”).',
      'Suggestions: dictionary words one edit away (or nspell’s suggestions), ranked by edit distance, first letter, word',
      'frequency and length. Add words in `lexicon/check/spelling-words.json` (project-wide: config `words`).',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      didYouMean: '“{{word}}” is not in the dictionary. Did you mean “{{suggestion}}”?',
      unknown: '“{{word}}” is not in the dictionary: check the spelling, or add the word to "words" in the configuration or the article\'s front matter.',
      runTogether: '“{{word}}” is two words run together. Did you mean “{{fixed}}”?',
      tooLong: '“{{word}}” is not in the dictionary (at {{letters}} letters it is longer than limits.maxSuggestWordLength, {{max}}, so no suggestions were looked for): check the spelling, or add the word to "words" in the configuration or the article\'s front matter.',
    },
    examples: {
      valid: ['Local apps now cover most of the market.', 'The company reported YoY growth, Mankevich said.'],
      invalid: [
        { text: 'Local apps now covery most of the market.', excerpt: 'covery', output: 'Local apps now cover most of the market.' },
        { text: 'Teh company reported growth.', excerpt: 'Teh', output: 'The company reported growth.' },
        { text: 'The goverment said so.', excerpt: 'goverment', output: 'The government said so.' },
      ],
    },
  },
  check(ctx) {
    const { article, claims, config } = ctx;
    const accepted = new Set<string>();
    for (const w of [...config.words, ...article.meta.words]) for (const part of String(w).split(/\s+/)) if (part) accepted.add(part.replace(/’/g, "'").toLowerCase());
    const vocab = compileVocab(config.vocab);
    const rejecting = !!config.vocab?.reject.length;
    const checker = new Checker(articleLanguage(article, config).language, accepted, vocab, limitsOf(config).maxSuggestWordLength);
    let names: Set<string> | undefined;
    let counts: Map<string, number> | undefined;
    const tokens = article.tokens;
    for (const s of article.sentences) {
      let initial = true;
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const t = tokens[i];
        if (t.kind !== 'word') {
          if (t.kind === 'number') initial = false;
          continue;
        }
        const atStart = initial || (i > s.firstToken && OPENING_MARKS.has(tokens[i - 1].text));
        initial = false;
        const text = t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text;
        if (text.length < 2) continue;
        // spelling/rejected-word reports the words a vocabulary rejects.
        if (rejecting && vocab.rejects(t.text)) continue;
        // A word cut by an HTML entity (caf&#233;) is not a word of its own.
        if (article.prose.startsWith('&#', t.end)) continue;
        if (!isUpper(text[0])) {
          if (hasInnerUpper(text)) {
            // eDonkey, iPod, phpBB are brand names; ofNew, atLabour are two words run together.
            const run = /^([a-z]{2,})([A-Z][a-z]+)$/.exec(text);
            if (run && checker.speller.correct(run[1])) ctx.report(missingSpace(t, run[1], run[2]));
            continue;
          }
          if (checker.known(text)) continue;
          if (NAME_PARTICLES.has(text) && isUpper(tokens[i + 1]?.text[0] ?? 'x')) continue;
          const word = stripPossessive(text);
          report(ctx, checker, t, word, word);
          continue;
        }
        // Capitalised: a name unless it opens the sentence; acronyms and mixed case are never checked.
        if (!isCapitalised(text)) continue;
        if (!atStart) {
          // Mid-sentence, a capitalised word is a name, unless it is a one-off, one edit from a common
          // word (Presidant Yudhoyono, the Internation Energy Agency, Foriegn Minister).
          const word = stripPossessive(text);
          if (word.length < MIN_CAPITAL_TYPO || checker.known(text) || checker.speller.correct(word)) continue;
          counts ??= capitalCounts(article);
          if ((counts.get(word) ?? 0) > 1) continue;
          if (sourceWords(claims).has(word)) continue;
          const lower = word.toLowerCase();
          if (checker.known(lower)) continue;
          if (!nearCommon(checker, lower)) continue;
          report(ctx, checker, t, word, lower);
          continue;
        }
        if (text.includes('-') ? checker.known(text) : checker.known(text.toLowerCase())) continue;
        const word = stripPossessive(text);
        if (checker.speller.correct(word)) continue;
        names ??= articleNames(article, claims);
        if (names.has(word)) continue;
        // One edit from a common word (Teh, Whith, Goverment): a typo even before another capital (Teh US firm).
        if (nearCommon(checker, word.toLowerCase())) {
          report(ctx, checker, t, word, word.toLowerCase());
          continue;
        }
        // A run of capitalised words (Yukos Oil, Gordon Brown) is a name.
        const next = tokens[i + 1];
        if (next && next.kind === 'word' && next.sentence === t.sentence && isUpper(next.text[0]) && /^\s+$/.test(article.prose.slice(t.end, next.start))) continue;
        // An unknown capitalised word is most often a name: flag it only when one edit makes it a common word (Teh -> the).
        if (!checker.near(word.toLowerCase()).length) continue;
        report(ctx, checker, t, word, word.toLowerCase());
      }
    }
  },
};
