// Inline control never fails silently: unknown directives, rule names and front-matter keys become
// input/* warnings with a did-you-mean; --report-unused-disable-directives (ESLint's semantics);
// copydesk-disable-file; plain-text directive lines.
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../pipeline/core/article.js';
import { resolveConfig } from '../../pipeline/run/config.js';
import type { EffectiveConfig } from '../../pipeline/core/types.js';

const base = resolveConfig({ language: 'en-US' }, undefined);

function items(path: string, text: string, config: EffectiveConfig = base) {
  return checkArticle({ path, text }, config).items.map((i) => ({ rule: i.rule, line: i.line, excerpt: i.excerpt, message: i.message, severity: i.severity, suggestions: i.suggestions }));
}
const rulesAt = (path: string, text: string, config?: EffectiveConfig) => items(path, text, config).map((i) => `${i.rule}@${i.line}${i.rule.startsWith('spelling/') ? `:${i.excerpt}` : ''}`);

describe('a misspelt directive hides nothing', () => {
  it('copydesk-disable-nextline is reported with a did-you-mean, and the spelling errors stay', () => {
    const text = '# Roads\n\n<!-- copydesk-disable-nextline spelling -->\nThe goverment will pay.\n\nThe comittee agreed. The budjet is set.\n';
    const got = items('a.md', text);
    const unknown = got.find((i) => i.rule === 'input/unknown-directive')!;
    expect(unknown).toMatchObject({ line: 3, severity: 'warning', excerpt: 'disable-nextline' });
    expect(unknown.message).toContain('Did you mean “copydesk-disable-next-line”?');
    expect(got.filter((i) => i.rule === 'spelling/unknown-word').map((i) => i.excerpt)).toEqual(['goverment', 'comittee', 'budjet']);
  });

  it('the same slip in a plain-text directive line', () => {
    expect(rulesAt('a.txt', 'Roads\n\ncopydesk-disable-nextline spelling\nThe goverment will pay.\n')).toEqual(['input/unknown-directive@3', 'spelling/unknown-word@4:goverment']);
  });
});

describe('unknown rule names', () => {
  const cases: [string, string, string, string][] = [
    ['a misspelt category', '<!-- copydesk-disable speling -->', 'speling', 'spelling'],
    ['a misspelt rule id', '<!-- copydesk-disable-next-line spelling/unknwn-word -->', 'spelling/unknwn-word', 'spelling/unknown-word'],
    ['one bad name among good ones', '<!-- copydesk-disable-next-line style/filler, sourcing/vage-attribution -->', 'sourcing/vage-attribution', 'sourcing/vague-attribution'],
  ];
  for (const [name, comment, bad, near] of cases) {
    it(`${name}: an item naming it, and nothing is disabled`, () => {
      const got = items('a.md', `# Roads\n\n${comment}\nThe goverment will pay.\n`);
      const unknown = got.filter((i) => i.rule === 'input/unknown-rule');
      expect(unknown).toHaveLength(1);
      expect(unknown[0]).toMatchObject({ excerpt: bad, line: 3, suggestions: [near] });
      expect(unknown[0].message).toContain(`Did you mean “${near}”?`);
      expect(got.some((i) => i.rule === 'spelling/unknown-word')).toBe(true);
    });
  }
  it('front matter copydesk.disable with an unknown name', () => {
    const got = items('a.md', '---\ncopydesk:\n  disable: [spelling, clarty]\n---\n\nThe goverment will pay.\n');
    expect(got.filter((i) => i.rule === 'input/unknown-rule').map((i) => i.suggestions)).toEqual([['clarity']]);
    expect(got.some((i) => i.rule === 'spelling/unknown-word')).toBe(false);
  });
  it('known names, categories, "all" and a reason after -- are not reported', () => {
    const got = rulesAt('a.md', '# Roads\n\n<!-- copydesk-disable-next-line all -- an 1850 letter -->\nThe goverment will pay.\n<!-- copydesk-disable-next-line spelling, style/filler -->\nThe comittee agreed.\n');
    expect(got).toEqual([]);
  });
});

describe('front matter keys and language', () => {
  it('a slip for a copydesk key, inside copydesk: and at the top level', () => {
    const got = items('a.md', '---\ntitle: Roads\nauthor: Ann\ntags: [roads]\nwrods: [Aberdaron]\ncopydesk:\n  disabel: [style]\n---\n\nText here.\n');
    const keys = got.filter((i) => i.rule === 'input/unknown-key').map((i) => i.message);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toContain('“wrods”');
    expect(keys[0]).toContain('Did you mean “words”?');
    expect(keys[1]).toContain('“disabel”');
    expect(keys[1]).toContain('Did you mean “disable”?');
  });
  it('language: xx-YY is an input/front-matter error and the configured language is used', () => {
    const got = items('a.md', '---\nlanguage: xx-YY\n---\n\nThe colour of the harbour.\n');
    expect(got.find((i) => i.rule === 'input/front-matter')).toMatchObject({ severity: 'error' });
    expect(got.find((i) => i.rule === 'input/front-matter')!.message).toContain('"xx-YY"');
    // en-US is configured, so the British spellings are flagged.
    expect(got.filter((i) => i.rule === 'spelling/unknown-word').map((i) => i.excerpt)).toEqual(['colour', 'harbour']);
  });
  it('language spellings it understands are normalised', () => {
    const r = checkArticle({ path: 'a.md', text: '---\nlanguage: en_gb\n---\n\nThe colour of the harbour.\n' }, base);
    expect(r.language).toBe('en-GB');
    expect(r.items).toEqual([]);
  });
});

describe('copydesk-disable-file', () => {
  it('with a rule: that rule is off in the whole article, wherever the comment is', () => {
    expect(rulesAt('a.md', '# Roads\n\nThe goverment will pay.\n\n<!-- copydesk-disable-file spelling -->\n\nThe comittee agreed.\n')).toEqual([]);
  });
  it('with no rule: everything but input items', () => {
    expect(rulesAt('a.md', '<!-- copydesk-disable-file -->\n# Roads\n\nThe goverment will pay.\n')).toEqual([]);
  });
  it('in plain text', () => {
    expect(rulesAt('a.txt', 'copydesk-disable-file spelling/unknown-word\nRoads\n\nThe goverment will pay.\n')).toEqual([]);
  });
});

describe('plain-text directive lines', () => {
  it('every directive works, and the directive line is not checked by the speller', () => {
    const text = 'Roads\n\ncopydesk-disable spelling\nThe goverment will pay.\ncopydesk-enable spelling\nThe comittee agreed.\n<!-- copydesk-disable-next-line spelling -->\nThe budjet is set.\n';
    expect(rulesAt('a.txt', text)).toEqual(['spelling/unknown-word@6:comittee']);
  });
  it('a directive line ends a paragraph and is no heading', () => {
    const r = checkArticle({ path: 'a.txt', text: 'The plan was agreed.\ncopydesk-disable-next-line spelling\nthe goverment will pay.\n' }, base);
    expect(r.items).toEqual([]);
  });
});

describe('--report-unused-disable-directives', () => {
  const on: EffectiveConfig = { ...base, reportUnusedDisableDirectives: 'error' };
  it('off by default', () => {
    expect(rulesAt('a.md', '# Roads\n\n<!-- copydesk-disable-next-line spelling -->\nThe government will pay.\n')).toEqual([]);
  });
  it('a disable that suppresses nothing is an item; one that suppresses something is not', () => {
    const text = '# Roads\n\n<!-- copydesk-disable-next-line spelling -->\nThe government will pay.\n\n<!-- copydesk-disable-next-line spelling -->\nThe goverment will pay.\n';
    const got = items('a.md', text, on);
    expect(got.map((i) => `${i.rule}@${i.line}`)).toEqual(['input/unused-directive@3']);
    expect(got[0]).toMatchObject({ severity: 'error', excerpt: 'spelling' });
  });
  it('per rule name: the name that suppressed nothing is reported, the other is not', () => {
    const got = items('a.md', '# Roads\n\n<!-- copydesk-disable-next-line style/filler, spelling/unknown-word -->\nThe goverment will pay.\n', on);
    expect(got.map((i) => `${i.rule}:${i.excerpt}`)).toEqual(['input/unused-directive:style/filler']);
  });
  it('a disable-everything region that covers nothing, with the severity asked for', () => {
    const got = items('a.md', '# Roads\n\n<!-- copydesk-disable -->\nThe government will pay.\n<!-- copydesk-enable -->\n', { ...base, reportUnusedDisableDirectives: 'warning' });
    expect(got.map((i) => `${i.rule}:${i.severity}@${i.line}`)).toEqual(['input/unused-directive:warning@3']);
  });
  it('regions: disable ... enable that covers an error is used', () => {
    expect(rulesAt('a.md', '# Roads\n\n<!-- copydesk-disable spelling -->\nThe goverment will pay.\n<!-- copydesk-enable spelling -->\n', on)).toEqual([]);
  });
});
