// End to end through the built CLI: a batch with broken files still writes results for the others.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { validator, formatErrors } from '../../pipeline/validate/schemas.js';

function expectValid(name: Parameters<typeof validator>[0], data: unknown, file: string) {
  const v = validator(name);
  const ok = v(data);
  expect(ok, `${file}: ${formatErrors(v.errors).join('; ')}`).toBe(true);
}

describe('copydesk run over a batch with broken files', () => {
  const dir = tempDir();
  const inDir = path.join(dir, 'articles');
  const out = path.join(dir, 'out');
  fs.mkdirSync(path.join(inDir, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(inDir, 'good.md'), '# Council meets\n\nThe council met on Tuesday. It approved a budget of £3.5m for roads.\n');
  fs.writeFileSync(path.join(inDir, 'sub', 'plain.txt'), 'Harbour reopens\n\nThe harbour reopened on Monday after repairs.\n');
  fs.writeFileSync(path.join(inDir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  fs.writeFileSync(path.join(inDir, 'latin1.txt'), Buffer.from('Caf\xe9 society returns to the square.\n', 'latin1'));
  fs.writeFileSync(path.join(inDir, 'empty.md'), '');
  const locked = path.join(inDir, 'locked.md');
  fs.writeFileSync(locked, 'Secret text.\n');
  fs.chmodSync(locked, 0o000);
  // Root can read anything; only test unreadability when it actually holds.
  let lockedIsUnreadable = true;
  try {
    fs.readFileSync(locked);
    lockedIsUnreadable = false;
  } catch {
    lockedIsUnreadable = true;
  }
  // A link to nothing, named on the command line, is unreadable for root too.
  fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));

  const r = runCli(['run', inDir, 'dangling.md', '--out', out, '--workers', '2'], { cwd: dir });

  it('exits 1 (error items) and names every broken file with its cause', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/binary\.txt: this is a binary file/);
    expect(r.stderr).toMatch(/latin1\.txt: not valid UTF-8 \(first bad byte at offset 3\)/);
    expect(r.stderr).toMatch(/empty\.md: the file is empty/);
    if (lockedIsUnreadable) expect(r.stderr).toMatch(/locked\.md: cannot read the file \(permission denied\)/);
    expect(r.stderr).toMatch(/dangling\.md: this symbolic link is broken \(its target does not exist\)/);
  });

  it('writes results for the good files and a per-file error for the others', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    const byName = Object.fromEntries(report.files.map((f: { path: string }) => [path.basename(f.path), f]));
    expect(byName['good.md'].error).toBeUndefined();
    expect(byName['good.md'].words).toBeGreaterThan(5);
    expect(byName['plain.txt'].error).toBeUndefined();
    expect(byName['binary.txt'].error.code).toBe('binary');
    expect(byName['latin1.txt'].error.code).toBe('encoding');
    expect(byName['empty.md'].error.code).toBe('empty');
    expect(byName['dangling.md'].error.code).toBe('broken-link');
    expect(fs.existsSync(path.join(out, 'claims', 'articles', 'good.md.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'claims', 'articles', 'sub', 'plain.txt.json'))).toBe(true);
    const queue = JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8'));
    expect(queue.items.filter((i: { rule: string }) => i.rule === 'input/file-error').length).toBeGreaterThanOrEqual(3);
    expect(queue.items[0].severity).toBe('error');
  });

  it('writes files that match their schemas', () => {
    expectValid('report', JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')), 'report.json');
    expectValid('queue', JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8')), 'review-queue.json');
    const claimsDir = path.join(out, 'claims');
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    const files = walk(claimsDir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expectValid('claims-file', JSON.parse(fs.readFileSync(f, 'utf8')), f);
    const summary = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| articles\/good\.md \|/);
    expect(summary).toMatch(/binary file/);
  });

  it('leaves no temporary files behind (atomic writes)', () => {
    const leftovers = fs.readdirSync(out).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });
});

describe('exit codes', () => {
  it('exits 0 when no error item is open', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '# Fine\n\nThe council met on Tuesday and agreed the plan.\n');
    const r = runCli(['lint', 'a.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].path).toBe('a.md');
    expect(r.code).toBe(0);
  });
  it('exits 2 on a path that does not exist', () => {
    const r = runCli(['lint', 'no/such/file.md'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder: no\/such\/file\.md/);
  });
  it('exits 2 on an unknown option', () => {
    const r = runCli(['lint', '--bogus']);
    expect(r.code).toBe(2);
  });
  it('exits 2 with the file and the JSON path of a bad config key', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'copydesk.config.json'), JSON.stringify({ longSentence: 'forty' }));
    fs.writeFileSync(path.join(dir, 'a.md'), 'Text here.\n');
    const r = runCli(['lint', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'copydesk.config.json')} at /longSentence`);
  });
});

describe('item ids and the working directory', () => {
  it('are the same whether lint runs from the repository root or from a folder inside it', () => {
    const root = tempDir('copydesk-ids-');
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'desk'));
    fs.writeFileSync(path.join(root, 'desk', 'a.md'), '# Roads\n\nThe goverment will pay for the roads.\n');
    const fromRoot = JSON.parse(runCli(['lint', 'desk/a.md', '--format', 'json'], { cwd: root }).stdout);
    const fromDesk = JSON.parse(runCli(['lint', 'a.md', '--format', 'json'], { cwd: path.join(root, 'desk') }).stdout);
    expect(fromRoot.files[0].path).toBe('desk/a.md');
    expect(fromDesk.files[0].path).toBe('a.md');
    const ids = (r: { files: { items: { id: string }[] }[] }) => r.files[0].items.map((i) => i.id);
    expect(ids(fromRoot).length).toBeGreaterThan(0);
    expect(ids(fromDesk)).toEqual(ids(fromRoot));
  });
});
