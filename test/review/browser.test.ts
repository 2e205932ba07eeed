// The review page in a real browser: Debian's Chromium driven by playwright-core. One file, so the
// browser tests never run in parallel with each other; generous timeouts for a 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, tempDir } from '../helpers/cli.js';
import type { Result as AxeResult } from 'axe-core';
import { repoRoot } from '../helpers/shared.js';
import { claimsFileFor, writeRunOutputs } from '../../pipeline/run/outputs.js';
import { startReview, type RunningReview } from '../../pipeline/review/server.js';
import type { Claim, FileResult, Item } from '../../pipeline/core/types.js';
import { launchChromium, type Browser } from './chromium.js';
import { editRun, hostileItem, sampleRun, type SampleRun } from './setup.js';
import { runCli } from '../helpers/cli.js';

const artifacts = path.join(repoRoot, 'test-artifacts');
const docsShot = path.join(repoRoot, 'docs/review.png');
const docsClaims = path.join(repoRoot, 'docs/review-claims.png');
const docsPolicy = path.join(repoRoot, 'docs/review-policy.png');
const AXE = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 60_000;

let run: SampleRun;
let child: ChildProcess;
let url: string;
let browser: Browser;

/** Starts `copydesk review output --port 0` and waits for the URL it prints. */
function startCli(cwd: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [cliPath, 'review', 'output', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`copydesk review printed no URL: ${out}${err}`)), 20_000);
    c.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child: c, url: m[1] });
      }
    });
    c.stderr!.on('data', (d: Buffer) => (err += d));
    c.on('exit', (code) => reject(new Error(`copydesk review exited (${code}): ${err}`)));
  });
}

interface Watch {
  dialogs: string[];
  errors: string[];
}
async function open(target: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.context.newPage();
  const watch: Watch = { dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  await page.goto(target);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return { page, watch };
}

/** Nothing injected: no alert, no element made from article or queue strings. */
async function expectNoInjection(page: Page, watch: Watch, scripts: number): Promise<void> {
  expect(watch.dialogs).toEqual([]);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(scripts);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
  expect(await page.locator('[onerror]').count()).toBe(0);
}

/**
 * axe-core over the whole page (every rule it runs by default: WCAG 2.x A/AA and best practices).
 * Injected through the DevTools protocol, which the page's CSP does not govern.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => (await (window as unknown as { axe: { run(d: Document): Promise<{ violations: AxeResult[] }> } }).axe.run(document)).violations)) as AxeResult[];
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

const count = (page: Page, status: string) => page.locator(`#totals .count-${status} b`).textContent();
const decisionsOnDisk = () => (fs.existsSync(run.decisions) ? JSON.parse(fs.readFileSync(run.decisions, 'utf8')).decisions : {});

beforeAll(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  run = sampleRun();
  ({ child, url } = await startCli(run.cwd));
  browser = await launchChromium(); // installs Debian's chromium first when it is missing (as root)
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
  if (run) fs.rmSync(run.cwd, { recursive: true, force: true });
});

describe('review page (copydesk review, Chromium)', () => {
  it('renders the hostile article as text: no script runs, no element is injected', { timeout: TIMEOUT }, async () => {
    const { page, watch } = await open(`${url}#file=${encodeURIComponent('articles/xss.md')}`);
    await page.waitForSelector('#text .text-body');
    const text = await page.locator('#text').textContent();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(text).toContain('[click](javascript:alert(1))');
    expect(await page.locator('.article-heading').textContent()).toBe('"><img src=x onerror=alert(1)> Harbour board <b>bold</b> claims');
    // Open the item whose message quotes the script tag.
    await page.keyboard.press('j');
    expect(await page.locator('#detail .message').textContent()).toContain('<script>alert(1)</script>');
    await expectNoInjection(page, watch, 1);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('dismisses with d (counts update at once), keeps it across a reload and in the decisions file; u undoes', { timeout: TIMEOUT }, async () => {
    const target = hostileItem(run);
    const { page, watch } = await open(`${url}#file=${encodeURIComponent('articles/xss.md')}`);
    expect(await count(page, 'dismissed')).toBe('0');
    const open0 = Number(await count(page, 'open'));
    await page.keyboard.press('j');
    expect(await page.locator('.item-row.current').getAttribute('data-id')).toBe(target.id);
    await page.keyboard.press('d');
    expect(await count(page, 'dismissed')).toBe('1');
    expect(await count(page, 'open')).toBe(String(open0 - 1));
    await expect.poll(() => decisionsOnDisk()[target.id]?.status, { timeout: 5000 }).toBe('dismissed');
    expect(decisionsOnDisk()[target.id]).toMatchObject({ rule: 'input/front-matter', file: 'articles/xss.md' });

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await count(page, 'dismissed')).toBe('1');
    expect(await page.locator(`.item-row[data-id="${target.id}"]`).getAttribute('class')).toContain('st-dismissed');
    await page.locator(`.item-row[data-id="${target.id}"]`).click();
    expect(await page.locator('#detail .detail-head .status').textContent()).toBe('dismissed');

    // j/k move through the items; a accepts, u undoes, n writes a note saved with the decision.
    await page.keyboard.press('j');
    const second = await page.locator('.item-row.current').getAttribute('data-id');
    expect(second).not.toBe(target.id);
    await page.keyboard.press('k');
    expect(await page.locator('.item-row.current').getAttribute('data-id')).toBe(target.id);
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    expect(await count(page, 'accepted')).toBe('1');
    await expect.poll(() => decisionsOnDisk()[second!]?.status, { timeout: 5000 }).toBe('accepted');
    await page.keyboard.press('u');
    await expect.poll(() => count(page, 'accepted'), { timeout: 5000 }).toBe('0');
    await expect.poll(() => decisionsOnDisk()[second!], { timeout: 5000 }).toBeUndefined();
    await page.locator(`.item-row[data-id="${second}"]`).click();
    await page.keyboard.press('n');
    await page.locator('#note-input').fill('Checked with the desk: <i>fine</i>');
    await page.keyboard.press('Enter');
    await expect.poll(() => decisionsOnDisk()[second!], { timeout: 5000 }).toMatchObject({ status: 'dismissed', note: 'Checked with the desk: <i>fine</i>' });
    expect(await count(page, 'dismissed')).toBe('2');
    await page.locator(`.item-row[data-id="${second}"]`).click();
    expect(await page.locator('#detail .note').textContent()).toContain('Checked with the desk: <i>fine</i>');
    expect(await page.locator('#detail i').count()).toBe(0);
    await expectNoInjection(page, watch, 1);

    // A screenshot of a realistic article for the test artifacts (and the README when asked).
    await page.goto(`${url}#file=${encodeURIComponent('articles/ferry.md')}`);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.keyboard.press('j');
    await page.waitForSelector('#text .text-body');
    await page.screenshot({ path: path.join(artifacts, 'review-page.png') });
    if (process.env.UPDATE_DOCS_SCREENSHOT || !fs.existsSync(docsShot)) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: docsShot });
    }
    expect(fs.statSync(path.join(artifacts, 'review-page.png')).size).toBeGreaterThan(10_000);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

describe('item detail (synthetic run with a claim and evidence)', () => {
  let review: RunningReview;
  let dir: string;
  const text = 'Ferry ridership rose from 200,000 to 250,000, an increase of 40 percent, the transit authority said.\n\nOfficials said <em>nothing</em> else.\n';
  const at = (s: string) => ({ offset: text.indexOf(s), endOffset: text.indexOf(s) + s.length, line: 1, column: text.indexOf(s) + 1, endLine: 1, endColumn: text.indexOf(s) + s.length + 1 });
  const evidence = [
    { kind: 'computed' as const, message: 'From 200,000 to 250,000 is a rise of 25 percent, not 40.', expected: 25, actual: 40, url: 'javascript:alert(1)' },
    { kind: 'fact' as const, message: 'Annual report, table 3', source: 'Transit authority annual report', url: 'https://example.org/report' },
  ];

  beforeAll(async () => {
    dir = tempDir('copydesk-review-detail-');
    const articlePath = path.join(dir, 'ferry.md');
    fs.writeFileSync(articlePath, text);
    const claim: Claim = {
      id: 'c-0123456789ab',
      kind: 'numeric',
      text: '40 percent',
      sentenceIndex: 0,
      sentenceOffset: 0,
      sentenceEndOffset: text.split('\n')[0].length,
      ...at('40 percent'),
      quantity: { value: 40, unit: 'percent', approximate: false, bound: 'exact', change: 'increase' },
      // The figure points to the attribution record of its sentence; it carries no copy of it.
      attributionId: 'c-0123456789ac',
      verdict: 'contradicted',
      evidence,
    };
    const source = 'the transit authority said';
    const record: Claim = {
      id: 'c-0123456789ac',
      kind: 'attribution',
      text: source,
      sentenceIndex: 0,
      sentenceOffset: 0,
      sentenceEndOffset: text.split('\n')[0].length,
      ...at(source),
      attribution: { source: 'the transit authority', sourceType: 'organization', cue: 'said', direct: false, inherited: false, cueSpan: { offset: text.indexOf(' said') + 1, endOffset: text.indexOf(' said') + 5 }, sourceSpan: { offset: text.indexOf('the transit'), endOffset: text.indexOf(' said') } },
    };
    const item: Item = {
      id: '00000000000000a1',
      rule: 'verification/arithmetic',
      category: 'verification',
      severity: 'error',
      message: 'The percentage does not match the figures: 25%, not 40%.',
      excerpt: '40 percent',
      ...at('40 percent'),
      suggestions: ['25 percent'],
      claimId: claim.id,
      evidence,
      status: 'open',
    };
    const result: FileResult = { path: articlePath, words: 17, title: 'Synthetic ferry', claims: [claim, record], items: [item] };
    await writeRunOutputs(path.join(dir, 'output'), [result]);
    review = await startReview({ outDir: path.join(dir, 'output'), decisionsFile: path.join(dir, 'decisions.json'), port: 0 });
  }, TIMEOUT);
  afterAll(async () => {
    await review?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('clicking a highlight shows message, suggestions, the claim’s quantity and source, and the evidence', { timeout: TIMEOUT }, async () => {
    const { page, watch } = await open(review.url);
    await page.waitForSelector('#text .text-body');
    expect(await page.locator('#text .claim').count()).toBeGreaterThan(0);
    await page.locator('mark[data-items~="00000000000000a1"]').first().click();
    const detail = page.locator('#detail');
    await expect.poll(() => detail.locator('.message').textContent()).toBe('The percentage does not match the figures: 25%, not 40%.');
    expect(await detail.locator('.suggestion').allTextContents()).toEqual(['25 percent']);
    const facts = await detail.locator('.claim-detail > .facts').textContent();
    expect(facts).toContain('40 percent (increase)');
    expect(facts).toContain('the transit authority — organization');
    expect(facts).toContain('contradicted');
    // The figure's source is read through its reference, and links to the attribution record.
    const link = detail.locator('.claim-detail > .facts .source-link');
    expect(await link.textContent()).toBe('the transit authority — organization');
    // The open figure marks its record's cue and source mention in the text.
    expect(await page.locator('#text .att-cue').allTextContents()).toEqual(['said']);
    expect((await page.locator('#text .att-source').allTextContents()).join('')).toBe('the transit authority');
    expect(await detail.textContent()).toContain('From 200,000 to 250,000 is a rise of 25 percent, not 40.');
    // Only http(s) evidence links become links; javascript: stays text.
    expect(await detail.locator('a[href="https://example.org/report"]').count()).toBe(1);
    expect(await detail.textContent()).toContain('javascript:alert(1)');
    expect(await page.locator('#text em').count()).toBe(0);
    // Following the source link opens the attribution record itself.
    await link.click();
    await expect.poll(() => page.locator('#detail .claim-detail .claim-text').first().textContent()).toBe('the transit authority said');
    await expectNoInjection(page, watch, 1);
    await page.close();
  });

  it('report.html opens from disk (file://), read-only, with the same view and nothing injected', { timeout: TIMEOUT }, async () => {
    const file = path.join(run.out, 'report.html');
    const { page, watch } = await open(pathToFileURL(file).href + `#file=${encodeURIComponent('articles/xss.md')}`);
    await page.waitForSelector('#text .text-body');
    expect(await page.locator('.badge-readonly').count()).toBe(1);
    expect(await page.locator('.item-row').count()).toBeGreaterThan(0);
    const queue = run.items();
    expect(await page.locator('#articles .article').count()).toBe(1 + 4);
    expect(Number(await count(page, 'open')) + Number(await count(page, 'accepted')) + Number(await count(page, 'dismissed'))).toBe(queue.length);
    expect(await page.locator('#text').textContent()).toContain('<script>alert(1)</script>');
    await page.keyboard.press('j');
    expect(await page.locator('#detail .message').textContent()).toContain('<script>alert(1)</script>');
    const before = await count(page, 'dismissed');
    await page.keyboard.press('d');
    expect(await count(page, 'dismissed')).toBe(before);
    expect(await page.locator('#toast').textContent()).toContain('read-only');
    await page.screenshot({ path: path.join(artifacts, 'report-html.png') });
    await expectNoInjection(page, watch, 2); // the JSON data block and the app script
    expect(watch.errors).toEqual([]); // includes CSP violations: the hashes allow exactly the inline script and style
    await page.close();
  });
});

describe('the editor’s workflow (a run of one article the tests may edit)', () => {
  let edit: ReturnType<typeof editRun>;
  let review: RunningReview;
  const ondisk = () => (fs.existsSync(edit.decisions) ? JSON.parse(fs.readFileSync(edit.decisions, 'utf8')) : { decisions: {} });
  const itemOf = (rule: string, excerpt?: string) => edit.items().find((i) => i.rule === rule && (!excerpt || i.excerpt === excerpt))!;

  beforeAll(async () => {
    edit = editRun();
    review = await startReview({ outDir: edit.out, decisionsFile: edit.decisions, decisionsLabel: 'copydesk.decisions.json', port: 0, author: 'desk-a', root: edit.cwd });
  }, TIMEOUT);
  afterAll(async () => {
    await review?.close();
    if (edit) fs.rmSync(edit.cwd, { recursive: true, force: true });
  });

  it('axe-core finds no violation on the sample run (served page and report.html), in both views', { timeout: TIMEOUT }, async () => {
    const { page } = await open(`${url}#file=${encodeURIComponent('articles/ferry.md')}`);
    await page.waitForSelector('#text .text-body');
    await page.keyboard.press('j');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-view="claims"]').click();
    await page.waitForSelector('.claim-row');
    await page.keyboard.press('j');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(pathToFileURL(path.join(run.out, 'report.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
    await page.keyboard.press('j');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('claim review: the claims view lists every claim with filters; keys set a status; note and assignee are saved', { timeout: TIMEOUT }, async () => {
    const { page, watch } = await open(review.url);
    await page.locator('[data-view="claims"]').click();
    await page.waitForSelector('.claim-row');
    const rows = await page.locator('.claim-row').count();
    expect(rows).toBe(JSON.parse(fs.readFileSync(path.join(edit.out, 'report.json'), 'utf8')).files[0].claims.length);
    await page.locator('#cf-kind').selectOption('attribution');
    expect(await page.locator('.claim-row').count()).toBe(2);
    await page.locator('.claim-row', { hasText: 'Officials said' }).click();
    const id = await page.locator('.claim-row.current').getAttribute('data-claim');
    await page.keyboard.press('s');
    await expect.poll(() => ondisk().claims?.[id!]?.status, { timeout: 5000 }).toBe('needs-source');
    expect(await page.locator('.claim-row.current .cstatus').textContent()).toBe('needs source');
    await page.keyboard.press('n');
    await page.locator('#claim-note-input').fill('Ask the harbour board who <b>briefed</b> us');
    await page.locator('#claim-assignee').fill('Sam');
    await page.keyboard.press('Enter');
    await expect.poll(() => ondisk().claims?.[id!], { timeout: 5000 }).toMatchObject({ status: 'needs-source', note: 'Ask the harbour board who <b>briefed</b> us', assignee: 'Sam', author: 'desk-a' });
    expect(await page.locator('#detail').textContent()).toContain('assigned to Sam');
    expect(await page.locator('#detail b').count()).toBe(0);
    await page.locator('#cf-review').selectOption('needs-source');
    expect(await page.locator('.claim-row').count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: path.join(artifacts, 'review-claims.png') });
    if (process.env.UPDATE_DOCS_SCREENSHOT || !fs.existsSync(docsClaims)) {
      await page.locator('#cf-review').selectOption('');
      await page.locator('#cf-kind').selectOption('');
      await page.evaluate(() => document.getElementById('toast')!.classList.remove('visible'));
      await page.screenshot({ path: docsClaims });
    }
    // The next run carries the review into the claims file and the summary.
    const r = runCli(['run', 'articles', '--out', 'output', '--no-progress'], { cwd: edit.cwd });
    expect([0, 1]).toContain(r.code);
    const claimsFile = JSON.parse(fs.readFileSync(claimsFileFor(edit.out, 'articles/desk.md'), 'utf8'));
    expect(claimsFile.claims.find((c: { id: string }) => c.id === id).review).toMatchObject({ status: 'needs-source', assignee: 'Sam' });
    expect(fs.readFileSync(path.join(edit.out, 'summary.md'), 'utf8')).toMatch(/\| needs-source \| 1 \|/);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('policy evidence in an editor’s words; at 1440x900 the actions are in view; at 800 px the panes stack', { timeout: TIMEOUT }, async () => {
    const it0 = itemOf('sourcing/anonymous-source');
    const { page } = await open(`${review.url}#item=${it0.id}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForSelector('#detail .message');
    const detail = await page.locator('#detail').textContent();
    expect(detail).toContain('A claim rests on an anonymous or vague source');
    expect(detail).not.toMatch(/\(root\)|must have required|\/attribution|\.schema\.json/);
    await page.locator('#detail .rule-docs').first().click();
    expect(await page.locator('#docs').isVisible()).toBe(true);
    expect(await page.locator('#docs-body').textContent()).toContain('anonymous');
    await page.keyboard.press('Escape');
    expect(await page.locator('#docs').isVisible()).toBe(false);
    const box = await page.locator('#detail .item-actions').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: path.join(artifacts, 'review-policy.png') });
    if (process.env.UPDATE_DOCS_SCREENSHOT || !fs.existsSync(docsPolicy)) await page.screenshot({ path: docsPolicy });
    await page.setViewportSize({ width: 800, height: 900 });
    const layout = await page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return { left: r('.pane-left'), middle: r('.pane-middle'), right: r('.pane-right'), scroll: document.documentElement.scrollWidth };
    });
    expect(layout.middle.top).toBeGreaterThanOrEqual(layout.left.bottom - 1);
    expect(layout.right.top).toBeGreaterThanOrEqual(layout.middle.bottom - 1);
    expect(layout.middle.width).toBeGreaterThan(700);
    expect(layout.scroll).toBeLessThanOrEqual(800);
    await page.screenshot({ path: path.join(artifacts, 'review-800.png'), fullPage: true });
    await page.close();
  });

  it('Tab and Enter reach and open items, highlights and claims; a visible focus ring; shortcuts can be turned off', { timeout: TIMEOUT }, async () => {
    const { page } = await open(review.url);
    await page.waitForSelector('#text .text-body');
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector)) return true;
      }
      return false;
    };
    expect(await tabTo('mark[data-items]')).toBe(true);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
    expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);
    const ids = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.items!.split(' '));
    await page.keyboard.press('Enter');
    expect(ids).toContain(await page.locator('.item-row.current').getAttribute('data-id'));
    expect(await tabTo('.claim[tabindex]')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('#detail .claim-detail h3').textContent()).toBe('Claim');
    expect(await tabTo('.item-row')).toBe(true);
    const row = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    await page.keyboard.press('Enter');
    expect(await page.locator('.item-row.current').getAttribute('data-id')).toBe(row);
    // Settings: single-key shortcuts off, then j does nothing.
    await page.locator('#settings-button').click();
    await page.locator('#set-shortcuts').uncheck();
    await page.keyboard.press('Escape');
    const before = await page.locator('.item-row.current').getAttribute('data-id');
    await page.locator('#text').click({ position: { x: 1, y: 1 } }).catch(() => undefined);
    await page.keyboard.press('j');
    await page.keyboard.press('d');
    expect(await page.locator('.item-row.current').getAttribute('data-id')).toBe(before);
    expect(ondisk().decisions[before!]).toBeUndefined();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#set-shortcuts').isChecked()).toBe(false);
    await page.locator('#settings-button').click();
    await page.locator('#set-shortcuts').check();
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('a second tab sees a decision within a second (server-sent events); undo survives a reload', { timeout: TIMEOUT }, async () => {
    const target = itemOf('verification/arithmetic');
    const a = await open(`${review.url}#item=${target.id}`);
    const b = await open(review.url);
    expect(await count(b.page, 'dismissed')).toBe('0');
    await a.page.locator('#detail .item-actions .dismiss').click();
    await expect.poll(() => count(b.page, 'dismissed'), { timeout: 1000, interval: 50 }).toBe('1');
    await expect.poll(() => ondisk().decisions[target.id]?.status, { timeout: 5000 }).toBe('dismissed');
    // Reload tab a: its undo comes from the decisions file's history.
    await a.page.reload();
    await a.page.waitForSelector('body[data-ready="true"]');
    await a.page.keyboard.press('u');
    await expect.poll(() => ondisk().decisions[target.id], { timeout: 5000 }).toBeUndefined();
    await expect.poll(() => count(a.page, 'dismissed'), { timeout: 5000 }).toBe('0');
    await expect.poll(() => count(b.page, 'dismissed'), { timeout: 1000, interval: 50 }).toBe('0');
    expect(a.watch.errors).toEqual([]);
    await a.page.close();
    await b.page.close();
  });

  it('bulk: dismiss every item matching the filter with a count and a confirmation, undone as one step', { timeout: TIMEOUT }, async () => {
    const { page } = await open(review.url);
    await page.locator('#f-category').selectOption('spelling');
    const n = edit.items().filter((i) => i.category === 'spelling').length;
    expect(n).toBe(2);
    await page.locator('#bulk .bulk-dismiss').click();
    expect(await page.locator('#confirm').isVisible()).toBe(true);
    expect(await page.locator('#confirm-text').textContent()).toBe(`Dismiss ${n} items (category spelling)? One undo (u) takes it back.`);
    await page.locator('#confirm-cancel').click();
    expect(Object.keys(ondisk().decisions)).toHaveLength(0);
    await page.locator('#bulk .bulk-dismiss').click();
    await page.locator('#confirm-ok').click();
    await expect.poll(() => count(page, 'dismissed'), { timeout: 5000 }).toBe(String(n));
    expect(Object.values(ondisk().decisions).filter((d) => (d as { status: string }).status === 'dismissed')).toHaveLength(n);
    await page.keyboard.press('u');
    await expect.poll(() => Object.keys(ondisk().decisions).length, { timeout: 5000 }).toBe(0);
    await expect.poll(() => count(page, 'dismissed'), { timeout: 5000 }).toBe('0');
    await page.close();
  });

  it('applies a suggestion (the article is edited and re-checked) and adds a word to the dictionary', { timeout: TIMEOUT }, async () => {
    const typo = itemOf('spelling/unknown-word', 'comittee');
    const { page, watch } = await open(`${review.url}#item=${typo.id}`);
    await page.locator('#detail .suggestions .apply').click();
    await expect.poll(() => fs.readFileSync(edit.article, 'utf8'), { timeout: 15_000 }).toContain('The harbour committee delayed');
    await expect.poll(() => page.locator('#text').textContent(), { timeout: 15_000 }).toContain('harbour committee delayed');
    expect(await page.locator('.item-row', { hasText: 'comittee' }).count()).toBe(0);
    // Add "harbour" to the project's word list.
    const word = itemOf('spelling/unknown-word', 'harbour');
    await page.locator(`.item-row[data-id="${word.id}"]`).click();
    await page.locator('#word-target').selectOption('config');
    await page.locator('#detail .add-word').click();
    await expect.poll(() => (fs.existsSync(path.join(edit.cwd, 'copydesk.config.json')) ? JSON.parse(fs.readFileSync(path.join(edit.cwd, 'copydesk.config.json'), 'utf8')).words : []), { timeout: 15_000 }).toEqual(['harbour']);
    await expect.poll(() => page.locator('.item-row', { hasText: 'harbour' }).count(), { timeout: 15_000 }).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('axe-core finds no violation with claims, evidence and decided items (served page, claims view, report.html)', { timeout: TIMEOUT }, async () => {
    const items = edit.items();
    const { page } = await open(`${review.url}#item=${items[0].id}`);
    await page.keyboard.press('d');
    await page.locator(`.item-row[data-id="${items[1].id}"]`).click();
    await page.keyboard.press('a');
    await expect.poll(() => Object.keys(ondisk().decisions).length, { timeout: 5000 }).toBe(2);
    await page.goto(`${review.url}#item=${itemOf('verification/arithmetic').id}`);
    await page.reload();
    await page.waitForSelector('#detail .evidence');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-view="claims"]').click();
    await page.waitForSelector('.claim-row');
    await page.locator('.claim-row', { hasText: 'Officials said' }).click();
    const cid = await page.locator('.claim-row.current').getAttribute('data-claim');
    await page.keyboard.press('x');
    await expect.poll(() => ondisk().claims?.[cid!]?.status, { timeout: 5000 }).toBe('disputed');
    expect(await axeViolations(page)).toEqual([]);
    const r = runCli(['run', 'articles', '--out', 'output', '--no-progress'], { cwd: edit.cwd });
    expect([0, 1]).toContain(r.code);
    await page.goto(pathToFileURL(path.join(edit.out, 'report.html')).href + `#item=${itemOf('verification/arithmetic').id}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#detail .evidence');
    expect(await page.locator('.item-row.st-dismissed, .item-row.st-accepted').count(), JSON.stringify([ondisk().decisions, edit.items().map((i) => i.id + i.status)])).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-view="claims"]').click();
    await page.waitForSelector('.claim-row .cstatus-disputed');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
