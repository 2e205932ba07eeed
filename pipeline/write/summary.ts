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
