#!/usr/bin/env node
// npm run bench:figures: figures read on the BBC dev gold (../shared/acceptance/bbc-dev, 25 articles,
// 169 hand-annotated figures), for copydesk and, on the same articles in the same run, for raw
// compromise (nlp(text).numbers(), .percentages(), .money(), with the scale suffixes "bn", "m", "k"
// applied to its values). Both are scored by ../shared/acceptance/score.mjs: figures found, and extra
// figures (those the gold does not hold; dates not counted) per 1,000 words.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const goldDir = path.join(shared, 'acceptance/bbc-dev/gold');
const scorer = path.join(shared, 'acceptance/score.mjs');
const cli = path.join(root, 'dist/pipeline/cli.js');
for (const [what, p] of [['the BBC dev gold', goldDir], ['score.mjs', scorer], ['dist/ (run npm run build)', cli]]) {
  if (!fs.existsSync(p)) {
    console.error(`bench:figures: ${what} not found: ${p}`);
    process.exit(2);
  }
}
const golds = fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
const articles = golds.map((g) => path.resolve(goldDir, JSON.parse(fs.readFileSync(path.join(goldDir, g), 'utf8')).article));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-figures-'));

function score(report) {
  const file = path.join(work, 'report.json');
  fs.writeFileSync(file, JSON.stringify(report));
  const r = spawnSync(process.execPath, [scorer, '--report', file, '--gold', goldDir], { encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const m = /numeric (\d+)\/(\d+) \((\d+)%\) \(extra figures (\d+), ([\d.]+) per 1,000 words\)/.exec(last);
  if (!m) throw new Error(`bench:figures: cannot read the score: ${last}`);
  return { found: +m[1], total: +m[2], pct: +m[3], extra: +m[4], rate: +m[5] };
}

// copydesk
const t0 = Date.now();
const lint = spawnSync(process.execPath, [cli, 'lint', ...articles, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const copydeskMs = Date.now() - t0;
const ours = score(JSON.parse(lint.stdout));

// raw compromise
const nlp = createRequire(import.meta.url)('compromise');
const SCALE = { bn: 1e9, b: 1e9, m: 1e6, k: 1e3, tn: 1e12 };
const t1 = Date.now();
const files = articles.map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const doc = nlp(text);
  const seen = new Set();
  const claims = [];
  for (const view of [doc.numbers(), doc.percentages(), doc.money()]) {
    const json = view.json({ offset: true });
    const values = view.get();
    json.forEach((m, i) => {
      const { start, length } = m.offset ?? {};
      if (start === undefined || seen.has(start)) return;
      seen.add(start);
      const raw = typeof values[i] === 'number' ? values[i] : Number(m.number?.num);
      if (!Number.isFinite(raw)) return;
      const scale = SCALE[String(m.number?.suffix ?? '').toLowerCase()] ?? 1;
      claims.push({ kind: 'numeric', text: m.text, offset: start, endOffset: start + length, quantity: { value: raw * scale, low: raw, unit: 'count', approximate: false, bound: 'exact' } });
    });
  }
  return { path: file, claims, items: [] };
});
const compromiseMs = Date.now() - t1;
const theirs = score({ files });

const words = articles.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split(/\s+/).filter(Boolean).length, 0);
console.log(`bench:figures: BBC dev gold, ${articles.length} articles, ${words.toLocaleString('en-US')} words, ${ours.total} figures\n`);
console.log('| tagger | figures found | extra figures | per 1,000 words | seconds |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| copydesk (whole lint) | ${ours.found}/${ours.total} (${ours.pct}%) | ${ours.extra} | ${ours.rate} | ${(copydeskMs / 1000).toFixed(2)} |`);
console.log(`| raw compromise (numbers, percentages, money) | ${theirs.found}/${theirs.total} (${theirs.pct}%) | ${theirs.extra} | ${theirs.rate} | ${(compromiseMs / 1000).toFixed(2)} |`);
console.log(`\ngoal: >= 95% found with <= 1 extra figure per 1,000 words: ${ours.pct >= 95 && ours.rate <= 1 ? 'met' : 'NOT met'}`);
fs.rmSync(work, { recursive: true, force: true });
