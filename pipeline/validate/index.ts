// The validate stage: every claim against schemas/claim.schema.json (structure), then the editorial
// policy schemas. A claim that fails becomes a review item, never a crash.
import type { Rule, RuleMeta } from '../core/types.js';
import { validator, formatErrors } from './schemas.js';
import { policyRules } from './policy.js';
import { NO_OPTIONS } from '../core/rule-options.js';

const invalidClaimMeta: RuleMeta = {
  id: 'input/invalid-claim',
  category: 'input',
  severity: 'warning',
  stage: 'validate',
  description: 'An extracted claim does not match schemas/claim.schema.json.',
  docs: 'Raised when the extractor produced a claim that fails the claim schema (for example a range whose ends are missing). It points at a bug in copydesk or an unusual phrasing; the claim is still listed so an editor can check it by hand.',
  options: NO_OPTIONS,
  messages: { invalid: 'The claim “{{claim}}” could not be validated ({{errors}}); check the figure by hand.' },
};

export const invalidClaim: Rule = {
  meta: invalidClaimMeta,
  check(ctx) {
    const v = validator('claim');
    for (const claim of ctx.claims) {
      if (v(claim as unknown) === true) continue;
      ctx.report({ start: claim.offset, end: claim.endOffset, claimId: claim.id, messageId: 'invalid', data: { claim: claim.text, errors: formatErrors(v.errors).join('; ') } });
    }
  },
};

export const validateRules: Rule[] = [invalidClaim, ...policyRules];
