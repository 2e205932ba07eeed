// Table-driven rule tests (after ESLint's RuleTester and Harper's catches/allows tests): `valid` texts
// must not be flagged; `invalid` texts must be flagged exactly at `excerpts`, with `suggestions` when given.
// Every rule also gets a Markdown case proving that code, URLs and front matter are never checked.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../pipeline/core/types.js';
import { runRule, type RunOptions } from './rule-tester.js';

export interface Invalid {
  text: string;
  excerpts: string[];
  /** Suggestions of the first problem. */
  suggestions?: string[];
  message?: RegExp;
  options?: RunOptions;
}

export function ruleCases(rule: Rule, cases: { valid: (string | { text: string; options?: RunOptions })[]; invalid: Invalid[]; markdown: string }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      expect(rule.meta.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.meta.id.startsWith(`${rule.meta.category}/`)).toBe(true);
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.docs).toMatch(/Flags:/);
      expect(rule.meta.stage).toBe('check');
    });
    for (const v of cases.valid) {
      const { text, options } = typeof v === 'string' ? { text: v, options: undefined } : v;
      it(`allows: ${text.slice(0, 70)}`, () => {
        expect(runRule(rule, text, options)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`flags: ${c.text.slice(0, 70)}`, () => {
        const got = runRule(rule, c.text, c.options);
        expect(got.map((p) => p.excerpt)).toEqual(c.excerpts);
        for (const p of got) expect(p.rule).toBe(rule.meta.id);
        if (c.suggestions) expect(got[0].suggestions).toEqual(c.suggestions);
        if (c.message) expect(got[0].message).toMatch(c.message);
      });
    }
    it('checks nothing in code, URLs or front matter (Markdown)', () => {
      const got = runRule(rule, cases.markdown, { path: 'article.md' });
      expect(got.map((p) => p.excerpt)).toEqual([]);
      // The same text as prose is flagged, so the Markdown case can fail.
      const plain = cases.markdown.replace(/^---[\s\S]*?---\n/, '').replace(/```\w*\n|```/g, '').replace(/`/g, '');
      expect(runRule(rule, plain, { path: 'article.txt' }).length).toBeGreaterThan(0);
    });
  });
}
