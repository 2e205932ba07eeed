// --cache: a second run over an unchanged archive re-checks nothing; a change to the content, the
// effective configuration, the dictionaries or copydesk's version re-checks (tested one by one).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ResultCache, dictionaryIdentity } from '../../pipeline/run/cache.js';
import { runBatch } from '../../pipeline/run/batch.js';
import { findArticles } from '../../pipeline/run/files.js';
import type { FileResult } from '../../pipeline/core/types.js';
import { lintJson, only, SPELLING, tempDir, writeTree } from '../helpers/ci.js';

const A = '# Roads\n\nThe goverment will pay for the new road.\n';
const B = '# Parks\n\nThe park opened on Monday.\n';

async function batch(dir: string, cache: ResultCache): Promise<FileResult[]> {
  const files = await findArticles([dir], dir);
  return runBatch(files, { workers: 0, cache });
}

describe('ResultCache with runBatch', () => {
  it('hits for every unchanged file, marks results cached, and returns the same items', async () => {
    const dir = writeTree(tempDir(), { 'a.md': A, 'b.md': B });
    const loc = path.join(dir, '.copydesk-cache');
    const first = new ResultCache(loc);
    const r1 = await batch(dir, first);
    expect(first.stats).toEqual({ hits: 0, misses: 2, writes: 2 });
    expect(r1.every((r) => r.cached === undefined)).toBe(true);
    const second = new ResultCache(loc);
    const r2 = await batch(dir, second);
    expect(second.stats).toEqual({ hits: 2, misses: 0, writes: 0 });
    expect(r2.every((r) => r.cached === true)).toBe(true);
    expect(r2.map((r) => r.items)).toEqual(r1.map((r) => r.items));
    expect(fs.readFileSync(path.join(loc, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const leftovers = fs.readdirSync(path.join(loc, 'v4')).filter((f) => !f.endsWith('.json'));
    expect(leftovers).toEqual([]);
  });

  it('a content change re-checks only that file', async () => {
    const dir = writeTree(tempDir(), { 'a.md': A, 'b.md': B });
    const loc = path.join(dir, 'cache');
    await batch(dir, new ResultCache(loc));
    fs.writeFileSync(path.join(dir, 'a.md'), A.replace('goverment', 'government'));
    const c = new ResultCache(loc);
    const r = await batch(dir, c);
    expect(c.stats).toMatchObject({ hits: 1, misses: 1 });
    expect(r.find((x) => x.path.endsWith('a.md'))!.cached).toBeUndefined();
    expect(r.find((x) => x.path.endsWith('b.md'))!.cached).toBe(true);
  });

  it('a different dictionary identity or copydesk version re-checks everything', async () => {
    const dir = writeTree(tempDir(), { 'a.md': A, 'b.md': B });
    const loc = path.join(dir, 'cache');
    await batch(dir, new ResultCache(loc));
    expect(dictionaryIdentity()).toMatch(/^dictionary-en@\d+\.\d+\.\d+,dictionary-en-gb@\d+\.\d+\.\d+$/);
    const dict = new ResultCache(loc, { dictionaries: 'dictionary-en@99.0.0,dictionary-en-gb@99.0.0' });
    await batch(dir, dict);
    expect(dict.stats).toMatchObject({ hits: 0, misses: 2 });
    const version = new ResultCache(loc, { version: '99.0.0' });
    await batch(dir, version);
    expect(version.stats).toMatchObject({ hits: 0, misses: 2 });
  });

  it('a damaged entry is a miss and is rewritten', async () => {
    const dir = writeTree(tempDir(), { 'a.md': A });
    const loc = path.join(dir, 'cache');
    await batch(dir, new ResultCache(loc));
    const [entry] = fs.readdirSync(path.join(loc, 'v4'));
    fs.writeFileSync(path.join(loc, 'v4', entry), '{"format":4,"key":');
    const c = new ResultCache(loc);
    const r = await batch(dir, c);
    expect(c.stats).toEqual({ hits: 0, misses: 1, writes: 1 });
    expect(r[0].items.map((i) => i.excerpt)).toEqual(['goverment']);
    expect(JSON.parse(fs.readFileSync(path.join(loc, 'v4', entry), 'utf8').split('\n')[0]).format).toBe(4);
  });
});

describe('copydesk lint --cache (built CLI)', () => {
  const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) }, 'news/a.md': A, 'news/b.md': B });
  const cached = (r: ReturnType<typeof lintJson>) => Object.fromEntries(r.report.files.map((f) => [f.path, f.cached === true]));

  it('the second run over an unchanged archive comes entirely from the cache', () => {
    const first = lintJson(dir, ['news', '--cache']);
    expect(first.code).toBe(1);
    expect(cached(first)).toEqual({ 'news/a.md': false, 'news/b.md': false });
    expect(fs.existsSync(path.join(dir, '.copydesk-cache/v4'))).toBe(true);
    const second = lintJson(dir, ['news', '--cache']);
    expect(second.code).toBe(1);
    expect(cached(second)).toEqual({ 'news/a.md': true, 'news/b.md': true });
    expect(second.report.files.map((f) => f.items)).toEqual(first.report.files.map((f) => f.items));
  });

  it('a configuration change invalidates every file it governs', () => {
    writeTree(dir, { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }), words: ['goverment'] } });
    const r = lintJson(dir, ['news', '--cache']);
    expect(r.code).toBe(0);
    expect(cached(r)).toEqual({ 'news/a.md': false, 'news/b.md': false });
  });

  it('a content change invalidates that file only', () => {
    fs.appendFileSync(path.join(dir, 'news/b.md'), '\nThe comittee met.\n');
    const r = lintJson(dir, ['news', '--cache']);
    expect(cached(r)).toEqual({ 'news/a.md': true, 'news/b.md': false });
    expect(r.code).toBe(1);
  });

  it('decisions apply to cached results, and --cache-location moves the cache', () => {
    const r = lintJson(dir, ['news', '--cache', '--update-baseline']);
    expect(r.code).toBe(0);
    const again = lintJson(dir, ['news', '--cache']);
    expect(again.code).toBe(0);
    expect(cached(again)).toEqual({ 'news/a.md': true, 'news/b.md': true });
    expect(again.report.files.flatMap((f) => f.items).every((i) => i.status === 'dismissed')).toBe(true);
    const elsewhere = lintJson(dir, ['news', '--cache', '--cache-location', 'tmp/cd-cache']);
    expect(cached(elsewhere)).toEqual({ 'news/a.md': false, 'news/b.md': false });
    expect(fs.readdirSync(path.join(dir, 'tmp/cd-cache/v4'))).toHaveLength(2);
  });
});

describe('ResultCache.prune', () => {
  it('drops the entries of deleted articles and of deleted folders, and keeps the rest', async () => {
    const dir = writeTree(tempDir(), { 'x/a.md': A, 'x/b_1.md': B, 'y/c.md': B });
    const loc = path.join(dir, '.copydesk-cache');
    await batch(dir, new ResultCache(loc));
    const entries = () => fs.readdirSync(path.join(loc, 'v4')).sort();
    expect(entries()).toHaveLength(3);
    fs.rmSync(path.join(dir, 'x/b_1.md'));
    fs.rmSync(path.join(dir, 'y'), { recursive: true });
    const c = new ResultCache(loc);
    await batch(dir, c);
    expect(c.stats).toMatchObject({ hits: 1, misses: 0, pruned: 2 });
    expect(entries()).toHaveLength(1);
    // Nothing more to prune: a further run keeps the entry and hits.
    const again = new ResultCache(loc);
    await batch(dir, again);
    expect(again.stats).toEqual({ hits: 1, misses: 0, writes: 0 });
  });

  it('a batch over some of the articles never prunes the others', async () => {
    const dir = writeTree(tempDir(), { 'a.md': A, 'b.md': B });
    const loc = path.join(dir, '.copydesk-cache');
    await batch(dir, new ResultCache(loc));
    const files = await findArticles([path.join(dir, 'a.md')], dir);
    const c = new ResultCache(loc);
    await runBatch(files, { workers: 0, cache: c });
    expect(c.stats.pruned).toBeUndefined();
    expect(fs.readdirSync(path.join(loc, 'v4'))).toHaveLength(2);
  });
});
