// Pairs quotation marks within each block: curly “ ” and ‘ ’, straight " and '. Tells apostrophes
// (Russia’s, apps’, don't, ’90s) from closing single quotes. An opening mark with no closing mark
// before the block ends is an unclosed quotation; news style reopens a quotation that continues into
// the next paragraph, so such a quotation is marked `continued` by the caller.
import type { Quotation } from '../core/types.js';

const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s(\[—–-]/.test(c);

export function findQuotations(prose: string, start: number, end: number, block: number): Quotation[] {
  const out: Quotation[] = [];
  const stack = new MarkStack();
  const close = (i: number) => {
    const o = stack.pop()!;
    out.push({ start: o.start, end: i + 1, closed: true, mark: o.mark, block, depth: o.depth });
  };
  const top = () => stack.top();
  // The same mark opening a new sentence while a quotation is open: the quotation ran over a lost
  // paragraph break and reopens here (news style), so the open one ends, continued, at this mark.
  const reopens = (i: number, mark: string) => {
    if (top()?.mark !== mark || !/[.?!…]\s+$/.test(prose.slice(Math.max(start, i - 4), i))) return false;
    const o = stack.pop()!;
    out.push({ start: o.start, end: i, closed: false, continued: true, mark: o.mark, block, depth: o.depth });
    return true;
  };
  for (let i = start; i < end; i++) {
    const c = prose[i];
    const prev = i > start ? prose[i - 1] : undefined;
    const next = i + 1 < end ? prose[i + 1] : undefined;
    switch (c) {
      case '“':
        reopens(i, '“');
        stack.push({ start: i, mark: '“', depth: stack.length });
        break;
      case '”':
        // Close the nearest “ (dropping any unclosed ‘ inside it).
        while (stack.length && top()!.mark !== '“' && top()!.mark !== '"') stack.pop();
        if (stack.length) close(i);
        break;
      case '"':
        if (top()?.mark === '"' && !(isSpaceOrStart(prev) && isLetter(next))) close(i);
        else if (isSpaceOrStart(prev) || prev === '‘' || prev === "'" || /[“:]/.test(prev ?? '')) {
          reopens(i, '"');
          stack.push({ start: i, mark: '"', depth: stack.length });
        }
        else if (top()?.mark === '"') close(i);
        break;
      case '‘':
        // ‘ opens unless it is a leading apostrophe ('90s, 'em): digit after.
        if (!/\d/.test(next ?? '')) stack.push({ start: i, mark: '‘', depth: stack.length });
        break;
      case "'":
        if (next === "'") {
          // Two apostrophes as a double quotation mark (''...'', a wire and archive style).
          const after = i + 2 < end ? prose[i + 2] : undefined;
          if (top()?.mark === "''" && !(isSpaceOrStart(prev) && isLetter(after))) {
            close(i + 1);
            i++;
            break;
          }
          if (isSpaceOrStart(prev) || /[“:"‘]/.test(prev ?? '')) {
            reopens(i, "''");
            stack.push({ start: i, mark: "''", depth: stack.length });
            i++;
            break;
          }
          if (stack.has("''")) {
            while (stack.length && top()!.mark !== "''") stack.pop();
            close(i + 1);
            i++;
            break;
          }
        }
      // falls through
      case '’': {
        const open = stack.outermost(c === '’' ? '‘' : "'");
        const apostrophe = isLetter(prev) && isLetter(next); // don’t, Russia’s
        if (open >= 0 && !apostrophe) {
          stack.truncate(open + 1);
          close(i);
        } else if (c === "'" && isSpaceOrStart(prev) && isLetter(next) && (stack.has('"') || stack.has('“'))) {
          stack.push({ start: i, mark: "'", depth: stack.length });
        }
        break;
      }
    }
  }
  // Whatever is still open is unclosed; nested single quotes left open are dropped (likely apostrophes).
  for (const o of stack.entries) if (o.mark === '“' || o.mark === '"' || o.mark === "''") out.push({ start: o.start, end, closed: false, mark: o.mark, block, depth: o.depth });
  return out.sort((a, b) => a.start - b.start);
}

interface Open {
  start: number;
  mark: string;
  depth: number;
}

/**
 * The open quotation marks of a block, with the positions of each mark kind kept beside the stack so
 * "the outermost open ‘" and "is a “ open" cost O(1), not a scan of the stack: a paragraph of
 * thousands of unbalanced marks stays linear (issue 9).
 */
class MarkStack {
  readonly entries: Open[] = [];
  private byMark = new Map<string, number[]>();
  get length(): number {
    return this.entries.length;
  }
  top(): Open | undefined {
    return this.entries[this.entries.length - 1];
  }
  push(o: Open): void {
    let list = this.byMark.get(o.mark);
    if (!list) this.byMark.set(o.mark, (list = []));
    list.push(this.entries.length);
    this.entries.push(o);
  }
  pop(): Open | undefined {
    const o = this.entries.pop();
    if (o) this.byMark.get(o.mark)!.pop();
    return o;
  }
  truncate(n: number): void {
    while (this.entries.length > n) this.pop();
  }
  /** Index of the outermost open `mark`, or -1. */
  outermost(mark: string): number {
    const list = this.byMark.get(mark);
    return list && list.length ? list[0] : -1;
  }
  has(mark: string): boolean {
    return (this.byMark.get(mark)?.length ?? 0) > 0;
  }
}
