// files -> workers -> results. p-queue feeds a piscina pool of worker threads with back-pressure, so
// a batch uses every core while memory stays flat however many articles there are. Results stream
// to the caller as they arrive; one broken article never stops the batch.
//
// No article can take the batch down (issue 9): each worker has a heap limit (resourceLimits,
// limits.workerMemoryMB) and each article a deadline (limits.articleTimeoutSeconds, counted from the
// moment a worker starts on it). An article over either becomes a per-file error naming the limit;
// piscina replaces the worker and the rest of the batch goes on. Small batches run on the main
// thread, except articles over limits.mainThreadMaxBytes, which go to a worker so the same limits
// hold for them; articles over limits.maxArticleBytes are refused before they are read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import type { Piscina } from 'piscina';
import type { EffectiveConfig, FileResult } from '../core/types.js';
import { ConfigResolver, type ResolveOptions } from './config.js';
import type { FoundFile } from './files.js';
import { fileErrorResult, runTask, skipResult, type Task } from './worker.js';
import { InputError, tooLargeMessage } from '../parse/read.js';
import { limitName, limitsOf } from '../core/limits.js';

export interface BatchOptions extends ResolveOptions {
  /** Worker threads; 0 runs everything on the main thread. Default: one per core. */
  workers?: number;
  configFile?: string;
  /** Reuse a resolver that has already loaded the configurations (the CLI's, which also applies ignores). */
  resolver?: ConfigResolver;
  /** Called for each finished article, in completion order; `index` is its place in `files`. */
  onResult?: (result: FileResult, done: number, total: number, index: number) => void | Promise<void>;
  /** false: keep no result once onResult has had it (the returned array is empty), so memory stays flat (issue 14). */
  keepResults?: boolean;
  /** Optional per-file cache: return a result to skip the work, and store fresh ones. */
  cache?: {
    get(file: FoundFile, config: EffectiveConfig): FileResult | undefined;
    set(file: FoundFile, config: EffectiveConfig, result: FileResult): void;
    /** Drops the entries of articles that no longer exist (called once the batch is done). */
    prune?(): number;
  };
  /** The compiled worker file (tests point it elsewhere); default dist/pipeline/run/worker.js when it exists. */
  workerFile?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The compiled worker, when we run from dist/; from TypeScript sources (tests) we run in-process. */
export function workerFile(): string | undefined {
  const f = path.join(here, 'worker.js');
  return fs.existsSync(f) ? f : undefined;
}

/** Below this many articles a batch runs on the main thread by default (see runBatch). */
export const MIN_FILES_FOR_WORKERS = 20;
/** How often the deadlines of running articles are looked at. */
const DEADLINE_POLL_MS = 200;

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

class DeadlineExceeded extends Error {
  constructor(readonly seconds: number) {
    super(`deadline of ${seconds} s`);
  }
}

/** The per-file error for an article the pool could not finish: the limit it ran into, named. */
export function poolErrorResult(f: FoundFile, err: unknown, config: EffectiveConfig): FileResult {
  const limits = limitsOf(config);
  const reason = (err as { reason?: unknown })?.reason ?? (err as { cause?: unknown })?.cause;
  if (err instanceof DeadlineExceeded || reason instanceof DeadlineExceeded) {
    return fileErrorResult(f.path, new InputError('time-limit', `${f.path}: checking this article took longer than ${limitName('articleTimeoutSeconds')} (${limits.articleTimeoutSeconds} s), so it was stopped; the rest of the batch went on. Split the article, or raise the limit in the configuration`), f.key);
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return fileErrorResult(f.path, new InputError('memory-limit', `${f.path}: checking this article needed more memory than ${limitName('workerMemoryMB')} (${limits.workerMemoryMB} MB), so its worker was stopped; the rest of the batch went on. Split the article, or raise the limit in the configuration`), f.key);
  }
  return fileErrorResult(f.path, new InputError('internal', `${f.path}: copydesk failed on this file: the worker thread checking it stopped (${(err as Error)?.message ?? String(err)}); the rest of the batch went on`), f.key);
}

/** Options of an ArticlePool: the threads, the heap limit of each, the compiled worker file. */
export interface PoolOptions {
  threads: number;
  memoryMB: number;
  workerFile: string;
}

/**
 * The worker-thread pool with its limits: a heap limit per worker and a deadline per article (counted
 * from the moment a worker starts on it). An article over either becomes a per-file error naming the
 * limit. Started on the first article, so a fully cached run never pays for worker start-up. The
 * local batch (runBatch) and the queue worker (run/queue/worker.ts) both run articles through it.
 */
export class ArticlePool {
  private pool: Piscina | undefined;
  private readonly running = new Set<{ started: BigInt64Array; seconds: number; abort: AbortController }>();
  private poll: NodeJS.Timeout | undefined;
  constructor(readonly options: PoolOptions) {}

  /** Started on the first article that needs it, piscina itself imported then too, so a fully cached run never pays for worker start-up (issue 14). */
  private async getPool(): Promise<Piscina> {
    if (this.pool) return this.pool;
    const { Piscina: PiscinaClass } = await import('piscina');
    if (this.pool) return this.pool;
    const { threads, memoryMB, workerFile: filename } = this.options;
    this.pool = new PiscinaClass({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: memoryMB } });
    // A worker that dies between tasks is replaced by piscina; say so rather than crash on the event.
    this.pool.on('error', (err: Error) => process.stderr.write(`copydesk: a worker thread stopped: ${err.message}\n`));
    return this.pool;
  }

  private watch(): void {
    this.poll ??= setInterval(() => {
      const now = BigInt(Date.now());
      for (const r of this.running) {
        const s = Atomics.load(r.started, 0);
        if (s > 0n && Number(now - s) > r.seconds * 1000) r.abort.abort(new DeadlineExceeded(r.seconds));
      }
    }, DEADLINE_POLL_MS);
    this.poll.unref();
  }

  /** Checks one article in a worker thread; never throws (a limit or a dead worker is a per-file error). */
  async run(f: FoundFile, task: Task): Promise<FileResult> {
    const entry = { started: new BigInt64Array(new SharedArrayBuffer(8)), seconds: limitsOf(task.config).articleTimeoutSeconds, abort: new AbortController() };
    this.running.add(entry);
    this.watch();
    try {
      return (await (await this.getPool()).run({ ...task, started: entry.started }, { signal: entry.abort.signal })) as FileResult;
    } catch (err) {
      return poolErrorResult(f, entry.abort.signal.aborted ? entry.abort.signal.reason : err, task.config);
    } finally {
      this.running.delete(entry);
    }
  }

  async destroy(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    await this.pool?.destroy();
    this.pool = undefined;
  }
}

export async function runBatch(files: FoundFile[], options: BatchOptions = {}): Promise<FileResult[]> {
  const resolver = options.resolver ?? new ConfigResolver(options);
  // Resolve every configuration first, on the main thread, so a bad config stops the run before any work.
  const configs = files.map((f) => resolver.forFile(f.abs).effective);
  const wanted = options.workers ?? defaultWorkers();
  const file = options.workerFile ?? workerFile();
  // A worker loads every dictionary and model on start-up; for a few articles (a pull request's) that
  // costs more than it saves, so small batches run on the main thread unless --workers asks otherwise.
  const threads = file && files.length > 1 && (options.workers !== undefined || files.length >= MIN_FILES_FOR_WORKERS) ? Math.min(wanted, files.length) : 0;
  // ... except an article too large to risk on the main thread: it goes to a worker of its own.
  const needsWorker = (f: FoundFile, config: EffectiveConfig) => !!file && options.workers !== 0 && (f.size ?? 0) > limitsOf(config).mainThreadMaxBytes;
  // One heap limit for the pool: the largest any configuration of the batch asks for.
  const memoryMB = Math.max(...configs.map((c) => limitsOf(c).workerMemoryMB), 64);
  const pool = file ? new ArticlePool({ threads: Math.max(1, threads), memoryMB, workerFile: file }) : undefined;
  // Several tasks in flight per worker, so a worker never waits for the main thread between articles.
  const queue = new PQueue({ concurrency: Math.max(1, threads * 4) });
  const results: FileResult[] = options.keepResults === false ? [] : new Array(files.length);
  let done = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      // Back-pressure: keep only a few tasks waiting, so memory does not grow with the batch.
      await queue.onSizeLessThan(Math.max(4, threads * 8));
      const f = files[i];
      const config = configs[i];
      queue.add(async () => {
        let result: FileResult | undefined;
        const maxBytes = limitsOf(config).maxArticleBytes;
        if (f.skip) result = skipResult(f);
        else if ((f.size ?? 0) > maxBytes) result = fileErrorResult(f.path, new InputError('too-large', tooLargeMessage(f.path, f.size!, maxBytes)), f.key); // refused at once, unread
        else {
          result = options.cache?.get(f, config);
          if (!result) {
            const task: Task = { absPath: f.abs, path: f.path, key: f.key, config };
            result = pool && (threads > 0 || needsWorker(f, config)) ? await pool.run(f, task) : await runTask(task);
            if (!result.error) options.cache?.set(f, config, result);
          }
        }
        if (options.keepResults !== false) results[i] = result;
        done++;
        await options.onResult?.(result, done, files.length, i);
      });
    }
    await queue.onIdle();
    options.cache?.prune?.();
  } finally {
    await pool?.destroy();
  }
  return results;
}
