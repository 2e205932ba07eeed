// The documentation examples of the validate and verify rules (meta.examples, rendered in docs/rules.md)
// run here against the whole parse -> extract -> rule path; the check rules run theirs as the first rows
// of their own tables (test/helpers/cases.ts).
import { describe, expect, it } from 'vitest';
import { stageRules } from '../../pipeline/core/stages.js';
import { applySuggestion, runRule } from '../helpers/rule-tester.js';

const rules = [...stageRules.validate, ...stageRules.verify].filter((r) => r.meta.examples);

describe('documented examples of the validate and verify rules', () => {
  it('exist for the verify rules that need only text', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(expect.arrayContaining(['verification/arithmetic', 'consistency/conflicting-figures']));
  });
  for (const rule of rules) {
    for (const text of rule.meta.examples!.valid) {
      it(`${rule.meta.id} allows: ${text.slice(0, 60)}`, () => {
        expect(runRule(rule, text)).toEqual([]);
      });
    }
    for (const e of rule.meta.examples!.invalid) {
      it(`${rule.meta.id} flags: ${e.text.slice(0, 60)}`, () => {
        const got = runRule(rule, e.text);
        expect(got.map((p) => p.excerpt)).toEqual([e.excerpt]);
        if (got[0].suggestions.length || e.output !== undefined) expect(applySuggestion(e.text, got[0])).toBe(e.output);
      });
    }
  }
});
