// A sample run for the review tests: the fixture articles (one of them hostile) copied to a
// temporary folder and checked there with the built CLI, so the run's cwd, output folder and
// decisions file are the test's own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, tempDir } from '../helpers/cli.js';
import type { Item } from '../../pipeline/core/types.js';

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface SampleRun {
  cwd: string;
  out: string;
  decisions: string;
  items(): Item[];
}

export function sampleRun(): SampleRun {
  const cwd = tempDir('copydesk-review-');
  fs.cpSync(path.join(fixtures, 'articles'), path.join(cwd, 'articles'), { recursive: true });
  const r = runCli(['run', 'articles', '--out', 'output', '--no-progress'], { cwd });
  if (r.code !== 0 && r.code !== 1) throw new Error(`copydesk run failed (${r.code}): ${r.stderr}`);
  const out = path.join(cwd, 'output');
  return {
    cwd,
    out,
    decisions: path.join(cwd, 'copydesk.decisions.json'),
    items: () => (JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8')) as { items: Item[] }).items,
  };
}

/** The input/front-matter item of the hostile article: its message quotes `<script>alert(1)</script>`. */
export function hostileItem(run: SampleRun): Item {
  const it = run.items().find((i) => i.file === 'articles/xss.md' && i.rule === 'input/front-matter');
  if (!it) throw new Error('the fixture articles/xss.md lost its front-matter item');
  return it;
}

/** The article of editRun(): a misspelling with a suggestion, an anonymous source, wrong arithmetic. */
export const DESK_ARTICLE = `---
title: Harbour levy vote delayed
---

The harbour comittee delayed its vote on the levy until June, the board chair said.

Officials said the levy would raise 4 million dollars a year. Revenue rose from 200 to 300, an increase of 20 percent.
`;

/** A run of one article the tests may edit (apply a suggestion, add a word, turn a rule off). */
export function editRun(text = DESK_ARTICLE): SampleRun & { article: string } {
  const cwd = tempDir('copydesk-edit-');
  fs.mkdirSync(path.join(cwd, 'articles'));
  const article = path.join(cwd, 'articles', 'desk.md');
  fs.writeFileSync(article, text);
  const r = runCli(['run', 'articles', '--out', 'output', '--no-progress'], { cwd });
  if (r.code !== 0 && r.code !== 1) throw new Error(`copydesk run failed (${r.code}): ${r.stderr}`);
  const out = path.join(cwd, 'output');
  return {
    cwd,
    out,
    article,
    decisions: path.join(cwd, 'copydesk.decisions.json'),
    items: () => (JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8')) as { items: Item[] }).items,
  };
}
