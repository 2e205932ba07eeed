#!/usr/bin/env node
// npm run bench:quality — precision and recall of copydesk's checks on real news text.
//
// Over ../shared/corpus/bbc (BBC News 2004-05, British spelling; language en-GB):
//  1. False positives per 1,000 words for EVERY registered check rule: every item on the unmodified
//     text counts, except genuine errors verified by hand (scripts/data/bbc-genuine-errors.json).
//  2. Typo recall: a seeded PRNG picks words in the articles that have a known misspelling
//     (scripts/data/misspellings.json) and replaces them; a typo counts as found when
//     spelling/unknown-word reports exactly its span. Top-1: the first suggestion is the original word.
//  3. The same figures for nspell alone (every word token the en-GB dictionary rejects) and for
//     harper.js (British dialect), on the same text in the same run. harper is slow (~4k words/s), so it
//     runs on a fixed seeded sample of articles (--harper-sample, default 150); copydesk and nspell are
//     also shown on that sample.
//  4. Words per second of spelling/unknown-word alone, and of the whole checkArticle (one thread).
//
// Runs against dist/ (npm run build first). Options: --json, --corpus DIR, --seed N, --typos N (per
// article, default 3), --harper-sample N (0 = skip harper), --limit N (first N articles), --dump FILE
// (every item on the unmodified text, with context, for reviewing the allow-list).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist/pipeline');
if (!fs.existsSync(path.join(dist, 'core/article.js'))) {
  console.error('bench:quality: dist/pipeline/core/article.js is missing: run `npm run build` first.');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { json: false, corpus: path.resolve(root, '../shared/corpus/bbc'), seed: 1, typos: 3, harperSample: 150, limit: 0, dump: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--corpus') o.corpus = path.resolve(val());
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--typos') o.typos = Number(val());
    else if (a === '--harper-sample') o.harperSample = Number(val());
    else if (a === '--limit') o.limit = Number(val());
    else if (a === '--dump') o.dump = path.resolve(val());
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(`bench:quality: ${err.message}`);
  process.exit(2);
}
if (!fs.existsSync(opts.corpus)) {
  console.error(`bench:quality: corpus ${opts.corpus} not found (expected ../shared/corpus/bbc beside the repository).`);
  process.exit(2);
}

const { checkArticle } = await import(path.join(dist, 'core/article.js'));
const { defaultConfig } = await import(path.join(dist, 'run/config.js'));
const { parseArticle } = await import(path.join(dist, 'parse/index.js'));
const { stageRules } = await import(path.join(dist, 'core/stages.js'));
const { unknownWord } = await import(path.join(dist, 'check/spelling/unknown-word.js'));
const { default: nspell } = await import('nspell');
const { default: enGB } = await import('dictionary-en-gb');

const SPELLING = 'spelling/unknown-word';
const config = { ...defaultConfig(), language: 'en-GB' };
// The same corpus with no language configured: each article's dialect is detected (issue 13).
const autoConfig = defaultConfig();
let autoSpellingFP = 0;
const log = (...a) => {
  if (!opts.json) process.stderr.write(`${a.join(' ')}\n`);
};

// ---------------------------------------------------------------- data
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const files = fs
  .readdirSync(opts.corpus, { recursive: true })
  .filter((f) => String(f).endsWith('.txt'))
  .map((f) => String(f).split(path.sep).join('/'))
  .sort();
const articles = (opts.limit ? files.slice(0, opts.limit) : files).map((rel) => ({ rel, text: fs.readFileSync(path.join(opts.corpus, rel), 'utf8') }));

const plain = nspell({ aff: Buffer.from(enGB.aff), dic: Buffer.from(enGB.dic) });
const plainCorrect = (w) => plain.correct(w.replace(/’/g, "'"));

const misspellData = JSON.parse(fs.readFileSync(path.join(root, 'scripts/data/misspellings.json'), 'utf8')).misspellings;
const typosOf = new Map();
let dropped = 0;
let listed = 0;
for (const [right, wrongs] of Object.entries(misspellData)) {
  const ok = wrongs.filter((w) => {
    listed++;
    if (plainCorrect(w) || plainCorrect(w[0].toUpperCase() + w.slice(1))) {
      dropped++;
      return false;
    }
    return true;
  });
  if (ok.length && plainCorrect(right)) typosOf.set(right, ok);
}

const allowData = JSON.parse(fs.readFileSync(path.join(root, 'scripts/data/bbc-genuine-errors.json'), 'utf8'));
const allow = new Set(allowData.errors.map((e) => `${e.file}|${e.rule}|${e.excerpt}`));
const allowedSpelling = new Set(allowData.errors.filter((e) => e.rule === SPELLING).map((e) => `${e.file}|${e.excerpt}`));

// ---------------------------------------------------------------- injection
const rng = mulberry32(opts.seed);
const WORD = /[A-Za-z]+/g;
function inject(text) {
  const cands = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const lower = w.toLowerCase();
    if (!typosOf.has(lower)) continue;
    if (w.length > 1 && w === w.toUpperCase()) continue; // headline capitals
    if (w !== lower && w.slice(1) !== lower.slice(1)) continue;
    if (/[-’'.]/.test(text[m.index - 1] ?? '') || /[-’']/.test(text[m.index + w.length] ?? '')) continue; // part of a compound
    cands.push({ start: m.index, end: m.index + w.length, word: w });
  }
  // Seeded shuffle, then keep up to opts.typos.
  for (let i = cands.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [cands[i], cands[j]] = [cands[j], cands[i]];
  }
  const picked = cands.slice(0, opts.typos).sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  let shift = 0;
  const spans = [];
  for (const c of picked) {
    const options = typosOf.get(c.word.toLowerCase());
    let typo = options[Math.floor(rng() * options.length)];
    if (c.word[0] !== c.word[0].toLowerCase()) typo = typo[0].toUpperCase() + typo.slice(1);
    out += text.slice(last, c.start) + typo;
    last = c.end;
    spans.push({ start: c.start + shift, end: c.start + shift + typo.length, typo, original: c.word });
    shift += typo.length - c.word.length;
  }
  out += text.slice(last);
  return { text: out, spans };
}

// ---------------------------------------------------------------- harper sample
const sampleRng = mulberry32(opts.seed * 7919 + 13);
const order = articles.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(sampleRng() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const sample = new Set(order.slice(0, Math.min(opts.harperSample, articles.length)));

// ---------------------------------------------------------------- run
const checkIds = stageRules.check.map((r) => r.meta.id);
const perRule = new Map(checkIds.map((id) => [id, { items: 0, allowed: 0 }]));
const nonCheck = new Map();
const stats = {
  words: 0,
  sampleWords: 0,
  copydesk: { injected: 0, found: 0, top1: 0, sampleInjected: 0, sampleFound: 0, sampleSpellingFP: 0 },
  nspell: { flagged: 0, allowed: 0, found: 0, sampleFlagged: 0, sampleFound: 0 },
  harper: { lints: 0, spellingLints: 0, allowed: 0, found: 0, injected: 0, byKind: {}, ms: 0 },
};
const dump = [];
const misses = [];
let pipelineMs = 0;
let pipelineWords = 0;

let harperLinter;
if (opts.harperSample > 0) {
  try {
    const { LocalLinter, Dialect } = await import('harper.js');
    const { binary } = await import('harper.js/binary');
    harperLinter = new LocalLinter({ binary, dialect: Dialect.British });
    await harperLinter.setup();
  } catch (err) {
    log(`harper.js unavailable (${err.message}); its column is skipped.`);
  }
}
async function harperLints(text) {
  const t0 = performance.now();
  const lints = await harperLinter.lint(text, { language: 'plaintext' });
  const out = lints.map((l) => {
    const s = l.span();
    const r = { kind: l.lint_kind(), start: s.start, end: s.end };
    s.free?.();
    l.free();
    return r;
  });
  stats.harper.ms += performance.now() - t0;
  return out;
}
const isHarperSpelling = (k) => k === 'Spelling' || k === 'Typo';

function nspellFlags(article) {
  const out = [];
  for (const t of article.tokens) if (t.kind === 'word' && !plainCorrect(t.text)) out.push(t);
  return out;
}

let n = 0;
for (const [idx, { rel, text }] of articles.entries()) {
  if (++n % 200 === 0) log(`  ${n}/${articles.length}`);
  const inSample = sample.has(idx);
  // Unmodified text: false positives.
  let t0 = performance.now();
  const result = checkArticle({ path: rel, text }, config);
  pipelineMs += performance.now() - t0;
  stats.words += result.words;
  pipelineWords += result.words;
  if (inSample) stats.sampleWords += result.words;
  for (const it of result.items) {
    const key = `${rel}|${it.rule}|${it.excerpt}`;
    const isAllowed = allow.has(key);
    const bucket = perRule.get(it.rule) ?? nonCheck.get(it.rule) ?? { items: 0, allowed: 0 };
    if (!perRule.has(it.rule)) nonCheck.set(it.rule, bucket);
    bucket.items++;
    if (isAllowed) bucket.allowed++;
    else if (inSample && it.rule === SPELLING) stats.copydesk.sampleSpellingFP++;
    if (opts.dump) dump.push({ file: rel, rule: it.rule, excerpt: it.excerpt, allowed: isAllowed, message: it.message, context: text.slice(Math.max(0, it.offset - 60), it.endOffset + 60).replace(/\s+/g, ' ') });
  }
  for (const it of checkArticle({ path: rel, text }, autoConfig).items) if (it.rule === SPELLING && !allow.has(`${rel}|${it.rule}|${it.excerpt}`)) autoSpellingFP++;
  const parsed = parseArticle(rel, text);
  for (const t of nspellFlags(parsed)) {
    const a = allowedSpelling.has(`${rel}|${text.slice(t.start, t.end)}`) || allowedSpelling.has(`${rel}|${text.slice(t.start, t.end).replace(/['’]s?$/, '')}`);
    if (a) stats.nspell.allowed++;
    else {
      stats.nspell.flagged++;
      if (inSample) stats.nspell.sampleFlagged++;
    }
  }
  let hOrig;
  if (inSample && harperLinter) {
    hOrig = await harperLints(text);
    for (const l of hOrig) {
      const excerpt = text.slice(l.start, l.end);
      if (isHarperSpelling(l.kind) && allowedSpelling.has(`${rel}|${excerpt}`)) {
        stats.harper.allowed++;
        continue;
      }
      stats.harper.lints++;
      if (isHarperSpelling(l.kind)) stats.harper.spellingLints++;
      stats.harper.byKind[l.kind] = (stats.harper.byKind[l.kind] ?? 0) + 1;
    }
  }
  // Injected typos: recall.
  const inj = inject(text);
  if (!inj.spans.length) continue;
  t0 = performance.now();
  const modified = checkArticle({ path: rel, text: inj.text }, config);
  pipelineMs += performance.now() - t0;
  pipelineWords += modified.words;
  const spellItems = modified.items.filter((it) => it.rule === SPELLING);
  const nsp = nspellFlags(parseArticle(rel, inj.text));
  const hMod = inSample && harperLinter ? await harperLints(inj.text) : undefined;
  for (const s of inj.spans) {
    stats.copydesk.injected++;
    const hit = spellItems.find((it) => it.offset === s.start && it.endOffset === s.end);
    if (hit) {
      stats.copydesk.found++;
      if ((hit.suggestions[0] ?? '').toLowerCase() === s.original.toLowerCase()) stats.copydesk.top1++;
    } else misses.push({ file: rel, typo: s.typo, original: s.original, context: inj.text.slice(Math.max(0, s.start - 40), s.end + 40).replace(/\s+/g, ' ') });
    const nHit = nsp.some((t) => t.start === s.start && t.end === s.end);
    if (nHit) stats.nspell.found++;
    if (inSample) {
      stats.copydesk.sampleInjected++;
      if (hit) stats.copydesk.sampleFound++;
      if (nHit) stats.nspell.sampleFound++;
      if (hMod) {
        stats.harper.injected++;
        if (hMod.some((l) => isHarperSpelling(l.kind) && l.start === s.start && l.end === s.end)) stats.harper.found++;
      }
    }
  }
}
if (harperLinter) await harperLinter.dispose?.();

// ---------------------------------------------------------------- speed of the spelling rule alone
const parsedAll = articles.map(({ rel, text }) => parseArticle(rel, text));
const ctxOf = (article) => ({ article, claims: [], config, options: {}, report: () => {} });
const speed = [];
for (let pass = 0; pass < 2; pass++) {
  const t0 = performance.now();
  for (const a of parsedAll) unknownWord.check(ctxOf(a));
  speed.push(performance.now() - t0);
}

// ---------------------------------------------------------------- report
const per1k = (count, words) => (words ? (count / words) * 1000 : 0);
const pct = (a, b) => (b ? (100 * a) / b : 0);
const rules = [...perRule.entries(), ...nonCheck.entries()].map(([id, b]) => {
  const fp = b.items - b.allowed;
  const target = id === SPELLING ? 1 : 0.5;
  return { rule: id, items: b.items, allowed: b.allowed, falsePositives: fp, per1k: per1k(fp, stats.words), rawPer1k: per1k(b.items, stats.words), target, pass: per1k(fp, stats.words) <= target };
});
const spellingRow = rules.find((r) => r.rule === SPELLING);
const out = {
  corpus: path.relative(root, opts.corpus) || opts.corpus,
  articles: articles.length,
  words: stats.words,
  language: 'en-GB',
  seed: opts.seed,
  allowList: { file: 'scripts/data/bbc-genuine-errors.json', entries: allowData.errors.length },
  rules,
  typos: {
    misspellingsListed: listed,
    misspellingsDroppedAsDictionaryWords: dropped,
    injected: stats.copydesk.injected,
    copydesk: { found: stats.copydesk.found, recall: pct(stats.copydesk.found, stats.copydesk.injected), top1: pct(stats.copydesk.top1, stats.copydesk.found), spellingFPper1k: spellingRow?.per1k ?? 0, spellingFPper1kNoLanguageConfigured: per1k(autoSpellingFP, stats.words) },
    nspellAlone: { found: stats.nspell.found, recall: pct(stats.nspell.found, stats.copydesk.injected), spellingFPper1k: per1k(stats.nspell.flagged, stats.words), allowListed: stats.nspell.allowed },
  },
  harperSample: harperLinter
    ? {
        articles: sample.size,
        words: stats.sampleWords,
        injected: stats.harper.injected,
        copydesk: { recall: pct(stats.copydesk.sampleFound, stats.copydesk.sampleInjected), spellingFPper1k: per1k(stats.copydesk.sampleSpellingFP, stats.sampleWords) },
        nspellAlone: { recall: pct(stats.nspell.sampleFound, stats.copydesk.sampleInjected), spellingFPper1k: per1k(stats.nspell.sampleFlagged, stats.sampleWords) },
        harper: {
          version: '2.10.0',
          recall: pct(stats.harper.found, stats.harper.injected),
          spellingFPper1k: per1k(stats.harper.spellingLints, stats.sampleWords),
          allLintsPer1k: per1k(stats.harper.lints, stats.sampleWords),
          byKind: stats.harper.byKind,
          wordsPerSecond: (2 * stats.sampleWords) / (stats.harper.ms / 1000 || 1),
        },
      }
    : null,
  speed: {
    spellingRuleWordsPerSecondFirstPass: stats.words / (speed[0] / 1000),
    spellingRuleWordsPerSecondSecondPass: stats.words / (speed[1] / 1000),
    checkArticleWordsPerSecondOneThread: pipelineWords / (pipelineMs / 1000),
  },
  missedTypos: misses.slice(0, 50),
};
if (opts.dump) fs.writeFileSync(opts.dump, JSON.stringify(dump, null, 1));

if (opts.json) {
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const f = (x, d = 2) => x.toFixed(d);
  const pad = (s, w) => String(s).padEnd(w);
  const lpad = (s, w) => String(s).padStart(w);
  const L = [];
  L.push(`copydesk bench:quality — ${out.articles} articles, ${out.words.toLocaleString('en-GB')} words (${out.corpus}), language en-GB, seed ${out.seed}`);
  L.push('');
  L.push(`False positives per 1,000 words on the unmodified text (every item counts, except ${out.allowList.entries} genuine errors verified by hand in ${out.allowList.file})`);
  L.push(`${pad('rule', 34)}${lpad('items', 7)}${lpad('genuine', 9)}${lpad('FP/1k', 8)}${lpad('raw/1k', 8)}${lpad('target', 8)}  ok`);
  for (const r of rules) L.push(`${pad(r.rule, 34)}${lpad(r.items, 7)}${lpad(r.allowed, 9)}${lpad(f(r.per1k), 8)}${lpad(f(r.rawPer1k), 8)}${lpad(`≤${r.target}`, 8)}  ${r.pass ? 'yes' : 'NO'}`);
  L.push('');
  L.push(`Typo recall: ${out.typos.injected} real misspellings injected (up to ${opts.typos} per article, seeded; ${out.typos.misspellingsListed} listed in scripts/data/misspellings.json, ${out.typos.misspellingsDroppedAsDictionaryWords} dropped because the dictionary accepts them)`);
  L.push(`${pad('', 24)}${lpad('recall', 9)}${lpad('top-1 sugg.', 13)}${lpad('spelling FP/1k', 16)}`);
  L.push(`${pad('copydesk', 24)}${lpad(`${f(out.typos.copydesk.recall, 1)}%`, 9)}${lpad(`${f(out.typos.copydesk.top1, 1)}%`, 13)}${lpad(f(out.typos.copydesk.spellingFPper1k), 16)}`);
  L.push(`${pad('copydesk, no language', 24)}${lpad('-', 9)}${lpad('-', 13)}${lpad(f(out.typos.copydesk.spellingFPper1kNoLanguageConfigured), 16)}   (dialect detected per article)`);
  L.push(`${pad('nspell alone (en-GB)', 24)}${lpad(`${f(out.typos.nspellAlone.recall, 1)}%`, 9)}${lpad('-', 13)}${lpad(f(out.typos.nspellAlone.spellingFPper1k), 16)}`);
  L.push('');
  if (out.harperSample) {
    const h = out.harperSample;
    L.push(`harper.js comparison on a fixed seeded sample of ${h.articles} articles (${h.words.toLocaleString('en-GB')} words, ${h.injected} injected typos): harper runs at ~${Math.round(h.harper.wordsPerSecond).toLocaleString('en-GB')} words/s, too slow for the whole corpus`);
    L.push(`${pad('', 24)}${lpad('recall', 9)}${lpad('spelling FP/1k', 16)}${lpad('all items FP/1k', 17)}`);
    L.push(`${pad('copydesk', 24)}${lpad(`${f(h.copydesk.recall, 1)}%`, 9)}${lpad(f(h.copydesk.spellingFPper1k), 16)}${lpad('-', 17)}`);
    L.push(`${pad('nspell alone (en-GB)', 24)}${lpad(`${f(h.nspellAlone.recall, 1)}%`, 9)}${lpad(f(h.nspellAlone.spellingFPper1k), 16)}${lpad('-', 17)}`);
    L.push(`${pad('harper.js 2.10 (British)', 24)}${lpad(`${f(h.harper.recall, 1)}%`, 9)}${lpad(f(h.harper.spellingFPper1k), 16)}${lpad(f(h.harper.allLintsPer1k), 17)}`);
    L.push(`  harper lints by kind: ${Object.entries(h.harper.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    L.push('');
  }
  L.push(`Speed: spelling/unknown-word alone ${Math.round(out.speed.spellingRuleWordsPerSecondFirstPass).toLocaleString('en-GB')} words/s (first pass: builds the speller, empty caches), ${Math.round(out.speed.spellingRuleWordsPerSecondSecondPass).toLocaleString('en-GB')} words/s (second pass)`);
  L.push(`       whole checkArticle in this process (one thread) ${Math.round(out.speed.checkArticleWordsPerSecondOneThread).toLocaleString('en-GB')} words/s`);
  if (misses.length) {
    L.push('');
    L.push(`Missed typos (${stats.copydesk.injected - stats.copydesk.found}; first ${Math.min(10, misses.length)}):`);
    for (const m of misses.slice(0, 10)) L.push(`  ${m.file}: “${m.typo}” for “${m.original}” … ${m.context} …`);
  }
  process.stdout.write(`${L.join('\n')}\n`);
}
