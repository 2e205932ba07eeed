// clarity/long-sentence: a sentence longer than config.longSentence words (default 35; the rule
// option `max` overrides it). Words inside quotations are not counted (a reporter cannot shorten a
// quote), and headings, list items and table cells are skipped.
import type { Rule } from '../../core/types.js';
import { isRunningProse, numberOption } from '../prose-helpers.js';
import { wordsOf } from '../../lexicon/word-classes.js';

const FIRST_WORDS = 6;
/** Lower-case words inside a name of several words (Bank of England): the name counts as one word. */
const NAME_CONNECTORS = wordsOf('name-connector');

export const longSentence: Rule = {
  meta: {
    id: 'clarity/long-sentence',
    category: 'clarity',
    severity: 'info',
    stage: 'check',
    description: 'A sentence over the word limit (35 by default): split it.',
    docs: [
      'Counts the words of each sentence in running prose, leaving out words inside quotations and counting a name of several capitalised words ("Bank of England") as one; lists of names (line-ups) are skipped. Over the limit (`longSentence` in the config, default 35, or the rule option `max`), the sentence is flagged at its first few words.',
      '',
      'Flags: "It all began in 2024 when the company, which had spent a decade …" (over 35 words) -> split it at a conjunction or a comma.',
      '',
      'Not flagged: a 30-word sentence; a long quotation ("… ,” she said.) where the reporter wrote fewer words than the limit.',
    ].join('\n'),
  },
  check(ctx) {
    const { article } = ctx;
    const max = numberOption(ctx.options, 'max', ctx.config.longSentence);
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
        message: `This sentence is too long: ${words} words (the limit is ${max}). Split it into two or more sentences.`,
      });
    }
  },
};
