// Several writers of one decisions file (issue 9): two review servers in two processes, and
// `lint --update-baseline` while an editor decides, lose nothing; a symlinked decisions file stays a
// link; the DNS-rebinding defence holds with --host 0.0.0.0; the server records its own author.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReview, hostMatcher } from '../../pipeline/review/server.js';
import { cliPath, runCli, tempDir } from '../helpers/cli.js';
import { postJson, request } from './http.js';
import { sampleRun, type SampleRun } from './setup.js';

let run: SampleRun;
beforeAll(() => {
  run = sampleRun();
});
afterAll(() => {
  if (run) fs.rmSync(run.cwd, { recursive: true, force: true });
});
const onDisk = (file = run.decisions) => JSON.parse(fs.readFileSync(file, 'utf8'));

interface Cli {
  child: ChildProcess;
  port: number;
  token: string;
}
/** `copydesk review` in its own process; its token read from the page, as a browser would. */
async function serve(cwd: string, args: string[]): Promise<Cli> {
  const child = spawn(process.execPath, [cliPath, 'review', 'output', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no URL: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d));
    child.on('exit', (code) => reject(new Error(`copydesk review exited (${code}): ${err}`)));
  });
  const page = await request(port, { path: '/' });
  const token = /name="copydesk-token" content="([0-9a-f]+)"/.exec(page.body)![1];
  return { child, port, token };
}

describe('two review servers (two processes) on one decisions file', () => {
  it('lose no acknowledged decision: the last write per item wins, and the history has both', { timeout: 120_000 }, async () => {
    const a = await serve(run.cwd, ['--author', 'desk-a']);
    const b = await serve(run.cwd, ['--author', 'desk-b']);
    try {
      const items = run.items();
      const mine = (s: Cli) => items.filter((_, i) => (i % 2 === 0) === (s === a));
      const last = new Map<string, string>();
      for (let round = 0; round < 12; round++) {
        const status = round % 2 ? 'accepted' : 'dismissed';
        const replies = await Promise.all(
          [a, b].flatMap((s) => mine(s).map((it) => postJson(s, '/api/decisions', { version: 1, decisions: { [it.id]: { status } } }).then((r) => ({ r, it })))),
        );
        for (const { r, it } of replies) {
          expect(r.status, r.body).toBe(200);
          last.set(it.id, status);
        }
      }
      const disk = onDisk();
      for (const it of items) expect(disk.decisions[it.id]?.status, it.id).toBe(last.get(it.id));
      for (const [i, it] of items.entries()) expect(disk.decisions[it.id].author).toBe(i % 2 === 0 ? 'desk-a' : 'desk-b');
      const authors = new Set(disk.history.map((h: { author: string }) => h.author));
      expect([...authors].sort()).toEqual(['desk-a', 'desk-b']);
      expect(disk.history.length).toBe(12 * items.length);
      expect(fs.readdirSync(run.cwd).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp'))).toEqual([]);
      // Both editors decide the same item at once: the last write wins, both are in the history.
      const same = items[0];
      const [ra, rb] = await Promise.all([
        postJson(a, '/api/decisions', { version: 1, decisions: { [same.id]: { status: 'accepted', note: 'from a' } } }),
        postJson(b, '/api/decisions', { version: 1, decisions: { [same.id]: { status: 'dismissed', note: 'from b' } } }),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const after = onDisk();
      const steps = after.history.filter((h: { changes: Array<{ id: string }> }) => h.changes.some((c) => c.id === same.id)).slice(-2);
      expect(steps.map((s: { author: string }) => s.author).sort()).toEqual(['desk-a', 'desk-b']);
      const lastStep = steps[1].changes.find((c: { id: string }) => c.id === same.id);
      expect(after.decisions[same.id]).toEqual(lastStep.after);
      expect(steps[1].changes.find((c: { id: string }) => c.id === same.id).before).toEqual(steps[0].changes.find((c: { id: string }) => c.id === same.id).after);
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
    }
  });
});

describe('lint --update-baseline while an editor decides', () => {
  it('never turns an editor’s decision into a baseline dismissal', { timeout: 180_000 }, async () => {
    const dir = tempDir('copydesk-baseline-race-');
    try {
      fs.mkdirSync(path.join(dir, 'news'));
      const body = 'The goverment will pay for it. The comittee meets again on Tuesday, officials said.\n\nThe council said the plan would cost more than expected.\n';
      for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, 'news', `a${i}.md`), `# Story ${i}\n\n${body}`);
      const t0 = Date.now();
      const first = runCli(['lint', 'news', '--format', 'json', '--workers', '2'], { cwd: dir });
      const took = Date.now() - t0;
      const items = (JSON.parse(first.stdout).files as Array<{ path: string; items: Array<{ id: string; rule: string; excerpt: string }> }>).flatMap((f) => f.items.map((it) => ({ ...it, file: f.path })));
      expect(items.length).toBeGreaterThan(100);
      const accepted = items.slice(0, 40);
      const file = path.join(dir, 'copydesk.decisions.json');
      const lint = spawn(process.execPath, [cliPath, 'lint', 'news', '--update-baseline', '--workers', '2', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      const done = new Promise<number>((resolve) => lint.on('exit', (c) => resolve(c ?? -1)));
      // The editor's decisions land while the batch runs (after lint has read the file).
      await new Promise((r) => setTimeout(r, Math.max(800, took * 0.5)));
      const decisions = Object.fromEntries(accepted.map((it) => [it.id, { status: 'accepted', note: 'a real error: fix it', rule: it.rule, file: it.file, excerpt: it.excerpt }]));
      fs.writeFileSync(file, JSON.stringify({ version: 1, decisions }));
      expect([0, 1]).toContain(await done);
      const disk = onDisk(file);
      for (const it of accepted) expect(disk.decisions[it.id], it.id).toMatchObject({ status: 'accepted', note: 'a real error: fix it' });
      const baselined = Object.values(disk.decisions as Record<string, { note?: string }>).filter((d) => d.note === 'baseline').length;
      expect(baselined).toBe(items.length - accepted.length);
      // The accepted errors still fail CI.
      const after = runCli(['lint', 'news', '--format', 'json', '--workers', '2'], { cwd: dir });
      expect(after.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a decisions file that is a symbolic link', () => {
  it('stays a link: review and lint --update-baseline write through to its target', async () => {
    const dir = tempDir('copydesk-link-');
    try {
      const target = path.join(dir, 'shared', 'desk-decisions.json');
      fs.mkdirSync(path.dirname(target));
      fs.writeFileSync(target, JSON.stringify({ version: 1, decisions: {} }));
      const link = path.join(dir, 'copydesk.decisions.json');
      fs.symlinkSync(path.relative(dir, target), link);
      const review = await startReview({ outDir: run.out, decisionsFile: link, port: 0, author: 'desk-a' });
      try {
        const it0 = run.items()[0];
        const r = await postJson(review, '/api/decisions', { version: 1, decisions: { [it0.id]: { status: 'dismissed' } } });
        expect(r.status).toBe(200);
        expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
        expect(onDisk(target).decisions[it0.id].status).toBe('dismissed');
      } finally {
        await review.close();
      }
      const l = runCli(['lint', 'articles', '--update-baseline', '--decisions', link], { cwd: run.cwd });
      expect([0, 1]).toContain(l.code);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(Object.keys(onDisk(target).decisions).length).toBe(run.items().length);
      expect(fs.readdirSync(dir).filter((f) => f !== 'shared' && f !== 'copydesk.decisions.json')).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--host 0.0.0.0 keeps the DNS-rebinding defence', () => {
  it('answers only its own addresses and names and those given with --allowed-host', async () => {
    const review = await startReview({ outDir: run.out, decisionsFile: path.join(run.cwd, 'wild.json'), host: '0.0.0.0', port: 0, allowedHosts: ['review.desk.example'] });
    try {
      const get = (host: string) => request(review.port, { path: '/api/state', headers: { Host: host } }).then((r) => r.status);
      const p = review.port;
      expect(await get(`evil.example:${p}`)).toBe(403);
      expect(await get(`127.0.0.1.evil.example:${p}`)).toBe(403);
      expect(await get(`localhost.evil.example:${p}`)).toBe(403);
      expect(await get(`127.0.0.1:${p + 1}`)).toBe(403);
      expect(await get(`127.0.0.1:${p}`)).toBe(200);
      expect(await get(`localhost:${p}`)).toBe(200);
      expect(await get(`${os.hostname()}:${p}`)).toBe(200);
      expect(await get(`review.desk.example:${p}`)).toBe(200);
      expect(await get(`other.desk.example:${p}`)).toBe(403);
      // The page, the token and a decision all need the Host to match.
      const page = await request(p, { path: '/', headers: { Host: `evil.example:${p}` } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('copydesk-token');
      const post = await postJson(review, '/api/decisions', { version: 1, decisions: { [run.items()[0].id]: { status: 'dismissed' } } }, {
        Host: `evil.example:${p}`,
        Origin: `http://evil.example:${p}`,
        'X-Copydesk-Token': review.token,
        'Content-Type': 'application/json',
      });
      expect(post.status).toBe(403);
      expect(fs.existsSync(path.join(run.cwd, 'wild.json'))).toBe(false);
    } finally {
      await review.close();
    }
  });

  it('matches names without regard to case and a trailing dot, and IPv6 in brackets', () => {
    const ok = hostMatcher('0.0.0.0', 4477, ['Desk.Example']);
    expect(ok('DESK.example.:4477')).toBe(true);
    expect(ok('[::1]:4477')).toBe(true);
    expect(ok('desk.example')).toBe(false); // port 80
    expect(ok(undefined)).toBe(false);
    expect(ok('desk.example:4477@evil')).toBe(false);
    const loop = hostMatcher('127.0.0.1', 4477);
    expect(loop(`${os.hostname()}:4477`)).toBe(os.hostname().toLowerCase() === 'localhost');
  });
});

describe('the author of a decision', () => {
  it('is the one the server was started with; a request’s author is only a note in the history', async () => {
    const file = path.join(run.cwd, 'authors.json');
    const review = await startReview({ outDir: run.out, decisionsFile: file, port: 0, author: 'desk-a' });
    try {
      const it0 = run.items()[0];
      const r = await postJson(review, '/api/decisions', { version: 1, decisions: { [it0.id]: { status: 'accepted', author: 'mallory' } } });
      expect(r.status).toBe(200);
      const disk = onDisk(file);
      expect(disk.decisions[it0.id].author).toBe('desk-a');
      expect(disk.history.at(-1)).toMatchObject({ author: 'desk-a', note: 'the request named the author “mallory”' });
      expect(JSON.stringify(disk.decisions)).not.toContain('mallory');
    } finally {
      await review.close();
    }
  });
});

describe('copydesk review --open', () => {
  it('opens the page in the default browser ($BROWSER here, through the open package)', { timeout: 60_000 }, async () => {
    const dir = tempDir('copydesk-open-');
    try {
      const fake = path.join(dir, 'browser.sh');
      const log = path.join(dir, 'opened.txt');
      fs.writeFileSync(fake, `#!/bin/sh\necho "$@" >> '${log}'\n`, { mode: 0o755 });
      const child = spawn(process.execPath, [cliPath, 'review', 'output', '--port', '0', '--open'], { cwd: run.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: fake, DISPLAY: '', WAYLAND_DISPLAY: '' } });
      try {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => (out += d));
        await expect.poll(() => /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1], { timeout: 20_000 }).toBeTruthy();
        const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1];
        await expect.poll(() => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim() : ''), { timeout: 20_000 }).toBe(url);
      } finally {
        child.kill('SIGTERM');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
