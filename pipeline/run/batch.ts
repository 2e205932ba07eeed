// files -> workers -> results. p-queue feeds a piscina pool of worker threads with back-pressure, so
// a batch uses every core while memory stays flat however many articles there are. Results stream
// to the caller as they arrive; one broken article never stops the batch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { EffectiveConfig, FileResult } from '../core/types.js';
import { ConfigResolver, type ResolveOptions } from './config.js';
import type { FoundFile } from './files.js';
import { runTask, type Task } from './worker.js';

export interface BatchOptions extends ResolveOptions {
  /** Worker threads; 0 runs everything on the main thread. Default: one per core. */
  workers?: number;
  configFile?: string;
  /** Reuse a resolver that has already loaded the configurations (the CLI's, which also applies ignores). */
  resolver?: ConfigResolver;
  /** Called for each finished article, in completion order. */
  onResult?: (result: FileResult, done: number, total: number) => void | Promise<void>;
  /** Optional per-file cache: return a result to skip the work, and store fresh ones. */
  cache?: {
    get(file: FoundFile, config: EffectiveConfig): FileResult | undefined;
    set(file: FoundFile, config: EffectiveConfig, result: FileResult): void;
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The compiled worker, when we run from dist/; from TypeScript sources (tests) we run in-process. */
function workerFile(): string | undefined {
  const f = path.join(here, 'worker.js');
  return fs.existsSync(f) ? f : undefined;
}

/** Below this many articles a batch runs on the main thread by default (see runBatch). */
export const MIN_FILES_FOR_WORKERS = 20;

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export async function runBatch(files: FoundFile[], options: BatchOptions = {}): Promise<FileResult[]> {
  const resolver = options.resolver ?? new ConfigResolver(options);
  // Resolve every configuration first, on the main thread, so a bad config stops the run before any work.
  const configs = files.map((f) => resolver.forFile(f.abs).effective);
  const wanted = options.workers ?? defaultWorkers();
  const file = workerFile();
  // A worker loads every dictionary and model on start-up; for a few articles (a pull request's) that
  // costs more than it saves, so small batches run on the main thread unless --workers asks otherwise.
  const threads = file && files.length > 1 && (options.workers !== undefined || files.length >= MIN_FILES_FOR_WORKERS) ? Math.min(wanted, files.length) : 0;
  // Started on the first cache miss, so a fully cached run never pays for worker start-up.
  let pool: Piscina | undefined;
  const getPool = () => (pool ??= new Piscina({ filename: file!, minThreads: threads, maxThreads: threads, idleTimeout: 1000 }));
  // Several tasks in flight per worker, so a worker never waits for the main thread between articles.
  const queue = new PQueue({ concurrency: Math.max(1, threads * 4) });
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      // Back-pressure: keep only a few tasks waiting, so memory does not grow with the batch.
      await queue.onSizeLessThan(Math.max(4, threads * 8));
      const f = files[i];
      const config = configs[i];
      queue.add(async () => {
        let result = options.cache?.get(f, config);
        if (!result) {
          const task: Task = { absPath: f.abs, path: f.path, key: f.key, config };
          result = threads > 0 ? ((await getPool().run(task)) as FileResult) : await runTask(task);
          if (!result.error) options.cache?.set(f, config, result);
        }
        results[i] = result;
        done++;
        await options.onResult?.(result, done, files.length);
      });
    }
    await queue.onIdle();
  } finally {
    await pool?.destroy();
  }
  return results;
}
