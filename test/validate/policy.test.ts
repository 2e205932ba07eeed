import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { policyRules, userPolicies, compilePolicy, policyMeta } from '../../pipeline/validate/policy.js';
import { resolveConfig, validateConfig, ConfigError, loadConfigFile } from '../../pipeline/run/config.js';
import { checkArticle } from '../../pipeline/core/article.js';
import type { Attribution, Claim, Rule } from '../../pipeline/core/types.js';
import { article, claimAt, runRule } from '../helpers/claims.js';
import { tempDir } from '../helpers/cli.js';

const rule = (id: string): Rule => {
  const r = policyRules.find((x) => x.meta.id === id);
  if (!r) throw new Error(`no policy rule ${id}`);
  return r;
};
const attribution = (source: string, sourceType: Attribution['sourceType'], extra: Partial<Attribution> = {}): Attribution => ({ source, sourceType, cue: 'said', direct: false, inherited: false, ...extra });

describe('default policies are rules with metadata from their schemas', () => {
  it('declares the three sourcing rules', () => {
    const ids = policyRules.map((r) => r.meta.id);
    expect(ids).toEqual(expect.arrayContaining(['sourcing/unsourced-figure', 'sourcing/unnamed-speaker', 'sourcing/anonymous-source', 'input/policy']));
    for (const r of policyRules) {
      expect(r.meta.stage).toBe('validate');
      expect(r.meta.description.length).toBeGreaterThan(10);
    }
    expect(rule('sourcing/unsourced-figure').meta.category).toBe('sourcing');
  });
});

describe('sourcing/unsourced-figure', () => {
  const text = 'Trade between the two ports was worth $12.6 billion in 2023. The port handled 1.2 million containers, the port authority said. Campaigners handed in 5,200 signatures. Seven of its 12 libraries will close. Twice as many firms applied. Over half of all purchases were games. It reached 18% in 2023. Temperatures reached 24C. The city came 160th. She won the 400m.';
  const a = article(text);
  const num = (t: string, unit: NonNullable<Claim['quantity']>['unit'], value: number, extra: Partial<Claim> = {}) => claimAt(a, t, { kind: 'numeric', quantity: { value, unit, approximate: false, bound: 'exact' }, ...extra });
  // The attribution records a figure points to (a figure carries their id, never a copy).
  const authority = claimAt(a, 'the port authority said', { kind: 'attribution', attribution: attribution('the port authority', 'organization') });
  const cases: { claim: Claim; flagged: boolean; why: string }[] = [
    { claim: num('$12.6 billion', 'currency', 12.6e9, { quantity: { value: 12.6e9, unit: 'currency', currency: 'USD', approximate: false, bound: 'exact' } }), flagged: true, why: 'money with no source' },
    { claim: num('5,200 signatures', 'count', 5200), flagged: true, why: 'a large count with no source' },
    { claim: num('18%', 'percent', 18), flagged: true, why: 'a percentage with no source' },
    { claim: num('1.2 million containers', 'count', 1.2e6, { attributionId: authority.id }), flagged: false, why: 'points to the attribution of its sentence' },
    { claim: num('18%', 'percent', 18, { attributionId: authority.id, attributionInherited: true }), flagged: false, why: 'points to an attribution earlier in the paragraph' },
    { claim: num('160th', 'rank', 160), flagged: false, why: 'a ranking' },
    { claim: num('12 libraries', 'count', 12), flagged: false, why: 'a small count' },
    { claim: num('Twice as many', 'ratio', 2), flagged: false, why: 'a figure in words' },
    { claim: num('Over half', 'fraction', 0.5), flagged: false, why: 'a figure in words' },
    { claim: num('24C', 'C', 24), flagged: false, why: 'a temperature' },
    { claim: num('400m', 'm', 400, { quantity: { value: 400, unit: 'm', event: true, approximate: false, bound: 'exact' } }), flagged: false, why: 'a race distance naming the event' },
    { claim: claimAt(a, '2023', { kind: 'date', date: { year: 2023 } }), flagged: false, why: 'a date claim' },
  ];
  for (const c of cases) {
    it(`${c.flagged ? 'flags' : 'passes'} “${c.claim.text}” (${c.why})`, () => {
      const claim = structuredClone(c.claim);
      const r = runRule(rule('sourcing/unsourced-figure'), a, [claim, structuredClone(authority)]);
      expect(r.problems.length).toBe(c.flagged ? 1 : 0);
      if (c.flagged) {
        expect(r.messages[0]).toContain('source');
        expect(r.messages[0]).toContain(claim.text);
        expect(r.spans[0]).toBe(claim.text);
        expect(r.problems[0].claimId).toBe(claim.id);
        expect(claim.verdict).toBe('policy-failed');
        expect(claim.evidence?.[0].kind).toBe('policy');
        // Evidence in an editor's words: the schema's message and the policy's name, no JSON pointer, no server path.
        const ev = claim.evidence![0];
        expect(ev.message).toBe(r.messages[0]);
        expect(ev.source).toBe('A statistic written in figures has no source in its sentence or paragraph (sourcing/unsourced-figure)');
        expect(JSON.stringify(ev)).not.toMatch(/\(root\)|must have required property|\/attribution|\.schema\.json|schemas\//);
      } else {
        expect(claim.verdict).toBeUndefined();
      }
    });
  }
  it('reports once per sentence, naming the other unsourced figures in the evidence, and marks them all', () => {
    const b = article('It cost $900m (£479m), against $700m a year earlier.');
    const money = (t: string, v: number) => claimAt(b, t, { kind: 'numeric', quantity: { value: v, unit: 'currency', approximate: false, bound: 'exact' } });
    const claims = [money('$900m', 9e8), money('£479m', 4.79e8), money('$700m', 7e8)];
    const r = runRule(rule('sourcing/unsourced-figure'), b, claims);
    expect(r.spans).toEqual(['$900m']);
    expect(r.problems[0].evidence!.map((e) => e.kind)).toEqual(['policy', 'note']);
    expect(r.problems[0].evidence![1].message).toContain('“£479m”, “$700m”');
    expect(claims.map((c) => c.verdict)).toEqual(['policy-failed', 'policy-failed', 'policy-failed']);
  });
  it('leaves headlines alone (the body gives the source)', () => {
    const b = article('# Court rejects $280bn tobacco case\n\nA court rejected the case, the judge said.\n');
    const c = claimAt(b, '$280bn', { kind: 'numeric', quantity: { value: 2.8e11, unit: 'currency', approximate: false, bound: 'exact' } });
    expect(runRule(rule('sourcing/unsourced-figure'), b, [c]).problems).toEqual([]);
  });
  it('does not overwrite a verdict another stage set', () => {
    const claim = structuredClone(cases[0].claim);
    claim.verdict = 'contradicted';
    runRule(rule('sourcing/unsourced-figure'), a, [claim]);
    expect(claim.verdict).toBe('contradicted');
  });
});

describe('sourcing/unnamed-speaker', () => {
  const a = article('“We will not back down,” said Anna Kowalczyk. “It is over,” a source said. “Nothing works.” “We act,” the ministry said.');
  const quote = (t: string, attr?: Attribution) => claimAt(a, t, { kind: 'quote', ...(attr ? { attribution: attr } : {}) });
  it.each([
    ['“We will not back down,”', attribution('Anna Kowalczyk', 'person', { direct: true }), false],
    ['“We act,”', attribution('the ministry', 'organization', { direct: true }), false],
    ['“It is over,”', attribution('a source', 'anonymous', { direct: true }), true],
    ['“Nothing works.”', undefined, true],
  ] as const)('%s attributed to %o flagged: %s', (t, attr, flagged) => {
    const r = runRule(rule('sourcing/unnamed-speaker'), a, [quote(t, attr as Attribution | undefined)]);
    expect(r.problems.length).toBe(flagged ? 1 : 0);
    if (flagged) expect(r.messages[0]).toMatch(/no named speaker/);
  });
  it('ignores claims that are not quotations', () => {
    const c = claimAt(a, 'said Anna Kowalczyk', { kind: 'attribution', attribution: attribution('Anna Kowalczyk', 'person') });
    expect(runRule(rule('sourcing/unnamed-speaker'), a, [c]).problems).toEqual([]);
  });
});

describe('sourcing/anonymous-source', () => {
  const a = article('Officials said that more than 400 complaints were filed. Anna Kowalczyk said the plan works. A person familiar with the talks said it failed. The spokesman said it would not.');
  const attr = (t: string, at: Attribution) => claimAt(a, t, { kind: 'attribution', attribution: at });
  it.each([
    ['Officials said', attribution('Officials', 'vague'), true],
    ['A person familiar with the talks said', attribution('A person familiar with the talks', 'anonymous'), true],
    ['Anna Kowalczyk said', attribution('Anna Kowalczyk', 'person'), false],
    // A definite reference points back to a source already introduced (flagged there, if at all).
    ['The spokesman said', attribution('The spokesman', 'anonymous'), false],
  ] as const)('%s flagged: %s', (t, at, flagged) => {
    const r = runRule(rule('sourcing/anonymous-source'), a, [attr(t, at)]);
    expect(r.problems.length).toBe(flagged ? 1 : 0);
    if (flagged) expect(r.messages[0]).toBe(`“${at.source}” is an anonymous or vague source: name who is speaking, or explain why they cannot be named.`);
  });
  it('flags the vague record once, not the figures that point to it', () => {
    const officials = attr('Officials said', attribution('Officials', 'vague'));
    const c = claimAt(a, '400 complaints', { kind: 'numeric', quantity: { value: 400, unit: 'count', approximate: false, bound: 'lower' }, attributionId: officials.id });
    const r = runRule(rule('sourcing/anonymous-source'), a, [officials, c]);
    expect(r.problems.map((p) => p.claimId)).toEqual([officials.id]);
  });
});

describe('user policies from the config', () => {
  const dir = tempDir('copydesk-policy-');
  const policyFile = path.join(dir, 'round-money.json');
  const policy = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Money figures must name their currency',
    'x-copydesk': { rule: 'style/currency-named', category: 'style', severity: 'error' },
    if: { required: ['kind', 'quantity'], properties: { kind: { const: 'numeric' }, quantity: { required: ['unit'], properties: { unit: { const: 'currency' } } } } },
    then: { properties: { quantity: { required: ['currency'] } } },
    errorMessage: 'House style: say which currency “${/text}” is in.',
  };
  fs.writeFileSync(policyFile, JSON.stringify(policy));
  const configFile = path.join(dir, 'copydesk.config.json');
  const a = article('The bill came to 300 dollars, or £250.');
  const money = (t: string, currency?: string) => claimAt(a, t, { kind: 'numeric', quantity: { value: 300, unit: 'currency', approximate: false, bound: 'exact', ...(currency ? { currency } : {}) } });

  it('a policy without errorMessage still speaks an editor\'s words (no JSON pointer), and links its docs', () => {
    const file = path.join(dir, 'plain.json');
    const plain = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Quotes need a named person',
      'x-copydesk': { rule: 'sourcing/quote-person', severity: 'warning', docs: 'https://desk.example/policies/quotes' },
      if: { properties: { kind: { const: 'quote' } } },
      then: { required: ['attribution'], properties: { attribution: { properties: { sourceType: { enum: ['person'] } } } } },
    };
    fs.writeFileSync(file, JSON.stringify(plain));
    const config = resolveConfig({ policies: ['./plain.json'] }, configFile);
    const q = claimAt(a, '300 dollars', { kind: 'quote' });
    const vague = claimAt(a, '£250', { kind: 'quote', attribution: attribution('officials', 'vague') });
    const r = runRule(userPolicies, a, [q, vague], config);
    expect(r.messages).toEqual(['The claim has no attribution.', 'The source type of the attribution may only be “person”.']);
    for (const m of r.messages) expect(m).not.toMatch(/\(root\)|\/attribution|must have required/);
    expect(q.evidence![0]).toEqual({ kind: 'policy', message: 'The claim has no attribution.', source: 'Quotes need a named person (sourcing/quote-person)', url: 'https://desk.example/policies/quotes' });
    expect(() => policyMeta({ 'x-copydesk': { rule: 'style/x', docs: 'javascript:alert(1)' } })).toThrow(/docs/);
  });

  it('reports failures under the schema\'s own rule id, severity and message', () => {
    const config = resolveConfig({ policies: ['./round-money.json'] }, configFile);
    expect(config.policies[0].path).toBe(policyFile);
    const r = runRule(userPolicies, a, [money('300 dollars'), money('£250', 'GBP')], config);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ rule: 'style/currency-named', severity: 'error', message: 'House style: say which currency “300 dollars” is in.' });
  });

  it('takes the level from the config rules, and "off" silences it', () => {
    fs.writeFileSync(configFile, JSON.stringify({ policies: ['./round-money.json'], rules: { 'style/currency-named': 'info' } }));
    const cfg = loadConfigFile(configFile);
    const r = runRule(userPolicies, a, [money('300 dollars')], resolveConfig(cfg, configFile));
    expect(r.problems[0].severity).toBe('info');
    const off = resolveConfig({ policies: ['./round-money.json'], rules: { 'style/currency-named': 'off' } }, configFile);
    expect(runRule(userPolicies, a, [money('300 dollars')], off).problems).toEqual([]);
  });

  it('config validation accepts rule ids declared by configured policies, and still rejects others', () => {
    expect(() => validateConfig({ policies: ['./round-money.json'], rules: { 'style/currency-named': 'warning' } }, configFile)).not.toThrow();
    expect(() => validateConfig({ policies: ['./round-money.json'], rules: { 'style/no-such-rule': 'warning' } }, configFile)).toThrow(/unknown rule "style\/no-such-rule"/);
    expect(() => validateConfig({ rules: { 'style/currency-named': 'warning' } }, configFile)).toThrow(/unknown rule/);
  });

  it('goes end to end through checkArticle into review items with the policy\'s message', () => {
    const config = resolveConfig({ policies: ['./round-money.json'] }, configFile);
    // Give the pipeline a claim by running the user policy on hand-made claims through the queue stage.
    const res = checkArticle({ path: 'a.md', text: 'Nothing numeric here.' }, config);
    expect(res.items.filter((i) => i.rule === 'style/currency-named')).toEqual([]);
  });

  it('sees a figure\'s source through its reference (sourceAttribution), never written to the claim', () => {
    const file = path.join(dir, 'named-money.json');
    fs.writeFileSync(file, JSON.stringify({
      'x-copydesk': { rule: 'sourcing/named-money', severity: 'warning' },
      if: { required: ['kind', 'quantity'], properties: { kind: { const: 'numeric' }, quantity: { properties: { unit: { const: 'currency' } } } } },
      then: { required: ['sourceAttribution'], properties: { sourceAttribution: { properties: { sourceType: { enum: ['person', 'organization'] } } } } },
      errorMessage: 'Name who gave “${/text}” (given as: ${/sourceAttribution/source}).',
    }));
    const config = resolveConfig({ policies: ['./named-money.json'] }, configFile);
    const b = article('Insiders said the bridge cost £40m. The treasurer, Ilse Brand, said the tunnel cost £90m. The ferry cost £3m.');
    const insiders = claimAt(b, 'Insiders said', { kind: 'attribution', attribution: attribution('Insiders', 'vague') });
    const brand = claimAt(b, 'Ilse Brand, said', { kind: 'attribution', attribution: attribution('Ilse Brand', 'person') });
    const money = (t: string, v: number, extra: Partial<Claim> = {}) => claimAt(b, t, { kind: 'numeric', quantity: { value: v, unit: 'currency', currency: 'GBP', approximate: false, bound: 'exact' }, ...extra });
    const viaInsiders = money('£40m', 4e7, { attributionId: insiders.id });
    const viaBrand = money('£90m', 9e7, { attributionId: brand.id });
    const none = money('£3m', 3e6);
    const claims = [insiders, viaInsiders, brand, viaBrand, none];
    const r = runRule(userPolicies, b, claims, config);
    expect(r.spans).toEqual(['£40m', '£3m']);
    expect(r.messages[0]).toBe('Name who gave “£40m” (given as: Insiders).');
    // The view is made for the check: the claims keep only the reference.
    for (const c of claims) expect(c).not.toHaveProperty('sourceAttribution');
    expect(viaBrand.attribution).toBeUndefined();
    // A reference to a claim that is not in the article is no source.
    const dangling = money('£90m', 9e7, { attributionId: 'c-000000000000' });
    expect(runRule(userPolicies, b, [dangling], config).spans).toEqual(['£90m']);
  });

  it('a user policy with the same rule id replaces the default one', () => {
    const file = path.join(dir, 'figures.json');
    fs.writeFileSync(file, JSON.stringify({
      'x-copydesk': { rule: 'sourcing/unsourced-figure', severity: 'warning' },
      if: { properties: { kind: { const: 'numeric' }, quantity: { properties: { unit: { const: 'currency' } } } }, required: ['kind', 'quantity'] },
      then: { required: ['attribution'] },
      errorMessage: 'Our desk: money needs a source (${/text}).',
    }));
    const config = resolveConfig({ policies: ['./figures.json'] }, configFile);
    const b = article('It cost $5 million. It drew 5,000 visitors.');
    const claims = [
      claimAt(b, '$5 million', { kind: 'numeric', quantity: { value: 5e6, unit: 'currency', currency: 'USD', approximate: false, bound: 'exact' } }),
      claimAt(b, '5,000 visitors', { kind: 'numeric', quantity: { value: 5000, unit: 'count', approximate: false, bound: 'exact' } }),
    ];
    expect(runRule(rule('sourcing/unsourced-figure'), b, claims, config).problems).toEqual([]);
    const r = runRule(userPolicies, b, claims, config);
    expect(r.messages).toEqual(['Our desk: money needs a source ($5 million).']);
  });

  it('rejects a broken policy when the config is loaded, naming the file', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ 'x-copydesk': { rule: 'house/thing' }, then: { required: ['x'] } }));
    expect(() => resolveConfig({ policies: ['./bad.json'] }, configFile)).toThrow(ConfigError);
    expect(() => resolveConfig({ policies: ['./bad.json'] }, configFile)).toThrow(/bad\.json.*must start with a category/);
    fs.writeFileSync(bad, JSON.stringify({ 'x-copydesk': { rule: 'style/thing' }, properties: { kind: { type: 'nonsense' } } }));
    expect(() => resolveConfig({ policies: ['./bad.json'] }, configFile)).toThrow(/bad\.json.*not a valid JSON Schema/);
    fs.writeFileSync(bad, JSON.stringify({ then: {} }));
    expect(() => resolveConfig({ policies: ['./bad.json'] }, configFile)).toThrow(/x-copydesk/);
  });

  it('compiles each policy once per process', () => {
    const s = { 'x-copydesk': { rule: 'style/cache-test' }, required: ['kind'] };
    expect(compilePolicy('/x/p.json', s)).toBe(compilePolicy('/x/p.json', structuredClone(s)));
    expect(compilePolicy('/x/p.json', { ...s, required: ['text'] })).not.toBe(compilePolicy('/x/p.json', s));
  });

  it('checks the x-copydesk block', () => {
    expect(policyMeta({ 'x-copydesk': { rule: 'sourcing/x-y' } })).toEqual({ rule: 'sourcing/x-y', category: 'sourcing', severity: 'warning', perSentence: false, headings: true });
    expect(() => policyMeta({ 'x-copydesk': { rule: 'sourcing/x', perSentence: 'yes' } })).toThrow(/perSentence/);
    expect(() => policyMeta({ 'x-copydesk': { rule: 'sourcing/x', category: 'style' } })).toThrow(/does not match/);
    expect(() => policyMeta({ 'x-copydesk': { rule: 'sourcing/x', severity: 'loud' } })).toThrow(/severity/);
    // Checked by schemas/policy-meta.schema.json: a misspelt key is an error, not silently ignored.
    expect(() => policyMeta({ 'x-copydesk': { rule: 'sourcing/x', perSentense: true } })).toThrow(/"x-copydesk"\/perSentense: unknown key/);
    expect(() => policyMeta({ 'x-copydesk': { rule: 'house/x' } })).toThrow(/must start with a category/);
  });
});
