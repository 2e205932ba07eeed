// Severity: the order of the three levels, written once (ESLint lib/shared/severity.js and
// message-counts.js). Queue order, formatter order, --min-severity filtering and the totals of every
// output read it from here.
import type { Severity } from './schema-types.js';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** 0 for error, 1 for warning, 2 for info: lower is more severe. */
export function severityRank(s: Severity): number {
  return RANK[s];
}

/** Comparator, most severe first (callers break ties by file and position). */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/** True when `s` is at least as severe as `min` (--min-severity). */
export function atLeast(s: Severity, min: Severity): boolean {
  return RANK[s] <= RANK[min];
}

/** How many of `items` have each severity. */
export function severityCounts(items: Iterable<{ severity: Severity }>): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const it of items) c[it.severity]++;
  return c;
}
