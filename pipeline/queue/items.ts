// The queue stage (per article): problems -> review items, with configured severity, inline and
// front-matter disables applied, stable ids and positions.
import type { Article, DisabledRange, EffectiveConfig, Item, Problem, Severity } from '../core/types.js';
import type { Position } from '../core/schema-types.js';
import { spanOf } from '../parse/positions.js';
import { digest } from '../util/hash.js';
import { ruleMeta } from '../core/registry.js';
import { Fingerprinter, contextOf } from './fingerprint.js';
import { SpanIndex } from '../util/spans.js';
import { compareSeverity } from '../core/severity.js';
import { docsUrlFor } from '../util/docs-url.js';
import { DirectiveUse, directiveProblems, knownRuleNames } from './directives.js';

export function ruleLevel(config: EffectiveConfig, rule: string): Severity | 'off' | undefined {
  return config.rules[rule]?.level;
}

/**
 * Whether a rule is disabled at an offset, by front matter or an inline comment. Asked with offsets
 * in increasing order (toItems walks problems by start), it sweeps the disabled ranges once, keeping
 * only the ones open at the offset, so many inline directives cost linear time (issue 9). Every
 * directive that covers a disabled problem is marked as used (--report-unused-disable-directives).
 */
class DisabledSweep {
  private ranges: DisabledRange[];
  private next = 0;
  private open: DisabledRange[] = [];
  private all: boolean;
  constructor(
    private article: Article,
    private use: DirectiveUse,
  ) {
    const seen = new Set<string>();
    this.ranges = article.disabled
      .filter((d) => {
        const key = `${d.start}:${d.end}:${d.rules.join(',')}:${(d.except ?? []).join(',')}:${d.directive ?? ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.start - b.start);
    this.all = article.meta.disable.includes('all');
  }
  disabled(rule: string, start: number): boolean {
    // Front matter `copydesk.disable`: a rule id, a category ("spelling") or "all", like the inline comments.
    if (this.all || this.article.meta.disable.some((r) => r === rule || rule.startsWith(`${r}/`))) return true;
    while (this.next < this.ranges.length && this.ranges[this.next].start <= start) this.open.push(this.ranges[this.next++]);
    if (this.open.length) this.open = this.open.filter((d) => d.end > start);
    const match = (list: string[]) => list.find((r) => r === rule || r === 'all' || rule.startsWith(`${r}/`));
    let hit = false;
    for (const d of this.open) {
      if (d.rules.length) {
        const name = match(d.rules);
        if (name === undefined) continue;
        this.use.mark(d.directive, name);
      } else {
        if (match(d.except ?? []) !== undefined) continue;
        this.use.mark(d.directive, '');
      }
      hit = true; // keep going: every directive that covers the problem is used
    }
    return hit;
  }
}

/**
 * The bounds of the sentence holding `offset`, else of its block, else the whole text. An id's context
 * never reaches into another sentence, so editing one sentence leaves the ids in the others alone.
 */
function contextBounds(article: Article, offset: number): [number, number] {
  return spanAt(article.sentences, offset) ?? spanAt(article.blocks, offset) ?? [0, article.text.length];
}

function spanAt(spans: readonly { start: number; end: number }[], offset: number): [number, number] | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = spans[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return [b.start, b.end];
  }
  return undefined;
}

export function toItems(article: Article, problems: Problem[], config: EffectiveConfig, file: string): Item[] {
  const fp = new Fingerprinter(file);
  const items: Item[] = [];
  const use = new DirectiveUse(article);
  problems = [...problems, ...directiveProblems(article, config)];
  const sorted = [...problems].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  const dedupe = new Set<string>();
  const active = sorted.filter((p) => ruleLevel(config, p.rule) !== 'off');
  const unusedLevel = config.reportUnusedDisableDirectives;
  if (unusedLevel && unusedLevel !== 'off') {
    // Every problem is weighed against the disables first, so the unused ones are known before items are made.
    const pre = new DisabledSweep(article, use);
    for (const p of active) if (!p.rule.startsWith('input/')) pre.disabled(p.rule, p.start);
    active.push(...use.unused(unusedLevel, knownRuleNames(config)));
    active.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  }
  const spans = new SpansByRule(active);
  const sweep = new DisabledSweep(article, use);
  for (const p of active) {
    const meta = ruleMeta(p.rule);
    const level = ruleLevel(config, p.rule) as Severity | undefined; // 'off' was filtered out above
    // A rule that yields to another drops its item where that rule reported the same words.
    if (meta?.yieldsTo && meta.yieldsTo.some((r) => r !== p.rule && spans.overlaps(r, p.start, p.end))) continue;
    if (!p.rule.startsWith('input/') && sweep.disabled(p.rule, p.start)) continue;
    const key = `${p.rule}:${p.start}:${p.end}:${p.message}`;
    if (dedupe.has(key)) continue;
    dedupe.add(key);
    const severity: Severity = p.severity ?? level ?? meta?.severity ?? 'warning';
    const excerpt = article.text.slice(p.start, p.end).slice(0, 300);
    const id = fp.id(p.rule, excerpt, contextOf(article.prose, p.start, p.end, ...contextBounds(article, p.start)));
    items.push(makeItem(p, id, severity, excerpt, spanOf(article, p.start, p.end), config.docsUrl));
  }
  return items;
}

/** The problems of each rule, indexed for "does rule R report anything overlapping [start, end)". */
class SpansByRule {
  private byRule = new Map<string, SpanIndex>();
  constructor(problems: readonly Problem[]) {
    const lists = new Map<string, Problem[]>();
    for (const p of problems) {
      const l = lists.get(p.rule);
      if (l) l.push(p);
      else lists.set(p.rule, [p]);
    }
    for (const [rule, l] of lists) this.byRule.set(rule, new SpanIndex(l));
  }
  overlaps(rule: string, start: number, end: number): boolean {
    return this.byRule.get(rule)?.overlaps(start, end) ?? false;
  }
}

/** The item of a problem, once its id, severity, excerpt and position are known (the one place items are built). */
function makeItem(p: Problem, id: string, severity: Severity, excerpt: string, span: Position, docsUrl?: string): Item {
  const item: Item = {
    id,
    rule: p.rule,
    category: ruleMeta(p.rule)?.category ?? (p.rule.split('/')[0] as Item['category']),
    severity,
    message: p.message,
    excerpt,
    ...span,
    suggestions: p.suggestions ?? [],
    status: 'open',
    docsUrl: docsUrlFor(p.rule, docsUrl),
  };
  if (p.claimId) item.claimId = p.claimId;
  if (p.actual !== undefined) item.actual = p.actual;
  if (p.expected !== undefined) item.expected = p.expected;
  if (p.evidence?.length) item.evidence = p.evidence;
  return item;
}

/**
 * The item of a file that could not be read (input/file-error): there is no article, so it sits at 1:1
 * and its id is the rule, the file's key and the error's code, stable across runs.
 */
export function fileErrorItem(problem: Problem, file: string, code: string): Item {
  const severity = problem.severity ?? ruleMeta(problem.rule)?.severity ?? 'error';
  return makeItem(problem, digest(`${problem.rule}\u0000${file}\u0000${code}`), severity, '', { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 });
}

/** Most severe first, then by file and position. */
export function compareItems(a: Item, b: Item): number {
  return compareSeverity(a.severity, b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || a.offset - b.offset;
}
