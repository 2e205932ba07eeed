// checkArticle(): the stages in order, nothing else. A pure function of the text and the effective
// configuration, so the same unit of work runs in a worker thread, a test or a distributed queue.
import type { Article, Claim, EffectiveConfig, FileResult, Problem, Rule } from './types.js';
import { parseArticle } from '../parse/index.js';
import { extractClaims } from '../extract/index.js';
import { stageRules } from './registry.js';
import { toItems } from '../queue/items.js';

export interface Source {
  /** The article's path as shown to users (relative, forward slashes). */
  path: string;
  /** The path item ids are built from (relative to the repository root); defaults to `path`. */
  key?: string;
  text: string;
}

function runStage(rules: readonly Rule[], article: Article, claims: Claim[], config: EffectiveConfig, problems: Problem[]): void {
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (setting?.level === 'off') continue;
    rule.check({
      article,
      claims,
      config,
      options: setting?.options ?? {},
      report: (p) => problems.push({ ...p, rule: p.rule ?? rule.meta.id }),
    });
  }
}

export interface ArticleOutcome {
  result: FileResult;
  article: Article;
}

export function analyseArticle(source: Source, config: EffectiveConfig): ArticleOutcome {
  const article = parseArticle(source.path, source.text);
  const problems: Problem[] = [...article.problems];
  const claims = extractClaims(article);
  runStage(stageRules.validate, article, claims, config, problems);
  runStage(stageRules.verify, article, claims, config, problems);
  runStage(stageRules.check, article, claims, config, problems);
  const items = toItems(article, problems, config, source.key ?? source.path);
  for (const c of claims) if (!c.verdict && c.kind === 'numeric') c.verdict = 'unverified';
  const result: FileResult = { path: source.path, words: article.words, claims, items };
  if (article.meta.title) result.title = article.meta.title;
  if (article.meta.date) result.date = article.meta.date;
  result.language = article.meta.language ?? config.language;
  return { result, article };
}

export function checkArticle(source: Source, config: EffectiveConfig): FileResult {
  return analyseArticle(source, config).result;
}
