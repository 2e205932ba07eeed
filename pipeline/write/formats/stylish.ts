// ESLint-style "stylish" output: one block per file, one line per item, a total at the end.
import { styleText } from 'node:util';
import type { Formatter } from './index.js';
import { safeText } from '../../util/escape.js';
import { severityCounts } from '../../core/severity.js';

// Node's own styleText; whether to colour at all is decided once by the caller (--color, NO_COLOR, FORCE_COLOR, TTY).
const STYLES: Record<number, Parameters<typeof styleText>[0]> = { 2: 'dim', 4: 'underline', 31: 'red', 33: 'yellow', 36: 'cyan' };
const paint = (on: boolean, code: number, s: string) => (on ? (styleText as (f: unknown, t: string, o?: unknown) => string)(STYLES[code], s, { validateStream: false }) : s);
/** A terminal hyperlink (OSC 8) around the rule id, where colour is on. */
const link = (on: boolean, url: string | undefined, s: string) => (on && url ? `\u001b]8;;${url}\u0007${s}\u001b]8;;\u0007` : s);

export const stylish: Formatter = (report, { color }) => {
  const out: string[] = [];
  const shown = [];
  const docs = new Map<string, string>();
  for (const f of report.files) {
    const items = f.items.filter((it) => it.status !== 'dismissed');
    if (!items.length) continue;
    shown.push(...items);
    // File names and messages reach the terminal with control characters made visible (issue 15).
    out.push(paint(color, 4, safeText(f.path)));
    const rows = items.map((it) => [`${it.line}:${it.column}`, it.severity, safeText(it.message), it.rule]);
    for (const it of items) if (it.docsUrl) docs.set(it.rule, it.docsUrl);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, sev, msg, rule] of rows) {
      const c = sev === 'error' ? 31 : sev === 'warning' ? 33 : 36;
      out.push(`  ${paint(color, 2, pos.padEnd(w0))}  ${paint(color, c, sev.padEnd(w1))}  ${msg}  ${link(color, docs.get(rule), paint(color, 2, rule))}`);
    }
    out.push('');
  }
  const { error: errors, warning: warnings, info: infos } = severityCounts(shown);
  const total = errors + warnings + infos;
  if (total) out.push(paint(color, errors ? 31 : 33, `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`));
  // Where each rule that fired is documented (its docs explain the fix), after the total.
  if (docs.size) out.push('', paint(color, 2, 'Rule docs:'), ...[...docs].sort(([a], [b]) => a.localeCompare(b)).map(([rule, url]) => `  ${rule}  ${paint(color, 2, url)}`));
  return out.length ? out.join('\n') + '\n' : '';
};
