#!/usr/bin/env node
// The command line: argv -> the API (api.ts) -> what to print and the exit code (ESLint's lib/cli.js).
//   copydesk run    [paths...] [--out DIR]         batch: writes the review queue, claims, summary
//   copydesk lint   [paths...] [--format F]        CI: prints a report, exits 1 on errors (docs/ci.md)
//   copydesk review [output-dir]                   the review page of a run
//   copydesk rules                                 lists every rule
// Exit codes: 0 no open error item, 1 at least one (or, for lint, more warnings than --max-warnings),
// 2 usage, config or internal error.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import type { Decisions, FileResult, Severity } from './core/types.js';
import { UsageError } from './util/errors.js';
import { defaultWorkers } from './run/batch.js';
import { ConfigError } from './run/config.js';
import { DECISIONS_FILE, DecisionsError, baselineDecisions, pruneDecisions, recordStep, updateDecisions, BASELINE_NOTE } from './queue/decisions.js';
import { DEFAULT_CACHE_LOCATION } from './run/cache.js';
import { checkFiles, checkText, fixResults, printConfig, type CommonOptions } from './api.js';
import { repoRootOf } from './util/repo.js';
import { RunWriter, type RunTotals } from './run/outputs.js';
import { buildReport, countItems, filterBySeverity } from './write/report.js';
import { FORMAT_NAMES, loadFormatter } from './write/formats/load.js';
// Loaded by the commands that need them (a cached lint of one article loads neither the review server,
// nor init, nor the rule modules for `rules`; issue 14).
import { DEFAULT_PORT as DEFAULT_REVIEW_PORT, DEFAULT_HOST as DEFAULT_REVIEW_HOST } from './review/defaults.js';
import { useColor } from './util/color.js';
import { Progress } from './run/progress.js';
import { writeFileAtomic } from './util/atomic.js';
import { VERSION } from './util/version.js';
import { safeText } from './util/escape.js';
import { SEVERITIES } from './core/severity.js';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

/** Who the review server records as the author of decisions when --author is not given. */
function defaultAuthor(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || process.env.USERNAME || undefined;
  }
}

/** Outside a terminal, batches smaller than this (a pull request's few articles) write no progress lines. */
const MIN_LOGGED_BATCH = 20;

/** The progress line on stderr (run/progress.ts), unless --no-progress. */
function progressHooks(enabled: boolean) {
  let progress: Progress | undefined;
  return {
    onStart: (total: number) => {
      if (enabled && total > 1 && (process.stderr.isTTY || total >= MIN_LOGGED_BATCH)) progress = new Progress(total);
    },
    onProgress: (r: FileResult, done: number) => progress?.update(done, r.path),
    finish: () => progress?.finish(),
  };
}

/** COPYDESK_STATS=1: one machine-readable line on stderr for scripts/bench.mjs. */
function printStats(t: Pick<RunTotals, 'files' | 'words' | 'claims' | 'items' | 'cached'>, started: number): void {
  if (!process.env.COPYDESK_STATS) return;
  const stats = {
    files: t.files,
    words: t.words,
    claims: t.claims,
    items: t.items,
    ms: Math.round(performance.now() - started),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    cached: t.cached,
  };
  process.stderr.write(`copydesk-stats ${JSON.stringify(stats)}\n`);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function intArg(name: string) {
  return (v: string) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`${name} must be a whole number, not "${v}"`);
    return Number(v);
  };
}

function withCommon(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'use this config file instead of searching from each article')
    .option('--facts <file>', 'reference facts file (JSON or YAML); repeatable', collect)
    .option('--workers <n>', `worker threads (default: ${defaultWorkers()}, one per core; 0 = main thread)`, intArg('--workers'))
    .option('--decisions <file>', 'editors’ decisions file', DECISIONS_FILE)
    .option('--no-ignore', 'check articles that .copydeskignore or the config\'s "ignore" would skip')
    .option('--cache', 'reuse results of unchanged articles (keyed by content, configuration, dictionaries and copydesk version)')
    .option('--cache-location <dir>', 'cache folder', DEFAULT_CACHE_LOCATION)
    .option('--no-error-on-unmatched-pattern', 'an empty folder or a glob that matches no article is no error')
    .option('--report-unused-disable-directives', 'report disable directives that suppress nothing (as errors)')
    .addOption(new Option('--report-unused-disable-directives-severity <level>', 'report unused disable directives at this severity').choices(['off', 'error', 'warning', 'info']))
    .option('--follow-symlinks', 'follow symbolic links that lead out of the folders named on the command line (skipped with a notice otherwise)')
    .option('--no-progress', 'do not show progress on stderr');
}

/**
 * The exit code of a finished batch: 2 when copydesk itself failed on an article (a per-file
 * internal error; every other article was still checked and written), else 1 for an open error item
 * (including unreadable articles and articles over a limit), else 0.
 */
export function batchExit(results: FileResult[], errors: number): number {
  if (results.some((r) => r.error?.code === 'internal')) return EXIT.usage;
  return errors > 0 ? EXIT.errors : EXIT.ok;
}

/** The common options as the API takes them. */
function common<T extends CommonOptions & RawCommon>(opts: T): T {
  const severity = opts.reportUnusedDisableDirectivesSeverity ?? (opts.reportUnusedDisableDirectives ? 'error' : undefined);
  return { ...opts, reportUnusedDisableDirectives: severity as CommonOptions['reportUnusedDisableDirectives'] };
}

interface RawCommon {
  reportUnusedDisableDirectives?: unknown;
  reportUnusedDisableDirectivesSeverity?: Severity | 'off';
  progress: boolean;
}

interface LintOptions extends CommonOptions, Omit<RawCommon, 'reportUnusedDisableDirectives'> {
  format: string;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  printConfig?: string;
  outputFile?: string;
  maxWarnings?: number;
  minSeverity: Severity;
  quiet?: boolean;
  updateBaseline?: boolean;
  pruneDecisions?: boolean;
}

/**
 * --update-baseline and --prune-decisions: change the decisions file before the report is made, under
 * its lock and against its current content (an editor may be deciding in the review page meanwhile:
 * their decisions are never replaced by the baseline).
 */
async function updateDecisionsFile(results: FileResult[], file: string, opts: LintOptions): Promise<Decisions> {
  const shown = path.relative(process.cwd(), file) || file;
  return updateDecisions(file, (current) => {
    if (opts.pruneDecisions) {
      const n = pruneDecisions(results, current);
      process.stderr.write(`copydesk: pruned ${n} decision${n === 1 ? '' : 's'} whose items no longer exist from ${shown}\n`);
      recordStep(current, { source: 'prune', label: `Pruned ${n} decision${n === 1 ? '' : 's'} of items that no longer exist`, count: n, changes: [] });
    }
    if (opts.updateBaseline) {
      const n = baselineDecisions(results, current);
      process.stderr.write(`copydesk: recorded ${n} item${n === 1 ? '' : 's'} as dismissed (note "${BASELINE_NOTE}") in ${shown}\n`);
      recordStep(current, { source: 'baseline', label: `Baseline: ${n} item${n === 1 ? '' : 's'} recorded as dismissed`, count: n, changes: [] });
    }
    return structuredClone(current);
  });
}

/** "copydesk: language en-GB (detected) 985, en (undetermined) 702\n" when any language was detected, else "". */
function languageLine(results: Pick<FileResult, 'language' | 'languageSource'>[]): string {
  const counts = new Map<string, number>();
  for (const r of results) if (r.language) {
    const k = r.languageSource === 'detected' || r.languageSource === 'undetermined' ? `${r.language} (${r.languageSource})` : r.language;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (!results.some((r) => r.languageSource === 'detected' || r.languageSource === 'undetermined')) return '';
  return `copydesk: language ${[...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')} (set "language" in the configuration to pin one)\n`;
}

/** Exit 1 when an error is open, or more warnings than --max-warnings exist (counted whatever --quiet hides, as ESLint does). */
function exitCode(results: FileResult[], opts: LintOptions): number {
  const all = countItems(results);
  const tooManyWarnings = opts.maxWarnings !== undefined && all.warning > opts.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`copydesk: too many warnings (${all.warning}; the maximum is ${opts.maxWarnings})\n`);
  return tooManyWarnings && batchExit(results, all.error) !== EXIT.usage ? EXIT.errors : batchExit(results, all.error);
}

/** What --fix changed, on stderr. */
function reportFixes(fixes: Awaited<ReturnType<typeof fixResults>>['fixes'], dryRun: boolean): void {
  const n = fixes.reduce((k, f) => k + f.edits.length, 0);
  const verb = dryRun ? 'would fix' : 'fixed';
  process.stderr.write(`copydesk: ${verb} ${n} problem${n === 1 ? '' : 's'} in ${fixes.length} file${fixes.length === 1 ? '' : 's'}\n`);
  for (const f of fixes) for (const e of f.edits) process.stderr.write(`  ${f.path}: “${e.was}” -> “${e.text}” (${e.rule})\n`);
}

async function printConfigTo(file: string, opts: Partial<CommonOptions>): Promise<void> {
  const p = await printConfig(file, opts);
  process.stderr.write(`copydesk: configuration for ${file} from ${p.files.length ? p.files.join(', ') : 'the defaults'}${p.overrides.length ? ` (overrides ${p.overrides.join(', ')})` : ''}\n`);
  process.stdout.write(JSON.stringify(p.config, null, 2) + '\n');
}

export function buildProgram(): Command {
  const program = new Command('copydesk')
    .description('Claim extraction, verification and copy-editing checks for news articles.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    .helpCommand(true)
    .option('--print-config <file>', 'print the configuration that applies to this article, and exit')
    .action(async (opts: { printConfig?: string }) => {
      if (!opts.printConfig) {
        program.outputHelp();
        return void (process.exitCode = EXIT.usage);
      }
      await printConfigTo(opts.printConfig, {});
    });

  withCommon(
    program
      .command('run')
      .description('check articles (default: input/) and write the review queue, claims and summary (default: output/)')
      .argument('[paths...]', 'files, folders or globs of .md, .markdown and .txt articles')
      .option('-o, --out <dir>', 'output folder', 'output')
      .option('--queue <url>', 'check the articles on `copydesk worker` processes sharing this Redis (redis://HOST:PORT[/DB]; docs/distributed.md)')
      .option('--resume <run-id>', 'with --queue: collect the run of this id (as printed when it started) instead of starting over'),
  ).action(async (paths: string[], raw: CommonOptions & RawCommon & { out: string; queue?: string; resume?: string }) => {
    const opts = common(raw);
    const started = performance.now();
    const outDir = path.resolve(opts.out);
    const progress = progressHooks(opts.progress);
    // The run is staged in a fresh folder and switched into place as a whole (run/outputs.ts).
    if (opts.resume && !opts.queue) throw new UsageError('--resume needs --queue (the Redis the run was queued on)');
    const writer = new RunWriter(outDir);
    const summarise = opts.queue ? await import('./run/queue/coordinator.js').then(({ summaryLine }) => (s: Parameters<typeof summaryLine>[0]) => process.stderr.write(`copydesk: ${summaryLine(s)}\n`)) : undefined;
    try {
      // Streamed: each result is written as it arrives and dropped, so memory stays flat (issue 14).
      await checkFiles(paths, {
        ...opts,
        stream: true,
        // The queue modules (bullmq, ioredis) are loaded only for a distributed run.
        queue: opts.queue ? { url: opts.queue, run: opts.resume, onSummary: summarise ?? (() => {}) } : undefined,
        onStart: progress.onStart,
        onProgress: progress.onProgress,
        onResult: (r, index) => writer.add(r, index),
      }).finally(progress.finish);
      await writer.commit();
    } catch (err) {
      writer.abandon();
      throw err;
    }
    const t = writer.totals;
    const c = t.counts;
    printStats(t, started);
    const shownOut = path.relative(process.cwd(), outDir) || '.';
    for (const e of t.failed) process.stderr.write(`copydesk: ${safeText(e.message)}\n`);
    for (const s of t.skipped) process.stderr.write(`copydesk: skipped: ${safeText(s.message)}\n`);
    process.stdout.write(
      `copydesk: ${t.files} articles, ${c.error} errors, ${c.warning} warnings, ${c.info} info, ${c.dismissed} dismissed` +
        `${t.failed.length ? `, ${t.failed.length} unreadable` : ''}${t.skipped.length ? `, ${t.skipped.length} skipped` : ''}\n` +
        languageLine(t.languages) +
        `copydesk: wrote ${shownOut}/review-queue.json, report.html, summary.md and claims/; review them with: copydesk review ${shownOut}\n`,
    );
    process.exitCode = t.failed.some((e) => e.code === 'internal') ? EXIT.usage : c.error > 0 ? EXIT.errors : EXIT.ok;
  });

  withCommon(
    program
      .command('lint')
      .description('check articles and print a report; exit 1 when an error-severity item is open')
      .argument('[paths...]', 'files, folders or globs of .md, .markdown and .txt articles')
      .option('-f, --format <format>', `output format: ${FORMAT_NAMES.join(', ')}, or a path to a formatter module`, 'stylish')
      .option('--output-file <file>', 'write the report to a file instead of stdout')
      .option('--max-warnings <n>', 'exit 1 when more than n warnings are open', intArg('--max-warnings'))
      .addOption(new Option('--min-severity <level>', 'report only items at or above this severity').choices([...SEVERITIES]).default('info'))
      .option('-q, --quiet', 'report errors only (same as --min-severity error)')
      .option('--update-baseline', `record every current item without a decision as dismissed (note "${BASELINE_NOTE}") in the decisions file`)
      .option('--prune-decisions', 'remove decisions whose items no longer exist (for the articles checked in this run)')
      .option('--stdin', 'check the text on standard input')
      .option('--stdin-filename <file>', 'with --stdin: the file the text stands for (its configuration, ignores and path apply)')
      .option('--fix', 'apply the unambiguous first suggestions (never inside quotations), write the files, re-check')
      .option('--fix-dry-run', 'print what --fix would change (a diff; with --stdin the fixed text) without writing')
      .option('--color', 'colour the output even when it is not a terminal')
      .option('--no-color', 'never colour the output')
      .option('--print-config <file>', 'print the configuration that applies to this article, and exit'),
  ).action(async (paths: string[], raw: LintOptions) => {
    const opts = common(raw);
    // --print-config after the command name is the program's option too (commander reads it either way).
    const printCfg = opts.printConfig ?? (program.opts() as { printConfig?: string }).printConfig;
    if (printCfg) return await printConfigTo(printCfg, opts);
    const format = await loadFormatter(opts.format);
    if (opts.stdin && paths.length) throw new UsageError('--stdin checks standard input: name no files (use --stdin-filename for its name)');
    if (opts.stdinFilename && !opts.stdin) throw new UsageError('--stdin-filename needs --stdin');
    let results: FileResult[];
    const texts = new Map<string, string>();
    if (opts.stdin) {
      const bytes = fs.readFileSync(0);
      results = await checkText(bytes, opts.stdinFilename, opts);
      if (results[0]) texts.set(results[0].path, bytes.toString('utf8'));
    } else {
      const progress = progressHooks(opts.progress);
      results = await checkFiles(paths, { ...opts, onStart: progress.onStart, onProgress: progress.onProgress, decide: (rs, _decisions, file) => (opts.updateBaseline || opts.pruneDecisions ? updateDecisionsFile(rs, file, opts) : undefined) }).finally(progress.finish);
    }
    if (opts.fix || opts.fixDryRun) {
      const dryRun = !!opts.fixDryRun || !!opts.stdin;
      const fixed = await fixResults(filterBySeverity(results, opts.quiet ? 'error' : opts.minSeverity), { ...opts, dryRun, texts });
      // Results below the reported severity were not offered for fixing; keep them as they were.
      const byPath = new Map(fixed.results.map((r) => [r.path, r]));
      results = results.map((r) => (fixed.fixes.some((f) => f.path === r.path) ? byPath.get(r.path)! : r));
      reportFixes(fixed.fixes, dryRun);
      if (dryRun) {
        if (opts.stdin) process.stdout.write(fixed.fixes[0]?.after ?? texts.values().next().value ?? '');
        else {
          const { unifiedDiff } = await import('./run/fix.js');
          for (const f of fixed.fixes) process.stdout.write(unifiedDiff(f.path, f.before, f.after));
        }
        return void (process.exitCode = exitCode(results, opts));
      }
    }
    const shown = filterBySeverity(results, opts.quiet ? 'error' : opts.minSeverity);
    const report = buildReport(shown);
    const cwd = process.cwd();
    const text = await format(report, { color: useColor(opts.color, process.stdout, !!opts.outputFile), cwd, root: repoRootOf(cwd) });
    if (opts.outputFile) writeFileAtomic(path.resolve(opts.outputFile), text);
    else process.stdout.write(text);
    if (opts.format === 'sarif') {
      const { sarifLimitWarning } = await import('./write/formats/sarif.js');
      const warning = sarifLimitWarning(report);
      if (warning) process.stderr.write(`copydesk: warning: ${warning}\n`);
    }
    if (opts.format === 'github' && process.env.GITHUB_STEP_SUMMARY) {
      const { githubSummary } = await import('./write/formats/github.js');
      try {
        fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubSummary(report));
      } catch (err) {
        process.stderr.write(`copydesk: cannot write the step summary to ${process.env.GITHUB_STEP_SUMMARY}: ${(err as Error).message}\n`);
      }
    }
    for (const r of results) if (r.skipped) process.stderr.write(`copydesk: skipped: ${safeText(r.skipped.message)}\n`);
    process.exitCode = exitCode(results, opts);
  });

  program
    .command('worker')
    .description('check the articles of `copydesk run --queue` runs: take jobs from the queue until SIGTERM (docs/distributed.md)')
    .requiredOption('--queue <url>', 'the Redis the runs are queued on (redis://HOST:PORT[/DB])')
    .option('--workers <n>', `worker threads (default: ${defaultWorkers()}, one per core; 0 = main thread)`, intArg('--workers'))
    .option('--concurrency <n>', 'jobs in hand at once (default: two per worker thread)', intArg('--concurrency'))
    .option('--name <name>', 'this worker\'s name in the run summaries (default: host:pid)')
    .action(async (opts: { queue: string; workers?: number; concurrency?: number; name?: string }) => {
      const { startQueueWorker } = await import('./run/queue/worker.js');
      const w = await startQueueWorker(opts);
      const stop = () => {
        process.stderr.write(`copydesk worker: ${w.name} stopping after the jobs in hand\n`);
        void w.close();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      await w.closed;
      process.stderr.write(`copydesk worker: ${w.name} checked ${w.processed()} article${w.processed() === 1 ? '' : 's'}\n`);
    });

  program
    .command('init')
    .description('write a starter copydesk.config.json (language detected from the articles, a vocabulary folder, a house policy)')
    .addOption(new Option('--language <language>', 'the language to write instead of detecting it').choices(['auto', 'en-US', 'en-GB', 'en']))
    .option('--force', 'replace an existing copydesk.config.json')
    .action(async (opts: { language?: 'auto' | 'en-US' | 'en-GB' | 'en'; force?: boolean }) => {
      const { initConfig } = await import('./run/init.js');
      const r = await initConfig(opts);
      process.stdout.write(`copydesk: wrote ${r.written.join(', ')}\ncopydesk: language ${r.language} (${r.why})\n`);
    });

  program
    .command('review')
    .description('serve the review page of a run (default: output/): accept or dismiss items, review claims, apply suggestions, write notes')
    .argument('[output-dir]', 'the folder `copydesk run --out` wrote', 'output')
    .option('-p, --port <n>', `port (0 = any free port)`, intArg('--port'), DEFAULT_REVIEW_PORT)
    .option('--host <address>', 'interface to listen on; anything but loopback exposes the page to your network', DEFAULT_REVIEW_HOST)
    .option('--allowed-host <name>', 'with --host 0.0.0.0: a host name (besides this machine\'s own names and addresses) the page may be reached by; repeatable', collect)
    .option('--decisions <file>', 'editors’ decisions file (the one `copydesk lint` reads)', DECISIONS_FILE)
    .option('--author <name>', 'name recorded with each decision (default: your user name)')
    .option('--open', 'open the page in the default browser')
    .option('-c, --config <file>', 'config file to re-check edited articles with (as given to copydesk run)')
    .option('--facts <file>', 'reference facts file to re-check edited articles with; repeatable', collect)
    .option('--no-edits', 'do not let the page edit articles or word lists (apply a suggestion, add a word, ignore a rule)')
    .action(async (outDir: string, opts: { port: number; host: string; allowedHost?: string[]; decisions: string; author?: string; open?: boolean; config?: string; facts?: string[]; edits: boolean }) => {
      const { startReview } = await import('./review/server.js');
      const review = await startReview({
        outDir,
        decisionsFile: path.resolve(opts.decisions),
        decisionsLabel: opts.decisions,
        host: opts.host,
        port: opts.port,
        author: opts.author ?? defaultAuthor(),
        allowedHosts: opts.allowedHost,
        config: opts.config,
        facts: opts.facts,
        edits: opts.edits,
      });
      if (!/^(127\.|::1$|localhost$)/.test(opts.host)) process.stderr.write(`copydesk: warning: listening on ${opts.host}: other machines may reach this page\n`);
      process.stdout.write(`copydesk: reviewing ${outDir} at ${review.url} (decisions: ${opts.decisions}); press Ctrl+C to stop\n`);
      if (opts.open) {
        try {
          const { default: openBrowser } = await import('open');
          const child = await openBrowser(review.url);
          child.on('error', (err) => process.stderr.write(`copydesk: cannot open a browser (${err.message}); open ${review.url} yourself\n`));
        } catch (err) {
          process.stderr.write(`copydesk: cannot open a browser (${(err as Error).message}); open ${review.url} yourself\n`);
        }
      }
      const stop = () => void review.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('rules')
    .description('list every rule with its category and default severity')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { allRuleMetas } = await import('./core/registry.js');
      const metas = allRuleMetas();
      if (opts.json) process.stdout.write(JSON.stringify(metas, null, 2) + '\n');
      else for (const m of metas) process.stdout.write(`${m.id.padEnd(34)} ${m.severity.padEnd(8)} ${m.description}\n`);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Actions report their code through process.exitCode; keep the caller's (tests call main in-process).
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; everything else commander rejects is a usage error.
      return err.exitCode === 0 ? 0 : EXIT.usage;
    }
    if (err instanceof ConfigError) process.stderr.write(`copydesk: config error: ${err.message}\n`);
    else if (err instanceof UsageError) process.stderr.write(`copydesk: ${err.message}\n`);
    else if (err instanceof DecisionsError) process.stderr.write(`copydesk: decisions file error: ${err.message}\n`);
    else process.stderr.write(`copydesk: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.usage;
  } finally {
    process.exitCode = before;
  }
}

const isMain = (() => {
  try {
    return fs.realpathSync(process.argv[1] ?? '') === fs.realpathSync(new URL(import.meta.url).pathname);
  } catch {
    return false;
  }
})();

if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

