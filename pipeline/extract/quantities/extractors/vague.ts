// Vague magnitudes: "thousands of people", "tens of thousands", "hundreds of millions of dollars".
import type { Figure } from '../types.js';
import { VAGUE_W, CUR_WORD, DOLLAR_ADJ } from '../lexicon.js';
import type { Cursor } from '../cursor.js';
import { subjectAfter } from '../context.js';

/** "thousands of people", "tens of thousands", "hundreds of millions of dollars". */
export function atVague(c: Cursor, k: number): number {
  let value = VAGUE_W[c.w(k)];
  let j = k + 1;
  if (c.w(j) !== 'of') return k + 1;
  let start = c.t[k].start;
  if (c.w(k - 1) === 'of' && (c.w(k - 2) === 'tens' || c.w(k - 2) === 'hundreds') && k - 2 >= c.floor) {
    value *= c.w(k - 2) === 'tens' ? 10 : 100;
    start = c.t[k - 2].start;
  }
  if (c.w(j + 1) in VAGUE_W && c.w(j + 2) === 'of') {
    // "hundreds of thousands of"
    value *= VAGUE_W[c.w(j + 1)];
    j += 2;
  }
  const fig: Figure = { kind: 'numeric', start, end: c.t[j - 1].end, sentence: c.si, value, unit: 'count', approximate: true, bound: 'lower', qualifier: c.text(start, c.t[j].end) };
  let cw = CUR_WORD.get(c.w(j + 1));
  if (!cw && DOLLAR_ADJ.has(c.w(j + 1)) && c.w(j + 2) === 'dollars') cw = DOLLAR_ADJ.get(c.w(j + 1));
  if (cw && !cw.includes('/')) { fig.unit = 'currency'; fig.currency = cw; }
  else fig.subject = subjectAfter(c, j);
  if (fig.unit === 'count' && !fig.subject) return j;
  c.push(fig);
  return j;
}
