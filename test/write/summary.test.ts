// summary.md: the articles with the most problems first, paths relative, names escaped, claim reviews counted.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../pipeline/write/summary.js';
import type { Claim, FileResult, Item } from '../../pipeline/core/types.js';

const item = (severity: Item['severity'], status: Item['status'] = 'open'): Item => ({
  id: Math.random().toString(16).slice(2, 18).padEnd(16, '0'),
  rule: 'style/filler',
  category: 'style',
  severity,
  message: 'm',
  excerpt: 'x',
  offset: 0,
  endOffset: 1,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  suggestions: [],
  status,
});
const claim = (review?: Claim['review']): Claim => ({ id: 'c-0123456789ab', kind: 'numeric', text: '40 percent', sentenceIndex: 0, sentenceOffset: 0, sentenceEndOffset: 1, offset: 0, endOffset: 1, line: 3, column: 1, endLine: 3, endColumn: 2, ...(review ? { review } : {}) });
const file = (p: string, items: Item[], claims: Claim[] = []): FileResult => ({ path: p, words: 10, claims, items });

describe('summaryMarkdown', () => {
  const cwd = '/desk';
  const results = [
    file('a/quiet.md', [item('info')]),
    file('/desk/b/worst.md', [item('error'), item('error'), item('warning')]),
    file('c/some.md', [item('error'), item('warning', 'dismissed')], [claim({ status: 'wrong', assignee: 'Sam', note: 'see the <b>report</b>' })]),
    file('d/[x](javascript:alert(1))|<img>.md', [item('warning')]),
  ];
  const md = summaryMarkdown(results, cwd);
  const rows = md.split('\n').filter((l) => /^\| [^a-z-]*[a-z]/.test(l) && l.includes('.md'));

  it('lists the articles with the most open errors first (then warnings), with relative paths', () => {
    expect(rows[0].startsWith('| b/worst.md |')).toBe(true);
    expect(rows[1].startsWith('| c/some.md |')).toBe(true);
    expect(rows[2]).toContain('javascript');
    expect(rows[3].startsWith('| a/quiet.md |')).toBe(true);
    expect(md).not.toContain('/desk/');
    expect(path.isAbsolute(rows[0].split('|')[1].trim())).toBe(false);
  });
  it('escapes Markdown and HTML in names and notes', () => {
    expect(md).toContain('d/\\[x\\](javascript:alert(1))\\|&lt;img&gt;.md');
    expect(md).not.toContain('<img>');
    expect(md).not.toContain('<b>');
  });
  it('counts claim reviews and lists the claims marked wrong, needing a source or disputed', () => {
    expect(md).toMatch(/\| wrong \| 1 \|/);
    expect(md).toMatch(/\| unchecked \| 0 \|/);
    expect(md).toContain('| c/some.md | 3 | 40 percent | wrong | Sam | see the &lt;b&gt;report&lt;/b&gt; |');
  });
});
