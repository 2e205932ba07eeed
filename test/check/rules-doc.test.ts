// docs/rules.md is generated from the registry; this fails when a rule's meta changed and the doc was
// not regenerated (npm run docs:rules). The examples it shows are run by each rule's test table
// (test/helpers/cases.ts) and, for the other stages, by test/core/rule-examples.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../../pipeline/core/registry.js';
import { exampleCell, renderRulesDoc } from '../../pipeline/core/rule-docs.js';
import { repoRoot } from '../helpers/shared.js';

const docPath = path.join(repoRoot, 'docs/rules.md');

describe('docs/rules.md', () => {
  it('is up to date with every rule in the registry', () => {
    expect(fs.readFileSync(docPath, 'utf8')).toBe(renderRulesDoc(allRuleMetas()));
  });
  it('lists each check rule with an example', () => {
    const doc = fs.readFileSync(docPath, 'utf8');
    for (const m of allRuleMetas().filter((r) => r.stage === 'check')) {
      expect(doc).toContain(`| [\`${m.id}\`]`);
      expect(exampleCell(m), m.id).not.toBe('');
    }
  });
  it('shows the corrected text of a flagged example', () => {
    expect(fs.readFileSync(docPath, 'utf8')).toContain('`Labour, needless to say, disagreed.` flags `, needless to say,` → `Labour disagreed.`');
  });
});
