// Builds Claim objects: the one place a claim gets its id and its line/column positions.
import type { Article, Claim } from '../core/types.js';
import { spanOf } from '../parse/positions.js';
import { digest } from '../util/hash.js';

export type ClaimInput = Omit<Claim, 'id' | 'text' | 'sentence' | 'offset' | 'endOffset' | 'line' | 'column' | 'endLine' | 'endColumn'>;

/**
 * Makes a claim for [start, end) of the article. The id depends on the kind, the normalised text of
 * the claim and its sentence, so it survives edits elsewhere in the article.
 */
export function makeClaim(article: Article, start: number, end: number, input: ClaimInput): Claim {
  const sentence = article.sentences[input.sentenceIndex];
  const text = article.text.slice(start, end);
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const id = 'c-' + digest(`${input.kind}\u0000${norm(text)}\u0000${norm(sentence?.text ?? '')}\u0000${start - (sentence?.start ?? 0)}`, 12);
  return {
    id,
    text,
    sentence: sentence ? article.text.slice(sentence.start, sentence.end) : '',
    ...spanOf(article, start, end),
    ...input,
  };
}
