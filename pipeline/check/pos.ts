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

interface Term {
  tags: Set<string>;
  offset: { start: number };
}
interface Tagger {
  (text: string): { compute(name: string): void; docs: Term[][] };
  world(): { hooks: string[] };
}
let hooks: { all: string[]; tagging: string[] } | undefined;
/**
 * compromise's terms for `text`, each with its tags and its offset in `text`. The chunker, compromise's
 * last step, is left out: it groups tagged words into phrases and changes no tag. The terms are read
 * from the document rather than through json(), which also builds each sentence's text.
 */
function tagged(text: string): Term[][] {
  const nlp = compromise() as unknown as Tagger;
  const world = nlp.world();
  if (!hooks || world.hooks !== hooks.all) hooks = { all: world.hooks, tagging: world.hooks.filter((h) => h !== 'chunks') };
  world.hooks = hooks.tagging;
  let doc: ReturnType<Tagger>;
  try {
    doc = nlp(text);
  } finally {
    world.hooks = hooks.all;
  }
  doc.compute('offset');
  return doc.docs;
}

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
    for (const terms of tagged(s.text)) for (const term of terms) byStart.set(s.start + term.offset.start, new Set(term.tags));
  } catch {
    // Compromise failing on odd input must not stop the check: no tags means "cannot tell".
  }
  const out: (Set<string> | undefined)[] = [];
  for (let i = s.firstToken; i < s.lastToken; i++) out.push(byStart.get(article.tokens[i].start));
  perArticle.set(si, out);
  return out;
}
