// checkArticle(): the stages in order, nothing else. A pure function of the text and the effective
// configuration, so the same unit of work runs in a worker thread, a test or a distributed queue.
import type { EffectiveConfig, FileResult } from './types.js';
import { runRules, type RuleRun } from './run-rules.js';
import { applyJudgements } from './verdict.js';
import { parseArticle } from '../parse/index.js';
import { extractClaims } from '../extract/index.js';
import { stageRules } from './stages.js';
import { toItems } from '../queue/items.js';
import { articleLanguage } from './language.js';
import { claimSentences } from '../extract/claim.js';
import { limitsOf } from './limits.js';

/** One article to check: its text and the paths it is shown and identified by (not a cited source: see extract/sources.ts). */
export interface ArticleSource {
  /** The article's path as shown to users (relative, forward slashes). */
  path: string;
  /** The path item ids are built from (relative to the repository root); defaults to `path`. */
  key?: string;
  text: string;
}

/** Checks one article: parse, extract, validate, verify, check, then the queue's items. */
export function checkArticle(source: ArticleSource, config: EffectiveConfig): FileResult {
  const article = parseArticle(source.path, source.text, { maxNestingDepth: limitsOf(config).maxNestingDepth });
  article.key = source.key ?? source.path;
  const claims = extractClaims(article);
  const run: RuleRun = { problems: [...article.problems], judgements: [] };
  runRules(stageRules.validate, article, claims, config, run);
  runRules(stageRules.verify, article, claims, config, run);
  runRules(stageRules.check, article, claims, config, run);
  applyJudgements(claims, run.judgements);
  const items = toItems(article, run.problems, config, source.key ?? source.path);
  const result: FileResult = { path: source.path, words: article.words, claims, items };
  if (claims.length) result.sentences = claimSentences(article, claims);
  if (article.meta.title) result.title = article.meta.title;
  if (article.meta.date) result.date = article.meta.date;
  const lang = articleLanguage(article, config);
  result.language = lang.language;
  result.languageSource = lang.source;
  if (lang.confidence !== undefined) result.languageConfidence = lang.confidence;
  return result;
}
