// What `copydesk run` writes: review-queue.json, claims/<article>.json, summary.md (each atomically).
import path from 'node:path';
import type { FileResult } from '../core/types.js';
import { writeFileAtomic, writeFileAtomicAsync, writeJsonAtomic } from '../util/atomic.js';
import { buildReport, queueItems } from '../write/report.js';
import { summaryMarkdown } from '../write/summary.js';
import { writeReviewOutputs } from '../review/report-html.js';

/** output/claims/<article path without extension>.json; paths outside the cwd keep only their base name. */
export function claimsFileFor(outDir: string, articlePath: string): string {
  const rel = articlePath.startsWith('/') || articlePath.startsWith('..') ? path.basename(articlePath) : articlePath.replace(/^(\.\.\/)+/, '');
  return path.join(outDir, 'claims', rel.replace(/\.[^./]+$/, '') + '.json');
}

export async function writeClaims(outDir: string, result: FileResult): Promise<void> {
  const data = { path: result.path, title: result.title, date: result.date, claims: result.claims };
  await writeFileAtomicAsync(claimsFileFor(outDir, result.path), JSON.stringify(data, null, 2) + '\n');
}

/** `cwd`: the folder the article paths are relative to (where the run was started). */
export function writeRunOutputs(outDir: string, results: FileResult[], cwd = process.cwd()): void {
  writeJsonAtomic(path.join(outDir, 'review-queue.json'), { version: 1, generated: new Date().toISOString(), items: queueItems(results) });
  writeJsonAtomic(path.join(outDir, 'report.json'), buildReport(results));
  writeFileAtomic(path.join(outDir, 'summary.md'), summaryMarkdown(results, cwd));
  writeReviewOutputs(outDir, results, undefined, cwd); // articles/ (texts for `copydesk review`) and the static report.html
}
