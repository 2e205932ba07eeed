// clarity/long-sentence: a sentence longer than the rule option `max` words (default 35). Words inside
// quotations are not counted (a reporter cannot shorten a quote), and headings, list items and table
// cells are skipped.
import type { Rule } from '../../core/types.js';
import { isRunningProse, numberOption } from '../prose-helpers.js';
import { wordsOf } from '../../lexicon/word-classes.js';

const FIRST_WORDS = 6;
/** The limit when the rule option `max` is not set. */
export const DEFAULT_MAX = 35;
/** Lower-case words inside a name of several words (Bank of England): the name counts as one word. */
const NAME_CONNECTORS = wordsOf('name-connector');

export const longSentence: Rule = {
  meta: {
    id: 'clarity/long-sentence',
    category: 'clarity',
    severity: 'info',
    stage: 'check',
    description: 'A sentence over the word limit (35 by default): split it.',
    docs: 'Counts the words of each sentence in running prose, leaving out words inside quotations and counting a name of several capitalised words ("Bank of England") as one; lists of names (line-ups) are skipped. Over the limit (the rule option `max`, default 35: `"rules": { "clarity/long-sentence": ["info", { "max": 40 }] }`), the sentence is flagged at its first few words. Split it at a conjunction or a comma.',
    options: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 5, description: `Words above which a sentence is flagged (default ${DEFAULT_MAX}).` } },
      additionalProperties: false,
    },
    messages: {
      tooLong: 'This sentence is too long: {{words}} words (the limit is {{max}}). Split it into two or more sentences.',
    },
    examples: {
      valid: [
        'The council approved the budget on Tuesday after a long debate about the cost of repairing roads.',
        'The minister said: “We have spent most of the last ten years closing branches and raising fees for savers across the region, and we will keep doing what our shareholders expect of us for at least another four years.”',
      ],
      invalid: [
        {
          text: 'It all began in 2024 when the company, which had spent most of the previous decade closing branches, raised its fees for savers across the region while promising shareholders that payouts would keep growing for at least another four years.',
          excerpt: 'It all began in 2024 when',
        },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const max = numberOption(ctx.options, 'max', DEFAULT_MAX);
    for (const s of article.sentences) {
      if (!isRunningProse(article.blocks[s.block])) continue;
      let words = 0;
      let caps = 0;
      let all = 0;
      let last = -1;
      let prevName = false;
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const t = article.tokens[i];
        if ((t.kind !== 'word' && t.kind !== 'number') || t.quoted) {
          if (t.kind !== 'word') prevName = false;
          continue;
        }
        all++;
        // A name of several capitalised words (Bank of England's "Monetary Policy Committee") is one unit.
        const name = t.kind === 'word' && /^\p{Lu}/u.test(t.text) && i > s.firstToken;
        if (name) caps++;
        if (name && prevName) continue;
        prevName = name || (prevName && NAME_CONNECTORS.has(t.text));
        words++;
        if (words === FIRST_WORDS) last = i;
      }
      // Line-ups and lists of names are not sentences to split.
      if (caps * 2 >= all) continue;
      if (words <= max) continue;
      const end = article.tokens[last >= 0 ? last : s.lastToken - 1].end;
      ctx.report({
        start: s.start,
        end,
        messageId: 'tooLong',
        data: { words, max },
      });
    }
  },
};
