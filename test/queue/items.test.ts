import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../pipeline/parse/index.js';
import { toItems, compareItems } from '../../pipeline/queue/items.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import type { Problem } from '../../pipeline/core/types.js';

// Items for every occurrence of `word`, as a rule would report them.
function itemsFor(text: string, word: string, rule = 'style/filler') {
  const a = parseArticle('a.md', text);
  const problems: Problem[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) problems.push({ rule, start: i, end: i + word.length, messageId: 'm', message: 'm' });
  return toItems(a, problems, defaultConfig(), 'a.md');
}

describe('stable item ids', () => {
  const base = 'The first paragraph is here.\n\nIt is worth noting the budget grew.\n\nAnother paragraph follows.\n';
  const [item] = itemsFor(base, 'worth noting');

  it('survive a paragraph added above', () => {
    const [moved] = itemsFor('A brand new opening paragraph.\n\n' + base, 'worth noting');
    expect(moved.id).toBe(item.id);
    expect(moved.line).toBe(item.line + 2);
  });
  it('survive a paragraph removed above and another sentence edited', () => {
    const edited = 'It is worth noting the budget grew.\n\nA different closing paragraph, rewritten.\n';
    expect(itemsFor(edited, 'worth noting')[0].id).toBe(item.id);
  });
  it('differ for two occurrences of the same excerpt in the same context', () => {
    const twice = itemsFor('It is worth noting that. It is worth noting that.\n', 'worth noting');
    expect(twice).toHaveLength(2);
    expect(twice[0].id).not.toBe(twice[1].id);
  });
  it('change when the flagged text itself changes', () => {
    const other = itemsFor(base.replace('worth noting', 'worth nothing'), 'worth nothing');
    expect(other[0].id).not.toBe(item.id);
  });
  it('carry 1-based line/column positions with an exclusive end', () => {
    expect(item).toMatchObject({ line: 3, column: 7, endLine: 3, endColumn: 19, excerpt: 'worth noting', status: 'open' });
  });
});

describe('configuration and disables', () => {
  it('drops items of a rule turned off, and applies a configured severity', () => {
    const a = parseArticle('a.md', 'Some text here.\n');
    const config = defaultConfig();
    const p: Problem = { rule: 'style/filler', start: 0, end: 4, messageId: 'm', message: 'm' };
    config.rules['style/filler'] = { level: 'off', options: {} };
    expect(toItems(a, [p], config, 'a.md')).toEqual([]);
    config.rules['style/filler'] = { level: 'error', options: {} };
    expect(toItems(a, [p], config, 'a.md')[0].severity).toBe('error');
  });
  it('honours disable-next-line comments and front-matter disables', () => {
    const text = '---\ncopydesk:\n  disable: [grammar/repeated-word]\n---\n\n<!-- copydesk-disable-next-line style/filler -->\nSome text here.\n\nMore text here.\n';
    const a = parseArticle('a.md', text);
    const at = (w: string, rule: string): Problem => ({ rule, start: text.indexOf(w), end: text.indexOf(w) + w.length, messageId: 'm', message: 'm' });
    const items = toItems(a, [at('Some', 'style/filler'), at('More', 'style/filler'), at('More', 'grammar/repeated-word')], defaultConfig(), 'a.md');
    expect(items.map((i) => `${i.rule}:${i.excerpt}`)).toEqual(['style/filler:More']);
  });
  it('sorts the most severe first', () => {
    const mk = (severity: 'error' | 'warning' | 'info', offset: number) => ({ severity, offset, file: 'a' }) as Parameters<typeof compareItems>[0];
    const sorted = [mk('info', 1), mk('error', 5), mk('warning', 0), mk('error', 2)].sort(compareItems);
    expect(sorted.map((i) => `${i.severity}${i.offset}`)).toEqual(['error2', 'error5', 'warning0', 'info1']);
  });
});

describe('rules that yield to another rule', () => {
  const text = 'Critics say the plan will fail.\n';
  const a = parseArticle('a.txt', text);
  const vague: Problem = { rule: 'sourcing/vague-attribution', start: 0, end: 11, messageId: 'm', message: 'vague' };
  const policy: Problem = { rule: 'sourcing/anonymous-source', start: 0, end: 11, messageId: 'm', message: 'anonymous' };
  it('drop their item where the other rule reported the same words', () => {
    expect(toItems(a, [vague, policy], defaultConfig(), 'a.txt').map((i) => i.rule)).toEqual(['sourcing/anonymous-source']);
  });
  it('keep it when the other rule is off or silent', () => {
    const config = defaultConfig();
    config.rules['sourcing/anonymous-source'] = { level: 'off', options: {} };
    expect(toItems(a, [vague, policy], config, 'a.txt').map((i) => i.rule)).toEqual(['sourcing/vague-attribution']);
    expect(toItems(a, [vague], defaultConfig(), 'a.txt').map((i) => i.rule)).toEqual(['sourcing/vague-attribution']);
  });
});
