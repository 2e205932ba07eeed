// spelling/name-casing: known names miscased, and one name capitalised two ways in an article.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameCasing } from '../../../pipeline/check/spelling/name-casing.js';
import { runRule } from '../../helpers/rule-tester.js';
import { exampleArticle, sharedOnly } from '../../helpers/shared.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(nameCasing, {
  valid: [
    'According to The Moscow Times, only 30-40% of software was replaced.',
    // Lower case and sentence-initial sightings of a pair are not a second form of the name.
    'The ferry union struck. Ferry union members walked out. Leaders of the Ferry Union met.',
    // A lower-case "the" mid-sentence is news style.
    'According to the Moscow Times, only 30-40% of software was replaced.',
    'A report in the Wall Street Journal and The New York Times said so.',
    'Reuters and Bloomberg reported the deal; Kommersant confirmed it.',
    // Ordinary words that happen to spell a name, in lower case.
    'The bell rang. The times are changing, and the sun rose over the post office.',
    'He rang the bell at the supreme court.',
    // A lower-case role before a name, and a sentence-initial capital, are ordinary prose.
    'The actress Sandra Bullock arrived. Actress Sandra Bullock left.',
    // eBay at the start of a sentence.
    'EBay said sales rose. Shoppers used eBay and PayPal.',
    // A longer name is no evidence about its first words.
    'The British Film Institute backed the British film industry.',
    // Capitals in a heading line (title case) are not compared.
    'Tech Bond Shaped By Sanctions\n\nThe tech bond was shaped by sanctions.',
    // Entries marked casing: false in the shared name list: abbreviations and lower-case "news" in prose.
    'The Rt Rev John Smith spoke to Tass news agency, she told BBC news, and a CBS news anchor retired.',
    'Dawn broke. Time will tell.',
  ],
  invalid: [
    {
      text: 'According to The Moscow times, rents in the capital rose by a fifth.',
      excerpts: ['The Moscow times'],
      messageId: 'miscased',
      data: { written: 'The Moscow times', kind: 'publication', canonical: 'The Moscow Times' },
      suggestions: ['The Moscow Times'],
      output: 'According to The Moscow Times, rents in the capital rose by a fifth.',
    },
    {
      text: 'A report in the Wall Street journal said so.',
      excerpts: ['the Wall Street journal'],
      messageId: 'miscased',
      suggestions: ['The Wall Street Journal', 'the Wall Street Journal'],
      output: 'A report in The Wall Street Journal said so.',
    },
    { text: 'The figures came from reuters on Monday.', excerpts: ['reuters'], messageId: 'miscased', suggestions: ['Reuters'], output: 'The figures came from Reuters on Monday.' },
    { text: 'Payments went through Paypal and Youtube.', excerpts: ['Paypal', 'Youtube'], messageId: 'miscased', suggestions: ['PayPal'], output: 'Payments went through PayPal and Youtube.' },
    { text: 'The Bank of england raised rates.', excerpts: ['Bank of england'], messageId: 'miscased', suggestions: ['Bank of England'], output: 'The Bank of England raised rates.' },
    // Aliases are checked against their own casing; a canonical name keeps a spelling an alias shares.
    {
      text: 'The wire came from Agence France-presse.',
      excerpts: ['Agence France-presse'],
      messageId: 'miscased',
      data: { kind: 'news agency', canonical: 'Agence France-Presse' },
      suggestions: ['Agence France-Presse'],
      output: 'The wire came from Agence France-Presse.',
    },
    { text: 'A column in The Mail on sunday said so.', excerpts: ['The Mail on sunday'], messageId: 'miscased', suggestions: ['The Mail on Sunday'], output: 'A column in The Mail on Sunday said so.' },
    {
      text: 'A report in the Insider said so, and Sueddeutsche zeitung agreed.',
      excerpts: ['Sueddeutsche zeitung'],
      messageId: 'miscased',
      suggestions: ['Sueddeutsche Zeitung'],
      output: 'A report in the Insider said so, and Sueddeutsche Zeitung agreed.',
    },
    {
      text: 'Petrova chairs the Baltic Shipping Union. Members of the Shipping Union met. Critics of the Shipping union left.',
      excerpts: ['Shipping union'],
      messageId: 'twoWays',
      data: { form: 'Shipping union', canonical: 'Shipping Union', times: '2 times' },
      suggestions: ['Shipping Union'],
      output: 'Petrova chairs the Baltic Shipping Union. Members of the Shipping Union met. Critics of the Shipping Union left.',
    },
    // The pair's first sighting lower case and sentence-initial ("ferry union", "Ferry union") is no form
    // of the name: the capitalised form still outnumbers the variant.
    {
      text: 'The ferry union struck. Ferry union members walked out. Leaders of the Ferry Union met. The Ferry Union voted. Critics of the Ferry union left.',
      excerpts: ['Ferry union'],
      messageId: 'twoWays',
      data: { form: 'Ferry union', canonical: 'Ferry Union', times: '2 times' },
      suggestions: ['Ferry Union'],
      output: 'The ferry union struck. Ferry union members walked out. Leaders of the Ferry Union met. The Ferry Union voted. Critics of the Ferry Union left.',
    },
  ],
  markdown: '---\ntitle: The Moscow times\n---\n\nSee `The Moscow times` and https://example.com/The-Moscow-times for more.\n\n```\nThe Moscow times\n```\n',
});

describe('spelling/name-casing data', () => {
  it('holds a few hundred names, each once', () => {
    const data = JSON.parse(fs.readFileSync(new URL('../../../pipeline/lexicon/names.json', import.meta.url), 'utf8')) as { names: Record<string, (string | { name: string })[]> };
    const all = Object.values(data.names).flat().map((e) => (typeof e === 'string' ? e : e.name));
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
  });
});

describe('example article (china-russia-tech)', () => {
  sharedOnly(it)('flags “The Moscow times” and nothing else', () => {
    const text = fs.readFileSync(exampleArticle, 'utf8');
    const got = runRule(nameCasing, text);
    expect(got.map((p) => p.excerpt)).toEqual(['The Moscow times']);
    expect(got[0].suggestions[0]).toBe('The Moscow Times');
  });
});
