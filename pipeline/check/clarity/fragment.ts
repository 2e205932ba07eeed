// clarity/fragment: a sentence of running prose with no finite (main) verb, such as "In 2023, a
// remarkable 12% rise in requests from retailers." Cheap checks clear almost every sentence
// (an auxiliary, "said", a subject pronoun, a simple past like "rose"); only the rest are tagged by
// compromise, and a verb-tagged word still counts as a noun or non-finite form by its context: after
// a determiner, adjective or number ("a surprising 18% increase"), after "to" ("to help"), an -ing form,
// or a participle ("compared with", "made by"). Headings, list items, table cells, blockquotes,
// captions, datelines, questions and quoted speech are left alone.
import type { Article, Rule, Sentence } from '../../core/types.js';
import { loadData, norm, isRunningProse, numberOption } from '../prose-helpers.js';
import { sentenceTags } from '../pos.js';
import { wordsOf } from '../../lexicon/word-classes.js';

interface Data {
  finite: string[];
  subjects: string[];
  pastOnly: string[];
  participles: string[];
  participlePrepositions: Record<string, string[]>;
  captions: string[];
  preverbalAdverbs: string[];
  byFigureOpeners: string[];
}
const data = loadData<Data>('fragment');
const CLEARS = new Set([...data.finite, ...data.subjects, ...data.pastOnly].map(norm));
const PARTICIPLES = new Set(data.participles.map(norm));
const PARTICIPLE_PREPS = new Map(Object.entries(data.participlePrepositions).map(([k, v]) => [k, new Set(v)]));
/** Words after which a verb-like word is a noun ("a surprising increase"). */
const DETERMINERS = wordsOf('noun-phrase-opener');
const CAPTIONS = new Set(data.captions.map(norm));
const CONTRACTION = new RegExp(`(?:${[...wordsOf('contraction-suffix')].join('|')})$`);
const PREPOSITIONS = wordsOf('preposition-simple');
const OBJECT_STARTERS = wordsOf('object-opener');
/** Sentences shorter than this (in words) are not judged: "Not any more." is style, not a slip. */
const MIN_WORDS = 8;

type Verdict = 'finite' | 'other';

/** Cheap pass: true when the sentence plainly has a finite verb, or must not be judged. */
function cleared(article: Article, s: Sentence): boolean {
  const { tokens } = article;
  let words = 0;
  let quoted = 0;
  for (let i = s.firstToken; i < s.lastToken; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    words++;
    if (t.quoted) quoted++;
    if (t.kind !== 'word') continue;
    const w = norm(t.text);
    if (CLEARS.has(w) || CONTRACTION.test(w) || (t.text === 'I' && i > s.firstToken)) return true;
    if (i === s.firstToken || t.quoted) continue;
    const prev = tokens[i - 1];
    // A simple past after its subject: "the firm launched", "WorldCom collapsed" (not "made by",
    // "compared with", "the increased price", "firms asked to").
    if (w.length > 4 && w.endsWith('ed') && prev.kind === 'word' && !DETERMINERS.has(norm(prev.text)) && !PREPOSITIONS.has(norm(prev.text)) && !/ly$/.test(prev.text)) {
      const next = i + 1 < s.lastToken ? norm(tokens[i + 1].text) : '';
      const byFigure = next === 'by' && tokens[i + 2]?.kind === 'number';
      if ((next !== 'by' || byFigure) && !PARTICIPLE_PREPS.get(w)?.has(next)) return true;
    }
    // An irregular past or an -s form with its object: "Rosneft bought the unit", "Fish beat Tommy
    // Robredo", "the album crowns a year".
    if (prev.kind === 'word' && !DETERMINERS.has(norm(prev.text)) && !PREPOSITIONS.has(norm(prev.text)) && (PARTICIPLES.has(w) || /^\p{Ll}+[^su']s$/u.test(t.text))) {
      const nt = tokens[i + 1];
      if (nt && i + 1 < s.lastToken && (OBJECT_STARTERS.has(norm(nt.text)) || nt.kind === 'number' || (nt.kind === 'word' && /^\p{Lu}/u.test(nt.text)))) return true;
    }
    // "it plans", "which means", "who runs": a pronoun subject and an -s form.
    if (S_FORM_PRONOUNS.has(prev.text.toLowerCase()) && /^\p{Ll}+[^su]s$/u.test(t.text)) return true;
  }
  if (words < MIN_WORDS || quoted * 2 >= words) return true;
  const text = s.text.trimEnd();
  // Questions, lead-ins to a list or quotation, and sentences opened by a quotation mark.
  if (/[?:;]["”’']?$/.test(text) || /^["“‘]/.test(text)) return true;
  const first = tokens[s.firstToken];
  // Captions, credits, datelines ("LONDON -", "MOSCOW, 3 March"), bylines.
  if (first.kind === 'word' && (CAPTIONS.has(norm(first.text)) || /^\p{Lu}{3,}$/u.test(first.text))) return true;
  if (/^\(|\)$/.test(text) || /^[-–•*]/.test(text)) return true;
  // Line-ups and lists of names: mostly capitalised words.
  let caps = 0;
  for (let i = s.firstToken; i < s.lastToken; i++) if (tokens[i].kind === 'word' && /^\p{Lu}/u.test(tokens[i].text)) caps++;
  if (caps * 2 >= words) return true;
  return false;
}

const PAST_DETERMINERS = wordsOf('participle-determiner');
const PREVERBAL = new Set(data.preverbalAdverbs.map(norm));
const BY_FIGURE = new Set(data.byFigureOpeners.map(norm));
const SUBJECT_DETERMINERS = wordsOf('subject-determiner');
const S_FORM_PRONOUNS = wordsOf('subject-pronoun-s');

function verdictOf(article: Article, s: Sentence, i: number, tags: (Set<string> | undefined)[]): Verdict {
  const { tokens } = article;
  const t = tokens[i];
  const tg = tags[i - s.firstToken];
  if (t.kind !== 'word') return 'other';
  if (tg && (tg.has('Copula') || tg.has('Modal') || tg.has('Auxiliary'))) return 'finite';
  const w = norm(t.text);
  const lower = /^\p{Ll}/u.test(t.text);
  if (PREPOSITIONS.has(w) || DETERMINERS.has(w) || (tg && (tg.has('Preposition') || tg.has('Determiner') || tg.has('Conjunction')))) return 'other';
  if ((tg && tg.has('Gerund')) || w.endsWith('ing')) return 'other';
  const past = !!tg && (tg.has('PastTense') || tg.has('Participle')) || PARTICIPLES.has(w) || (lower && w.length > 4 && w.endsWith('ed'));
  const verbish = past || (!!tg && (tg.has('Verb') || tg.has('Noun')) && lower);
  if (!verbish) return 'other';
  const prevTok = i > s.firstToken ? tokens[i - 1] : undefined;
  const nextTok = i + 1 < s.lastToken ? tokens[i + 1] : undefined;
  const prev = prevTok && prevTok.kind === 'word' ? norm(prevTok.text) : undefined;
  const next = nextTok && nextTok.kind === 'word' ? norm(nextTok.text) : undefined;
  const prevTags = prevTok ? tags[i - 1 - s.firstToken] : undefined;
  if (prev === 'to') return 'other';
  if (past) {
    // Participles: "made by Russian firms" (not "rose by 5%"), "compared with", "the expected rise".
    if (next === 'by') {
      const after = tokens[i + 2];
      if (!(after && (after.kind === 'number' || BY_FIGURE.has(after.text.toLowerCase())))) return 'other';
    }
    const preps = PARTICIPLE_PREPS.get(w);
    if (preps && next && preps.has(next)) return 'other';
    if (prev && PAST_DETERMINERS.has(prev)) return 'other';
    return 'finite';
  }
  // "The firm operates": determiner, noun, -s form (compromise may tag the noun as an adjective).
  const before2 = i - 2 >= s.firstToken ? tokens[i - 2] : undefined;
  if (/[^su]s$/.test(w) && prevTok?.kind === 'word' && !/s$/.test(prevTok.text) && before2 && SUBJECT_DETERMINERS.has(before2.text.toLowerCase()) && !prevTags?.has('Demonym')) return 'finite';
  // Nouns after a determiner, an adjective, a number, a demonym adjective, a possessive or a preposition.
  const nounContext =
    prevTok?.kind === 'number' ||
    prevTok?.text === '%' ||
    (!!prev && (DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || /['’]s?$/.test(prevTok!.text))) ||
    (!!prevTags && (prevTags.has('Adjective') || prevTags.has('Value') || prevTags.has('Possessive') || (prevTags.has('Demonym') && !/s$/.test(prevTok!.text))));
  if (nounContext) return 'other';
  if (tg?.has('Verb')) return i === s.firstToken && !tg.has('Infinitive') ? 'other' : 'finite';
  // A word tagged as a noun that reads as a verb: it takes an object ("chronicles the highs", "shed
  // 2.1%", "beat Travis") or follows a pre-verbal adverb ("also feature").
  const objectAfter = !!nextTok && ((!!next && OBJECT_STARTERS.has(next)) || nextTok.kind === 'number' || (nextTok.kind === 'word' && /^\p{Lu}/u.test(nextTok.text)));
  const afterAdverb = !!prev && (PREVERBAL.has(prev) || (prev.endsWith('ly') && !!prevTags?.has('Adverb')));
  if (objectAfter || afterAdverb) return 'finite';
  // Agreement with the word before: "the firm operates", "Nadal works" (an -s form after a singular
  // noun or a name); "the Lib Dems plan to", "firms copy products" (a bare form after a plural).
  const prevNoun = !!prevTags && prevTags.has('Noun') && !prevTags.has('Demonym') && !prevTags.has('Pronoun');
  if (!prevNoun || !prevTok) return 'other';
  const prevPlural = prevTags!.has('Plural') || /[^s]s$/.test(prevTok.text);
  if (/[^su]s$/.test(w) && !prevPlural) return 'finite';
  if (!/s$/.test(w) && prevPlural && (next === 'to' || nextTok?.kind === 'word')) return 'finite';
  return 'other';
}

export const fragment: Rule = {
  meta: {
    id: 'clarity/fragment',
    category: 'clarity',
    severity: 'warning',
    stage: 'check',
    description: 'A sentence with no main (finite) verb: a fragment that leaves the reader waiting for the point.',
    docs: 'Flags a sentence of running prose that has no finite verb: only nouns, participles ("made", "compared"), -ing forms and infinitives. Add the verb the sentence is missing ("In 2024 requests rose by 18%…") or join it to the sentence before. Headings, list items, table cells, blockquotes, captions, datelines, questions, sentences under eight words (the rule option `minWords` raises the limit) and quoted speech are not judged. Cheap word checks clear most sentences; only the rest are tagged with compromise.',
    options: {
      type: 'object',
      properties: { minWords: { type: 'integer', minimum: MIN_WORDS, description: `Sentences with fewer words are not judged (default ${MIN_WORDS}).` } },
      additionalProperties: false,
    },
    messages: {
      noVerb: 'This sentence has no main verb (a fragment): “{{words}}…”. Add the verb it is missing, or join it to the sentence before.',
    },
    examples: {
      valid: ['In 2024 requests from companies rose by 18%, with twice as many from Chinese firms.', '“A great day for the club and for everyone involved.”'],
      invalid: [
        {
          text: 'In 2023, a remarkable 12% rise in requests from retailers hoping to expand, including three times as many from German firms as from French ones.',
          excerpt: 'In 2023, a remarkable 12% rise',
        },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const minWords = numberOption(ctx.options, 'minWords', MIN_WORDS);
    for (let si = 0; si < article.sentences.length; si++) {
      const s = article.sentences[si];
      if (!isRunningProse(article.blocks[s.block])) continue;
      if (cleared(article, s)) continue;
      if (minWords > MIN_WORDS) {
        let n = 0;
        for (let i = s.firstToken; i < s.lastToken; i++) if (article.tokens[i].kind === 'word' || article.tokens[i].kind === 'number') n++;
        if (n < minWords) continue;
      }
      const tags = sentenceTags(article, si);
      let finite = false;
      for (let i = s.firstToken; i < s.lastToken && !finite; i++) finite = verdictOf(article, s, i, tags) === 'finite';
      if (finite) continue;
      const words = s.text.split(/\s+/).slice(0, 6).join(' ');
      // Flag the opening words: the whole sentence is the problem, the start locates it.
      const firstWords = /^(?:\S+\s+){0,5}\S+/.exec(article.text.slice(s.start, s.end))![0];
      ctx.report({
        start: s.start,
        end: s.start + firstWords.length,
        messageId: 'noVerb',
        data: { words },
      });
    }
  },
};
