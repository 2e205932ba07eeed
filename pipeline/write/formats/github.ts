// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per item,
// which the runner turns into annotations on the pull request. GitHub shows at most 10 annotations of
// each severity per step (and 50 per job), so the most severe come first, and the output ends with the
// counts and where to find the full report. `githubSummary` is the Markdown the CLI appends to
// $GITHUB_STEP_SUMMARY.
import type { Item } from '../../core/types.js';
import type { Formatter } from './index.js';
import type { Report } from '../../core/types.js';
import { bySeverity, counts, plural, shownItems, type Located } from './util.js';
import { markdownText, safeText } from '../../util/escape.js';
import { SEVERITIES } from '../../core/severity.js';

/** GitHub shows this many annotations of each severity per step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes a command's message (data): %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value: as data, plus ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotation's place: end line and column inclusive, columns only for a span on one line. */
function place(it: Item): Record<string, number> {
  const p: Record<string, number> = { line: it.line };
  if (it.endOffset <= it.offset) return { ...p, col: it.column };
  // Our end is exclusive; GitHub's end line and column are the last character's.
  let endLine = it.endLine;
  let endColumn = it.endColumn - 1;
  if (endColumn < 1) {
    endLine = Math.max(it.line, endLine - 1);
    endColumn = 0;
  }
  if (endLine !== it.line) return { ...p, endLine };
  return { ...p, endLine, col: it.column, endColumn: Math.max(it.column, endColumn) };
}

export function annotation({ file, item }: Located): string {
  // Control characters made visible first (no raw terminal escape reaches the log: issue 15), then the
  // workflow-command escapes.
  const props: [string, string | number][] = [['file', safeText(file.path)], ...Object.entries(place(item)), ['title', `copydesk ${item.rule}`]];
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  const suggestion = item.suggestions.length ? ` (suggestion: ${item.suggestions.slice(0, 3).join(', ')})` : '';
  return `::${COMMAND[item.severity]} ${list}::${escapeData(safeText(item.message + suggestion).replace(/\\u000a/g, '\n'))}`;
}

export const github: Formatter = (report) => {
  const located = shownItems(report).sort(bySeverity);
  const lines = located.map(annotation);
  const c = counts(located);
  const dismissed = shownItems(report, true).length - located.length;
  const files = new Set(located.map((l) => l.file.path)).size;
  const total = located.length;
  let tail = `copydesk: ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info) in ${plural(files, 'file')} of ${report.files.length} checked`;
  if (dismissed) tail += `; ${dismissed} dismissed in the decisions file`;
  tail += '.';
  lines.push(tail);
  const hidden = SEVERITIES.reduce((n, s) => n + Math.max(0, c[s] - ANNOTATIONS_PER_SEVERITY), 0);
  if (hidden) {
    lines.push(
      `GitHub shows at most ${ANNOTATIONS_PER_SEVERITY} annotations of each severity per step, so ${plural(hidden, 'problem')} appear only in this log. ` +
        'For the full report see the job summary, or run `copydesk lint --format sarif --output-file copydesk.sarif` and upload it with github/codeql-action/upload-sarif.',
    );
  }
  return lines.join('\n') + '\n';
};

const cell = (s: string) => markdownText(s.replace(/\r\n?|\n/g, ' '));
/** A file name as a code span (control characters made visible, pipes escaped); one holding a backtick as escaped text. */
const codeCell = (s: string) => (/[`\r\n]/.test(s) ? cell(s) : `\`${safeText(s).replace(/\|/g, '\\|')}\``);
const ICON = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;
/** Rows in the step summary (GitHub caps a summary at 1 MiB). */
export const SUMMARY_ROWS = 500;

/** Markdown for $GITHUB_STEP_SUMMARY: the counts and a table of the items, most severe first. */
export function githubSummary(report: Report): string {
  const located = shownItems(report).sort(bySeverity);
  const c = counts(located);
  const dismissed = shownItems(report, true).length - located.length;
  const out: string[] = [];
  out.push(`### copydesk: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`, '');
  out.push(`${plural(report.files.length, 'article')} checked${dismissed ? `; ${dismissed} dismissed in the decisions file (not shown)` : ''}.`, '');
  if (located.length) {
    out.push('| severity | file | line | rule | message |', '|---|---|---:|---|---|');
    for (const { file, item } of located.slice(0, SUMMARY_ROWS)) {
      out.push(`| ${ICON[item.severity]} | ${codeCell(file.path)} | ${item.line} | \`${item.rule}\` | ${cell(item.message)} |`);
    }
    if (located.length > SUMMARY_ROWS) out.push('', `…and ${located.length - SUMMARY_ROWS} more: run \`copydesk lint --format sarif --output-file copydesk.sarif\` for the full report.`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
