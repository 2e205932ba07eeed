// clarity/unclosed-quote: an opening “ or " that is never closed before its paragraph ends. A
// quotation that runs on into the next paragraph is opened again there by news style, so an
// unclosed quotation followed by a paragraph that opens a quotation is fine.
import type { Rule } from '../../core/types.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

const SPAN_WORDS = 5;
/** How far after the mark the first words are looked for. */
const WINDOW = 400;
/** The first words after the opening mark, up to the end of the first clause. */
const FIRST_WORDS = new RegExp(`^\\s*(?:[^\\s,.;:!?”"]+\\s*){1,${SPAN_WORDS}}`, 'u');

export const unclosedQuote: Rule = {
  meta: {
    id: 'clarity/unclosed-quote',
    category: 'clarity',
    severity: 'warning',
    stage: 'check',
    description: 'A quotation mark (“ or ") opened and never closed before the paragraph ends.',
    docs: 'Pairs quotation marks within each paragraph (apostrophes and nested ‘ ’ are told apart). An opening mark left open at the end of a paragraph is flagged at the mark and the next few words, unless the next paragraph opens a quotation again (news style for a quotation running over paragraphs). Close the quotation where the quoted words end.',
    options: NO_OPTIONS,
    messages: {
      unclosed: 'This quotation is never closed: add the closing {{close}} where the quoted words end (a quotation that goes on into the next paragraph must open again there).',
    },
    examples: {
      valid: ['“It is over,” she said.', '“The first part of the statement runs on.\n\n“And the next paragraph closes it,” he said.'],
      invalid: [{ text: 'He asked: “Can the policy survive? Nobody knows.', excerpt: '“Can the policy survive' }],
    },
  },
  check(ctx) {
    const { article } = ctx;
    for (const q of article.quotations) {
      if (q.closed || q.continued || q.reopensInNextBlock || (q.mark !== '“' && q.mark !== '"')) continue;
      // The mark and the next few words, to the end of the first clause at most.
      // (Read from a bounded window: an unclosed quotation runs to the end of its block.)
      const rest = article.prose.slice(q.start + 1, Math.min(q.end, q.start + 1 + WINDOW));
      const m = FIRST_WORDS.exec(rest);
      let end = q.start + 1 + (m ? m[0].trimEnd().length : 0);
      if (end <= q.start + 1) end = Math.min(q.end, q.start + 2);
      ctx.report({
        start: q.start,
        end,
        messageId: 'unclosed',
        data: { close: q.mark === '“' ? '”' : '"' },
      });
    }
  },
};
