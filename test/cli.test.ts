// `copydesk lint` end to end through the built CLI: exit codes, --max-warnings, --min-severity,
// --quiet, --output-file, colour, and the GitHub format's step summary.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { lint, lintJson, only, SPELLING, tempDir, writeTree } from './helpers/ci.js';

const CLEAN = '# Parks\n\nThe park opened on Monday. Families came early.\n';
const TYPOS = '# Roads\n\nThe goverment will pay for the new road.\n\nThe comittee met on Monday.\n';

function project(level: string, articles: Record<string, string> = { 'typos.md': TYPOS, 'clean.md': CLEAN }) {
  const dir = tempDir();
  writeTree(dir, { 'copydesk.config.json': { rules: only({ [SPELLING]: level }) }, ...Object.fromEntries(Object.entries(articles).map(([k, v]) => [`articles/${k}`, v])) });
  return dir;
}

describe('exit codes', () => {
  it('0 when clean, with nothing printed', () => {
    const dir = project('error', { 'clean.md': CLEAN });
    const r = lint(dir, ['articles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('1 when an error is open, with stylish output naming file, position, message and rule', () => {
    const r = lint(project('error'), ['articles']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^articles\/typos\.md$/m);
    expect(r.stdout).toMatch(/^ {2}3:5 +error +“goverment” is not in the dictionary.*spelling\/unknown-word$/m);
    expect(r.stdout).toMatch(/✖ 2 problems \(2 errors, 0 warnings, 0 info\)/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a TTY: plain
  });

  it('0 with warnings only; 1 when they pass --max-warnings', () => {
    const dir = project('warning');
    expect(lint(dir, ['articles']).code).toBe(0);
    expect(lint(dir, ['articles', '--max-warnings', '2']).code).toBe(0);
    const over = lint(dir, ['articles', '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/too many warnings \(2; the maximum is 1\)/);
  });

  it('-q --max-warnings counts the warnings that exist, though the report leaves them out (ESLint)', () => {
    const counted = lint(project('warning'), ['articles', '--quiet', '--max-warnings', '0']);
    expect(counted.code).toBe(1);
    expect(counted.stdout).toBe('');
    expect(counted.stderr).toMatch(/too many warnings \(2; the maximum is 0\)/);
  });

  it('--quiet and --min-severity leave lower severities out of the report', () => {
    const dir = project('warning');
    const quiet = lint(dir, ['articles', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    const info = project('info');
    expect(lintJson(info, ['articles']).report.files.flatMap((f) => f.items)).toHaveLength(2);
    expect(lintJson(info, ['articles', '--min-severity', 'warning']).report.files.flatMap((f) => f.items)).toHaveLength(0);
  });

  it('2 on usage errors: unknown option, unknown format, bad number, missing path', () => {
    const dir = project('error');
    for (const args of [['articles', '--no-such-option'], ['articles', '--format', 'xml'], ['articles', '--max-warnings', 'many'], ['nowhere'], ['articles', '--min-severity', 'fatal']]) {
      const r = lint(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/error|no such file|must be/i);
    }
  });

  it('1 for an unreadable article (a file error is an error item), and the others are still checked', () => {
    const dir = project('error', { 'clean.md': CLEAN, 'empty.md': '' });
    const r = lintJson(dir, ['articles']);
    expect(r.code).toBe(1);
    expect(r.report.files.find((f) => f.path.endsWith('empty.md'))!.error!.message).toMatch(/empty/);
    expect(r.report.files.find((f) => f.path.endsWith('clean.md'))!.items).toHaveLength(0);
  });
});

describe('output', () => {
  it('--output-file writes the report atomically and prints nothing', () => {
    const dir = project('error');
    const r = lint(dir, ['articles', '--format', 'junit', '--output-file', 'reports/copydesk.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const xml = fs.readFileSync(path.join(dir, 'reports/copydesk.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['copydesk.xml']);
  });

  it('colours stylish output only when forced on a non-TTY, never with NO_COLOR or into a file', () => {
    const dir = project('error');
    expect(lint(dir, ['articles'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[31m/);
    expect(lint(dir, ['articles'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    lint(dir, ['articles', '--output-file', 'out.txt'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });

  it('--format github prints annotations and appends a Markdown summary to $GITHUB_STEP_SUMMARY', () => {
    const dir = project('error');
    const summary = path.join(dir, 'summary.md');
    fs.writeFileSync(summary, '# Earlier step\n');
    const r = lint(dir, ['articles', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=articles\/typos\.md,line=3,endLine=3,col=5,endColumn=13,title=copydesk spelling\/unknown-word::“goverment”/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^copydesk: 2 problems \(2 errors/);
    const md = fs.readFileSync(summary, 'utf8');
    expect(md.startsWith('# Earlier step\n### copydesk: 2 errors, 0 warnings, 0 info')).toBe(true);
    expect(md).toMatch(/\| ❌ error \| `articles\/typos\.md` \| 3 \| `spelling\/unknown-word` \|/);
    // Without the variable nothing is written anywhere else.
    expect(lint(dir, ['articles', '--format', 'github']).code).toBe(1);
  });

  it('rdjsonl and json go to stdout', () => {
    const dir = project('warning');
    const lines = lint(dir, ['articles', '--format', 'rdjsonl']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((d) => [d.severity, d.code.value, d.location.path])).toEqual([
      ['WARNING', SPELLING, 'articles/typos.md'],
      ['WARNING', SPELLING, 'articles/typos.md'],
    ]);
  });
});
