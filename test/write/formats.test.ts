// The CI formatters on a hand-built report: GitHub workflow commands and their escaping, JUnit XML,
// reviewdog rdjsonl, stylish colour, and the step summary.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, Item, Report } from '../../pipeline/core/types.js';
import { formatters } from '../../pipeline/write/formats/index.js';
import { annotation, escapeData, escapeProperty, githubSummary, ANNOTATIONS_PER_SEVERITY } from '../../pipeline/write/formats/github.js';
import { xmlAttr, xmlText } from '../../pipeline/write/formats/junit.js';
import { utf8Column } from '../../pipeline/write/formats/rdjsonl.js';
import { filterBySeverity } from '../../pipeline/write/report.js';
import { parseXml } from '../helpers/xml.js';
import { tempDir } from '../helpers/ci.js';

let n = 0;
function item(over: Partial<Item>): Item {
  n++;
  return {
    id: n.toString(16).padStart(16, '0'),
    rule: 'spelling/unknown-word',
    category: 'spelling',
    severity: 'error',
    message: 'A problem.',
    excerpt: 'word',
    offset: 10,
    endOffset: 14,
    line: 2,
    column: 3,
    endLine: 2,
    endColumn: 7,
    suggestions: [],
    status: 'open',
    ...over,
  };
}

function file(p: string, items: Item[], extra: Partial<FileResult> = {}): FileResult {
  return { path: p, words: 100, claims: [], items, ...extra };
}

const report = (files: FileResult[]): Report => ({ version: 1, tool: { name: 'copydesk', version: 'test' }, files });
const ctx = { color: false, cwd: '/nonexistent' };

describe('github format', () => {
  it('escapes data (%, CR, LF) and properties (also : and ,) the way the runner requires', () => {
    expect(escapeData('50% off\r\nnow: a, b')).toBe('50%25 off%0D%0Anow: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes ::error with file, line, endLine, col, endColumn (inclusive) and title', () => {
    const line = annotation({ file: file('news/a, b.md', []), item: item({ message: 'Fix: “teh”, 100%\nnow', suggestions: ['the'] }) });
    expect(line).toBe('::error file=news/a%2C b.md,line=2,endLine=2,col=3,endColumn=6,title=copydesk spelling/unknown-word::Fix: “teh”, 100%25%0Anow (suggestion: the)');
  });

  it('maps info to ::notice and leaves columns out of a span over several lines', () => {
    const line = annotation({ file: file('a.md', []), item: item({ severity: 'info', line: 3, endLine: 5, endColumn: 4 }) });
    expect(line).toBe('::notice file=a.md,line=3,endLine=5,title=copydesk spelling/unknown-word::A problem.');
    const empty = annotation({ file: file('a.md', []), item: item({ rule: 'input/file-error', offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 }) });
    expect(empty).toBe('::error file=a.md,line=1,col=1,title=copydesk input/file-error::A problem.');
  });

  it('prints the most severe first, skips dismissed items, and ends with the counts', () => {
    const out = formatters.github(
      report([
        file('b.md', [item({ severity: 'info', message: 'note b' }), item({ severity: 'warning', message: 'warn b' })]),
        file('a.md', [item({ severity: 'warning', message: 'warn a' }), item({ severity: 'error', message: 'err a', line: 9 }), item({ status: 'dismissed', message: 'gone' })]),
        file('c.md', []),
      ]),
      ctx,
    );
    const lines = out.trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/ .*::/, ' ').replace(/^::/, ''))).toEqual(['error err a', 'warning warn a', 'warning warn b', 'notice note b', expect.stringMatching(/^copydesk/)]);
    expect(lines.at(-1)).toBe('copydesk: 4 problems (1 error, 2 warnings, 1 info) in 2 files of 3 checked; 1 dismissed in the decisions file.');
    expect(out).not.toMatch(/gone/);
  });

  it('says where the full report is when more than 10 annotations of a severity are hidden', () => {
    const many = Array.from({ length: ANNOTATIONS_PER_SEVERITY + 3 }, (_, i) => item({ severity: 'warning', line: i + 1, endLine: i + 1 }));
    const out = formatters.github(report([file('a.md', many)]), ctx);
    expect(out).toMatch(/at most 10 annotations of each severity per step, so 3 problems appear only in this log/);
    expect(out).toMatch(/--format sarif --output-file copydesk\.sarif/);
    const few = formatters.github(report([file('a.md', many.slice(0, 10))]), ctx);
    expect(few).not.toMatch(/at most 10/);
  });

  it('builds a Markdown step summary with counts and a table, escaping pipes and markup', () => {
    const md = githubSummary(report([file('a.md', [item({ message: 'a | b <script>' }), item({ status: 'dismissed' })])]));
    expect(md).toMatch(/^### copydesk: 1 error, 0 warnings, 0 info/);
    expect(md).toMatch(/1 article checked; 1 dismissed in the decisions file/);
    expect(md).toContain('| ❌ error | `a.md` | 2 | `spelling/unknown-word` | a \\| b &lt;script&gt; |');
  });
});

describe('junit format', () => {
  it('escapes text and attributes and drops characters XML cannot hold', () => {
    expect(xmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(xmlAttr(`"x" & 'y'\n`)).toBe('&quot;x&quot; &amp; &apos;y&apos;&#10;');
    expect(xmlText('bell\u0007 lone\uD800 pair\uD83D\uDE00')).toBe('bell\uFFFD lone\uFFFD pair\uD83D\uDE00');
  });

  it('writes well-formed XML: a testsuite per file, a failure per item, a passing case for a clean file', () => {
    const nasty = 'Quote “<b>” & \'x\' "y" ]]> \u0001 end';
    const out = formatters.junit(
      report([
        file('dir/a&b.md', [item({ message: nasty, excerpt: '<teh>' }), item({ severity: 'warning', status: 'dismissed', note: 'fine <really>' })]),
        file('clean.md', []),
        file('bad.md', [item({ rule: 'input/file-error', category: 'input', message: 'bad.md: the file is empty' })], { error: { message: 'bad.md: the file is empty', code: 'empty' } }),
      ]),
      ctx,
    );
    const root = parseXml(out);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    const [a, clean, bad] = root.children;
    expect(a.attrs).toMatchObject({ name: 'dir/a&b.md', tests: '2', failures: '1', skipped: '1' });
    const failure = a.children[0].children[0];
    expect(failure.name).toBe('failure');
    expect(failure.attrs.message).toBe(nasty.replace('\u0001', '\uFFFD'));
    expect(failure.text).toContain('excerpt: <teh>');
    expect(a.children[1].children[0]).toMatchObject({ name: 'skipped', attrs: { message: 'dismissed: fine <really>' } });
    expect(clean.attrs).toMatchObject({ tests: '1', failures: '0' });
    expect(clean.children).toHaveLength(1);
    expect(clean.children[0].children).toHaveLength(0);
    expect(bad.children[0].children[0].name).toBe('error');
  });

  it('rejects what is not well-formed (the checker can fail)', () => {
    expect(() => parseXml('<a b="1 < 2"/>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a><b></a></b>')).toThrow();
  });
});

describe('rdjsonl format', () => {
  it('converts UTF-16 columns to UTF-8 byte columns', () => {
    expect(utf8Column('a𐐀b', 1)).toBe(1);
    expect(utf8Column('a𐐀b', 2)).toBe(2);
    expect(utf8Column('a𐐀b', 4)).toBe(6);
    expect(utf8Column('“teh”', 2)).toBe(4);
  });

  it('writes one reviewdog diagnostic per open item with byte columns read from the article', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '# Title\n\n“Café” teh end\n');
    const out = formatters.rdjsonl(
      report([file('a.md', [item({ line: 3, column: 8, endLine: 3, endColumn: 11, excerpt: 'teh', suggestions: ['the'] }), item({ severity: 'info', status: 'dismissed' })])]),
      { color: false, cwd: dir },
    );
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      message: 'A problem.',
      location: { path: 'a.md', range: { start: { line: 3, column: 13 }, end: { line: 3, column: 16 } } },
      severity: 'ERROR',
      source: { name: 'copydesk', url: expect.stringMatching(/^(https|file):\/\//) },
      code: { value: 'spelling/unknown-word' },
      suggestions: [{ range: { start: { line: 3, column: 13 }, end: { line: 3, column: 16 } }, text: 'the' }],
    });
    // Unreadable article: the UTF-16 columns are kept; severities map to WARNING and INFO.
    const other = formatters.rdjsonl(report([file('missing.md', [item({ severity: 'warning' }), item({ severity: 'info' })])]), { color: false, cwd: dir });
    expect(other.trimEnd().split('\n').map((l) => JSON.parse(l).severity)).toEqual(['WARNING', 'INFO']);
    expect(JSON.parse(other.split('\n')[0]).location.range.start).toEqual({ line: 2, column: 3 });
  });
});

describe('stylish and json', () => {
  const r = report([file('a.md', [item({ severity: 'warning' })])]);
  it('colours only when asked', () => {
    expect(formatters.stylish(r, { color: true, cwd: '.' })).toMatch(/\u001b\[/);
    expect(formatters.stylish(r, { color: false, cwd: '.' })).not.toMatch(/\u001b\[/);
  });
  it('json is the report', () => {
    expect(JSON.parse(formatters.json(r, ctx))).toEqual(r);
  });
});

describe('--min-severity filter', () => {
  it('keeps items at or above the level and leaves the input alone', () => {
    const results = [file('a.md', [item({ severity: 'error' }), item({ severity: 'warning' }), item({ severity: 'info' })])];
    expect(filterBySeverity(results, 'warning')[0].items.map((i) => i.severity)).toEqual(['error', 'warning']);
    expect(filterBySeverity(results, 'error')[0].items.map((i) => i.severity)).toEqual(['error']);
    expect(filterBySeverity(results, 'info')[0].items).toHaveLength(3);
    expect(results[0].items).toHaveLength(3);
  });
});
