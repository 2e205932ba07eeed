#!/usr/bin/env node
// npm run bench: throughput and memory of `copydesk run` over ../shared/corpus/bbc (or a folder given
// as the first argument), measured side by side in one run: one worker (the baseline) and one worker
// per core, then a second run with --cache over the unchanged corpus. Each run is a fresh process;
// words/s counts every word of every article over the wall-clock time of the whole command
// (start-up, reading, every check, writing the outputs).
// Issue 14 rows: the cached re-run's ratio to the first run; the main process's peak memory for the
// corpus and for the corpus copied four times (peak RSS of the `copydesk run` child, read from
// process.resourceUsage().maxRSS in the child; the ratio must stay within 10%); `copydesk lint` of
// one article in a repository of 2,000, cold (no cache) and cached. BENCH_SKIP_4X=1 skips the 4x run.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(root, '../shared/corpus/bbc'));
const cli = path.join(root, 'dist/pipeline/cli.js');
const TARGET_WPS = 40_000;
const TARGET_MB_PER_WORKER = 400;
if (!fs.existsSync(corpus)) {
  console.error(`bench: corpus not found: ${corpus}`);
  process.exit(2);
}
if (!fs.existsSync(cli)) {
  console.error('bench: dist/ is missing: run npm run build first');
  process.exit(2);
}
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
const cacheDir = path.join(work, 'cache');
// The BBC corpus is British English: check it as such (as a newsroom's config would).
const configFile = path.join(work, 'copydesk.config.json');
fs.writeFileSync(configFile, JSON.stringify({ language: process.env.BENCH_LANGUAGE ?? 'en-GB' }));

function run(label, args, input = corpus) {
  const out = path.join(work, label.replace(/\W+/g, '-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'run', input, '--out', out, '--no-progress', '--decisions', path.join(work, 'decisions.json'), '--config', configFile, ...args], {
    encoding: 'utf8',
    env: { ...process.env, COPYDESK_STATS: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`bench: ${label} failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(2);
  }
  const line = r.stderr.split('\n').find((l) => l.startsWith('copydesk-stats '));
  const stats = line ? JSON.parse(line.slice('copydesk-stats '.length)) : {};
  return { label, seconds, words: stats.words, files: stats.files, items: stats.items, claims: stats.claims, maxRssMB: stats.maxRssMB, cached: stats.cached ?? 0, wps: stats.words / seconds };
}

const runs = [];
runs.push(run('1 worker (baseline)', ['--workers', '1']));
runs.push(run(`${cores} workers`, ['--workers', String(cores)]));
const cacheArgs = ['--workers', String(cores), '--cache', '--cache-location', cacheDir];
let cached = false;
const help = spawnSync(process.execPath, [cli, 'run', '--help'], { encoding: 'utf8' }).stdout;
if (help.includes('--cache')) {
  const warm = run('cache warm-up', cacheArgs);
  runs.push(run(`${cores} workers, cached`, cacheArgs));
  cached = true;
  runs.at(-1).firstRun = warm;
}
const cachedRow = cached ? runs.at(-1) : undefined;

// Memory flat in archive size: the corpus copied four times, run like the 1x row (every core, no cache).
let memory;
if (!process.env.BENCH_SKIP_4X) {
  const four = path.join(work, 'corpus-4x');
  for (let i = 1; i <= 4; i++) fs.cpSync(corpus, path.join(four, `copy${i}`), { recursive: true });
  const x4 = run(`${cores} workers, corpus x4`, ['--workers', String(cores)], four);
  memory = { x1: runs[1], x4 };
  fs.rmSync(four, { recursive: true, force: true });
}

// `copydesk lint` of one unchanged article in a repository of 2,000 (a CI job's pull request).
function lintOne(repo, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'lint', 'articles/a0001.txt', '--format', 'json', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(work, 'xdg') }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`bench: lint failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(2);
  }
  return seconds;
}
const repo = path.join(work, 'repo');
fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
fs.mkdirSync(path.join(repo, 'articles'), { recursive: true });
fs.writeFileSync(path.join(repo, 'copydesk.config.json'), JSON.stringify({ language: process.env.BENCH_LANGUAGE ?? 'en-GB' }));
const sources = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) walk(path.join(d, e.name));
    else if (/\.(txt|md|markdown)$/.test(e.name)) sources.push(path.join(d, e.name));
  }
})(corpus);
for (let i = 0; i < 2000; i++) fs.copyFileSync(sources[i % sources.length], path.join(repo, 'articles', `a${String(i + 1).padStart(4, '0')}.txt`));
const best = (f, n = 3) => Math.min(...Array.from({ length: n }, f));
const lintCold = best(() => lintOne(repo, []));
lintOne(repo, ['--cache']); // fills the cache entry
const lintCached = best(() => lintOne(repo, ['--cache']));

// Distributed rows (issue 14): a local redis-server, then 1 and 2 `copydesk worker` processes sharing
// this machine's cores, each against the local run with every core (the ratio is their speed over it).
const distributed = [];
const redisBin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p));
async function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
async function until(what, test, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
if (redisBin && !process.argv.includes('--no-queue')) {
  const port = await freePort();
  const redisDir = path.join(work, 'redis');
  fs.mkdirSync(redisDir);
  const redis = spawn(redisBin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 300));
  try {
    for (const n of [1, 2]) {
      const threads = Math.max(1, Math.floor(cores / n));
      const workers = [];
      for (let i = 0; i < n; i++) {
        const log = path.join(work, `worker-${n}-${i}.log`);
        const fd = fs.openSync(log, 'w');
        workers.push({ proc: spawn(process.execPath, [cli, 'worker', '--queue', url, '--workers', String(threads)], { stdio: ['ignore', 'ignore', fd] }), log });
      }
      for (const w of workers) await until('a worker to start', () => fs.readFileSync(w.log, 'utf8').includes('takes jobs from'));
      const r = run(`queue, ${n} worker process${n > 1 ? 'es' : ''} x ${threads} thread${threads > 1 ? 's' : ''}`, ['--queue', url]);
      distributed.push(r);
      runs.push(r);
      if (n === 2 && cached) {
        // The shared cache in Redis: a first run fills it, the re-run of the unchanged corpus queues nothing.
        run('queue cache warm-up', ['--queue', url, '--cache']);
        const c = run('queue, cached re-run', ['--queue', url, '--cache']);
        distributed.push(c);
        runs.push(c);
      }
      for (const w of workers) w.proc.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((res) => (w.proc.exitCode !== null ? res() : w.proc.once('exit', res)))));
    }
  } finally {
    redis.kill('SIGTERM');
  }
}

const base = runs[0];
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`copydesk bench: ${base.files} articles, ${fmt(base.words)} words from ${path.relative(process.cwd(), corpus) || corpus}; ${cores} cores; node ${process.version}`);
console.log('');
console.log('| run | seconds | words/s | vs baseline | peak RSS (MB, whole process) | items | claims |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of runs) console.log(`| ${r.label}${r.cached ? ` (${r.cached}/${r.files} from cache)` : ''} | ${fmt(r.seconds, 2)} | ${fmt(r.wps)} | ${fmt(r.wps / base.wps, 2)}x | ${fmt(r.maxRssMB)} | ${r.items} | ${r.claims} |`);
console.log('');
const all = runs[1];
console.log(`target: >= ${fmt(TARGET_WPS)} words/s with every core: ${all.wps >= TARGET_WPS ? 'met' : 'NOT met'} (${fmt(all.wps)})`);
// Memory per worker: what one more worker adds to the process's peak (the 1-worker process also
// holds the main thread, which keeps every result and builds the outputs).
const perWorker = cores > 1 ? (all.maxRssMB - base.maxRssMB) / (cores - 1) : base.maxRssMB;
console.log(`target: < ${TARGET_MB_PER_WORKER} MB per worker: each added worker costs ${fmt(perWorker)} MB of peak RSS (1-worker process, main thread included: ${fmt(base.maxRssMB)} MB): ${perWorker < TARGET_MB_PER_WORKER ? 'met' : 'NOT met'}`);
for (const r of distributed) console.log(`distributed: ${r.label}: ${fmt(r.seconds, 2)} s, ${fmt(r.wps / all.wps, 2)}x the local run with ${cores} workers`);
if (!distributed.length) console.log(`distributed rows: not run (${redisBin ? '--no-queue' : 'no redis-server; apt-get install -y redis-server'})`);
if (!cached) console.log('cached run: not available (this build has no --cache option)');
else {
  const c = cachedRow;
  const ratio = c.firstRun.seconds / c.seconds;
  console.log(`target: cached re-run >= 20x faster than the first run: ${ratio >= 20 ? 'met' : 'NOT met'} (first run ${fmt(c.firstRun.seconds, 2)} s, cached ${fmt(c.seconds, 2)} s: ${fmt(ratio, 1)}x)`);
}
if (memory) {
  const ratio = memory.x4.maxRssMB / memory.x1.maxRssMB;
  console.log(`target: main-process peak RSS for the corpus x4 within 10% of x1: ${ratio <= 1.1 ? 'met' : 'NOT met'} (x1 ${fmt(memory.x1.maxRssMB)} MB, ${memory.x1.files} articles; x4 ${fmt(memory.x4.maxRssMB)} MB, ${memory.x4.files} articles: ${fmt((ratio - 1) * 100, 1)}%)`);
}
console.log(`target: copydesk lint of one cached article in a repository of 2,000 <= 0.3 s: ${lintCached <= 0.3 ? 'met' : 'NOT met'} (cold ${fmt(lintCold, 2)} s, cached ${fmt(lintCached, 2)} s; best of 3)`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ cores, runs, memory, lint: { cold: lintCold, cached: lintCached } }, null, 2));
fs.rmSync(work, { recursive: true, force: true });
