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
import type { FileResult } from '../core/types.js';
import { writeFileAtomic, writeFileAtomicAsync, writeJsonAtomic } from '../util/atomic.js';
import { buildReport, queueItems } from '../write/report.js';
import { summaryMarkdown } from '../write/summary.js';
import { writeReviewOutputs } from '../review/report-html.js';
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

/** One run's outputs, staged and then committed together. */
export class RunWriter {
  readonly run: string;
  readonly staging: string;
  constructor(readonly outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
    settleRun(outDir);
    this.run = `${new Date().toISOString().replace(/[-:.]/g, '')}-p${process.pid}-${randomBytes(3).toString('hex')}`;
    this.staging = stagingDir(outDir, this.run);
    fs.mkdirSync(this.staging, { recursive: true });
  }

  /** claims/<article>.json of one result, into the staging folder (called as results stream in). */
  async writeClaims(result: FileResult): Promise<void> {
    await writeClaims(this.staging, result);
  }

  /** Writes the run's other files into the staging folder, then switches the output folder to this run. */
  commit(results: FileResult[], cwd = process.cwd()): void {
    const generated = new Date().toISOString();
    fs.mkdirSync(path.join(this.staging, 'claims'), { recursive: true });
    writeJsonAtomic(path.join(this.staging, 'review-queue.json'), { version: 1, generated, run: this.run, items: queueItems(results) });
    writeJsonAtomic(path.join(this.staging, 'report.json'), { ...buildReport(results), run: this.run });
    writeFileAtomic(path.join(this.staging, 'summary.md'), summaryMarkdown(results, cwd));
    writeReviewOutputs(this.staging, results, generated, cwd, this.outDir);
    const manifest: Manifest = { version: 1, run: this.run, generated, files: [...RUN_FILES], dirs: [...RUN_DIRS] };
    writeJsonAtomic(path.join(this.staging, MANIFEST), manifest);
    // The commit point: from here on, a reader rolls this run forward.
    writeJsonAtomic(path.join(this.outDir, COMMIT_MARKER), { run: this.run });
    settleRun(this.outDir);
  }

  /** Drops the staging folder (a run that failed before committing leaves the previous run as it was). */
  abandon(): void {
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}

export async function writeClaims(outDir: string, result: FileResult): Promise<void> {
  const data = { path: result.path, title: result.title, date: result.date, claims: result.claims, ...(result.sentences ? { sentences: result.sentences } : {}) };
  await writeFileAtomicAsync(claimsFileFor(outDir, result.path), JSON.stringify(data, null, 2) + '\n');
}

/**
 * Writes a whole run's outputs at once (the review server after an edit, tests), staged and committed
 * like `copydesk run`. `cwd`: the folder the article paths are relative to (where the run was started).
 */
export function writeRunOutputs(outDir: string, results: FileResult[], cwd = process.cwd()): void {
  const w = new RunWriter(outDir);
  for (const r of results) {
    const data = { path: r.path, title: r.title, date: r.date, claims: r.claims, ...(r.sentences ? { sentences: r.sentences } : {}) };
    writeFileAtomic(claimsFileFor(w.staging, r.path), JSON.stringify(data, null, 2) + '\n');
  }
  w.commit(results, cwd);
}
