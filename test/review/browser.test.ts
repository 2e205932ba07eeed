// The review page in a real browser: Debian's Chromium driven by playwright-core. One file, so the
// browser tests never run in parallel with each other; generous timeouts for a 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/shared.js';
import { writeRunOutputs } from '../../pipeline/run/outputs.js';
import { startReview, type RunningReview } from '../../pipeline/review/server.js';
import type { Claim, FileResult, Item } from '../../pipeline/core/types.js';
import { launchChromium, type Browser } from './chromium.js';
import { hostileItem, sampleRun, type SampleRun } from './setup.js';

const artifacts = path.join(repoRoot, 'test-artifacts');
const docsShot = path.join(repoRoot, 'docs/review.png');
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
      sentence: text.split('\n')[0],
      sentenceIndex: 0,
      ...at('40 percent'),
      quantity: { value: 40, unit: 'percent', approximate: false, bound: 'exact', change: 'increase' },
      attribution: { source: 'the transit authority', sourceType: 'organization', cue: 'said', direct: false, inherited: false },
      verdict: 'contradicted',
      evidence,
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
    const result: FileResult = { path: articlePath, words: 17, title: 'Synthetic ferry', claims: [claim], items: [item] };
    writeRunOutputs(path.join(dir, 'output'), [result]);
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
    expect(await detail.textContent()).toContain('From 200,000 to 250,000 is a rise of 25 percent, not 40.');
    // Only http(s) evidence links become links; javascript: stays text.
    expect(await detail.locator('a[href="https://example.org/report"]').count()).toBe(1);
    expect(await detail.textContent()).toContain('javascript:alert(1)');
    expect(await page.locator('#text em').count()).toBe(0);
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
