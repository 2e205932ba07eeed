// docs/rules.md is generated from the registry; this fails when a rule's meta changed and the doc was
// not regenerated (npm run build && node scripts/gen-rules-doc.mjs).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../../pipeline/core/registry.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { docPath, renderRulesDoc, exampleOf } from '../../scripts/gen-rules-doc.mjs';

describe('docs/rules.md', () => {
  it('is up to date with every rule in the registry', () => {
    const expected = renderRulesDoc(allRuleMetas());
    expect(fs.readFileSync(docPath, 'utf8')).toBe(expected);
  });
  it('lists each check rule with an example', () => {
    const doc = fs.readFileSync(docPath, 'utf8');
    for (const m of allRuleMetas().filter((r) => r.stage === 'check')) {
      expect(doc).toContain(`| [\`${m.id}\`]`);
      expect(exampleOf(m), m.id).not.toBe('');
    }
  });
});
