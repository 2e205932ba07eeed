import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { facts as factsRule, matchFacts, describeValue } from '../../pipeline/verify/facts.js';
import { resolveConfig, ConfigError } from '../../pipeline/run/config.js';
import type { Claim, Fact, Quantity } from '../../pipeline/core/types.js';
import { article, claimAt, runRule } from '../helpers/claims.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/shared.js';

const containers: Fact = { id: 'containers', measure: 'Containers handled by the port', terms: ['containers', 'port'], period: '2024', value: 1_200_000, unit: 'count', tolerance: 0.01, source: 'Port Authority annual report', url: 'https://example.org/report' };
const cost: Fact = { id: 'cost', measure: 'Cost of the terminal', terms: ['terminal', 'cost'], value: 310e6, unit: 'currency', currency: 'GBP', source: 'Project accounts' };
const share: Fact = { id: 'share', measure: 'Share of software replaced', terms: ['software'], low: 30, high: 40, unit: 'percent', source: 'Survey' };
const config = (...f: Fact[]) => ({ facts: [{ path: '/facts.json', facts: f }] });
const q = (value: number, unit: Quantity['unit'], extra: Partial<Quantity> = {}): Quantity => ({ value, unit, approximate: false, bound: 'exact', ...extra });

function run(text: string, claims: (a: ReturnType<typeof article>) => Claim[], ...f: Fact[]) {
  const a = article(text);
  const cs = claims(a);
  return { ...runRule(factsRule, a, cs, config(...f)), claims: cs };
}

describe('verification/facts', () => {
  it('verifies a claim that agrees with a fact, with the fact as evidence and no item', () => {
    const r = run('The port handled 1.2 million containers in 2024.', (a) => [claimAt(a, '1.2 million', { kind: 'numeric', quantity: q(1.2e6, 'count'), subject: 'containers' })], containers);
    expect(r.problems).toEqual([]);
    expect(r.claims[0].verdict).toBe('verified');
    expect(r.claims[0].evidence![0]).toMatchObject({ kind: 'fact', source: 'Port Authority annual report', url: 'https://example.org/report', expected: '1.2 million' });
  });

  it('contradicts a claim that disagrees: an error item naming the fact and its source', () => {
    const r = run('The terminal cost £340m to build.', (a) => [claimAt(a, '£340m', { kind: 'numeric', quantity: q(340e6, 'currency', { currency: 'GBP' }) })], cost);
    expect(r.claims[0].verdict).toBe('contradicted');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', expected: '£310 million', actual: '£340m', claimId: r.claims[0].id });
    expect(r.messages[0]).toBe('The figure “£340m” contradicts the reference fact “Cost of the terminal”: £310 million according to Project accounts. Correct the figure, or the facts file if it is out of date.');
    expect(r.problems[0].evidence![0].kind).toBe('fact');
  });

  it('allows the rounding of the stated figure and the fact\'s tolerance', () => {
    const f = { ...containers, value: 1_163_000, tolerance: 0 };
    // The rounding comes from the numeral as written, which the extract stage records (quantity.digits).
    const r = run('The port handled 1.2 million containers in 2024.', (a) => [claimAt(a, '1.2 million', { kind: 'numeric', quantity: q(1.2e6, 'count', { digits: '1.2' }) })], f);
    expect(r.claims[0].verdict).toBe('verified');
    const far = run('The port handled 1.2 million containers in 2024.', (a) => [claimAt(a, '1.2 million', { kind: 'numeric', quantity: q(1.2e6, 'count', { digits: '1.2' }) })], { ...f, value: 1_100_000 });
    expect(far.claims[0].verdict).toBe('contradicted');
  });

  it('picks the agreeing figure of a sentence with two candidates and leaves the other alone', () => {
    const r = run('The port handled 1.2 million containers in 2024, up from 1 million.', (a) => [
      claimAt(a, '1.2 million', { kind: 'numeric', quantity: q(1.2e6, 'count') }),
      claimAt(a, '1 million', { kind: 'numeric', quantity: q(1e6, 'count') }),
    ], containers);
    expect(r.problems).toEqual([]);
    expect(r.claims.map((c) => c.verdict)).toEqual(['verified', undefined]);
  });

  it('compares a range claim with a range fact and a fraction with a percentage', () => {
    const r = run('Only 30-40% of foreign software was replaced.', (a) => [claimAt(a, '30-40%', { kind: 'numeric', quantity: { low: 30, high: 40, unit: 'percent', approximate: false, bound: 'exact' } })], share);
    expect(r.claims[0].verdict).toBe('verified');
    const frac = run('About a third of the software was replaced.', (a) => [claimAt(a, 'About a third', { kind: 'numeric', quantity: q(1 / 3, 'fraction', { approximate: true }) })], share);
    expect(frac.claims[0].verdict).toBe('verified');
  });

  it('honours bounds: "more than 400" agrees with 450 but not with 380', () => {
    const f: Fact = { id: 'c', measure: 'Complaints filed', terms: ['complaints'], value: 450, unit: 'count', source: 'Council' };
    const claim = (a: ReturnType<typeof article>) => [claimAt(a, 'more than 400', { kind: 'numeric', quantity: q(400, 'count', { bound: 'lower', qualifier: 'more than' }) })];
    expect(run('Officials said more than 400 complaints were filed.', claim, f).claims[0].verdict).toBe('verified');
    expect(run('Officials said more than 400 complaints were filed.', claim, { ...f, value: 380 }).claims[0].verdict).toBe('contradicted');
  });

  describe('leaves unmatched claims alone', () => {
    const cases: [string, string, string, Quantity, Fact][] = [
      ['a term is missing', 'The port handled 1.3 million boxes in 2024.', '1.3 million', q(1.3e6, 'count'), containers],
      ['another period', 'The port handled 1.3 million containers in 2023.', '1.3 million', q(1.3e6, 'count'), containers],
      ['another unit', 'The port handled containers worth $1.3 million in 2024.', '$1.3 million', q(1.3e6, 'currency', { currency: 'USD' }), containers],
      ['another currency', 'The terminal cost $340m.', '$340m', q(340e6, 'currency', { currency: 'USD' }), cost],
      ['a percentage for a count', 'The port handled 13% more containers in 2024.', '13%', q(13, 'percent'), containers],
    ];
    it.each(cases)('%s', (_why, text, span, quantity, fact) => {
      const r = run(text, (a) => [claimAt(a, span, { kind: 'numeric', quantity })], fact);
      expect(r.problems).toEqual([]);
      expect(r.claims[0].verdict).toBeUndefined();
      expect(r.claims[0].evidence).toBeUndefined();
    });
  });

  it('finds the period in the paragraph when the sentence names no year', () => {
    const a = article('In 2024 the port was busy. It handled 1.2 million containers, the port said.');
    const c = claimAt(a, '1.2 million', { kind: 'numeric', quantity: q(1.2e6, 'count') });
    expect(matchFacts(a, [c], config(containers).facts)).toHaveLength(1);
  });

  it('finds terms among the sentence\'s words: plurals, possessives and compounds, not letters inside a word', () => {
    const claim = (a: ReturnType<typeof article>) => [claimAt(a, '1.2 million', { kind: 'numeric', quantity: q(1.2e6, 'count') })];
    expect(run("The port's terminals moved 1.2 million containers in 2024.", claim, containers).claims[0].verdict).toBe('verified');
    expect(run('The port-owned yards moved 1.2 million containers in 2024.', claim, containers).claims[0].verdict).toBe('verified');
    // "sport" is not "port": a term word matches whole words only.
    expect(run('The sport club moved 1.2 million containers in 2024.', claim, containers).claims[0].verdict).toBeUndefined();
    // Another year in the sentence: the fact's period does not hold.
    expect(run('The port handled 1.2 million containers in 2023.', claim, containers).claims[0].verdict).toBeUndefined();
  });

  it('describes fact values for messages', () => {
    expect(describeValue(cost)).toBe('£310 million');
    expect(describeValue(share)).toBe('30–40%');
    expect(describeValue({ value: 244.8e9, unit: 'currency', currency: 'USD' })).toBe('$244.8 billion');
    expect(describeValue({ value: 12, unit: 'km' })).toBe('12 km');
  });

  it('a facts file that does not match the schema is a config error naming the file', () => {
    const dir = tempDir('copydesk-facts-');
    const bad = path.join(dir, 'facts.yaml');
    fs.writeFileSync(bad, 'facts:\n  - id: x\n    measure: y\n    terms: [a]\n    unit: count\n    source: s\n');
    expect(() => resolveConfig({}, undefined, { facts: [bad] })).toThrow(ConfigError);
    expect(() => resolveConfig({}, undefined, { facts: [bad] })).toThrow(/facts\.yaml/);
    fs.writeFileSync(bad, 'facts:\n  - id: x\n    measure: y\n    terms: [a]\n    unit: count\n    value: 3\n    source: s\n');
    expect(resolveConfig({}, undefined, { facts: [bad] }).facts[0].facts[0].value).toBe(3);
  });
});

describe('end to end: copydesk run --facts', () => {
  it('gives one verified and one contradicted claim, written to output/claims/*.json', () => {
    const dir = tempDir('copydesk-facts-e2e-');
    const out = tempDir('copydesk-facts-out-');
    fs.copyFileSync(path.join(repoRoot, 'input/harbor.md'), path.join(dir, 'harbor.md'));
    const r = runCli(['run', dir, '--out', out, '--facts', path.join(repoRoot, 'input/facts.json'), '--no-progress']);
    expect(r.stderr).not.toMatch(/Error/);
    // Outside the working folder: claims/external/<hash of the path>-harbor.md.json (the path is kept).
    const rel = (fs.readdirSync(path.join(out, 'claims'), { recursive: true }) as string[]).find((f) => f.endsWith('harbor.md.json'));
    const claimsFile = path.join(out, 'claims', rel ?? 'missing');
    const { claims } = JSON.parse(fs.readFileSync(claimsFile, 'utf8')) as { claims: Claim[] };
    const byVerdict = (v: string) => claims.filter((c) => c.verdict === v).map((c) => c.text);
    expect(byVerdict('verified')).toEqual(['1.2 million']);
    expect(byVerdict('contradicted')).toContain('£340m');
    const contradicted = claims.find((c) => c.text === '£340m')!;
    expect(contradicted.evidence!.some((e) => e.kind === 'fact' && e.source!.includes('final project accounts'))).toBe(true);
    const queue = JSON.parse(fs.readFileSync(path.join(out, 'review-queue.json'), 'utf8'));
    const items = (queue.items ?? queue.files?.flatMap((f: { items: unknown[] }) => f.items) ?? []) as { rule: string; severity: string; excerpt: string }[];
    expect(items.filter((i) => i.rule === 'verification/facts')).toEqual([expect.objectContaining({ severity: 'error', excerpt: '£340m' })]);
    const summary = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| verified \| 1 \|/);
    expect(summary).toMatch(/\| contradicted \| [1-9]/);
  });

  it('the input/ samples pick up input/facts.json through input/copydesk.config.json', () => {
    const out = tempDir('copydesk-input-out-');
    const r = runCli(['run', path.join(repoRoot, 'input'), '--out', out, '--no-progress']);
    expect(r.stderr).not.toMatch(/Error/);
    const file = (fs.readdirSync(path.join(out, 'claims'), { recursive: true }) as string[]).find((f) => path.basename(f) === 'harbor.md.json');
    expect(file).toBeDefined();
    const { claims } = JSON.parse(fs.readFileSync(path.join(out, 'claims', file!), 'utf8')) as { claims: Claim[] };
    expect(claims.find((c) => c.text === '1.2 million')?.verdict).toBe('verified');
    expect(claims.find((c) => c.text === '£340m')?.verdict).toBe('contradicted');
  });
});
