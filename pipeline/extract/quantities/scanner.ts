// The quantity scanner: the token-level extractors and parsers that read a figure ("$244.8 billion",
// "30-40%", "twice as many", "over half", "one in four", "finish second", "the over-65s", "3 March
// 2024") out of one sentence of Article.tokens. Pure functions over the shared tokenisation, no NLP
// library: compromise reads these forms badly (NOTES-nlp.md) and costs ~40 µs a word, while this costs
// well under 2. The words it knows live in pipeline/lexicon/quantities.json (./lexicon.ts).
//
// Every regex is built once at module level. Offsets are always taken from tokens, which come from
// Article.prose (same length as the original text), so spans are original offsets.
import type { Article, DateValue, Token } from '../../core/types.js';
import type { Bound, Change, Figure, RefDate } from './types.js';
import { UNITS_W, TENS_W, SCALE_W, SCALE_SUFFIX, VAGUE_W, DENOM_W, MULT_VERB, MULT_VERB_S, VERB_S_AFTER, FOLD_W, UNIT_WORD, UNIT_SUFFIX, SQUARE_UNIT, CUR_SYMBOL, DOLLAR_PREFIX, CUR_CODE, CUR_WORD, DOLLAR_ADJ, CURRENCY_NATION, DOLLAR_ADJ2, MONTHS, QUALS, INCREASE_NOUN, DECREASE_NOUN, INCREASE_VERB, DECREASE_VERB, COMPARATIVE_UP, COMPARATIVE_DOWN, LABEL_BEFORE, FUNCTION_WORD, STREET, SPORT, METRE_EVENT, METRE_BEFORE, DIMENSION, METRE_CONTEXT, TIME_AFTER, STOP, TIME_UNIT, SUBJECT_SKIP, DETERMINER, ANAPHOR_BEFORE, PLURAL_IRREG, CHANGE_AFTER_SKIP, ORDINAL_W, PLACE_VERB, RANK_NOUN, RANK_MODIFIER, RANK_COMPOUND, COMPOUND_NOT, FRACTION_PREP, ONE_BEFORE_NOT, ONE_AFTER_NOT, QUANTITY_NOUN, type Qual } from './lexicon.js';

/** Distances run or swum as events, in metres: "the 100m", "10,000m". */
const RACE_DISTANCE = new Set(['50', '60', '100', '110', '200', '400', '800', '1000', '1500', '3000', '5000', '10000']);
const RE_AGE_GROUP = /^(over|under)-(\d{1,3})s$/;
// Token text shapes (module level, compiled once).
const RE_NUM = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:([-–])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?([A-Za-z%]*)$/;
const RE_SCORE = /^\d{1,2}[-–]\d{1,2}$/;
const RE_ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/i;
const RE_YEAR_SPAN = /^((?:19|20)\d\d)[-–/](\d\d|(?:19|20)\d\d)$/;
const RE_PREFIXED_YEAR = /^(mid|early|late|pre|post)-((?:19|20)\d\d)$/i;
const RE_LETTER = /\p{L}/u;
const RE_TENS_UNIT = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/;
const RE_UPPER = /^\p{Lu}/u;

const num = (s: string) => parseFloat(s.replace(/,/g, ''));
/** Removes floating-point noise from scaled values: 244.8 * 1e9 -> 244800000000. */
export const clean = (x: number) => parseFloat(x.toPrecision(12));

// ---------------------------------------------------------------------------------------------
// The scanner

/** A figure's amount while the scanner reads it: the Figure fields it shares, plus the scanner's own state. */
interface Amount extends Pick<Figure, 'start' | 'end' | 'low' | 'high' | 'unit' | 'currency' | 'minor' | 'event' | 'digits' | 'highDigits'> {
  /** Token range [k0, k1) of the figure, currency prefix included. */
  k0: number;
  k1: number;
  value: number;
  scaled: boolean;
  /** The multiplier of its scale words or suffix (1e9 for "244.8 billion"). */
  scale: number;
  /** Offsets where the low end of a glued range ends and its high end starts. */
  lowEnd?: number;
  highStart?: number;
  words: boolean;
  /** A bare four-digit integer 1900-2100 (or an unscaled 1000-2999) that may be a year. */
  yearLike: boolean;
  /** How strongly the figure is marked as a quantity (percent, currency, unit, scale). */
  marked: boolean;
}

export class QuantityScanner {
  private t: Token[];
  private prose: string;
  private lo = 0;
  private hi = 0;
  private lc: string[] = [];
  /** Tokens before this index belong to an earlier figure: lookbehind stops here. */
  private floor = 0;
  private si = 0;
  private out: Figure[] = [];

  constructor(article: Article, private ref?: RefDate) {
    this.t = article.tokens;
    this.prose = article.prose;
  }

  /** Scans one sentence and appends its figures, in text order. */
  scanSentence(si: number, firstToken: number, lastToken: number, out: Figure[]): void {
    this.si = si;
    this.lo = firstToken;
    this.hi = lastToken;
    this.floor = firstToken;
    this.out = out;
    const lc = this.lc;
    lc.length = 0;
    for (let k = firstToken; k < lastToken; k++) lc.push(this.t[k].text.toLowerCase());
    let k = firstToken;
    while (k < lastToken) {
      const n = out.length;
      const next = this.at(k);
      if (out.length > n) this.floor = next;
      k = next > k ? next : k + 1;
    }
  }

  private w(k: number): string {
    return k >= this.lo && k < this.hi ? this.lc[k - this.lo] : '';
  }
  private raw(k: number): string {
    return k >= this.lo && k < this.hi ? this.t[k].text : '';
  }
  private adj(a: number, b: number): boolean {
    return b < this.hi && a >= this.lo && this.t[a].end === this.t[b].start;
  }
  private text(a: number, b: number): string {
    return this.prose.slice(a, b);
  }

  /** Tries a figure at token k; returns the token index after it, or k when there is none. */
  private at(k: number): number {
    const tok = this.t[k];
    const w = this.lc[k - this.lo];
    if (tok.kind === 'number') return this.atNumber(k);
    if (tok.kind === 'symbol') {
      if (CUR_SYMBOL.has(tok.text)) return this.atAmount(k);
      return k;
    }
    if (tok.kind !== 'word') return k;
    if (MONTHS.has(w) && RE_UPPER.test(tok.text)) return this.atMonth(k);
    if (w === 'last' || w === 'next' || w === 'this') return this.atRelative(k);
    if (w === 'ago') return this.atAgo(k);
    if (CUR_CODE.has(tok.text) || (DOLLAR_PREFIX.has(tok.text) && this.raw(k + 1) === '$' && this.adj(k, k + 1))) return this.atAmount(k);
    if (w in UNITS_W || w in TENS_W || w === 'a' || w === 'an' || RE_TENS_UNIT.test(w)) return this.atAmount(k);
    if (w in ORDINAL_W) {
      if (w in DENOM_W) {
        // "a third of", "for a third,": a fraction first, else an ordinal.
        const n = this.out.length;
        const r = this.atWordForms(k);
        if (this.out.length > n) return r;
      }
      return this.atOrdinal(k, ORDINAL_W[w]);
    }
    if (w === 'once') return this.atOnce(k);
    if (w === 'halves' && this.verbS(k)) return this.atMultVerb(k);
    if (w === 'half' || w in DENOM_W || w.includes('-')) return this.atWordForms(k);
    if (w === 'twice') return this.atTwice(k);
    if (w in MULT_VERB) return this.atMultVerb(k);
    if (w in FOLD_W) return this.emitRatio(k, k + 1, FOLD_W[w], this.changeAfter(k + 1));
    if (w in VAGUE_W) return this.atVague(k);
    const py = RE_PREFIXED_YEAR.exec(tok.text);
    if (py) {
      const s = tok.start + py[1].length + 1;
      this.emitDate(s, s + 4, { year: +py[2], iso: py[2] });
      return k + 1;
    }
    return k;
  }

  // ----- numbers -------------------------------------------------------------------------------

  private atNumber(k: number): number {
    const tok = this.t[k];
    const s = tok.text;
    // Dates and things that are not quantities.
    const ord = RE_ORDINAL.exec(s);
    if (ord) {
      // "3rd March", "the 3rd of March"
      const m = this.monthAt(k + 1) ? k + 1 : this.w(k + 1) === 'of' && this.monthAt(k + 2) ? k + 2 : -1;
      if (m >= 0) return this.dayMonth(k, +ord[1], m);
      if (!this.isLabel(k)) return this.atOrdinal(k, +ord[1]);
      return k + 1;
    }
    if (/[:/]/.test(s) || /\.\d+\./.test(s) || (s.match(/[-–]/g)?.length ?? 0) > 1) {
      const ys = RE_YEAR_SPAN.exec(s);
      if (ys) return this.yearSpan(k, ys);
      return this.skipRun(k);
    }
    const ys = RE_YEAR_SPAN.exec(s);
    if (ys && !this.isLabel(k)) return this.yearSpan(k, ys);
    // Day before a month: "3 March 2024".
    if (/^\d{1,2}$/.test(s) && +s >= 1 && +s <= 31) {
      if (this.monthAt(k + 1)) return this.dayMonth(k, +s, k + 1);
      // "on 4 or 5 April", "3-4 March": the first day of two.
      if (/^(or|and|to|-|–)$/.test(this.w(k + 1)) && /^\d{1,2}(st|nd|rd|th)?$/.test(this.raw(k + 2)) && this.monthAt(k + 3)) return k + 1;
    }
    return this.atAmount(k);
  }

  /**
   * Whether "N m" glued at token k (no currency sign) is a length in metres rather than millions: an
   * event after it ("100m sprint"), a dimension word after it ("1.8m tall", "a 12m-long wall"), or, when
   * no counted noun or currency follows, a jump or throw nearby ("cleared the required 1.90m", "reached
   * 1.80m in the high jump") or a figure under 10 with two decimals ("a personal best of 7.96m").
   */
  private metres(k: number, digits: string, range: boolean): boolean {
    const n = this.w(k + 1);
    if (METRE_EVENT.has(n) || METRE_BEFORE.has(this.w(k - 1).replace('’', "'"))) return true;
    if (DIMENSION.has(n) || ((n === '-' || n === '–') && this.adj(k, k + 1) && DIMENSION.has(this.w(k + 2)))) return true;
    // A counted noun, a currency or a rate after it: a count or an amount ("1.8m people", "2.25m a year").
    if (n === 'of' || n === 'a' || n === 'per' || n === 'each' || CUR_WORD.has(n) || DOLLAR_ADJ.has(n) || CURRENCY_NATION.has(n) || SCALE_W[n] || (this.t[k + 1]?.kind === 'word' && k + 1 < this.hi && !STOP.has(n) && (looksPlural(n) || (!SPORT.has(n) && !/ed$/.test(n) && this.subjectAfter(k + 1))))) return false;
    // A change: "rose to 1.25m", "fell 1.25m".
    const q = this.qualifiersBefore(k).k;
    if (this.changeBefore(this.w(q - 1) === 'to' || this.w(q - 1) === 'from' ? q - 1 : q)) return false;
    for (let i = Math.max(this.lo, k - 8); i < Math.min(this.hi, k + 9); i++) {
      const w = this.w(i);
      if (METRE_CONTEXT.has(w) || (w === 'shot' && this.w(i + 1) === 'put')) return true;
    }
    return !range && /^\d\.\d\d$/.test(digits);
  }

  private monthAt(k: number): boolean {
    return MONTHS.has(this.w(k)) && RE_UPPER.test(this.raw(k));
  }

  /** Skips a run of numbers that is a phone number, an ISBN or a code, and whatever is glued to it. */
  private skipRun(k: number): number {
    let j = k + 1;
    while (j < this.hi && this.t[j].kind === 'number' && this.t[j].start - this.t[j - 1].end <= 1) j++;
    return j;
  }

  /** Figures that are labels, names, phone numbers, addresses or times; true means skip. */
  private isLabel(k: number): boolean {
    const pw = this.w(k - 1);
    const praw = this.raw(k - 1);
    if (k > this.lo) {
      const pt = this.t[k - 1];
      if (pt.end === this.t[k].start && (pt.kind === 'number' || pt.kind === 'word')) return true; // 4x4, glued codes
      if (LABEL_BEFORE.has(pw) || praw === '#' || praw === '+') return true;
      if (pw === '.' && (this.w(k - 2) === 'no' || this.w(k - 2) === 'nos')) return true;
      // Part of a name: "Euro 2024", "Radio 4", "Chelsea 2-1" (not "In 2024", not "Russia’s 2024").
      // A figure with a glued unit after an adjective of nationality or event ("Olympic 100m") is no name.
      if (this.t[k - 1].kind === 'word' && RE_UPPER.test(praw) && !FUNCTION_WORD.has(pw) && !MONTHS.has(pw) && !CUR_CODE.has(praw) && !/['’]s?$/.test(praw) && !DOLLAR_PREFIX.has(praw) && !(METRE_BEFORE.has(pw) && /^\d[\d,.]*m$/.test(this.t[k].text))) return true;
    }
    // Address: "10 Downing Street".
    const s = this.t[k].text;
    let j = k + 1;
    while (j < this.hi && j < k + 4 && RE_UPPER.test(this.raw(j))) {
      if (STREET.has(this.w(j)) && j > k + 1) return true;
      j++;
    }
    // A model or series name: "3-Series", "4-Runner".
    if ((this.raw(k + 1) === '-' || this.raw(k + 1) === '–') && this.adj(k, k + 1) && this.adj(k + 1, k + 2) && RE_UPPER.test(this.raw(k + 2))) return true;
    // Times: "3 pm", "10 GMT"; list numbering "1." at the start of a sentence.
    if (TIME_AFTER.has(this.w(k + 1))) return true;
    if (k === this.lo && (this.raw(k + 1) === ')' || (this.raw(k + 1) === '.' && k + 2 >= this.hi))) return true;
    // Phone numbers and codes: leading zero, or juxtaposed plain numbers (020 7946 0958).
    if (/^0\d/.test(s)) return true;
    if (/^\d{8,}$/.test(s)) return true;
    const n = this.t[k + 1];
    if (n && k + 1 < this.hi && n.kind === 'number' && n.start - this.t[k].end === 1 && /^\d+$/.test(s) && /^\d+$/.test(n.text)) return true;
    const p = this.t[k - 1];
    if (k > this.lo && p.kind === 'number' && this.t[k].start - p.end === 1 && /^\d+$/.test(s) && /^\d+$/.test(p.text)) return true;
    return false;
  }

  /**
   * Reads an amount at k: optional currency prefix, digits or number words, scale, percent,
   * currency word or unit. Returns undefined when k does not start an amount, or 'skip' (with
   * the index to resume at) when it is a number that is not a quantity.
   */
  private amount(k: number, allowWords = true): Amount | { skip: number } | undefined {
    const k0 = k;
    let currency: string | undefined;
    let raw = this.raw(k);
    if (CUR_SYMBOL.has(raw)) {
      currency = CUR_SYMBOL.get(raw);
      k++;
    } else if (DOLLAR_PREFIX.has(raw) && this.raw(k + 1) === '$' && this.adj(k, k + 1)) {
      currency = DOLLAR_PREFIX.get(raw);
      k += 2;
    } else if (CUR_CODE.has(raw)) {
      currency = CUR_CODE.get(raw);
      k++;
      if (this.raw(k) === '.') k++;
    }
    if (currency && (k >= this.hi || this.t[k].kind !== 'number' || this.t[k].start - this.t[k - 1].end > 1)) return undefined;
    raw = this.raw(k);
    const tok = this.t[k];
    let value: number;
    let low: number | undefined;
    let high: number | undefined;
    let unit: string | undefined;
    let scaled = false;
    let scale = 1;
    let words = false;
    let marked = !!currency;
    let yearLike = false;
    let minor = false;
    let event = false;
    let digits: string | undefined;
    let highDigits: string | undefined;
    let lowEnd: number | undefined;
    let highStart: number | undefined;
    let j: number;
    if (k < this.hi && tok.kind === 'number') {
      const m = RE_NUM.exec(raw);
      if (!m) return { skip: this.skipRun(k) };
      if (!currency && this.isLabel(k)) return { skip: this.skipRun(k) };
      value = num(m[1]);
      digits = m[1];
      if (m[3] !== undefined) {
        low = value;
        high = num(m[3]);
        highDigits = m[3];
        lowEnd = tok.start + m[1].length;
        highStart = lowEnd + m[2].length;
        // "10-12 June": a date, dated by its first day.
        if (!currency && !m[4] && low >= 1 && high <= 31 && Number.isInteger(low) && Number.isInteger(high) && this.monthAt(k + 1)) return { skip: this.dayMonth(k, low, k + 1) };
        // Tennis and tie-break scores: "6-7 (4-7) 7-6".
        if (!m[4] && (RE_SCORE.test(this.raw(k - 2)) || RE_SCORE.test(this.raw(k + 2)) || RE_SCORE.test(this.raw(k - 1)) || RE_SCORE.test(this.raw(k + 1)))) return { skip: k + 1 };
        // A score or a vote ("won 2-1", "a 3-3 draw"), not a range. A pair with a currency or a glued
        // unit ("8-5%", "£5-3m") is never a score: when it runs backwards it is a range stated backwards,
        // kept (low > high) so that verification can report it.
        if ((currency || m[4] ? low === high : low >= high) || SPORT.has(this.w(k - 1)) || SPORT.has(this.w(k - 2)) || SPORT.has(this.w(k + 1))) return { skip: k + 1 };
      }
      const suf = m[4];
      if (suf) {
        if (suf === '%' || suf.toLowerCase() === 'pc') unit = 'percent';
        else if (suf in SCALE_SUFFIX) {
          // "100m sprint", "cleared 1.90m", "7.96m" are metres; "5m people", "1.47m yuan" are millions.
          if (suf === 'm' && !currency && this.metres(k, m[1], low !== undefined)) {
            unit = 'm';
            // "the men's 60m", "100m champion": a race distance that names the event.
            if (low === undefined && RACE_DISTANCE.has(m[1].replace(/,/g, ''))) event = true;
          }
          else {
            scale = SCALE_SUFFIX[suf];
            value *= scale;
            if (low !== undefined) { low *= scale; high! *= scale; }
            scaled = true;
          }
        } else if (suf === 'p' && !currency) {
          currency = 'GBP';
          minor = true;
        } else if (UNIT_SUFFIX.has(suf)) unit = UNIT_SUFFIX.get(suf);
        else return { skip: k + 1 }; // 221B, 3pm, 5G, 1990s
        marked = true;
      } else if (!currency && low === undefined && /^\d{4}$/.test(raw) && value >= 1000 && value <= 2999) yearLike = true;
      j = k + 1;
    } else if (allowWords && !currency) {
      const r = this.wordNumber(k);
      if (!r) return undefined;
      value = r.value;
      j = r.k1;
      scaled = r.scaled;
      scale = r.scale;
      words = true;
    } else return undefined;
    // "two and a half", "1.5" written out.
    if (words && this.w(j) === 'and' && this.w(j + 1) === 'a' && this.w(j + 2) === 'half') {
      value += 0.5;
      j += 3;
    }
    // Scale words: "3.2 million", "$244.8 billion", "£3.5 m" (a spaced m only after a currency).
    for (;;) {
      const sw = this.w(j);
      const f = SCALE_W[sw] ?? (currency && (sw === 'm' || sw === 'k') ? SCALE_SUFFIX[sw] : undefined);
      if (!f || yearLike) break;
      value *= f;
      scale *= f;
      if (low !== undefined) { low *= f; high! *= f; }
      scaled = true;
      marked = true;
      j++;
    }
    if (scaled) yearLike = false;
    // Percent and percentage points.
    if (!unit && !currency) {
      const a = this.w(j);
      if (a === '%') { unit = 'percent'; j++; }
      else if (a === 'per' && this.w(j + 1) === 'cent') { unit = 'percent'; j += 2; }
      else if (a === 'percent' || a === 'pc') { unit = 'percent'; j++; }
      if (unit) marked = true;
      if (this.w(j) === 'percentage' && /^points?$/.test(this.w(j + 1))) { unit = 'percentage-point'; j += 2; marked = true; }
      else if (!unit && a === 'basis' && /^points?$/.test(this.w(j + 1))) { unit = 'basis-point'; j += 2; marked = true; }
      else if (unit === 'percent' && /^points?$/.test(this.w(j))) { unit = 'percentage-point'; j++; }
    }
    // Currency words: "5 million euros", "40 US dollars", "50 pence".
    if (!currency && !unit) {
      // "a 4bn-euro hole"
      if ((this.w(j) === '-' || this.w(j) === '–') && this.adj(j - 1, j) && this.adj(j, j + 1) && CUR_WORD.has(this.w(j + 1))) j++;
      let c = CUR_WORD.get(this.w(j));
      let extra = 1;
      if (!c && (this.w(j + 1) === 'dollars' || this.w(j + 1) === 'dollar') && DOLLAR_ADJ.has(this.w(j))) { c = DOLLAR_ADJ.get(this.w(j)); extra = 2; }
      else if (!c && (this.w(j + 2) === 'dollars') && DOLLAR_ADJ2.has(this.w(j))) { c = DOLLAR_ADJ2.get(this.w(j)); extra = 3; }
      else if (!c && CURRENCY_NATION.has(this.w(j)) && CUR_WORD.has(this.w(j + 1))) { c = CURRENCY_NATION.get(this.w(j)); extra = 2; }
      if (c && !(c === 'GBP' && this.w(j + extra) === 'of' && !scaled) && !(this.w(j) === 'cent' && this.w(j - 1) === 'per')) {
        if (c.endsWith('/100')) {
          c = c.slice(0, 3);
          minor = true;
        }
        currency = c;
        j += extra;
        marked = true;
        yearLike = false;
      }
    }
    // Units: "40 tonnes", "28 degrees", "28°C", "a 24-hour strike", "square miles".
    if (!currency && !unit) {
      let a = this.w(j);
      let dash = 0;
      if ((a === '-' || a === '–') && this.adj(j - 1, j) && this.adj(j, j + 1)) { dash = 1; a = this.w(j + 1); }
      if (this.raw(j) === '°') {
        const cf = this.raw(j + 1);
        if ((cf === 'C' || cf === 'F') && this.adj(j, j + 1)) { unit = cf; j += 2; }
        else { unit = 'degrees'; j++; }
      } else if (a === 'square' && SQUARE_UNIT.has(this.w(j + 1))) {
        unit = SQUARE_UNIT.get(this.w(j + 1));
        j += 2;
      } else if (UNIT_WORD.has(a)) {
        unit = UNIT_WORD.get(a);
        j += 1 + dash;
        if (unit === 'degrees') {
          const cf = this.w(j);
          if (cf === 'celsius' || cf === 'centigrade' || cf === 'c') { unit = 'C'; j++; }
          else if (cf === 'fahrenheit' || cf === 'f') { unit = 'F'; j++; }
        }
        // "a 10-year-old": the rest of the compound.
        if (dash && this.w(j) === '-' && this.w(j + 1) === 'old') j += 2;
      }
      if (unit) { marked = true; yearLike = false; }
    }
    const start = this.t[k0].start;
    const end = this.t[j - 1].end;
    return { k0, k1: j, start, end, value: clean(value), low: low === undefined ? undefined : clean(low), high: high === undefined ? undefined : clean(high), unit, currency, minor: minor || undefined, event: event || undefined, scaled, scale, words, yearLike, marked, digits, highDigits, lowEnd, highStart };
  }

  /** Number words: "three", "twenty-five", "two hundred and fifty", "a million", "a dozen". */
  private wordNumber(k: number): { value: number; k1: number; scaled: boolean; scale: number } | undefined {
    let total = 0;
    let cur = 0;
    let j = k;
    let any = false;
    let scaled = false;
    let scale = 1;
    const first = this.w(k);
    if (first === 'a' || first === 'an') {
      const n = this.w(k + 1);
      if (n === 'dozen') return { value: 12, k1: k + 2, scaled: false, scale: 1 };
      if (n === 'hundred' || (n in SCALE_W && n.length > 3)) { cur = 1; j = k + 1; any = true; }
      else return undefined;
    }
    for (;;) {
      const w = this.w(j);
      if (w in UNITS_W) {
        if (any && cur % 100 !== 0 && !(cur % 10 === 0 && cur >= 20 && UNITS_W[w] < 10 && UNITS_W[w] > 0)) break;
        cur += UNITS_W[w];
      } else if (w in TENS_W) {
        if (any && cur % 100 !== 0) break;
        cur += TENS_W[w];
      } else if (w.includes('-') && w.split('-').length === 2 && w.split('-')[0] in TENS_W && w.split('-')[1] in UNITS_W) {
        if (any && cur % 100 !== 0) break;
        const [a, b] = w.split('-');
        cur += TENS_W[a] + UNITS_W[b];
      } else if (w === 'hundred' && any) {
        cur = (cur || 1) * 100;
      } else if (w === 'dozen' && any) {
        cur *= 12;
      } else if (w === 'and' && any && cur >= 100 && cur % 100 === 0 && (this.w(j + 1) in UNITS_W || this.w(j + 1) in TENS_W || this.w(j + 1).includes('-'))) {
        // "two hundred and fifty"
      } else if (w in SCALE_W && w.length > 3 && any && w !== 'lakh' && w !== 'crore') {
        total += (cur || 1) * SCALE_W[w];
        cur = 0;
        scaled = true;
        scale = SCALE_W[w];
      } else break;
      any = true;
      j++;
    }
    if (!any || j === k) return undefined;
    if (cur) scale = 1;
    return { value: total + cur, k1: j, scaled, scale };
  }

  /** An amount at k, with its context: qualifiers, ranges, change, subject; then emits it. */
  private atAmount(k: number): number {
    const a = this.amount(k);
    if (!a) return k;
    if ('skip' in a) return a.skip;
    let j = a.k1;
    const w0 = this.w(a.k0);
    // "N years ago": a relative date.
    if ((a.unit === 'years' || a.unit === 'months' || a.unit === 'decades') && this.w(j) === 'ago') {
      if (a.words && w0 === 'one' && a.unit !== 'years') return j + 1;
      this.emitAgo(a.start, this.t[j].end, a.value, a.unit);
      return j + 1;
    }
    // "one in four", "seven out of ten".
    const inOf = this.w(j) === 'in' ? j + 1 : this.w(j) === 'out' && this.w(j + 1) === 'of' ? j + 2 : -1;
    if (inOf > 0 && !a.marked && Number.isInteger(a.value)) {
      let d = inOf;
      if (this.w(d) === 'every') d++;
      const b = this.amount(d);
      if (b && !('skip' in b) && !b.marked && Number.isInteger(b.value) && b.value > a.value && !(b.yearLike && !/,/.test(this.raw(d)))) {
        return this.emitFraction(a.k0, b.k1, a.value / b.value);
      }
    }
    // Multiples: "three times as many", "10-fold".
    if (!a.marked && !a.yearLike) {
      if (this.w(j) === 'times') return this.atTimes(a.k0, j + 1, a.value);
      if ((this.w(j) === '-' && this.w(j + 1) === 'fold' && this.adj(j, j + 1)) || this.w(j) === 'fold') {
        const e = this.w(j) === 'fold' ? j + 1 : j + 2;
        return this.emitRatio(a.k0, e, a.value, this.changeAfter(e));
      }
    }
    // Number words carry a figure only with a unit, a counted noun or a stated whole ("seven of its
    // 12", "two out of their 12": a part); "one" only with a unit.
    let wordRange: Amount | undefined;
    if (a.words) {
      if (this.w(j) in DENOM_W && !a.marked) return k; // "two thirds": read at the denominator
      if (w0 === 'a' || w0 === 'an') {
        if (!a.scaled && (!a.marked || TIME_UNIT.has(a.unit!))) return a.k1; // "a day", "a year"
      } else if (w0 === 'one' && !a.scaled && !a.marked && !this.oneCounts(a.k0, j)) return a.k1; // "one of", "one on the eve"
      else if (w0 === 'one' && !a.scaled && a.marked && TIME_UNIT.has(a.unit!) && this.oneIdiom(a.k0)) return a.k1; // "one day", "at one point"
      if (this.nameNumber(a.k0)) return a.k1; // "Formula One", "Channel Four"
      // "world number six", "the number one film": a ranking.
      if (this.w(a.k0 - 1) === 'number' && !a.marked && !a.scaled && a.k0 - 1 >= this.floor) return this.emitRank(a.k0, a.k1, a.value);
      // "two or three weeks": a range of number words.
      if (this.w(j) === 'or' && !a.marked) {
        const b = this.amount(j + 1);
        if (b && !('skip' in b) && b.words && b.value > a.value) wordRange = b;
      }
    }
    // Years: "in 2024" (not "more than 2000 people", "$2024", "2024 tonnes").
    const q = this.qualifiersBefore(a.k0);
    if (a.yearLike) {
      const counted = q.bound !== 'exact' || q.approximate ? this.subjectAfter(j) : undefined;
      if (!counted) {
        if (a.value >= 1900 && a.value <= 2100) {
          this.emitDate(a.start, a.end, { year: a.value, iso: String(a.value) });
          return a.k1;
        }
        const pw = this.w(a.k0 - 1);
        if (/^(in|since|until|till|by|from|before|after|of|around|circa)$/.test(pw)) {
          this.emitDate(a.start, a.end, { year: a.value, iso: String(a.value) });
          return a.k1;
        }
      }
    }
    const fig: Figure = {
      kind: 'numeric',
      start: a.start,
      end: a.end,
      sentence: this.si,
      value: a.value,
      low: a.low,
      high: a.high,
      unit: a.unit ?? (a.currency ? 'currency' : 'count'),
      currency: a.currency,
      minor: a.minor,
      event: a.event,
      approximate: q.approximate,
      bound: q.bound,
      qualifier: q.qualifier,
      scale: a.scale,
      digits: a.digits,
      parts: { number: [a.start, a.end] },
    };
    if (a.currency) fig.unit = 'currency';
    if (q.spanStart < fig.start) fig.start = q.spanStart;
    // "minus 10"
    if (this.w(a.k0 - 1) === 'minus' && a.low === undefined && q.k === a.k0) {
      fig.value = -a.value;
      fig.start = this.t[a.k0 - 1].start;
    }
    // "Ms Hynde, 53, said": an age.
    if (!a.marked && !a.words && a.low === undefined && Number.isInteger(a.value) && a.value < 120 && this.raw(a.k0 - 1) === ',' && RE_UPPER.test(this.raw(a.k0 - 2)) &&
        (this.raw(a.k1) === ',' || (this.raw(a.k1) === '.' && a.k1 + 1 >= this.hi))) {
      fig.subject = 'age';
      fig.unit = 'age';
      this.push(fig);
      return a.k1;
    }
    const before = q.k;
    // Ranges: "5% to 8%", "30 - 40", "between 30 and 40 staff"; "from X to Y" is two figures.
    const between = this.w(before - 1) === 'between';
    const from = this.w(before - 1) === 'from';
    const link = this.w(j);
    let second: Amount | undefined;
    if (a.low === undefined && ((between && link === 'and') || (!between && (link === 'to' || link === '-' || link === '–')))) {
      const b = this.amount(j + 1);
      if (b && !('skip' in b) && b.low === undefined && !b.yearLike && !(a.yearLike && !a.marked)) {
        const compatible = (!a.unit || !b.unit || a.unit === b.unit) && (!a.currency || !b.currency || a.currency === b.currency) && !(a.currency && b.unit) && !(b.currency && a.unit);
        if (compatible) {
          let lowV = a.value;
          // "3 to 4 million", "£3-4bn": the scale of the second applies to the first (not "500 to 2 million").
          if (!a.scaled && b.scaled && !a.unit && a.value < b.value / b.scale) lowV = clean(a.value * b.scale);
          const unit = a.unit ?? b.unit ?? (a.currency || b.currency ? 'currency' : 'count');
          const currency = a.currency ?? b.currency;
          const changeVerb = this.changeBefore(before);
          if (from || changeVerb) {
            // Two figures; the first borrows the unit of the second ("from 5 to 8%").
            fig.value = lowV;
            fig.unit = currency ? 'currency' : unit;
            fig.currency = currency;
            if (!from && changeVerb) fig.change = changeVerb;
            fig.subject = undefined;
            this.push(fig);
            return a.k1;
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
            if (between) fig.start = Math.min(fig.start, this.t[before - 1].start);
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
    // Trailing hedges: "10 or more", "40 or so".
    if (this.w(j) === 'or') {
      const n = this.w(j + 1);
      if (n === 'more' || n === 'above' || n === 'over') { fig.bound = 'lower'; fig.qualifier = join(fig.qualifier, 'or ' + n); fig.end = this.t[j + 1].end; j += 2; }
      else if (n === 'fewer' || n === 'less' || n === 'under' || n === 'below') { fig.bound = 'upper'; fig.qualifier = join(fig.qualifier, 'or ' + n); fig.end = this.t[j + 1].end; j += 2; }
      else if (n === 'so') { fig.approximate = true; fig.qualifier = join(fig.qualifier, 'or so'); fig.end = this.t[j + 1].end; j += 2; }
    }
    // Change: "a 25% rise", "rose 5%", "up 3%", "5% higher".
    const after = this.changeAfter(j);
    const beforeC = this.changeBefore(before);
    fig.change = after ?? beforeC;
    // Subject.
    if (fig.unit === 'count' || fig.unit === 'percent' || fig.unit === 'currency') {
      let sj = j;
      if (after && sj < this.hi) {
        sj++;
        fig.subject = this.w(sj) === 'in' ? this.subjectAfter(sj + 1) : undefined;
      } else if (fig.unit === 'count' || this.w(sj) === 'of' || /^(a|an|the|its|their|his|her|our|this|that)$/.test(this.w(q.k - 1))) {
        // After money or a percent, a noun is what it measures only in "a $140m deal", "a 5% stake", "18% of voters".
        fig.subject = this.subjectAfter(sj);
      }
    }
    this.push(fig);
    return j;
  }

  /**
   * Whether "one" at k (the word after it at j) counts something: "one book", "only one person", "by
   * one notch", "over one sentence"; not "one of", the pronoun ("an important one", "one on the eve",
   * "one planned for"), "no one", "one another", "one day".
   */
  private oneCounts(k: number, j: number): boolean {
    const p = this.w(k - 1);
    if (ONE_BEFORE_NOT.has(p)) return false;
    const n = this.w(j);
    if (j >= this.hi || this.t[j].kind !== 'word' || STOP.has(n) || ONE_AFTER_NOT.has(n) || /(ly|ed|ing)$/.test(n) || RE_UPPER.test(this.raw(j))) return false;
    // "from one phone to another": a contrast, not a count.
    for (let i = j + 1; i < Math.min(this.hi, j + 5); i++) if (this.w(i) === 'another' || this.w(i) === 'other') return false;
    return !this.oneIdiom(k);
  }

  /** "one day", "at one point", "one way or another": "one" in a set phrase. */
  private oneIdiom(k: number): boolean {
    const n = this.w(k + 1);
    if (n === 'day' || n === 'way' || n === 'thing' || n === 'time') return true;
    return (this.w(k - 1) === 'at' || this.w(k - 1) === 'in') && (n === 'point' || n === 'stage' || n === 'time' || n === 'go' || n === 'piece');
  }

  /** A number word inside a name: capitalised after a capitalised word that is not a function word ("Formula One", "Channel Four"). */
  private nameNumber(k: number): boolean {
    if (k <= this.lo || !RE_UPPER.test(this.raw(k))) return false;
    const p = this.raw(k - 1);
    if (this.t[k - 1].kind === 'word' && RE_UPPER.test(p) && !FUNCTION_WORD.has(p.toLowerCase()) && !/['’]s?$/.test(p)) return true;
    // Capitalised inside a sentence before a capitalised word: "the Six Nations", "BBC1, Five Live".
    return !/^["“‘'(:\-–—]$/.test(p) && this.t[k + 1]?.kind === 'word' && k + 1 < this.hi && RE_UPPER.test(this.raw(k + 1));
  }

  /**
   * An ordinal at k (value n) that states a ranking or how many times something happened: "finish
   * second", "crosses the line first", "the fourth time", "second consecutive defeat", "her 12th world
   * record", "in third place", "the third largest". Labels of an edition, stage or item ("his first
   * term", "a third runway") are not figures, and "first" is one only as a placing.
   */
  private atOrdinal(k: number, n: number): number {
    const p = this.w(k - 1);
    const nx = this.w(k + 1);
    const placing = PLACE_VERB.has(p) || (p === 'line' && this.w(k - 2) === 'the') || ((p === 'in' || p === 'into') && (nx === 'place' || nx === 'position'));
    if (placing) return this.emitRank(k, k + 1, n);
    if (n === 1) return k + 1;
    if (nx === 'place' || nx === 'time' || /est$/.test(nx) || RANK_NOUN.has(nx)) {
      // "second consecutive defeat": the noun after the modifier is part of the span.
      const e = RANK_MODIFIER.has(nx) && (RANK_NOUN.has(this.w(k + 2)) || this.t[k + 2]?.kind === 'word') && k + 2 < this.hi ? k + 3 : k + 2;
      return this.emitRank(k, Math.min(e, this.hi), n);
    }
    if (RANK_MODIFIER.has(nx) && RANK_NOUN.has(this.w(k + 2))) return this.emitRank(k, k + 3, n);
    return k + 1;
  }

  private emitRank(k0: number, k1: number, n: number): number {
    this.push({ kind: 'numeric', start: this.t[k0].start, end: this.t[k1 - 1].end, sentence: this.si, value: n, unit: 'rank', approximate: false, bound: 'exact' });
    return k1;
  }

  /** "win once", "only once.": one occurrence (not "once the deal", "at once", "once every two years"). */
  private atOnce(k: number): number {
    const p = this.w(k - 1);
    if (k - 1 < this.lo || /^(at|all|for|and|but|or|,)$/.test(p) || !/^[,;.)!?]$/.test(this.raw(k + 1))) return k + 1;
    this.push({ kind: 'numeric', start: this.t[k].start, end: this.t[k].end, sentence: this.si, value: 1, unit: 'count', approximate: false, bound: 'exact' });
    return k + 1;
  }

  private push(f: Figure): void {
    this.out.push(f);
  }

  // ----- qualifiers, change, subject -----------------------------------------------------------

  /** Hedges and bounds right before token k (at most two: "only about", "just over"). */
  private qualifiersBefore(k: number): { approximate: boolean; bound: Bound; qualifier?: string; spanStart: number; k: number } {
    let approximate = false;
    let bound: Bound = 'exact';
    const parts: string[] = [];
    let spanStart = Infinity;
    let pos = k;
    for (let n = 0; n < 2; n++) {
      let hit: Qual | undefined;
      for (const q of QUALS) {
        const L = q.words.length;
        if (pos - L < this.floor) continue;
        let ok = true;
        for (let i = 0; i < L; i++) if (this.w(pos - L + i) !== q.words[i]) { ok = false; break; }
        if (ok) { hit = q; break; }
      }
      if (!hit) break;
      const L = hit.words.length;
      // "over" / "under" / "above" / "below" as a preposition of place or time: only when directly before the figure.
      pos -= L;
      parts.unshift(this.text(this.t[pos].start, this.t[pos + L - 1].end));
      if (hit.approximate) approximate = true;
      if (hit.bound) bound = hit.bound;
      if (!hit.emphasis) spanStart = this.t[pos].start;
    }
    return { approximate, bound, qualifier: parts.length ? parts.join(' ') : undefined, spanStart, k: pos };
  }

  /** A change word right after the figure ("a 25% rise", "5% higher"). */
  private changeAfter(j: number): Change | undefined {
    let w = this.w(j);
    if (CHANGE_AFTER_SKIP.has(w)) w = this.w(j + 1);
    if (INCREASE_NOUN.has(w) || COMPARATIVE_UP.has(w) && this.w(j + 1) !== 'than' && w !== 'more') return 'increase';
    if (DECREASE_NOUN.has(w) || COMPARATIVE_DOWN.has(w) && this.w(j + 1) !== 'than' && w !== 'less' && w !== 'fewer') return 'decrease';
    return undefined;
  }

  /** A change verb right before the figure ("rose 5%", "fell by 2%", "up 3%"); not "rose to 5%". */
  private changeBefore(k: number): Change | undefined {
    let p = k - 1;
    if (this.w(p) === 'by') p--;
    if (p < this.lo) return undefined;
    const w = this.w(p);
    if (INCREASE_VERB.has(w)) return 'increase';
    if (DECREASE_VERB.has(w)) return 'decrease';
    return undefined;
  }

  /** What a figure counts: "12,400 visitors", "18% of voters", "half of all purchases". */
  private subjectAfter(j: number): string | undefined {
    let k = j;
    if (this.w(k) === 'of') {
      k++;
      while (DETERMINER.has(this.w(k))) k++;
    } else if (INCREASE_NOUN.has(this.w(k)) || DECREASE_NOUN.has(this.w(k))) return undefined;
    while (SUBJECT_SKIP.has(this.w(k))) k++;
    const first = k;
    let last = -1;
    for (; k < this.hi && k < first + 3; k++) {
      const tk = this.t[k];
      const w = this.w(k);
      if (tk.kind !== 'word' || STOP.has(w) || w in UNITS_W || w in TENS_W || MONTHS.has(w) || /ly$/.test(w)) break;
      if (k > first && (/ly$/.test(w) || (/ed$/.test(w) && w.length > 4) || RE_UPPER.test(tk.text) && !RE_UPPER.test(this.t[first].text))) break;
      last = k;
      if (looksPlural(w) && !RE_UPPER.test(tk.text)) break;
    }
    if (last < first) return undefined;
    // A run of capitalised words is a name ("26 Nikolay Davydenko"), not what the figure counts.
    let lower = false;
    for (let i = first; i <= last; i++) if (!RE_UPPER.test(this.t[i].text)) lower = true;
    if (!lower) return undefined;
    const s = this.text(this.t[first].start, this.t[last].end).replace(/['’]s?$/, '');
    return RE_LETTER.test(s) ? s : undefined;
  }

  // ----- word forms: fractions, multiples ------------------------------------------------------

  private atWordForms(k: number): number {
    const w = this.w(k);
    if (w === 'half') return this.atHalf(k);
    if (w in DENOM_W) return this.atDenominator(k, k, 1);
    // Age groups: "the over-65s", "under-18s".
    const ag = RE_AGE_GROUP.exec(w);
    if (ag) {
      this.push({ kind: 'numeric', start: this.t[k].start, end: this.t[k].end, sentence: this.si, value: +ag[2], unit: 'age', approximate: false, bound: ag[1] === 'over' ? 'lower' : 'upper', qualifier: ag[1] });
      return k + 1;
    }
    // Hyphenated compounds: two-thirds, ten-fold, three-year.
    const parts = w.split('-');
    if (parts.length < 2) return k;
    // "fourth-largest", "second-placed": a ranking.
    if (parts[0] in ORDINAL_W && (RANK_COMPOUND.has(parts[1]) || /est$/.test(parts[1]))) return this.emitRank(k, k + 1, ORDINAL_W[parts[0]]);
    const n = parts[0] in UNITS_W ? UNITS_W[parts[0]] : parts[0] in TENS_W ? TENS_W[parts[0]] : parts[0] === 'a' ? 1 : undefined;
    if (n === undefined) return k;
    const rest = parts.slice(1).join('-');
    if (parts.length === 2 && rest in DENOM_W && (rest.endsWith('s') || n === 1)) {
      if (n >= DENOM_W[rest] && rest !== 'half') return k + 1;
      return this.emitFraction(k, k + 1, n / DENOM_W[rest]);
    }
    if (rest === 'fold') return this.emitRatio(k, k + 1, n, this.changeAfter(k + 1));
    if (parts[0] !== 'a' && UNIT_WORD.has(rest)) {
      const q = this.qualifiersBefore(k);
      this.push({ kind: 'numeric', start: Math.min(q.spanStart, this.t[k].start), end: this.t[k].end, sentence: this.si, value: n, unit: UNIT_WORD.get(rest), approximate: q.approximate, bound: q.bound, qualifier: q.qualifier });
      return k + 1;
    }
    // "three-party politics", "a one-sentence comment": a count inside a compound (not "one-off", "two-way").
    if (parts[0] !== 'a' && parts.length === 2 && /^\p{Ll}{3,}$/u.test(rest) && !COMPOUND_NOT.has(rest) && !this.nameNumber(k)) {
      const q = this.qualifiersBefore(k);
      this.push({ kind: 'numeric', start: Math.min(q.spanStart, this.t[k].start), end: this.t[k].end, sentence: this.si, value: n, unit: 'count', approximate: q.approximate, bound: q.bound, qualifier: q.qualifier, subject: rest });
      return k + 1;
    }
    return k;
  }

  /** "a third of", "two thirds", "three quarters". k0: first token of the numerator. */
  private atDenominator(k0: number, kd: number, numer: number): number {
    const d = this.w(kd);
    const plural = d.endsWith('s');
    let n = numer;
    let start = k0;
    if (kd === k0) {
      // The numerator is the word before: "a third", "one fifth", "two thirds".
      const p = this.w(kd - 1);
      if (kd - 1 >= this.floor && (p === 'a' || p === 'one')) { n = 1; start = kd - 1; }
      else if (kd - 1 >= this.floor && p in UNITS_W && UNITS_W[p] > 1 && plural) { n = UNITS_W[p]; start = kd - 1; }
      else return kd + 1;
    }
    if (n >= DENOM_W[d]) return kd + 1;
    // "a third term", "two quarters ahead": a spaced fraction needs "of" (or a percentage point), or
    // stands alone as an aside that restates a share ("90 of 450, or about a third, agreed").
    const pp = this.w(kd + 1) === 'percentage' && /^points?$/.test(this.w(kd + 2));
    // "important for a third," : a share with its noun left implicit, after a preposition.
    const bare = /^[,;.)]$/.test(this.raw(kd + 1)) && FRACTION_PREP.has(this.w(start - 1));
    if (this.w(kd + 1) !== 'of' && !pp && !bare && !this.asideShare(start, kd + 1)) return kd + 1;
    if (pp) {
      const q = this.qualifiersBefore(start);
      this.push({ kind: 'numeric', start: Math.min(q.spanStart, this.t[start].start), end: this.t[kd + 2].end, sentence: this.si, value: clean(n / DENOM_W[d]), unit: 'percentage-point', approximate: q.approximate, bound: q.bound, qualifier: q.qualifier, change: this.changeBefore(q.k) });
      return kd + 3;
    }
    return this.emitFraction(start, kd + 1, n / DENOM_W[d]);
  }

  /** A fraction [k0, k1) set off as an aside: after "or", a comma or a bracket (and its hedge), before a clause mark. */
  private asideShare(k0: number, k1: number): boolean {
    if (!/^[,;.)–—]$/.test(this.raw(k1))) return false;
    const p = this.raw(this.qualifiersBefore(k0).k - 1).toLowerCase();
    return p === 'or' || p === ',' || p === '(';
  }

  private atHalf(k: number): number {
    const p = this.w(k - 1);
    const n = this.w(k + 1);
    // "half a million", "half a dozen": a count.
    if ((n === 'a' || n === 'an') && (this.w(k + 2) in SCALE_W || this.w(k + 2) === 'dozen')) {
      const mult = this.w(k + 2) === 'dozen' ? 12 : SCALE_W[this.w(k + 2)];
      const q = this.qualifiersBefore(k);
      const fig: Figure = { kind: 'numeric', start: Math.min(q.spanStart, this.t[k].start), end: this.t[k + 2].end, sentence: this.si, value: 0.5 * mult, unit: 'count', approximate: q.approximate, bound: q.bound, qualifier: q.qualifier };
      let j = k + 3;
      const c = CUR_WORD.get(this.w(j));
      if (c && !c.includes('/')) { fig.unit = 'currency'; fig.currency = c; fig.end = this.t[j].end; j++; }
      else fig.subject = this.subjectAfter(j);
      this.push(fig);
      return j;
    }
    // "first half", "the half", "half an hour": not a fraction of something.
    if (/^(first|second|the|a|other|latter|former|each|one|and|every)$/.test(p)) return k + 1;
    const q = this.qualifiersBefore(k);
    const ok = q.bound !== 'exact' || q.approximate || /^(of|the|all|its|their|his|her|our|those|these|them|that|this|what|my|your)$/.test(n) || p === 'by' || p === 'than' || this.asideShare(k, k + 1);
    if (!ok) return k + 1;
    return this.emitFraction(k, k + 1, 0.5);
  }

  private emitFraction(k0: number, k1: number, value: number): number {
    const q = this.qualifiersBefore(k0);
    const fig: Figure = {
      kind: 'numeric',
      start: Math.min(q.spanStart, this.t[k0].start),
      end: this.t[k1 - 1].end,
      sentence: this.si,
      value: clean(value),
      unit: 'fraction',
      approximate: q.approximate,
      bound: q.bound,
      qualifier: q.qualifier,
    };
    const subj = this.subjectAfter(k1);
    if (subj) fig.subject = subj;
    this.push(fig);
    return k1;
  }

  private atTwice(k: number): number {
    const n = this.w(k + 1);
    if (n === 'as' && this.t[k + 2]?.kind === 'word' && k + 2 < this.hi) {
      // "twice as many approaches", "twice as likely"
      let j = k + 3;
      const fig = this.ratio(k, j, 2, undefined);
      if (this.w(k + 2) === 'many' || this.w(k + 2) === 'much') {
        const subj = this.subjectAfter(j);
        if (subj) fig.subject = subj;
      }
      this.push(fig);
      return j;
    }
    if (/^(the|that|what|this|its|their|his|her|our|my|your)$/.test(n) || COMPARATIVE_UP.has(n)) return this.emitRatio(k, k + 1, 2, undefined);
    return k + 1; // "visited twice": an occurrence, not a ratio
  }

  private atTimes(k0: number, j: number, value: number): number {
    const n = this.w(j);
    if (n === 'as' && j + 1 < this.hi && this.t[j + 1].kind === 'word') {
      const fig = this.ratio(k0, j + 2, value, undefined);
      if (this.w(j + 1) === 'many' || this.w(j + 1) === 'much') {
        const subj = this.subjectAfter(j + 2);
        if (subj) fig.subject = subj;
      }
      this.push(fig);
      return j + 2;
    }
    if (COMPARATIVE_UP.has(n) || COMPARATIVE_DOWN.has(n) || /er$/.test(n) && /^(high|low|larg|bigg|small|fast|slow|great|cheap|strong|long|short|heav|light|wid|deep|rich|poor)/.test(n)) {
      return this.emitRatio(k0, j + 1, value, undefined);
    }
    if (/^(the|that|what|this|its|their|his|her|our|my|your)$/.test(n)) return this.emitRatio(k0, j, value, undefined);
    return j; // "arrested three times": occurrences
  }

  private atMultVerb(k: number): number {
    const w = this.w(k);
    const [v, change] = MULT_VERB[w];
    if (MULT_VERB_S.has(w) && !this.verbS(k)) return k + 1;
    if (!change) {
      // "double", "triple": only as "double the", "to double", "will double".
      const n = this.w(k + 1);
      const p = this.w(k - 1);
      if (!/^(the|that|its|their|what|his|her|our|in)$/.test(n) && !/^(to|will|would|could|may|might|should|can|must)$/.test(p)) return k + 1;
    }
    if (this.figurative(k)) return k + 1;
    return this.emitRatio(k, k + 1, v, change);
  }

  /**
   * A multiplier verb with no amount near it: no noun of amount ("sales", "the number"), no figure and
   * no pronoun within a few words ("the noise has doubled my headache"): figurative, not a figure.
   */
  private figurative(k: number): boolean {
    for (let i = Math.max(this.lo, k - 6); i < Math.min(this.hi, k + 4); i++) {
      if (i === k) continue;
      const w = this.w(i);
      const t = this.t[i];
      if (t.kind === 'number' || QUANTITY_NOUN.has(w) || w in UNITS_W || w in TENS_W || w === '%' || /^(it|they|this|that|which|these|those|what)$/.test(w)) return false;
    }
    return true;
  }

  /** "doubles", "halves" at k as a verb ("the fare halves from £4"), not a plural noun ("mixed doubles", "two halves"). */
  private verbS(k: number): boolean {
    const p = this.w(k - 1);
    return VERB_S_AFTER.has(this.w(k + 1)) && k - 1 >= this.floor && !DETERMINER.has(p) && !ANAPHOR_BEFORE.has(p) && !(p in UNITS_W) && !SPORT.has(p) &&
      !/^(mixed|men|women|play|plays|playing|played|in|at)$|['’]s?$/.test(p);
  }

  private ratio(k0: number, k1: number, value: number, change: Change | undefined): Figure {
    const q = this.qualifiersBefore(k0);
    change ??= this.changeBefore(q.k);
    const fig: Figure = {
      kind: 'numeric',
      start: Math.min(q.spanStart, this.t[k0].start),
      end: this.t[k1 - 1].end,
      sentence: this.si,
      value,
      unit: 'ratio',
      approximate: q.approximate,
      bound: q.bound,
      qualifier: q.qualifier,
    };
    if (change) fig.change = change;
    return fig;
  }

  private emitRatio(k0: number, k1: number, value: number, change: Change | undefined): number {
    this.push(this.ratio(k0, k1, value, change));
    return k1;
  }

  /** "thousands of people", "tens of thousands", "hundreds of millions of dollars". */
  private atVague(k: number): number {
    let value = VAGUE_W[this.w(k)];
    let j = k + 1;
    if (this.w(j) !== 'of') return k + 1;
    let start = this.t[k].start;
    if (this.w(k - 1) === 'of' && (this.w(k - 2) === 'tens' || this.w(k - 2) === 'hundreds') && k - 2 >= this.floor) {
      value *= this.w(k - 2) === 'tens' ? 10 : 100;
      start = this.t[k - 2].start;
    }
    if (this.w(j + 1) in VAGUE_W && this.w(j + 2) === 'of') {
      // "hundreds of thousands of"
      value *= VAGUE_W[this.w(j + 1)];
      j += 2;
    }
    const fig: Figure = { kind: 'numeric', start, end: this.t[j - 1].end, sentence: this.si, value, unit: 'count', approximate: true, bound: 'lower', qualifier: this.text(start, this.t[j].end) };
    let c = CUR_WORD.get(this.w(j + 1));
    if (!c && DOLLAR_ADJ.has(this.w(j + 1)) && this.w(j + 2) === 'dollars') c = DOLLAR_ADJ.get(this.w(j + 1));
    if (c && !c.includes('/')) { fig.unit = 'currency'; fig.currency = c; }
    else fig.subject = this.subjectAfter(j);
    if (fig.unit === 'count' && !fig.subject) return j;
    this.push(fig);
    return j;
  }

  // ----- dates ---------------------------------------------------------------------------------

  private emitDate(start: number, end: number, date: DateValue): void {
    this.out.push({ kind: 'date', start, end, sentence: this.si, date, approximate: false, bound: 'exact' });
  }

  private yearSpan(k: number, m: RegExpExecArray): number {
    const tok = this.t[k];
    const y1 = +m[1];
    if (m[2].length === 4) {
      const y2 = +m[2];
      if (y2 <= y1) return k + 1;
      this.emitDate(tok.start, tok.start + 4, { year: y1, iso: m[1] });
      this.emitDate(tok.end - 4, tok.end, { year: y2, iso: m[2] });
    } else {
      // "2004-05", "2023/24": a season or financial year, dated by its first year.
      const y2 = Math.floor(y1 / 100) * 100 + +m[2];
      if (y2 !== y1 + 1 && !(y1 % 100 === 99 && +m[2] === 0)) return this.skipRun(k);
      this.emitDate(tok.start, tok.end, { year: y1, iso: m[1] });
    }
    return k + 1;
  }

  private yearAt(k: number): number | undefined {
    const s = this.raw(k);
    if (k < this.hi && this.t[k].kind === 'number' && /^\d{4}$/.test(s) && +s >= 1000 && +s <= 2999) return +s;
    return undefined;
  }

  /** "March 3, 2024", "March 2024", "March 3rd". */
  private atMonth(k: number): number {
    const month = MONTHS.get(this.w(k))!;
    let j = k + 1;
    let day: number | undefined;
    const d = this.raw(j);
    const dm = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(d);
    if (dm && +dm[1] >= 1 && +dm[1] <= 31 && this.t[j].kind === 'number' && this.yearAt(j) === undefined) {
      day = +dm[1];
      j++;
    }
    let jy = j;
    if (day !== undefined && this.raw(jy) === ',') jy++;
    const year = this.yearAt(jy);
    if (year !== undefined) return this.emitFullDate(k, jy + 1, year, month, day, false);
    if (day === undefined) return k + 1; // a bare month name: no year to give it
    if (!this.ref) return j;
    return this.emitFullDate(k, j, this.ref.year, month, day, true);
  }

  /** "3 March 2024", "3rd of March". kd: the day token, km: the month token. */
  private dayMonth(kd: number, day: number, km: number): number {
    const month = MONTHS.get(this.w(km))!;
    if (!RE_UPPER.test(this.raw(km))) return kd + 1;
    let j = km + 1;
    if (this.raw(j) === ',' && this.yearAt(j + 1) !== undefined) j++;
    const year = this.yearAt(j);
    if (year !== undefined) return this.emitFullDate(kd, j + 1, year, month, day, false);
    if (!this.ref) return km + 1;
    return this.emitFullDate(kd, km + 1, this.ref.year, month, day, true);
  }

  private emitFullDate(k0: number, k1: number, year: number, month: number, day: number | undefined, relative: boolean): number {
    if (day !== undefined && day > daysIn(year, month)) return k1;
    const date: DateValue = { year, month };
    if (day !== undefined) date.day = day;
    date.iso = isoOf(year, month, day);
    if (relative) date.relative = true;
    this.emitDate(this.t[k0].start, this.t[k1 - 1].end, date);
    return k1;
  }

  /** "last year", "next month", "this year’s", "last March". */
  private atRelative(k: number): number {
    const ref = this.ref;
    const w = this.w(k);
    const nraw = this.raw(k + 1);
    const n = this.w(k + 1).replace(/['’]s?$/, '');
    const tn = this.t[k + 1];
    if (k + 1 >= this.hi || !tn) return k + 1;
    const end = tn.start + (n.length <= tn.text.length ? n.length : tn.text.length);
    const step = w === 'last' ? -1 : w === 'next' ? 1 : 0;
    if (n === 'year') {
      if (!ref) return k + 2;
      const y = ref.year + step;
      this.emitDate(this.t[k].start, end, { year: y, iso: String(y), relative: true });
      return k + 2;
    }
    if (n === 'month') {
      if (!ref) return k + 2;
      let y = ref.year;
      let m = ref.month + step;
      if (m < 1) { m = 12; y--; }
      if (m > 12) { m = 1; y++; }
      this.emitDate(this.t[k].start, end, { year: y, month: m, iso: isoOf(y, m), relative: true });
      return k + 2;
    }
    if (MONTHS.has(n) && RE_UPPER.test(nraw) && (n !== 'may' || step !== 0)) {
      if (!ref) return k + 2;
      const m = MONTHS.get(n)!;
      const y = step < 0 ? (m < ref.month ? ref.year : ref.year - 1) : step > 0 ? (m > ref.month ? ref.year : ref.year + 1) : ref.year;
      this.emitDate(this.t[k].start, end, { year: y, month: m, iso: isoOf(y, m), relative: true });
      return k + 2;
    }
    return k + 1;
  }

  /** "a year ago", "a decade ago" (numbers before "ago" are read by atAmount). */
  private atAgo(k: number): number {
    const u = this.w(k - 1);
    const a = this.w(k - 2);
    if (!this.ref || k - 2 < this.floor || !(a === 'a' || a === 'an')) return k + 1;
    const unit = UNIT_WORD.get(u);
    if (unit !== 'years' && unit !== 'months' && unit !== 'decades') return k + 1;
    this.emitAgo(this.t[k - 2].start, this.t[k].end, 1, unit);
    return k + 1;
  }

  private emitAgo(start: number, end: number, n: number, unit: string): void {
    const ref = this.ref;
    if (!ref || !Number.isInteger(n)) return;
    if (unit === 'months') {
      const total = ref.year * 12 + (ref.month - 1) - n;
      const y = Math.floor(total / 12);
      const m = (total % 12) + 1;
      this.emitDate(start, end, { year: y, month: m, iso: isoOf(y, m), relative: true });
    } else {
      const y = ref.year - n * (unit === 'decades' ? 10 : 1);
      this.emitDate(start, end, { year: y, iso: String(y), relative: true });
    }
  }
}

function join(a: string | undefined, b: string): string {
  return a ? `${a} ${b}` : b;
}

function looksPlural(s: string): boolean {
  const w = s.toLowerCase().split(' ').pop()!;
  return PLURAL_IRREG.has(w) || (/[^su]s$/.test(w) && w.length > 2) || /ies$/.test(w);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day?: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return day === undefined ? `${year}-${p(month)}` : `${year}-${p(month)}-${p(day)}`;
}
