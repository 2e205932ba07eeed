// How deeply a Markdown file nests its containers (block quotes and list items), found by one linear
// pass over the lines before remark sees the file. remark's cost grows with depth times length
// (a list nested 1,000 levels by indentation took 81 s; "> " lines 1..2,000 deep 70 s) and a deep
// enough tree overflows the stack, so a file nested deeper than limits.maxNestingDepth is read as
// plain text instead (parse/index.ts). The count follows CommonMark closely enough to be an upper
// bound in practice: every ">" and list marker opening a line counts, plus the list items the
// line's indentation keeps it inside.

export interface Nesting {
  /** The deepest nesting found (stops counting once over `limit`). */
  depth: number;
  /** 1-based line where the depth first went over the limit, or 0. */
  line: number;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

export function markdownNesting(text: string, limit: number): Nesting {
  let depth = 0;
  let lineNo = 0;
  // Content columns of the open list items of unquoted lines, innermost last.
  const items: number[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    lineNo++;
    // The line: up to CR, LF or CRLF.
    let end = pos;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const next = end < n && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    const d = lineDepth(text, pos, end, items);
    if (d > depth) depth = d;
    if (depth > limit) return { depth, line: lineNo };
    pos = next;
  }
  return { depth, line: 0 };
}

function lineDepth(text: string, start: number, end: number, items: number[]): number {
  // Indentation (tabs to the next multiple of 4).
  let i = start;
  let col = 0;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) {
    col = text[i] === '\t' ? col + 4 - (col % 4) : col + 1;
    i++;
  }
  if (i >= end) return items.length; // a blank line keeps the open items
  // Unquoted lines: the indentation closes the items whose content starts further right.
  const quoted = text[i] === '>';
  if (!quoted) while (items.length && items[items.length - 1] > col) items.pop();
  let depth = quoted ? 0 : items.length;
  const base = items.length ? items[items.length - 1] : 0;
  if (!quoted && col - base >= 4) return depth; // indented code
  // Container markers opening the line: "> > - 1. text".
  let first = true;
  for (;;) {
    // Up to three spaces before each further marker.
    let sp = 0;
    while (!first && i < end && text[i] === ' ' && sp < 4) {
      i++;
      sp++;
      col++;
    }
    if (sp >= 4) break;
    first = false;
    if (text[i] === '>') {
      depth++;
      i++;
      col++;
      if (text[i] === ' ') {
        i++;
        col++;
      }
      continue;
    }
    const m = LIST_MARKER.exec(text.slice(i, Math.min(end, i + 11)));
    if (!m) break;
    depth++;
    i += m[0].length;
    col += m[0].length;
    // One to four spaces after the marker: the item's content column.
    let after = 0;
    while (i < end && text[i] === ' ' && after < 4) {
      i++;
      after++;
    }
    col += Math.max(1, after);
    if (!quoted) items.push(col);
    if (after === 0) break;
  }
  return depth;
}
