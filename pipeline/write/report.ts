// The report every formatter reads (schemas/report.schema.json).
import type { FileResult, Item, Report, Severity } from '../core/types.js';
import { VERSION } from '../util/version.js';
import { compareItems } from '../queue/items.js';
import { atLeast, severityCounts } from '../core/severity.js';

export function buildReport(results: FileResult[]): Report {
  return { version: 1, tool: { name: 'copydesk', version: VERSION }, files: results };
}

/** All items of a report, each tagged with its file, most severe first. */
export function queueItems(results: FileResult[]): Item[] {
  return results.flatMap((r) => r.items.map((it) => ({ ...it, file: r.path }))).sort(compareItems);
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  dismissed: number;
}

/** Counts of open and accepted items by severity (dismissed items are counted apart: they never fail a run). */
export function countItems(results: FileResult[]): Counts {
  const items = results.flatMap((r) => r.items);
  const open = items.filter((it) => it.status !== 'dismissed');
  return { ...severityCounts(open), dismissed: items.length - open.length };
}

/** The results with only the items at or above `min` (--min-severity, --quiet); the input is not changed. */
export function filterBySeverity(results: FileResult[], min: Severity): FileResult[] {
  if (min === 'info') return results;
  return results.map((r) => ({ ...r, items: r.items.filter((it) => atLeast(it.severity, min)) }));
}
