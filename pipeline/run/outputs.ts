// What `copydesk run` writes: review-queue.json, report.json, summary.md, report.html, claims/ and
// articles/, as one unit (issue 8). The run writes everything into a fresh staging folder inside the
// output folder (<out>/.copydesk-run-<id>/), then commits: a marker file names the staged run (the
// commit point), the files are renamed into place, manifest.json (naming the run) goes last, and the
// marker is removed. A kill before the marker leaves the previous run whole; a kill after it is
// rolled forward by the next reader (settleRun: the review server, the next run), so the files of two
// runs are never read together. review-queue.json and report.json carry the run's id, and
// readers check it against manifest.json.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Claim, FileResult, Item, Severity } from '../core/types.js';
import type { ReviewData } from '../core/schema-types.js';
import { writeFileAtomic, writeFileAtomicAsync, writeJsonAtomic } from '../util/atomic.js';
import { buildReport, countItems, type Counts } from '../write/report.js';
import { SummaryBuilder } from '../write/summary.js';
import { articleTextFile, reviewFiles, ruleDocs, slimClaim } from '../review/data.js';
import { decodeArticle } from '../parse/read.js';
import { jsonForScript, staticPage } from '../review/page.js';
import { compareSeverity } from '../core/severity.js';
import { digest } from '../util/hash.js';
import { outputsOf } from './cache.js';

export const MANIFEST = 'manifest.json';
/** The commit marker: present only while a committed run is being moved into place. */
export const COMMIT_MARKER = '.copydesk-commit.json';
const STAGING_PREFIX = '.copydesk-run-';
/** The files and folders of one run, moved into place together. */
export const RUN_FILES = ['review-queue.json', 'report.json', 'summary.md', 'report.html'] as const;
export const RUN_DIRS = ['claims', 'articles'] as const;

export interface Manifest {
  version: 1;
  run: string;
  generated: string;
  files: string[];
  dirs: string[];
}

/**
 * output/claims/<article path>.json, extension kept (a.md, a.txt and a.markdown do not collide);
 * articles outside the working folder go to claims/external/<hash of the path>-<base name>.json, so
 * business/001.txt and politics/001.txt elsewhere do not collide either (issue 7).
 */
export function claimsFileFor(outDir: string, articlePath: string): string {
  const external = articlePath.startsWith('/') || articlePath.startsWith('..') || /^[A-Za-z]:/.test(articlePath);
  const rel = external ? `external/${digest(articlePath, 8)}-${path.basename(articlePath)}` : articlePath;
  return path.join(outDir, 'claims', rel + '.json');
}

function stagingDir(outDir: string, run: string): string {
  return path.join(outDir, `${STAGING_PREFIX}${run}`);
}

function readJsonFile<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes a committed run that was interrupted while its files were moved into place (idempotent:
 * each step checks what is already done), and removes staging folders of runs that died before
 * their commit point. Readers call it before reading an output folder.
 */
export function settleRun(outDir: string): void {
  const marker = path.join(outDir, COMMIT_MARKER);
  const commit = readJsonFile<{ run: string }>(marker);
  if (commit?.run) {
    const staging = stagingDir(outDir, commit.run);
    const manifest = readJsonFile<Manifest>(path.join(staging, MANIFEST));
    if (manifest) moveIntoPlace(outDir, staging, manifest);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(marker, { force: true });
  } else if (fs.existsSync(marker)) fs.rmSync(marker, { force: true });
  // Staging folders of runs that stopped before committing: the previous run stands.
  let names: string[] = [];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(/-p(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && pidAlive(pid)) continue; // another run still writing
    if (pid === process.pid) continue;
    fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

function moveIntoPlace(outDir: string, staging: string, manifest: Manifest): void {
  for (const f of manifest.files) {
    const from = path.join(staging, f);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(outDir, f));
  }
  for (const d of manifest.dirs) {
    const from = path.join(staging, d);
    if (!fs.existsSync(from)) continue; // moved already
    const to = path.join(outDir, d);
    const old = path.join(staging, `.old-${d}`);
    if (fs.existsSync(to)) {
      fs.rmSync(old, { recursive: true, force: true });
      fs.renameSync(to, old);
    }
    fs.renameSync(from, to);
  }
  // The manifest last: it names the run whose files are now all in place.
  const m = path.join(staging, MANIFEST);
  if (fs.existsSync(m)) fs.renameSync(m, path.join(outDir, MANIFEST));
}

/**
 * What a reader checks: when the folder has a manifest, review-queue.json and report.json must name
 * its run. Returns a message naming the mixed files, or undefined when they agree (or there is no
 * manifest: an output folder written before manifests, or by hand).
 */
export function runMismatch(outDir: string, files: { name: string; run?: unknown }[]): string | undefined {
  const manifest = readJsonFile<Manifest>(path.join(outDir, MANIFEST));
  if (!manifest?.run) return undefined;
  const bad = files.filter((f) => f.run !== manifest.run);
  if (!bad.length) return undefined;
  return `${bad.map((f) => f.name).join(' and ')} ${bad.length > 1 ? 'are' : 'is'} not from the run that ${MANIFEST} names (${manifest.run}): the folder holds files of two runs; run \`copydesk run --out ${outDir}\` again`;
}

/** What a streamed run keeps of each article: enough for the command line's summary lines and exit code. */
export interface RunTotals {
  files: number;
  words: number;
  claims: number;
  items: number;
  cached: number;
  counts: Counts;
  failed: NonNullable<FileResult['error']>[];
  skipped: NonNullable<FileResult['skipped']>[];
  /** language and languageSource of each article (for the command line's language line). */
  languages: Pick<FileResult, 'language' | 'languageSource'>[];
}

/** A stretch of the parts log: where it starts and how many bytes. */
type Span = [at: number, length: number];

/** One severity's items of one article, as written into the review queue and the page (issue 14). */
interface SeverityPart {
  /** The items as review-queue.json elements (pretty, indented, joined with ",\n    "). */
  queue: Span;
  /** The same items as the page's data (jsonForScript, joined with ","). */
  page: Span;
  /** The rules of these items, in item order, each once. */
  rules: string[];
}

/**
 * What the run writer keeps per article: never the result itself, only where its pieces of the run's
 * files, serialised once when it arrives, are in the parts log; commit() copies those bytes in order.
 */
interface Kept {
  index: number;
  path: string;
  /** Its element of report.json's "files" (pretty, indented). */
  report: Span;
  /** Its element of the page's files. */
  page: Span;
  /** Its items, by severity. */
  severities: Partial<Record<Severity, SeverityPart>>;
}

const PARTS = '.parts.log';

/** JSON.stringify(value, null, 2) of an object whose `key` (an array) is written element by element by `each`. */
function prettyAround(value: Record<string, unknown>, key: string): [string, string] {
  const mark = `@@copydesk-${key}@@`;
  const text = JSON.stringify({ ...value, [key]: mark }, null, 2) + '\n';
  const at = text.indexOf(JSON.stringify(mark));
  return [text.slice(0, at), text.slice(at + mark.length + 2)];
}

/** One element of an array as JSON.stringify(array, null, 2) writes it inside an object at depth 1. */
function prettyElement(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
}

/** Writes an array as JSON.stringify(array, null, 2) would inside an object at depth 1, from elements already serialised (prettyElement, joined with ",\n    "). */
class PrettyArray {
  private n = 0;
  constructor(private out: Sink) {}
  /** `count` elements, already joined. */
  push(elements: string | Buffer): void {
    this.out.write(this.n++ ? ',\n    ' : '[\n    ');
    this.out.write(elements);
  }
  end(): void {
    this.out.write(this.n ? '\n  ]' : '[]');
  }
}

/** A file written in chunks, renamed into place when done (a reader never sees half of it). */
class Sink {
  private fd: number;
  private tmp: string;
  private buf: (string | Buffer)[] = [];
  private size = 0;
  constructor(readonly file: string) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    this.fd = fs.openSync(this.tmp, 'w');
  }
  write(s: string | Buffer): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, Buffer.concat(this.buf.map((b) => (typeof b === 'string' ? Buffer.from(b) : b))));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
  }
}

/** True when `file` holds exactly `data`. */
function sameContent(file: string, data: Buffer): boolean {
  try {
    const st = fs.statSync(file);
    return st.size === data.length && fs.readFileSync(file).equals(data);
  } catch {
    return false;
  }
}

type Bytes = string | Buffer;

/** What one result contributes to the run's files, serialised (RunWriter.render), or copied from the cache (Buffers). */
interface Pieces {
  claims: Bytes;
  /** articles/<path>.json, when the text could be read. */
  textFile?: Bytes;
  /** report.json's element, without "cached". */
  report: Bytes;
  page: Bytes;
  severities: { severity: Severity; queue: Bytes; page: Bytes; rules: string[] }[];
}

/** Pieces as bytes: a JSON header line (byte lengths, severities, rules), then the pieces end to end. */
function encodePieces(p: Pieces): Buffer {
  const bufs = [p.claims, p.textFile ?? '', p.report, p.page, ...p.severities.flatMap((s) => [s.queue, s.page])].map((t) => (typeof t === 'string' ? Buffer.from(t) : t));
  const head = { text: p.textFile !== undefined, lengths: bufs.map((t) => t.length), severities: p.severities.map((s) => ({ severity: s.severity, rules: s.rules })) };
  return Buffer.concat([Buffer.from(JSON.stringify(head) + '\n'), ...bufs]);
}

function decodePieces(data: Buffer): Pieces | undefined {
  try {
    const nl = data.indexOf(10);
    const head = JSON.parse(data.subarray(0, nl).toString('utf8')) as { text: boolean; lengths: number[]; severities: { severity: Severity; rules: string[] }[] };
    const parts: Buffer[] = [];
    let at = nl + 1;
    for (const n of head.lengths) {
      parts.push(data.subarray(at, at + n));
      at += n;
    }
    if (at !== data.length || parts.length !== 4 + 2 * head.severities.length) return undefined;
    return {
      claims: parts[0],
      textFile: head.text ? parts[1] : undefined,
      report: parts[2],
      page: parts[3],
      severities: head.severities.map((s, k) => ({ severity: s.severity, rules: s.rules, queue: parts[4 + 2 * k], page: parts[5 + 2 * k] })),
    };
  } catch {
    return undefined;
  }
}

/** report.json's element of a cached result: the stored element with "cached": true as its last key. */
function withCached(element: Bytes): Bytes {
  const close = '\n    }';
  if (typeof element === 'string') return element.slice(0, -close.length) + ',\n      "cached": true' + close;
  return Buffer.concat([element.subarray(0, element.length - close.length), Buffer.from(',\n      "cached": true' + close)]);
}

/** What the editors' decisions set on a result (item status and note, claim reviews), as a digest: stored pieces are reused only under the same. */
function decisionsDigest(r: FileResult): string {
  return digest(JSON.stringify([r.items.map((it) => [it.id, it.status, it.note]), r.claims.map((c) => c.review ?? 0)]), 20);
}

/**
 * One run's outputs, staged and then committed together. Results stream in (add(), in any order):
 * each article's claims file and text are written at once and its result goes to a part file in the
 * staging folder; commit() assembles review-queue.json, report.json, summary.md and report.html from
 * the parts, a few at a time, so memory stays flat however large the archive (issue 14). The files
 * are the same as the whole-array writers' (buildReport, queueItems, summaryMarkdown, writeReviewOutputs).
 */
export class RunWriter {
  readonly run: string;
  readonly staging: string;
  private parts: string;
  private kept: Kept[] = [];
  private summary = new SummaryBuilder();
  private claimReviews: Record<string, NonNullable<Claim['review']>> = {};
  private dirs = new Set<string>();
  readonly totals: RunTotals = { files: 0, words: 0, claims: 0, items: 0, cached: 0, counts: { error: 0, warning: 0, info: 0, dismissed: 0 }, failed: [], skipped: [], languages: [] };

  constructor(readonly outDir: string, private cwd = process.cwd()) {
    fs.mkdirSync(outDir, { recursive: true });
    settleRun(outDir);
    this.run = `${new Date().toISOString().replace(/[-:.]/g, '')}-p${process.pid}-${randomBytes(3).toString('hex')}`;
    this.staging = stagingDir(outDir, this.run);
    this.parts = path.join(this.staging, PARTS);
    fs.mkdirSync(this.staging, { recursive: true });
  }

  /** claims/<article>.json of one result, into the staging folder (a result that add() will not see). */
  async writeClaims(result: FileResult): Promise<void> {
    await writeClaims(this.staging, result);
  }

  /**
   * One finished article (decisions applied), `index` its place in the batch: writes its claims file
   * and article text, and keeps its result in a part file until commit().
   */
  async add(result: FileResult, index: number): Promise<void> {
    // A result from the cache comes with the pieces a previous run wrote for it: unless the editors'
    // decisions on it changed since, they are copied, not serialised again (issue 14).
    const stored = outputsOf(result);
    const decisions = decisionsDigest(result);
    let pieces = stored?.stored?.decisions === decisions ? decodePieces(stored.stored.data) : undefined;
    if (!pieces) {
      pieces = this.render(result);
      stored?.save(decisions, encodePieces(pieces));
    }
    // The staging folder is the unit of atomicity: files in it need no temporary copy of their own.
    this.place(claimsFileFor(this.staging, result.path), claimsFileFor(this.outDir, result.path), pieces.claims);
    if (pieces.textFile !== undefined) this.place(articleTextFile(this.staging, result.path), articleTextFile(this.outDir, result.path), pieces.textFile);
    // report.json's element is rendered without "cached" (the same pieces serve a fresh and a cached result).
    const report = result.cached ? withCached(pieces.report) : pieces.report;
    // Every piece of the run's files this article contributes into one append-only log (not a file
    // per article: on a slow disk, creating files is the cost); commit() copies them in order.
    const spans = this.append([report, pieces.page, ...pieces.severities.flatMap((p) => [p.queue, p.page])]);
    const severities: Kept['severities'] = {};
    pieces.severities.forEach((p, k) => {
      severities[p.severity] = { queue: spans[2 + 2 * k], page: spans[3 + 2 * k], rules: p.rules };
    });
    this.kept.push({ index, path: result.path, report: spans[0], page: spans[1], severities });
    this.summary.add(result, index);
    for (const c of result.claims) if (c.review) this.claimReviews[c.id] = c.review;
    const t = this.totals;
    const rc = countItems([result]);
    for (const k of ['error', 'warning', 'info', 'dismissed'] as const) t.counts[k] += rc[k];
    t.files++;
    t.words += result.words;
    t.claims += result.claims.length;
    t.items += result.items.length;
    if (result.cached) t.cached++;
    if (result.error) t.failed.push(result.error);
    if (result.skipped) t.skipped.push(result.skipped);
    t.languages.push({ language: result.language, languageSource: result.languageSource });
  }

  /** Appends strings to the parts log; returns where each went. */
  private append(pieces: Bytes[]): Span[] {
    const bufs = pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
    const all = Buffer.concat(bufs);
    this.log ??= fs.openSync(this.parts, 'a+');
    fs.writeSync(this.log, all, 0, all.length, this.logSize);
    const spans: Span[] = [];
    let at = this.logSize;
    for (const b of bufs) {
      spans.push([at, b.length]);
      at += b.length;
    }
    this.logSize += all.length;
    return spans;
  }

  /**
   * A file of the staged run: a hard link to the previous run's copy when that holds the same bytes
   * (a re-run over an unchanged archive writes next to nothing), else written.
   */
  private place(file: string, previous: string, text: Bytes): void {
    const data = typeof text === 'string' ? Buffer.from(text) : text;
    this.mkdirFor(file);
    if (sameContent(previous, data)) {
      try {
        fs.linkSync(previous, file);
        return;
      } catch {
        // no hard links here: write the file
      }
    }
    fs.writeFileSync(file, data);
  }

  /** Every piece of the run's files one result produces (its claims file, article text, report, page and queue entries). */
  private render(result: FileResult): Pieces {
    let text: string | undefined;
    // Never read a path the finder skipped (a link out of the named folders).
    if (!result.error && !result.skipped) {
      try {
        text = decodeArticle(fs.readFileSync(path.resolve(this.cwd, result.path)), result.path);
      } catch {
        text = undefined; // moved or changed since the check: the page shows the items without the text
      }
    }
    const page = reviewFiles([result], text === undefined ? undefined : new Map([[result.path, text]]))[0];
    page.claims = result.claims.map(slimClaim);
    if (page.hasText) page.text = text;
    const { cached: _cached, ...fresh } = result;
    const bySeverity = new Map<Severity, Item[]>();
    for (const it of result.items) {
      const list = bySeverity.get(it.severity);
      if (list) list.push(it);
      else bySeverity.set(it.severity, [it]);
    }
    const severities: Pieces['severities'] = [];
    for (const [severity, list] of bySeverity) {
      // The review queue's order within an article: by offset (queueItems' order).
      const mine = list.sort((x, y) => x.offset - y.offset).map((it) => ({ ...it, file: result.path }));
      severities.push({ severity, queue: mine.map(prettyElement).join(',\n    '), page: mine.map(jsonForScript).join(','), rules: [...new Set(mine.map((it) => it.rule))] });
    }
    return {
      claims: claimsJson(result),
      textFile: text === undefined ? undefined : JSON.stringify({ path: result.path, text }) + '\n',
      report: prettyElement(fresh),
      page: jsonForScript(page),
      severities,
    };
  }

  private log: number | undefined;
  private logSize = 0;

  private mkdirFor(file: string): void {
    const dir = path.dirname(file);
    if (this.dirs.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  private read([at, length]: Span): Buffer {
    const buf = Buffer.allocUnsafe(length);
    fs.readSync(this.log!, buf, 0, length, at);
    return buf;
  }

  /**
   * Writes the run's other files into the staging folder from the parts, then switches the output
   * folder to this run. `results`: for a writer fed whole (writeRunOutputs), the results to add first.
   */
  async commit(results?: FileResult[], cwd = this.cwd): Promise<void> {
    if (results) for (const [i, r] of results.entries()) await this.add(r, i);
    const generated = new Date().toISOString();
    fs.mkdirSync(path.join(this.staging, 'claims'), { recursive: true });
    const byIndex = [...this.kept].sort((a, b) => a.index - b.index);
    // report.json and the page's files: in batch order.
    const report = new Sink(path.join(this.staging, 'report.json'));
    const [reportHead, reportTail] = prettyAround({ ...buildReport([]), files: [], run: this.run }, 'files');
    report.write(reportHead);
    const files = new PrettyArray(report);
    const page = new Sink(path.join(this.staging, 'report.html'));
    const marks = { files: '@@copydesk-files@@', items: '@@copydesk-items@@', claimReviews: '@@copydesk-claim-reviews@@', rules: '@@copydesk-rules@@' };
    const shell = staticPage({ version: 1, generated, readOnly: true, files: marks.files, items: marks.items, claimReviews: marks.claimReviews, rules: marks.rules } as unknown as ReviewData);
    const pieces = shell.split(/"@@copydesk-(?:files|items|claim-reviews|rules)@@"/);
    if (pieces.length !== 5) throw new Error('copydesk: report.html: the page template lost its data placeholders');
    page.write(pieces[0] + '[');
    byIndex.forEach((k, n) => {
      files.push(this.read(k.report));
      if (n) page.write(',');
      page.write(this.read(k.page));
    });
    files.end();
    report.write(reportTail);
    report.close();
    page.write(']' + pieces[1] + '[');
    // The review queue (and the page's items): most severe first, then by path, then offset (queueItems' order).
    const queue = new Sink(path.join(this.staging, 'review-queue.json'));
    const [queueHead, queueTail] = prettyAround({ version: 1, generated, run: this.run, items: [] }, 'items');
    queue.write(queueHead);
    const items = new PrettyArray(queue);
    const byPath = [...byIndex].sort((a, b) => a.path.localeCompare(b.path));
    const severities = [...new Set(this.kept.flatMap((k) => Object.keys(k.severities) as Severity[]))].sort(compareSeverity);
    const rules: { rule: string }[] = [];
    const seenRules = new Set<string>();
    let n = 0;
    for (const sev of severities) {
      for (const k of byPath) {
        const part = k.severities[sev];
        if (!part) continue;
        items.push(this.read(part.queue));
        if (n++) page.write(',');
        page.write(this.read(part.page));
        for (const rule of part.rules) {
          if (seenRules.has(rule)) continue;
          seenRules.add(rule);
          rules.push({ rule });
        }
      }
    }
    items.end();
    queue.write(queueTail);
    queue.close();
    page.write(']' + pieces[2] + jsonForScript(this.claimReviews) + pieces[3] + jsonForScript(ruleDocs(rules)) + pieces[4]);
    page.close();
    writeFileAtomic(path.join(this.staging, 'summary.md'), this.summary.markdown(cwd));
    if (this.log !== undefined) fs.closeSync(this.log);
    this.log = undefined;
    fs.rmSync(this.parts, { force: true });
    const manifest: Manifest = { version: 1, run: this.run, generated, files: [...RUN_FILES], dirs: [...RUN_DIRS] };
    writeJsonAtomic(path.join(this.staging, MANIFEST), manifest);
    // The commit point: from here on, a reader rolls this run forward.
    writeJsonAtomic(path.join(this.outDir, COMMIT_MARKER), { run: this.run });
    settleRun(this.outDir);
  }

  /** Drops the staging folder (a run that failed before committing leaves the previous run as it was). */
  abandon(): void {
    if (this.log !== undefined) fs.closeSync(this.log);
    this.log = undefined;
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}

function claimsJson(result: FileResult): string {
  const data = { path: result.path, title: result.title, date: result.date, claims: result.claims, ...(result.sentences ? { sentences: result.sentences } : {}) };
  return JSON.stringify(data, null, 2) + '\n';
}

export async function writeClaims(outDir: string, result: FileResult): Promise<void> {
  await writeFileAtomicAsync(claimsFileFor(outDir, result.path), claimsJson(result));
}

/**
 * Writes a whole run's outputs at once (the review server after an edit, tests), staged and committed
 * like `copydesk run`. `cwd`: the folder the article paths are relative to (where the run was started).
 */
export async function writeRunOutputs(outDir: string, results: FileResult[], cwd = process.cwd()): Promise<void> {
  await new RunWriter(outDir, cwd).commit(results, cwd);
}
