// Issue 14: a `copydesk worker` of another copydesk version refuses a run's jobs with a message that
// names both versions (its results could differ from the coordinator's copydesk); a worker of the
// same version checks them. In-process coordinator and worker against a real redis-server.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { startRedis, writeArticles, type RedisServer } from './queue-helpers.js';
import { findArticles } from '../../pipeline/run/files.js';
import { runQueuedBatch } from '../../pipeline/run/queue/coordinator.js';
import { startQueueWorker } from '../../pipeline/run/queue/worker.js';
import { jobVersion, versionRefusal } from '../../pipeline/run/queue/jobs.js';

let dir: string;
let redis: RedisServer;

beforeAll(async () => {
  dir = tempDir('copydesk-queue-version-');
  writeArticles(path.join(dir, 'news'), 2, 1);
  redis = await startRedis(path.join(dir, 'redis'));
}, 30_000);

afterAll(async () => {
  await redis?.stop();
});

describe('worker version check', () => {
  it('versionRefusal names both versions, and agrees with itself', () => {
    expect(versionRefusal('w1', jobVersion('1.0.0'), jobVersion('1.0.0'))).toBeUndefined();
    const msg = versionRefusal('w1', jobVersion('2.0.0'), jobVersion('1.0.0'))!;
    expect(msg).toContain('w1 refuses');
    expect(msg).toContain('copydesk 2.0.0');
    expect(msg).toContain('copydesk 1.0.0');
    expect(versionRefusal('w1', jobVersion('2.0.0'), undefined)).toContain('older version');
  });

  it('a worker of another version refuses the jobs; one of the same version checks them', async () => {
    const files = await findArticles([path.join(dir, 'news')], dir);
    const lines: string[] = [];
    const other = await startQueueWorker({ queue: redis.url, workers: 0, name: 'old-worker', version: '0.0.0-other', log: (l) => lines.push(l) });
    let refused;
    try {
      refused = await runQueuedBatch(files, { queue: redis.url, log: () => undefined });
    } finally {
      await other.close();
    }
    expect(refused.results).toHaveLength(2);
    for (const r of refused.results) {
      expect(r.error?.code).toBe('internal');
      expect(r.error?.message).toMatch(/old-worker refuses this job: the worker runs copydesk 0\.0\.0-other \(code [0-9a-f]+\), the run was queued by copydesk \d+\.\d+\.\d+/);
    }
    expect(other.processed()).toBe(0);
    expect(lines.filter((l) => l.includes('refuses'))).toHaveLength(1); // said once per run

    const same = await startQueueWorker({ queue: redis.url, workers: 0, name: 'same-worker', log: () => undefined });
    try {
      const ok = await runQueuedBatch(files, { queue: redis.url, log: () => undefined });
      expect(ok.results.map((r) => r.error)).toEqual([undefined, undefined]);
      expect(ok.results.every((r) => r.claims.length > 0)).toBe(true);
      expect(ok.summary.byWorker.get('same-worker')).toBe(2);
    } finally {
      await same.close();
    }
  }, 60_000);
});
