// The review outputs of `copydesk run`: <out>/articles/ (the texts the review server shows) and the
// static, read-only <out>/report.html.
import path from 'node:path';
import type { FileResult } from '../core/types.js';
import { writeFileAtomic } from '../util/atomic.js';
import { queueItems } from '../write/report.js';
import { reviewFiles, ruleDocs, slimClaim, writeArticleTexts, type ReviewData } from './data.js';
import { staticPage } from './page.js';

/**
 * Writes articles/ and report.html into `outDir`; `reuseFrom` is the previous run's folder, whose
 * unchanged article texts are linked, not rewritten (a run is staged in a fresh folder: run/outputs.ts).
 */
export function writeReviewOutputs(outDir: string, results: FileResult[], generated = new Date().toISOString(), cwd = process.cwd(), reuseFrom?: string): void {
  const texts = writeArticleTexts(outDir, results, cwd, reuseFrom);
  const files = reviewFiles(results, texts);
  results.forEach((r, i) => {
    files[i].claims = r.claims.map(slimClaim);
    if (files[i].hasText) files[i].text = texts.get(r.path);
  });
  const items = queueItems(results);
  const claimReviews: NonNullable<ReviewData['claimReviews']> = {};
  for (const r of results) for (const c of r.claims) if (c.review) claimReviews[c.id] = c.review;
  const data: ReviewData = { version: 1, generated, readOnly: true, files, items, claimReviews, rules: ruleDocs(items) };
  writeFileAtomic(path.join(outDir, 'report.html'), staticPage(data));
}
