// The one rule runner: the pipeline, the rule tester and the stage tests all call it, so a rule sees
// the same context everywhere (options from the config, report() by message id, and judge()).
import type { Article, Claim, EffectiveConfig, Problem, Rule } from './types.js';
import type { Judgement } from './verdict.js';
import { renderMessage } from './messages.js';

export interface RuleRun {
  problems: Problem[];
  judgements: Judgement[];
}

/**
 * Runs `rules` in order over one article. A rule the config turns off is skipped; `options` (when given)
 * replaces the configured options of every rule run (rule tests pass one rule's options this way).
 */
export function runRules(rules: readonly Rule[], article: Article, claims: readonly Claim[], config: EffectiveConfig, into: RuleRun = { problems: [], judgements: [] }, options?: Record<string, unknown>): RuleRun {
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (setting?.level === 'off' && !options) continue;
    rule.check({
      article,
      claims,
      config,
      options: options ?? setting?.options ?? {},
      report: (p) => into.problems.push({ ...p, rule: p.rule ?? rule.meta.id, message: renderMessage(rule.meta, p.messageId, p.data) }),
      judge: (j) => into.judgements.push(j),
    });
  }
  return into;
}
