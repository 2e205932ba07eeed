// The queue stage's half of inline control: which directives and front-matter names mean nothing
// (an unknown directive, rule id or category: an input/* warning with a did-you-mean, never a silent
// disable), and which disables suppressed nothing (--report-unused-disable-directives, ESLint's
// semantics: one item per unused rule name, or per directive that names none).
import type { Article, EffectiveConfig, Problem, Severity } from '../core/types.js';
import { allRuleMetas } from '../core/registry.js';
import { declaredPolicyRule } from '../validate/policy.js';
import { DIRECTIVE_KINDS } from '../parse/directives.js';
import { closest } from '../util/distance.js';
import { inputProblem, unknownDirectiveMeta, unknownRuleMeta, unusedDirectiveMeta } from '../core/input-rules.js';

const CATEGORIES = ['spelling', 'grammar', 'clarity', 'style', 'sourcing', 'verification', 'consistency', 'input'];

let registryNames: string[] | undefined;
const knownCache = new Map<string, Set<string>>();

/** Every name a directive may use: rule ids (the registry's and the configured policies'), categories, "all". */
export function knownRuleNames(config: EffectiveConfig): Set<string> {
  registryNames ??= [...allRuleMetas().map((m) => m.id), ...CATEGORIES, 'all'];
  const policyIds = config.policies.map((p) => declaredPolicyRule(p.schema)).filter((r): r is string => !!r);
  const key = policyIds.join('\n');
  let known = knownCache.get(key);
  if (!known) knownCache.set(key, (known = new Set([...registryNames, ...policyIds])));
  return known;
}

const didYouMean = (near: string | undefined) => (near ? ` Did you mean “${near}”?` : '');

/** Problems with the directives and front-matter rule names themselves. */
export function directiveProblems(article: Article, config: EffectiveConfig): Problem[] {
  const problems: Problem[] = [];
  const known = knownRuleNames(config);
  const checkName = (name: string, start: number, end: number, where: string) => {
    if (known.has(name)) return;
    const suggestion = closest(name, known);
    const text = `${where} names “${name}”, which is no rule id or category, so it disables nothing.${didYouMean(suggestion)} (\`copydesk rules\` lists the ids.)`;
    problems.push({ ...inputProblem(unknownRuleMeta, 'unknown', start, end, { text }), ...(suggestion ? { suggestions: [suggestion] } : {}) });
  };
  for (const d of article.directives) {
    if (d.kind === 'unknown') {
      const suggestion = closest(d.word!, DIRECTIVE_KINDS);
      const text = `“copydesk-${d.word}” is not a directive, so it disables nothing.${didYouMean(suggestion && `copydesk-${suggestion}`)} Directives: ${DIRECTIVE_KINDS.map((k) => `copydesk-${k}`).join(', ')}.`;
      problems.push({ ...inputProblem(unknownDirectiveMeta, 'unknown', d.start, d.end, { text }), ...(suggestion ? { suggestions: [suggestion] } : {}) });
      continue;
    }
    for (const r of d.rules) checkName(r.name, r.start, r.end, `copydesk-${d.kind}`);
  }
  const fm = article.meta.frontMatterSpan;
  for (const name of article.meta.disable) checkName(name, fm?.start ?? 0, fm?.end ?? 0, 'Front matter copydesk.disable');
  return problems;
}

/** Records which directive names suppressed something, and reports the rest. */
export class DirectiveUse {
  private used = new Set<string>();
  constructor(private article: Article) {}
  mark(directive: number | undefined, name: string): void {
    if (directive !== undefined) this.used.add(`${directive}\u0000${name}`);
  }
  unused(severity: Severity, known: Set<string>): Problem[] {
    const problems: Problem[] = [];
    this.article.directives.forEach((d, i) => {
      if (d.kind === 'unknown' || d.kind === 'enable') return;
      const report = (start: number, end: number, what: string) =>
        problems.push({ ...inputProblem(unusedDirectiveMeta, 'unused', start, end, { kind: d.kind, what }), severity, suggestions: [] });
      if (!d.rules.length) {
        if (!this.used.has(`${i}\u0000`)) report(d.span.start, d.span.end, 'no problem was reported where it applies');
        return;
      }
      for (const r of d.rules) if (known.has(r.name) && !this.used.has(`${i}\u0000${r.name}`)) report(r.start, r.end, `no problem from “${r.name}” was reported where it applies`);
    });
    return problems;
  }
}
