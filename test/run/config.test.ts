// Configuration for `copydesk lint`: discovery, errors that name the file and the JSON pointer of the
// bad key (exit 2), and what to skip (config "ignore" globs, .copydeskignore).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { lint, lintJson, only, SPELLING, tempDir, writeTree } from '../helpers/ci.js';

const ARTICLE = '# Roads\n\nThe goverment will pay for the new road.\n';

function expectConfigError(dir: string, file: string, pointer: string, detail: RegExp) {
  const r = lint(dir, ['.']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const line = r.stderr.trim();
  expect(line.startsWith(`copydesk: config error: ${path.join(dir, file)}${pointer ? ` at ${pointer}` : ''}: `), line).toBe(true);
  expect(line).toMatch(detail);
}

describe('config errors exit 2 naming the file and the JSON pointer', () => {
  it('a wrong type', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { longSentence: 'long' }, 'a.md': ARTICLE });
    expectConfigError(dir, 'copydesk.config.json', '/longSentence', /must be integer/);
  });

  it('an unknown rule (with the escaped pointer)', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: { 'spelling/unknwn-word': 'error' } }, 'a.md': ARTICLE });
    expectConfigError(dir, 'copydesk.config.json', '/rules/spelling~1unknwn-word', /unknown rule "spelling\/unknwn-word" \(did you mean "spelling\/unknown-word"\?\)/);
  });

  it('a bad rule setting', () => {
    const dir = writeTree(tempDir(), { '.copydeskrc.json': { rules: { [SPELLING]: 'fatal' } }, 'a.md': ARTICLE });
    expectConfigError(dir, '.copydeskrc.json', '/rules/spelling~1unknown-word', /a rule setting is "off", "error", "warning" or "info", or \[severity, \{options\}\] \(got "fatal"\)/);
  });

  it('an unknown option', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { colour: true }, 'a.md': ARTICLE });
    expectConfigError(dir, 'copydesk.config.json', '/colour', /unknown option "colour"/);
  });

  it('a broken JSON file', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': '{\n  "rules": { , }\n}', 'a.md': ARTICLE });
    expectConfigError(dir, 'copydesk.config.json', '', /not valid JSON: .*\(line 2, column 14\)/);
  });

  it('a facts path that does not exist', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { facts: ['facts/missing.yaml'] }, 'a.md': ARTICLE });
    expectConfigError(dir, 'copydesk.config.json', '/facts/0', /cannot read facts file .*missing\.yaml \(ENOENT\)/);
  });

  it('the "copydesk" key of package.json', () => {
    const dir = writeTree(tempDir(), { 'package.json': { name: 'newsroom', copydesk: { language: 'fr' } }, 'a.md': ARTICLE });
    expectConfigError(dir, 'package.json', '/copydesk/language', /must be equal to one of the allowed values/);
  });
});

describe('config discovery', () => {
  it('walks up from each article: the nearest config governs', () => {
    const dir = writeTree(tempDir(), {
      'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) },
      'desk/a.md': ARTICLE,
      'desk/uk/.copydeskrc.json': { rules: only({ [SPELLING]: 'warning' }), words: ['goverment'] },
      'desk/uk/b.md': ARTICLE,
      'sport/package.json': { name: 'sport', copydesk: { rules: only({ [SPELLING]: 'info' }) } },
      'sport/c.md': ARTICLE,
    });
    const { code, report } = lintJson(dir, ['.']);
    expect(code).toBe(1);
    const sev = Object.fromEntries(report.files.map((f) => [f.path, f.items.map((i) => i.severity)]));
    expect(sev).toEqual({ 'desk/a.md': ['error'], 'desk/uk/b.md': [], 'sport/c.md': ['info'] });
  });

  it('--config overrides discovery', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { colour: 1 }, 'other.json': { rules: only({ [SPELLING]: 'warning' }) }, 'a.md': ARTICLE });
    const { code, report } = lintJson(dir, ['.', '--config', 'other.json']);
    expect(code).toBe(0);
    expect(report.files[0].items.map((i) => i.severity)).toEqual(['warning']);
  });
});

describe('ignoring articles', () => {
  const dir = writeTree(tempDir(), {
    'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }), ignore: ['drafts/**', 'archive', '**/*.notes.md'] },
    '.copydeskignore': '# gitignore syntax\n*.txt\n!keep.txt\nvendor/\n',
    'news/a.md': ARTICLE,
    'news/a.notes.md': ARTICLE,
    'drafts/b.md': ARTICLE,
    'archive/2019/c.md': ARTICLE,
    'news/d.txt': ARTICLE,
    'news/keep.txt': ARTICLE,
    'vendor/e.md': ARTICLE,
    'desk/copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) },
    'desk/.copydeskignore': 'private.md\n',
    'desk/private.md': ARTICLE,
    'desk/public.md': ARTICLE,
  });

  it('skips what the config globs, the .copydeskignore above the cwd and the one beside the config exclude', () => {
    const { report } = lintJson(dir, ['.']);
    expect(report.files.map((f) => f.path).sort()).toEqual(['desk/public.md', 'news/a.md', 'news/keep.txt']);
  });

  it('says so when a named file is ignored, and --no-ignore checks it', () => {
    const r = lint(dir, ['drafts/b.md', 'news/a.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/drafts\/b\.md is ignored \(copydesk\.config\.json\); use --no-ignore to check it/);
    expect(r.stdout).not.toMatch(/drafts/);
    const all = lintJson(dir, ['.', '--no-ignore']);
    expect(all.report.files).toHaveLength(9);
  });

  it('an ignored-only run is clean', () => {
    const r = lint(dir, ['drafts']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'drafts/b.md'))).toBe(true);
  });
});
