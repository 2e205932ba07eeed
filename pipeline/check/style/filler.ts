// style/filler: phrases that add nothing ("it's worth noting that", "needless to say"); the fix is
// to delete them with their punctuation: both commas of a parenthetical phrase, and when the phrase
// opens the sentence, the suggestion also capitalises the next word.
import type { Rule } from '../../core/types.js';
import { PhraseMatcher, loadData, norm, perList, LIST_OPTIONS } from '../prose-helpers.js';

const data = loadData<{ phrases: string[]; beforeComma: string[] }>('fillers');
// The list, with the config's `add` and `remove` options applied, built once per distinct options.
const matcherFor = perList(
  (list) =>
    new PhraseMatcher<{ comma: boolean }>([
      ...[...data.phrases, ...list.add].filter((p) => !list.remove.has(norm(p))).map((p): [string, { comma: boolean }] => [p, { comma: false }]),
      ...data.beforeComma.filter((p) => !list.remove.has(norm(p))).map((p): [string, { comma: boolean }] => [p, { comma: true }]),
    ]),
);

export const filler: Rule = {
  meta: {
    id: 'style/filler',
    category: 'style',
    severity: 'warning',
    stage: 'check',
    description: 'A filler phrase that adds nothing ("it’s worth noting that", "needless to say"): delete it.',
    docs: 'Flags phrases from lexicon/check/fillers.json outside quotations; straight and curly apostrophes match alike. The suggestion deletes the phrase with its punctuation: a phrase set off by commas inside a sentence goes with both commas ("Labour, needless to say, disagreed." -> "Labour disagreed."), and a phrase that opens the sentence takes the capital to the next word. Options: `add` (phrases to flag too) and `remove` (phrases of the list to leave alone), e.g. `["warning", {"add": ["at the end of the day"]}]`.',
    options: LIST_OPTIONS,
    messages: {
      filler: '“{{phrase}}” is filler: delete it; the sentence says the same without it.',
    },
    examples: {
      valid: ['“It is worth noting that we won,” she said.', 'The point is worth noting.'],
      invalid: [
        { text: 'It’s worth noting that in 2023 the bank cut rates.', excerpt: 'It’s worth noting that in', output: 'In 2023 the bank cut rates.' },
        { text: 'Needless to say, the plan failed.', excerpt: 'Needless to say, the', output: 'The plan failed.' },
        { text: 'Labour, needless to say, disagreed.', excerpt: ', needless to say,', output: 'Labour disagreed.' },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const { tokens, text } = article;
    const matcher = matcherFor(ctx.options);
    for (const s of article.sentences) {
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const t = tokens[i];
        if (t.kind !== 'word' || t.quoted) continue;
        const m = matcher.at(article, i, s.lastToken);
        if (!m || tokens.slice(m.first, m.last + 1).some((x) => x.quoted)) continue;
        if (m.entry.comma && text[tokens[m.last].end] !== ',') continue;
        const phrase = text.slice(t.start, tokens[m.last].end);
        const phraseEnd = tokens[m.last].end;
        let start = t.start;
        let end = phraseEnd;
        let suggestion = '';
        const opens = i === s.firstToken || tokens.slice(s.firstToken, i).every((x) => x.kind === 'punct');
        const prev = i > s.firstToken ? tokens[i - 1] : undefined;
        const parenthetical = /^(?:,|[ \t]*[.!?;:])/.test(text.slice(phraseEnd));
        if (!opens && prev?.text === ',' && /^[ \t]*$/.test(text.slice(prev.end, t.start)) && parenthetical) {
          // Set off by commas inside the sentence ("Labour, needless to say, disagreed."): the phrase goes
          // with both commas, so the sentence closes up ("Labour disagreed.").
          start = prev.start;
          if (text[end] === ',') end++;
        } else {
          // Swallow a following comma and the space after the phrase.
          end += /^,?[ \t]*/.exec(text.slice(end))![0].length;
          const next = tokens[m.last + 1]?.kind === 'punct' ? tokens[m.last + 2] : tokens[m.last + 1];
          // Opening the sentence: the next word takes the capital ("Needless to say, the" -> "The").
          if (opens && next && next.sentence === t.sentence && next.start === end && /^\p{Ll}/u.test(next.text)) {
            end = next.end;
            suggestion = next.text[0].toUpperCase() + next.text.slice(1);
          }
        }
        ctx.report({
          start,
          end,
          messageId: 'filler',
          data: { phrase },
          suggestions: [suggestion],
        });
        i = m.last;
      }
    }
  },
};
