// The public API: what the command line, the tests and the review server call (after ESLint's
// lib/eslint/eslint.js under lib/cli.js). checkFiles finds the articles, resolves their configuration,
// applies ignores, runs the batch and applies the editors' decisions; checkText does the same for text
// that is not on disk (--stdin); fixResults applies fixes (--fix, --fix-dry-run) and re-checks.
// Writing reports is the caller's choice.
import fs from 'node:fs';
import path from 'node:path';
import type { Decisions, FileResult } from './core/types.js';
import { displayPath, findArticles, type FoundFile } from './run/files.js';
import { runBatch, type BatchOptions } from './run/batch.js';
import type { QueueSummary } from './run/queue/coordinator.js';
import { ConfigResolver, type ResolveOptions } from './run/config.js';
import { applyClaimReviews, applyDecisions, loadDecisions } from './queue/decisions.js';
import { IgnoreMatcher } from './run/ignore.js';
import { ResultCache } from './run/cache.js';
import { decodeArticle } from './parse/read.js';
import { fileErrorResult } from './run/worker.js';
import { repoRootOf } from './util/repo.js';
import type { Edit } from './run/fix.js';
import { writeFileAtomic } from './util/atomic.js';

export interface CommonOptions {
  config?: string;
  facts?: string[];
  workers?: number;
  decisions: string;
  /** --no-ignore turns this off. */
  ignore: boolean;
  cache?: boolean;
  cacheLocation: string;
  /** --no-error-on-unmatched-pattern turns this off: an empty folder or a glob matching nothing is then no error. */
  errorOnUnmatchedPattern?: boolean;
  /** --report-unused-disable-directives[-severity]. */
  reportUnusedDisableDirectives?: ResolveOptions['reportUnusedDisableDirectives'];
  /** Follow symbolic links that lead out of the folders named on the command line. */
  followSymlinks?: boolean;
}

export interface CheckOptions extends CommonOptions {
  /** Each finished article; `index` is its place in the batch. With `stream`, its decisions are applied already. */
  onResult?: (r: FileResult, index: number) => void | Promise<void>;
  /**
   * Keep no result: each goes to onResult with the editors' decisions applied and is dropped, and
   * checkFiles returns an empty array (copydesk run: memory flat in the archive's size). No `decide`.
   */
  stream?: boolean;
  /** Called after each article with the count done so far (progress display). */
  onProgress?: (r: FileResult, done: number, total: number) => void;
  /** Called once the articles are found, with how many will be checked. */
  onStart?: (total: number) => void;
  /** The folder paths are relative to, and whose repository root item ids are relative to (default: the working folder). */
  cwd?: string;
  /**
   * Runs after the batch and before the decisions are applied (baseline, prune); returns the decisions
   * to apply (it changes the file under its lock, so the ones read at the start may be stale).
   */
  decide?: (results: FileResult[], decisions: Decisions, file: string) => Decisions | void | Promise<Decisions | void>;
  /** Check the articles on queue workers (run/queue/): the Redis URL, and --resume's run id. */
  queue?: { url: string; run?: string; onRun?: (run: string) => void; onSummary?: (s: QueueSummary) => void };
}

/** Drops the articles that .copydeskignore or the config's "ignore" excludes; says so for named ones. */
export function applyIgnores(files: FoundFile[], paths: string[], resolver: ConfigResolver): FoundFile[] {
  const matcher = new IgnoreMatcher(resolver);
  const named = new Set(paths.map((p) => path.resolve(p)));
  return files.filter((f) => {
    const why = matcher.reason(f.abs);
    if (why && named.has(f.abs)) process.stderr.write(`copydesk: ${f.path} is ignored (${path.relative(process.cwd(), why.replace(/ "ignore"$/, '')) || why}); use --no-ignore to check it\n`);
    return !why;
  });
}

function resolverFor(opts: CommonOptions): ConfigResolver {
  return new ConfigResolver({ configFile: opts.config, facts: opts.facts, reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives });
}

export async function checkFiles(paths: string[], opts: CheckOptions): Promise<FileResult[]> {
  const resolver = resolverFor(opts);
  let files = await findArticles(paths.length ? paths : ['input'], opts.cwd, { errorOnUnmatchedPattern: opts.errorOnUnmatchedPattern !== false, followSymlinks: opts.followSymlinks });
  await resolver.prepare(files.filter((f) => !f.skip).map((f) => f.abs));
  if (opts.ignore !== false) files = applyIgnores(files, paths, resolver);
  const decisionsFile = path.resolve(opts.decisions);
  let decisions = loadDecisions(decisionsFile);
  opts.onStart?.(files.length);
  const batch: BatchOptions = {
    workers: opts.workers,
    configFile: opts.config,
    facts: opts.facts,
    resolver,
    cache: opts.cache ? new ResultCache(opts.cacheLocation) : undefined,
    keepResults: !opts.stream,
    onResult: async (r, done, total, index) => {
      opts.onProgress?.(r, done, total);
      if (opts.stream) applyDecisions([r], decisions);
      else applyClaimReviews(r.claims, decisions); // before onResult writes the claims file
      await opts.onResult?.(r, index);
    },
  };
  let results: FileResult[];
  if (opts.queue) {
    // --cache with --queue: the cache shared in Redis instead of the cache folder.
    // Loaded only for a distributed run: bullmq and ioredis cost a local run nothing.
    const { runQueuedBatch } = await import('./run/queue/coordinator.js');
    const q = await runQueuedBatch(files, { ...batch, cache: undefined, sharedCache: !!opts.cache, queue: opts.queue.url, run: opts.queue.run, onRun: opts.queue.onRun });
    results = q.results;
    opts.queue.onSummary?.(q.summary);
  } else results = await runBatch(files, batch);
  if (opts.stream) return results;
  decisions = (await opts.decide?.(results, decisions, decisionsFile)) ?? decisions;
  applyDecisions(results, decisions);
  return results;
}

/**
 * Checks text that is not read from disk (--stdin), configured and ignored as if it were the file
 * `filename` (default: "<text>" in the working directory). Returns no result when that file is ignored.
 */
export async function checkText(text: string | Uint8Array, filename: string | undefined, opts: CommonOptions): Promise<FileResult[]> {
  const resolver = resolverFor(opts);
  const abs = path.resolve(filename ?? '<text>');
  const shown = displayPath(abs);
  await resolver.prepare([abs]);
  if (opts.ignore !== false && filename) {
    const why = new IgnoreMatcher(resolver).reason(abs);
    if (why) {
      process.stderr.write(`copydesk: ${shown} is ignored (${path.relative(process.cwd(), why.replace(/ "ignore"$/, '')) || why}); use --no-ignore to check it\n`);
      return [];
    }
  }
  const key = displayPath(abs, repoRootOf(process.cwd()));
  let result: FileResult;
  const { checkArticle } = await import('./core/article.js');
  try {
    const decoded = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : decodeArticle(text, shown);
    result = checkArticle({ path: shown, key, text: decoded }, resolver.forFile(abs).effective);
  } catch (err) {
    result = fileErrorResult(shown, err, key);
  }
  const decisions = loadDecisions(path.resolve(opts.decisions));
  applyClaimReviews(result.claims, decisions);
  applyDecisions([result], decisions);
  return [result];
}

export interface FileFix {
  path: string;
  before: string;
  after: string;
  /** What was changed, pass by pass (each pass's offsets are into the previous pass's text). */
  edits: Edit[];
}

export interface FixOutcome {
  /** The results after fixing (re-checked), in the same order. */
  results: FileResult[];
  fixes: FileFix[];
}

/** Passes of fix-and-recheck at most (ESLint stops at 10 too). */
const MAX_PASSES = 10;

/**
 * Applies the unambiguous first suggestions (run/fix.ts) to each result's file, re-checks the fixed
 * text and repeats while fixes remain; writes each changed file atomically unless `dryRun`. `texts`
 * gives the text of results that are not files on disk (--stdin), by result path.
 */
export async function fixResults(results: FileResult[], opts: CommonOptions & { dryRun?: boolean; texts?: Map<string, string> }): Promise<FixOutcome> {
  const resolver = resolverFor(opts);
  const decisions = loadDecisions(path.resolve(opts.decisions));
  const fixes: FileFix[] = [];
  const out = [...results];
  const { checkArticle } = await import('./core/article.js');
  const { applyEdits, planFixes } = await import('./run/fix.js');
  for (let i = 0; i < out.length; i++) {
    let r = out[i];
    if (r.error) continue;
    const abs = path.resolve(r.path);
    const fromDisk = !opts.texts?.has(r.path);
    let raw: string;
    try {
      raw = opts.texts?.get(r.path) ?? fs.readFileSync(abs, 'utf8');
    } catch {
      continue;
    }
    const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
    const before = raw.slice(bom.length);
    let text = before;
    const edits: Edit[] = [];
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const plan = planFixes(r, text);
      if (!plan.edits.length) break;
      text = applyEdits(text, plan.edits);
      edits.push(...plan.edits);
      const key = displayPath(abs, repoRootOf(process.cwd()));
      r = checkArticle({ path: r.path, key, text }, resolver.forFile(abs).effective);
      applyClaimReviews(r.claims, decisions);
      applyDecisions([r], decisions);
    }
    if (!edits.length) continue;
    out[i] = r;
    fixes.push({ path: r.path, before, after: text, edits });
    if (!opts.dryRun && fromDisk) writeFileAtomic(abs, bom + text);
  }
  return { results: out, fixes };
}

/** The configuration that applies to one article (--print-config): merged settings, the files they come from. */
export async function printConfig(file: string, opts: Partial<CommonOptions> = {}) {
  const resolver = new ConfigResolver({ configFile: opts.config, facts: opts.facts, reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives });
  const abs = path.resolve(file);
  await resolver.prepare([abs]);
  return resolver.printable(abs);
}
