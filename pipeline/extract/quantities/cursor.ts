// The sentence being scanned: its tokens (lower-cased once), its bounds, the figures found so far and
// the floor lookbehind stops at. Every extractor and parser reads tokens through it, so offsets are
// always the tokens' (original-text offsets, Article.prose has the same length as the text).
import type { Article, DateValue, Token } from '../../core/types.js';
import type { Figure, RefDate } from './types.js';
import { MONTHS } from './lexicon.js';
import { RE_UPPER } from './shapes.js';

export class Cursor {
  t: Token[];
  prose: string;
  lo = 0;
  hi = 0;
  lc: string[] = [];
  /** Tokens before this index belong to an earlier figure: lookbehind stops here. */
  floor = 0;
  si = 0;
  out: Figure[] = [];

  constructor(article: Article, readonly ref?: RefDate) {
    this.t = article.tokens;
    this.prose = article.prose;
  }

  w(k: number): string {
    return k >= this.lo && k < this.hi ? this.lc[k - this.lo] : '';
  }
  raw(k: number): string {
    return k >= this.lo && k < this.hi ? this.t[k].text : '';
  }
  adj(a: number, b: number): boolean {
    return b < this.hi && a >= this.lo && this.t[a].end === this.t[b].start;
  }
  text(a: number, b: number): string {
    return this.prose.slice(a, b);
  }
  push(f: Figure): void {
    this.out.push(f);
  }
  monthAt(k: number): boolean {
    return MONTHS.has(this.w(k)) && RE_UPPER.test(this.raw(k));
  }
  /** A date figure. */
  emitDate(start: number, end: number, date: DateValue): void {
    this.out.push({ kind: 'date', start, end, sentence: this.si, date, approximate: false, bound: 'exact' });
  }
}
