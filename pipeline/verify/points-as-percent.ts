// verification/points-as-percent: a change between two percentages reported as a percent change when
// it is the difference in percentage points ("from 31% to 40%, a rise of 9 percent": that is 9 points,
// a 29% rise). Computed from the claims alone: the change relation the extract stage recorded on the
// stated percentage (extract/relations.ts) and the figures of its two ends (numbers.ts figuresOf).
import type { Claim, Evidence, Rule, RuleContext } from '../core/types.js';
import { figureOf, figuresOf, fmt } from './numbers.js';
import { changeMath, meets, pct } from './arithmetic.js';
import { NO_OPTIONS } from '../core/rule-options.js';

const points = (n: number) => `${fmt(n)} percentage point${n === 1 ? '' : 's'}`;

export const pointsAsPercent: Rule = {
  meta: {
    id: 'verification/points-as-percent',
    category: 'verification',
    severity: 'warning',
    stage: 'verify',
    description: 'A change between two percentages is given as a percent change when it is the difference in percentage points.',
    docs: [
      'When a sentence gives both ends of a change as percentages and states the change as a percentage that matches their difference but not the relative change, the figure is percentage points written as a percent: “unemployment rose from 4% to 6%, a rise of 2%” says the rate grew by a fiftieth, when it grew by half (2 percentage points, a 50% rise).',
      '',
      'Not flagged: the change written as points (“a rise of 2 percentage points”), a percentage that is the relative change (“from 40% to 50%, a 25% rise”), and a percentage that fits both readings within the rounding of the figures. A percentage that fits neither is verification/arithmetic’s.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      points: '“{{stated}}” reads as a percent change, but {{desc}} is {{direction}} of {{points}} ({{computed}} in relative terms). Write “{{points}}”, or give the relative change ({{computed}}).',
    },
    examples: {
      valid: ['Turnout rose from 31% to 40%, a rise of 9 percentage points.', 'Turnout rose from 40% to 50%, a 25% rise.'],
      invalid: [{ text: 'Turnout rose from 31% to 40%, a rise of 9 percent.', excerpt: '9 percent' }],
    },
  },
  check(ctx: RuleContext) {
    const byId = new Map<string, Claim>(ctx.claims.map((c) => [c.id, c]));
    for (const c of ctx.claims) {
      if (c.quantity?.unit !== 'percent') continue;
      for (const r of c.relations ?? []) {
        if (r.type !== 'change') continue;
        const x = figureOf(byId, r.base);
        const y = figureOf(byId, r.result);
        const p = figuresOf(c)[0];
        if (!x || !y || !p || !x.percent || !y.percent) continue;
        const m = changeMath(x, y, p);
        // The stated figure is the difference and not the relative change.
        if (!m || !meets(m.diff, m.ok) || meets(m.rel, m.ok)) continue;
        const d = Math.abs(y.value - x.value);
        const ev: Evidence = {
          kind: 'computed',
          message: `${m.desc}: ${y.text} − ${x.text} = ${fmt(y.value - x.value)} points; (${y.text} − ${x.text}) ÷ ${x.text} = ${y.value >= x.value ? '+' : '−'}${pct(m.relPoint)}; stated ${p.fullText}`,
          expected: points(d),
          actual: p.fullText,
        };
        ctx.judge({ claimId: c.id, evidence: ev });
        ctx.report({
          start: p.hedgeStart,
          end: p.end,
          claimId: c.id,
          messageId: 'points',
          data: { stated: p.fullText, desc: m.desc, direction: m.direction, points: points(d), computed: pct(m.relPoint) },
          expected: points(d),
          actual: p.fullText,
          evidence: [ev],
        });
      }
    }
  },
};
