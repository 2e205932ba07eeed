// What `copydesk run` writes: review-queue.json, report.json, summary.md, report.html, claims/ and
// articles/, as one unit (issue 8). The run writes everything into a fresh staging folder inside the
// output folder (<out>/.copydesk-run-<id>/), then commits: a marker file names the staged run (the
// commit point), the files are renamed into place, manifest.json (naming the run) goes last, and the
// marker is removed. A kill before the marker leaves the previous run whole; a kill after it is
// rolled forward by the next reader (settleRun: the review server, the next run), so the files of two
// runs are never read together. review-queue.json and report.json carry the run's id, and
// readers check it against manifest.json.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Claim, FileResult, Severity } from '../core/types.js';
import type { ReviewData, ReviewFile } from '../core/schema-types.js';
import { writeFileAtomic, writeFileAtomicAsync, writeJsonAtomic } from '../util/atomic.js';
import { buildReport, countItems, type Counts } from '../write/report.js';
import { SummaryBuilder } from '../write/summary.js';
import { reviewFiles, ruleDocs, slimClaim, writeArticleTexts } from '../review/data.js';
import { jsonForScript, staticPage } from '../review/page.js';
import { compareSeverity } from '../core/severity.js';
import { digest } from '../util/hash.js';

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

/** What the run writer keeps per article (never the result itself: that is in a part file). */
interface Kept {
  index: number;
  path: string;
  /** Where its part (result and page entry, JSON) is in the parts log. */
  at: number;
  length: number;
  /** Item count per severity. */
  severities: Partial<Record<Severity, number>>;
}

const PARTS = '.parts.jsonl';

/** JSON.stringify(value, null, 2) of an object whose `key` (an array) is written element by element by `each`. */
function prettyAround(value: Record<string, unknown>, key: string): [string, string] {
  const mark = `@@copydesk-${key}@@`;
  const text = JSON.stringify({ ...value, [key]: mark }, null, 2) + '\n';
  const at = text.indexOf(JSON.stringify(mark));
  return [text.slice(0, at), text.slice(at + mark.length + 2)];
}

/** Writes an array as JSON.stringify(array, null, 2) would inside an object at depth 1, one element at a time. */
class PrettyArray {
  private n = 0;
  constructor(private out: Sink) {}
  push(value: unknown): void {
    this.out.write(`${this.n++ ? ',\n' : '[\n'}    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`);
  }
  end(): void {
    this.out.write(this.n ? '\n  ]' : '[]');
  }
}

/** A file written in chunks, renamed into place when done (a reader never sees half of it). */
class Sink {
  private fd: number;
  private tmp: string;
  private buf: string[] = [];
  private size = 0;
  constructor(readonly file: string) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    this.fd = fs.openSync(this.tmp, 'w');
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
  }
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
    // The staging folder is the unit of atomicity: files in it need no temporary copy of their own.
    const claims = claimsFileFor(this.staging, result.path);
    this.mkdirFor(claims);
    const written = fsp.writeFile(claims, claimsJson(result));
    const texts = writeArticleTexts(this.staging, [result], this.cwd, this.outDir);
    const page = reviewFiles([result], texts)[0];
    page.claims = result.claims.map(slimClaim);
    if (page.hasText) page.text = texts.get(result.path);
    // One append-only log of parts (not a file per article: on a slow disk, creating files is the cost).
    const part = Buffer.from(JSON.stringify({ result, page }) + '\n');
    this.log ??= fs.openSync(this.parts, 'a+');
    const at = this.logSize;
    fs.writeSync(this.log, part, 0, part.length, at);
    this.logSize += part.length;
    const severities: Partial<Record<Severity, number>> = {};
    for (const it of result.items) severities[it.severity] = (severities[it.severity] ?? 0) + 1;
    this.kept.push({ index, path: result.path, at, length: part.length, severities });
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
    await written;
  }
  private log: number | undefined;
  private logSize = 0;

  private mkdirFor(file: string): void {
    const dir = path.dirname(file);
    if (this.dirs.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  private part(k: Kept): { result: FileResult; page: ReviewFile } {
    const buf = Buffer.alloc(k.length);
    fs.readSync(this.log!, buf, 0, k.length, k.at);
    return JSON.parse(buf.toString('utf8')) as { result: FileResult; page: ReviewFile };
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
      const { result, page: pageFile } = this.part(k);
      files.push(result);
      page.write((n ? ',' : '') + jsonForScript(pageFile));
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
        if (!k.severities[sev]) continue;
        const { result } = this.part(k);
        const mine = result.items.filter((it) => it.severity === sev).sort((a, b) => a.offset - b.offset);
        for (const it of mine) {
          const item = { ...it, file: result.path };
          items.push(item);
          page.write((n++ ? ',' : '') + jsonForScript(item));
          if (!seenRules.has(item.rule)) {
            seenRules.add(item.rule);
            rules.push({ rule: item.rule });
          }
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
