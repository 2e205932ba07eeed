// Builds Claim objects: the one place a claim gets its id and its line/column positions. A claim
// points to its sentence (sentenceIndex, sentenceOffset, sentenceEndOffset) and never copies it, so
// one sentence holding thousands of figures costs output linear in its length (issue 9).
import type { Article, Claim, SentenceRef } from '../core/types.js';
import { pointAt, spanOf } from '../parse/positions.js';
import { digest } from '../util/hash.js';

export type ClaimInput = Omit<Claim, 'id' | 'text' | 'sentenceOffset' | 'sentenceEndOffset' | 'offset' | 'endOffset' | 'line' | 'column' | 'endLine' | 'endColumn'>;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Per article: each sentence's digest (for claim ids) and original text, computed once per sentence. */
const sentenceDigests = new WeakMap<Article, Map<number, string>>();
const sentenceTexts = new WeakMap<Article, Map<number, string>>();

function sentenceDigest(article: Article, index: number): string {
  let m = sentenceDigests.get(article);
  if (!m) sentenceDigests.set(article, (m = new Map()));
  let d = m.get(index);
  if (d === undefined) {
    d = digest(norm(article.sentences[index]?.text ?? ''));
    m.set(index, d);
  }
  return d;
}

/**
 * The original text of a claim's sentence, sliced once per sentence and shared by every claim in it
 * (the verify rules and the policies read it; it is never stored on the claim).
 */
export function claimSentence(article: Pick<Article, 'text' | 'sentences'>, claim: Pick<Claim, 'sentenceIndex'>): string {
  let m = sentenceTexts.get(article as Article);
  if (!m) sentenceTexts.set(article as Article, (m = new Map()));
  let t = m.get(claim.sentenceIndex);
  if (t === undefined) {
    const s = article.sentences[claim.sentenceIndex];
    t = s ? article.text.slice(s.start, s.end) : '';
    m.set(claim.sentenceIndex, t);
  }
  return t;
}

/**
 * Makes a claim for [start, end) of the article. The id depends on the article (its repository-relative
 * path, as item ids do, so a claim review made in one article never applies to the same sentence in
 * another), the kind, the normalised text of the claim, its sentence (by digest, computed once per
 * sentence) and its place in the sentence, so it survives edits elsewhere in the article.
 */
export function makeClaim(article: Article, start: number, end: number, input: ClaimInput): Claim {
  const sentence = article.sentences[input.sentenceIndex];
  const text = article.text.slice(start, end);
  const id = 'c-' + digest(`${article.key ?? article.path}\u0000${input.kind}\u0000${norm(text)}\u0000${sentenceDigest(article, input.sentenceIndex)}\u0000${start - (sentence?.start ?? 0)}`, 12);
  return {
    id,
    text,
    sentenceOffset: sentence?.start ?? start,
    sentenceEndOffset: sentence?.end ?? end,
    ...spanOf(article, start, end),
    ...input,
  };
}

/** The sentences that hold claims, once each, in order: what claims files and reports carry. */
export function claimSentences(article: Pick<Article, 'text' | 'sentences' | 'lineStarts'>, claims: readonly Claim[]): SentenceRef[] {
  const seen = new Set<number>();
  for (const c of claims) seen.add(c.sentenceIndex);
  return [...seen]
    .filter((i) => article.sentences[i])
    .sort((a, b) => a - b)
    .map((index) => {
      const s = article.sentences[index];
      return { index, offset: s.start, endOffset: s.end, line: pointAt(article.lineStarts, s.start).line, text: claimSentence(article, { sentenceIndex: index }) };
    });
}
