// Helpers shared by the CI formatters: which items a formatter shows, their order, where the files are.
import path from 'node:path';
import type { FileResult, Item, Report, Severity } from '../../core/types.js';
import { compareSeverity, severityCounts } from '../../core/severity.js';

export interface Located {
  file: FileResult;
  item: Item;
}

/** Items an editor still has to act on (open or accepted), or every item when `dismissed` is true. */
export function shownItems(report: Report, dismissed = false): Located[] {
  const out: Located[] = [];
  for (const file of report.files) for (const item of file.items) if (dismissed || item.status !== 'dismissed') out.push({ file, item });
  return out;
}

/** Most severe first, then by file and position. */
export function bySeverity(a: Located, b: Located): number {
  return (
    compareSeverity(a.item.severity, b.item.severity) ||
    (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0) ||
    a.item.line - b.item.line ||
    a.item.column - b.item.column
  );
}

export function counts(located: Located[]): Record<Severity, number> {
  return severityCounts(located.map((l) => l.item));
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A report path (relative to cwd, or absolute) as an absolute path. */
export function absOf(reportPath: string, cwd: string): string {
  return path.resolve(cwd, reportPath);
}
