// The queue stage (per article): problems -> review items, with configured severity, inline and
// front-matter disables applied, stable ids and positions.
import type { Article, EffectiveConfig, Item, Problem, Severity } from '../types.js';
import { spanOf } from '../parse/positions.js';
import { ruleMeta } from '../registry.js';
import { Fingerprinter, contextOf } from './fingerprint.js';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function ruleLevel(config: EffectiveConfig, rule: string): Severity | 'off' | undefined {
  return config.rules[rule]?.level;
}

function disabledAt(article: Article, rule: string, start: number): boolean {
  if (article.meta.disable.includes(rule) || article.meta.disable.includes('all')) return true;
  for (const d of article.disabled) {
    if (start >= d.start && start < d.end && (d.rules.length === 0 || d.rules.includes(rule) || d.rules.some((r) => rule.startsWith(`${r}/`)))) return true;
  }
  return false;
}

/** The bounds of the block holding `offset` (the whole text when it lies outside every block). */
function blockBounds(article: Article, offset: number): [number, number] {
  let lo = 0;
  let hi = article.blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = article.blocks[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return [b.start, b.end];
  }
  return [0, article.text.length];
}

export function toItems(article: Article, problems: Problem[], config: EffectiveConfig, file: string): Item[] {
  const fp = new Fingerprinter(file);
  const items: Item[] = [];
  const sorted = [...problems].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  const dedupe = new Set<string>();
  for (const p of sorted) {
    const meta = ruleMeta(p.rule);
    const level = ruleLevel(config, p.rule);
    if (level === 'off') continue;
    if (!p.rule.startsWith('input/') && disabledAt(article, p.rule, p.start)) continue;
    const key = `${p.rule}:${p.start}:${p.end}:${p.message}`;
    if (dedupe.has(key)) continue;
    dedupe.add(key);
    const severity: Severity = p.severity ?? level ?? meta?.severity ?? 'warning';
    const excerpt = article.text.slice(p.start, p.end).slice(0, 300);
    const item: Item = {
      id: fp.id(p.rule, excerpt, contextOf(article.prose, p.start, p.end, ...blockBounds(article, p.start))),
      rule: p.rule,
      category: meta?.category ?? (p.rule.split('/')[0] as Item['category']),
      severity,
      message: p.message,
      excerpt,
      ...spanOf(article, p.start, p.end),
      suggestions: p.suggestions ?? [],
      status: 'open',
    };
    if (p.claimId) item.claimId = p.claimId;
    if (p.actual !== undefined) item.actual = p.actual;
    if (p.expected !== undefined) item.expected = p.expected;
    if (p.evidence?.length) item.evidence = p.evidence;
    items.push(item);
  }
  return items;
}

/** Most severe first, then by file and position. */
export function compareItems(a: Item, b: Item): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.file ?? '').localeCompare(b.file ?? '') || a.offset - b.offset;
}
