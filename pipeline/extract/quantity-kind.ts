// What kind of quantity a figure is (the closed `kind` of a claim's quantity), and which figures are
// statistics: the policy question the check and sourcing rules ask ("the two firms" is a figure the
// extract stage reads, but not a statistic anyone must source or that answers "far deeper").
import type { Quantity } from '../core/types.js';

export type QuantityKind = NonNullable<Quantity['kind']>;

const DURATION = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries']);

/** The kind of a quantity from its unit (and, for ages, the subject the extractor gave it). */
export function kindOf(unit: string, subject?: string): QuantityKind {
  switch (unit) {
    case 'percent': return 'percent';
    case 'percentage-point': case 'basis-point': return 'percentage-point';
    case 'currency': return 'money';
    case 'count': return subject === 'age' ? 'age' : 'count';
    case 'ratio': return 'multiple';
    case 'fraction': return 'fraction';
    case 'rank': return 'rank';
    case 'age': return 'age';
    case 'points': return 'score';
    default: return DURATION.has(unit) ? 'duration' : 'measure';
  }
}

/**
 * Whether a quantity is a statistic: a percentage, money, a multiple, a fraction, a measure, or a
 * count written in digits or of 100 and more. Small counts in words ("the two firms", "all three"),
 * rankings and ages are figures but not statistics.
 */
export function isStatistic(q: Pick<Quantity, 'unit' | 'kind' | 'written' | 'value' | 'high' | 'event'>): boolean {
  const kind = q.kind ?? kindOf(q.unit);
  if (q.event) return false;
  if (kind === 'rank' || kind === 'age') return false;
  if (kind === 'count') return q.written !== 'words' || Math.abs(q.value ?? q.high ?? 0) >= 100;
  return true;
}
