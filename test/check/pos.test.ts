// check/pos: compromise's tags per token. The tagger skips compromise's chunker (it groups words into
// phrases and changes no tag) and reads the terms directly; the tags must be those of a full
// nlp(text).json() run, token by token.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sentenceTags } from '../../pipeline/check/pos.js';
import { parseArticle } from '../../pipeline/parse/index.js';

const require = createRequire(import.meta.url);
const nlp = require('compromise') as (t: string) => { json(o: object): { terms: { tags: string[]; offset: { start: number } }[] }[] };

const TEXT = [
  'In 2023, a remarkable 12% rise in requests from retailers hoping to expand.',
  'The ministry, which had promised cheaper fares, quietly dropped the plan on Tuesday.',
  'Shares in the Danish brewer fell 4.5% after it warned that sales would slow.',
  "She said they'd been told nothing, and that the council's report was late.",
  'Running late again, the ferry from Portsmouth docked two hours behind schedule.',
].join(' ');

describe('sentenceTags', () => {
  const article = parseArticle('a.txt', TEXT);
  it('gives every token the tags a full compromise run gives it', () => {
    expect(article.sentences.length).toBe(5);
    for (let si = 0; si < article.sentences.length; si++) {
      const s = article.sentences[si];
      const full = new Map<number, string[]>();
      for (const sent of nlp(s.text).json({ offset: true, terms: { offset: true } })) for (const t of sent.terms) full.set(s.start + t.offset.start, t.tags);
      const tags = sentenceTags(article, si);
      expect(tags.length).toBe(s.lastToken - s.firstToken);
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const want = full.get(article.tokens[i].start);
        expect(tags[i - s.firstToken] ? [...tags[i - s.firstToken]!] : undefined, article.tokens[i].text).toEqual(want);
      }
    }
  });
  it('tags verbs as verbs and nouns as nouns', () => {
    const si = 1;
    const s = article.sentences[si];
    const tags = sentenceTags(article, si);
    const of = (word: string) => tags[article.tokens.findIndex((t, i) => i >= s.firstToken && t.text === word) - s.firstToken];
    expect(of('dropped')?.has('Verb')).toBe(true);
    expect(of('ministry')?.has('Noun')).toBe(true);
    expect(of('ministry')?.has('Verb')).toBe(false);
  });
  it('leaves a sentence over the length limit untagged', () => {
    const long = parseArticle('b.txt', `${'The figures rose and '.repeat(200)}then fell.`);
    expect(sentenceTags(long, 0).every((t) => t === undefined)).toBe(true);
  });
});
