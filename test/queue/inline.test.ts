// Inline control with a real rule (the speller): <!-- copydesk-disable / enable / disable-next-line /
// disable-line --> in Markdown, and front matter `copydesk: { disable, words }` in Markdown and plain text.
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../pipeline/core/article.js';
import { resolveConfig } from '../../pipeline/run/config.js';
import { allRuleMetas } from '../../pipeline/core/registry.js';
import type { Config } from '../../pipeline/core/types.js';

const SPELLING = 'spelling/unknown-word';
const rules: Config['rules'] = {};
for (const m of allRuleMetas()) if (m.stage !== 'input') rules[m.id] = 'off';
rules[SPELLING] = 'error';
const config = resolveConfig({ rules }, undefined);

/** The misspelt words reported, as "word@line". */
function flagged(path: string, text: string): string[] {
  return checkArticle({ path, text }, config)
    .items.filter((i) => i.rule === SPELLING)
    .map((i) => `${i.excerpt}@${i.line}`);
}

describe('Markdown comments', () => {
  const cases: [string, string, string[]][] = [
    [
      'disable ... enable one rule',
      '# Roads\n\n<!-- copydesk-disable spelling/unknown-word -->\nThe goverment will pay.\n\nThe comittee agreed.\n<!-- copydesk-enable spelling/unknown-word -->\n\nThe goverment met again.\n',
      ['goverment@9'],
    ],
    ['a region left open runs to the end', '# Roads\n\nThe goverment will pay.\n\n<!-- copydesk-disable spelling/unknown-word -->\n\nThe comittee agreed.\n', ['goverment@3']],
    ['disable with no rule disables every rule; enable with none ends it', '# Roads\n\n<!-- copydesk-disable -->\n\nThe goverment will pay.\n\n<!-- copydesk-enable -->\n\nThe comittee agreed.\n', ['comittee@9']],
    [
      'enable one rule inside a disable-everything region (then disable it again)',
      '# Roads\n\n<!-- copydesk-disable -->\n\nThe goverment will pay.\n\n<!-- copydesk-enable spelling/unknown-word -->\n\nThe comittee agreed.\n\n<!-- copydesk-disable spelling/unknown-word -->\n\nThe goverment met.\n',
      ['comittee@9'],
    ],
    ['a category disables its rules', '# Roads\n\n<!-- copydesk-disable spelling -->\n\nThe goverment will pay.\n', []],
    ['another rule id leaves the speller on', '# Roads\n\n<!-- copydesk-disable style/filler -->\n\nThe goverment will pay.\n', ['goverment@5']],
    ['disable-next-line covers only the next line', '# Roads\n\n<!-- copydesk-disable-next-line spelling/unknown-word -->\nThe goverment will pay.\nThe comittee agreed.\n', ['comittee@5']],
    ['disable-line covers its own line', '# Roads\n\nThe goverment will pay. <!-- copydesk-disable-line spelling/unknown-word -->\nThe comittee agreed.\n', ['comittee@4']],
    ['several rules in one comment, comma-separated', '# Roads\n\n<!-- copydesk-disable-next-line style/filler, spelling/unknown-word -->\nThe goverment will pay.\n', []],
    ['no comment: everything is reported', '# Roads\n\nThe goverment will pay.\nThe comittee agreed.\n', ['goverment@3', 'comittee@4']],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(flagged('a.md', text)).toEqual(expected));
});

describe('front matter', () => {
  it('copydesk.disable turns a rule off for the whole article (Markdown and plain text)', () => {
    const fm = '---\ntitle: Roads\ncopydesk:\n  disable: [spelling/unknown-word]\n---\n';
    expect(flagged('a.md', `${fm}\nThe goverment will pay.\n`)).toEqual([]);
    expect(flagged('a.txt', `${fm}\nThe goverment will pay.\n`)).toEqual([]);
    expect(flagged('a.txt', '---\ntitle: Roads\n---\n\nThe goverment will pay.\n')).toEqual(['goverment@5']);
  });

  it('copydesk.disable takes a category too', () => {
    expect(flagged('a.md', '---\ncopydesk:\n  disable: [spelling]\n---\n\nThe goverment will pay.\n')).toEqual([]);
  });

  it('copydesk.words (and top-level words) are accepted by the speller, in Markdown and plain text', () => {
    const text = (fm: string) => `---\n${fm}\n---\n\nThe goverment will pay. The comittee agreed.\n`;
    expect(flagged('a.md', text('copydesk:\n  words: [goverment]'))).toEqual(['comittee@6']);
    expect(flagged('a.txt', text('copydesk:\n  words: [goverment, comittee]'))).toEqual([]);
    expect(flagged('a.txt', text('words: [comittee]'))).toEqual(['goverment@5']);
    expect(flagged('a.txt', 'The goverment will pay. The comittee agreed.\n')).toEqual(['goverment@1', 'comittee@1']);
  });
});
