// Table-driven rule tests (after ESLint's RuleTester and Harper's catches/allows tests). The rule's own
// documentation examples (meta.examples, rendered in docs/rules.md) run first, then the table: `valid`
// texts must not be flagged; `invalid` texts must be flagged exactly at `excerpts`, with the message ids
// and data given, and `output` is the text once the first suggestion is applied (Harper's
// assert_suggestion_result: the corrected sentence, not the inserted string). Every rule also gets a
// Markdown case proving that code, URLs and front matter are never checked.
import { describe, expect, it } from 'vitest';
import type { MessageData, Rule } from '../../pipeline/core/types.js';
import { applySuggestion, runRule, type RunOptions } from './rule-tester.js';
import { defaultConfig } from '../../pipeline/run/config.js';

export interface Invalid {
  text: string;
  excerpts: string[];
  /** The message id of every problem, or of each problem in order (required when the rule has several messages). */
  messageId?: string | string[];
  /** Data of the first problem (matched as a subset). */
  data?: MessageData;
  /** Suggestions of the first problem. */
  suggestions?: string[];
  /** The text after applying the first problem's first suggestion: required when that problem suggests a fix. */
  output?: string;
  options?: RunOptions;
}

type Valid = string | { text: string; options?: RunOptions };

function expectFlags(rule: Rule, c: Invalid): void {
  const got = runRule(rule, c.text, c.options);
  expect(got.map((p) => p.excerpt)).toEqual(c.excerpts);
  for (const p of got) expect(p.rule).toBe(rule.meta.id);
  const ids = Object.keys(rule.meta.messages);
  if (c.messageId === undefined) {
    if (ids.length > 1) throw new Error(`${rule.meta.id} has several messages (${ids.join(', ')}): give the row's messageId`);
    for (const p of got) expect(p.messageId).toBe(ids[0]);
  } else expect(got.map((p) => p.messageId)).toEqual(typeof c.messageId === 'string' ? got.map(() => c.messageId) : c.messageId);
  if (c.data) expect(got[0].data).toMatchObject(c.data);
  if (c.suggestions) expect(got[0].suggestions).toEqual(c.suggestions);
  const first = got[0];
  if (first?.suggestions.length) {
    if (c.output === undefined) throw new Error(`“${c.text}” gets a suggestion: state the corrected text (output: ${JSON.stringify(applySuggestion(c.text, first))})`);
    expect(applySuggestion(c.text, first)).toBe(c.output);
  } else if (c.output !== undefined) throw new Error(`“${c.text}”: output is given, but the rule suggests no fix`);
}

export function ruleCases(rule: Rule, cases: { valid: Valid[]; invalid: Invalid[]; markdown: string }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      const m = rule.meta;
      expect(m.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(m.id.startsWith(`${m.category}/`)).toBe(true);
      expect(m.description.length).toBeGreaterThan(10);
      expect(m.stage).toBe('check');
      expect(m.options).toMatchObject({ type: 'object', additionalProperties: false });
      expect(Object.keys(m.messages).length).toBeGreaterThan(0);
      // Examples live in meta.examples (they are tested), not in the prose.
      expect(m.docs).not.toMatch(/^(Flags|Not flagged):/m);
      expect(m.examples?.valid.length, 'meta.examples.valid').toBeGreaterThan(0);
      expect(m.examples?.invalid.length, 'meta.examples.invalid').toBeGreaterThan(0);
    });
    // Examples of a rule that acts only when configured run with the configuration they document.
    const exampleConfig = rule.meta.examples?.config ? { config: { ...defaultConfig(), ...rule.meta.examples.config } } : {};
    for (const text of rule.meta.examples?.valid ?? []) {
      it(`documented example allows: ${text.slice(0, 60)}`, () => {
        expect(runRule(rule, text, exampleConfig)).toEqual([]);
      });
    }
    for (const e of rule.meta.examples?.invalid ?? []) {
      it(`documented example flags: ${e.text.slice(0, 60)}`, () => {
        expectFlags(rule, { text: e.text, excerpts: [e.excerpt], messageId: runRule(rule, e.text, exampleConfig)[0]?.messageId, output: e.output, options: exampleConfig });
      });
    }
    for (const v of cases.valid) {
      const { text, options } = typeof v === 'string' ? { text: v, options: undefined } : v;
      it(`allows: ${text.slice(0, 70)}`, () => {
        expect(runRule(rule, text, options)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`flags: ${c.text.slice(0, 70)}`, () => expectFlags(rule, c));
    }
    it('checks nothing in code, URLs or front matter (Markdown)', () => {
      const got = runRule(rule, cases.markdown, { ...exampleConfig, path: 'article.md' });
      expect(got.map((p) => p.excerpt)).toEqual([]);
      // The same text as prose is flagged, so the Markdown case can fail.
      const plain = cases.markdown.replace(/^---[\s\S]*?---\n/, '').replace(/```\w*\n|```/g, '').replace(/`/g, '');
      expect(runRule(rule, plain, { ...exampleConfig, path: 'article.txt' }).length).toBeGreaterThan(0);
    });
  });
}
