// The one place that turns UTF-16 offsets into 1-based line/column positions (unist convention:
// end exclusive). Every stage keeps offsets; positions are computed here when a claim or item is made.
import type { Article } from '../core/types.js';
import type { Position } from '../core/schema-types.js';

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function pointAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** The position of [start, end): offsets and 1-based line/column (schemas/common.schema.json Position). */
export function spanOf(article: Pick<Article, 'lineStarts'>, start: number, end: number): Position {
  const a = pointAt(article.lineStarts, start);
  const b = pointAt(article.lineStarts, Math.max(start, end));
  return { offset: start, endOffset: Math.max(start, end), line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
