// The extract stage: article -> claims (numeric, date, quote, attribution), in text order.
import type { Article, Claim } from '../core/types.js';
import { extractNumeric } from './numeric.js';
import { extractAttributions, attachSources } from './attribution.js';

export function extractClaims(article: Article): Claim[] {
  const numeric = extractNumeric(article, { referenceDate: article.meta.date });
  const attributions = extractAttributions(article);
  attachSources(article, numeric, attributions);
  return [...numeric, ...attributions].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
}
