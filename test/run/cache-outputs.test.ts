// Issue 14: `copydesk run --cache` stores with each cache entry the pieces of the run's files its
// result produced, and a re-run copies them. The files must be those of a run without the cache
// (apart from "cached": true), and a change to the editors' decisions must show in them (the stored
// pieces are reused only under the same decisions).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/ci.js';
import { outputFiles } from './queue-helpers.js';

const A = '# Harbour\n\nThe harbour board said the new quay cost £4m, and the goverment paid half.\n\n"It was worth it," said Ana Ruiz.\n';
const B = '# Library\n\nThe library opened on Monday with 2,000 books.\n';

/** The output files, with "cached": true taken out of report.json. */
function files(out: string): Record<string, string> {
  const f = outputFiles(out);
  f['report.json'] = f['report.json'].replace(/,\n {6}"cached": true/g, '');
  return f;
}

describe('copydesk run --cache: stored outputs', () => {
  it('a cached re-run writes the files an uncached run writes, and follows a change of decisions', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { language: 'en-GB' }, 'news/a.md': A, 'news/b.md': B });
    const env = { XDG_CACHE_HOME: tempDir() };
    const run = (out: string, extra: string[] = []) => {
      const r = runCli(['run', 'news', '--out', out, '--no-progress', ...extra], { cwd: dir, env });
      expect([0, 1], r.stderr).toContain(r.code);
      return files(path.join(dir, out));
    };
    run('cached', ['--cache']); // fills the cache
    const again = run('cached', ['--cache']);
    expect(fs.readFileSync(path.join(dir, 'cached/report.json'), 'utf8')).toContain('"cached": true');
    const plain = run('plain');
    expect(again).toEqual(plain);
    expect(plain['review-queue.json']).toContain('goverment');

    // Every item dismissed: the cached run must show it, as the uncached one does.
    const lint = runCli(['lint', 'news', '--update-baseline'], { cwd: dir, env });
    expect(lint.code, lint.stderr).toBe(0);
    const afterDecision = run('cached', ['--cache']);
    const plainAfter = run('plain');
    expect(afterDecision).toEqual(plainAfter);
    expect(afterDecision['review-queue.json']).not.toEqual(again['review-queue.json']);
    expect(JSON.parse(afterDecision['review-queue.json']).items.every((i: { status: string }) => i.status === 'dismissed')).toBe(true);
  }, 240_000);
});
