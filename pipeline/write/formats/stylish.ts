// ESLint-style "stylish" output: one block per file, one line per item, a total at the end.
import type { Formatter } from './index.js';
import { severityCounts } from '../../core/severity.js';

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const stylish: Formatter = (report, { color }) => {
  const out: string[] = [];
  const shown = [];
  for (const f of report.files) {
    const items = f.items.filter((it) => it.status !== 'dismissed');
    if (!items.length) continue;
    shown.push(...items);
    out.push(paint(color, 4, f.path));
    const rows = items.map((it) => [`${it.line}:${it.column}`, it.severity, it.message, it.rule]);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, sev, msg, rule] of rows) {
      const c = sev === 'error' ? 31 : sev === 'warning' ? 33 : 36;
      out.push(`  ${paint(color, 2, pos.padEnd(w0))}  ${paint(color, c, sev.padEnd(w1))}  ${msg}  ${paint(color, 2, rule)}`);
    }
    out.push('');
  }
  const { error: errors, warning: warnings, info: infos } = severityCounts(shown);
  const total = errors + warnings + infos;
  if (total) out.push(paint(color, errors ? 31 : 33, `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`));
  return out.length ? out.join('\n') + '\n' : '';
};
