// The one place that turns UTF-16 offsets into 1-based line/column positions (unist convention:
// end exclusive). Every stage keeps offsets; positions are computed here when a claim or item is made.
import type { Article } from '../core/types.js';
import type { Position } from '../core/schema-types.js';

/** Where each line starts. A line ends at LF, CR or CRLF, as editors and LSP count them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset of the line terminator (CR or LF) at or after `from`, or text.length. */
export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The offset just past the line terminator at `end` (CRLF counts as one), or text.length. */
export function afterLineEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** The start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
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
