// Numeric and date claims: runs the quantity grammar (quantities.ts) over each sentence's tokens and
// turns every figure into a Claim through makeClaim (the one place ids and positions are computed).
//
// Spans: a figure's span covers its currency, scale, unit and any bound or hedge word ("over half",
// "about 40 staff", "$244.8 billion", "30-40%", "between 30 and 40"); emphasis words ("only",
// "just") are kept in quantity.qualifier but left outside the span. Years and dates are claims of
// kind 'date' with `date` and no quantity.
import type { Article, Claim, Quantity } from '../core/types.js';
import { makeClaim } from './claim.js';
import { kindOf } from './quantity-kind.js';
import { QuantityScanner, parseRefDate, type Figure } from './quantities/index.js';

export interface NumericOptions {
  /** ISO date of the article: the reference for relative dates ("last year"). */
  referenceDate?: string;
}

export function extractNumeric(article: Article, options: NumericOptions = {}): Claim[] {
  const scanner = new QuantityScanner(article, parseRefDate(options.referenceDate));
  const figures: Figure[] = [];
  const sentences = article.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    scanner.scanSentence(si, s.firstToken, s.lastToken, figures);
  }
  const claims: Claim[] = [];
  for (const f of figures) {
    if (f.end <= f.start) continue;
    if (f.kind === 'date') {
      claims.push(makeClaim(article, f.start, f.end, { kind: 'date', sentenceIndex: f.sentence, date: f.date! }));
      continue;
    }
    const unit = (f.unit ?? 'count') as Quantity['unit']; // the lexicon's units, kept in step with the schema's enum by test/extract/quantities.spec.test.ts
    const quantity: Quantity = { kind: kindOf(unit, f.subject), unit, written: /\d/.test(article.text.slice(f.start, f.end)) ? 'digits' : 'words', approximate: f.approximate, bound: f.bound };
    if (f.low !== undefined && f.high !== undefined) {
      quantity.low = f.low;
      quantity.high = f.high;
    } else if (f.value !== undefined) quantity.value = f.value;
    else continue;
    if (f.currency) quantity.currency = f.currency;
    if (f.minor) quantity.minor = true;
    if (f.event) quantity.event = true;
    if (f.scale !== undefined) quantity.scale = f.scale;
    if (f.digits) quantity.digits = f.digits;
    if (f.highDigits) quantity.highDigits = f.highDigits;
    if (f.parts) {
      const span = ([offset, endOffset]: [number, number]) => ({ offset, endOffset });
      const parts: NonNullable<typeof quantity.parts> = { number: span(f.parts.number) };
      if (f.parts.low && f.parts.high) {
        parts.low = span(f.parts.low);
        parts.high = span(f.parts.high);
      }
      quantity.parts = parts;
    }
    if (f.qualifier) quantity.qualifier = f.qualifier;
    if (f.change) quantity.change = f.change;
    const input: Parameters<typeof makeClaim>[3] = { kind: 'numeric', sentenceIndex: f.sentence, quantity };
    if (f.subject) input.subject = f.subject;
    claims.push(makeClaim(article, f.start, f.end, input));
  }
  return claims;
}
