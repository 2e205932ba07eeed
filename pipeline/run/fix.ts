// --fix and --fix-dry-run: each open item's first suggestion, applied where it is unambiguous, never
// inside a quotation (a source's words are theirs) and never two fixes on overlapping text (the
// earlier one wins; the other is reconsidered on the next pass, after re-checking, as ESLint does).
import type { FileResult, Item } from '../core/types.js';
import { parseArticle } from '../parse/index.js';
import { damerau } from '../util/distance.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
  rule: string;
  /** The text it replaces. */
  was: string;
}

export interface FixPlan {
  edits: Edit[];
  /** Items with a suggestion that were left alone, and why. */
  skipped: { item: Item; why: 'ambiguous' | 'quotation' | 'overlap' | 'stale' }[];
}

/**
 * Unambiguous: one suggestion, or a first suggestion strictly closer to the flagged text than the
 * second (goverment -> government, not governed). A deletion (filler: suggestion "") is unambiguous.
 */
export function unambiguous(item: Item): boolean {
  const [first, second] = item.suggestions;
  if (first === undefined) return false;
  if (second === undefined) return true;
  const w = item.excerpt.toLowerCase();
  return damerau(w, first.toLowerCase()) < damerau(w, second.toLowerCase());
}

/** The quotation spans of a text, as the parse stage pairs them (closed, or known to run on). */
function quotationSpans(path: string, text: string): { start: number; end: number }[] {
  const article = parseArticle(path, text);
  return article.quotations.filter((q) => q.closed || q.continued || q.reopensInNextBlock).map((q) => ({ start: q.start, end: q.end }));
}

/** Which items' first suggestions to apply to `text` (the file's current content). */
export function planFixes(result: FileResult, text: string): FixPlan {
  const plan: FixPlan = { edits: [], skipped: [] };
  const candidates = result.items.filter((i) => i.status !== 'dismissed' && i.suggestions.length > 0).sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  if (!candidates.length) return plan;
  const quotes = quotationSpans(result.path, text);
  let lastEnd = -1;
  for (const item of candidates) {
    if (text.slice(item.offset, item.endOffset) !== item.excerpt || item.endOffset <= item.offset) {
      plan.skipped.push({ item, why: 'stale' });
      continue;
    }
    if (!unambiguous(item)) {
      plan.skipped.push({ item, why: 'ambiguous' });
      continue;
    }
    if (quotes.some((q) => item.offset < q.end && q.start < item.endOffset)) {
      plan.skipped.push({ item, why: 'quotation' });
      continue;
    }
    if (item.offset < lastEnd) {
      plan.skipped.push({ item, why: 'overlap' });
      continue;
    }
    plan.edits.push({ start: item.offset, end: item.endOffset, text: item.suggestions[0], rule: item.rule, was: item.excerpt });
    lastEnd = item.endOffset;
  }
  return plan;
}

/** The text with non-overlapping edits applied. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * A unified diff (3 lines of context) from `before` to `after`, for --fix-dry-run. Fixes rarely change
 * the number of lines, so lines are compared one to one; when the count differs, the changed middle
 * (after the common first and last lines) is one hunk.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const changed: [number, number][] = []; // [old line range start, end) with the same range in new when counts match
  let hunks: { aFrom: number; aTo: number; bFrom: number; bTo: number }[];
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push([i, i + 1]);
    hunks = [];
    for (const [s, e] of changed) {
      const h = hunks[hunks.length - 1];
      if (h && s - h.aTo <= 6) h.aTo = h.bTo = e;
      else hunks.push({ aFrom: s, aTo: e, bFrom: s, bTo: e });
    }
  } else {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    let q = 0;
    while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
    hunks = [{ aFrom: p, aTo: a.length - q, bFrom: p, bTo: b.length - q }];
  }
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const h of hunks) {
    const from = Math.max(0, h.aFrom - 3);
    const toA = Math.min(a.length, h.aTo + 3);
    const after = a.slice(h.aTo, toA);
    const shift = h.bFrom - h.aFrom;
    out.push(`@@ -${from + 1},${toA - from} +${from + 1 + shift},${h.aFrom - from + (h.bTo - h.bFrom) + after.length} @@`);
    for (const l of a.slice(from, h.aFrom)) out.push(` ${l}`);
    for (const l of a.slice(h.aFrom, h.aTo)) out.push(`-${l}`);
    for (const l of b.slice(h.bFrom, h.bTo)) out.push(`+${l}`);
    for (const l of after) out.push(` ${l}`);
  }
  return out.join('\n') + '\n';
}

function splitLines(s: string): string[] {
  if (!s) return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}
