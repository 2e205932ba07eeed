// `copydesk worker --queue redis://...` (issue 14): takes article jobs from the shared BullMQ queue and
// checks them on this machine's cores through the same worker-thread pool a local run uses
// (run/batch.ts ArticlePool, run/worker.ts), so the limits (heap, deadline) hold as they do locally.
// A job's configuration is fetched once per run and configuration hash. A worker killed mid-job
// (kill -9) stops renewing its job locks; another worker's stalled-job check puts the jobs back on
// the queue. SIGTERM (or SIGINT) stops taking jobs, finishes the ones in hand, and exits 0.
import os from 'node:os';
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { EffectiveConfig, FileResult } from '../../core/types.js';
import { ArticlePool, defaultWorkers, workerFile } from '../batch.js';
import { runTask, type Task } from '../worker.js';
import { limitsOf } from '../../core/limits.js';
import type { FoundFile } from '../files.js';
import { jobVersion, versionRefusal, type JobData, type JobResult } from './jobs.js';
import { PREFIX, QUEUE_NAME, assertReachable, configKey, connectionOptions, shownUrl } from './redis.js';

export interface QueueWorkerOptions {
  queue: string;
  /** Worker threads (default: one per core; 0 = the main thread). */
  workers?: number;
  /** Jobs in hand at once (default: two per thread). */
  concurrency?: number;
  /** How this worker is named in the coordinator's summary (default host:pid). */
  name?: string;
  /** How long a job's lock lasts without renewal before another worker may take it (default 30 s; COPYDESK_QUEUE_LOCK_MS). */
  lockMs?: number;
  log?: (line: string) => void;
  /** Overrides this worker's copydesk version (tests): a job queued by another version is refused. */
  version?: string;
}

export interface RunningWorker {
  name: string;
  /** Stops taking jobs, finishes the ones in hand, disconnects. */
  close(): Promise<void>;
  /** Resolves once closed. */
  closed: Promise<void>;
  processed(): number;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunningWorker> {
  const url = options.queue;
  const log = options.log ?? ((l: string) => void process.stderr.write(`copydesk worker: ${l}\n`));
  await assertReachable(url);
  const name = options.name ?? `${os.hostname()}:${process.pid}`;
  const threads = options.workers ?? defaultWorkers();
  const file = workerFile();
  const connection = connectionOptions(url);
  const redis = new Redis(connection);
  redis.on('error', () => undefined);
  const configs = new Map<string, Promise<EffectiveConfig>>();
  const configFor = (run: string, hash: string) => {
    const k = configKey(run, hash);
    let p = configs.get(k);
    if (!p) {
      p = redis.get(k).then((json) => {
        if (!json) throw new Error(`the configuration ${hash} of run ${run} is not in Redis (expired, or the run was removed)`);
        return JSON.parse(json) as EffectiveConfig;
      });
      p.catch(() => configs.delete(k));
      configs.set(k, p);
    }
    return p;
  };
  let pool: ArticlePool | undefined;
  let processed = 0;
  const mine = jobVersion(options.version);
  const refusedRuns = new Set<string>();
  const processor = async (job: Job<JobData, JobResult>): Promise<JobResult> => {
    const d = job.data;
    // A job of another copydesk version fails here (and is tried again, perhaps by a worker of the
    // right version); after ATTEMPTS failures the coordinator reports this message for the article.
    const refusal = versionRefusal(name, mine, d.version);
    if (refusal) {
      if (!refusedRuns.has(d.run)) log(`${refusal} (run ${d.run})`);
      refusedRuns.add(d.run);
      throw new Error(refusal);
    }
    const config = await configFor(d.run, d.config);
    const task: Task = { absPath: d.abs, path: d.path, key: d.key, config, text: d.text };
    let result: FileResult;
    if (file && threads > 0) {
      pool ??= new ArticlePool({ threads, memoryMB: Math.max(64, limitsOf(config).workerMemoryMB), workerFile: file });
      const f: FoundFile = { abs: d.abs, path: d.path, key: d.key } as FoundFile;
      result = await pool.run(f, task);
    } else result = await runTask(task);
    processed++;
    return { worker: name, result };
  };
  const lockDuration = options.lockMs ?? (Number(process.env.COPYDESK_QUEUE_LOCK_MS) || 30_000);
  const worker = new Worker<JobData, JobResult>(QUEUE_NAME, processor, {
    connection: connection as ConnectionOptions,
    prefix: PREFIX,
    concurrency: options.concurrency ?? Math.max(1, threads * 2),
    lockDuration,
    stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
    maxStalledCount: 2,
  });
  // Redis down: the same error every reconnection attempt; say it once in a while.
  const said = new Map<string, number>();
  worker.on('error', (err) => {
    const last = said.get(err.message) ?? 0;
    if (Date.now() - last < 10_000) return;
    said.set(err.message, Date.now());
    log(`${err.message} (retrying)`);
  });
  let closing: Promise<void> | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const close = () =>
    (closing ??= (async () => {
      await worker.close();
      await pool?.destroy();
      redis.disconnect();
      resolveClosed();
    })());
  await worker.waitUntilReady();
  log(`${name} takes jobs from ${shownUrl(url)} with ${threads || 'no'} worker thread${threads === 1 ? '' : 's'}`);
  return { name, close, closed, processed: () => processed };
}
