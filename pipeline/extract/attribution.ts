// Attributed claims: quotations, reported speech, "according to X". (Placeholder until the extractor lands.)
import type { Article, Claim } from '../types.js';

export function extractAttributions(_article: Article): Claim[] {
  return [];
}

/** Gives numeric claims the source stated in their sentence, or inherited from earlier in the paragraph. */
export function attachSources(_article: Article, _numeric: Claim[], _attributions: Claim[]): void {}
