// The command line CI maintainers know from ESLint and textlint: --stdin, --fix, --fix-dry-run,
// --format ./formatter.js, --color/--no-color, unmatched patterns, --print-config, init, unused
// directives, progress on stderr, and docs links.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { lint, lintJson, only, runCli, SPELLING, tempDir, writeTree } from './helpers/ci.js';
import { repoRoot } from './helpers/shared.js';

const TYPOS = '# Roads\n\nThe goverment will pay for the new road.\n\nThe comittee met on Monday.\n';

// Each case runs the built CLI several times; on a loaded machine that takes a while.
const SLOW = 180_000;

describe('--stdin', () => {
  it('checks standard input, configured and named as --stdin-filename', () => {
    const dir = writeTree(tempDir(), { 'desk/copydesk.config.json': { rules: only({ [SPELLING]: 'warning' }) } });
    const r = runCli(['lint', '--stdin', '--stdin-filename', 'desk/draft.md', '--format', 'json'], { cwd: dir, input: TYPOS });
    expect(r.code).toBe(0); // warning, from desk/copydesk.config.json
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['desk/draft.md']);
    expect(report.files[0].items.map((i: { excerpt: string; severity: string }) => `${i.excerpt}:${i.severity}`)).toEqual(['goverment:warning', 'comittee:warning']);
  }, SLOW);
  it('an ignored --stdin-filename prints nothing and says why', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { ignore: ['drafts/**'] } });
    const r = runCli(['lint', '--stdin', '--stdin-filename', 'drafts/x.md'], { cwd: dir, input: TYPOS });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/drafts\/x\.md is ignored/);
  }, SLOW);
  it('--stdin with --fix-dry-run prints the fixed text', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ 'grammar/repeated-word': 'warning' }) } });
    const r = runCli(['lint', '--stdin', '--stdin-filename', 'a.md', '--fix-dry-run'], { cwd: dir, input: '# Roads\n\nThe the road opens.\n' });
    expect(r.stdout).toBe('# Roads\n\nThe road opens.\n');
  }, SLOW);
  it('names no files with --stdin', () => {
    expect(runCli(['lint', '--stdin', 'a.md'], { cwd: tempDir(), input: 'x' }).code).toBe(2);
  }, SLOW);
});

describe('--fix', () => {
  it('on a copy of the sample articles: applies the fixes, and a second lint no longer reports them', () => {
    const dir = tempDir();
    for (const f of fs.readdirSync(path.join(repoRoot, 'input'))) fs.copyFileSync(path.join(repoRoot, 'input', f), path.join(dir, f));
    const before = lintJson(dir, ['.', '--decisions', 'none.json']).report;
    const fixable = before.files.flatMap((f) => f.items.map((i) => ({ ...i, path: f.path }))).filter((i) => ['grammar/repeated-word', 'style/filler', 'consistency/name-variant'].includes(i.rule));
    expect(fixable.length).toBeGreaterThanOrEqual(3);
    const r = lint(dir, ['.', '--fix', '--decisions', 'none.json']);
    expect(r.stderr).toMatch(/fixed \d+ problems? in \d+ files?/);
    expect(r.stderr).toMatch(/“the the” -> “the” \(grammar\/repeated-word\)/);
    expect(fs.readFileSync(path.join(dir, 'marathon.txt'), 'utf8')).not.toMatch(/\bthe the\b/);
    const after = lintJson(dir, ['.', '--decisions', 'none.json']).report;
    const ids = new Set(after.files.flatMap((f) => f.items.map((i) => `${f.path}:${i.rule}:${i.excerpt}`)));
    for (const i of fixable) expect(ids.has(`${i.path}:${i.rule}:${i.excerpt}`), `${i.rule} ${i.excerpt}`).toBe(false);
    // Nothing else was touched: a third run fixes nothing more.
    expect(lint(dir, ['.', '--fix-dry-run', '--decisions', 'none.json']).stdout).toBe('');
  }, SLOW);

  it('never inside a quotation, never an ambiguous suggestion, never overlapping fixes; keeps a BOM', () => {
    const text = '\uFEFF# Roads\n\n“The the road is ours,” she said. The the council agreed.\n\nThe goverment will pay.\n';
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { language: 'en-GB', rules: only({ 'grammar/repeated-word': 'warning', [SPELLING]: 'error' }) }, 'a.md': text });
    lint(dir, ['a.md', '--fix']);
    const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
    expect(fixed).toBe('\uFEFF# Roads\n\n“The the road is ours,” she said. The council agreed.\n\nThe government will pay.\n');
  }, SLOW);

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ 'grammar/repeated-word': 'warning' }) }, 'a.md': '# Roads\n\nOne.\n\nThe the road opens.\n\nTwo.\n' });
    const r = lint(dir, ['a.md', '--fix-dry-run']);
    expect(r.stdout).toBe('--- a/a.md\n+++ b/a.md\n@@ -2,6 +2,6 @@\n \n One.\n \n-The the road opens.\n+The road opens.\n \n Two.\n');
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toContain('The the');
  }, SLOW);
});

describe('formats and colour', () => {
  it('--format ./formatter.js: a module exporting a function of the report', () => {
    const dir = writeTree(tempDir(), {
      'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) },
      'a.md': TYPOS,
      'fmt.mjs': 'export default (report, ctx) => report.files.map((f) => `${f.path} ${f.items.length} ${typeof ctx.cwd}`).join("\\n") + "\\n";\n',
    });
    const r = lint(dir, ['a.md', '--format', './fmt.mjs']);
    expect(r.stdout).toBe('a.md 2 string\n');
    expect(r.code).toBe(1);
    expect(lint(dir, ['a.md', '--format', './missing.mjs']).code).toBe(2);
  }, SLOW);
  it('--color forces colour, --no-color wins over FORCE_COLOR', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) }, 'a.md': TYPOS });
    expect(lint(dir, ['a.md', '--color']).stdout).toMatch(/\u001b\[31m/);
    expect(lint(dir, ['a.md', '--no-color'], { FORCE_COLOR: '1', NO_COLOR: undefined }).stdout).not.toMatch(/\u001b\[/);
  }, SLOW);
  it('every item links to its rule docs; stylish lists them, JUnit and rdjsonl carry them', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }), docsUrl: 'https://style.example/rules/{rule}' }, 'a.md': TYPOS });
    const { report } = lintJson(dir, ['a.md']);
    expect((report.files[0].items[0] as unknown as { docsUrl: string }).docsUrl).toBe('https://style.example/rules/spelling%2Funknown-word');
    expect(lint(dir, ['a.md']).stdout).toMatch(/Rule docs:\n {2}spelling\/unknown-word {2}https:\/\/style\.example\/rules\/spelling%2Funknown-word/);
    expect(lint(dir, ['a.md', '--format', 'junit']).stdout).toContain('docs: https://style.example/rules/spelling%2Funknown-word');
    expect(JSON.parse(lint(dir, ['a.md', '--format', 'rdjsonl']).stdout.split('\n')[0]).code).toEqual({ value: SPELLING, url: 'https://style.example/rules/spelling%2Funknown-word' });
    const sarif = JSON.parse(lint(dir, ['a.md', '--format', 'sarif']).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === SPELLING);
    expect(rule.helpUri).toBe('https://style.example/rules/spelling%2Funknown-word');
  }, SLOW);
  it('the default link is a stable anchor in docs/rules.md that exists', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) }, 'a.md': TYPOS });
    const url = (lintJson(dir, ['a.md']).report.files[0].items[0] as unknown as { docsUrl: string }).docsUrl;
    const [file, anchor] = url.split('#');
    expect(anchor).toBe('spelling-unknown-word');
    if (file.startsWith('file:')) expect(fs.readFileSync(new URL(file), 'utf8')).toContain(`<a id="${anchor}"></a>`);
  }, SLOW);
});

describe('patterns', () => {
  it('an empty folder or a glob that matches nothing is exit 2, unless --no-error-on-unmatched-pattern', () => {
    const dir = writeTree(tempDir(), { 'empty/.keep': '', 'a.md': '# Parks\n\nThe park opened.\n' });
    const r = lint(dir, ['empty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no articles .* in the folder empty/);
    expect(lint(dir, ['nothing/**/*.md']).code).toBe(2);
    expect(lint(dir, ['empty', 'nothing/**/*.md', '--no-error-on-unmatched-pattern']).code).toBe(0);
  }, SLOW);
});

describe('--print-config and init', () => {
  it('--print-config prints the merged configuration of one article', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { language: 'en-GB', words: ['Ofcom'] }, 'desk/.copydeskrc.yaml': 'words: [Holyrood]\noverrides:\n  - files: "*.txt"\n    longSentence: 50\n' });
    for (const args of [['--print-config', 'desk/a.txt'], ['lint', '--print-config', 'desk/a.txt']]) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ language: 'en-GB', words: ['Ofcom', 'Holyrood'], longSentence: 50 });
      expect(r.stderr).toMatch(/from copydesk\.config\.json, desk\/\.copydeskrc\.yaml \(overrides desk\/\.copydeskrc\.yaml#0\)/);
    }
  }, SLOW);
  it('init writes a starter config with the detected language, a vocabulary and a policy that all load', () => {
    const dir = writeTree(tempDir(), { 'news/a.md': '# Harbour\n\nThe harbour’s colour programme was organised by the centre.\n', 'news/b.txt': 'The neighbours favour the plan.\n' });
    const r = runCli(['init'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/language en-GB \(detected from 2 articles: 2 en-GB, 0 en-US\)/);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'copydesk.config.json'), 'utf8'));
    expect(config).toMatchObject({ language: 'en-GB', vocab: ['styles/vocab/newsroom'], policies: ['policy/house.schema.json'] });
    expect(fs.existsSync(path.join(dir, 'styles/vocab/newsroom/accept.txt'))).toBe(true);
    expect(lint(dir, ['news']).code).toBe(0); // the written config and policy load
    expect(runCli(['init'], { cwd: dir }).code).toBe(2); // never overwrites without --force
  }, SLOW);
});

describe('--report-unused-disable-directives', () => {
  it('reports a disable that suppresses nothing, as an error by default or at the severity given', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) }, 'a.md': '# Roads\n\n<!-- copydesk-disable-next-line spelling -->\nThe government will pay.\n' });
    expect(lint(dir, ['a.md']).code).toBe(0);
    const r = lintJson(dir, ['a.md', '--report-unused-disable-directives']);
    expect(r.code).toBe(1);
    expect(r.report.files[0].items.map((i) => `${i.rule}:${i.severity}`)).toEqual(['input/unused-directive:error']);
    expect(lintJson(dir, ['a.md', '--report-unused-disable-directives-severity', 'warning']).report.files[0].items.map((i) => i.severity)).toEqual(['warning']);
  }, SLOW);
});

describe('progress', () => {
  it('run writes no progress line for a quick batch outside a terminal, and --no-progress is accepted', () => {
    const dir = writeTree(tempDir(), { 'a.md': '# Parks\n\nThe park opened.\n', 'b.md': '# Parks\n\nThe park closed.\n' });
    const r = runCli(['run', '.', '--out', 'out', '--workers', '0'], { cwd: dir });
    expect(r.stderr).not.toMatch(/\d+\/\d+ \(/);
    expect(runCli(['lint', 'a.md', 'b.md', '--no-progress', '--workers', '0'], { cwd: dir }).code).toBe(0);
  }, SLOW);
});
