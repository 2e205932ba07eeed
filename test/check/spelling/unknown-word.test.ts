// spelling/unknown-word: table-driven cases, language handling, suggestions ranking, and the example article.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unknownWord } from '../../../pipeline/check/spelling/unknown-word.js';
import { rankSuggestions, damerau, getSpeller, normaliseLanguage } from '../../../pipeline/check/spelling/speller.js';
import { defaultConfig } from '../../../pipeline/run/config.js';
import { checkArticle } from '../../../pipeline/core/article.js';
import type { EffectiveConfig } from '../../../pipeline/core/types.js';
import { runRule } from '../../helpers/rule-tester.js';
import { exampleArticle, sharedOnly } from '../../helpers/shared.js';
import { ruleCases } from '../../helpers/cases.js';

const gb: EffectiveConfig = { ...defaultConfig(), language: 'en-GB' };
const us: EffectiveConfig = { ...defaultConfig(), language: 'en-US' };
const both: EffectiveConfig = { ...defaultConfig(), language: 'en' };

ruleCases(unknownWord, {
  valid: [
    'The company reported strong growth in its third quarter.',
    // Names and proper nouns mid-sentence, and a sentence-initial name the article uses elsewhere.
    'Analysts at Kommersant said the deal, backed by Mankevich, would close.',
    'Mankevich said the deal would close. The board backed Mankevich on Monday.',
    'Yukos Oil said output fell. Its shares slid.',
    // Acronyms and mixed case.
    'Sales rose 4% YoY as the IT department hired, and MPs backed the RuStore app on their iPods.',
    // Possessives with straight and curly apostrophes, contractions.
    'Chinese apps’ share grew, Russia’s market shrank and the firms\' profits rose.',
    "It's clear they don't know, and we'll see whether they've gone.",
    'It’s clear they don’t know.',
    // Hyphenated compounds of words and prefixes.
    'The pre-tax profit of the co-ordinating body rose, as the ex-minister and self-employed workers said.',
    'The non-executive director made an anti-corruption pledge mid-season.',
    'A well-known, long-running, hard-won, three-year-old agreement.',
    'He was a good-natured, faint-hearted man with file-swappers and add-ons.',
    // Numbers, ordinals and measures.
    'It was 28C at 5km, he ran 1:59:40, finished 5th in the 1990s and earned $1.13bn in 2023/24.',
    // Newer words from the data list.
    'Gamers and telecoms firms in the eurozone use wi-fi hotspots.',
    // Foreign particles in names.
    'The striker Robin van Persie and Luiz Inacio Lula da Silva met.',
    // URLs and e-mail addresses are masked.
    'Write to press@example.com or see https://example.com/recieve-goverment for details.',
    // HTML entity fragments.
    'He visited an internet caf&#233; in town.',
    // A capitalised word that repeats is a name, even one edit from a word (Streep, Center).
    'Actress Meryl Streep won. Streep thanked the Lincoln Center staff.',
  ],
  invalid: [
    {
      text: 'Local apps now covery most of the market.',
      excerpts: ['covery'],
      messageId: 'didYouMean',
      data: { word: 'covery', suggestion: 'cover' },
      suggestions: ['cover', 'covers', 'covert', 'covey', 'co very'],
      output: 'Local apps now cover most of the market.',
    },
    { text: 'The goverment said it would recieve the report.', excerpts: ['goverment', 'recieve'], messageId: 'didYouMean', suggestions: ['government'], output: 'The government said it would recieve the report.' },
    {
      text: 'Teh report calculated the emergency food requirements.',
      excerpts: ['Teh'],
      messageId: 'didYouMean',
      suggestions: ['The', 'Ten', 'Tea', 'Ted', 'Tech'],
      output: 'The report calculated the emergency food requirements.',
    },
    { text: 'Officials said: “We will definately act.”', excerpts: ['definately'], messageId: 'didYouMean', data: { suggestion: 'definitely' }, output: 'Officials said: “We will definitely act.”' },
    { text: 'The analsyts’ report was late.', excerpts: ['analsyts'], messageId: 'didYouMean', output: 'The analysts’ report was late.' },
    { text: 'The figure was announced inwhich the bank said so.', excerpts: ['inwhich'], messageId: 'didYouMean', suggestions: ['in which'], output: 'The figure was announced in which the bank said so.' },
    { text: 'Shares rose ofNew York trading.', excerpts: ['ofNew'], messageId: 'runTogether', data: { word: 'ofNew', fixed: 'of New' }, suggestions: ['of New'], output: 'Shares rose of New York trading.' },
    {
      text: 'Later Presidant Bush spoke, and Foriegn Minister Straw agreed.',
      excerpts: ['Presidant', 'Foriegn'],
      messageId: 'didYouMean',
      suggestions: ['President'],
      output: 'Later President Bush spoke, and Foriegn Minister Straw agreed.',
    },
    { text: 'The pre-goverment talks ended.', excerpts: ['pre-goverment'], messageId: 'unknown', data: { word: 'pre-goverment' } },
  ],
  markdown: '---\ntitle: recieve goverment\nwords: [RuStore]\n---\n\nSee `recieve goverment` and https://example.com/recieve for more.\n\n```\nrecieve goverment\n```\n',
});

describe('spelling/unknown-word: language and word lists', () => {
  it('accepts British spellings only in en-GB (or en), American only in en-US (or en)', () => {
    const text = 'The organisation moved to the centre of the programme.';
    expect(runRule(unknownWord, text, { config: gb })).toEqual([]);
    expect(runRule(unknownWord, text, { config: both })).toEqual([]);
    expect(runRule(unknownWord, text, { config: us }).map((p) => p.excerpt)).toEqual(['organisation', 'centre', 'programme']);
    const american = 'The color of the center changed.';
    expect(runRule(unknownWord, american, { config: us })).toEqual([]);
    expect(runRule(unknownWord, american, { config: both })).toEqual([]);
    expect(runRule(unknownWord, american, { config: gb }).map((p) => p.excerpt)).toEqual(['color', 'center']);
  });
  it('accepts Oxford -ize spellings in en-GB', () => {
    expect(runRule(unknownWord, 'The firm will organize and recognize the union.', { config: gb })).toEqual([]);
  });
  it('follows the article’s front-matter language over the configuration', () => {
    const md = '---\nlanguage: en-GB\n---\n\nThe organisation moved to the centre.\n';
    expect(runRule(unknownWord, md, { path: 'a.md', config: us })).toEqual([]);
  });
  it('accepts project words (config) and front-matter words, case-insensitively', () => {
    const text = 'The frobnicator shipped and the zorbly update followed.';
    expect(runRule(unknownWord, text).map((p) => p.excerpt)).toEqual(['frobnicator', 'zorbly']);
    expect(runRule(unknownWord, text, { config: { ...us, words: ['Frobnicator', 'zorbly'] } })).toEqual([]);
    const md = '---\nwords: [frobnicator, zorbly]\n---\n\nThe frobnicator shipped and the zorbly update followed.\n';
    expect(runRule(unknownWord, md, { path: 'a.md' })).toEqual([]);
  });
  it('is a likely typo (error) when a close suggestion exists', () => {
    const article = checkArticle({ path: 'a.txt', text: 'The goverment said so.' }, us);
    const item = article.items.find((i) => i.rule === 'spelling/unknown-word');
    expect(item?.severity).toBe('error');
  });
});

describe('speller', () => {
  it('ranks the likely word first', () => {
    expect(rankSuggestions('covery', ['covers', 'covert', 'cover', 'covey'])[0]).toBe('cover');
    expect(rankSuggestions('teh', ['ten', 'tech', 'the', 'eh'])[0]).toBe('the');
    expect(rankSuggestions('recieve', ['relieve', 'receive', 'recipe'])[0]).toBe('receive');
  });
  it('computes Damerau distances', () => {
    expect(damerau('recieve', 'receive')).toBe(1);
    expect(damerau('covery', 'cover')).toBe(1);
    expect(damerau('kitten', 'sitting')).toBe(3);
    expect(damerau('', 'abc')).toBe(3);
  });
  it('normalises language names', () => {
    expect(normaliseLanguage('en_GB')).toBe('en-GB');
    expect(normaliseLanguage('en')).toBe('en');
    expect(normaliseLanguage(undefined)).toBe('en-US');
  });
  it('loads every word of the data list, with valid models', () => {
    const sp = getSpeller('en-GB');
    for (const w of ['gamers', 'hotspots', 'telecoms', 'podcasters', 'backbenchers']) expect(sp.correct(w), w).toBe(true);
  });
});

describe('example article (china-russia-tech)', () => {
  sharedOnly(it)('flags “covery” with “cover” first, and no other word', () => {
    const text = fs.readFileSync(exampleArticle, 'utf8');
    const got = runRule(unknownWord, text);
    expect(got.map((p) => p.excerpt)).toEqual(['covery']);
    expect(got[0].suggestions[0]).toBe('cover');
  });
});
