// verification/arithmetic: figures in one sentence that do not add up. A change stated with both
// ends and a percentage (or a multiple: "doubled"), a part and a whole stated with a share, a range
// whose low end exceeds its high end, and a share of a whole above 100%. The tolerance comes from
// how precisely each figure is stated (rounding) and from hedges ("about", "nearly", "more than"),
// so a correct statement is never flagged. Everything is computed from the claims alone: their
// figures (numbers.ts figuresOf, from each claim's quantity) and the relations the extract stage
// recorded between them (extract/relations.ts: which figures are the ends of a change, a part and its
// whole, a share, a range; claim.context.ofWhole: a percentage of a whole group). The prose is never read.
import type { Article, Claim, Evidence, MessageData, Rule, RuleContext } from '../core/types.js';
import { figureOf, figuresOf, fmt, hedgeOf, interval, type Figure, type Hedge } from './numbers.js';
import { NO_OPTIONS } from '../core/rule-options.js';
import { collapseWhitespace } from '../util/text.js';

type Range = [number, number];

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

export const meets = (a: Range, b: Range) => a[0] <= b[1] + 1e-9 && b[0] <= a[1] + 1e-9;
export const pct = (n: number) => `${fmt(n)}%`;

/** The claim (numeric first) whose span covers [start, end). */
export function claimFor(claims: readonly Claim[], start: number, end: number): Claim | undefined {
  const hits = claims.filter((c) => c.offset < end && start < c.endOffset);
  return hits.find((c) => c.kind === 'numeric') ?? hits[0];
}

export interface Finding {
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

function endsRange(f: Figure): Range {
  return interval(f, 0.05);
}

/** A change between two figures and a stated percentage: the relative change and the difference each allows. */
export interface ChangeMath {
  /** The relative change the ends allow, in percent (absolute). */
  rel: Range;
  /** The difference the ends allow (absolute), in the ends' units. */
  diff: Range;
  /** The values the stated percentage allows. */
  ok: Range;
  /** The relative change of the ends as stated, in percent (absolute). */
  relPoint: number;
  direction: string;
  desc: string;
}

/** The computation of a change from `x` to `y` stated as `p` (a percentage or percentage points); undefined from nothing. */
export function changeMath(x: Figure, y: Figure, p: Pick<Figure, 'value' | 'half' | 'hedge'>): ChangeMath | undefined {
  const [x1, x2] = endsRange(x);
  const [y1, y2] = endsRange(y);
  if (x1 <= 0) return undefined;
  const ratio: Range = [y1 / x2, y2 / x1];
  const rel: Range = [Math.abs(ratio[0] - 1) * 100, Math.abs(ratio[1] - 1) * 100].sort((a, b) => a - b) as Range;
  if (ratio[0] < 1 && ratio[1] > 1) rel[0] = 0;
  const diff: Range = [Math.abs(y1 - x2), Math.abs(y2 - x1)].sort((a, b) => a - b) as Range;
  if (y1 - x2 < 0 && y2 - x1 > 0) diff[0] = 0;
  return {
    rel,
    diff,
    ok: allowed(p.value, p.half, p.hedge, 0.02),
    relPoint: Math.abs(y.value / x.value - 1) * 100,
    direction: y.value >= x.value ? 'an increase' : 'a fall',
    desc: `from ${x.text} to ${y.text}`,
  };
}

/** A percentage (or percentage points) `p` stated for the change from `x` to `y`. */
function percentChange(x: Figure, y: Figure, p: Figure): Finding | undefined {
  const m = changeMath(x, y, p);
  if (!m) return undefined;
  const { rel, diff, ok, relPoint, direction, desc } = m;
  let good: boolean;
  let computed: string;
  let calc: string;
  if (x.percent && y.percent && p.points) {
    good = meets(diff, ok);
    const d = Math.abs(y.value - x.value);
    computed = `${fmt(d)} percentage point${d === 1 ? '' : 's'}`;
    calc = `${y.text} − ${x.text} = ${fmt(y.value - x.value)} point${d === 1 ? '' : 's'}`;
  } else if (p.points) {
    return undefined;
  } else {
    // A percentage that matches the difference of two percentages is percentage points written as a
    // percent (verification/points-as-percent reports that), not a wrong figure.
    good = meets(rel, ok) || (x.percent && y.percent && meets(diff, ok));
    computed = pct(relPoint);
    calc = `(${y.text} − ${x.text}) ÷ ${x.text} = ${y.value >= x.value ? '+' : '−'}${pct(relPoint)}`;
  }
  const stated = p.points ? `${fmt(p.value)} percentage point${p.value === 1 ? '' : 's'}` : pct(p.value);
  const hedgeText = p.fullText.slice(0, p.fullText.length - p.text.length);
  return {
    start: p.hedgeStart,
    end: p.end,
    wrong: !good,
    messageId: 'percentChange',
    data: { desc, direction, computed, stated: `${p.hedge ? hedgeText : ''}${stated}` },
    evidence: evidence(`${desc}: ${calc}; stated ${p.fullText}`, computed, stated),
  };
}

/** A multiple (claim `c`, unit 'ratio': "doubled", "three times") stated for the change from `x` to `y`. */
function multiple(c: Claim, x: Figure, y: Figure): Finding | undefined {
  const mult = c.quantity!.value!;
  if (!(mult > 0)) return undefined;
  const [x1, x2] = endsRange(x);
  const [y1, y2] = endsRange(y);
  if (x1 <= 0) return undefined;
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
  const desc = `from ${x.text} to ${y.text}`;
  return {
    start: c.offset,
    end: c.endOffset,
    wrong: !meets(r, ok),
    messageId: 'multiple',
    data: { word, desc, actual: actual >= 1 ? `${fmt(actual)} times the earlier figure` : `${fmt(actual * 100)}% of the earlier figure`, stated: mult >= 1 ? `${fmt(mult)} times` : `${fmt(mult * 100)}%` },
    evidence: evidence(`${desc}: ${y.text} ÷ ${x.text} = ${fmt(actual)}; “${word}” means ×${fmt(mult)}`, `×${fmt(actual)}`, `×${fmt(mult)}`),
  };
}

interface Share {
  start: number;
  end: number;
  value: number;
  half: number;
  hedge?: Hedge;
  fraction: boolean;
  text: string;
}

/** The share a claim states: a percentage (its figure, with its hedge) or a fraction ("about a third"). */
function shareOf(c: Claim): Share | undefined {
  const q = c.quantity;
  if (!q) return undefined;
  if (q.unit === 'fraction') return q.value === undefined ? undefined : { start: c.offset, end: c.endOffset, value: q.value * 100, half: 0, hedge: hedgeOf(q), fraction: true, text: c.text };
  const f = figuresOf(c)[0];
  return f ? { start: f.hedgeStart, end: f.end, value: f.value, half: f.half, hedge: f.hedge, fraction: false, text: f.fullText } : undefined;
}

/**
 * The computation of a share (claim `host`) of `part` in `whole`; undefined when the relation's figures
 * are missing or the part exceeds the whole (arithmetic reports that on the part). Also used by
 * verification/split-share.
 */
export function shareFinding(host: Claim, part: Figure | undefined, whole: Figure | undefined): Finding | undefined {
  const share = shareOf(host);
  if (!share || !part || !whole) return undefined;
  const [p1, p2] = endsRange(part);
  const [w1, w2] = endsRange(whole);
  if (w2 <= 0 || p1 > w2) return undefined;
  const desc = `${part.text} of ${whole.text}`;
  const actual: Range = [(p1 / w2) * 100, (p2 / w1) * 100];
  const point = (part.value / whole.value) * 100;
  const ok = allowed(share.value, share.half, share.hedge, 0.02, share.fraction);
  const stated = share.text.trim();
  return {
    start: share.start,
    end: share.end,
    wrong: !meets(actual, ok),
    messageId: 'share',
    data: { desc, computed: pct(point), stated },
    evidence: evidence(`${part.text} ÷ ${whole.text} = ${pct(point)}; stated ${stated}`, pct(point), stated),
  };
}

function partOverWhole(part: Figure, whole: Figure): Finding | undefined {
  const [p1] = endsRange(part);
  const [, w2] = endsRange(whole);
  if (w2 <= 0 || !(p1 > w2)) return undefined;
  return {
    start: Math.min(part.hedgeStart, whole.hedgeStart),
    end: Math.max(part.end, whole.end),
    wrong: true,
    messageId: 'partOverWhole',
    data: { part: part.text, whole: whole.text },
    evidence: evidence(`part ${fmt(part.value)} > whole ${fmt(whole.value)}`, `at most ${fmt(whole.value)}`, fmt(part.value)),
  };
}

function overHundred(c: Claim): Finding | undefined {
  const w = c.context?.ofWhole;
  const f = figuresOf(c).at(-1);
  if (!w || !f || !f.percent || f.value <= 100) return undefined;
  return {
    start: w.offset,
    end: w.endOffset,
    wrong: true,
    messageId: 'over100',
    data: { span: w.text, tenth: fmt(f.value / 10) },
    evidence: evidence(`${fmt(f.value)}% of a whole is more than all of it`, 'at most 100%', pct(f.value)),
  };
}

function backwardsRange(prose: string, a: Figure, b: Figure): Finding | undefined {
  // The high end's scale applies to a bare low end ("5 to 8 million").
  const low = b.scaled && !a.scaled && !a.word && a.value < 1000 && !(a.digits ?? '').includes(',') ? a.value * b.scale : a.value;
  if (!(low > b.value)) return undefined;
  return {
    start: a.hedgeStart,
    end: b.end,
    wrong: true,
    messageId: 'backwardsRange',
    data: { low: a.text, high: b.text },
    evidence: evidence(`${fmt(low)} > ${fmt(b.value)}`, `${collapseWhitespace(b.text)}–${collapseWhitespace(a.text)}`, collapseWhitespace(prose.slice(a.hedgeStart, b.end))),
  };
}

/**
 * Runs every computation on one sentence [start, end), over its claims' figures and the relations the
 * extract stage recorded on them; exported for tests. `claims` may hold other sentences' claims too.
 */
export function arithmeticFindings(article: Pick<Article, 'prose'>, claims: readonly Claim[], start: number, end: number): Finding[] {
  const own = claims.filter((c) => c.offset >= start && c.endOffset <= end).sort((a, b) => a.offset - b.offset);
  if (!own.some((c) => c.relations || c.context?.ofWhole)) return [];
  const byId = new Map(own.map((c) => [c.id, c]));
  const changes: (Finding | undefined)[] = [];
  const shares: (Finding | undefined)[] = [];
  const wholes: (Finding | undefined)[] = [];
  const ranges: (Finding | undefined)[] = [];
  for (const c of own) {
    for (const r of c.relations ?? []) {
      if (r.type === 'change') {
        const x = figureOf(byId, r.base);
        const y = figureOf(byId, r.result);
        if (!x || !y) continue;
        if (c.quantity?.unit === 'ratio') changes.push(multiple(c, x, y));
        else {
          const p = figuresOf(c)[0];
          if (p) changes.push(percentChange(x, y, p));
        }
      } else if (r.type === 'part') {
        const part = figureOf(byId, r.part);
        const whole = figureOf(byId, r.whole);
        if (part && whole) shares.push(partOverWhole(part, whole));
      } else if (r.type === 'share' && r.clauses === 'same') {
        shares.push(shareFinding(c, figureOf(byId, r.part), figureOf(byId, r.whole)));
      } else if (r.type === 'range') {
        const a = figureOf(byId, r.low);
        const b = figureOf(byId, r.high);
        if (a && b) ranges.push(backwardsRange(article.prose, a, b));
      }
    }
    wholes.push(overHundred(c));
  }
  const order = (l: (Finding | undefined)[]) => l.filter((f): f is Finding => !!f).sort((a, b) => a.start - b.start);
  return [...order(changes), ...order(shares), ...order(wholes), ...order(ranges)];
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
