// Vocabularies as files (run/vocab.ts, spelling/rejected-word) and the add/remove options of the
// loaded-word, filler and vague-attribution lists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver } from '../../pipeline/run/config.js';
import { checkArticle } from '../../pipeline/core/article.js';
import type { EffectiveConfig } from '../../pipeline/core/types.js';
import { tempDir, writeTree } from '../helpers/ci.js';
import { sarifLimitWarning, GITHUB_MAX_RESULTS } from '../../pipeline/write/formats/sarif.js';

function configFor(files: Record<string, string | object>): EffectiveConfig {
  const dir = writeTree(tempDir(), files);
  return new ConfigResolver().forFile(path.join(dir, 'a.md')).effective;
}
const rulesOf = (text: string, config: EffectiveConfig, prefix: string) =>
  checkArticle({ path: 'a.md', text }, config)
    .items.filter((i) => i.rule.startsWith(prefix))
    .map((i) => `${i.rule}:${i.excerpt}${i.suggestions.length ? `->${i.suggestions[0]}` : ''}`);

describe('vocab folders', () => {
  const files = {
    'copydesk.config.json': { language: 'en-GB', vocab: ['styles/vocab/newsroom'] },
    'styles/vocab/newsroom/accept.txt': '# house words\nAberdaron\n[Ll]lanfair\\w*\n',
    'styles/vocab/newsroom/reject.txt': 'alright -> all right\nirregardless\n',
  };
  it('accepted words and patterns are never spelling errors', () => {
    const config = configFor(files);
    expect(rulesOf('# Roads\n\nThe aberdaron road and llanfairfechan bridge reopened. The goverment paid.\n', config, 'spelling/')).toEqual(['spelling/unknown-word:goverment->government']);
  });
  it('rejected words are always errors, with the preferred form (recased)', () => {
    const config = configFor(files);
    expect(rulesOf('# Roads\n\nAlright, the road reopened, irregardless of the cost.\n', config, 'spelling/')).toEqual(['spelling/rejected-word:Alright->All right', 'spelling/rejected-word:irregardless']);
  });
  it('vocab paths from an extended config are relative to that config', () => {
    const config = configFor({
      'base/copydesk.json': { vocab: ['vocab'] },
      'base/vocab/reject.txt': 'alright -> all right\n',
      'copydesk.config.json': { extends: './base/copydesk.json' },
    });
    expect(config.vocab?.reject.map((r) => r.pattern)).toEqual(['alright']);
  });
  it('a missing folder, an empty folder and a bad pattern are errors naming the file', () => {
    expect(() => configFor({ 'copydesk.config.json': { vocab: ['nowhere'] } })).toThrow(/copydesk\.config\.json at \/vocab\/0: vocabulary folder .*nowhere does not exist/);
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { vocab: ['v'] } });
    fs.mkdirSync(path.join(dir, 'v'));
    expect(() => new ConfigResolver().forFile(path.join(dir, 'a.md'))).toThrow(/has neither accept\.txt nor reject\.txt/);
    let err: unknown;
    try {
      configFor({ 'copydesk.config.json': { vocab: ['v'] }, 'v/accept.txt': 'ok\n[unclosed\n' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/accept\.txt: line 2: not a valid regular expression/);
  });
});

describe('extendable and trimmable word lists', () => {
  const base = (rules: Record<string, unknown>) => configFor({ 'copydesk.config.json': { language: 'en-GB', rules } });
  it('style/loaded-word: add and remove', () => {
    const text = '# Roads\n\nThe council slammed the plan. It is clearly wrong and definitely late.\n';
    expect(rulesOf(text, base({}), 'style/loaded-word')).toEqual(['style/loaded-word:clearly', 'style/loaded-word:definitely']);
    expect(rulesOf(text, base({ 'style/loaded-word': ['warning', { add: ['slammed'], remove: ['clearly'] }] }), 'style/loaded-word')).toEqual(['style/loaded-word:slammed', 'style/loaded-word:definitely']);
  });
  it('style/filler: add and remove', () => {
    const text = '# Roads\n\nNeedless to say, the road opened. At the end of the day the cost rose.\n';
    expect(rulesOf(text, base({ 'style/filler': ['warning', { add: ['at the end of the day'], remove: ['needless to say'] }] }), 'style/filler')).toEqual(['style/filler:At the end of the day the->The']);
  });
  it('sourcing/vague-attribution: add a group, remove one', () => {
    const text = '# Roads\n\nCampaigners believe the road will close. Critics argue it should stay open.\n';
    const on = { 'sourcing/anonymous-source': 'off' };
    expect(rulesOf(text, base(on), 'sourcing/vague')).toEqual(['sourcing/vague-attribution:Critics argue']);
    expect(rulesOf(text, base({ ...on, 'sourcing/vague-attribution': ['warning', { add: ['campaigners'], remove: ['critics'] }] }), 'sourcing/vague')).toEqual(['sourcing/vague-attribution:Campaigners believe']);
  });
});

describe('SARIF and GitHub’s result limit', () => {
  const item = (i: number) => ({ id: String(i), rule: 'style/filler', category: 'style' as const, severity: 'warning' as const, message: 'm', excerpt: 'x', offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2, suggestions: [], status: 'open' as const });
  it('warns above 5,000 results and says how to filter', () => {
    const report = (n: number) => ({ version: 1 as const, files: [{ path: 'a.md', words: 1, claims: [], items: Array.from({ length: n }, (_, i) => item(i)) }] });
    expect(sarifLimitWarning(report(GITHUB_MAX_RESULTS))).toBeUndefined();
    expect(sarifLimitWarning(report(GITHUB_MAX_RESULTS + 1))).toMatch(/5,001 results; GitHub code scanning keeps only 5,000 per run.*--min-severity warning.*--update-baseline/);
  });
});
