// The policy stage on real articles: the example article (extractor claims, default policy) and a
// user's own policy schema, added through a config file, end to end through checkArticle.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkArticle } from '../../pipeline/core/article.js';
import { defaultConfig, loadConfigFile, resolveConfig } from '../../pipeline/run/config.js';
import { exampleArticle, exampleGold, repoRoot, sharedOnly } from '../helpers/shared.js';
import { tempDir } from '../helpers/cli.js';

const MY_RULES = /^(sourcing\/(unsourced-figure|unnamed-speaker|anonymous-source)|verification\/|consistency\/)/;

describe('the example article', () => {
  sharedOnly(it)('flags “$244.8 billion” as unsourced and none of the attributed claims', () => {
    const text = fs.readFileSync(exampleArticle, 'utf8');
    const res = checkArticle({ path: 'china-russia-tech.txt', text }, defaultConfig());
    const unsourced = res.items.filter((i) => i.rule === 'sourcing/unsourced-figure');
    expect(unsourced.map((i) => i.excerpt)).toContain('$244.8 billion');
    const money = unsourced.find((i) => i.excerpt === '$244.8 billion')!;
    expect(money.message).toMatch(/source/);
    expect(res.claims.find((c) => c.text === '$244.8 billion')?.verdict).toBe('policy-failed');
    // The Moscow Times figure has its source in its sentence.
    expect(unsourced.some((i) => i.excerpt.includes('30-40%'))).toBe(false);
    // The four attributions (Kommersant, The Moscow Times, The Bell, Mankevich) carry no policy item.
    const attributed = res.claims.filter((c) => (c.kind === 'attribution' || c.kind === 'quote') && c.attribution);
    expect(attributed.map((c) => c.attribution!.source)).toEqual(expect.arrayContaining(['Kommersant', 'The Moscow Times', 'The Bell', 'Vitaly Mankevich']));
    for (const c of attributed) {
      expect(res.items.filter((i) => i.claimId === c.id && i.rule.startsWith('sourcing/'))).toEqual([]);
      expect(c.verdict).not.toBe('policy-failed');
    }
    // No item of the validate/verify stages outside the gold spans.
    const gold = JSON.parse(fs.readFileSync(exampleGold, 'utf8')) as { flags: { quote: string }[] };
    const spans = gold.flags.map((f) => ({ start: text.indexOf(f.quote), end: text.indexOf(f.quote) + f.quote.length }));
    const outside = res.items.filter((i) => MY_RULES.test(i.rule) && !spans.some((s) => i.offset < s.end && s.start < i.endOffset));
    expect(outside).toEqual([]);
  });
});

describe('a user policy added through the config', () => {
  it('produces review items with its own rule id, severity and message', () => {
    const dir = tempDir('copydesk-user-policy-');
    fs.mkdirSync(path.join(dir, 'policies'));
    fs.writeFileSync(path.join(dir, 'policies', 'hedged.json'), JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Percentages are stated exactly',
      'x-copydesk': { rule: 'style/hedged-percentage', severity: 'info' },
      if: { required: ['kind', 'quantity'], properties: { kind: { const: 'numeric' }, quantity: { properties: { unit: { const: 'percent' } }, required: ['unit'] } } },
      then: { properties: { quantity: { properties: { approximate: { const: false } } } } },
      errorMessage: 'Our style: give the exact percentage instead of “${/text}”.',
    }));
    const configFile = path.join(dir, 'copydesk.config.json');
    fs.writeFileSync(configFile, JSON.stringify({ policies: ['./policies/hedged.json'], rules: { 'style/hedged-percentage': 'warning' } }));
    const config = resolveConfig(loadConfigFile(configFile), configFile);
    const res = checkArticle({ path: 'a.md', text: 'Turnout was about 40% this year, against 35% in 2020, the council said.\n' }, config);
    const mine = res.items.filter((i) => i.rule === 'style/hedged-percentage');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ category: 'style', severity: 'warning', message: 'Our style: give the exact percentage instead of “about 40%”.', excerpt: 'about 40%' });
    expect(mine[0].evidence?.[0]).toMatchObject({ kind: 'policy' });
    expect(res.claims.find((c) => c.text === 'about 40%')?.verdict).toBe('policy-failed');
  });

  it('the example in docs/policy.md works as documented', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs/policy.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);
    const dir = tempDir('copydesk-doc-policy-');
    fs.mkdirSync(path.join(dir, 'policies'));
    fs.writeFileSync(path.join(dir, 'policies', 'big-money.json'), JSON.stringify(blocks[0]));
    fs.writeFileSync(path.join(dir, 'copydesk.config.json'), JSON.stringify(blocks[1]));
    const file = path.join(dir, 'copydesk.config.json');
    const config = resolveConfig(loadConfigFile(file), file);
    const res = checkArticle({ path: 'a.md', text: 'The terminal cost £340m to build. The council said the bridge cost £2m.\n' }, config);
    const items = res.items.filter((i) => i.rule === 'sourcing/big-money-source');
    expect(items.map((i) => [i.severity, i.message])).toEqual([['warning', 'House rule: “£340m” is a large sum; name the person or organisation it comes from.']]);
  });
});
