// output/summary.md: the articles with the most problems first, then counts per category, rule,
// claim verdict and editors' claim reviews.
import path from 'node:path';
import type { FileResult } from '../core/types.js';
import { countItems } from './report.js';

/** Table-cell text: Markdown and HTML in a file name or message stay literal. */
const esc = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\\`*_[\]|#~]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** An article's path as shown: relative to the working folder (never absolute). */
export function shownPath(p: string, cwd = process.cwd()): string {
  return path.isAbsolute(p) ? path.relative(cwd, p) || p : p;
}

/** Most open errors first, then warnings, then info, then path. */
function byProblems(a: FileResult, b: FileResult): number {
  const x = countItems([a]);
  const y = countItems([b]);
  return Number(!!b.error) - Number(!!a.error) || y.error - x.error || y.warning - x.warning || y.info - x.info || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** One article's row and counts, kept by SummaryBuilder instead of the whole result. */
interface Row {
  index: number;
  path: string;
  words: number;
  claims: number;
  counts: ReturnType<typeof countItems>;
  reviewed: number;
  error?: string;
}

interface Flagged {
  index: number;
  order: number;
  path: string;
  line: number;
  text: string;
  status: string;
  assignee: string;
  note: string;
}

/** Most open errors first, then warnings, then info, then path (byProblems on rows). */
function byRowProblems(a: Row, b: Row): number {
  const x = a.counts;
  const y = b.counts;
  return Number(b.error !== undefined) - Number(a.error !== undefined) || y.error - x.error || y.warning - x.warning || y.info - x.info || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * summary.md built as results arrive (issue 14): it keeps one row of counts per article, never the
 * results, so memory stays flat in the archive's size. `add` takes results in any order (their index
 * in the batch decides the order of the flagged claims).
 */
export class SummaryBuilder {
  private rows: Row[] = [];
  private total = { error: 0, warning: 0, info: 0, dismissed: 0 };
  private words = 0;
  private claims = 0;
  private categories = new Map<string, number>();
  private rules = new Map<string, number>();
  private verdicts = new Map<string, number>();
  private reviews = new Map<string, number>();
  private flagged: Flagged[] = [];

  add(r: FileResult, index = this.rows.length): void {
    const rc = countItems([r]);
    for (const k of ['error', 'warning', 'info', 'dismissed'] as const) this.total[k] += rc[k];
    this.words += r.words;
    this.claims += r.claims.length;
    const reviewed = r.claims.filter((cl) => cl.review && cl.review.status !== 'unchecked').length;
    this.rows.push({ index, path: r.path, words: r.words, claims: r.claims.length, counts: rc, reviewed, ...(r.error ? { error: r.error.message } : {}) });
    for (const it of r.items) {
      this.categories.set(it.category, (this.categories.get(it.category) ?? 0) + 1);
      this.rules.set(it.rule, (this.rules.get(it.rule) ?? 0) + 1);
    }
    let order = 0;
    for (const cl of r.claims) {
      if (cl.verdict) this.verdicts.set(cl.verdict, (this.verdicts.get(cl.verdict) ?? 0) + 1);
      const status = cl.review?.status ?? 'unchecked';
      this.reviews.set(status, (this.reviews.get(status) ?? 0) + 1);
      if (cl.review && cl.review.status !== 'checked' && cl.review.status !== 'unchecked') {
        this.flagged.push({ index, order: order++, path: r.path, line: cl.line, text: cl.text.slice(0, 80), status: cl.review.status, assignee: cl.review.assignee ?? '', note: (cl.review.note ?? '').slice(0, 120) });
      }
    }
  }

  markdown(cwd = process.cwd()): string {
    const c = this.total;
    const lines: string[] = [];
    lines.push('# copydesk summary', '');
    lines.push(`${this.rows.length} articles, ${this.words} words, ${this.claims} claims; ${c.error} errors, ${c.warning} warnings, ${c.info} notes open or accepted; ${c.dismissed} dismissed.`, '');
    lines.push('## Articles', '', 'Most open errors first.', '', '| article | words | claims | errors | warnings | info | dismissed | claims reviewed | problem |', '|---|---:|---:|---:|---:|---:|---:|---:|---|');
    // Stable on ties (none: paths differ), as the sort over results was.
    const rows = [...this.rows].sort((a, b) => a.index - b.index).sort(byRowProblems);
    for (const r of rows) {
      const rc = r.counts;
      lines.push(`| ${esc(shownPath(r.path, cwd))} | ${r.words} | ${r.claims} | ${rc.error} | ${rc.warning} | ${rc.info} | ${rc.dismissed} | ${r.reviewed} | ${r.error !== undefined ? esc(r.error) : ''} |`);
    }
    const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push('', '## Categories', '', '| category | items |', '|---|---:|');
    for (const [k, n] of sorted(this.categories)) lines.push(`| ${k} | ${n} |`);
    lines.push('', '## Rules', '', '| rule | items |', '|---|---:|');
    for (const [k, n] of sorted(this.rules)) lines.push(`| ${esc(k)} | ${n} |`);
    lines.push('', '## Claim verdicts', '', '| verdict | claims |', '|---|---:|');
    for (const v of ['verified', 'contradicted', 'policy-failed', 'unverified']) lines.push(`| ${v} | ${this.verdicts.get(v) ?? 0} |`);
    lines.push('', '## Claim reviews', '', '| review | claims |', '|---|---:|');
    for (const v of ['unchecked', 'checked', 'wrong', 'needs-source', 'disputed']) lines.push(`| ${v} | ${this.reviews.get(v) ?? 0} |`);
    if (this.flagged.length) {
      const flagged = [...this.flagged].sort((a, b) => a.index - b.index || a.order - b.order);
      lines.push('', '## Claims marked wrong, needing a source or disputed', '', '| article | line | claim | review | assignee | note |', '|---|---:|---|---|---|---|');
      for (const f of flagged.slice(0, 500)) lines.push(`| ${esc(shownPath(f.path, cwd))} | ${f.line} | ${esc(f.text)} | ${f.status} | ${esc(f.assignee)} | ${esc(f.note)} |`);
    }
    return lines.join('\n') + '\n';
  }
}

/** summary.md of a whole run at once (the review server; SummaryBuilder gives the same text as results stream in). */
export function summaryMarkdown(results: FileResult[], cwd = process.cwd()): string {
  const c = countItems(results);
  const words = results.reduce((n, r) => n + r.words, 0);
  const claims = results.reduce((n, r) => n + r.claims.length, 0);
  const lines: string[] = [];
  lines.push('# copydesk summary', '');
  lines.push(`${results.length} articles, ${words} words, ${claims} claims; ${c.error} errors, ${c.warning} warnings, ${c.info} notes open or accepted; ${c.dismissed} dismissed.`, '');
  lines.push('## Articles', '', 'Most open errors first.', '', '| article | words | claims | errors | warnings | info | dismissed | claims reviewed | problem |', '|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of [...results].sort(byProblems)) {
    const rc = countItems([r]);
    const reviewed = r.claims.filter((cl) => cl.review && cl.review.status !== 'unchecked').length;
    lines.push(`| ${esc(shownPath(r.path, cwd))} | ${r.words} | ${r.claims.length} | ${rc.error} | ${rc.warning} | ${rc.info} | ${rc.dismissed} | ${reviewed} | ${r.error ? esc(r.error.message) : ''} |`);
  }
  const by = (key: (it: FileResult['items'][number]) => string) => {
    const m = new Map<string, number>();
    for (const r of results) for (const it of r.items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  lines.push('', '## Categories', '', '| category | items |', '|---|---:|');
  for (const [k, n] of by((it) => it.category)) lines.push(`| ${k} | ${n} |`);
  lines.push('', '## Rules', '', '| rule | items |', '|---|---:|');
  for (const [k, n] of by((it) => it.rule)) lines.push(`| ${esc(k)} | ${n} |`);
  const verdicts = new Map<string, number>();
  for (const r of results) for (const cl of r.claims) if (cl.verdict) verdicts.set(cl.verdict, (verdicts.get(cl.verdict) ?? 0) + 1);
  lines.push('', '## Claim verdicts', '', '| verdict | claims |', '|---|---:|');
  for (const v of ['verified', 'contradicted', 'policy-failed', 'unverified']) lines.push(`| ${v} | ${verdicts.get(v) ?? 0} |`);
  const reviews = new Map<string, number>();
  for (const r of results) for (const cl of r.claims) reviews.set(cl.review?.status ?? 'unchecked', (reviews.get(cl.review?.status ?? 'unchecked') ?? 0) + 1);
  lines.push('', '## Claim reviews', '', '| review | claims |', '|---|---:|');
  for (const v of ['unchecked', 'checked', 'wrong', 'needs-source', 'disputed']) lines.push(`| ${v} | ${reviews.get(v) ?? 0} |`);
  const flagged = results.flatMap((r) => r.claims.filter((cl) => cl.review && cl.review.status !== 'checked' && cl.review.status !== 'unchecked').map((cl) => ({ r, cl })));
  if (flagged.length) {
    lines.push('', '## Claims marked wrong, needing a source or disputed', '', '| article | line | claim | review | assignee | note |', '|---|---:|---|---|---|---|');
    for (const { r, cl } of flagged.slice(0, 500)) lines.push(`| ${esc(shownPath(r.path, cwd))} | ${cl.line} | ${esc(cl.text.slice(0, 80))} | ${cl.review!.status} | ${esc(cl.review!.assignee ?? '')} | ${esc((cl.review!.note ?? '').slice(0, 120))} |`);
  }
  return lines.join('\n') + '\n';
}
