// Runs one rule over a text the way the pipeline does (parse -> extract -> rule.check) and returns
// what it reported, with excerpts, so rule tests can be tables of valid and invalid examples.
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractClaims } from '../../pipeline/extract/index.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import type { EffectiveConfig, Rule } from '../../pipeline/core/types.js';
import { runRules } from '../../pipeline/core/run-rules.js';

export interface Reported {
  rule: string;
  excerpt: string;
  message: string;
  suggestions: string[];
  start: number;
  end: number;
}

export interface RunOptions {
  /** Decides the format: .md/.markdown is Markdown, anything else plain text (default 'test.txt'). */
  path?: string;
  config?: EffectiveConfig;
  /** Rule options (as `rules: { id: [level, options] }` would give them). */
  options?: Record<string, unknown>;
}

export function runRule(rule: Rule, text: string, opts: RunOptions = {}): Reported[] {
  const article = parseArticle(opts.path ?? 'test.txt', text);
  const claims = extractClaims(article);
  const config = opts.config ?? defaultConfig();
  const { problems } = runRules([rule], article, claims, config, undefined, opts.options ?? config.rules[rule.meta.id]?.options ?? {});
  return problems
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ rule: p.rule, excerpt: text.slice(p.start, p.end), message: p.message, suggestions: p.suggestions ?? [], start: p.start, end: p.end }));
}
