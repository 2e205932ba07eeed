// `copydesk review`: a local web server (node:http, no framework) for working through a run's review
// queue in the browser. Decisions go to the same decisions file `copydesk lint` honours.
//
// Security model:
// - binds 127.0.0.1 unless --host says otherwise; every request's Host header must name the server
//   (defeats DNS rebinding);
// - routes are a fixed list of exact paths: the page's three assets and the API. Nothing is looked up
//   on disk from a request path, so `/../x`, `%2e%2e` or encoded slashes simply match no route (404).
//   The only files read are <out>/review-queue.json, <out>/report.json, <out>/articles/* (by the
//   article path recorded in report.json, never by a path from the request) and the decisions file;
// - state changes (POST/DELETE /api/decisions) need the per-server random token from the page
//   (X-Copydesk-Token header), an Origin equal to the server's own, Sec-Fetch-Site same-origin when
//   sent, a JSON content type, a body under 64 KB and valid against schemas/decisions.schema.json;
// - decision writes are serialized, re-read the file and merge, and replace it atomically, so two
//   tabs (or two servers) acting at once lose nothing;
// - every response has a strict Content-Security-Policy (no inline script) and nosniff.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Claim, Decision, Decisions, Item, Report } from '../core/types.js';
import { UsageError } from '../util/errors.js';
import { DecisionsError, applyDecisions, decisionFor, loadDecisions, saveDecisions } from '../queue/decisions.js';
import { formatErrors, validator } from '../validate/schemas.js';
import { articleTextFile, reviewFiles, slimClaim, type ReviewData, type ReviewFile } from './data.js';
import { SERVER_CSP, loadAssets, serverPage } from './page.js';

export const DEFAULT_PORT = 4477;
export const DEFAULT_HOST = '127.0.0.1';
export const MAX_BODY = 64 * 1024;
export const TOKEN_HEADER = 'x-copydesk-token';

export interface ReviewServerOptions {
  /** The folder `copydesk run --out` wrote. */
  outDir: string;
  /** The decisions file (created on the first decision). */
  decisionsFile: string;
  /** How the decisions file is shown on the page (default: as given). */
  decisionsLabel?: string;
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  /** Recorded in each decision as `author`. */
  author?: string;
}

export interface RunningReview {
  url: string;
  host: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

interface LoadedRun {
  stamp: string;
  generated: string;
  files: ReviewFile[];
  items: Item[];
  byId: Map<string, Item>;
  byPath: Map<string, ReviewFile>;
  claims: Map<string, Claim[]>;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'not found' : (err as Error).message}; ${what}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${(err as Error).message}); run \`copydesk run\` again`);
  }
}

/** Reads (and validates) the run's queue and report; cached until either file changes. */
class RunOutput {
  private cached: LoadedRun | undefined;
  readonly queueFile: string;
  readonly reportFile: string;

  constructor(readonly outDir: string) {
    this.queueFile = path.join(outDir, 'review-queue.json');
    this.reportFile = path.join(outDir, 'report.json');
  }

  private stamp(): string {
    const s = (f: string) => {
      try {
        const st = fs.statSync(f);
        return `${st.mtimeMs}:${st.size}`;
      } catch {
        return 'missing';
      }
    };
    return `${s(this.queueFile)}|${s(this.reportFile)}`;
  }

  load(): LoadedRun {
    const stamp = this.stamp();
    if (this.cached && this.cached.stamp === stamp) return this.cached;
    const hint = `this folder is not the output of \`copydesk run\` (run \`copydesk run --out ${this.outDir}\` first)`;
    const queue = readJson(this.queueFile, hint);
    const vq = validator('queue');
    if (!vq(queue)) throw new UsageError(`${this.queueFile}: ${formatErrors(vq.errors).slice(0, 5).join('; ')}`);
    const report = readJson(this.reportFile, hint);
    const vr = validator('report');
    if (!vr(report)) throw new UsageError(`${this.reportFile}: ${formatErrors(vr.errors).slice(0, 5).join('; ')}`);
    const q = queue as { generated: string; items: Item[] };
    const r = report as Report;
    const files = reviewFiles(r.files);
    for (const f of files) f.hasText = fs.existsSync(articleTextFile(this.outDir, f.path));
    this.cached = {
      stamp,
      generated: q.generated,
      files,
      items: q.items,
      byId: new Map(q.items.map((it) => [it.id, it])),
      byPath: new Map(files.map((f) => [f.path, f])),
      // Sent with each article's text, not in /api/state: a big run's claims weigh megabytes.
      claims: new Map(r.files.map((f) => [f.path, f.claims.map(slimClaim)])),
    };
    return this.cached;
  }

  /** The text of an article named in report.json (never a path taken from the request as such). */
  articleText(file: ReviewFile): string | null {
    if (!file.hasText) return null;
    const articles = path.resolve(this.outDir, 'articles');
    const target = path.resolve(articleTextFile(this.outDir, file.path));
    if (!target.startsWith(articles + path.sep)) throw new HttpError(404, 'not found');
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      throw new HttpError(404, `no text for ${file.path} in ${path.join(this.outDir, 'articles')}: run \`copydesk run\` again`);
    }
    if (!real.startsWith(fs.realpathSync(this.outDir) + path.sep)) throw new HttpError(404, 'not found');
    const data = JSON.parse(fs.readFileSync(real, 'utf8')) as { path?: unknown; text?: unknown };
    if (data.path !== file.path || typeof data.text !== 'string') throw new HttpError(404, `the saved text of ${file.path} is damaged: run \`copydesk run\` again`);
    return data.text;
  }
}

/** Host headers that name this server: the bound address (and `localhost` for loopback), with its port. */
function hostMatcher(bound: string, port: number): (host: string | undefined) => boolean {
  const wildcard = bound === '0.0.0.0' || bound === '::' || bound === '';
  const fmt = (h: string) => (h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`);
  const names = new Set<string>([fmt(bound)]);
  if (bound === '127.0.0.1' || bound === '::1' || bound === 'localhost') {
    names.add(`localhost:${port}`);
    names.add(fmt('127.0.0.1'));
    if (bound !== '127.0.0.1') names.add(fmt('::1'));
  }
  return (host) => {
    if (!host) return false;
    const h = host.toLowerCase();
    if (wildcard) return /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d+)$/.exec(h)?.[2] === String(port);
    return names.has(h);
  };
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new HttpError(413, `request body too large (limit ${limit} bytes)`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, `request body too large (limit ${limit} bytes)`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

export class ReviewServer {
  readonly token = randomBytes(32).toString('hex');
  private readonly run: RunOutput;
  private writes: Promise<unknown> = Promise.resolve();
  private hostOk: (host: string | undefined) => boolean = () => false;
  private page = '';

  constructor(private readonly opts: ReviewServerOptions) {
    this.run = new RunOutput(path.resolve(opts.outDir));
  }

  /** Checks the output folder and the decisions file, then listens. */
  async start(): Promise<RunningReview> {
    this.run.load();
    loadDecisions(this.opts.decisionsFile); // a broken decisions file stops here, with its error
    loadAssets();
    this.page = serverPage(this.token);
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err) => this.fail(res, err));
    });
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    const host = this.opts.host ?? DEFAULT_HOST;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') reject(new UsageError(`port ${this.opts.port ?? DEFAULT_PORT} on ${host} is in use: pick another with --port (0 = any free port)`));
        else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new UsageError(`cannot listen on --host ${host}: no such local address`));
        else reject(err);
      });
      server.listen(this.opts.port ?? DEFAULT_PORT, host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    this.hostOk = hostMatcher(host, port);
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${port}/`,
      host,
      port,
      token: this.token,
      server,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  private headers(res: http.ServerResponse, type: string): void {
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Security-Policy', SERVER_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
  }

  private send(res: http.ServerResponse, status: number, type: string, body: string, head = false): void {
    if (res.headersSent) return;
    this.headers(res, type);
    res.statusCode = status;
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(head ? undefined : body);
  }

  private json(res: http.ServerResponse, status: number, data: unknown): void {
    this.send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
  }

  private fail(res: http.ServerResponse, err: unknown): void {
    if (err instanceof HttpError) {
      if (err.status === 413) res.setHeader('Connection', 'close');
      this.json(res, err.status, { error: err.message });
    } else if (err instanceof DecisionsError || err instanceof UsageError) {
      this.json(res, 500, { error: err.message });
    } else {
      process.stderr.write(`copydesk review: ${(err as Error)?.stack ?? String(err)}\n`);
      this.json(res, 500, { error: 'internal error (see the server log)' });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!this.hostOk(req.headers.host)) throw new HttpError(403, 'this server only answers requests addressed to it (Host header)');
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    const head = method === 'HEAD';

    const asset = (type: string, body: string) => {
      if (!read) throw new HttpError(405, 'method not allowed');
      this.send(res, 200, type, body, head);
    };
    switch (pathname) {
      case '/':
      case '/index.html':
        return asset('text/html; charset=utf-8', this.page);
      case '/app.js':
        return asset('text/javascript; charset=utf-8', loadAssets().js);
      case '/style.css':
        return asset('text/css; charset=utf-8', loadAssets().css);
      case '/api/state':
        if (!read) throw new HttpError(405, 'method not allowed');
        return this.json(res, 200, this.state());
      case '/api/article': {
        if (!read) throw new HttpError(405, 'method not allowed');
        const file = this.run.load().byPath.get(query.get('file') ?? '');
        if (!file) throw new HttpError(404, 'no such article in this run');
        return this.json(res, 200, { path: file.path, text: this.run.articleText(file), claims: this.run.load().claims.get(file.path) ?? [] });
      }
      case '/api/decisions':
        if (method !== 'POST') throw new HttpError(405, 'method not allowed');
        this.guard(req);
        return this.json(res, 200, await this.postDecisions(req));
    }
    const del = /^\/api\/decisions\/([0-9a-f]{16})$/.exec(pathname);
    if (del) {
      if (method !== 'DELETE') throw new HttpError(405, 'method not allowed');
      this.guard(req);
      return this.json(res, 200, await this.serialize(() => this.reopen(del[1])));
    }
    throw new HttpError(404, 'not found');
  }

  /** The checks every state-changing request must pass. */
  private guard(req: http.IncomingMessage): void {
    const origin = req.headers.origin;
    if (!origin || origin !== `http://${req.headers.host}`) throw new HttpError(403, 'cross-origin request refused');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') throw new HttpError(403, 'cross-site request refused');
    if (!sameToken(req.headers[TOKEN_HEADER], this.token)) throw new HttpError(403, 'missing or wrong review token: reload the page');
  }

  private serialize<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.writes.then(fn);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private state(): ReviewData {
    const run = this.run.load();
    const decisions = loadDecisions(this.opts.decisionsFile);
    // The statuses come from the decisions file as it is now (another tab or a lint run may have changed it).
    const items = run.items.map((it) => ({ ...it }));
    applyDecisions([{ path: '', words: 0, claims: [], items }], decisions);
    return {
      version: 1,
      generated: run.generated,
      readOnly: false,
      decisionsFile: this.opts.decisionsLabel ?? this.opts.decisionsFile,
      files: run.files,
      items,
    };
  }

  private async postDecisions(req: http.IncomingMessage): Promise<{ decisions: Record<string, Decision> }> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      throw new HttpError(415, 'send the decisions as application/json');
    }
    const text = await readBody(req, MAX_BODY);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'the body is not valid JSON');
    }
    const v = validator('decisions');
    if (!v(body)) throw new HttpError(400, `the body is not a valid decisions object: ${formatErrors(v.errors).slice(0, 5).join('; ')}`);
    const wanted = (body as Decisions).decisions;
    const ids = Object.keys(wanted);
    if (ids.length === 0) throw new HttpError(400, 'no decisions in the body');
    const run = this.run.load();
    const unknown = ids.filter((id) => !run.byId.has(id));
    if (unknown.length) throw new HttpError(400, `unknown item id ${unknown[0]}: reload the page (was the run redone?)`);
    return this.serialize(() => {
      // Re-read and merge: another tab or server may have written since this one last did.
      const current = loadDecisions(this.opts.decisionsFile);
      const done: Record<string, Decision> = {};
      for (const id of ids) {
        const w = wanted[id];
        const extra: Partial<Decision> = {};
        if (w.note?.trim()) extra.note = w.note.trim();
        const author = w.author ?? this.opts.author;
        if (author) extra.author = author;
        done[id] = current.decisions[id] = decisionFor(run.byId.get(id)!, w.status, extra);
      }
      saveDecisions(this.opts.decisionsFile, current);
      return { decisions: done };
    });
  }

  private reopen(id: string): { decisions: Record<string, null> } {
    if (!this.run.load().byId.has(id)) throw new HttpError(404, `unknown item id ${id}`);
    const current = loadDecisions(this.opts.decisionsFile);
    if (current.decisions[id]) {
      delete current.decisions[id];
      saveDecisions(this.opts.decisionsFile, current);
    }
    return { decisions: { [id]: null } };
  }
}

export async function startReview(opts: ReviewServerOptions): Promise<RunningReview> {
  const outDir = path.resolve(opts.outDir);
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory())
    throw new UsageError(`${opts.outDir}: no such folder; run \`copydesk run --out ${opts.outDir}\` first`);
  return new ReviewServer({ ...opts, outDir }).start();
}
