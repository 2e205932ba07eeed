// The review server over plain HTTP: headers, path traversal, the token and same-origin checks,
// body limits and validation, decisions merged and written atomically.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReview, MAX_BODY, type RunningReview } from '../../pipeline/review/server.js';
import { runCli } from '../helpers/cli.js';
import { hostileItem, sampleRun, type SampleRun } from './setup.js';
import { validator } from '../../pipeline/validate/schemas.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // http.request sends the path as given: no normalisation of `..` or percent-escapes.
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The server may close the connection right after a 413 while the body is still going out.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') resolve({ status: -1, headers: {}, body: err.code });
      else reject(err);
    });
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let run: SampleRun;
let review: RunningReview;

function good(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Origin: `http://127.0.0.1:${review.port}`,
    'Sec-Fetch-Site': 'same-origin',
    'X-Copydesk-Token': review.token,
    'Content-Type': 'application/json',
    ...extra,
  };
}
function post(body: unknown, headers = good()): Promise<Reply> {
  return request(review.port, { method: 'POST', path: '/api/decisions', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
function onDisk(): Record<string, { status: string; note?: string; rule?: string; file?: string }> {
  return fs.existsSync(run.decisions) ? JSON.parse(fs.readFileSync(run.decisions, 'utf8')).decisions : {};
}

beforeAll(async () => {
  run = sampleRun();
  review = await startReview({ outDir: run.out, decisionsFile: run.decisions, port: 0 });
});
afterAll(async () => {
  await review?.close();
  if (run) fs.rmSync(run.cwd, { recursive: true, force: true });
});

describe('copydesk run writes what the review needs', () => {
  it('copies each article text into output/articles and writes report.html', () => {
    const saved = JSON.parse(fs.readFileSync(path.join(run.out, 'articles/articles/xss.md.json'), 'utf8'));
    expect(saved.path).toBe('articles/xss.md');
    expect(saved.text).toBe(fs.readFileSync(path.join(run.cwd, 'articles/xss.md'), 'utf8'));
    expect(fs.existsSync(path.join(run.out, 'report.html'))).toBe(true);
  });
});

describe('review server: page and headers', () => {
  it('binds loopback and serves the page with a token, a strict CSP and nosniff', async () => {
    expect(review.host).toBe('127.0.0.1');
    expect(review.url).toBe(`http://127.0.0.1:${review.port}/`);
    const r = await request(review.port, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).toContain(`<meta name="copydesk-token" content="${review.token}">`);
    expect(review.token).toMatch(/^[0-9a-f]{64}$/);
    // No inline script: every <script> has a src.
    const scripts = r.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toMatch(/\bsrc="\/app\/main\.js"/);
    for (const p of ['/app/main.js', '/app/render.js', '/style.css', '/api/state']) {
      const a = await request(review.port, { path: p });
      expect(a.status, p).toBe(200);
      expect(a.headers['x-content-type-options'], p).toBe('nosniff');
      expect(a.headers['content-security-policy'], p).toBeTruthy();
    }
  });

  it('sends page data valid against schemas/review-data.schema.json (served and embedded in report.html)', async () => {
    const v = validator('review-data');
    const state = JSON.parse((await request(review.port, { path: '/api/state' })).body);
    expect(v(state), JSON.stringify(v.errors)).toBe(true);
    const html = fs.readFileSync(path.join(run.out, 'report.html'), 'utf8');
    const embedded = JSON.parse(/<script type="application\/json" id="copydesk-data">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(v(embedded), JSON.stringify(v.errors)).toBe(true);
    expect(embedded.files.some((f: { claims?: unknown[] }) => (f.claims ?? []).length > 0)).toBe(true);
  });

  it('serves the hostile article and queue strings as JSON data, never as HTML', async () => {
    const state = await request(review.port, { path: '/api/state' });
    expect(state.headers['content-type']).toMatch(/^application\/json/);
    const data = JSON.parse(state.body);
    const xss = data.files.find((f: { path: string }) => f.path === 'articles/xss.md');
    expect(xss.title).toContain('"><img src=x onerror=alert(1)>');
    expect(data.items.some((i: { message: string }) => i.message.includes('<script>alert(1)</script>'))).toBe(true);
    const art = await request(review.port, { path: '/api/article?file=' + encodeURIComponent('articles/xss.md') });
    expect(art.status).toBe(200);
    expect(art.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(art.body).text).toContain('[click](javascript:alert(1))');
    // The page itself holds no data: nothing from the articles is in the HTML.
    const page = await request(review.port, { path: '/' });
    expect(page.body).not.toContain('onerror');
  });

  it('answers only requests addressed to it (Host header: DNS rebinding)', async () => {
    const r = await request(review.port, { path: '/api/state', headers: { Host: `evil.example:${review.port}` } });
    expect(r.status).toBe(403);
    const ok = await request(review.port, { path: '/api/state', headers: { Host: `localhost:${review.port}` } });
    expect(ok.status).toBe(200);
  });
});

describe('review server: path traversal', () => {
  const attempts = [
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/app.js/../../package.json',
    '/assets/app.js',
    '/app.js',
    '/app/../package.json',
    '/app/%2e%2e/package.json',
    '/app/tsconfig.json',
    '/app/main.js/../../package.json',
    '//etc/passwd',
    '/review-queue.json',
    '/report.json',
    '/articles/articles/xss.md.json',
    '/output/report.html',
    '/api/article?file=..%2F..%2Fpackage.json',
    '/api/article?file=%2Fetc%2Fpasswd',
    '/api/article?file=articles%2F..%2F..%2Fpackage.json',
    '/api/article?file=',
    '/api/article',
    '/api/decisions/..%2f..%2fpackage.json',
  ];
  it.each(attempts)('GET %s is 404 and reveals nothing', async (p) => {
    const r = await request(review.port, { path: p });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('"name": "copydesk"');
    expect(r.body).not.toContain('root:');
  });
});

describe('review server: state changes', () => {
  it('refuses a decision without the token, with a wrong token, cross-origin or cross-site (403)', async () => {
    const it0 = hostileItem(run);
    const body = { version: 1, decisions: { [it0.id]: { status: 'dismissed' } } };
    const { ['X-Copydesk-Token']: _t, ...noToken } = good();
    expect((await post(body, noToken)).status).toBe(403);
    expect((await post(body, good({ 'X-Copydesk-Token': 'f'.repeat(64) }))).status).toBe(403);
    expect((await post(body, good({ 'X-Copydesk-Token': review.token.slice(0, 10) }))).status).toBe(403);
    expect((await post(body, good({ Origin: 'http://evil.example' }))).status).toBe(403);
    expect((await post(body, good({ Origin: `http://127.0.0.1:${review.port + 1}` }))).status).toBe(403);
    expect((await post(body, good({ Origin: 'null' }))).status).toBe(403);
    const { Origin: _o, ...noOrigin } = good();
    expect((await post(body, noOrigin)).status).toBe(403);
    expect((await post(body, good({ 'Sec-Fetch-Site': 'cross-site' }))).status).toBe(403);
    expect((await post(body, good({ 'Sec-Fetch-Site': 'same-site' }))).status).toBe(403);
    const del = await request(review.port, { method: 'DELETE', path: `/api/decisions/${it0.id}`, headers: noToken });
    expect(del.status).toBe(403);
    expect(fs.existsSync(run.decisions)).toBe(false);
  });

  it('limits the body (413) and validates it with the decisions schema (400)', async () => {
    const it0 = hostileItem(run);
    const big = JSON.stringify({ version: 1, decisions: { [it0.id]: { status: 'dismissed', note: 'x'.repeat(MAX_BODY) } } });
    expect((await post(big)).status).toBe(413);
    // A body larger than declared: streamed in chunks without Content-Length.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: review.port, method: 'POST', path: '/api/decisions', headers: { ...good(), 'Transfer-Encoding': 'chunked' }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve(-1) : reject(e)));
      for (let i = 0; i < 80; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(chunked).toBe(413);
    const invalid: Array<[string, unknown]> = [
      ['not JSON', '{"version": 1, "decisions": '],
      ['wrong version', { version: 2, decisions: { [it0.id]: { status: 'dismissed' } } }],
      ['unknown status', { version: 1, decisions: { [it0.id]: { status: 'maybe' } } }],
      ['status "open" (undo uses DELETE)', { version: 1, decisions: { [it0.id]: { status: 'open' } } }],
      ['bad id', { version: 1, decisions: { '../../etc': { status: 'dismissed' } } }],
      ['extra key', { version: 1, decisions: { [it0.id]: { status: 'dismissed', html: '<b>' } } }],
      ['note too long', { version: 1, decisions: { [it0.id]: { status: 'dismissed', note: 'n'.repeat(2001) } } }],
      ['no decisions', { version: 1, decisions: {} }],
      ['unknown item', { version: 1, decisions: { '0123456789abcdef': { status: 'dismissed' } } }],
      ['an array', []],
    ];
    for (const [why, body] of invalid) {
      const r = await post(body);
      expect(r.status, why).toBe(400);
      expect(JSON.parse(r.body).error, why).toBeTruthy();
    }
    const wrongType = await post({ version: 1, decisions: { [it0.id]: { status: 'dismissed' } } }, good({ 'Content-Type': 'text/plain' }));
    expect(wrongType.status).toBe(415);
    expect((await request(review.port, { method: 'GET', path: '/api/decisions' })).status).toBe(405);
    expect((await request(review.port, { method: 'PUT', path: '/', headers: good() })).status).toBe(405);
    expect(fs.existsSync(run.decisions)).toBe(false);
  });

  it('saves a valid decision with the item’s rule, file and excerpt, and reopens it with DELETE', async () => {
    const it0 = hostileItem(run);
    const r = await post({ version: 1, decisions: { [it0.id]: { status: 'dismissed', note: '  front matter is fine in the CMS  ' } } });
    expect(r.status).toBe(200);
    const d = onDisk()[it0.id];
    expect(d).toMatchObject({ status: 'dismissed', note: 'front matter is fine in the CMS', rule: 'input/front-matter', file: 'articles/xss.md' });
    const state = JSON.parse((await request(review.port, { path: '/api/state' })).body);
    expect(state.items.find((i: { id: string }) => i.id === it0.id)).toMatchObject({ status: 'dismissed', note: 'front matter is fine in the CMS' });
    // No temporary file is left beside the decisions file.
    expect(fs.readdirSync(path.dirname(run.decisions)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const del = await request(review.port, { method: 'DELETE', path: `/api/decisions/${it0.id}`, headers: good() });
    expect(del.status).toBe(200);
    expect(onDisk()[it0.id]).toBeUndefined();
  });

  it('merges concurrent decisions from several tabs and from other writers: none is lost', async () => {
    const items = run.items();
    expect(items.length).toBeGreaterThanOrEqual(2);
    // Another process writes a decision meanwhile; the server must re-read and keep it.
    const external = { version: 1, decisions: { fedcba9876543210: { status: 'accepted', note: 'from another desk' } } };
    fs.writeFileSync(run.decisions, JSON.stringify(external));
    const replies = await Promise.all(
      items.map((it, i) => post({ version: 1, decisions: { [it.id]: { status: i % 2 ? 'accepted' : 'dismissed' } } })),
    );
    for (const r of replies) expect(r.status).toBe(200);
    const disk = onDisk();
    for (const [i, it] of items.entries()) expect(disk[it.id]?.status, it.id).toBe(i % 2 ? 'accepted' : 'dismissed');
    expect(disk.fedcba9876543210).toMatchObject({ status: 'accepted', note: 'from another desk' });
  });

  it('keeps decisions across a new `copydesk run` (stable ids), which applies them to the queue', async () => {
    const before = onDisk();
    const r = runCli(['run', 'articles', '--out', 'output', '--no-progress'], { cwd: run.cwd });
    expect([0, 1]).toContain(r.code);
    for (const it of run.items()) expect(it.status, it.id).toBe(before[it.id].status);
    const state = JSON.parse((await request(review.port, { path: '/api/state' })).body);
    for (const it of state.items) expect(it.status).toBe(before[it.id].status);
  });
});

describe('copydesk review (CLI)', () => {
  it('fails clearly on a folder that is not a run output', () => {
    const r = runCli(['review', path.join(run.cwd, 'articles'), '--port', '0'], { cwd: run.cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/review-queue\.json: not found.*copydesk run/);
    const missing = runCli(['review', 'no-such-folder', '--port', '0'], { cwd: run.cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-folder: no such folder');
  });

  it('fails clearly when the port is taken', () => {
    const r = runCli(['review', 'output', '--port', String(review.port)], { cwd: run.cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${review.port} on 127.0.0.1 is in use`);
  });
});
