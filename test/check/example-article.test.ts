// The example article (../shared) through the whole pipeline: every gold flag of the writing rules is
// found by the right rule, and the report holds no more than 10 items outside the gold spans.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../pipeline/core/article.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import { exampleArticle, exampleGold, sharedOnly } from '../helpers/shared.js';

const RULE_OF_KIND: Record<string, string> = {
  fragment: 'clarity/fragment',
  'unclosed-quote': 'clarity/unclosed-quote',
  'country-modifier': 'grammar/country-as-modifier',
  loaded: 'style/loaded-word',
  'long-sentence': 'clarity/long-sentence',
};

describe('example article (china-russia-tech)', () => {
  sharedOnly(it)('finds every gold flag of the writing rules, with little noise', () => {
    const text = fs.readFileSync(exampleArticle, 'utf8');
    const gold = JSON.parse(fs.readFileSync(exampleGold, 'utf8')) as { flags: { kind: string; quote: string }[]; typos: string[] };
    const { items } = checkArticle({ path: 'china-russia-tech.txt', text }, defaultConfig());
    const spans = gold.flags.map((f) => ({ ...f, start: text.indexOf(f.quote), end: text.indexOf(f.quote) + f.quote.length }));
    for (const w of gold.typos) for (const m of text.matchAll(new RegExp(`\\b${w}\\b`, 'g'))) spans.push({ kind: 'typo', quote: w, start: m.index!, end: m.index! + w.length });
    const overlaps = (it: { offset: number; endOffset: number }, g: { start: number; end: number }) => it.offset < g.end && g.start < it.endOffset;
    const mine = spans.filter((g) => RULE_OF_KIND[g.kind]);
    expect(mine.length).toBe(7);
    for (const g of mine) {
      const hit = items.find((it) => it.rule === RULE_OF_KIND[g.kind] && overlaps(it, g));
      expect(hit, `${g.kind}: ${g.quote}`).toBeDefined();
    }
    const country = items.filter((it) => it.rule === 'grammar/country-as-modifier');
    expect(country.every((it) => it.excerpt === 'Russia' && it.suggestions.join() === "Russian,Russia's")).toBe(true);
    const noise = items.filter((it) => !spans.some((g) => overlaps(it, g)));
    expect(noise.length, noise.map((n) => `${n.rule}: ${n.excerpt}`).join('\n')).toBeLessThanOrEqual(10);
    // Long sentences: only the one clearly over the limit.
    expect(items.filter((it) => it.rule === 'clarity/long-sentence').map((it) => it.excerpt)).toEqual(['It all began back in 2024']);
  });
});
