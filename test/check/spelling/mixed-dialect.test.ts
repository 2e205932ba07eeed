// spelling/mixed-dialect, dialect detection (parse/dialect.ts + core/language.ts) and accented loanwords.
import { describe, expect, it } from 'vitest';
import { mixedDialect } from '../../../pipeline/check/spelling/mixed-dialect.js';
import { ruleCases } from '../../helpers/cases.js';
import { parseArticle } from '../../../pipeline/parse/index.js';
import { checkArticle } from '../../../pipeline/core/article.js';
import { resolveConfig } from '../../../pipeline/run/config.js';
import { articleLanguage, describeLanguage } from '../../../pipeline/core/language.js';

const gbConfig = resolveConfig({ language: 'en-GB' }, undefined);

ruleCases(mixedDialect, {
  valid: [
    'The colour of the new theatre pleased the council.',
    'The color of the new theater pleased the council.',
    // Oxford spelling (-ize) is British.
    'The centre organized a programme for the neighbourhood.',
    // Capitalised words are names.
    'The Labor Party met at the Kennedy Center to discuss the colour scheme.',
    // No dialect words at all.
    'The council met on Tuesday and agreed the budget.',
  ],
  invalid: [
    { text: 'The colour of the new theater pleased the neighbours.', excerpts: ['theater'], messageId: 'mixed', data: { main: 'en-GB', own: 'colour, neighbours', other: 'en-US', shown: 'theater' } },
    { text: 'The color of the theater and the center of town; the colour faded.', excerpts: ['colour'], data: { main: 'en-US', other: 'en-GB', shown: 'colour' } },
    // A configured language decides which words are the odd ones, even when they are the majority.
    { text: 'The color of the theater pleased the neighbours.', excerpts: ['neighbours'], options: { config: resolveConfig({ language: 'en-US' }, undefined) } },
    { text: 'The color of the theater pleased the neighbours.', excerpts: ['color'], data: { other: 'en-US', shown: 'color, theater' }, options: { config: gbConfig } },
  ],
  markdown: '---\ntitle: colour\n---\n\n# Roads\n\nThe colour of the `theater` and <https://center.example/>.\n',
});

describe('dialect detection', () => {
  const detect = (text: string, config = resolveConfig({}, undefined)) => articleLanguage(parseArticle('a.txt', text), config);
  it('British spelling is detected as en-GB, with a confidence', () => {
    const l = detect('The council will publicise its programme to improve the town centre and its colourful harbour.');
    expect(l).toMatchObject({ language: 'en-GB', source: 'detected' });
    expect(l.confidence).toBeGreaterThan(0.7);
    expect(describeLanguage(l)).toBe('en-GB (detected)');
  });
  it('American spelling is detected as en-US', () => {
    expect(detect('The center will publicize its program to improve the colorful harbor.')).toMatchObject({ language: 'en-US', source: 'detected' });
  });
  it('no evidence, an even split or a lone -ize: undetermined, both spellings accepted', () => {
    expect(detect('The council met on Tuesday.')).toEqual({ language: 'en', source: 'undetermined' });
    expect(detect('The colour of the theater.')).toEqual({ language: 'en', source: 'undetermined' });
    expect(detect('They will organize a meeting.')).toEqual({ language: 'en', source: 'undetermined' });
  });
  it('a configured language always wins; front matter wins over the configuration', () => {
    const text = 'The council will publicise its programme to improve the town centre.';
    expect(detect(text, resolveConfig({ language: 'en-US' }, undefined))).toEqual({ language: 'en-US', source: 'configured' });
    expect(articleLanguage(parseArticle('a.md', `---\nlanguage: en-US\n---\n\n${text}\n`), gbConfig)).toEqual({ language: 'en-US', source: 'front matter' });
  });
  it('the detected dialect is the one the speller checks, and the report says so', () => {
    const r = checkArticle({ path: 'a.txt', text: 'The council will publicise its programme. The colour of the harbour is grey, and the goverment agreed.' }, resolveConfig({}, undefined));
    expect(r).toMatchObject({ language: 'en-GB', languageSource: 'detected' });
    expect(r.items.filter((i) => i.rule === 'spelling/unknown-word').map((i) => i.excerpt)).toEqual(['goverment']);
    const us = checkArticle({ path: 'a.txt', text: 'The center will publicize its program. The colour of the harbor is gray.' }, resolveConfig({}, undefined));
    expect(us.language).toBe('en-US');
    expect(us.items.filter((i) => i.rule === 'spelling/unknown-word').map((i) => i.excerpt)).toEqual(['colour']);
  });
});

describe('accented loanwords', () => {
  for (const lang of ['en-US', 'en-GB'] as const) {
    it(`are known words in ${lang}`, () => {
      const text = 'She met him at the café, a naïve plan; her résumé, the façade, a cliché, née Jones, déjà vu, the über-rich, a crème brûlée.';
      const r = checkArticle({ path: 'a.txt', text }, resolveConfig({ language: lang }, undefined));
      expect(r.items.filter((i) => i.rule === 'spelling/unknown-word').map((i) => i.excerpt)).toEqual([]);
    });
  }
  it('decomposed accents (NFD) too, and a misspelt accented word is still flagged', () => {
    const r = checkArticle({ path: 'a.txt', text: 'She met him at the cafe\u0301. Then the cafféé closed.' }, resolveConfig({ language: 'en-GB' }, undefined));
    expect(r.items.filter((i) => i.rule === 'spelling/unknown-word').map((i) => i.excerpt)).toEqual(['cafféé']);
  });
});
