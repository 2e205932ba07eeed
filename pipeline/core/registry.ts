// Every rule of every stage, for documentation, configuration checks and SARIF rule lists.
import type { Rule, RuleMeta } from './types.js';
import { inputRuleMetas } from './input-rules.js';
import { validateRules } from '../validate/index.js';
import { verifyRules } from '../verify/index.js';
import { checkRules } from '../check/index.js';

export const stageRules = { validate: validateRules, verify: verifyRules, check: checkRules } as const;

export function allRuleMetas(): RuleMeta[] {
  return [...inputRuleMetas, ...[...validateRules, ...verifyRules, ...checkRules].map((r: Rule) => r.meta)];
}

let byId: Map<string, RuleMeta> | undefined;
export function ruleMeta(id: string): RuleMeta | undefined {
  byId ??= new Map(allRuleMetas().map((m) => [m.id, m]));
  return byId.get(id);
}
