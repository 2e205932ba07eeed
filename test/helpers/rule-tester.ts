// The rule tester: runs one rule over a text the way the pipeline does (parse -> extract -> the rule,
// through core/run-rules.ts) and returns what it reported, with excerpts, message ids and data, so rule
// tests can be tables of valid and invalid examples. Like ESLint's RuleTester it deep-freezes the
// article and the claims it hands the rule (a rule that mutates them throws) and checks the options
// against the rule's meta.options (a test cannot pass options the config would reject).
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractClaims } from '../../pipeline/extract/index.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import type { EffectiveConfig, MessageData, Rule } from '../../pipeline/core/types.js';
import { runRules } from '../../pipeline/core/run-rules.js';
import { ruleOptionsProblem } from '../../pipeline/core/rule-options.js';
import { freezeDeeply } from './freeze.js';

export interface Reported {
  rule: string;
  excerpt: string;
  messageId: string;
  data: MessageData;
  message: string;
  suggestions: string[];
  start: number;
  end: number;
}

export interface RunOptions {
  /** Decides the format: .md/.markdown is Markdown, anything else plain text (default 'test.txt'). */
  path?: string;
  config?: EffectiveConfig;
  /** Rule options (as `rules: { id: [level, options] }` would give them); checked against meta.options. */
  options?: Record<string, unknown>;
}

/** Throws when `options` would be refused by the config (a typo in a test). */
export function assertRuleOptions(rule: Rule, options: Record<string, unknown>): void {
  const problem = ruleOptionsProblem(rule.meta, options);
  if (problem) throw new Error(`invalid options for ${rule.meta.id} at ${problem.pointer || '/'}: ${problem.detail}`);
}

export function runRule(rule: Rule, text: string, opts: RunOptions = {}): Reported[] {
  const article = parseArticle(opts.path ?? 'test.txt', text);
  const claims = extractClaims(article);
  const config = opts.config ?? defaultConfig();
  const options = opts.options ?? config.rules[rule.meta.id]?.options ?? {};
  assertRuleOptions(rule, options);
  const { problems } = runRules([rule], freezeDeeply(article), freezeDeeply(claims), config, undefined, options);
  return problems
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ rule: p.rule, excerpt: text.slice(p.start, p.end), messageId: p.messageId, data: p.data ?? {}, message: p.message, suggestions: p.suggestions ?? [], start: p.start, end: p.end }));
}

/** The text with the first suggestion of a problem applied (Harper's assert_suggestion_result). */
export function applySuggestion(text: string, p: Pick<Reported, 'start' | 'end' | 'suggestions'>): string {
  if (!p.suggestions.length) throw new Error('the problem has no suggestion to apply');
  return text.slice(0, p.start) + p.suggestions[0] + text.slice(p.end);
}
