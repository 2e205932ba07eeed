import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../pipeline/parse/index.js';

const sentences = (text: string) => parseArticle('x.txt', text).sentences.map((s) => s.text);

describe('sentence splitter', () => {
  const cases: [string, string[]][] = [
    ['Dr. Smith arrived. He sat down.', ['Dr. Smith arrived.', 'He sat down.']],
    ['Mr. and Mrs. Jones left at noon. They did not return.', ['Mr. and Mrs. Jones left at noon.', 'They did not return.']],
    ['The U.S. economy grew. The U.K. economy shrank.', ['The U.S. economy grew.', 'The U.K. economy shrank.']],
    ['She moved to the U.S. in 1990 and stayed.', ['She moved to the U.S. in 1990 and stayed.']],
    ['The No. 1 seed lost in the first round. Fans were stunned.', ['The No. 1 seed lost in the first round.', 'Fans were stunned.']],
    ['The deal closed on Jan. 5 after months of talks.', ['The deal closed on Jan. 5 after months of talks.']],
    ['Trade was worth $244.8 billion last year. Exports rose 3.5%.', ['Trade was worth $244.8 billion last year.', 'Exports rose 3.5%.']],
    ['The novel by J. K. Rowling sold well. Critics agreed.', ['The novel by J. K. Rowling sold well.', 'Critics agreed.']],
    ['He paused... and then went on. Nobody spoke.', ['He paused... and then went on.', 'Nobody spoke.']],
    ['She waited… Nothing happened.', ['She waited…', 'Nothing happened.']],
    ['He said: “It is over. We lost.” Then he left.', ['He said: “It is over.', 'We lost.”', 'Then he left.']],
    ['“Stop!” he shouted. The car stopped.', ['“Stop!” he shouted.', 'The car stopped.']],
    ['The firm, Yahoo! in California, said no. Shares fell.', ['The firm, Yahoo! in California, said no.', 'Shares fell.']],
    ['Is it over? Nobody knows.', ['Is it over?', 'Nobody knows.']],
    ['Prices rose (sharply). Wages did not.', ['Prices rose (sharply).', 'Wages did not.']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Line one is here.\n\nDr. Who said so. Next one.';
    const a = parseArticle('x.txt', text);
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
