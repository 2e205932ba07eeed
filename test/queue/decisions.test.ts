// The decisions file end to end through the built CLI with a real rule (the speller): dismissed items
// never fail CI, --update-baseline adopts an archive, ids survive edits above the item and to other
// sentences, and --prune-decisions drops decisions whose items are gone (only for checked files).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { lint, lintJson, only, SPELLING, tempDir, writeTree } from '../helpers/ci.js';
import { validator, formatErrors } from '../../pipeline/validate/schemas.js';

// The misspelling opens a sentence, so the words before it belong to the sentence an edit changes.
const V1 = ['# Road works', '', 'The council approved the plan on Monday. The goverment will pay for it. Work starts soon.', '', 'Residents welcomed the news at a meeting.', ''].join('\n');

describe('decisions and the baseline', () => {
  const dir = writeTree(tempDir(), { 'copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) }, 'news/roads.md': V1, 'news/other.md': '# Other\n\nThe comittee met.\n' });
  const decisionsFile = path.join(dir, 'copydesk.decisions.json');
  const readDecisions = () => JSON.parse(fs.readFileSync(decisionsFile, 'utf8'));
  const edit = (text: string) => fs.writeFileSync(path.join(dir, 'news/roads.md'), text);
  const open = (r: ReturnType<typeof lintJson>) => r.report.files.flatMap((f) => f.items.filter((i) => i.status !== 'dismissed').map((i) => i.excerpt));
  let id = '';

  it('an open error fails the run', () => {
    const r = lintJson(dir, ['news/roads.md']);
    expect(r.code).toBe(1);
    expect(r.report.files[0].items.map((i) => i.excerpt)).toEqual(['goverment']);
    id = r.report.files[0].items[0].id;
  });

  it('--update-baseline records every current item as dismissed, and the run passes', () => {
    const r = lintJson(dir, ['news/roads.md', '--update-baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/recorded 1 item as dismissed \(note "baseline"\) in copydesk\.decisions\.json/);
    const d = readDecisions();
    const v = validator('decisions');
    expect(v(d), formatErrors(v.errors).join('; ')).toBe(true);
    expect(d.decisions[id]).toMatchObject({ status: 'dismissed', note: 'baseline', rule: SPELLING, file: 'news/roads.md', excerpt: 'goverment' });
    expect(r.report.files[0].items[0]).toMatchObject({ id, status: 'dismissed', note: 'baseline' });
    // Dismissed items are not shown by stylish and do not count.
    const stylish = lint(dir, ['news/roads.md']);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toBe('');
  });

  it('the id survives a paragraph added above and edits to other sentences', () => {
    edit(
      ['# Road works', '', 'A new opening paragraph sets the scene for readers.', '', 'The council approved the revised plan on Tuesday. The goverment will pay for it. Work will start in late spring.', '', 'Many residents welcomed the news at a packed meeting.', ''].join('\n'),
    );
    const r = lintJson(dir, ['news/roads.md']);
    expect(r.code).toBe(0);
    expect(r.report.files[0].items).toEqual([expect.objectContaining({ id, status: 'dismissed', line: 5 })]);
  });

  it('the id survives removing paragraphs above', () => {
    edit(['# Road works', '', 'The council approved the revised plan on Tuesday. The goverment will pay for it.', ''].join('\n'));
    const r = lintJson(dir, ['news/roads.md']);
    expect(r.code).toBe(0);
    expect(r.report.files[0].items).toEqual([expect.objectContaining({ id, status: 'dismissed', line: 3 })]);
  });

  it('a new problem still fails, and an accepted item fails too', () => {
    edit(['# Road works', '', 'The goverment will pay for it.', '', 'The comittee will meet again.', ''].join('\n'));
    const r = lintJson(dir, ['news/roads.md']);
    expect(r.code).toBe(1);
    expect(open(r)).toEqual(['comittee']);
    const fresh = r.report.files[0].items.find((i) => i.excerpt === 'comittee')!;
    const d = readDecisions();
    d.decisions[fresh.id] = { status: 'accepted', note: 'fix before publishing' };
    fs.writeFileSync(decisionsFile, JSON.stringify(d));
    const again = lintJson(dir, ['news/roads.md']);
    expect(again.code).toBe(1);
    expect(again.report.files[0].items.find((i) => i.id === fresh.id)).toMatchObject({ status: 'accepted', note: 'fix before publishing' });
  });

  it('--prune-decisions drops decisions whose items are gone, only for the files checked', () => {
    // A decision for a file that is not checked in this run must stay.
    const other = lintJson(dir, ['news/other.md', '--update-baseline']);
    expect(other.code).toBe(0);
    const otherIds = other.report.files[0].items.map((i) => i.id);
    edit(['# Road works', '', 'The government will pay for it.', '', 'The comittee will meet again.', ''].join('\n'));
    const r = lintJson(dir, ['news/roads.md', '--prune-decisions']);
    expect(r.stderr).toMatch(/pruned 1 decision whose items no longer exist/);
    const d = readDecisions();
    expect(d.decisions[id]).toBeUndefined();
    for (const o of otherIds) expect(d.decisions[o]).toMatchObject({ file: 'news/other.md' });
    expect(Object.values(d.decisions).map((x) => (x as { status: string }).status).sort()).toEqual(['accepted', 'dismissed']);
  });

  it('a broken decisions file is a usage error (exit 2) naming the file', () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"version": 1, "decisions": {"xyz": {"status": "maybe"}}}');
    const r = lint(dir, ['news/roads.md', '--decisions', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/decisions file error: .*bad\.json/);
  });
});
