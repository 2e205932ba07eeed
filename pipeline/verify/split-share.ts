// verification/split-share: a share of a whole set in an earlier clause that does not match its part
// ("The trust runs 300 schools, and 45 of them closed early, about 25%": 45 of 300 is 15%). The extract
// stage relates the part in the later clause to the whole it refers back to ("of them", "of those") and
// records the share with clauses 'split' (extract/relations.ts); this rule computes it from the claims
// alone. Shares stated in one phrase ("90 of the 450, or 20%", "Of the 450 surveyed, 90 ...") are
// verification/arithmetic's.
import type { Claim, Rule, RuleContext } from '../core/types.js';
import { figureOf } from './numbers.js';
import { shareFinding } from './arithmetic.js';
import { NO_OPTIONS } from '../core/rule-options.js';

export const splitShare: Rule = {
  meta: {
    id: 'verification/split-share',
    category: 'verification',
    severity: 'error',
    stage: 'verify',
    description: 'A share does not match its part and a whole stated in an earlier clause of the sentence.',
    docs: [
      'Relates a part to a whole named in an earlier clause of the same sentence when the part or the share refers back to it (“… 300 schools, and 45 of them …”, “… 300 schools; 45 closed, about 15% of them”) and recomputes the share: 45 of 300 is 15%, so “about 25%” is flagged, with the computation as evidence.',
      '',
      'The tolerance follows the rounding of the share and its hedge, as in verification/arithmetic (“about 15%” allows 13.6%). Shares stated in one phrase (“90 of the 450, or 20%”) are verification/arithmetic’s.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      share: 'The share does not match the figures: {{desc}} (the whole is set earlier in the sentence) is {{computed}}, not {{stated}}. Correct the share or the figures.',
    },
    examples: {
      valid: ['The trust runs 300 schools, and 45 of them closed early, about 15%.', 'The district has 300 schools; 45 closed early, some 15% of them.'],
      invalid: [
        { text: 'The trust runs 300 schools, and 45 of them closed early, about 25%.', excerpt: 'about 25%' },
        { text: 'The district has 300 schools; 45 closed early, about 25% of them.', excerpt: 'about 25%' },
      ],
    },
  },
  check(ctx: RuleContext) {
    const byId = new Map<string, Claim>(ctx.claims.map((c) => [c.id, c]));
    for (const c of ctx.claims) {
      for (const r of c.relations ?? []) {
        if (r.type !== 'share' || r.clauses !== 'split') continue;
        const f = shareFinding(c, figureOf(byId, r.part), figureOf(byId, r.whole));
        if (!f) continue;
        ctx.judge({ claimId: c.id, evidence: f.evidence, ...(f.wrong ? { verdict: 'contradicted' as const } : {}) });
        if (!f.wrong) continue;
        ctx.report({ start: f.start, end: f.end, claimId: c.id, messageId: 'share', data: f.data, evidence: [f.evidence], expected: String(f.evidence.expected), actual: String(f.evidence.actual) });
      }
    }
  },
};
