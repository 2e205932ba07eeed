// style/filler: phrases that add nothing ("it's worth noting that", "needless to say"); the fix is
// to delete them. When the phrase opens the sentence, the suggestion also capitalises the next word.
import type { Rule } from '../../core/types.js';
import { PhraseMatcher, loadData, norm, perList } from '../prose-helpers.js';

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
    docs: [
      'Flags phrases from lexicon/check/fillers.json outside quotations; straight and curly apostrophes match alike. The suggestion deletes the phrase (and capitalises the next word when the phrase opened the sentence).',
      '',
      'Flags: "It’s worth noting that in 2023 the bank cut rates." -> "In 2023 the bank cut rates."; "Needless to say, the plan failed." -> "The plan failed."',
      '',
      'Not flagged: `“It is worth noting that we won,” she said.` (a quotation); "The point is worth noting."',
      '',
      'Options: `add` (phrases to flag too) and `remove` (phrases of the list to leave alone), e.g. `["warning", {"add": ["at the end of the day"]}]`.',
    ].join('\n'),
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
        // Swallow a following comma and the space after the phrase.
        let end = tokens[m.last].end;
        const after = /^,?[ \t]*/.exec(text.slice(end))![0];
        end += after.length;
        let suggestion = '';
        const opens = i === s.firstToken || tokens.slice(s.firstToken, i).every((x) => x.kind === 'punct');
        const next = tokens[m.last + 1]?.kind === 'punct' ? tokens[m.last + 2] : tokens[m.last + 1];
        if (opens && next && next.sentence === t.sentence && next.start === end && /^\p{Ll}/u.test(next.text)) {
          end = next.end;
          suggestion = next.text[0].toUpperCase() + next.text.slice(1);
        }
        ctx.report({
          start: t.start,
          end,
          message: `“${phrase}” is filler: delete it; the sentence says the same without it.`,
          suggestions: [suggestion],
        });
        i = m.last;
      }
    }
  },
};
