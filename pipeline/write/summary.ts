// output/summary.md: counts per article, category, rule and claim verdict.
import type { FileResult } from '../core/types.js';
import { countItems } from './report.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function summaryMarkdown(results: FileResult[]): string {
  const c = countItems(results);
  const words = results.reduce((n, r) => n + r.words, 0);
  const claims = results.reduce((n, r) => n + r.claims.length, 0);
  const lines: string[] = [];
  lines.push('# copydesk summary', '');
  lines.push(`${results.length} articles, ${words} words, ${claims} claims; ${c.error} errors, ${c.warning} warnings, ${c.info} notes open or accepted; ${c.dismissed} dismissed.`, '');
  lines.push('## Articles', '', '| article | words | claims | errors | warnings | info | dismissed | problem |', '|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const rc = countItems([r]);
    lines.push(`| ${esc(r.path)} | ${r.words} | ${r.claims.length} | ${rc.error} | ${rc.warning} | ${rc.info} | ${rc.dismissed} | ${r.error ? esc(r.error.message) : ''} |`);
  }
  const by = (key: (it: FileResult['items'][number]) => string) => {
    const m = new Map<string, number>();
    for (const r of results) for (const it of r.items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  lines.push('', '## Categories', '', '| category | items |', '|---|---:|');
  for (const [k, n] of by((it) => it.category)) lines.push(`| ${k} | ${n} |`);
  lines.push('', '## Rules', '', '| rule | items |', '|---|---:|');
  for (const [k, n] of by((it) => it.rule)) lines.push(`| ${k} | ${n} |`);
  const verdicts = new Map<string, number>();
  for (const r of results) for (const cl of r.claims) if (cl.verdict) verdicts.set(cl.verdict, (verdicts.get(cl.verdict) ?? 0) + 1);
  lines.push('', '## Claim verdicts', '', '| verdict | claims |', '|---|---:|');
  for (const v of ['verified', 'contradicted', 'policy-failed', 'unverified']) lines.push(`| ${v} | ${verdicts.get(v) ?? 0} |`);
  return lines.join('\n') + '\n';
}
