#!/usr/bin/env node
// The command line: argument parsing only; the work happens in the modules it calls.
//   copydesk run    [paths...] [--out DIR]         batch: writes the review queue, claims, summary
//   copydesk lint   [paths...] [--format F]        CI: prints a report, exits 1 on errors
//   copydesk rules                                 lists every rule
// Exit codes: 0 no open error item, 1 at least one, 2 usage, config or internal error.
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { FileResult, Severity } from './types.js';
import { findArticles, UsageError } from './files.js';
import { runBatch, defaultWorkers } from './batch.js';
import { ConfigError } from './config.js';
import { DECISIONS_FILE, DecisionsError, applyDecisions, loadDecisions } from './queue/decisions.js';
import { writeClaims, writeRunOutputs } from './output/run-output.js';
import { buildReport, countItems } from './output/report.js';
import { formatters } from './output/formats/index.js';
import { writeFileAtomic } from './output/atomic.js';
import { allRuleMetas } from './registry.js';
import { VERSION } from './version.js';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

interface CommonOptions {
  config?: string;
  facts?: string[];
  workers?: number;
  decisions: string;
}

function progress(enabled: boolean) {
  if (!enabled) return undefined;
  return (r: FileResult, done: number, total: number) => {
    process.stderr.write(`\r\u001b[2K[${done}/${total}] ${r.path}`.slice(0, (process.stderr.columns || 100) + 8));
    if (done === total) process.stderr.write('\r\u001b[2K');
  };
}

async function check(paths: string[], opts: CommonOptions & { onResult?: (r: FileResult) => void; showProgress: boolean }): Promise<FileResult[]> {
  const files = await findArticles(paths.length ? paths : ['input']);
  const decisions = loadDecisions(path.resolve(opts.decisions));
  const show = progress(opts.showProgress);
  const results = await runBatch(files, {
    workers: opts.workers,
    configFile: opts.config,
    facts: opts.facts,
    onResult: (r, done, total) => {
      opts.onResult?.(r);
      show?.(r, done, total);
    },
  });
  applyDecisions(results, decisions);
  return results;
}

/** COPYDESK_STATS=1: one machine-readable line on stderr for scripts/bench.mjs. */
function printStats(results: FileResult[], started: number): void {
  if (!process.env.COPYDESK_STATS) return;
  const stats = {
    files: results.length,
    words: results.reduce((n, r) => n + r.words, 0),
    claims: results.reduce((n, r) => n + r.claims.length, 0),
    items: results.reduce((n, r) => n + r.items.length, 0),
    ms: Math.round(performance.now() - started),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
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
    .option('--decisions <file>', 'editors’ decisions file', DECISIONS_FILE);
}

export function buildProgram(): Command {
  const program = new Command('copydesk')
    .description('Claim extraction, verification and copy-editing checks for news articles.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  withCommon(
    program
      .command('run')
      .description('check articles (default: input/) and write the review queue, claims and summary (default: output/)')
      .argument('[paths...]', 'files, folders or globs of .md, .markdown and .txt articles')
      .option('-o, --out <dir>', 'output folder', 'output')
      .option('--no-progress', 'do not show progress'),
  ).action(async (paths: string[], opts: CommonOptions & { out: string; progress: boolean }) => {
    const started = performance.now();
    const outDir = path.resolve(opts.out);
    const results = await check(paths, {
      ...opts,
      showProgress: opts.progress && !!process.stderr.isTTY,
      onResult: (r) => writeClaims(outDir, r),
    });
    writeRunOutputs(outDir, results);
    const c = countItems(results);
    printStats(results, started);
    const failed = results.filter((r) => r.error);
    for (const r of failed) process.stderr.write(`copydesk: ${r.error!.message}\n`);
    process.stdout.write(
      `copydesk: ${results.length} articles, ${c.error} errors, ${c.warning} warnings, ${c.info} info, ${c.dismissed} dismissed` +
        `${failed.length ? `, ${failed.length} unreadable` : ''}; wrote ${path.relative(process.cwd(), outDir) || '.'}/review-queue.json, summary.md, claims/\n`,
    );
    process.exitCode = c.error > 0 ? EXIT.errors : EXIT.ok;
  });

  withCommon(
    program
      .command('lint')
      .description('check articles and print a report; exit 1 when an error-severity item is open')
      .argument('[paths...]', 'files, folders or globs of .md, .markdown and .txt articles')
      .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(formatters)).default('stylish'))
      .option('--output-file <file>', 'write the report to a file instead of stdout'),
  ).action(async (paths: string[], opts: CommonOptions & { format: string; outputFile?: string }) => {
    const results = await check(paths, { ...opts, showProgress: false });
    const report = buildReport(results);
    const color = !opts.outputFile && !!process.stdout.isTTY && !process.env.NO_COLOR;
    const text = formatters[opts.format](report, { color, cwd: process.cwd() });
    if (opts.outputFile) writeFileAtomic(path.resolve(opts.outputFile), text);
    else process.stdout.write(text);
    const c = countItems(results);
    process.exitCode = c.error > 0 ? EXIT.errors : EXIT.ok;
  });

  program
    .command('rules')
    .description('list every rule with its category and default severity')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const metas = allRuleMetas();
      if (opts.json) process.stdout.write(JSON.stringify(metas, null, 2) + '\n');
      else for (const m of metas) process.stdout.write(`${m.id.padEnd(34)} ${m.severity.padEnd(8)} ${m.description}\n`);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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

export type { Severity };
