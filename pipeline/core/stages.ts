// The rules of every stage, with their code: what checkArticle runs (core/article.ts). The registry
// (core/registry.ts) gives their metadata without loading this, from the list the build writes.
import type { Rule, RuleMeta } from './types.js';
import { inputRuleMetas } from './input-rules.js';
import { validateRules } from '../validate/index.js';
import { verifyRules } from '../verify/index.js';
import { checkRules } from '../check/index.js';

export const stageRules = { validate: validateRules, verify: verifyRules, check: checkRules } as const;

/** Every rule's metadata, from the rule modules themselves (what the build writes to rule-metas.json). */
export function liveRuleMetas(): RuleMeta[] {
  return [...inputRuleMetas, ...[...validateRules, ...verifyRules, ...checkRules].map((r: Rule) => r.meta)];
}
