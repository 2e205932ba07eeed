// The figures of one sentence for the verify stage's computations: the extract stage's figures of its
// claims (extract/figures.ts, built from each claim's quantity, never re-read from the text), and the
// formatting and tolerance helpers the computations share.
import type { Claim } from '../core/types.js';
import { figuresOf, type Figure } from '../extract/figures.js';

export { figuresOf, hedgeOf, interval, roundingHalf, type Figure, type Hedge } from '../extract/figures.js';

/** The figures a relation points to: its claim's figure, or one end of a range claim. */
export function figureOf(byId: ReadonlyMap<string, Claim>, ref: { claim: string; end?: 'low' | 'high' }): Figure | undefined {
  const c = byId.get(ref.claim);
  if (!c) return undefined;
  const figs = figuresOf(c);
  return ref.end === 'high' ? figs[1] : figs[0];
}

/** Formats a computed figure for a message: "20", "24.6", "1.33", "12,400". */
export function fmt(n: number): string {
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const r = Number(n.toFixed(digits));
  return r.toLocaleString('en-US', { maximumFractionDigits: digits });
}
