// style/loaded-word: editorialising words (surprising, definitely, obviously...) in the reporter's
// own voice. Words inside quotations are the source's and are left alone. The list, with a reason
// for each word and the contexts where it is descriptive ("clearly visible"), is data:
// lexicon/check/loaded-words.json.
import type { Rule } from '../../core/types.js';
import { PhraseMatcher, loadData, norm, perList, LIST_OPTIONS } from '../prose-helpers.js';

interface Entry {
  reason: string;
  notBefore?: string[];
  notAfter?: string[];
}
const data = loadData<{ words: Record<string, Entry> }>('loaded-words');
const ADDED: Entry = { reason: 'the newsroom’s configuration lists it as loaded' };
// The list, with the config's `add` and `remove` options applied, built once per distinct options.
const matcherFor = perList(
  (list) =>
    new PhraseMatcher<{ phrase: string; entry: Entry; notBefore: Set<string>; notAfter: Set<string> }>(
      [...Object.entries(data.words).filter(([phrase]) => !list.remove.has(norm(phrase))), ...list.add.map((w): [string, Entry] => [w, ADDED])].map(([phrase, entry]) => [
        phrase,
        { phrase, entry, notBefore: new Set((entry.notBefore ?? []).map(norm)), notAfter: new Set((entry.notAfter ?? []).map(norm)) },
      ]),
    ),
);

export const loadedWord: Rule = {
  meta: {
    id: 'style/loaded-word',
    category: 'style',
    severity: 'warning',
    stage: 'check',
    description: 'An editorialising (loaded) word in the reporter’s own voice: surprising, definitely, obviously…',
    docs: 'News copy reports; it does not tell readers what to feel or think. Words such as surprising, shocking, definitely, obviously, essentially, clearly, undoubtedly and stunning are flagged outside quotations, each with the reason from lexicon/check/loaded-words.json. Quote or attribute the judgement, or give the fact that supports it. Descriptive uses are allowed ("clearly visible"). Options: `add` (words or phrases to flag too) and `remove` (words of the list to leave alone), e.g. `["warning", {"add": ["slammed"], "remove": ["clearly"]}]`.',
    options: LIST_OPTIONS,
    messages: {
      loaded: '“{{word}}” is a loaded, editorialising word in the reporter’s voice: {{reason}}.',
    },
    examples: {
      valid: ['“It was a shocking result,” he said.', 'The sign was clearly visible.'],
      invalid: [
        { text: 'Requests saw a surprising 18% rise.', excerpt: 'surprising' },
        { text: 'If sanctions continue, it will definitely shake the market.', excerpt: 'definitely' },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const tokens = article.tokens;
    const matcher = matcherFor(ctx.options);
    for (const s of article.sentences) {
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const t = tokens[i];
        if (t.kind !== 'word' || t.quoted) continue;
        const m = matcher.at(article, i, s.lastToken);
        if (!m) continue;
        const { entry, notBefore, notAfter } = m.entry;
        const next = tokens[m.last + 1];
        const prev = i > s.firstToken ? tokens[i - 1] : undefined;
        if (next && next.kind === 'word' && next.sentence === t.sentence && notBefore.has(norm(next.text))) continue;
        if (prev && prev.kind === 'word' && notAfter.has(norm(prev.text))) continue;
        if (tokens.slice(m.first, m.last + 1).some((x) => x.quoted)) continue;
        const end = tokens[m.last].end;
        ctx.report({
          start: t.start,
          end,
          messageId: 'loaded',
          data: { word: article.text.slice(t.start, end), reason: entry.reason },
        });
        i = m.last;
      }
    }
  },
};
