// `copydesk run --queue redis://...` (issue 14): the coordinator. It finds and reads the articles and
// resolves their configuration as a local run does, stores each distinct effective configuration once
// per run in Redis, enqueues one BullMQ job per article, and collects the results as they arrive,
// feeding them one by one to the caller (onResult: the claims files, progress), in completion order,
// exactly as runBatch does; the caller writes the run with the same RunWriter a local run uses.
//
// Results come from BullMQ's completion events, and a sweep over the jobs still outstanding catches
// any event missed (a resumed run, a reconnection). Each article is delivered once (keyed by job id).
// A job that failed ATTEMPTS times becomes a per-file error. Redis lost for longer than a few seconds
// stops the run with an error naming the URL and the run id to resume with (--resume RUN_ID): the jobs
// and the results the workers finished are still in Redis, and re-adding a job with the same id adds
// nothing.
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { EffectiveConfig, FileResult } from '../../core/types.js';
import { ConfigResolver, configHash } from '../config.js';
import type { BatchOptions } from '../batch.js';
import type { FoundFile } from '../files.js';
import { fileErrorResult, skipResult } from '../worker.js';
import { InputError, readArticle, tooLargeMessage } from '../../parse/read.js';
import { limitsOf } from '../../core/limits.js';
import { SharedCache } from './shared-cache.js';
import { ATTEMPTS, jobId, jobVersion, type JobData, type JobResult } from './jobs.js';
import { KEEP_SECONDS, PREFIX, QUEUE_NAME, QueueError, assertReachable, configKey, connectionOptions, shownUrl, within } from './redis.js';

export interface QueueBatchOptions extends BatchOptions {
  /** redis://HOST:PORT[/DB] */
  queue: string;
  /** --resume RUN_ID: collect (and re-add, when missing) the jobs of this run. */
  run?: string;
  /** Called once the run id is known (before any job is added). */
  onRun?: (run: string) => void;
  /** After this long without Redis, the run stops (default 5 s; COPYDESK_QUEUE_LOST_MS). */
  lostAfterMs?: number;
  /** --cache with --queue: the result cache lives in Redis, shared by every run on it (shared-cache.ts). */
  sharedCache?: boolean;
  /** Where the coordinator says what it does (default stderr). */
  log?: (line: string) => void;
  /** Overrides the copydesk version the jobs carry (tests). */
  version?: string;
}

/** What the last distributed run did: which worker checked how many articles. */
export interface QueueSummary {
  run: string;
  byWorker: Map<string, number>;
  /** Delivered without a worker: cached, skipped, unreadable, too large, failed jobs. */
  local: number;
}

/** How often outstanding jobs are looked up when no event came meanwhile. */
const SWEEP_MS = 2000;
/** Jobs added per round trip. */
const ADD_CHUNK = 200;
/** Say how to start a worker when nothing arrives for this long. */
const IDLE_HINT_MS = 10_000;

export function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
}

export async function runQueuedBatch(files: FoundFile[], options: QueueBatchOptions): Promise<{ results: FileResult[]; summary: QueueSummary }> {
  const url = options.queue;
  const shown = shownUrl(url);
  const log = options.log ?? ((l: string) => void process.stderr.write(`copydesk: ${l}\n`));
  if (options.run !== undefined && !/^[A-Za-z0-9_.-]+$/.test(options.run)) throw new QueueError(`--resume needs a run id as printed by copydesk run --queue (letters, digits, "-", "_", "."), not "${options.run}"`);
  const resolver = options.resolver ?? new ConfigResolver(options);
  const configs = files.map((f) => resolver.forFile(f.abs).effective);
  await assertReachable(url);
  const run = options.run ?? newRunId();
  options.onRun?.(run);

  const connection = connectionOptions(url);
  const redis = new Redis(connection);
  const shared = options.sharedCache ? new SharedCache(redis) : undefined;
  const queue = new Queue<JobData, JobResult>(QUEUE_NAME, { connection: connection as ConnectionOptions, prefix: PREFIX });
  const events = new QueueEvents(QUEUE_NAME, { connection: connection as ConnectionOptions, prefix: PREFIX });
  // Redis gone for longer than lostAfterMs: the run stops (the jobs and results stay for --resume).
  const lostAfterMs = options.lostAfterMs ?? (Number(process.env.COPYDESK_QUEUE_LOST_MS) || 5000);
  let failRun!: (err: Error) => void;
  const lost = new Promise<never>((_, reject) => (failRun = reject));
  lost.catch(() => undefined);
  let lostTimer: NodeJS.Timeout | undefined;
  const onDown = () => {
    lostTimer ??= setTimeout(() => failRun(new QueueError(`lost the connection to Redis at ${shown}; the workers' results so far are kept there: when Redis is back, run the same command with --resume ${run}`)), lostAfterMs);
  };
  const onUp = () => {
    clearTimeout(lostTimer);
    lostTimer = undefined;
  };
  redis.on('error', () => undefined);
  redis.on('close', onDown);
  redis.on('ready', onUp);
  queue.on('error', () => undefined);
  events.on('error', () => undefined);

  // With keepResults false (copydesk run streams its outputs) only which articles arrived is kept.
  const keep = options.keepResults !== false;
  const results: FileResult[] = keep ? new Array(files.length) : [];
  const delivered = new Uint8Array(files.length);
  const byWorker = new Map<string, number>();
  let local = 0;
  let done = 0;
  let lastArrival = Date.now();
  /** job id -> index of its article, for the jobs not delivered yet. */
  const pending = new Map<string, number>();
  // Deliveries one at a time, in arrival order (onResult writes files).
  let chain: Promise<void> = Promise.resolve();
  const deliver = (i: number, result: FileResult, worker?: string) => {
    if (delivered[i]) return;
    delivered[i] = 1;
    if (keep) results[i] = result;
    if (worker) byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
    else local++;
    lastArrival = Date.now();
    chain = chain.then(async () => {
      done++;
      if (worker && !result.error) {
        options.cache?.set(files[i], configs[i], result);
        await shared?.set(files[i], configs[i], result);
      }
      await options.onResult?.(result, done, files.length, i);
    });
    chain.catch(failRun);
  };
  const failedResult = (i: number, reason: string) => fileErrorResult(files[i].path, new InputError('internal', `${files[i].path}: copydesk failed on this file: its queue job failed ${ATTEMPTS} times (last: ${reason}); the rest of the batch went on`), files[i].key);
  const fromJob = (job: Job<JobData> | undefined) => {
    if (!job?.id) return;
    const i = pending.get(job.id);
    if (i === undefined || !job.finishedOn) return;
    const value = job.returnvalue as JobResult | undefined;
    if (value?.result) {
      pending.delete(job.id);
      deliver(i, value.result, value.worker);
    } else if (job.failedReason) {
      // Failed for good (not waiting for another attempt)?
      const id = job.id;
      const reason = job.failedReason;
      void job.isFailed().then((failed) => {
        if (failed && pending.delete(id)) deliver(i, failedResult(i, reason));
      }, () => undefined);
    }
  };
  events.on('completed', ({ jobId: id, returnvalue }) => {
    const i = pending.get(id);
    if (i === undefined) return;
    const value = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as JobResult | undefined;
    if (!value?.result) return void queue.getJob(id).then(fromJob, () => undefined);
    pending.delete(id);
    deliver(i, value.result, value.worker);
  });
  events.on('failed', ({ jobId: id }) => {
    if (pending.has(id)) void queue.getJob(id).then(fromJob, () => undefined);
  });
  /** Looks up every outstanding job (a resumed run, a missed event); re-adds none. */
  const sweep = async () => {
    const ids = [...pending.keys()];
    for (let k = 0; k < ids.length; k += ADD_CHUNK) {
      const jobs = await Promise.all(ids.slice(k, k + ADD_CHUNK).map((id) => queue.getJob(id)));
      for (const j of jobs) fromJob(j);
    }
  };

  let stopped = false;
  const stored = new Set<string>();
  /** Ids of the run's jobs, removed from Redis once every result is in. */
  const collected: string[] = [];
  const work = (async () => {
    log(`run ${run} on ${shown}: queuing ${files.length} article${files.length === 1 ? '' : 's'}; if this stops, resume with --resume ${run}`);
    await events.waitUntilReady();
    await queue.waitUntilReady();
    // Each distinct configuration once per run.
    const hashes = configs.map((c) => configHash(c));
    for (let i = 0; i < configs.length; i++) {
      if (stored.has(hashes[i])) continue;
      stored.add(hashes[i]);
      await redis.set(configKey(run, hashes[i]), JSON.stringify(configs[i]), 'EX', KEEP_SECONDS);
    }
    const version = jobVersion(options.version);
    let queued = 0;
    let batch: { name: string; data: JobData; opts: Record<string, unknown> }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await queue.addBulk(batch);
      batch = [];
    };
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const config: EffectiveConfig = configs[i];
      const maxBytes = limitsOf(config).maxArticleBytes;
      if (f.skip) deliver(i, skipResult(f));
      else if ((f.size ?? 0) > maxBytes) deliver(i, fileErrorResult(f.path, new InputError('too-large', tooLargeMessage(f.path, f.size!, maxBytes)), f.key));
      else {
        const cached = options.cache?.get(f, config) ?? (await shared?.get(f, config));
        if (cached) {
          deliver(i, cached);
          continue;
        }
        let text: string;
        try {
          text = await readArticle(f.abs, f.path, { maxBytes });
        } catch (err) {
          deliver(i, fileErrorResult(f.path, err, f.key));
          continue;
        }
        const id = jobId(run, f.path, text);
        if (pending.has(id)) throw new QueueError(`${f.path} is named twice in the run`);
        pending.set(id, i);
        collected.push(id);
        queued++;
        batch.push({
          name: 'check',
          data: { run, path: f.path, key: f.key, abs: f.abs, text, config: hashes[i], version },
          opts: { jobId: id, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 500 }, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
        });
        if (batch.length >= ADD_CHUNK) await flush();
      }
    }
    await flush();
    // A resumed run: what the workers finished meanwhile.
    const before = pending.size;
    await sweep();
    const already = before - pending.size;
    log(`run ${run}: ${queued} article${queued === 1 ? '' : 's'} queued on ${shown}${already ? ` (${already} checked already)` : ''}`);
    let hinted = false;
    while (pending.size && !stopped) {
      await new Promise((r) => setTimeout(r, 250));
      if (pending.size && Date.now() - lastArrival >= SWEEP_MS) {
        await sweep();
        if (!hinted && pending.size && Date.now() - lastArrival >= IDLE_HINT_MS) {
          hinted = true;
          log(`waiting for workers: nothing arrived for ${IDLE_HINT_MS / 1000} s; start one with: copydesk worker --queue ${shown}`);
        }
      }
    }
    await chain;
    if (stopped) return;
    // Collected: the run's jobs (their texts and results) and configurations leave Redis.
    for (let k = 0; k < collected.length; k += ADD_CHUNK) await Promise.all(collected.slice(k, k + ADD_CHUNK).map((id) => queue.remove(id).catch(() => 0)));
    if (stored.size) await redis.del(...[...stored].map((h) => configKey(run, h)));
  })();
  work.catch(() => undefined);
  try {
    await Promise.race([work, lost]);
  } finally {
    stopped = true;
    clearTimeout(lostTimer);
    redis.off('close', onDown);
    await within(Promise.all([events.close(), queue.close()]), 1000);
    redis.disconnect();
    await within(Promise.all([events.disconnect(), queue.disconnect()]), 500);
  }
  return { results, summary: { run, byWorker, local } };
}

/** "worker a:12 850, worker b:7 844; 3 without a worker (cached, skipped or unreadable)" */
export function summaryLine(s: QueueSummary): string {
  const parts = [...s.byWorker].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w} ${n}`);
  return `run ${s.run}: ${parts.length ? `checked by ${parts.join(', ')}` : 'no article checked by a worker'}${s.local ? `; ${s.local} without a worker (cached, skipped, unreadable or failed)` : ''}`;
}
