#!/usr/bin/env node
// Hand-check sample of figure claims (issue 12 item 5): draws a reproducible random sample of articles
// from ../shared/corpus/bbc, leaving out the 25 BBC dev-gold articles (../shared/acceptance/bbc-dev/gold),
// takes whole articles in that order until the sample holds at least --size figure claims (numeric
// claims of the extract stage; dates left out), and prints each claim with its sentence, the figure in
// [brackets], so that anyone can judge it again: a figure or not, value right or not. The judgements of
// one run are in docs/figure-sample.md.
//
//   node scripts/sample-figures.mjs [--seed 12] [--size 300] [--json]   (after npm run build)
//
// Whole articles, not loose claims: the goal is stated per 1,000 words of the sampled articles.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus/bbc');
const goldDir = path.resolve(root, '../shared/acceptance/bbc-dev/gold');
const dist = path.join(root, 'dist/pipeline');
for (const [what, p] of [['the BBC corpus', corpus], ['the BBC dev gold', goldDir], ['dist/ (run npm run build)', dist]]) {
  if (!fs.existsSync(p)) {
    console.error(`sample-figures: ${what} not found: ${p}`);
    process.exit(2);
  }
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const seed = Number(arg('--seed', '12'));
const size = Number(arg('--size', '300'));
const asJson = process.argv.includes('--json');

const { parseArticle } = await import(path.join(dist, 'parse/index.js'));
const { extractNumeric } = await import(path.join(dist, 'extract/numeric.js'));

// mulberry32: a small seeded generator, so that the same seed draws the same sample everywhere.
function rng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dev = new Set(fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '').replace(/-(\d+)$/, '/$1.txt')));
const files = [];
for (const cat of fs.readdirSync(corpus).sort()) {
  for (const f of fs.readdirSync(path.join(corpus, cat)).sort()) if (f.endsWith('.txt') && !dev.has(`${cat}/${f}`)) files.push(`${cat}/${f}`);
}
const rand = rng(seed);
for (let i = files.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [files[i], files[j]] = [files[j], files[i]];
}

const sample = [];
let words = 0;
const articles = [];
for (const file of files) {
  if (sample.length >= size) break;
  const text = fs.readFileSync(path.join(corpus, file), 'utf8');
  const article = parseArticle(file, text);
  words += text.split(/\s+/).filter(Boolean).length;
  articles.push(file);
  for (const c of extractNumeric(article, { referenceDate: '2005-01-01' })) {
    if (c.kind !== 'numeric') continue;
    const s = article.sentences[c.sentenceIndex];
    const a = s?.start ?? Math.max(0, c.offset - 120);
    const b = s?.end ?? Math.min(text.length, c.endOffset + 120);
    const q = c.quantity;
    const value = q.low !== undefined ? `${q.low}-${q.high}` : String(q.value);
    sample.push({
      n: sample.length + 1,
      file,
      figure: text.slice(c.offset, c.endOffset),
      unit: q.unit + (q.currency ? ` ${q.currency}` : ''),
      kind: q.kind,
      value,
      bound: q.bound,
      approximate: q.approximate,
      sentence: (text.slice(a, c.offset) + '[' + text.slice(c.offset, c.endOffset) + ']' + text.slice(c.endOffset, b)).replace(/\s+/g, ' ').trim(),
    });
  }
}
if (asJson) console.log(JSON.stringify({ seed, articles, words, claims: sample }, null, 1));
else {
  console.log(`sample-figures: seed ${seed}, ${articles.length} articles, ${words} words, ${sample.length} figure claims`);
  for (const c of sample) console.log(`${c.n}\t${c.file}\t${c.kind}/${c.unit}=${c.value}${c.bound !== 'exact' ? ' ' + c.bound : ''}${c.approximate ? ' ~' : ''}\t${c.sentence}`);
}
