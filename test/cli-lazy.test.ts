// Issue 14: a cache hit needs none of the check machinery. `copydesk lint --cache` of an unchanged
// article must not load nspell, compromise or the Hunspell dictionaries; a miss loads them. Checked
// with a module-load probe (test/fixtures/lazy/probe.mjs), never by timing.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from './helpers/cli.js';
import { repoRoot } from './helpers/shared.js';

const probe = path.join(repoRoot, 'test/fixtures/lazy/probe.mjs');

function lintLoads(cwd: string, env: Record<string, string>): { code: number; loaded: string[] } {
  const out = path.join(cwd, `probe-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(out, '');
  const r = runCli(['lint', 'a.md', '--cache', '--format', 'json'], { cwd, env: { ...env, PROBE_OUT: out, NODE_OPTIONS: `--import ${probe}` } });
  const loaded = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
  fs.rmSync(out);
  return { code: r.code, loaded };
}

describe('lazy check machinery', () => {
  it('a cached lint loads no nspell, compromise or dictionary; a miss does', () => {
    const dir = tempDir();
    const env = { XDG_CACHE_HOME: tempDir() };
    fs.writeFileSync(path.join(dir, 'copydesk.config.json'), JSON.stringify({ language: 'en-GB' }));
    fs.writeFileSync(path.join(dir, 'a.md'), '# Roads\n\nThe goverment said on Monday that 40 roads would be mended.\n');
    const first = lintLoads(dir, env);
    expect(first.code).toBe(1); // the misspelling is an error
    expect(first.loaded.some((l) => /nspell/.test(l))).toBe(true);
    expect(first.loaded.some((l) => /compromise/.test(l))).toBe(true);
    const second = lintLoads(dir, env);
    expect(second.code).toBe(1); // the same result, from the cache
    expect(second.loaded).toEqual([]);
    // An edit is a miss again: the machinery loads.
    fs.appendFileSync(path.join(dir, 'a.md'), '\nThe council agreed.\n');
    expect(lintLoads(dir, env).loaded.some((l) => /nspell/.test(l))).toBe(true);
  }, 180_000); // three CLI runs
});
