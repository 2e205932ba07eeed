// The rule tester itself: it must fail a rule that mutates what it is given (ESLint's RuleTester
// freezes its inputs), and refuse options the config would refuse.
import { describe, expect, it } from 'vitest';
import type { Claim, Rule } from '../../pipeline/core/types.js';
import { NO_OPTIONS } from '../../pipeline/core/rule-options.js';
import { runRule } from './rule-tester.js';
import { article, claimAt, runRule as runStageRule } from './claims.js';

const rule = (check: Rule['check']): Rule => ({
  meta: { id: 'style/test', category: 'style', severity: 'warning', stage: 'check', description: 'A rule for the tester.', docs: '', options: NO_OPTIONS, messages: { m: 'm' } },
  check,
});

describe('the rule tester', () => {
  it('fails a rule that assigns to a claim', () => {
    const bad = rule((ctx) => {
      (ctx.claims[0] as Claim).verdict = 'verified';
    });
    expect(() => runRule(bad, 'Sales rose 12% last year.')).toThrow(TypeError);
  });
  it('fails a rule that changes the article', () => {
    const bad = rule((ctx) => {
      (ctx.article.tokens as unknown[]).pop();
    });
    expect(() => runRule(bad, 'Sales rose 12% last year.')).toThrow(TypeError);
    const deep = rule((ctx) => {
      (ctx.article.sentences[0] as { text: string }).text = 'x';
    });
    expect(() => runRule(deep, 'Sales rose 12% last year.')).toThrow(TypeError);
  });
  it('fails a stage rule that assigns to a hand-made claim, and applies judgements to the caller\'s claims', () => {
    const a = article('Sales rose 12% last year.');
    const claims = [claimAt(a, '12%', { kind: 'numeric', quantity: { value: 12, unit: 'percent', approximate: false, bound: 'exact' } })];
    const bad = rule((ctx) => {
      (ctx.claims[0] as Claim).evidence = [];
    });
    expect(() => runStageRule(bad, a, claims)).toThrow(TypeError);
    const good = rule((ctx) => ctx.judge({ claimId: ctx.claims[0].id, verdict: 'verified' }));
    runStageRule(good, a, claims);
    expect(claims[0].verdict).toBe('verified');
  });
  it('refuses options the rule does not declare', () => {
    expect(() => runRule(rule(() => {}), 'Text.', { options: { max: 3 } })).toThrow(/style\/test has no option "max"/);
  });
  it('fails a report whose message id the rule does not declare', () => {
    const bad = rule((ctx) => ctx.report({ start: 0, end: 1, messageId: 'nope' }));
    expect(() => runRule(bad, 'Text.')).toThrow(/message id "nope"/);
  });
});
