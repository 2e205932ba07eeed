// Ranges: "5% to 8%", "30 - 40", "between 30 and 40 staff", "two or three weeks", "10-15%"; and "from X
// to Y" or "rose from X to Y", which are two figures (the first borrowing the unit of the second).
import type { Figure } from '../types.js';
import type { Amount } from '../parsers/number.js';
import { clean } from '../shapes.js';
import type { Cursor } from '../cursor.js';
import { changeBefore } from '../context.js';
import { amount } from '../parsers/number.js';

/**
 * Reads the range that the amount a (its figure fig, hedges ending at token `before`) starts, and
 * makes fig a range: a second amount after "to", "-" or ("between") "and", the word range found
 * earlier ("two or three"), or the glued range a holds ("10-15%"). Returns the token after the range,
 * or { done } when the figure was pushed as the first of two ("from 5 to 8%").
 */
export function readRange(c: Cursor, a: Amount, wordRange: Amount | undefined, fig: Figure, before: number, j: number): number | { done: number } {
  const between = c.w(before - 1) === 'between';
  const from = c.w(before - 1) === 'from';
  const link = c.w(j);
  let second: Amount | undefined;
  if (a.low === undefined && ((between && link === 'and') || (!between && (link === 'to' || link === '-' || link === '–')))) {
    const b = amount(c, j + 1);
    if (b && !('skip' in b) && b.low === undefined && !b.yearLike && !(a.yearLike && !a.marked)) {
      const compatible = (!a.unit || !b.unit || a.unit === b.unit) && (!a.currency || !b.currency || a.currency === b.currency) && !(a.currency && b.unit) && !(b.currency && a.unit);
      if (compatible) {
        let lowV = a.value;
        // "3 to 4 million", "£3-4bn": the scale of the second applies to the first (not "500 to 2 million").
        if (!a.scaled && b.scaled && !a.unit && a.value < b.value / b.scale) lowV = clean(a.value * b.scale);
        const unit = a.unit ?? b.unit ?? (a.currency || b.currency ? 'currency' : 'count');
        const currency = a.currency ?? b.currency;
        const changeVerb = changeBefore(c, before);
        if (from || changeVerb) {
          // Two figures; the first borrows the unit of the second ("from 5 to 8%").
          fig.value = lowV;
          fig.unit = currency ? 'currency' : unit;
          fig.currency = currency;
          if (!from && changeVerb) fig.change = changeVerb;
          fig.subject = undefined;
          c.push(fig);
          return { done: a.k1 };
        }
        if (lowV < b.value) {
          second = b;
          fig.parts = { number: [a.start, b.end], low: [a.start, a.end], high: [b.start, b.end] };
          fig.highDigits = b.digits;
          fig.low = lowV;
          fig.high = b.value;
          fig.value = undefined;
          fig.unit = currency ? 'currency' : unit;
          fig.currency = currency;
          fig.end = b.end;
          if (between) fig.start = Math.min(fig.start, c.t[before - 1].start);
          j = b.k1;
        }
      }
    }
  }
  if (wordRange) {
    second = wordRange;
    fig.parts = { number: [a.start, wordRange.end], low: [a.start, a.end], high: [wordRange.start, wordRange.end] };
    fig.low = a.value;
    fig.high = wordRange.value;
    fig.value = undefined;
    fig.unit = wordRange.unit ?? (wordRange.currency ? 'currency' : 'count');
    if (wordRange.currency) fig.currency = wordRange.currency;
    fig.end = wordRange.end;
    j = wordRange.k1;
  }
  if (!second && a.low !== undefined) {
    fig.low = a.low;
    fig.high = a.high;
    fig.value = undefined;
    fig.highDigits = a.highDigits;
    fig.parts = { number: [a.start, a.end], low: [a.start, a.lowEnd!], high: [a.highStart!, a.end] };
  }
  return j;
}
