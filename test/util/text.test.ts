import { describe, expect, it } from 'vitest';
import { collapseWhitespace, wordRuns } from '../../pipeline/util/text.js';
import { isRole } from '../../pipeline/verify/consistency.js';

describe('text helpers', () => {
  it('collapses white space runs and trims', () => {
    expect(collapseWhitespace('  about\n\t 25%  of  them ')).toBe('about 25% of them');
    expect(collapseWhitespace('')).toBe('');
  });
  it('cuts a string into word and non-word runs', () => {
    expect(wordRuns("the port's CEO-elect")).toEqual([
      { text: 'the', word: true }, { text: ' ', word: false }, { text: 'port', word: true }, { text: "'", word: false },
      { text: 's', word: true }, { text: ' ', word: false }, { text: 'CEO', word: true }, { text: '-', word: false }, { text: 'elect', word: true },
    ]);
  });
});

describe('isRole: a role names a job or position (lexicon/name-variant.json)', () => {
  it.each(['chief executive of the port authority', 'the club’s chairwoman', 'a spokeswoman for the council', 'vice-president', 'its ceo'])('%s is a role', (r) => expect(isRole(r)).toBe(true));
  it.each(['remarking on the level of detail', 'the headteacher’s friend', 'spokes', 'a long phrase of many words that goes on and on about a director'])('%s is not a role', (r) => expect(isRole(r)).toBe(false));
});
