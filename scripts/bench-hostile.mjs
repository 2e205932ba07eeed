#!/usr/bin/env node
// Issue 9's acceptance batch: ../shared/corpus/bbc plus one article of each hostile kind (a
// 100,000-letter word, 72 KB of figures in one sentence, an 8 MB article, Markdown nested 2,000
// deep), generated in a temporary folder (never committed). Runs `copydesk run` over all of it and
// prints the time, the peak memory and every per-file error or notice, which must name a
// documented limit (docs/limits.md). Usage: node scripts/bench-hostile.mjs [--workers n]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus/bbc');
if (!fs.existsSync(corpus)) {
  console.error(`bench-hostile: ${corpus} is missing`);
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-hostile-'));
const hostile = path.join(dir, 'hostile');
fs.mkdirSync(hostile);
fs.writeFileSync(path.join(hostile, 'long-word.txt'), `The ${'abcdefghijklmnopqrstuvwxyz'.repeat(4000).slice(0, 100_000)} was here.\n`);
fs.writeFileSync(path.join(hostile, 'figures.txt'), `It cost ${'£5m, '.repeat(72_000 / 5)}in all.\n`);
{
  const names = ['Anna Kowalczyk', 'Tomas Brightwell', 'Mei Haversham', 'Olu Pemberton', 'Rita Ashcombe'];
  const parts = [];
  let size = 0;
  for (let i = 0; size < 8 * 1024 * 1024; i++) {
    const p = `Paragraph ${i} opens here. The council said on Monday that ${1200 + (i % 97)} homes would be built by ${2020 + (i % 9)}, costing £${(i % 40) + 5}m, according to its budget. “We are pleased with the plan,” said ${names[i % 5]}, who chairs the housing board. Sales rose by ${(i % 30) + 2}% to ${(3000 + i).toLocaleString('en-US')} units, up from ${2500 + (i % 400)} a year earlier.\n\n`;
    parts.push(p);
    size += p.length;
  }
  fs.writeFileSync(path.join(hostile, 'big.txt'), parts.join(''));
}
fs.writeFileSync(path.join(hostile, 'deep.md'), Array.from({ length: 2000 }, (_, i) => `${'> '.repeat(i + 1)}Line ${i + 1} is here.`).join('\n') + '\n');
fs.writeFileSync(path.join(hostile, 'deep-inline.md'), '> - '.repeat(1000) + 'The text ends here.\n');

const args = [path.join(root, 'dist/pipeline/cli.js'), 'run', corpus, hostile, '--out', path.join(dir, 'out'), '--no-progress', ...process.argv.slice(2)];
const t0 = performance.now();
const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, COPYDESK_STATS: '1' }, maxBuffer: 1 << 28 });
const seconds = (performance.now() - t0) / 1000;
const rssMB = Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024);
if (!fs.existsSync(path.join(dir, 'out', 'report.json'))) {
  console.error(`bench-hostile: the run wrote no report (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
const words = report.files.reduce((n, f) => n + f.words, 0);
console.log(`exit ${r.status}; ${report.files.length} files, ${words} words in ${seconds.toFixed(1)} s; peak RSS ${rssMB} MB`);
for (const f of report.files) {
  if (f.error) console.log(`  error   ${path.basename(f.path)}: ${f.error.code}: ${f.error.message.split('\n')[0].slice(0, 200)}`);
  if (f.skipped) console.log(`  skipped ${path.basename(f.path)}: ${f.skipped.code}`);
  const notice = f.items.find((i) => i.rule === 'input/markdown-nesting');
  if (notice) console.log(`  notice  ${path.basename(f.path)}: ${notice.message.slice(0, 160)}`);
}
for (const n of ['long-word.txt', 'figures.txt', 'big.txt']) {
  const f = report.files.find((x) => x.path.endsWith(`hostile/${n}`));
  if (f && !f.error) console.log(`  checked ${n}: ${f.words} words, ${f.claims.length} claims, ${f.items.length} items`);
}
fs.rmSync(dir, { recursive: true, force: true });
