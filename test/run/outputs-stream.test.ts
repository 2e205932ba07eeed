// Issue 14: copydesk run streams its outputs (RunWriter.add as results arrive, assembled at commit
// from part files). The files must be byte for byte what the whole-array writers produce
// (buildReport, queueItems, summaryMarkdown, writeReviewOutputs), whatever order results arrive in,
// and valid against their schemas.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runBatch } from '../../pipeline/run/batch.js';
import { findArticles } from '../../pipeline/run/files.js';
import { RunWriter, claimsFileFor, writeClaims } from '../../pipeline/run/outputs.js';
import { buildReport, queueItems } from '../../pipeline/write/report.js';
import { summaryMarkdown } from '../../pipeline/write/summary.js';
import { writeReviewOutputs } from '../../pipeline/review/report-html.js';
import { validator } from '../../pipeline/validate/schemas.js';
import type { FileResult } from '../../pipeline/core/types.js';
import { tempDir, writeTree } from '../helpers/ci.js';

const TREE = {
  'b/roads.md': '# Roads\n\nThe goverment will pay £40m for 12 new roads, the minister said on Monday.\n\nIt is is a big sum.\n',
  'a/parks.md': '# Parks\n\nThe park, which opened in 1990, had 2,000 visitors a day, according to the council.\n',
  'a/notes.txt': 'Sales rose 5% to $3bn last year, the company said. Profits fell by a third.\n',
  'c/long.md': `# Budget\n\n${'The council said spending would rise by 3% in 2025 and by 4% in 2026, after a year in which it fell. '.repeat(8)}\n`,
  'c/empty.md': '',
};

/** The whole-array outputs, as `copydesk run` wrote them before streaming. */
function legacyOutputs(dir: string, results: FileResult[], run: string, generated: string, cwd: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'review-queue.json'), JSON.stringify({ version: 1, generated, run, items: queueItems(results) }, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify({ ...buildReport(results), run }, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'summary.md'), summaryMarkdown(results, cwd));
  writeReviewOutputs(dir, results, generated, cwd);
}

const stamp = (s: string, run: string, generated: string) => s.split(run).join('RUN').split(generated).join('GENERATED');

describe('streamed run outputs', () => {
  it('are the same files as the whole-array writers, in any arrival order, and schema-valid', async () => {
    const src = writeTree(tempDir(), TREE);
    fs.chmodSync(path.join(src, 'c/empty.md'), 0o644);
    const files = await findArticles([src], src);
    const results = await runBatch(files, { workers: 0 });
    expect(results.length).toBe(5);
    expect(results.flatMap((r) => r.items).length).toBeGreaterThan(1);
    const out = path.join(tempDir(), 'out');
    const w = new RunWriter(out, src);
    // Arrival order differs from batch order (as with worker threads).
    const order = results.map((_, i) => i).reverse();
    // Several in flight at once, as the CLI's onResult calls are.
    await Promise.all(order.map((i) => w.add(structuredClone(results[i]), i)));
    await w.commit(undefined, src);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const legacy = path.join(tempDir(), 'legacy');
    legacyOutputs(legacy, results, manifest.run, manifest.generated, src);
    for (const f of ['review-queue.json', 'report.json', 'summary.md', 'report.html']) {
      const got = fs.readFileSync(path.join(out, f), 'utf8');
      const want = fs.readFileSync(path.join(legacy, f), 'utf8');
      expect(stamp(got, manifest.run, manifest.generated), f).toBe(stamp(want, manifest.run, manifest.generated));
    }
    // Claims files: the same bytes as writeClaims gives.
    const claimsDir = path.join(tempDir(), 'claims');
    for (const r of results) {
      await writeClaims(claimsDir, r);
      expect(fs.readFileSync(claimsFileFor(out, r.path), 'utf8')).toBe(fs.readFileSync(claimsFileFor(claimsDir, r.path), 'utf8'));
      expect(validator('claims-file')(JSON.parse(fs.readFileSync(claimsFileFor(out, r.path), 'utf8')))).toBe(true);
    }
    const report = validator('report');
    expect(report(JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'))), JSON.stringify(report.errors)).toBe(true);
    const queue = validator('queue');
    expect(queue(JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8'))), JSON.stringify(queue.errors)).toBe(true);
    // No part files or temporary files are left behind.
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('an empty run writes the same empty files', async () => {
    const out = path.join(tempDir(), 'out');
    const w = new RunWriter(out);
    await w.commit();
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const legacy = path.join(tempDir(), 'legacy');
    legacyOutputs(legacy, [], manifest.run, manifest.generated, process.cwd());
    for (const f of ['review-queue.json', 'report.json', 'summary.md', 'report.html']) {
      expect(stamp(fs.readFileSync(path.join(out, f), 'utf8'), manifest.run, manifest.generated), f).toBe(stamp(fs.readFileSync(path.join(legacy, f), 'utf8'), manifest.run, manifest.generated));
    }
  });
});
