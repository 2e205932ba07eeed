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

  it('a misspelt rule option, with the path inside the options and a did-you-mean', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: { 'clarity/long-sentence': ['info', { maks: 40 }] } }, 'a.md': ARTICLE });
    expectConfigError(dir, 'copydesk.config.json', '/rules/clarity~1long-sentence/1/maks', /clarity\/long-sentence has no option "maks" \(did you mean "max"\?\): it takes "max"$/);
  });

  it('a rule option of the wrong type, checked against the rule\'s meta.options', () => {
    const dir = writeTree(tempDir(), { '.copydeskrc.json': { rules: { 'clarity/long-sentence': ['info', { max: 'forty' }] } }, 'a.md': ARTICLE });
    expectConfigError(dir, '.copydeskrc.json', '/rules/clarity~1long-sentence/1/max', /clarity\/long-sentence option max must be integer/);
  });

  it('an option for a rule that takes none (inside package.json)', () => {
    const dir = writeTree(tempDir(), { 'package.json': { name: 'newsroom', copydesk: { rules: { 'grammar/repeated-word': ['warning', { strict: true }] } } }, 'a.md': ARTICLE });
    expectConfigError(dir, 'package.json', '/copydesk/rules/grammar~1repeated-word/1/strict', /grammar\/repeated-word has no option "strict": it takes no options/);
  });

  it('the "copydesk" key of package.json', () => {
    const dir = writeTree(tempDir(), { 'package.json': { name: 'newsroom', copydesk: { language: 'fr' } }, 'a.md': ARTICLE });
    expectConfigError(dir, 'package.json', '/copydesk/language', /must be equal to one of the allowed values/);
  });
});

describe('the retired top-level "longSentence"', () => {
  const LONG = '# Roads\n\nThe council approved the budget for the new road on Tuesday after a long debate.\n';
  it('still sets clarity/long-sentence\'s limit, with a warning that names the file and the replacement', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { longSentence: 10, rules: only({ 'clarity/long-sentence': 'warning' }) }, 'a.md': LONG });
    const r = lintJson(dir, ['.']);
    expect(r.report.files[0].items.map((i) => [i.rule, i.message])).toEqual([['clarity/long-sentence', 'This sentence is too long: 15 words (the limit is 10). Split it into two or more sentences.']]);
    expect(r.stderr).toContain(`copydesk: warning: ${path.join(dir, 'copydesk.config.json')} at /longSentence: "longSentence" is deprecated (it still sets the limit): write "rules": { "clarity/long-sentence": ["warning", { "max": 10 }] } instead`);
  });
  it('yields to the rule option max, and says it is ignored', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { longSentence: 10, rules: only({ 'clarity/long-sentence': ['warning', { max: 20 }] }) }, 'a.md': LONG });
    const r = lintJson(dir, ['.']);
    expect(r.report.files[0].items).toEqual([]);
    expect(r.stderr).toContain('"longSentence" is ignored: the option "max" of clarity/long-sentence (20) sets the limit');
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
