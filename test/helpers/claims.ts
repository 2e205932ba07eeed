// Hand-made claims and a rule runner for unit tests of the validate and verify stages, so they do not
// depend on what the extractors find.
import { parseArticle } from '../../pipeline/parse/index.js';
import { makeClaim, type ClaimInput } from '../../pipeline/extract/claim.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import type { Article, Claim, EffectiveConfig, Problem, Rule } from '../../pipeline/core/types.js';

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

export function runRule(rule: Rule, a: Article, claims: Claim[], config: Partial<EffectiveConfig> = {}, options: Record<string, unknown> = {}): RunResult {
  const problems: Problem[] = [];
  rule.check({
    article: a,
    claims,
    config: { ...defaultConfig(), ...config },
    options,
    report: (p) => problems.push({ ...p, rule: p.rule ?? rule.meta.id }),
  });
  return { problems, messages: problems.map((p) => p.message), spans: problems.map((p) => a.text.slice(p.start, p.end)) };
}
