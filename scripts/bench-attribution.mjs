#!/usr/bin/env node
// npm run bench:attribution — who said what, on real news (issue 11). Lints the PolNeAR dev articles
// (../shared/polnear) and the BBC dev gold articles (../shared/acceptance/bbc-dev) with dist/, scores
// them with the sets' own scorers, and prints copydesk beside PolNeAR's regex baseline.
// Usage: node scripts/bench-attribution.mjs [--split dev|train]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const cli = path.join(root, 'dist/pipeline/cli.js');
const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev';
for (const p of [cli, path.join(shared, 'polnear/score.mjs'), path.join(shared, 'acceptance/score.mjs')]) {
  if (!fs.existsSync(p)) {
    console.error(`bench:attribution: ${p} is missing${p === cli ? ' (npm run build first)' : ''}`);
    process.exit(2);
  }
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-attr-'));
const node = (args, opts = {}) => spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
const lint = (files, out) => {
  const r = node([cli, 'lint', ...files, '--format', 'json']);
  fs.writeFileSync(out, r.stdout);
};

const S = path.join(shared, 'polnear/score.mjs');
const list = node([S, '--list', '--split', split]).stdout.trim().split('\n').filter(Boolean);
const report = path.join(dir, 'polnear.json');
lint(list, report);
const ours = JSON.parse(node([S, '--report', report, '--split', split, '--json']).stdout);
node([S, '--make-baseline', 'regex', '--out', path.join(dir, 'regex.json'), '--split', split]);
const regex = fs.existsSync(path.join(dir, 'regex.json')) ? JSON.parse(node([S, '--report', path.join(dir, 'regex.json'), '--split', split, '--json']).stdout) : undefined;
const row = (name, j) => {
  const a = j?.all ?? j?.scores?.all ?? j;
  const f = (x) => (typeof x === 'number' ? x.toFixed(3) : '  -  ');
  return `${name.padEnd(10)} P ${f(a?.P ?? a?.precision)}  R ${f(a?.R ?? a?.recall)}  F1 ${f(a?.F1 ?? a?.f1)}`;
};
console.log(`PolNeAR ${split} (${list.length} articles)`);
console.log(row('copydesk', ours));
if (regex) console.log(row('regex', regex));

const gold = path.join(shared, 'acceptance/bbc-dev/gold');
const files = fs.readdirSync(gold).filter((g) => g.endsWith('.json')).map((g) => {
  const c = g.slice(0, g.indexOf('-'));
  const n = g.slice(g.indexOf('-') + 1, -'.json'.length);
  return path.join(shared, 'corpus/bbc', c, `${n}.txt`);
});
const bbc = path.join(dir, 'bbc.json');
lint(files, bbc);
const b = node([path.join(shared, 'acceptance/score.mjs'), '--report', bbc, '--gold', gold]).stdout;
const m = /attributions (\d+\/\d+ \(\d+%\))/.exec(b);
console.log(`BBC dev gold (${files.length} articles): attributions ${m ? m[1] : '?'}`);
fs.rmSync(dir, { recursive: true, force: true });
