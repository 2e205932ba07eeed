// Hand-made claims and a rule runner for unit tests of the validate and verify stages, so they do not
// depend on what the extractors find. Like the rule tester (rule-tester.ts), the runner hands the rule a
// deep-frozen article and frozen copies of the claims: a rule that assigns to a claim throws; verdicts
// and evidence reach the caller's claims only through ctx.judge().
import { parseArticle } from '../../pipeline/parse/index.js';
import { makeClaim, type ClaimInput } from '../../pipeline/extract/claim.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import type { Article, Claim, EffectiveConfig, Problem, Rule } from '../../pipeline/core/types.js';
import { runRules } from '../../pipeline/core/run-rules.js';
import { applyJudgements } from '../../pipeline/core/verdict.js';
import { freezeDeeply } from './freeze.js';
import { assertRuleOptions } from './rule-tester.js';

/** A claim over the `nth` occurrence of `text` in the article (sentence index computed). */
export function claimAt(article: Article, text: string, input: Partial<ClaimInput> & Pick<ClaimInput, 'kind'>, nth = 0): Claim {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = article.text.indexOf(text, start + 1);
    if (start < 0) throw new Error(`"${text}" (occurrence ${nth}) not in the article`);
  }
  const end = start + text.length;
  const sentenceIndex = article.sentences.findIndex((s) => s.start <= start && end <= s.end);
  if (sentenceIndex < 0) throw new Error(`"${text}" is not inside one sentence`);
  return makeClaim(article, start, end, { sentenceIndex, ...input });
}

export function article(text: string, file = 'test.md'): Article {
  return parseArticle(file, text);
}

export interface RunResult {
  problems: Problem[];
  /** The message id of each problem (meta.messages). */
  messageIds: string[];
  messages: string[];
  /** The text each problem points at. */
  spans: string[];
}

/** Runs one rule through the pipeline's runner, then applies its verdicts to `claims` (as the pipeline does). */
export function runRule(rule: Rule, a: Article, claims: Claim[], config: Partial<EffectiveConfig> = {}, options: Record<string, unknown> = {}): RunResult {
  assertRuleOptions(rule, options);
  const { problems, judgements } = runRules([rule], freezeDeeply(a), freezeDeeply(structuredClone(claims)), { ...defaultConfig(), ...config }, undefined, options);
  applyJudgements(claims, judgements, false);
  return { problems, messageIds: problems.map((p) => p.messageId), messages: problems.map((p) => p.message), spans: problems.map((p) => a.text.slice(p.start, p.end)) };
}
