// The review server's new write routes: claim reviews, bulk decisions, undo from the history, and
// edits (apply a suggestion, add a word, turn a rule off) — each with the same CSRF, XSS and
// traversal guards as the decisions route.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReview, type RunningReview } from '../../pipeline/review/server.js';
import { validator } from '../../pipeline/validate/schemas.js';
import { runCli } from '../helpers/cli.js';
import { postJson, request, writeHeaders } from './http.js';
import { DESK_ARTICLE, editRun } from './setup.js';

type Run = ReturnType<typeof editRun>;
let run: Run;
let review: RunningReview;

const state = async () => JSON.parse((await request(review.port, { path: '/api/state' })).body);
const claims = async () => JSON.parse((await request(review.port, { path: '/api/claims' })).body).claims as Array<{ id: string; text: string; file: string; review?: { status: string; note?: string } }>;
const onDisk = () => JSON.parse(fs.readFileSync(run.decisions, 'utf8'));
const item = (rule: string, excerpt?: string) => {
  const it = run.items().find((i) => i.rule === rule && (!excerpt || i.excerpt === excerpt));
  if (!it) throw new Error(`no ${rule} item`);
  return it;
};

beforeAll(async () => {
  run = editRun();
  review = await startReview({ outDir: run.out, decisionsFile: run.decisions, port: 0, author: 'desk-a', root: run.cwd });
});
afterAll(async () => {
  await review?.close();
  if (run) fs.rmSync(run.cwd, { recursive: true, force: true });
});

const routes: Array<[string, () => unknown]> = [
  ['/api/bulk', () => ({ status: 'dismissed', ids: [item('sourcing/anonymous-source').id] })],
  ['/api/claim-reviews', () => ({ claims: { 'c-1a6b80e7a5c4': { status: 'wrong' } } })],
  ['/api/undo', () => ({ step: 's-000000000000' })],
  ['/api/apply', () => ({ item: item('spelling/unknown-word', 'comittee').id, suggestion: 0 })],
  ['/api/words', () => ({ item: item('spelling/unknown-word', 'harbour').id, word: 'harbour', target: 'config' })],
  ['/api/ignore-rule', () => ({ item: item('sourcing/anonymous-source').id })],
];

describe('new write routes: CSRF and validation', () => {
  it.each(routes)('%s refuses a missing or wrong token, another origin, a cross-site request, a wrong type, a GET, a bad body', async (route, body) => {
    const b = body();
    const before = fs.readFileSync(run.article, 'utf8');
    const { ['X-Copydesk-Token']: _t, ...noToken } = writeHeaders(review);
    expect((await postJson(review, route, b, noToken)).status).toBe(403);
    expect((await postJson(review, route, b, writeHeaders(review, { 'X-Copydesk-Token': 'f'.repeat(64) }))).status).toBe(403);
    expect((await postJson(review, route, b, writeHeaders(review, { Origin: 'http://evil.example' }))).status).toBe(403);
    const { Origin: _o, ...noOrigin } = writeHeaders(review);
    expect((await postJson(review, route, b, noOrigin)).status).toBe(403);
    expect((await postJson(review, route, b, writeHeaders(review, { 'Sec-Fetch-Site': 'cross-site' }))).status).toBe(403);
    expect((await postJson(review, route, b, writeHeaders(review, { 'Content-Type': 'text/plain' }))).status).toBe(415);
    expect((await request(review.port, { path: route })).status).toBe(405);
    expect((await postJson(review, route, '{"not json')).status).toBe(400);
    expect((await postJson(review, route, { ...(b as object), extra: '<b>' })).status).toBe(400);
    expect(fs.existsSync(run.decisions)).toBe(false);
    expect(fs.readFileSync(run.article, 'utf8')).toBe(before);
  });

  it('takes ids only in their own shapes: no path, no traversal, no unknown id', async () => {
    const bad: Array<[string, unknown]> = [
      ['/api/apply', { item: '../../etc/passwd', suggestion: 0 }],
      ['/api/apply', { item: '0123456789abcdef', suggestion: 0 }],
      ['/api/words', { item: item('spelling/unknown-word', 'harbour').id, word: '../../x', target: 'config' }],
      ['/api/words', { item: item('spelling/unknown-word', 'harbour').id, word: 'two words', target: 'config' }],
      ['/api/words', { item: item('spelling/unknown-word', 'harbour').id, word: 'harbour', target: '/etc/passwd' }],
      ['/api/words', { item: item('spelling/unknown-word', 'harbour').id, word: 'harbour', target: 'config', file: '/etc/passwd' }],
      ['/api/ignore-rule', { item: item('sourcing/anonymous-source').id, rule: 'x', file: '../x.md' }],
      ['/api/claim-reviews', { claims: { '../x': { status: 'wrong' } } }],
      ['/api/claim-reviews', { claims: { 'c-000000000000': { status: 'wrong' } } }],
      ['/api/claim-reviews', { claims: { 'c-1a6b80e7a5c4': { status: 'maybe' } } }],
      ['/api/bulk', { status: 'dismissed', ids: ['0123456789abcdef'] }],
      ['/api/bulk', { status: 'dismissed', ids: [] }],
    ];
    for (const [route, body] of bad) {
      const r = await postJson(review, route, body);
      expect(r.status, `${route} ${JSON.stringify(body)}`).toBe(400);
    }
    expect(fs.readFileSync(run.article, 'utf8')).toBe(DESK_ARTICLE);
    expect(fs.existsSync(path.join(run.cwd, 'copydesk.config.json'))).toBe(false);
  });
});

describe('claim review', () => {
  it('records status, note, assignee, author and time by claim id, keeps hostile text as data, and shows it in state and claims', async () => {
    const all = await claims();
    // An attribution record holds its content: "Officials said ...".
    const officials = all.find((c) => c.text.startsWith('Officials said'))!;
    expect(officials.file).toBe('articles/desk.md');
    const r = await postJson(review, '/api/claim-reviews', { claims: { [officials.id]: { status: 'needs-source', note: '<img src=x onerror=alert(1)> ask the desk', assignee: 'Sam <b>' } } });
    expect(r.status).toBe(200);
    const disk = onDisk();
    expect(validator('decisions')(disk)).toBe(true);
    expect(disk.claims[officials.id]).toMatchObject({ status: 'needs-source', note: '<img src=x onerror=alert(1)> ask the desk', assignee: 'Sam <b>', author: 'desk-a', file: 'articles/desk.md', text: officials.text });
    expect(disk.history.at(-1)).toMatchObject({ source: 'review', author: 'desk-a', count: 1 });
    expect((await state()).claimReviews[officials.id].status).toBe('needs-source');
    expect((await claims()).find((c) => c.id === officials.id)!.review!.status).toBe('needs-source');
    const art = JSON.parse((await request(review.port, { path: '/api/article?file=articles%2Fdesk.md' })).body);
    expect(art.claims.find((c: { id: string }) => c.id === officials.id).review.status).toBe('needs-source');
    // "unchecked" with no note or assignee removes the review.
    const figure = all.find((c) => c.text === '20 percent')!;
    await postJson(review, '/api/claim-reviews', { claims: { [figure.id]: { status: 'wrong' } } });
    await postJson(review, '/api/claim-reviews', { claims: { [figure.id]: { status: 'unchecked' } } });
    expect(onDisk().claims[figure.id]).toBeUndefined();
  });
});

describe('bulk decisions and undo from the history', () => {
  it('dismisses many items as one step, undoes it in one step (also after a "reload"), and keeps what another editor changed since', async () => {
    const ids = run.items().filter((i) => i.rule !== 'spelling/unknown-word').map((i) => i.id);
    const r = await postJson(review, '/api/bulk', { status: 'dismissed', ids, label: 'all but spelling' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).changed).toBe(ids.length);
    for (const id of ids) expect(onDisk().decisions[id]).toMatchObject({ status: 'dismissed', author: 'desk-a' });
    // A new page load gets the undo list from the decisions file's history.
    const s = await state();
    expect(s.undo[0].label).toBe(`Dismissed ${ids.length} items (all but spelling)`);
    // Another editor reopens one of them meanwhile: the undo leaves that one as they set it.
    const other = await startReview({ outDir: run.out, decisionsFile: run.decisions, port: 0, author: 'desk-b', root: run.cwd });
    try {
      const del = await request(other.port, { method: 'DELETE', path: `/api/decisions/${ids[0]}`, headers: writeHeaders(other) });
      expect(del.status).toBe(200);
      // desk-b cannot undo desk-a's step.
      expect((await postJson(other, '/api/undo', { step: s.undo[0].id })).status).toBe(403);
    } finally {
      await other.close();
    }
    const u = await postJson(review, '/api/undo', { step: s.undo[0].id });
    expect(u.status).toBe(200);
    expect(JSON.parse(u.body)).toMatchObject({ reverted: ids.length - 1, kept: 1 });
    for (const id of ids) expect(onDisk().decisions[id]).toBeUndefined();
    expect((await state()).undo.map((x: { id: string }) => x.id)).not.toContain(s.undo[0].id);
    expect((await postJson(review, '/api/undo', { step: s.undo[0].id })).status).toBe(409);
    const history = onDisk().history;
    expect(history.map((h: { author?: string; source: string }) => `${h.author}:${h.source}`)).toEqual(expect.arrayContaining(['desk-a:review', 'desk-b:review', 'desk-a:undo']));
  });
});

describe('edits of the article', () => {
  it('applies a suggestion: the article is edited atomically, re-checked, and the run updated', async () => {
    const it0 = item('spelling/unknown-word', 'comittee');
    const r = await postJson(review, '/api/apply', { item: it0.id, suggestion: 0 });
    expect(r.status, r.body).toBe(200);
    expect(JSON.parse(r.body).message).toContain('Replaced “comittee” with “committee”');
    const text = fs.readFileSync(run.article, 'utf8');
    expect(text).toBe(DESK_ARTICLE.replace('comittee', 'committee'));
    expect(run.items().some((i) => i.excerpt === 'comittee')).toBe(false);
    expect(run.items().some((i) => i.excerpt === '20 percent')).toBe(true);
    const saved = JSON.parse(fs.readFileSync(path.join(run.out, 'articles/articles/desk.md.json'), 'utf8'));
    expect(saved.text).toBe(text);
    expect(fs.readdirSync(path.dirname(run.article)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The old item id is no longer in the run.
    expect((await postJson(review, '/api/apply', { item: it0.id, suggestion: 0 })).status).toBe(400);
  });

  it('refuses with a clear message when the article changed since the run, and changes nothing', async () => {
    const harbour = item('spelling/unknown-word', 'harbour');
    const edited = fs.readFileSync(run.article, 'utf8') + '\nA late paragraph from another editor.\n';
    fs.writeFileSync(run.article, edited);
    const r = await postJson(review, '/api/apply', { item: harbour.id, suggestion: 0 });
    expect(r.status).toBe(409);
    expect(JSON.parse(r.body).error).toBe('articles/desk.md has changed since the run: nothing was changed; run copydesk run again, then reload');
    expect(fs.readFileSync(run.article, 'utf8')).toBe(edited);
    fs.writeFileSync(run.article, edited.replace('\nA late paragraph from another editor.\n', ''));
  });

  it('adds a word to the project word list (creating copydesk.config.json) or to the front matter', async () => {
    const harbour = item('spelling/unknown-word', 'harbour');
    const r = await postJson(review, '/api/words', { item: harbour.id, word: 'harbour', target: 'config' });
    expect(r.status, r.body).toBe(200);
    expect(JSON.parse(fs.readFileSync(path.join(run.cwd, 'copydesk.config.json'), 'utf8'))).toEqual({ words: ['harbour'] });
    expect(run.items().some((i) => i.excerpt === 'harbour')).toBe(false);
    // Front matter: a run with the word flagged again (the config removed).
    fs.rmSync(path.join(run.cwd, 'copydesk.config.json'));
    const again = await postJson(review, '/api/ignore-rule', { item: item('sourcing/anonymous-source').id });
    expect(again.status, again.body).toBe(200);
    const text = fs.readFileSync(run.article, 'utf8');
    expect(text).toMatch(/^---\ntitle: Harbour levy vote delayed\nlanguage: en-US\ncopydesk:\n {2}disable:\n {4}- sourcing\/anonymous-source\n---\n/);
    expect(run.items().some((i) => i.rule === 'sourcing/anonymous-source')).toBe(false);
    const h2 = item('spelling/unknown-word', 'harbour');
    const fm = await postJson(review, '/api/words', { item: h2.id, word: 'harbour', target: 'front-matter' });
    expect(fm.status, fm.body).toBe(200);
    expect(fs.readFileSync(run.article, 'utf8')).toContain('  words:\n    - harbour\n');
    expect(run.items().some((i) => i.excerpt === 'harbour')).toBe(false);
  });

  it('never edits an article outside the folder the server was started in, nor without edits', async () => {
    // A run made from a sub-folder: its article lies outside that folder.
    const inner = path.join(run.cwd, 'sub');
    fs.mkdirSync(inner, { recursive: true });
    const r0 = runCli(['run', '../articles', '--out', 'output', '--no-progress'], { cwd: inner });
    expect([0, 1]).toContain(r0.code);
    const outside = await startReview({ outDir: path.join(inner, 'output'), decisionsFile: path.join(inner, 'd.json'), port: 0, root: inner });
    const noEdits = await startReview({ outDir: run.out, decisionsFile: run.decisions, port: 0, root: run.cwd, edits: false });
    try {
      const items = JSON.parse(fs.readFileSync(path.join(inner, 'output/review-queue.json'), 'utf8')).items as Array<{ id: string; file: string; rule: string }>;
      const far = items.find((i) => i.rule === 'verification/arithmetic')!;
      expect(path.resolve(inner, far.file)).toBe(run.article);
      const before = fs.readFileSync(run.article, 'utf8');
      const r = await postJson(outside, '/api/ignore-rule', { item: far.id });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body).error).toContain('outside');
      const r2 = await postJson(noEdits, '/api/ignore-rule', { item: item('verification/arithmetic').id });
      expect(r2.status).toBe(403);
      expect(fs.readFileSync(run.article, 'utf8')).toBe(before);
    } finally {
      await outside.close();
      await noEdits.close();
    }
  });
});
