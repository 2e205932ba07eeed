// Failure 10 of issue 9: the word "constructor" anywhere in an article threw ("x.toPrecision is not
// a function": a lexicon lookup on a plain object), so the article was not checked at all. Every
// Object.prototype name, in every place a word is looked up (a word, a unit after a figure, glued to
// a figure, a scale, a name, a source, front matter, an inline directive, Markdown), must be an
// ordinary word.
import { describe, expect, it } from 'vitest';
import { check, violations } from '../helpers/invariants.js';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

const templates = (w: string): [string, string][] => [
  ['a.txt', `The ${w} rose.`],
  ['a.txt', `Sales rose by 5 ${w} and 12${w} last year, to £3${w} from ${w} thousand.`],
  ['a.txt', `About 40 ${w} of the ${w}s were sold, up 5% from 2023, a ${w}fold rise; two ${w} and a ${w} of them went.`],
  ['a.txt', `“We are ${w},” said ${cap(w)} ${cap(w)}, the ${w} of ${cap(w)} Ltd. According to ${cap(w)}, 1,200 ${w} came.`],
  ['a.txt', `${cap(w)} said the ${w} was worth $4.5bn. Mr ${cap(w)} told the ${cap(w)} Times it was ${w}.`],
  ['a.md', `---\ntitle: ${w}\nwords: [${w}]\ncopydesk:\n  disable: [${w}]\n---\n\n# ${cap(w)}\n\nThe ${w} said 300 ${w} attended. <!-- copydesk-disable ${w} -->\n\n- ${w}\n> ${w}\n`],
  ['a.md', `<!-- copydesk-disable-next-line ${w} -->\nThe ${w} of ${w} ${w} ${w}. ${cap(w)} ${w}ed ${w}ing.\n`],
];

describe('every Object.prototype name is an ordinary word', () => {
  for (const w of NAMES) {
    it(`"${w}" in every position`, () => {
      for (const [file, text] of templates(w)) {
        const { result } = check(file, text);
        expect(violations(text, result), `${file}: ${text}`).toEqual([]);
      }
    });
  }
});
