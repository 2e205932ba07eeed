import { describe, expect, it } from 'vitest';
import { unclosedQuote } from '../../../pipeline/check/clarity/unclosed-quote.js';
import { parseArticle } from '../../../pipeline/parse/index.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(unclosedQuote, {
  valid: [
    '“It is over,” she said.',
    'He said "we will win" and left.',
    'The firm’s ‘mixed’ teams are growing, and Russia’s apps’ share rose in the ’90s.',
    // A quotation running over paragraphs reopens in the next one (news style).
    '“The first paragraph of the quote goes on.\n\n“And the second one closes it,” he said.',
    // The same, when the paragraph break was lost: the quotation reopens at a new sentence.
    'He added: "It feels good to sell. "Look at it all," he said.',
    'She said: “We lost three years. “Now we start again,” she added.',
  ],
  invalid: [
    {
      text: 'Readers keep asking the same thing, which is “Can the city afford another bridge? If costs keep rising, the plan will stall.',
      excerpts: ['“Can the city afford another'],
      data: { close: '”' },
    },
    { text: 'He said: "We are going to court, because we must.\n\nThe hearing is on Monday.', excerpts: ['"We are going to court'] },
    { text: 'The band called it “magic, and left.', excerpts: ['“magic'] },
  ],
  markdown: '---\ntitle: “An unclosed title\n---\n\nThe code `say(“hello)` runs.\n\n```\nprint(“unclosed)\n```\n',
});

describe('quotations continued within a block (parser)', () => {
  it('marks the first part continued and its words quoted', () => {
    const a = parseArticle('t.txt', 'He added: "It feels surprising. "Look at it," he said.');
    const q = a.quotations.find((x) => x.continued);
    expect(q).toBeDefined();
    expect(a.text.slice(q!.start, q!.end)).toBe('"It feels surprising. ');
    expect(a.tokens.find((t) => t.text === 'surprising')!.quoted).toBe(true);
  });
});
