// Helpers for the distributed-run tests (issue 14): a real redis-server on a free port, worker and
// coordinator processes of the built CLI, articles of our own, and output folders compared with the
// run id and time stamps taken out.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { cliPath } from '../helpers/cli.js';

export const INSTALL = 'apt-get install -y redis-server';

/** Debian's redis-server; the tests fail (never skip) without it. */
export function redisServerPath(): string {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(p)) return p;
  const w = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (w.status === 0 && w.stdout.trim()) return w.stdout.trim();
  throw new Error(`redis-server is missing: the distributed-run tests need a real Redis; install it with: ${INSTALL} (.ci/run does this)`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts redis-server on `port` with its data (an append-only file) in `dir`, and waits for it to answer. */
export async function startRedis(dir: string, port?: number): Promise<RedisServer> {
  const bin = redisServerPath();
  port ??= await freePort();
  fs.mkdirSync(dir, { recursive: true });
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      if ((await c.ping()) === 'PONG') {
        c.disconnect();
        break;
      }
    } catch {
      c.disconnect();
    }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return { url, port, dir, proc, stop };
}

export interface Proc {
  proc: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  exited: Promise<number>;
}

export function startCli(args: string[], cwd: string, env: Record<string, string> = {}): Proc {
  const proc = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number>((resolve) => proc.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  return { proc, stderr: () => err, stdout: () => out, exited };
}

export async function waitFor(what: string, test: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A worker process, started and ready to take jobs. */
export async function startWorker(url: string, cwd: string, env: Record<string, string> = {}, name?: string): Promise<Proc> {
  const w = startCli(['worker', '--queue', url, '--workers', '1', ...(name ? ['--name', name] : [])], cwd, env);
  await waitFor('the worker to start', () => w.stderr().includes('takes jobs from') || w.proc.exitCode !== null);
  if (w.proc.exitCode !== null) throw new Error(`worker exited: ${w.stderr()}`);
  return w;
}

const PLACES = ['Ashford', 'Brackley', 'Corwen', 'Dunmore', 'Elsfield', 'Farnley', 'Garston', 'Holbeck'];
const BODIES = ['the harbour board', 'the county council', 'the water company', 'the rail operator'];

/** n articles of our own words, each a few hundred words, with figures, sources, quotes and a typo or two. */
export function writeArticles(dir: string, n: number, paragraphs = 6): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const place = PLACES[i % PLACES.length];
    const body = BODIES[i % BODIES.length];
    const paras: string[] = [`# ${place} budget note ${i + 1}`];
    for (let p = 0; p < paragraphs; p++) {
      const k = i * 31 + p * 7;
      paras.push(
        [
          `Spending in ${place} rose by ${(k % 17) + 2}% last year, ${body} said on ${['Monday', 'Tuesday', 'Friday'][p % 3]}.`,
          `About ${k * 13 + 120} households were affected, and repairs cost £${(k % 40) + 3}m.`,
          p % 2 ? `"We have recieved more complaints than ever," said ${['Maria Olsen', 'Tom Reyes', 'Priya Nair'][k % 3]}, who leads the residents' group.` : `Officials said the figures would be revised in ${2020 + (k % 6)}.`,
          `The plan, which was first proposed when the old depot closed and the roads around the market were dug up for a new drainage scheme that ran late and over budget, is now expected to take another ${(k % 5) + 2} years to finish according to the latest timetable.`,
        ].join(' '),
      );
    }
    fs.writeFileSync(path.join(dir, `note-${String(i + 1).padStart(3, '0')}.md`), paras.join('\n\n') + '\n');
  }
}

function walk(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) walk(f, base, out);
    else out[path.relative(base, f)] = fs.readFileSync(f, 'utf8');
  }
  return out;
}

/** Every file of an output folder, with its run id and generation time replaced by placeholders. */
export function outputFiles(outDir: string): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { run: string; generated: string };
  const files = walk(outDir);
  for (const k of Object.keys(files)) files[k] = files[k].split(manifest.run).join('<run>').split(manifest.generated).join('<generated>');
  return files;
}
