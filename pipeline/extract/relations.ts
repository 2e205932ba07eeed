// Relations between the figures of one sentence, read from its text once, after the figures are found
// (extract/index.ts), and recorded on the claims (claim.schema.json: `relations`, `context`), so the
// verify stage computes from claims alone and never re-reads the prose:
//   change  "rose from 80,000 to 96,000, a 25% jump": on the 25% claim, base 80,000, result 96,000
//           (also a multiple: "doubled from 40 to 80", on the "doubled" claim);
//   part    "90 of the 450", "Of the 200 members, 250 voted": on the part's claim;
//   share   "90 of the 450 respondents, or 20%": on the share's claim, with its part and whole; its
//           `clauses` is 'split' when the whole is set in an earlier clause and the part refers back to it
//           ("The trust runs 300 schools, and 45 of them closed, about 15%");
//   range   "between 30 and 50", "8-5%": on the low end's claim.
// And per numeric claim its context: the cue words around it (a change, a comparison, another time, a
// target or forecast, a rate, a part, a bound, a record), the time words of its sentence, and whether a
// percentage is stated as a share of a whole group ("130% of voters"). Word lists: lexicon/relations.json.
import type { Article, Claim, FigureContext, FigureRef, Relation } from '../core/types.js';
import { loadLexicon } from '../lexicon/load.js';
import { wordsOf } from '../lexicon/word-classes.js';
import { figuresOf, interval, relationClaims, type Figure } from './figures.js';
import { collapseWhitespace } from '../util/text.js';

type Cue = NonNullable<FigureContext['cues']>[number];

interface RelationsLexicon {
  changeNouns: string[];
  changeVerbs: string[];
  changeNounsOf: string[];
  changeFrom: string[];
  hedges: string[];
  ofDeterminers: string[];
  sameGroup: string[];
  wholeNouns: string[];
  wholeDeterminers: string[];
  splitWholeOf: string[];
  contextCues: Partial<Record<Cue, string[]>>;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alt = (ws: readonly string[]) => ws.map(escape).join('|');

interface Patterns {
  changeWords: RegExp;
  byBefore: RegExp;
  changeFrom: RegExp;
  sameGroup: RegExp;
  ofWholeBefore: RegExp;
  partOfWhole: RegExp;
  wholeNouns: RegExp;
  splitOf: RegExp;
  cues: [Cue, RegExp][];
  timeWord: RegExp;
}

let patterns: Patterns | undefined;

/** The patterns, built once from the word lists. */
function pats(): Patterns {
  if (patterns) return patterns;
  const L = loadLexicon<RelationsLexicon>('relations');
  patterns = {
    changeWords: new RegExp(`^\\W{0,3}(?:\\w+\\W+){0,2}?(?:${alt(L.changeNouns)})\\b`, 'i'),
    byBefore: new RegExp(`\\b(?:${alt(L.changeVerbs)}|(?:${alt(L.changeNounsOf)})s?\\s+of)\\s+(?:a\\s+|an\\s+)?(?:(?:${alt(L.hedges)})\\s+)?$`, 'i'),
    changeFrom: new RegExp(`\\b(?:${alt(L.changeFrom)})?\\s*from\\s+(?:a\\s+|an\\s+)?$`, 'i'),
    sameGroup: new RegExp(`^\\s+of\\s+(?:the\\s+|those\\s+|all\\s+)?(?:${alt(L.sameGroup)})\\b`, 'i'),
    ofWholeBefore: new RegExp(`(?:^|[^\\w])of\\s+(?:(?:${alt(L.ofDeterminers)})\\s+)?$`, 'i'),
    partOfWhole: new RegExp(`^\\s+(?:out\\s+)?of\\s+(?:(?:${alt(L.ofDeterminers)})\\s+)?$`, 'i'),
    wholeNouns: new RegExp(`^\\s+of\\s+(?:(?:${alt(L.wholeDeterminers)})\\s+)?(?:${alt(L.wholeNouns)})\\b`, 'i'),
    splitOf: new RegExp(`^\\s+(?:out\\s+)?of\\s+(?:${alt(L.splitWholeOf)})\\b`, 'i'),
    cues: (Object.entries(L.contextCues) as [Cue, string[]][]).map(([cue, words]) => [cue, new RegExp(`\\b(?:${alt(words)})\\b`, 'i')]),
    // Words that place a figure in time: a year, a month, a weekday, or a time phrase (lexicon/word-classes.json).
    timeWord: new RegExp(`\\b(?:(?:19|20)\\d\\d|${['month', 'weekday', 'time-phrase'].flatMap((c) => [...wordsOf(c)]).map(escape).join('|')})\\b`, 'gi'),
  };
  return patterns;
}

// Cheap pre-filter: only sentences with a digit and a cue for a computation are read for relations.
const CUE = /%|per ?cent|percent|doubl|tripl|quadrupl|halv|-fold|\btimes\b|\bof\b|\bbetween\b|[-–]\s?\d/i;
const OF_AFTER = /^\s+of\b/i;
// A clause boundary between a whole and a part that refers back to it.
const CLAUSE_BREAK = /[,;:–—]|\s(?:and|but|while|whereas)\s/i;

/** One sentence's figures, each with the claim it belongs to and a reference to it. */
interface Fig extends Figure {
  claim: Claim;
  ref: FigureRef;
}

function add(c: Claim, r: Relation): void {
  (c.relations ??= []).push(r);
}

/** Two figures that can be compared (same unit and currency; no years, no percentage points). */
function comparable(a: Figure, b: Figure): boolean {
  if (a.yearLike || b.yearLike || a.points || b.points) return false;
  return a.unit === b.unit && (a.currency ?? '') === (b.currency ?? '');
}

/** "from X to Y", "to Y from X", "Y ..., up from X": the ends of a change, in order [from, to]. */
function changePairs(prose: string, figs: Fig[], sStart: number): [Fig, Fig][] {
  const P = pats();
  const pairs: [Fig, Fig][] = [];
  const used = new Set<Fig>();
  for (let i = 0; i < figs.length; i++) {
    const x = figs[i];
    const before = prose.slice(Math.max(sStart, x.hedgeStart - 40), x.hedgeStart);
    if (!/\bfrom\s+(?:a\s+|an\s+)?$/i.test(before)) continue;
    // from X to Y
    const y = figs[i + 1];
    if (y && !used.has(y) && comparable(x, y) && /^\s*(?:\S+\s+){0,4}?to\s+$/i.test(prose.slice(x.end, y.hedgeStart)) && !/[.;]/.test(prose.slice(x.end, y.hedgeStart))) {
      pairs.push([x, y]);
      used.add(x).add(y);
      continue;
    }
    // ... to Y from X  /  Y ..., up from X
    for (let j = i - 1; j >= 0; j--) {
      const w = figs[j];
      if (used.has(w) || !comparable(w, x)) continue;
      const between = prose.slice(w.end, x.hedgeStart).replace(/\([^)]*\)/g, ' ');
      if (between.length > 120 || /[;]|\bthan\b/.test(between)) break;
      if (P.changeFrom.test(between)) {
        pairs.push([x, w]);
        used.add(x).add(w);
      }
      break;
    }
  }
  return pairs;
}

function relateChanges(prose: string, claims: readonly Claim[], figs: Fig[], sStart: number, sEnd: number, taken: Set<Fig>): void {
  const P = pats();
  const pairs = changePairs(prose, figs, sStart);
  pairs.forEach(([x, y], k) => {
    taken.add(x).add(y);
    const lo = Math.min(x.hedgeStart, y.hedgeStart);
    const hi = Math.max(x.end, y.end);
    const nextLo = k + 1 < pairs.length ? Math.min(pairs[k + 1][0].hedgeStart, pairs[k + 1][1].hedgeStart) : sEnd;
    const prevHi = k > 0 ? Math.max(pairs[k - 1][0].end, pairs[k - 1][1].end) : sStart;
    // A change from nothing (or less) has no percentage and no multiple.
    if (interval(x)[0] <= 0) return;
    const relation: Relation = { type: 'change', base: x.ref, result: y.ref };
    // The stated percentage: the first after the pair (before the next pair), else the nearest before it.
    const byBefore = (f: Fig) => P.byBefore.test(prose.slice(Math.max(sStart, f.hedgeStart - 20), f.hedgeStart));
    const isChangePct = (f: Fig) => (f.percent || f.points) && !taken.has(f) && (P.changeWords.test(prose.slice(f.end, f.end + 30)) || byBefore(f)) && !(OF_AFTER.test(prose.slice(f.end, f.end + 6)) && !byBefore(f));
    const after = figs.filter((f) => f.start >= hi && f.end <= nextLo && isChangePct(f));
    const before = figs.filter((f) => f.end <= lo && f.start >= prevHi && isChangePct(f));
    const p = after[0] ?? before[before.length - 1];
    if (p) {
      taken.add(p);
      // Percentage points stated for ends that are not both percentages: no computation, no multiple.
      if (p.points && !(x.percent && y.percent)) return;
      add(p.claim, relation);
    }
    // A multiple stated with both ends: "doubled", "tripling", "a three-fold rise".
    const windowStart = Math.max(prevHi, lo - 60);
    const windowEnd = Math.min(nextLo, hi + 60);
    for (const c of relationClaims(claims, 'ratio', windowStart, windowEnd)) add(c, { ...relation });
  });
}

/** A share figure: a percentage (its figure) or a fraction (its claim). */
interface ShareFig {
  start: number;
  end: number;
  claim: Claim;
}

function sharesIn(prose: string, claims: readonly Claim[], from: number, to: number, figs: Fig[], taken: Set<Fig>): ShareFig[] {
  const P = pats();
  const shares: ShareFig[] = [];
  for (const f of figs) {
    if (f.start < from || f.end > to || !f.percent || f.points || taken.has(f)) continue;
    if (P.changeWords.test(prose.slice(f.end, f.end + 30)) && !OF_AFTER.test(prose.slice(f.end, f.end + 6))) continue;
    if (P.byBefore.test(prose.slice(Math.max(from, f.hedgeStart - 25), f.hedgeStart))) continue;
    shares.push({ start: f.hedgeStart, end: f.end, claim: f.claim });
  }
  for (const c of relationClaims(claims, 'fraction', from, to)) shares.push({ start: c.offset, end: c.endOffset, claim: c });
  return shares.sort((a, b) => a.start - b.start);
}

/** The share after `after` that refers to a part and whole ending there, if any. */
function shareAfter(prose: string, claims: readonly Claim[], figs: Fig[], after: number, sEnd: number, taken: Set<Fig>): ShareFig | undefined {
  const share = sharesIn(prose, claims, after, sEnd, figs, taken).find((s) => s.start >= after);
  if (!share || figs.some((g) => g.start >= after && g.end <= share.start && !taken.has(g))) return undefined;
  // Not followed by "of" + another whole ("a quarter of the company's dancers"), unless it names the same group.
  const rest = prose.slice(share.end, share.end + 40);
  if (OF_AFTER.test(rest) && !pats().sameGroup.test(rest)) return undefined;
  return share;
}

function relateShares(prose: string, claims: readonly Claim[], figs: Fig[], sStart: number, sEnd: number, taken: Set<Fig>): void {
  const P = pats();
  for (let i = 0; i < figs.length; i++) {
    const f = figs[i];
    if (taken.has(f) || f.percent || f.points || f.yearLike) continue;
    let part: Fig | undefined;
    let whole: Fig | undefined;
    // "Of the 450 people surveyed, 90 said ..."
    if (P.ofWholeBefore.test(prose.slice(sStart, f.hedgeStart)) && /^\W*(?:and\s+|but\s+)?of\s/i.test(prose.slice(sStart, f.hedgeStart).trimStart())) {
      const next = figs.slice(i + 1).find((g) => !g.percent && !g.yearLike && !taken.has(g));
      if (!next || !/,/.test(prose.slice(f.end, next.hedgeStart))) continue;
      whole = f;
      part = next;
    } else {
      // "90 of the 450", "seven out of 12"
      const next = figs[i + 1];
      if (!next || next.percent || next.yearLike || taken.has(next) || !P.partOfWhole.test(prose.slice(f.end, next.hedgeStart))) continue;
      part = f;
      whole = next;
    }
    if ((part.currency ?? '') !== (whole.currency ?? '') && part.currency && whole.currency) continue;
    taken.add(part).add(whole);
    add(part.claim, { type: 'part', part: part.ref, whole: whole.ref });
    const after = Math.max(part.end, whole.end);
    const share = shareAfter(prose, claims, figs, after, sEnd, taken);
    if (share) add(share.claim, { type: 'share', part: part.ref, whole: whole.ref, clauses: 'same' });
  }
}

/**
 * A whole in one clause and a part in a later one that refers back to it, with a share: "The trust runs
 * 300 schools, and 45 of them closed early, about 15%"; "The district has 300 schools; 45 closed early,
 * about 15% of them". The whole is the nearest earlier count of the same unit, across a clause break.
 */
function relateSplitShares(prose: string, claims: readonly Claim[], figs: Fig[], sEnd: number, taken: Set<Fig>): void {
  const P = pats();
  const plain = (g: Fig) => !g.percent && !g.points && !g.yearLike && !taken.has(g) && g.unit === 'count';
  for (let i = 1; i < figs.length; i++) {
    const part = figs[i];
    if (!plain(part)) continue;
    const whole = figs[i - 1];
    if (!plain(whole) || whole.claim === part.claim || (whole.currency ?? '') !== (part.currency ?? '')) continue;
    if (!CLAUSE_BREAK.test(prose.slice(whole.end, part.hedgeStart))) continue;
    const refersBack = P.splitOf.test(prose.slice(part.end, part.end + 20));
    const share = shareAfter(prose, claims, figs, part.end, sEnd, taken);
    if (!share) continue;
    // Without "45 of them", the share itself must refer back: "about 15% of them".
    if (!refersBack && !P.splitOf.test(prose.slice(share.end, share.end + 20))) continue;
    taken.add(part).add(whole);
    add(share.claim, { type: 'share', part: part.ref, whole: whole.ref, clauses: 'split' });
  }
}

/** A percentage stated as a share of a whole group: "130% of voters". */
function relateWholes(prose: string, figs: Fig[], context: (c: Claim) => FigureContext): void {
  const P = pats();
  for (const f of figs) {
    if (!f.percent) continue;
    const m = P.wholeNouns.exec(prose.slice(f.end, f.end + 40));
    if (!m) continue;
    const endOffset = f.end + m[0].length;
    context(f.claim).ofWhole = { offset: f.hedgeStart, endOffset, text: collapseWhitespace(prose.slice(f.hedgeStart, endOffset)) };
  }
}

function relateRanges(prose: string, figs: Fig[], sStart: number): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i];
    const b = figs[i + 1];
    const gap = prose.slice(a.end, b.hedgeStart);
    const isBetween = /\bbetween\s+$/i.test(prose.slice(Math.max(sStart, a.hedgeStart - 12), a.hedgeStart)) && /^\s+and\s+$/i.test(gap);
    // "30-40%", "5–8 million": a joined dash, and a unit on the high end.
    const isDash = /^(?:-|\s?–\s?)$/.test(gap) && (b.percent || b.scaled || !!b.currency);
    if (!isBetween && !isDash) continue;
    if (a.yearLike || b.yearLike || a.points || b.points) continue;
    // Clock times and codes ("between 2200 and 0700").
    if (/^0\d/.test(a.digits ?? '') || /^0\d/.test(b.digits ?? '')) continue;
    if (a.percent !== b.percent && a.percent) continue;
    if (a.currency && a.currency !== b.currency) continue;
    add(a.claim, { type: 'range', low: a.ref, high: b.ref });
  }
}

/** The figures of the numeric and year claims inside [start, end), in text order, with their claims. */
function sentenceFigs(claims: readonly Claim[], start: number, end: number): Fig[] {
  const out: Fig[] = [];
  for (const c of claims) {
    if ((c.kind !== 'numeric' && c.kind !== 'date') || c.offset < start || c.endOffset > end) continue;
    const fs = figuresOf(c);
    fs.forEach((f, i) => out.push({ ...f, claim: c, ref: fs.length === 2 ? { claim: c.id, end: i ? 'high' : 'low' } : { claim: c.id } }));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** How far either side of a claim the context cues are looked for: enough for four or five words. */
const AROUND_CHARS = 120;

/** Text within a few words either side of the claim, inside its sentence. */
function around(text: string, c: Claim): string {
  const lo = Math.max(c.sentenceOffset, c.offset - AROUND_CHARS);
  const hi = Math.min(c.sentenceEndOffset, c.endOffset + AROUND_CHARS);
  const before = text.slice(lo, c.offset).split(/\s+/).slice(-4).join(' ');
  const after = text.slice(c.endOffset, hi).split(/\s+/).slice(0, 5).join(' ');
  return `${before} ${after}`;
}

/**
 * Records the relations between the figures of each sentence and each numeric claim's context on the
 * claims (replacing what they held). Called by extractClaims after the figures are found; exported for
 * tests that make claims by hand.
 */
export function relateClaims(article: Pick<Article, 'text' | 'prose' | 'sentences'>, claims: Claim[]): void {
  const bySentence = new Map<number, Claim[]>();
  for (const c of claims) {
    delete c.relations;
    delete c.context;
    if (c.kind !== 'numeric' && c.kind !== 'date') continue;
    const list = bySentence.get(c.sentenceIndex);
    if (list) list.push(c);
    else bySentence.set(c.sentenceIndex, [c]);
  }
  const P = pats();
  const prose = article.prose;
  for (const [si, own] of bySentence) {
    const s = article.sentences[si];
    const contexts = new Map<Claim, FigureContext>();
    const context = (c: Claim) => {
      let x = contexts.get(c);
      if (!x) contexts.set(c, (x = {}));
      return x;
    };
    // Context: the cue words around each figure; the sentence's time words, once per sentence, on its
    // first figure (a sentence of thousands of figures and dates costs output linear in its length).
    let first = true;
    for (const c of own) {
      if (c.kind !== 'numeric') continue;
      const near = around(article.text, c);
      const cues = P.cues.filter(([, re]) => re.test(near)).map(([cue]) => cue);
      if (cues.length) context(c).cues = cues;
      if (first) {
        first = false;
        const sentence = s ? article.text.slice(s.start, s.end) : '';
        const times = [...new Set([...sentence.matchAll(P.timeWord)].map((m) => m[0].toLowerCase()))];
        if (times.length) context(c).times = times;
      }
    }
    if (s) {
      const text = prose.slice(s.start, s.end);
      if (/\d/.test(text) && CUE.test(text)) {
        const figs = sentenceFigs(own, s.start, s.end);
        const taken = new Set<Fig>();
        relateChanges(prose, own, figs, s.start, s.end, taken);
        relateShares(prose, own, figs, s.start, s.end, taken);
        relateSplitShares(prose, own, figs, s.end, taken);
        relateWholes(prose, figs, context);
        relateRanges(prose, figs, s.start);
      }
    }
    for (const [c, x] of contexts) c.context = x;
  }
}
