// Hand-made claims and a rule runner for unit tests of the validate and verify stages, so they do not
// depend on what the extractors find.
import { parseArticle } from '../../pipeline/parse/index.js';
import { makeClaim, type ClaimInput } from '../../pipeline/extract/claim.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import type { Article, Claim, EffectiveConfig, Problem, Rule } from '../../pipeline/core/types.js';
import { runRules } from '../../pipeline/core/run-rules.js';
import { VERDICT_RANK, type Judgement } from '../../pipeline/core/verdict.js';

/** Like core/verdict applyJudgements, without marking unjudged claims unverified (tests check "no verdict"). */
function applyVerdicts(claims: Claim[], judgements: Judgement[]): void {
  for (const j of judgements) {
    const c = claims.find((x) => x.id === j.claimId);
    if (!c) continue;
    if (j.evidence) (c.evidence ??= []).push(j.evidence);
    if (j.verdict && (!c.verdict || VERDICT_RANK[j.verdict] > VERDICT_RANK[c.verdict])) c.verdict = j.verdict;
  }
}

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
  messages: string[];
  /** The text each problem points at. */
  spans: string[];
}

/** Runs one rule through the pipeline's runner, then applies its verdicts to `claims` (as the pipeline does). */
export function runRule(rule: Rule, a: Article, claims: Claim[], config: Partial<EffectiveConfig> = {}, options: Record<string, unknown> = {}): RunResult {
  const { problems, judgements } = runRules([rule], a, claims, { ...defaultConfig(), ...config }, undefined, options);
  applyVerdicts(claims, judgements);
  return { problems, messages: problems.map((p) => p.message), spans: problems.map((p) => a.text.slice(p.start, p.end)) };
}
