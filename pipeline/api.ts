// The public API: what the command line, the tests and the review server call (after ESLint's
// lib/eslint/eslint.js under lib/cli.js). checkFiles finds the articles, resolves their configuration,
// applies ignores, runs the batch and applies the editors' decisions; writing is the caller's choice.
import path from 'node:path';
import type { Decisions, FileResult } from './core/types.js';
import { findArticles } from './run/files.js';
import { runBatch } from './run/batch.js';
import { ConfigResolver } from './run/config.js';
import { applyClaimReviews, applyDecisions, loadDecisions } from './queue/decisions.js';
import { IgnoreMatcher } from './run/ignore.js';
import { ResultCache } from './run/cache.js';

export interface CommonOptions {
  config?: string;
  facts?: string[];
  workers?: number;
  decisions: string;
  /** --no-ignore turns this off. */
  ignore: boolean;
  cache?: boolean;
  cacheLocation: string;
}

export interface CheckOptions extends CommonOptions {
  onResult?: (r: FileResult) => void | Promise<void>;
  /** Called after each article with the count done so far (progress display). */
  onProgress?: (r: FileResult, done: number, total: number) => void;
  /** The folder paths are relative to, and whose repository root item ids are relative to (default: the working folder). */
  cwd?: string;
  /**
   * Runs after the batch and before the decisions are applied (baseline, prune); returns the decisions
   * to apply (it changes the file under its lock, so the ones read at the start may be stale).
   */
  decide?: (results: FileResult[], decisions: Decisions, file: string) => Decisions | void | Promise<Decisions | void>;
}

/** Drops the articles that .copydeskignore or the config's "ignore" excludes; says so for named ones. */
export function applyIgnores(files: Awaited<ReturnType<typeof findArticles>>, paths: string[], resolver: ConfigResolver) {
  const matcher = new IgnoreMatcher(resolver);
  const named = new Set(paths.map((p) => path.resolve(p)));
  return files.filter((f) => {
    const why = matcher.reason(f.abs);
    if (why && named.has(f.abs)) process.stderr.write(`copydesk: ${f.path} is ignored (${path.relative(process.cwd(), why.replace(/ "ignore"$/, '')) || why}); use --no-ignore to check it\n`);
    return !why;
  });
}

export async function checkFiles(paths: string[], opts: CheckOptions): Promise<FileResult[]> {
  const resolver = new ConfigResolver({ configFile: opts.config, facts: opts.facts });
  let files = await findArticles(paths.length ? paths : ['input'], opts.cwd);
  if (opts.ignore !== false) files = applyIgnores(files, paths, resolver);
  const decisionsFile = path.resolve(opts.decisions);
  let decisions = loadDecisions(decisionsFile);
  const results = await runBatch(files, {
    workers: opts.workers,
    configFile: opts.config,
    facts: opts.facts,
    resolver,
    cache: opts.cache ? new ResultCache(opts.cacheLocation) : undefined,
    onResult: async (r, done, total) => {
      opts.onProgress?.(r, done, total);
      applyClaimReviews(r.claims, decisions); // before onResult writes the claims file
      await opts.onResult?.(r);
    },
  });
  decisions = (await opts.decide?.(results, decisions, decisionsFile)) ?? decisions;
  applyDecisions(results, decisions);
  return results;
}
