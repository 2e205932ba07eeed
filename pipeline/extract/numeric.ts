// Numeric claims: the quantity grammar. (Placeholder until the extractor lands.)
import type { Article, Claim } from '../types.js';

export interface NumericOptions {
  /** ISO date of the article: the reference for relative dates ("last year"). */
  referenceDate?: string;
}

export function extractNumeric(_article: Article, _options: NumericOptions = {}): Claim[] {
  return [];
}
