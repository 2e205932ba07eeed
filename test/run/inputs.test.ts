// Issue 9, failures 5, 7, 8, 9, 12, 14, 15 and the "Also" list, end to end through the built CLI:
// nothing named on the command line or found in a folder is skipped without a notice, a FIFO never
// blocks, claims files keep the path, a run's files are replaced together, a forged cache entry is
// never trusted, links out of the named folders are skipped, file names are escaped, CR line ends
// count, and exit codes agree with the README.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliPath, runCli, tempDir } from '../helpers/cli.js';
import { validator, formatErrors } from '../../pipeline/validate/schemas.js';
import { COMMIT_MARKER, MANIFEST, runMismatch, settleRun } from '../../pipeline/run/outputs.js';
import { CACHE_FORMAT } from '../../pipeline/run/cache.js';

const GOOD = '# Council meets\n\nThe council met on Tuesday. It approved a budget of £3.5m for roads.\n';
const lintJson = (cwd: string, args: string[], env?: Record<string, string>) => {
  const r = runCli(['lint', ...args, '--format', 'json'], { cwd, env });
  return { ...r, report: JSON.parse(r.stdout || '{"files":[]}') as { files: { path: string; error?: { code: string; message: string }; skipped?: { code: string; message: string }; items: { rule: string; message: string; line: number }[] }[] } };
};
const byPath = (r: ReturnType<typeof lintJson>) => Object.fromEntries(r.report.files.map((f) => [f.path, f]));

describe('5 and 9: every path that is not checked is named, with the cause', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'news', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'news', 'good.md'), GOOD);
  execFileSync('mkfifo', [path.join(dir, 'news', 'pipe.md')]);
  execFileSync('mkfifo', [path.join(dir, 'named.md')]);
  fs.symlinkSync(path.join(dir, 'news', 'gone.md'), path.join(dir, 'news', 'dangling.md'));
  fs.symlinkSync('.', path.join(dir, 'news', 'sub', 'loop'));
  fs.mkdirSync(path.join(dir, 'folder.md'));
  // UTF-16 with a byte-order mark, both byte orders: decoded.
  const text16 = 'Roads reopen\n\nThe goverment reopened the roads on Monday.\n';
  fs.writeFileSync(path.join(dir, 'news', 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text16, 'utf16le')]));
  fs.writeFileSync(path.join(dir, 'news', 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text16, 'utf16le').swap16()]));
  fs.writeFileSync(path.join(dir, 'news', 'nobom.txt'), Buffer.from(text16, 'utf16le'));

  it('a FIFO named on the command line or found in a folder does not block lint', () => {
    const r = lintJson(dir, ['news', 'named.md', 'folder.md']);
    const f = byPath(r);
    expect(f['named.md'].error?.code).toBe('not-a-file');
    expect(f['named.md'].error?.message).toMatch(/named\.md: this is a FIFO \(named pipe\), not a text file/);
    expect(f['news/pipe.md'].error?.code).toBe('not-a-file');
    expect(f['news/good.md'].error).toBeUndefined();
  }, 60_000);

  it('a dangling link, a link loop and a folder named x.md each get a notice', () => {
    const r = lintJson(dir, ['news', 'folder.md']);
    const f = byPath(r);
    expect(f['news/dangling.md'].error?.message).toMatch(/symbolic link is broken/);
    expect(f['news/sub/loop'].skipped?.code).toBe('symlink-loop');
    expect(f['folder.md'].skipped?.message).toMatch(/folder\.md: this is a folder, not an article/);
    expect(r.stderr).toMatch(/skipped: folder\.md/);
    expect(f['folder.md'].items[0].rule).toBe('input/skipped');
  }, 60_000);

  it('UTF-16 with a byte-order mark is decoded (either byte order); without one it is named as UTF-16', () => {
    const f = byPath(lintJson(dir, ['news/le.txt', 'news/be.txt', 'news/nobom.txt']));
    for (const p of ['news/le.txt', 'news/be.txt']) {
      expect(f[p].error, p).toBeUndefined();
      expect(f[p].items.find((i) => i.rule === 'spelling/unknown-word')?.line).toBe(3);
    }
    expect(f['news/nobom.txt'].error?.message).toMatch(/looks like UTF-16 text without a byte-order mark/);
  }, 60_000);

  it('an unreadable folder is named (when permissions hold: root reads anything)', () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { recursive: true });
    fs.writeFileSync(path.join(locked, 'a.md'), GOOD);
    fs.chmodSync(locked, 0o000);
    let holds = true;
    try {
      fs.readdirSync(locked);
      holds = false;
    } catch {
      holds = true;
    }
    const r = lintJson(dir, ['locked']);
    fs.chmodSync(locked, 0o755);
    if (holds) expect(byPath(r)['locked']?.skipped?.code).toBe('unreadable-folder');
    else expect(byPath(r)['locked/a.md'].error).toBeUndefined();
  }, 60_000);
});

describe('14: symbolic links out of the folders named on the command line', () => {
  const dir = tempDir();
  const outside = tempDir();
  fs.writeFileSync(path.join(outside, 'secret.md'), 'The secret plan costs £9m.\n');
  fs.mkdirSync(path.join(outside, 'more'));
  fs.writeFileSync(path.join(outside, 'more', 'other.md'), 'Another secret text.\n');
  fs.mkdirSync(path.join(dir, 'news'));
  fs.writeFileSync(path.join(dir, 'news', 'good.md'), GOOD);
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'news', 'link.md'));
  fs.symlinkSync(path.join(outside, 'more'), path.join(dir, 'news', 'more'));
  fs.symlinkSync('good.md', path.join(dir, 'news', 'inside.md'));

  it('are skipped with a notice, and nothing of them reaches the outputs', () => {
    const out = path.join(dir, 'out');
    const r = runCli(['run', 'news', '--out', out], { cwd: dir });
    expect(r.stderr).toMatch(/skipped: news\/link\.md: this symbolic link leads to .*secret\.md, outside the folders named on the command line.*--follow-symlinks/);
    expect(r.stderr).toMatch(/skipped: news\/more: /);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    const paths = report.files.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['news/good.md', 'news/inside.md', 'news/link.md', 'news/more']);
    const everything = fs.readdirSync(out, { recursive: true }).map(String);
    for (const f of everything) {
      const p = path.join(out, f);
      if (fs.statSync(p).isFile()) expect(fs.readFileSync(p, 'utf8'), f).not.toMatch(/secret plan|Another secret/);
    }
  }, 60_000);

  it('are followed with --follow-symlinks', () => {
    const f = byPath(lintJson(dir, ['news', '--follow-symlinks']));
    expect(f['news/link.md'].error).toBeUndefined();
    expect(f['news/more/other.md'].error).toBeUndefined();
  }, 60_000);
});

describe('7: claims files keep the path', () => {
  it('a.md, a.txt and a.markdown, and business/001.txt and politics/001.txt outside the cwd, get a claims file each', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    for (const n of ['a.md', 'a.txt', 'a.markdown']) fs.writeFileSync(path.join(dir, n), `The council spent £${n.length}m on roads, it said.\n`);
    for (const d of ['business', 'politics']) {
      fs.mkdirSync(path.join(elsewhere, d));
      fs.writeFileSync(path.join(elsewhere, d, '001.txt'), `The ${d} desk counted 1,${d.length}00 readers, it said.\n`);
    }
    const out = path.join(dir, 'out');
    runCli(['run', 'a.md', 'a.txt', 'a.markdown', elsewhere, '--out', out], { cwd: dir });
    const files = (fs.readdirSync(path.join(out, 'claims'), { recursive: true }) as string[]).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(5);
    const paths = files.map((f) => JSON.parse(fs.readFileSync(path.join(out, 'claims', f), 'utf8')).path).sort();
    expect(new Set(paths).size).toBe(5);
    const v = validator('claims-file');
    for (const f of files) expect(v(JSON.parse(fs.readFileSync(path.join(out, 'claims', f), 'utf8'))), formatErrors(v.errors).join('; ')).toBe(true);
  }, 60_000);
});

describe('8: a kill during the final write never leaves files of two runs', () => {
  it('a run killed at any moment leaves the previous run whole, or the new one once settled', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'news'));
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, 'news', `${i}.md`), `# Story ${i}\n\nThe council spent £${i}m on ${i} roads, it said on Monday.\n`);
    const out = path.join(dir, 'out');
    expect(runCli(['run', 'news', '--out', out, '--workers', '0'], { cwd: dir }).code).toBeLessThan(2);
    const runOf = () => {
      settleRun(out);
      const q = JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8'));
      const r = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
      const m = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8'));
      return [q.run, r.run, m.run];
    };
    const first = runOf();
    expect(new Set(first).size).toBe(1);
    // Kill runs at spread-out moments, including during the final write phase.
    for (const ms of [300, 900, 1500, 2100, 2700, 3300]) {
      fs.appendFileSync(path.join(dir, 'news', '0.md'), `\nAnother £${ms}m was spent.\n`);
      const child = spawn(process.execPath, [cliPath, 'run', 'news', '--out', out, '--workers', '0'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r)); // (it may finish before the kill)
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await exited;
      const runs = runOf();
      expect(new Set(runs).size, `killed after ${ms} ms: ${runs.join(', ')}`).toBe(1);
      expect(fs.existsSync(path.join(out, COMMIT_MARKER))).toBe(false);
    }
  }, 240_000);

  it('the review server refuses a folder whose files come from two runs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), GOOD);
    const out = path.join(dir, 'out');
    runCli(['run', 'a.md', '--out', out], { cwd: dir });
    const q = JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8'));
    fs.writeFileSync(path.join(out, 'review-queue.json'), JSON.stringify({ ...q, run: 'another-run' }));
    expect(runMismatch(out, [{ name: 'review-queue.json', run: 'another-run' }])).toMatch(/files of two runs/);
  });
});

describe('12: a committed cache entry is never trusted', () => {
  it('a forged entry that would pass a failing article is a miss', () => {
    const dir = tempDir();
    const home = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '# Roads\n\nThe goverment will pay for the roads.\n');
    const env = { XDG_CACHE_HOME: home };
    const first = runCli(['lint', 'a.md', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(first.code).toBe(1);
    expect(fs.existsSync(path.join(home, 'copydesk', 'cache-key'))).toBe(true);
    // Forge: take the entry and empty its items, as a committed .copydesk-cache/ could.
    const entriesDir = path.join(dir, '.copydesk-cache', `v${CACHE_FORMAT}`);
    const entries = fs.readdirSync(entriesDir);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      const file = path.join(entriesDir, e);
      // An entry is a JSON head line, then the payload (head.payloadBytes bytes), then stored outputs.
      const raw = fs.readFileSync(file);
      const nl = raw.indexOf(10);
      const head = JSON.parse(raw.subarray(0, nl).toString('utf8'));
      const result = JSON.parse(raw.subarray(nl + 1, nl + 1 + head.payloadBytes).toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...result, items: [] }), 'utf8');
      fs.writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify({ ...head, payloadBytes: forged.length }) + '\n'), forged]));
    }
    const second = runCli(['lint', 'a.md', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).files[0].cached).toBeUndefined();
    // The same machine trusts what it wrote (the miss above rewrote the entry under its own key).
    const third = runCli(['lint', 'a.md', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(JSON.parse(third.stdout).files[0].cached).toBe(true);
    // Another user's key (another cache folder) does not trust this machine's entries.
    const fourth = runCli(['lint', 'a.md', '--cache', '--format', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
    expect(JSON.parse(fourth.stdout).files[0].cached).toBeUndefined();
    expect(fourth.code).toBe(1);
  }, 60_000);
});

describe('15: file names are escaped in every format', () => {
  const dir = tempDir();
  const name = 'a|b [x](mailto:e) <img src=x> \u001b[31mred\u001b[0m.md';
  fs.writeFileSync(path.join(dir, name), '# Roads\n\nThe goverment will pay for the roads.\n');

  it('stylish and github print no raw terminal escape', () => {
    for (const format of ['stylish', 'github']) {
      const r = runCli(['lint', name, '--format', format], { cwd: dir });
      expect(r.stdout, format).not.toContain('\u001b');
      expect(r.stdout, format).toContain('\\u001b[31mred');
    }
  }, 60_000);

  it('summary.md escapes Markdown and HTML', () => {
    const out = path.join(dir, 'out');
    runCli(['run', name, '--out', out], { cwd: dir });
    const md = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).not.toContain('\u001b');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('[x](mailto');
    expect(md).toContain('a\\|b \\[x\\]');
    expect(md).toContain('&lt;img src=x&gt;');
  }, 60_000);
});

describe('Also: CR-only and CRLF line ends, and exit codes', () => {
  it('a file with CR-only line ends reports items on their own lines', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cr.txt'), 'Roads reopen\r\rThe council met.\rThe goverment paid.\r');
    fs.writeFileSync(path.join(dir, 'crlf.md'), '# Roads reopen\r\n\r\nThe council met.\r\nThe goverment paid.\r\n');
    const f = byPath(lintJson(dir, ['cr.txt', 'crlf.md']));
    for (const p of ['cr.txt', 'crlf.md']) {
      const item = f[p].items.find((i) => i.rule === 'spelling/unknown-word');
      expect(item?.line, p).toBe(4);
    }
  }, 60_000);

  it('exit 1 for error items and unreadable articles, 2 only for usage, configuration and internal errors', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    expect(runCli(['lint', 'empty.md'], { cwd: dir }).code).toBe(1);
  }, 60_000);
});
