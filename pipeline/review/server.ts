// `copydesk review`: a local web server (node:http, no framework) for working through a run's review
// queue in the browser. Decisions go to the same decisions file `copydesk lint` honours.
//
// Security model:
// - binds 127.0.0.1 unless --host says otherwise; every request's Host header must name the server
//   (defeats DNS rebinding);
// - routes are a fixed list of exact paths: the page's three assets and the API. Nothing is looked up
//   on disk from a request path, so `/../x`, `%2e%2e` or encoded slashes simply match no route (404).
//   The only files read are <out>/review-queue.json, <out>/report.json, <out>/articles/* (by the
//   article path recorded in report.json, never by a path from the request), the decisions file and,
//   for edits, the article and its config file;
// - with --host 0.0.0.0 (or ::) the Host header must still name this machine: one of its own
//   addresses, localhost, its host name, or a name given with --allowed-host;
// - state changes (every POST and DELETE) need the per-server random token from the page
//   (X-Copydesk-Token header), an Origin equal to the server's own, Sec-Fetch-Site same-origin when
//   sent, a JSON content type, a body under the route's limit and valid against its schema
//   (schemas/decisions.schema.json, schemas/review-requests.schema.json);
// - decision writes take the decisions file's lock (proper-lockfile), re-read it, change it per item
//   and replace it atomically, so two tabs, two servers or a `lint --update-baseline` lose nothing;
//   the author recorded is the one the server was started with (a request's author is kept only as
//   a note in the history);
// - edits (apply a suggestion, add a word, ignore a rule) write only the article named in report.json
//   (resolved from the working directory, with an article extension, and only when its text is still
//   the text of the run) and the config file that governs it;
// - every response has a strict Content-Security-Policy (no inline script) and nosniff.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Decision, Decisions, FileResult, Item, Report } from '../core/types.js';
import type { PageClaim, ApplyRequest, BulkRequest, ClaimReview, ClaimsRequest, HistoryChange, IgnoreRuleRequest, UndoRequest, WordRequest } from '../core/schema-types.js';
import { UsageError } from '../util/errors.js';
import {
  DecisionsError,
  applyDecisions,
  decisionFor,
  loadDecisions,
  recordStep,
  setClaimReview,
  setDecision,
  undoStep,
  undoableSteps,
  updateDecisions,
} from '../queue/decisions.js';
import { checkFiles } from '../api.js';
import { decodeArticle } from '../parse/read.js';
import { ARTICLE_EXTENSIONS } from '../run/files.js';
import { writeClaims, writeRunOutputs } from '../run/outputs.js';
import { writeFileAtomic, writeTarget } from '../util/atomic.js';
import { EditError, addToFrontMatter, addWordToConfig, applySuggestion, checkWord } from './edits.js';
import { defValidator, formatErrors, validator } from '../validate/schemas.js';
import { articleTextFile, reviewFiles, ruleDocs, slimClaim, type ReviewData, type ReviewFile } from './data.js';
import { SERVER_CSP, loadAssets, serverPage } from './page.js';
import { runMismatch, settleRun } from '../run/outputs.js';

import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';
export { DEFAULT_PORT, DEFAULT_HOST } from './defaults.js';
export const MAX_BODY = 64 * 1024;
/** Bulk decisions and claim reviews name many ids. */
export const MAX_BULK_BODY = 2 * 1024 * 1024;
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
  /** Recorded in each decision as `author` (a request cannot change it). */
  author?: string;
  /** Host names (besides the machine's own) that a request may address, for --host 0.0.0.0 behind a name. */
  allowedHosts?: string[];
  /** Config file and facts the run used (--config, --facts), for re-checking an edited article. */
  config?: string;
  facts?: string[];
  /** Allow the page to edit articles and word lists (default true). */
  edits?: boolean;
  /** The folder the run's article paths are relative to (where `copydesk run` ran; default: the working folder). */
  root?: string;
}

export interface RunningReview {
  url: string;
  host: string;
  /** A second server on one file, or a test: the server object itself. */
  review: ReviewServer;
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
  claims: Map<string, PageClaim[]>;
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

  stamp(): string {
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
    // A run interrupted while switching its files into place is finished first (run/outputs.ts).
    settleRun(this.outDir);
    const stamp = this.stamp();
    if (this.cached && this.cached.stamp === stamp) return this.cached;
    const hint = `this folder is not the output of \`copydesk run\` (run \`copydesk run --out ${this.outDir}\` first)`;
    const queue = readJson(this.queueFile, hint);
    const vq = validator('queue');
    if (!vq(queue)) throw new UsageError(`${this.queueFile}: ${formatErrors(vq.errors).slice(0, 5).join('; ')}`);
    const report = readJson(this.reportFile, hint);
    const vr = validator('report');
    if (!vr(report)) throw new UsageError(`${this.reportFile}: ${formatErrors(vr.errors).slice(0, 5).join('; ')}`);
    const q = queue as { generated: string; run?: string; items: Item[] };
    const r = report as Report & { run?: string };
    const mixed = runMismatch(this.outDir, [{ name: 'review-queue.json', run: q.run }, { name: 'report.json', run: r.run }]);
    if (mixed) throw new UsageError(`${this.outDir}: ${mixed}`);
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

/** The names and addresses of this machine: what a Host header may say when the server listens on every interface. */
export function machineNames(): string[] {
  const names = new Set<string>(['localhost', '127.0.0.1', '::1']);
  const host = os.hostname().toLowerCase();
  if (host) {
    names.add(host);
    names.add(host.split('.')[0]);
    names.add(`${host.split('.')[0]}.local`);
  }
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) names.add(a.address.toLowerCase().replace(/%.*$/, ''));
  return [...names];
}

/** Splits a Host header into name and port ("[::1]:80" -> ["::1", 80]); undefined when malformed. */
function parseHost(host: string): { name: string; port: number } | undefined {
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/.exec(host.toLowerCase());
  if (!m) return undefined;
  return { name: (m[1] ?? m[2]).replace(/\.$/, ''), port: m[3] ? Number(m[3]) : 80 };
}

/**
 * Host headers that name this server (the DNS-rebinding defence): the bound address (and localhost
 * for loopback); for a wildcard address (0.0.0.0, ::), the machine's own addresses and names; plus
 * the names given with --allowed-host. Always with the server's port.
 */
export function hostMatcher(bound: string, port: number, allowed: string[] = []): (host: string | undefined) => boolean {
  const wildcard = bound === '0.0.0.0' || bound === '::' || bound === '';
  const names = new Set<string>([bound.toLowerCase()]);
  if (bound === '127.0.0.1' || bound === '::1' || bound === 'localhost') for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  if (wildcard) for (const n of machineNames()) names.add(n);
  for (const a of allowed) {
    const p = parseHost(a.trim());
    if (p) names.add(p.name);
  }
  return (host) => {
    if (!host) return false;
    const p = parseHost(host);
    return !!p && p.port === port && names.has(p.name);
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
  private readonly events = new Set<http.ServerResponse>();
  private watchTimer: NodeJS.Timeout | undefined;
  private lastStamp = '';

  constructor(private readonly opts: ReviewServerOptions) {
    this.run = new RunOutput(path.resolve(opts.outDir));
  }

  private get root(): string {
    return path.resolve(this.opts.root ?? process.cwd());
  }

  private get author(): string | undefined {
    return this.opts.author?.trim() || undefined;
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
    this.hostOk = hostMatcher(host, port, this.opts.allowedHosts);
    this.lastStamp = this.changeStamp();
    // Decisions from another tab, another server or a lint run reach every open page within a second.
    this.watchTimer = setInterval(() => this.poll(), 250);
    this.watchTimer.unref();
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${port}/`,
      host,
      port,
      token: this.token,
      server,
      review: this,
      close: () =>
        new Promise<void>((resolve) => {
          clearInterval(this.watchTimer);
          for (const r of this.events) r.end();
          this.events.clear();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  private changeStamp(): string {
    let d = 'missing';
    try {
      const st = fs.statSync(writeTarget(this.opts.decisionsFile));
      d = `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch {
      /* no decisions yet */
    }
    return `${d}|${this.run.stamp()}`;
  }

  private poll(): void {
    const now = this.changeStamp();
    if (now === this.lastStamp) return;
    this.lastStamp = now;
    this.broadcast('change');
  }

  private broadcast(event: string): void {
    const msg = `event: ${event}\ndata: ${JSON.stringify({ at: Date.now() })}\n\n`;
    for (const r of this.events) r.write(msg);
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
    } else if (err instanceof EditError) {
      this.json(res, 409, { error: err.message });
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
    const get = () => {
      if (!read) throw new HttpError(405, 'method not allowed');
    };
    const post = () => {
      if (method !== 'POST') throw new HttpError(405, 'method not allowed');
      this.guard(req);
    };

    const asset = (type: string, body: string) => {
      get();
      this.send(res, 200, type, body, head);
    };
    const modules = loadAssets().modules;
    if (pathname.startsWith('/app/') && modules.has(pathname.slice(5))) return asset('text/javascript; charset=utf-8', modules.get(pathname.slice(5))!);
    switch (pathname) {
      case '/':
      case '/index.html':
        return asset('text/html; charset=utf-8', this.page);
      case '/style.css':
        return asset('text/css; charset=utf-8', loadAssets().css);
      case '/api/state':
        get();
        return this.json(res, 200, this.state());
      case '/api/article': {
        get();
        const file = this.run.load().byPath.get(query.get('file') ?? '');
        if (!file) throw new HttpError(404, 'no such article in this run');
        return this.json(res, 200, { path: file.path, text: this.run.articleText(file), claims: this.withReviews(this.run.load().claims.get(file.path) ?? []) });
      }
      case '/api/claims':
        get();
        return this.json(res, 200, { claims: this.allClaims() });
      case '/api/events':
        get();
        return this.openEvents(req, res);
      case '/api/decisions':
        post();
        return this.json(res, 200, await this.postDecisions(await this.body(req, MAX_BODY, 'decisions')));
      case '/api/bulk':
        post();
        return this.json(res, 200, await this.bulk((await this.body(req, MAX_BULK_BODY, 'review-requests', 'BulkRequest')) as BulkRequest));
      case '/api/claim-reviews':
        post();
        return this.json(res, 200, await this.claimReviews((await this.body(req, MAX_BULK_BODY, 'review-requests', 'ClaimsRequest')) as ClaimsRequest));
      case '/api/undo':
        post();
        return this.json(res, 200, await this.undo((await this.body(req, MAX_BODY, 'review-requests', 'UndoRequest')) as UndoRequest));
      case '/api/apply': {
        post();
        const b = (await this.body(req, MAX_BODY, 'review-requests', 'ApplyRequest')) as ApplyRequest;
        return this.json(res, 200, await this.applySuggestion(b));
      }
      case '/api/words': {
        post();
        const b = (await this.body(req, MAX_BODY, 'review-requests', 'WordRequest')) as WordRequest;
        return this.json(res, 200, await this.addWord(b));
      }
      case '/api/ignore-rule': {
        post();
        const b = (await this.body(req, MAX_BODY, 'review-requests', 'IgnoreRuleRequest')) as IgnoreRuleRequest;
        return this.json(res, 200, await this.ignoreRule(b));
      }
    }
    const del = /^\/api\/decisions\/([0-9a-f]{16})$/.exec(pathname);
    if (del) {
      if (method !== 'DELETE') throw new HttpError(405, 'method not allowed');
      this.guard(req);
      return this.json(res, 200, await this.reopen(del[1]));
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

  /** A JSON body under `limit` bytes, valid against the named schema (or one of its $defs). */
  private async body(req: http.IncomingMessage, limit: number, schema: 'decisions' | 'review-requests', def?: string): Promise<unknown> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      throw new HttpError(415, 'send the request as application/json');
    }
    const text = await readBody(req, limit);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'the body is not valid JSON');
    }
    const v = def ? defValidator(schema, def) : validator(schema);
    if (!v(body)) throw new HttpError(400, `the body is not valid (${def ?? schema}): ${formatErrors(v.errors).slice(0, 5).join('; ')}`);
    return body;
  }

  private openEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.headers(res, 'text/event-stream; charset=utf-8');
    res.setHeader('Connection', 'keep-alive');
    res.statusCode = 200;
    res.flushHeaders();
    res.write('retry: 1000\n\n');
    this.events.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    req.on('close', () => {
      clearInterval(ping);
      this.events.delete(res);
    });
  }

  private serialize<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.writes.then(fn);
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** A change of the decisions file under its lock, serialized in this server; tells every page. */
  private async change<T>(fn: (current: Decisions) => T): Promise<T> {
    const result = await this.serialize(() => updateDecisions(this.opts.decisionsFile, fn));
    this.lastStamp = this.changeStamp();
    this.broadcast('change');
    return result;
  }

  private withReviews(claims: PageClaim[]): PageClaim[] {
    const reviews = loadDecisions(this.opts.decisionsFile).claims ?? {};
    return claims.map((c) => (reviews[c.id] ? { ...c, review: reviews[c.id] } : c));
  }

  /** Every claim of the run, slimmed, tagged with its file (the claims view). */
  private allClaims(): PageClaim[] {
    const run = this.run.load();
    const reviews = loadDecisions(this.opts.decisionsFile).claims ?? {};
    const out: PageClaim[] = [];
    for (const [file, claims] of run.claims) for (const c of claims) out.push({ ...c, file, ...(reviews[c.id] ? { review: reviews[c.id] } : {}) });
    return out;
  }

  private state(): ReviewData {
    const run = this.run.load();
    const decisions = loadDecisions(this.opts.decisionsFile);
    // The statuses come from the decisions file as it is now (another tab or a lint run may have changed it).
    const items = run.items.map((it) => ({ ...it }));
    applyDecisions([{ path: '', words: 0, claims: [], items }], decisions);
    const data: ReviewData = {
      version: 1,
      generated: run.generated,
      readOnly: false,
      decisionsFile: this.opts.decisionsLabel ?? this.opts.decisionsFile,
      files: run.files,
      items,
      claimReviews: decisions.claims ?? {},
      undo: undoableSteps(decisions, this.author)
        .slice(0, 50)
        .map((s) => ({ id: s.id, label: s.label, at: s.at, count: s.count, ...(s.author ? { author: s.author } : {}) })),
      rules: ruleDocs(items),
      canEdit: this.opts.edits !== false,
    };
    if (this.author) data.author = this.author;
    return data;
  }

  private knownItems(ids: string[]): Map<string, Item> {
    const run = this.run.load();
    const unknown = ids.filter((id) => !run.byId.has(id));
    if (unknown.length) throw new HttpError(400, `unknown item id ${unknown[0]}: reload the page (was the run redone?)`);
    return run.byId;
  }

  /** A request's own author (if any, and not the server's) goes into the step's note, never into `author`. */
  private requestNote(given: string | undefined): { note?: string } {
    const a = given?.trim();
    return a && a !== this.author ? { note: `the request named the author “${a.slice(0, 200)}”` } : {};
  }

  private async postDecisions(body: unknown): Promise<{ decisions: Record<string, Decision>; step?: string }> {
    const wanted = (body as Decisions).decisions;
    const ids = Object.keys(wanted);
    if (ids.length === 0) throw new HttpError(400, 'no decisions in the body');
    const byId = this.knownItems(ids);
    const claimed = [...new Set(ids.map((id) => wanted[id].author).filter((a): a is string => !!a))];
    return this.change((current) => {
      const done: Record<string, Decision> = {};
      const changes: HistoryChange[] = [];
      for (const id of ids) {
        const w = wanted[id];
        const extra: Partial<Decision> = {};
        if (w.note?.trim()) extra.note = w.note.trim();
        if (this.author) extra.author = this.author;
        const d = decisionFor(byId.get(id)!, w.status, extra);
        const ch = setDecision(current, id, d);
        if (ch) changes.push(ch);
        done[id] = d;
      }
      const first = byId.get(ids[0])!;
      const label = ids.length === 1 ? `${w0(wanted[ids[0]].status)} ${first.rule} “${first.excerpt.slice(0, 40)}”` : `${w0(wanted[ids[0]].status)} ${ids.length} items`;
      const step = recordStep(current, { source: 'review', author: this.author, label: label.slice(0, 300), count: changes.length, changes, ...this.requestNote(claimed.join(', ')) });
      return { decisions: done, step: step?.id };
    });
  }

  private async reopen(id: string): Promise<{ decisions: Record<string, null>; step?: string }> {
    const it = this.run.load().byId.get(id);
    if (!it) throw new HttpError(404, `unknown item id ${id}`);
    return this.change((current) => {
      const ch = setDecision(current, id, null);
      const step = ch ? recordStep(current, { source: 'review', author: this.author, label: `Reopened ${it.rule} “${it.excerpt.slice(0, 40)}”`, count: 1, changes: [ch] }) : undefined;
      return { decisions: { [id]: null }, step: step?.id };
    });
  }

  private async bulk(body: BulkRequest): Promise<{ changed: number; step?: string }> {
    const byId = this.knownItems(body.ids);
    return this.change((current) => {
      const changes: HistoryChange[] = [];
      for (const id of body.ids) {
        const it = byId.get(id)!;
        const value = body.status === 'open' ? null : decisionFor(it, body.status, { ...(body.note?.trim() ? { note: body.note.trim() } : {}), ...(this.author ? { author: this.author } : {}) });
        if (JSON.stringify(current.decisions[id] ?? null) === JSON.stringify(value)) continue;
        if (value && current.decisions[id]?.status === value.status) continue; // already decided that way: keep its note and time
        const ch = setDecision(current, id, value);
        if (ch) changes.push(ch);
      }
      const what = body.status === 'open' ? 'Reopened' : w0(body.status);
      const step = recordStep(current, { source: 'review', author: this.author, label: `${what} ${changes.length} item${changes.length === 1 ? '' : 's'}${body.label ? ` (${body.label})` : ''}`.slice(0, 300), count: changes.length, changes });
      return { changed: changes.length, step: step?.id };
    });
  }

  private async claimReviews(body: ClaimsRequest): Promise<{ claims: Record<string, ClaimReview | null>; step?: string }> {
    const run = this.run.load();
    const known = new Map<string, { file: string; claim: PageClaim }>();
    for (const [file, claims] of run.claims) for (const c of claims) known.set(c.id, { file, claim: c });
    const ids = Object.keys(body.claims);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new HttpError(400, `unknown claim id ${unknown}: reload the page (was the run redone?)`);
    return this.change((current) => {
      const done: Record<string, ClaimReview | null> = {};
      const changes: HistoryChange[] = [];
      for (const id of ids) {
        const w = body.claims[id];
        const { file, claim } = known.get(id)!;
        const note = w.note?.trim();
        const assignee = w.assignee?.trim();
        const value: ClaimReview | null =
          w.status === 'unchecked' && !note && !assignee
            ? null
            : { status: w.status, ...(note ? { note } : {}), ...(assignee ? { assignee } : {}), ...(this.author ? { author: this.author } : {}), at: new Date().toISOString(), file, text: claim.text.slice(0, 200) };
        const ch = setClaimReview(current, id, value);
        if (ch) changes.push(ch);
        done[id] = value;
      }
      const one = known.get(ids[0])!.claim;
      const label = ids.length === 1 ? `Marked the claim “${one.text.slice(0, 40)}” ${body.claims[ids[0]].status}` : `Marked ${ids.length} claims ${body.claims[ids[0]].status}`;
      const step = recordStep(current, { source: 'review', author: this.author, label: label.slice(0, 300), count: changes.length, changes });
      return { claims: done, step: step?.id };
    });
  }

  private async undo(body: UndoRequest): Promise<{ reverted: number; kept: number; label: string }> {
    return this.change((current) => {
      const step = (current.history ?? []).find((s) => s.id === body.step);
      if (!step) throw new HttpError(404, 'that step is no longer in the history');
      if ((step.author ?? '') !== (this.author ?? '')) throw new HttpError(403, `that step was made by ${step.author ?? 'another editor'}: undo only your own`);
      if (step.source === 'edit') throw new HttpError(409, 'an edit of the article cannot be undone here: edit the file');
      try {
        const r = undoStep(current, body.step, this.author);
        return { reverted: r.reverted, kept: r.kept, label: step.label };
      } catch (err) {
        throw new HttpError(409, (err as Error).message);
      }
    });
  }

  // ---------- edits of articles and word lists ----------

  private editsAllowed(): void {
    if (this.opts.edits === false) throw new HttpError(403, 'this review server was started without edits');
  }

  /** The article of an item as a file the server may edit: named in report.json, an article extension, unchanged since the run. */
  private editable(itemId: string): { item: Item; file: ReviewFile; abs: string; text: string; bom: boolean } {
    this.editsAllowed();
    const run = this.run.load();
    const item = run.byId.get(itemId);
    if (!item) throw new HttpError(400, `unknown item id ${itemId}: reload the page (was the run redone?)`);
    const file = item.file ? run.byPath.get(item.file) : undefined;
    if (!file) throw new HttpError(400, 'the item names no article of this run');
    const abs = path.resolve(this.root, file.path);
    if (!abs.startsWith(this.root + path.sep)) throw new HttpError(403, `${file.path} is outside ${this.root}: the page edits only articles under the folder the review server was started in`);
    if (!ARTICLE_EXTENSIONS.includes(path.extname(abs).toLowerCase())) throw new HttpError(403, `${file.path} is not an article file (${ARTICLE_EXTENSIONS.join(', ')})`);
    const saved = this.run.articleText(file);
    if (saved === null) throw new HttpError(409, `the output folder has no text of ${file.path}: run copydesk run again`);
    let bytes: Buffer;
    try {
      const st = fs.statSync(abs);
      if (!st.isFile()) throw new Error('not a regular file');
      bytes = fs.readFileSync(abs);
    } catch (err) {
      throw new HttpError(409, `cannot read ${file.path} from ${this.root} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): start copydesk review in the folder copydesk run was started in`);
    }
    const text = decodeArticle(bytes, file.path);
    if (text !== saved) throw new HttpError(409, `${file.path} has changed since the run: nothing was changed; run copydesk run again, then reload`);
    return { item, file, abs, text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  }

  /** Checks the article again and puts its new result into the run's outputs (queue, report, claims, texts). */
  private async recheck(file: ReviewFile): Promise<FileResult> {
    const results = await checkFiles([path.resolve(this.root, file.path)], {
      decisions: this.opts.decisionsFile,
      ignore: false,
      workers: 0,
      cacheLocation: '',
      config: this.opts.config && path.resolve(this.root, this.opts.config),
      facts: this.opts.facts?.map((f) => path.resolve(this.root, f)),
      cwd: this.root, // item ids as `copydesk run` made them there
    });
    const r = results[0];
    if (!r) throw new HttpError(500, `re-checking ${file.path} gave no result`);
    r.path = file.path;
    const report = readJson(this.run.reportFile, 'run copydesk run again') as Report;
    const all = report.files.map((f) => (f.path === file.path ? r : f));
    await writeClaims(this.run.outDir, r);
    await writeRunOutputs(this.run.outDir, all, this.root);
    return r;
  }

  private async edit(itemId: string, label: string, fn: (e: ReturnType<ReviewServer['editable']>) => { text?: string; message: string; changed: boolean }): Promise<{ message: string; items: number; file: string }> {
    return this.serialize(async () => {
      const e = this.editable(itemId);
      const out = fn(e);
      if (out.changed && out.text !== undefined) writeFileAtomic(e.abs, (e.bom ? '\ufeff' : '') + out.text, { throughSymlink: true, keepMode: true });
      const r = out.changed ? await this.recheck(e.file) : undefined;
      if (out.changed) {
        await updateDecisions(this.opts.decisionsFile, (current) => recordStep(current, { source: 'edit', author: this.author, label: `${label} in ${e.file.path}`.slice(0, 300), count: 1, changes: [] }));
        this.lastStamp = this.changeStamp();
        this.broadcast('change');
      }
      return { message: out.message, items: r ? r.items.length : -1, file: e.file.path };
    });
  }

  private applySuggestion(b: ApplyRequest) {
    return this.edit(b.item, 'Applied a suggestion', (e) => {
      const s = e.item.suggestions[b.suggestion];
      if (s === undefined) throw new HttpError(400, `the item has no suggestion ${b.suggestion}`);
      const text = applySuggestion(e.text, e.item, s);
      return { text, changed: true, message: `Replaced “${e.item.excerpt.slice(0, 60)}” with “${s.slice(0, 60)}” in ${e.file.path}.` };
    });
  }

  private addWord(b: WordRequest) {
    let word: string;
    try {
      word = checkWord(b.word);
    } catch (err) {
      throw new HttpError(400, (err as Error).message);
    }
    return this.edit(b.item, `Added “${word}” to the word list`, (e) => {
      if (b.target === 'front-matter') {
        const r = addToFrontMatter(e.text, 'words', word);
        return { text: r.text, changed: r.added, message: r.added ? `Added “${word}” to the front matter of ${e.file.path}.` : `“${word}” is already in the front matter of ${e.file.path}.` };
      }
      const r = addWordToConfig(e.abs, word, this.root, this.opts.config && path.resolve(this.root, this.opts.config));
      const shown = path.relative(this.root, r.file) || r.file;
      return { changed: r.added, message: r.added ? `Added “${word}” to ${shown} (other articles follow on the next run).` : `“${word}” is already in ${shown}.` };
    });
  }

  private ignoreRule(b: IgnoreRuleRequest) {
    return this.edit(b.item, 'Turned a rule off', (e) => {
      const r = addToFrontMatter(e.text, 'disable', e.item.rule);
      return { text: r.text, changed: r.added, message: r.added ? `Turned ${e.item.rule} off for ${e.file.path} (front matter copydesk.disable).` : `${e.item.rule} is already off for ${e.file.path}.` };
    });
  }
}

function w0(status: string): string {
  return status === 'accepted' ? 'Accepted' : status === 'dismissed' ? 'Dismissed' : status;
}

export async function startReview(opts: ReviewServerOptions): Promise<RunningReview> {
  const outDir = path.resolve(opts.outDir);
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory())
    throw new UsageError(`${opts.outDir}: no such folder; run \`copydesk run --out ${opts.outDir}\` first`);
  return new ReviewServer({ ...opts, outDir }).start();
}
