// The distributed run (issue 14) with real parts: Debian's redis-server on a free port, a coordinator
// (`copydesk run --queue`) and worker processes (`copydesk worker`) of the built CLI over a folder of
// our own articles. The output must be the files a local run writes (run id and time aside), when a
// worker is killed with SIGKILL mid-run too; a lost Redis stops the run with exit 2 and a message
// naming the URL, and --resume collects the run once Redis is back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { runCli, tempDir } from '../helpers/cli.js';
import { freePort, outputFiles, startCli, startRedis, startWorker, waitFor, writeArticles, type Proc, type RedisServer } from './queue-helpers.js';

const N = 60;
/** Short locks, so a killed worker's jobs are taken up again within seconds (the default is 30 s). */
const ENV = { COPYDESK_QUEUE_LOCK_MS: '2000', COPYDESK_QUEUE_LOST_MS: '1000' };

let dir: string;
let redis: RedisServer;
let local: Record<string, string>;
const started: Proc[] = [];

function track(p: Proc): Proc {
  started.push(p);
  return p;
}

async function counts(url: string): Promise<{ active: number; completed: number }> {
  const c = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const [active, completed] = await Promise.all([c.llen('copydesk:articles:active'), c.zcard('copydesk:articles:completed')]);
    return { active, completed };
  } finally {
    c.disconnect();
  }
}

/** "run X: checked by a 30, b 30" -> { a: 30, b: 30 } */
function checkedBy(stderr: string): Record<string, number> {
  const m = /checked by (.*?)(?:;|\n|$)/.exec(stderr);
  if (!m) return {};
  return Object.fromEntries(m[1].split(', ').map((p) => [p.slice(0, p.lastIndexOf(' ')), Number(p.slice(p.lastIndexOf(' ') + 1))]));
}

beforeAll(async () => {
  dir = tempDir('copydesk-queue-');
  writeArticles(path.join(dir, 'news'), N);
  redis = await startRedis(path.join(dir, 'redis'));
  const r = runCli(['run', 'news', '--out', 'out-local', '--no-progress'], { cwd: dir });
  expect(r.code, r.stderr).toBe(1); // the typo is an error item
  local = outputFiles(path.join(dir, 'out-local'));
  expect(Object.keys(local).filter((f) => f.startsWith('claims/')).length).toBe(N);
});

afterEach(async () => {
  for (const p of started.splice(0)) if (p.proc.exitCode === null && p.proc.signalCode === null) {
    p.proc.kill('SIGTERM');
    await p.exited;
  }
});

afterAll(async () => {
  await redis?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('copydesk run --queue', () => {
  it('with two worker processes writes the files a local run writes, and says which worker did what', async () => {
    const a = track(await startWorker(redis.url, dir, ENV, 'wa'));
    const b = track(await startWorker(redis.url, dir, ENV, 'wb'));
    const run = track(startCli(['run', 'news', '--queue', redis.url, '--out', 'out-q2', '--no-progress'], dir, ENV));
    expect(await run.exited, run.stderr()).toBe(1);
    expect(outputFiles(path.join(dir, 'out-q2'))).toEqual(local);
    const by = checkedBy(run.stderr());
    expect(Object.values(by).reduce((x, y) => x + y, 0)).toBe(N);
    expect(Object.keys(by).sort()).toEqual(['wa', 'wb']);
    // Collected: the run's jobs and configuration left Redis.
    const id = /--resume (\S+)/.exec(run.stderr())![1];
    const c = new Redis(redis.url);
    expect(await c.keys(`copydesk:articles:${id}-*`)).toEqual([]);
    expect(await c.keys(`copydesk:run:${id}:*`)).toEqual([]);
    c.disconnect();
    // SIGTERM: each worker stops cleanly.
    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(a.stderr()).toMatch(/wa checked \d+ articles/);
  }, 120_000);

  it('a worker killed with SIGKILL mid-run loses nothing and counts nothing twice', async () => {
    const before = (await counts(redis.url)).completed;
    const a = track(await startWorker(redis.url, dir, ENV, 'doomed'));
    const run = track(startCli(['run', 'news', '--queue', redis.url, '--out', 'out-kill', '--no-progress'], dir, ENV));
    // Kill it while it holds jobs, after it finished a few.
    await waitFor('the worker to be mid-run', async () => {
      const c = await counts(redis.url);
      return c.active > 0 && c.completed >= before + 3;
    });
    a.proc.kill('SIGKILL');
    await a.exited;
    const b = track(await startWorker(redis.url, dir, ENV, 'survivor'));
    expect(await run.exited, run.stderr()).toBe(1);
    expect(outputFiles(path.join(dir, 'out-kill'))).toEqual(local);
    const by = checkedBy(run.stderr());
    expect(Object.values(by).reduce((x, y) => x + y, 0)).toBe(N);
    expect(by.survivor).toBeGreaterThan(0);
    b.proc.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 120_000);

  it('Redis lost mid-run: exit 2 naming the URL and the run id; --resume collects the run once Redis is back', async () => {
    const before = (await counts(redis.url)).completed;
    const w = track(await startWorker(redis.url, dir, ENV, 'steady'));
    const run = track(startCli(['run', 'news', '--queue', redis.url, '--out', 'out-lost', '--no-progress'], dir, ENV));
    await waitFor('some results', async () => (await counts(redis.url)).completed >= before + 3);
    await redis.stop();
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain(`lost the connection to Redis at ${redis.url}`);
    const id = /--resume (\S+)/.exec(run.stderr())?.[1];
    expect(id).toBeTruthy();
    expect(fs.existsSync(path.join(dir, 'out-lost', 'manifest.json'))).toBe(false); // nothing half-written
    // Redis back (its data on disk), the worker reconnects by itself.
    redis = await startRedis(redis.dir, redis.port);
    const resumed = track(startCli(['run', 'news', '--queue', redis.url, '--resume', id!, '--out', 'out-lost', '--no-progress'], dir, ENV));
    expect(await resumed.exited, resumed.stderr()).toBe(1);
    expect(resumed.stderr()).toContain(`run ${id}`);
    expect(outputFiles(path.join(dir, 'out-lost'))).toEqual(local);
    w.proc.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 120_000);

  it('a coordinator killed mid-run and restarted with --resume collects what the workers finished', async () => {
    const before = (await counts(redis.url)).completed;
    const w = track(await startWorker(redis.url, dir, ENV, 'patient'));
    const run = track(startCli(['run', 'news', '--queue', redis.url, '--out', 'out-resume', '--no-progress'], dir, ENV));
    await waitFor('some results', async () => (await counts(redis.url)).completed >= before + 3);
    run.proc.kill('SIGKILL');
    await run.exited;
    const id = /--resume (\S+)/.exec(run.stderr())![1];
    // The worker finishes the run's jobs meanwhile.
    await waitFor('the workers to finish the run', async () => (await counts(redis.url)).completed >= before + N);
    const resumed = track(startCli(['run', 'news', '--queue', redis.url, '--resume', id, '--out', 'out-resume', '--no-progress'], dir, ENV));
    expect(await resumed.exited, resumed.stderr()).toBe(1);
    expect(resumed.stderr()).toContain(`run ${id}`);
    // Re-added jobs are the same jobs: their results are collected, none is checked again.
    expect(checkedBy(resumed.stderr()).patient).toBe(N);
    expect(outputFiles(path.join(dir, 'out-resume'))).toEqual(local);
    w.proc.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.stderr()).toContain(`patient checked ${N} articles`);
  }, 120_000);

  it('a job that fails three times becomes a per-file error in the report', async () => {
    writeArticles(path.join(dir, 'few'), 2, 1);
    const run = track(startCli(['run', 'few', '--queue', redis.url, '--out', 'out-fail', '--no-progress'], dir, ENV));
    await waitFor('the jobs to be queued', () => run.stderr().includes('queued on'));
    // Take the run's configuration away: every attempt of every job then fails on the workers.
    const c = new Redis(redis.url);
    const id = /--resume (\S+)/.exec(run.stderr())![1];
    const keys = await c.keys(`copydesk:run:${id}:config:*`);
    expect(keys.length).toBe(1);
    await c.del(...keys);
    c.disconnect();
    track(await startWorker(redis.url, dir, ENV, 'unlucky'));
    expect(await run.exited, run.stderr()).toBe(2); // an internal per-file error
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out-fail', 'report.json'), 'utf8'));
    const errors = report.files.filter((f: { error?: { code: string } }) => f.error);
    expect(errors.length).toBe(2);
    expect(errors[0].error.message).toMatch(/queue job failed 3 times \(last: the configuration \w+ of run \S+ is not in Redis/);
    expect(run.stderr()).toMatch(/2 without a worker/);
  }, 60_000);

  it('--cache keeps results in Redis: a second run over unchanged articles queues nothing', async () => {
    const env = { ...ENV, XDG_CACHE_HOME: path.join(dir, 'xdg') }; // the cache key, outside any repository
    const w = track(await startWorker(redis.url, dir, env, 'cacher'));
    const first = track(startCli(['run', 'news', '--queue', redis.url, '--cache', '--out', 'out-c1', '--no-progress'], dir, env));
    expect(await first.exited, first.stderr()).toBe(1);
    expect(checkedBy(first.stderr()).cacher).toBe(N);
    w.proc.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    // No worker at all now: everything must come from the shared cache.
    const second = track(startCli(['run', 'news', '--queue', redis.url, '--cache', '--out', 'out-c2', '--no-progress'], dir, env));
    expect(await second.exited, second.stderr()).toBe(1);
    expect(second.stderr()).toContain('0 articles queued');
    expect(second.stderr()).toContain(`${N} without a worker`);
    // Cached results say so in the report (as a local --cache run's do); otherwise the same files.
    const uncached = Object.fromEntries(Object.entries(outputFiles(path.join(dir, 'out-c2'))).map(([k, v]) => [k, v.replace(/,\s*"cached":\s*true/g, '')]));
    expect(uncached).toEqual(local);
  }, 120_000);

  it('Redis unreachable: a clear error naming the URL, exit 2', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const r = runCli(['run', 'news', '--queue', url, '--out', 'out-none'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot reach Redis at ${url}`);
    const w = runCli(['worker', '--queue', url], { cwd: dir });
    expect(w.code).toBe(2);
    expect(w.stderr).toContain(`cannot reach Redis at ${url}`);
    expect(runCli(['run', 'news', '--resume', 'x', '--out', 'out-none'], { cwd: dir }).code).toBe(2);
  });
});
