// Issue 9: no article takes the batch down. Each worker has a heap limit and each article a
// deadline; an article over either becomes a per-file error naming the limit, the pool replaces the
// worker, and the rest of the batch completes. A small batch (run on the main thread) sends a large
// article to a worker, so the same limits hold for `lint` on one file; an article over the size
// limit is refused before it is read. Through the built CLI (the pool runs dist/pipeline/run/worker.js).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { hostile } from '../helpers/hostile.js';
import { validator, formatErrors } from '../../pipeline/validate/schemas.js';
import { batchExit } from '../../pipeline/cli.js';

const GOOD = '# Council meets\n\nThe council met on Tuesday. It approved a budget of £3.5m for roads.\n';

function project(limits: Record<string, number>, big: number) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'copydesk.config.json'), JSON.stringify({ limits }));
  fs.writeFileSync(path.join(dir, 'big.txt'), hostile.bigArticle(big));
  for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${n}.md`), GOOD);
  return dir;
}

function lint(dir: string, args: string[]) {
  const r = runCli(['lint', ...args, '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout);
  const v = validator('report');
  expect(v(report), formatErrors(v.errors).join('; ')).toBe(true);
  return { ...r, files: Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f])) as Record<string, { error?: { code: string; message: string }; words: number }> };
}

describe('the worker pool under hostile articles', () => {
  it('an article over the heap limit is a per-file error naming limits.workerMemoryMB; the others are checked', () => {
    const dir = project({ workerMemoryMB: 96 }, 4_000_000);
    const r = lint(dir, ['.', '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.files['big.txt'].error?.code).toBe('memory-limit');
    expect(r.files['big.txt'].error?.message).toMatch(/big\.txt: .*more memory than limits\.workerMemoryMB \(96 MB\)/);
    for (const n of ['a.md', 'b.md', 'c.md']) expect(r.files[n].error, n).toBeUndefined();
  }, 180_000);

  it('an article over the deadline is a per-file error naming limits.articleTimeoutSeconds; the batch completes', () => {
    const dir = project({ articleTimeoutSeconds: 3 }, 6_000_000);
    const r = lint(dir, ['.', '--workers', '1']);
    expect(r.files['big.txt'].error?.code).toBe('time-limit');
    expect(r.files['big.txt'].error?.message).toMatch(/longer than limits\.articleTimeoutSeconds \(3 s\)/);
    expect(Object.keys(r.files).sort()).toEqual(['a.md', 'b.md', 'big.txt', 'c.md']);
  }, 180_000);

  it('lint on one large article (the main-thread path) runs it in a worker, so the deadline holds', () => {
    const dir = project({ articleTimeoutSeconds: 2 }, 6_000_000);
    const r = lint(dir, ['big.txt']);
    expect(r.code).toBe(1);
    expect(r.files['big.txt'].error?.code).toBe('time-limit');
  }, 180_000);

  it('an article over limits.maxArticleBytes is refused at once, unread', () => {
    const dir = project({ maxArticleBytes: 1_000_000 }, 2_000_000);
    const r = lint(dir, ['.']);
    expect(r.files['big.txt'].error?.code).toBe('too-large');
    expect(r.files['big.txt'].error?.message).toMatch(/big\.txt: the file is 1\.9 MB, larger than limits\.maxArticleBytes \(976\.6 KB\)/);
    expect(r.files['a.md'].error).toBeUndefined();
  }, 180_000);

  it('a per-file internal error exits 2, as the README says; limits and unreadable articles exit 1', () => {
    const fr = (code?: string) => ({ path: 'a.md', words: 0, claims: [], items: [], ...(code ? { error: { code, message: 'x' } } : {}) });
    expect(batchExit([fr(), fr('internal')], 1)).toBe(2);
    expect(batchExit([fr(), fr('time-limit')], 1)).toBe(1);
    expect(batchExit([fr()], 0)).toBe(0);
  });

  it('a limit no article can satisfy is a configuration error (exit 2 naming the key)', () => {
    const dir = project({}, 10);
    fs.writeFileSync(path.join(dir, 'copydesk.config.json'), JSON.stringify({ limits: { maxNestingDepth: 0 } }));
    const bad = runCli(['lint', 'a.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/limits\/maxNestingDepth/);
  }, 60_000);
});
