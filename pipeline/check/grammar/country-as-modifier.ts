// grammar/country-as-modifier: a country's name standing where its adjective belongs, "the Russia
// technology market" -> "the Russian technology market" (or "Russia's"). To stay precise it needs a
// determiner or preposition before the name and a lower-case noun phrase after it, and it leaves alone
// names that English uses as modifiers ("the New Zealand dollar", "the England team"), event nouns
// ("the Iraq war"), and a name followed by a verb ("in Russia technology is..."). Data:
// lexicon/check/countries.json.
import type { Article, Rule, Token } from '../../core/types.js';
import { PhraseMatcher, adjacent, loadData, norm } from '../prose-helpers.js';
import { sentenceTags } from '../pos.js';
import { wordsOf } from '../../lexicon/word-classes.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

interface Country {
  name: string;
  adjective: string;
  attributive?: boolean;
}
const data = loadData<{ countries: Country[]; eventNouns: string[]; notModifiers: string[] }>('countries');
const countries = new PhraseMatcher<Country>(data.countries.filter((c) => !c.attributive).map((c) => [c.name, c]));
const eventNouns = new Set(data.eventNouns.map(norm));
const notModifiers = new Set(data.notModifiers.map(norm));
// The word before the name, matched case-sensitively (a capital "The" opens a sentence or a title).
const DETERMINERS = wordsOf('modifier-determiner');
const PREPOSITIONS = wordsOf('modifier-preposition');
const LOWER = /^\p{Ll}/u;
const ACRONYM = /^\p{Lu}{2,5}s?$/u;
// A word that reads as a verb or a participle right after a name: "in Russia technology is", "with China growing".
const VERBISH = /(?:ing|ed)$/;

function wordAt(article: Article, j: number, end: number, after: Token): Token | undefined {
  if (j >= end) return undefined;
  const t = article.tokens[j];
  return t.kind === 'word' && !t.quoted && adjacent(article, after, t) ? t : undefined;
}

export const countryAsModifier: Rule = {
  meta: {
    id: 'grammar/country-as-modifier',
    category: 'grammar',
    severity: 'warning',
    stage: 'check',
    description: 'A country’s name used as a modifier where its adjective belongs: "the Russia technology market" -> "Russian".',
    docs: 'Flags a country’s name after a determiner or preposition and before a lower-case noun phrase it modifies. Use the adjective ("the Russian technology market") or the possessive ("Russia’s technology market"). The countries and their adjectives are data (lexicon/check/countries.json). Left alone: names English uses as modifiers (New Zealand, Hong Kong, Singapore, England and the other home nations, the United States), event nouns ("the Iraq war", "the Iran talks"), sports teams ("the Wales squad"), proper names ("the China Daily"), and a name followed by a verb ("in Russia technology is booming").',
    options: NO_OPTIONS,
    messages: {
      modifier: 'The country’s name “{{name}}” is used as a modifier of “{{noun}}”: use the adjective “{{adjective}}” or the possessive “{{possessive}}”.',
    },
    examples: {
      valid: ['The Russian technology market grew.', 'Russia’s technology market grew.', 'The Iraq war cost billions.', 'In Russia last year, sales fell.', 'She read the China Daily.'],
      invalid: [
        { text: 'Investors turned to the Russia technology market.', excerpt: 'Russia', output: 'Investors turned to the Russian technology market.' },
        { text: 'He mapped out the Russia new technology landscape.', excerpt: 'Russia', output: 'He mapped out the Russian new technology landscape.' },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const tokens = article.tokens;
    for (const s of article.sentences) {
      const end = s.lastToken;
      for (let i = s.firstToken + 1; i < end; i++) {
        const t = tokens[i];
        if (t.kind !== 'word' || t.quoted || !/^\p{Lu}/u.test(t.text)) continue;
        const m = countries.at(article, i, end);
        if (!m) continue;
        const country = m.entry;
        // Exact capitalisation ("turkey" is a bird; "the CHINA" is shouting).
        if (article.text.slice(t.start, tokens[m.last].end).replace(/\s+/g, ' ') !== country.name) continue;
        const prev = tokens[i - 1];
        if (prev.kind !== 'word' || !adjacent(article, prev, t)) continue;
        const before = prev.text;
        const determiner = DETERMINERS.has(before);
        if (!determiner && !PREPOSITIONS.has(before)) continue;
        // The noun phrase after the name: lower-case words and acronyms (IT), up to a function word.
        const np: number[] = [];
        let last = m.last;
        for (let j = m.last + 1; j < end; j++) {
          const w = wordAt(article, j, end, tokens[last]);
          if (!w) break;
          const lw = norm(w.text);
          if (notModifiers.has(lw) || /['’]s?$/.test(w.text) || /ly$/.test(lw)) break;
          if (!LOWER.test(w.text) && !(np.length && ACRONYM.test(w.text))) break;
          np.push(j);
          last = j;
        }
        // A noun phrase does not end on an acronym ("in South Korea use LG").
        while (np.length && !LOWER.test(tokens[np[np.length - 1]].text)) np.pop();
        if (!np.length || np.some((j) => eventNouns.has(norm(tokens[j].text)))) continue;
        if (!determiner) {
          // After a preposition the name may be the place and the next words a new clause ("in Russia
          // technology is booming"): need two words of noun phrase, none verb-like, checked with POS tags.
          if (np.length < 2 || np.some((j) => VERBISH.test(norm(tokens[j].text)))) continue;
          const tags = sentenceTags(article, t.sentence);
          const verbAt = (j: number) => {
            if (j >= end) return false;
            const tg = tags[j - s.firstToken];
            return !!tg && tg.has('Verb') && !tg.has('Gerund');
          };
          if (np.some(verbAt) || verbAt(np[np.length - 1] + 1)) continue;
        } else if (np.length === 1 && VERBISH.test(norm(tokens[np[0]].text))) continue;
        const name = country.name;
        ctx.report({
          start: t.start,
          end: tokens[m.last].end,
          messageId: 'modifier',
          data: { name, noun: np.map((j) => tokens[j].text).join(' '), adjective: country.adjective, possessive: `${name}'s` },
          suggestions: [country.adjective, `${name}'s`],
        });
        i = m.last;
      }
    }
  },
};
