// Part-of-speech tags from compromise, for the few sentences a rule cannot decide with cheap token
// checks. Compromise runs ~20k words/s, so callers pre-filter and ask for single sentences only;
// results are cached per article and sentence.
import { compromise } from '../util/lazy.js';
import type { Article } from '../core/types.js';

const cache = new WeakMap<Article, Map<number, (Set<string> | undefined)[]>>();
/**
 * Longer sentences are not tagged (no tags: "cannot tell"): compromise's cost grows faster than the
 * sentence, and no sentence of prose is this long (a run of thousands of figures is; issue 9).
 */
export const MAX_TAGGED_CHARS = 3000;

/** Tags for each token of sentence `si` (index i - sentence.firstToken), undefined where no term starts at the token. */
export function sentenceTags(article: Article, si: number): (Set<string> | undefined)[] {
  let perArticle = cache.get(article);
  if (!perArticle) cache.set(article, (perArticle = new Map()));
  const hit = perArticle.get(si);
  if (hit) return hit;
  const s = article.sentences[si];
  const byStart = new Map<number, Set<string>>();
  try {
    if (s.text.length > MAX_TAGGED_CHARS) throw new RangeError('too long to tag');
    const json = compromise()(s.text).json({ offset: true, terms: { offset: true } }) as { terms: { tags: string[]; offset: { start: number } }[] }[];
    for (const sent of json) for (const term of sent.terms) byStart.set(s.start + term.offset.start, new Set(term.tags));
  } catch {
    // Compromise failing on odd input must not stop the check: no tags means "cannot tell".
  }
  const out: (Set<string> | undefined)[] = [];
  for (let i = s.firstToken; i < s.lastToken; i++) out.push(byStart.get(article.tokens[i].start));
  perArticle.set(si, out);
  return out;
}
