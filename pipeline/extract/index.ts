// The extract stage: article -> claims (numeric, date, quote, attribution), in text order.
import type { Article, Claim } from '../core/types.js';
import { extractNumeric } from './numeric.js';
import { extractAttributions, attachSources } from './attribution.js';
import { isStatistic } from './quantity-kind.js';
import { relateClaims } from './relations.js';

export function extractClaims(article: Article): Claim[] {
  const numeric = extractNumeric(article, { referenceDate: article.meta.date });
  // How the figures of each sentence relate (changes, parts and shares, ranges) and what the words around
  // them say: read from the text here, once; the verify stage reads only these.
  relateClaims(article, numeric);
  const attributions = extractAttributions(article);
  // Sources go to the figures that are statistics: "the two firms" or "finish second" is read as a
  // figure but is not a claim anyone sources (issue 12).
  attachSources(article, numeric.filter((c) => c.quantity && isStatistic(c.quantity)), attributions);
  return [...numeric, ...attributions].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
}
