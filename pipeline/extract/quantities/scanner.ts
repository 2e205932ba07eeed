// The quantity scanner: reads the figures ("$244.8 billion", "30-40%", "twice as many", "over half", "one
// in four", "finish second", "the over-65s", "3 March 2024") out of one sentence of Article.tokens by
// handing each token to the extractor for what it starts. After Microsoft Recognizers-Text, the work is
// split by job: extractors/ find a figure's span and its context, parsers/number.ts resolves an amount's
// value, context.ts reads hedges, change and subject, labels.ts rejects numbers that are not quantities,
// and the knowledge (number words, scales, currencies, units, hedges, change words, ordinals) is data in
// pipeline/lexicon/quantities.json, loaded once by lexicon.ts. Pure functions over the shared
// tokenisation, no NLP library: compromise reads these forms badly (NOTES-nlp.md) and costs ~40 µs a
// word, while this costs well under 2.
//
// Every regex is built once at module level. Offsets are always taken from tokens, which come from
// Article.prose (same length as the original text), so spans are original offsets.
import type { Article } from '../../core/types.js';
import type { Figure, RefDate } from './types.js';
import { MULT_VERB, MONTHS, UNITS_W, TENS_W, VAGUE_W, DENOM_W, FOLD_W, CUR_SYMBOL, DOLLAR_PREFIX, CUR_CODE, ORDINAL_W } from './lexicon.js';
import { RE_PREFIXED_YEAR, RE_TENS_UNIT, RE_UPPER } from './shapes.js';
import { Cursor } from './cursor.js';
import { changeAfter } from './context.js';
import { atAmount } from './extractors/amount.js';
import { atOrdinal, atOnce } from './extractors/ordinal.js';
import { atWordForms } from './extractors/fraction.js';
import { atTwice, atMultVerb, verbS, emitRatio } from './extractors/ratio.js';
import { atVague } from './extractors/vague.js';
import { atMonth, atRelative, atAgo } from './extractors/date.js';
import { atNumber } from './extractors/number.js';

/** Scans the sentences of one article; one per article (extract/numeric.ts). */
export class QuantityScanner {
  private c: Cursor;

  constructor(article: Article, ref?: RefDate) {
    this.c = new Cursor(article, ref);
  }

  /** Scans one sentence and appends its figures, in text order. */
  scanSentence(si: number, firstToken: number, lastToken: number, out: Figure[]): void {
    const c = this.c;
    c.si = si;
    c.lo = firstToken;
    c.hi = lastToken;
    c.floor = firstToken;
    c.out = out;
    const lc = c.lc;
    lc.length = 0;
    for (let k = firstToken; k < lastToken; k++) lc.push(c.t[k].text.toLowerCase());
    let k = firstToken;
    while (k < lastToken) {
      const n = out.length;
      const next = at(c, k);
      if (out.length > n) c.floor = next;
      k = next > k ? next : k + 1;
    }
  }
}

/** Tries a figure at token k; returns the token index after it, or k when there is none. */
/** Dispatches token k to its extractor by what it is; returns the token index after the figure, or k when there is none. */
function at(c: Cursor, k: number): number {
  const tok = c.t[k];
  const w = c.lc[k - c.lo];
  if (tok.kind === 'number') return atNumber(c, k);
  if (tok.kind === 'symbol') {
    if (CUR_SYMBOL.has(tok.text)) return atAmount(c, k);
    return k;
  }
  if (tok.kind !== 'word') return k;
  if (MONTHS.has(w) && RE_UPPER.test(tok.text)) return atMonth(c, k);
  if (w === 'last' || w === 'next' || w === 'this') return atRelative(c, k);
  if (w === 'ago') return atAgo(c, k);
  if (CUR_CODE.has(tok.text) || (DOLLAR_PREFIX.has(tok.text) && c.raw(k + 1) === '$' && c.adj(k, k + 1))) return atAmount(c, k);
  if (w in UNITS_W || w in TENS_W || w === 'a' || w === 'an' || RE_TENS_UNIT.test(w)) return atAmount(c, k);
  if (w in ORDINAL_W) {
    if (w in DENOM_W) {
      // "a third of", "for a third,": a fraction first, else an ordinal.
      const n = c.out.length;
      const r = atWordForms(c, k);
      if (c.out.length > n) return r;
    }
    return atOrdinal(c, k, ORDINAL_W[w]);
  }
  if (w === 'once') return atOnce(c, k);
  if (w === 'halves' && verbS(c, k)) return atMultVerb(c, k);
  if (w === 'half' || w in DENOM_W || w.includes('-')) return atWordForms(c, k);
  if (w === 'twice') return atTwice(c, k);
  if (w in MULT_VERB) return atMultVerb(c, k);
  if (w in FOLD_W) return emitRatio(c, k, k + 1, FOLD_W[w], changeAfter(c, k + 1));
  if (w in VAGUE_W) return atVague(c, k);
  const py = RE_PREFIXED_YEAR.exec(tok.text);
  if (py) {
    const s = tok.start + py[1].length + 1;
    c.emitDate(s, s + 4, { year: +py[2], iso: py[2] });
    return k + 1;
  }
  return k;
}
