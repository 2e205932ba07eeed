// verification/arithmetic: figures in one sentence that do not add up. A change stated with both
// ends and a percentage (or a multiple: "doubled"), a part and a whole stated with a share, a range
// whose low end exceeds its high end, and a share of a whole above 100%. The tolerance comes from
// how precisely each figure is stated (rounding) and from hedges ("about", "nearly", "more than"),
// so a correct statement is never flagged. The figures are the extract stage's numeric (and year)
// claims (numbers.ts figuresOf), and so are the multiples ("doubling", "three times": unit 'ratio')
// and fractions ("a third", "one in five": unit 'fraction'); the sentence's prose is read only for the
// words that relate them ("from … to", "of the … surveyed", "a … rise").
import type { Article, Claim, Evidence, MessageData, Rule, RuleContext } from '../core/types.js';
import { fmt, hedgeOf, interval, relationClaims, sentenceFigures, type Figure, type Hedge } from './numbers.js';
import { NO_OPTIONS } from '../core/rule-options.js';

type Range = [number, number];

// Cheap pre-filter: only sentences with a digit and a cue for a computation are read.
const CUE = /%|per ?cent|percent|doubl|tripl|quadrupl|halv|-fold|\btimes\b|\bof\b|\bbetween\b|[-–]\s?\d/i;
const CHANGE_WORDS = /^\W{0,3}(?:\w+\W+){0,2}?(?:increase|rise|jump|gain|growth|climb|surge|leap|hike|boost|drop|fall|decline|decrease|cut|reduction|loss|slump|dip|plunge|down|up)\b/i;
const BY_BEFORE = /\b(?:by|up|down|rose|fell|grew|increased|decreased|dropped|jumped|climbed|declined|(?:increase|rise|jump|gain|growth|drop|fall|decline|decrease|cut|reduction|loss)s?\s+of)\s+(?:a\s+|an\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+|over\s+|less\s+than\s+)?$/i;
const OF_AFTER = /^\s+of\b/i;

/** The interval of values a stated percentage or share allows. */
function allowed(value: number, half: number, hedge: Hedge | undefined, slack: number, fraction = false): Range {
  const a = Math.abs(value);
  if (fraction) {
    switch (hedge) {
      case 'approx': return [value - 6, value + 6];
      case 'nearly': return [value - 8, value + 1];
      case 'over': return [value - 1, Infinity];
      case 'under': return [-Infinity, value + 1];
      default: return [value - 3.5, value + 3.5];
    }
  }
  const tol = half + slack * a;
  switch (hedge) {
    case 'approx': return [value - half - Math.max(0.1 * a, 1), value + half + Math.max(0.1 * a, 1)];
    case 'nearly': return [value - half - Math.max(0.15 * a, 1.5), value + tol];
    case 'over': return [value - tol, Infinity];
    case 'under': return [-Infinity, value + tol];
    default: return [value - tol, value + tol];
  }
}

const meets = (a: Range, b: Range) => a[0] <= b[1] + 1e-9 && b[0] <= a[1] + 1e-9;
const pct = (n: number) => `${fmt(n)}%`;

/** The claim (numeric first) whose span covers [start, end). */
function claimFor(claims: readonly Claim[], start: number, end: number): Claim | undefined {
  const hits = claims.filter((c) => c.offset < end && start < c.endOffset);
  return hits.find((c) => c.kind === 'numeric') ?? hits[0];
}

interface Finding {
  start: number;
  end: number;
  /** One of arithmetic's meta.messages, and its data. */
  messageId: string;
  data: MessageData;
  evidence: Evidence;
  /** False when the finding checks out (evidence only). */
  wrong: boolean;
}

function evidence(message: string, expected: string, actual: string): Evidence {
  return { kind: 'computed', message, expected, actual };
}

/** Two figures that can be compared (same unit and currency; no years, no percentage points). */
function comparable(a: Figure, b: Figure): boolean {
  if (a.yearLike || b.yearLike || a.points || b.points) return false;
  return a.unit === b.unit && (a.currency ?? '') === (b.currency ?? '');
}

/** "from X to Y", "to Y from X", "Y ..., up from X": the ends of a change, in order [from, to]. */
function changePairs(prose: string, figs: Figure[], sStart: number): [Figure, Figure][] {
  const pairs: [Figure, Figure][] = [];
  const used = new Set<Figure>();
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
      if (/\b(?:up|down|rising|falling|rose|fell|increased|decreased|climbing|dropping)?\s*from\s+(?:a\s+|an\s+)?$/i.test(between)) {
        pairs.push([x, w]);
        used.add(x).add(w);
      }
      break;
    }
  }
  return pairs;
}

function endsRange(f: Figure): Range {
  return interval(f, 0.05);
}

function checkChanges(prose: string, claims: readonly Claim[], figs: Figure[], sStart: number, sEnd: number, taken: Set<Figure>, out: Finding[]): void {
  const pairs = changePairs(prose, figs, sStart);
  pairs.forEach(([x, y], k) => {
    taken.add(x).add(y);
    const lo = Math.min(x.hedgeStart, y.hedgeStart);
    const hi = Math.max(x.end, y.end);
    const nextLo = k + 1 < pairs.length ? Math.min(pairs[k + 1][0].hedgeStart, pairs[k + 1][1].hedgeStart) : sEnd;
    const prevHi = k > 0 ? Math.max(pairs[k - 1][0].end, pairs[k - 1][1].end) : sStart;
    const [x1, x2] = endsRange(x);
    const [y1, y2] = endsRange(y);
    if (x1 <= 0) return;
    const desc = `from ${x.text} to ${y.text}`;
    // The stated percentage: the first after the pair (before the next pair), else the nearest before it.
    const isChangePct = (f: Figure) => (f.percent || f.points) && !taken.has(f) && (CHANGE_WORDS.test(prose.slice(f.end, f.end + 30)) || BY_BEFORE.test(prose.slice(Math.max(sStart, f.hedgeStart - 20), f.hedgeStart))) && !(OF_AFTER.test(prose.slice(f.end, f.end + 6)) && !BY_BEFORE.test(prose.slice(Math.max(sStart, f.hedgeStart - 20), f.hedgeStart)));
    const after = figs.filter((f) => f.start >= hi && f.end <= nextLo && isChangePct(f));
    const before = figs.filter((f) => f.end <= lo && f.start >= prevHi && isChangePct(f));
    const p = after[0] ?? before[before.length - 1];
    if (p) {
      taken.add(p);
      const ratio: Range = [y1 / x2, y2 / x1];
      const rel: Range = [Math.abs(ratio[0] - 1) * 100, Math.abs(ratio[1] - 1) * 100].sort((a, b) => a - b) as Range;
      if (ratio[0] < 1 && ratio[1] > 1) rel[0] = 0;
      const diff: Range = [Math.abs(y1 - x2), Math.abs(y2 - x1)].sort((a, b) => a - b) as Range;
      if (y1 - x2 < 0 && y2 - x1 > 0) diff[0] = 0;
      const ok = allowed(p.value, p.half, p.hedge, 0.02);
      const relPoint = Math.abs(y.value / x.value - 1) * 100;
      const direction = y.value >= x.value ? 'an increase' : 'a fall';
      let good: boolean;
      let computed: string;
      let calc: string;
      if (x.percent && y.percent && p.points) {
        good = meets(diff, ok);
        const d = Math.abs(y.value - x.value);
        computed = `${fmt(d)} percentage point${d === 1 ? '' : 's'}`;
        calc = `${y.text} − ${x.text} = ${fmt(y.value - x.value)} point${d === 1 ? '' : 's'}`;
      } else if (p.points) {
        return;
      } else {
        good = meets(rel, ok) || (x.percent && y.percent && meets(diff, ok));
        computed = pct(relPoint);
        calc = `(${y.text} − ${x.text}) ÷ ${x.text} = ${y.value >= x.value ? '+' : '−'}${pct(relPoint)}`;
      }
      const stated = p.points ? `${fmt(p.value)} percentage point${p.value === 1 ? '' : 's'}` : pct(p.value);
      out.push({
        start: p.hedgeStart,
        end: p.end,
        wrong: !good,
        messageId: 'percentChange',
        data: { desc, direction, computed, stated: `${p.hedge ? prose.slice(p.hedgeStart, p.start) : ''}${stated}` },
        evidence: evidence(`${desc}: ${calc}; stated ${prose.slice(p.hedgeStart, p.end)}`, computed, stated),
      });
    }
    // A multiple stated with both ends: "doubled", "tripling", "a three-fold rise".
    const windowStart = Math.max(prevHi, lo - 60);
    const windowEnd = Math.min(nextLo, hi + 60);
    for (const c of relationClaims(claims, 'ratio', windowStart, windowEnd)) {
      const mult = c.quantity!.value!;
      if (!(mult > 0)) continue;
      const hedge = hedgeOf(c.quantity!);
      const r: Range = [y1 / x2, y2 / x1];
      let ok: Range;
      const growing = mult >= 1;
      switch (hedge) {
        case 'nearly': ok = growing ? [mult * 0.8, mult * 1.02] : [mult * 0.98, mult * 1.25]; break;
        case 'over': ok = growing ? [mult * 0.98, Infinity] : [0, mult * 1.02]; break;
        case 'under': ok = growing ? [0, mult * 1.02] : [mult * 0.98, 1]; break;
        case 'approx': ok = [mult * 0.88, mult * 1.12]; break;
        default: ok = [mult * 0.93, mult * 1.07];
      }
      const actual = y.value / x.value;
      const word = c.text;
      out.push({
        start: c.offset,
        end: c.endOffset,
        wrong: !meets(r, ok),
        messageId: 'multiple',
        data: { word, desc, actual: actual >= 1 ? `${fmt(actual)} times the earlier figure` : `${fmt(actual * 100)}% of the earlier figure`, stated: mult >= 1 ? `${fmt(mult)} times` : `${fmt(mult * 100)}%` },
        evidence: evidence(`${desc}: ${y.text} ÷ ${x.text} = ${fmt(actual)}; “${word}” means ×${fmt(mult)}`, `×${fmt(actual)}`, `×${fmt(mult)}`),
      });
    }
  });
}

const SAME_GROUP = /^\s+of\s+(?:the\s+|those\s+|all\s+)?(?:sample|them|those|total|whole|group|respondents|people\s+(?:surveyed|polled|asked|questioned)|(?:surveyed|polled|asked|questioned))\b/i;
const OF_WHOLE_BEFORE = /(?:^|[^\w])of\s+(?:the\s+|its\s+|their\s+|all\s+|those\s+|these\s+)?$/i;
const PART_OF_WHOLE = /^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+|those\s+|these\s+)?$/i;

interface Share {
  start: number;
  end: number;
  value: number;
  half: number;
  hedge?: Hedge;
  fraction: boolean;
  text: string;
}

function sharesIn(prose: string, claims: readonly Claim[], from: number, to: number, figs: Figure[], taken: Set<Figure>): Share[] {
  const shares: Share[] = [];
  for (const f of figs) {
    if (f.start < from || f.end > to || !f.percent || f.points || taken.has(f)) continue;
    if (CHANGE_WORDS.test(prose.slice(f.end, f.end + 30)) && !OF_AFTER.test(prose.slice(f.end, f.end + 6))) continue;
    if (BY_BEFORE.test(prose.slice(Math.max(from, f.hedgeStart - 25), f.hedgeStart))) continue;
    shares.push({ start: f.hedgeStart, end: f.end, value: f.value, half: f.half, hedge: f.hedge, fraction: false, text: prose.slice(f.hedgeStart, f.end) });
  }
  for (const c of relationClaims(claims, 'fraction', from, to)) {
    const q = c.quantity!;
    shares.push({ start: c.offset, end: c.endOffset, value: q.value! * 100, half: 0, hedge: hedgeOf(q), fraction: true, text: c.text });
  }
  return shares.sort((a, b) => a.start - b.start);
}

function checkShares(prose: string, claims: readonly Claim[], figs: Figure[], sStart: number, sEnd: number, taken: Set<Figure>, out: Finding[]): void {
  for (let i = 0; i < figs.length; i++) {
    const f = figs[i];
    if (taken.has(f) || f.percent || f.points || f.yearLike) continue;
    let part: Figure | undefined;
    let whole: Figure | undefined;
    let after: number;
    // "Of the 450 people surveyed, 90 said ..."
    if (OF_WHOLE_BEFORE.test(prose.slice(sStart, f.hedgeStart)) && /^\W*(?:and\s+|but\s+)?of\s/i.test(prose.slice(sStart, f.hedgeStart).trimStart())) {
      const next = figs.slice(i + 1).find((g) => !g.percent && !g.yearLike && !taken.has(g));
      if (!next || !/,/.test(prose.slice(f.end, next.hedgeStart))) continue;
      whole = f;
      part = next;
      after = next.end;
    } else {
      // "90 of the 450", "seven out of 12"
      const next = figs[i + 1];
      if (!next || next.percent || next.yearLike || taken.has(next) || !PART_OF_WHOLE.test(prose.slice(f.end, next.hedgeStart))) continue;
      part = f;
      whole = next;
      after = next.end;
    }
    if ((part.currency ?? '') !== (whole.currency ?? '') && part.currency && whole.currency) continue;
    taken.add(part).add(whole);
    const [p1, p2] = endsRange(part);
    const [w1, w2] = endsRange(whole);
    if (w2 <= 0) continue;
    const desc = `${part.text} of ${whole.text}`;
    if (p1 > w2) {
      out.push({
        start: Math.min(part.hedgeStart, whole.hedgeStart),
        end: Math.max(part.end, whole.end),
        wrong: true,
        messageId: 'partOverWhole',
        data: { part: part.text, whole: whole.text },
        evidence: evidence(`part ${fmt(part.value)} > whole ${fmt(whole.value)}`, `at most ${fmt(whole.value)}`, fmt(part.value)),
      });
      continue;
    }
    // The share that refers to this whole: the next figure after it, not followed by "of" + another
    // whole ("a quarter of the company's dancers"), or followed by "of" + a word for the same group.
    const share = sharesIn(prose, claims, after, sEnd, figs, taken).find((s) => s.start >= after);
    if (!share || figs.some((g) => g.start >= after && g.end <= share.start && !taken.has(g))) continue;
    const rest = prose.slice(share.end, share.end + 40);
    if (OF_AFTER.test(rest) && !SAME_GROUP.test(rest)) continue;
    // Stop at the next part/whole statement: a share beyond it belongs to that one.
    const actual: Range = [(p1 / w2) * 100, (p2 / w1) * 100];
    const point = (part.value / whole.value) * 100;
    const ok = allowed(share.value, share.half, share.hedge, 0.02, share.fraction);
    out.push({
      start: share.start,
      end: share.end,
      wrong: !meets(actual, ok),
      messageId: 'share',
      data: { desc, computed: pct(point), stated: share.text.trim() },
      evidence: evidence(`${part.text} ÷ ${whole.text} = ${pct(point)}; stated ${share.text.trim()}`, pct(point), share.text.trim()),
    });
  }
}

const WHOLE_NOUNS = /^\s+of\s+(?:all\s+|the\s+|its\s+|their\s+|those\s+|these\s+|our\s+)?(?:people|population|residents|voters|respondents|those|users|households|adults|children|pupils|students|members|workers|employees|staff|customers|patients|participants|businesses|companies|firms|homes|families|women|men|them|us|all|everyone|the\s+sample|the\s+vote|votes|seats)\b/i;

function checkOverHundred(prose: string, figs: Figure[], out: Finding[]): void {
  for (const f of figs) {
    if (!f.percent || f.value <= 100) continue;
    const rest = prose.slice(f.end, f.end + 40);
    const m = WHOLE_NOUNS.exec(rest);
    if (!m) continue;
    const span = prose.slice(f.hedgeStart, f.end + m[0].length).replace(/\s+/g, ' ');
    out.push({
      start: f.hedgeStart,
      end: f.end + m[0].length,
      wrong: true,
      messageId: 'over100',
      data: { span, tenth: fmt(f.value / 10) },
      evidence: evidence(`${fmt(f.value)}% of a whole is more than all of it`, 'at most 100%', pct(f.value)),
    });
  }
}

const RANGE_BETWEEN = /\bbetween\s+$/i;

function checkRanges(prose: string, figs: Figure[], sStart: number, out: Finding[]): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i];
    const b = figs[i + 1];
    const gap = prose.slice(a.end, b.hedgeStart);
    const isBetween = RANGE_BETWEEN.test(prose.slice(Math.max(sStart, a.hedgeStart - 12), a.hedgeStart)) && /^\s+and\s+$/i.test(gap);
    // "30-40%", "5–8 million": a joined dash, and a unit on the high end.
    const isDash = /^(?:-|\s?–\s?)$/.test(gap) && (b.percent || b.scaled || !!b.currency);
    if (!isBetween && !isDash) continue;
    if (a.yearLike || b.yearLike || a.points || b.points) continue;
    // Clock times and codes ("between 2200 and 0700").
    if (/^0\d/.test(a.digits ?? '') || /^0\d/.test(b.digits ?? '')) continue;
    if (a.percent !== b.percent && a.percent) continue;
    if (a.currency && (a.currency !== b.currency)) continue;
    // The high end's scale applies to a bare low end ("5 to 8 million").
    const low = b.scaled && !a.scaled && !a.word && a.value < 1000 && !(a.digits ?? '').includes(',') ? a.value * b.scale : a.value;
    if (low > b.value) {
      out.push({
        start: a.hedgeStart,
        end: b.end,
        wrong: true,
        messageId: 'backwardsRange',
        data: { low: a.text, high: b.text },
        evidence: evidence(`${fmt(low)} > ${fmt(b.value)}`, `${b.text.replace(/\s+/g, ' ')}–${a.text.replace(/\s+/g, ' ')}`, prose.slice(a.hedgeStart, b.end).replace(/\s+/g, ' ')),
      });
    }
  }
}

/** Runs every computation on one sentence, over the figures of its numeric claims; exported for tests. */
export function arithmeticFindings(article: Pick<Article, 'prose'>, claims: readonly Claim[], start: number, end: number): Finding[] {
  const prose = article.prose;
  const text = prose.slice(start, end);
  if (!/\d/.test(text) || !CUE.test(text)) return [];
  const figs = sentenceFigures(claims, start, end);
  if (!figs.length) return [];
  const out: Finding[] = [];
  const taken = new Set<Figure>();
  checkChanges(prose, claims, figs, start, end, taken, out);
  checkShares(prose, claims, figs, start, end, taken, out);
  checkOverHundred(prose, figs, out);
  checkRanges(prose, figs, start, out);
  return out;
}

const YEARISH = new Set(['year', 'date', 'score', 'time', 'duration']);

/** Whether [start, end) overlaps a span of `spans` (sorted by start; spans do not nest much). */
function overlapsAny(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const f of spans) {
    if (f.start >= end) break;
    if (start < f.end) return true;
  }
  return false;
}

export const arithmetic: Rule = {
  meta: {
    id: 'verification/arithmetic',
    category: 'verification',
    severity: 'error',
    stage: 'verify',
    description: 'Figures in one sentence do not add up: a percentage change, a share, a multiple, a backwards range or a share above 100%.',
    docs: [
      'Recomputes what a sentence states from its own figures and reports when they disagree, with the recomputed figure as evidence: a change with both ends and a percentage, a part and a whole with a share, a multiple with both ends ("doubling"), a range whose low end is larger than its high end, and a share of a whole above 100%.',
      '',
      'The tolerance follows the precision of the stated figures (“25%” allows 24.6%) and the hedges (“about”, “nearly”, “more than” widen it in their direction), so “from 40 to 50 stores, a 25% increase” is never flagged.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      percentChange: 'The percentage does not match the figures: {{desc}} is {{direction}} of {{computed}}, not {{stated}}. Correct the percentage or the figures.',
      multiple: '“{{word}}” does not match the figures: {{desc}} is {{actual}}, not {{stated}}. Correct the wording or the figures.',
      partOverWhole: 'The part is larger than the whole: {{part}} cannot be part of {{whole}}. Check the two figures.',
      share: 'The share does not match the figures: {{desc}} is {{computed}}, not {{stated}}. Correct the share or the figures.',
      over100: 'A share of a whole cannot exceed 100%: “{{span}}”. Check the figure (did you mean a change, or {{tenth}}%?).',
      backwardsRange: 'The range runs backwards: its low end ({{low}}) is larger than its high end ({{high}}). Swap or correct the figures.',
    },
    examples: {
      valid: ['Sales rose from 40 to 50 stores, a 25% increase.', 'Of the 450 people surveyed, 90 said yes, or 20%.'],
      invalid: [
        { text: 'Sales rose from 80,000 to 96,000 units, a 25% jump.', excerpt: '25%' },
        { text: 'Of the 450 people surveyed, 90 said yes, nearly 30%.', excerpt: 'nearly 30%' },
        { text: 'Visitors rose from 40 to 90, doubling in a year.', excerpt: 'doubling' },
        { text: 'Between 50 and 30 people came.', excerpt: '50 and 30' },
        { text: 'The mayor won 130% of voters.', excerpt: '130% of voters' },
      ],
    },
  },
  check(ctx: RuleContext) {
    const { article, claims } = ctx;
    // Each sentence is computed over its own claims (grouped once, in claim order), so the cost is
    // linear in the article, not sentences x claims.
    const bySentence = new Map<number, Claim[]>();
    for (const c of claims) {
      const list = bySentence.get(c.sentenceIndex);
      if (list) list.push(c);
      else bySentence.set(c.sentenceIndex, [c]);
    }
    for (const [si, own] of [...bySentence].sort((x, y) => x[0] - y[0])) {
      const s = article.sentences[si];
      const seen: { start: number; end: number }[] = [];
      const report = (f: Finding) => {
        const claim = claimFor(own, f.start, f.end);
        if (claim) ctx.judge({ claimId: claim.id, evidence: f.evidence, ...(f.wrong ? { verdict: 'contradicted' as const } : {}) });
        if (!f.wrong) return;
        seen.push(f);
        ctx.report({ start: f.start, end: f.end, messageId: f.messageId, data: f.data, evidence: [f.evidence], expected: String(f.evidence.expected), actual: String(f.evidence.actual), ...(claim ? { claimId: claim.id } : {}) });
      };
      if (s) for (const f of arithmeticFindings(article, own, s.start, s.end)) report(f);
      // Ranges the extractor read with low > high that the sentence scan did not already report.
      const found = [...seen].sort((a, b) => a.start - b.start);
      for (const c of own) {
        const q = c.quantity;
        if (!q || q.low === undefined || q.high === undefined || q.low <= q.high || YEARISH.has(q.unit)) continue;
        if (overlapsAny(found, c.offset, c.endOffset)) continue;
        report({
          start: c.offset,
          end: c.endOffset,
          wrong: true,
          messageId: 'backwardsRange',
          data: { low: fmt(q.low), high: fmt(q.high) },
          evidence: evidence(`${fmt(q.low)} > ${fmt(q.high)}`, `${fmt(q.high)}–${fmt(q.low)}`, c.text),
        });
      }
    }
  },
};
