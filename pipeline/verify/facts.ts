// verification/facts: numeric claims against the newsroom's reference facts (schemas/facts.schema.json,
// loaded from the config's `facts` or `--facts`). A claim matches a fact when every one of the fact's
// `terms` appears in the claim's sentence, its `period` appears in the sentence (or, when the sentence
// names no year, in its paragraph), and the units agree. A matching claim is `verified` when its value
// agrees with the fact within the tolerance (the fact's, and the rounding of the stated figure), else
// `contradicted`, an error item. Claims that match no fact are left alone (unverified).
import path from 'node:path';
import type { Article, Claim, Evidence, Fact, Rule } from '../core/types.js';
import { roundingHalf } from './numbers.js';
import { collapseWhitespace } from '../util/text.js';
import { NO_OPTIONS } from '../core/rule-options.js';

type Range = [number, number];

const SPECIAL = new Set(['percent', 'percentage-point', 'currency', 'ratio', 'fraction', 'year', 'date']);
const SYMBOL: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥', INR: '₹' };
/** A fact's unit that is an ISO currency code ("GBP"): three capital letters. */
function isCurrencyCode(unit: string): boolean {
  return unit.length === 3 && [...unit].every((ch) => ch >= 'A' && ch <= 'Z');
}
/** Default relative tolerance of a fact without one. */
export const DEFAULT_TOLERANCE = 0.005;

/** A term's words, lower case ("Port of Felixstowe" -> port, of, felixstowe). */
function termWords(term: string): string[] {
  return collapseWhitespace(term.toLowerCase()).split(' ').filter(Boolean);
}

const PIECE_BREAKS = new Set(['-', '–', '—', '/']);

/**
 * The words of a token range of the parsed article, lower case, each as the forms a term word may
 * match: the token itself and the pieces of a compound ("felixstowe-based": felixstowe, based).
 */
function tokenForms(article: Article, first: number, last: number): string[][] {
  const out: string[][] = [];
  for (let i = first; i < last; i++) {
    const t = article.tokens[i];
    if (t.kind !== 'word' && t.kind !== 'number') {
      out.push([]);
      continue;
    }
    const w = t.text.toLowerCase();
    const forms = [w];
    let piece = '';
    for (const ch of w) {
      if (PIECE_BREAKS.has(ch)) {
        if (piece && piece !== w) forms.push(piece);
        piece = '';
      } else piece += ch;
    }
    if (piece && piece !== w) forms.push(piece);
    out.push(forms);
  }
  return out;
}

/** A term word matches a word as written or with a plural or possessive ending: "container" finds "containers", "port's". */
const ENDINGS = ['', 's', 'es', "'s", '’s'];
const wordMatches = (form: string, w: string) => form.startsWith(w) && ENDINGS.includes(form.slice(w.length));

/** Whether the words of `term` appear one after another among `words` (tokenForms). */
function termIn(words: readonly string[][], term: string): boolean {
  const tw = termWords(term);
  if (!tw.length) return false;
  for (let i = 0; i + tw.length <= words.length; i++) {
    let j = 0;
    while (j < tw.length && words[i + j].some((f) => wordMatches(f, tw[j]))) j++;
    if (j === tw.length) return true;
  }
  return false;
}

/** A year as written (1800-2099): four digits. */
function isYear(form: string): boolean {
  if (form.length !== 4) return false;
  for (const ch of form) if (ch < '0' || ch > '9') return false;
  return form >= '1800' && form < '2100';
}

function sentenceForms(article: Article, index: number): string[][] {
  const s = article.sentences[index];
  return s ? tokenForms(article, s.firstToken, s.lastToken) : [];
}

/** The scale factor a claim's value has on top of its numeral as written (quantity.digits), and the rounding it allows (capped at 5%). */
function statedHalf(q: NonNullable<Claim['quantity']>, value: number): number {
  const raw = q.highDigits ?? q.digits;
  if (!raw) return 0;
  const digits = Number(raw.split(',').join(''));
  if (!digits) return 0;
  const scale = Math.abs(value / digits) >= 1 ? Math.round(value / digits) || 1 : value / digits;
  return roundingHalf(raw, value, scale, 0.05);
}

/** Qualifiers that make a stated figure approximate. */
const HEDGES = new Set(['about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'nearly', 'almost']);

/** The values a claim allows, in the fact's terms (fractions compared with percentages as 0-100). */
function claimRange(claim: Claim, factUnit: string): Range | undefined {
  const q = claim.quantity;
  if (!q) return undefined;
  const k = q.unit === 'fraction' && factUnit === 'percent' ? 100 : 1;
  const lo0 = q.value ?? q.low;
  const hi0 = q.value ?? q.high;
  if (lo0 === undefined || hi0 === undefined) return undefined;
  const half = statedHalf(q, q.value ?? q.high!);
  let lo = Math.min(lo0, hi0) - half;
  let hi = Math.max(lo0, hi0) + half;
  if (q.approximate || HEDGES.has((q.qualifier ?? '').toLowerCase())) {
    lo -= Math.abs(lo0) * 0.05;
    hi += Math.abs(hi0) * 0.05;
  }
  // "more than 400" states its bound exactly: 380 does not agree with it, whatever the rounding.
  if (q.bound === 'lower') [lo, hi] = [Math.min(lo0, hi0), Infinity];
  if (q.bound === 'upper') [lo, hi] = [-Infinity, Math.max(lo0, hi0)];
  return [lo * k, hi * k];
}

function factRange(fact: Fact): Range {
  const tol = fact.tolerance ?? DEFAULT_TOLERANCE;
  const lo = fact.value ?? fact.low!;
  const hi = fact.value ?? fact.high!;
  return [lo - Math.abs(lo) * tol, hi + Math.abs(hi) * tol];
}

function unitsAgree(claim: Claim, fact: Fact): boolean {
  const q = claim.quantity!;
  const cu = q.unit.toLowerCase();
  const fu = fact.unit.toLowerCase();
  if (isCurrencyCode(fact.unit)) return cu === 'currency' && (!q.currency || q.currency === fact.unit);
  if (fu === 'currency') return cu === 'currency' && (!q.currency || !fact.currency || q.currency === fact.currency);
  if (fu === 'percent') return cu === 'percent' || cu === 'fraction';
  if (SPECIAL.has(fu) || SPECIAL.has(cu)) return fu === cu;
  // Counts and unit words: the same word, or a count on either side ("containers" vs count).
  return fu === cu || fu === 'count' || cu === 'count' || fu === (claim.subject ?? '').toLowerCase();
}

/** The period holds in the claim's sentence, or, when the sentence names no year, in its paragraph (read from the parsed tokens). */
function periodHolds(article: Article, claim: Claim, period: string, sentence: readonly string[][]): boolean {
  if (termIn(sentence, period)) return true;
  if (sentence.some((forms) => forms.some(isYear))) return false;
  const s = article.sentences[claim.sentenceIndex];
  const block = s ? article.blocks[s.block] : undefined;
  if (!block) return false;
  const first = article.sentences[block.firstSentence];
  const last = article.sentences[block.lastSentence - 1];
  return !!first && !!last && termIn(tokenForms(article, first.firstToken, last.lastToken), period);
}

/** "£310 million", "1.2 million containers", "18%". */
export function describeValue(fact: Pick<Fact, 'value' | 'low' | 'high' | 'unit' | 'currency'>): string {
  const one = (v: number) => {
    const a = Math.abs(v);
    const [n, word] = a >= 1e12 ? [v / 1e12, ' trillion'] : a >= 1e9 ? [v / 1e9, ' billion'] : a >= 1e6 ? [v / 1e6, ' million'] : [v, ''];
    return `${Number(n.toFixed(3)).toLocaleString('en-US', { maximumFractionDigits: 3 })}${word}`;
  };
  const code = isCurrencyCode(fact.unit) ? fact.unit : fact.currency;
  const body = fact.value !== undefined ? one(fact.value) : `${one(fact.low!)}–${one(fact.high!)}`;
  if (fact.unit === 'currency' || code) return code && SYMBOL[code] ? `${SYMBOL[code]}${body}` : `${body}${code ? ` ${code}` : ''}`;
  if (fact.unit === 'percent') return `${body}%`;
  if (fact.unit === 'percentage-point') return `${body} percentage points`;
  if (fact.unit === 'count') return body;
  return `${body} ${fact.unit}`;
}

function distance(r: Range, f: Range): number {
  const mid = (f[0] + f[1]) / 2 || 1;
  if (r[1] < f[0]) return (f[0] - r[1]) / Math.abs(mid);
  if (r[0] > f[1]) return (r[0] - f[1]) / Math.abs(mid);
  return 0;
}

export interface FactMatch {
  claim: Claim;
  fact: Fact;
  file: string;
  verified: boolean;
}

/** Matches every numeric claim against the facts; per fact and sentence, the best claim only. */
export function matchFacts(article: Article, claims: readonly Claim[], facts: { path: string; facts: Fact[] }[]): FactMatch[] {
  const out: FactMatch[] = [];
  const numeric = claims.filter((c) => c.kind === 'numeric' && c.quantity);
  if (!numeric.length) return out;
  // Each sentence's words, from the parsed tokens, read once.
  const forms = new Map<number, string[][]>();
  const formsOf = (i: number) => {
    let f = forms.get(i);
    if (!f) forms.set(i, (f = sentenceForms(article, i)));
    return f;
  };
  for (const { path: file, facts: list } of facts) {
    for (const fact of list) {
      const bySentence = new Map<number, { claim: Claim; d: number }[]>();
      // Whether the fact's terms appear in a sentence, asked once per sentence (not per claim).
      const termsIn = new Map<number, boolean>();
      const periodIn = new Map<number, boolean>();
      for (const claim of numeric) {
        if (!unitsAgree(claim, fact)) continue;
        let hasTerms = termsIn.get(claim.sentenceIndex);
        if (hasTerms === undefined) {
          hasTerms = fact.terms.every((t) => termIn(formsOf(claim.sentenceIndex), t));
          termsIn.set(claim.sentenceIndex, hasTerms);
        }
        if (!hasTerms) continue;
        if (fact.period) {
          let holds = periodIn.get(claim.sentenceIndex);
          if (holds === undefined) periodIn.set(claim.sentenceIndex, (holds = periodHolds(article, claim, fact.period, formsOf(claim.sentenceIndex))));
          if (!holds) continue;
        }
        const r = claimRange(claim, fact.unit.toLowerCase());
        if (!r) continue;
        const list2 = bySentence.get(claim.sentenceIndex) ?? [];
        list2.push({ claim, d: distance(r, factRange(fact)) });
        bySentence.set(claim.sentenceIndex, list2);
      }
      for (const cands of bySentence.values()) {
        // The claim that agrees, or else the nearest one: "from 1 million to 1.2 million containers"
        // is about the later figure when the fact says 1.2 million.
        const best = cands.reduce((a, b) => (b.d < a.d ? b : a));
        out.push({ claim: best.claim, fact, file, verified: best.d === 0 });
      }
    }
  }
  return out;
}

export const facts: Rule = {
  meta: {
    id: 'verification/facts',
    category: 'verification',
    severity: 'error',
    stage: 'verify',
    description: 'A figure contradicts one of the newsroom’s reference facts (config `facts` or `--facts`).',
    docs: [
      'Reference facts are JSON or YAML files validated by `schemas/facts.schema.json`. Each fact says what it measures, the `terms` that identify it (all must appear in the sentence), an optional `period` (which must appear in the sentence, or in its paragraph when the sentence names no year), a `value` or `low`/`high`, a `unit` (`count`, `percent`, `currency` with `currency`, or a unit word), a relative `tolerance` (default 0.5%), a `source` and a `url`.',
      '',
      'A numeric claim that matches a fact becomes `verified` when it agrees (allowing the fact’s tolerance, the rounding of the stated figure and its hedge) and `contradicted` otherwise; a contradicted claim is always an error item whose evidence is the fact and its source. Claims that match no fact stay `unverified`.',
      '',
      '```json',
      '{ "facts": [ { "id": "port-containers-2024", "measure": "Containers handled by the port of Eastmere", "terms": ["containers", "port"], "period": "2024", "value": 1200000, "unit": "count", "source": "Eastmere Port Authority annual report 2024" } ] }',
      '```',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      contradicted: 'The figure “{{claim}}” contradicts the reference fact “{{measure}}”{{period}}: {{stated}} according to {{source}}. Correct the figure, or the facts file if it is out of date.',
    },
  },
  check(ctx) {
    if (!ctx.config.facts.length) return;
    for (const m of matchFacts(ctx.article, ctx.claims, ctx.config.facts)) {
      const { claim, fact } = m;
      const stated = describeValue(fact);
      const where = fact.period ? ` (${fact.period})` : '';
      const ev: Evidence = {
        kind: 'fact',
        message: `${fact.measure}${where}: ${stated} according to ${fact.source} [fact ${fact.id} in ${path.basename(m.file)}]`,
        expected: stated,
        actual: claim.text,
        source: fact.source,
      };
      if (fact.url) ev.url = fact.url;
      ctx.judge({ claimId: claim.id, evidence: ev, verdict: m.verified ? 'verified' : 'contradicted' });
      if (m.verified) continue;
      ctx.report({
        start: claim.offset,
        end: claim.endOffset,
        claimId: claim.id,
        severity: 'error',
        messageId: 'contradicted',
        data: { claim: claim.text, measure: fact.measure, period: where, stated, source: fact.source },
        expected: stated,
        actual: claim.text,
        evidence: [ev],
      });
    }
  },
};
