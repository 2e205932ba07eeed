// The configuration cascade (run/config.ts): every config found walking up applies, the nearest last;
// "root": true stops the walk; extends (a path or an npm package) applies first; overrides apply after
// their file's own settings, in order; JSON, YAML, JavaScript and package.json configs; ambiguity is an error.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver } from '../../pipeline/run/config.js';
import { tempDir, writeTree } from '../helpers/ci.js';

async function effective(files: Record<string, string | object>, article: string, options: ConstructorParameters<typeof ConfigResolver>[0] = {}) {
  const dir = writeTree(tempDir(), files);
  const r = new ConfigResolver(options.configFile ? { ...options, configFile: path.join(dir, options.configFile) } : options);
  const abs = path.join(dir, article);
  await r.prepare([abs]);
  return { ...r.forFile(abs), dir };
}

interface Case {
  name: string;
  files: Record<string, string | object>;
  article: string;
  expect: { language?: string; words?: string[]; longSentence?: number; rules?: Record<string, unknown> };
}

const LS = 'clarity/long-sentence';
const FILLER = 'style/filler';

const cases: Case[] = [
  {
    name: 'a nested config holding only words keeps the root language (and adds its words)',
    files: { 'copydesk.config.json': { language: 'en-GB', words: ['Ofcom'] }, 'desk/.copydeskrc.json': { words: ['Holyrood'] } },
    article: 'desk/a.md',
    expect: { language: 'en-GB', words: ['Ofcom', 'Holyrood'] },
  },
  {
    name: 'nearest wins per key: a scalar from the nearest, rule settings per rule',
    files: { 'copydesk.config.json': { longSentence: 40, rules: { [LS]: 'warning', [FILLER]: 'off' } }, 'desk/copydesk.config.json': { longSentence: 50, rules: { [FILLER]: 'error' } } },
    article: 'desk/a.md',
    expect: { longSentence: 50, rules: { [LS]: { level: 'warning', options: { max: 50 } }, [FILLER]: { level: 'error', options: {} } } },
  },
  {
    name: 'root: true stops the walk',
    files: { 'copydesk.config.json': { language: 'en-GB', longSentence: 40 }, 'desk/copydesk.config.json': { root: true, words: ['Holyrood'] } },
    article: 'desk/a.md',
    expect: { language: 'auto', words: ['Holyrood'], rules: { [LS]: undefined } },
  },
  {
    name: 'a config with no root above it applies alone; articles beside the root config get only it',
    files: { 'copydesk.config.json': { language: 'en-GB' }, 'desk/copydesk.config.json': { language: 'en-US' } },
    article: 'a.md',
    expect: { language: 'en-GB' },
  },
  {
    name: 'a bare severity keeps the options set further up',
    files: { 'copydesk.config.json': { rules: { [LS]: ['warning', { max: 40 }] } }, 'desk/copydesk.config.json': { rules: { [LS]: 'error' } } },
    article: 'desk/a.md',
    expect: { rules: { [LS]: { level: 'error', options: { max: 40 } } } },
  },
  {
    name: 'extends a path: the extended file first, this file on top',
    files: { 'styles/base.json': { language: 'en-GB', longSentence: 30, words: ['Ofcom'] }, 'copydesk.config.json': { extends: './styles/base.json', longSentence: 45 } },
    article: 'a.md',
    expect: { language: 'en-GB', longSentence: 45, words: ['Ofcom'] },
  },
  {
    name: 'extends an npm package (a shareable newsroom style), and several in order',
    files: {
      'node_modules/@desk/style/package.json': { name: '@desk/style', main: 'copydesk.json' },
      'node_modules/@desk/style/copydesk.json': { language: 'en-GB', longSentence: 30 },
      'extra.yaml': 'longSentence: 33\nwords: [Holyrood]\n',
      'copydesk.config.json': { extends: ['@desk/style', './extra.yaml'] },
    },
    article: 'a.md',
    expect: { language: 'en-GB', longSentence: 33, words: ['Holyrood'] },
  },
  {
    name: 'overrides apply in order after the file’s own settings: a later match wins',
    files: {
      'copydesk.config.json': {
        rules: { [FILLER]: 'warning' },
        overrides: [
          { files: ['*.txt'], rules: { [FILLER]: 'error' } },
          { files: ['sport/**'], rules: { [FILLER]: 'info' } },
        ],
      },
    },
    article: 'sport/c.txt',
    expect: { rules: { [FILLER]: { level: 'info', options: {} } } },
  },
  {
    name: 'overrides: a glob without a slash matches the file name at any depth',
    files: { 'copydesk.config.json': { rules: { [FILLER]: 'warning' }, overrides: [{ files: '*.txt', rules: { [FILLER]: 'error' } }, { files: ['sport/**'], rules: { [FILLER]: 'info' } }] } },
    article: 'news/b.txt',
    expect: { rules: { [FILLER]: { level: 'error', options: {} } } },
  },
  {
    name: 'overrides: no match leaves the file’s settings',
    files: { 'copydesk.config.json': { rules: { [FILLER]: 'warning' }, overrides: [{ files: '*.txt', rules: { [FILLER]: 'error' } }] } },
    article: 'news/b.md',
    expect: { rules: { [FILLER]: { level: 'warning', options: {} } } },
  },
  {
    name: 'overrides: excludedFiles',
    files: { 'copydesk.config.json': { overrides: [{ files: '**/*.md', excludedFiles: 'drafts/**', language: 'en-GB' }] } },
    article: 'drafts/b.md',
    expect: { language: 'auto' },
  },
  {
    name: 'a nearer config beats the overrides of a config further up',
    files: { 'copydesk.config.json': { overrides: [{ files: '*.md', longSentence: 20 }] }, 'desk/copydesk.config.json': { longSentence: 60 } },
    article: 'desk/a.md',
    expect: { longSentence: 60 },
  },
  {
    name: 'YAML configs: copydesk.config.yaml, .copydeskrc (YAML or JSON), .copydeskrc.yml',
    files: { 'copydesk.config.yaml': 'language: en-GB\n', 'a/.copydeskrc': 'longSentence: 41\n', 'a/b/.copydeskrc.yml': 'words:\n  - Holyrood\n' },
    article: 'a/b/x.md',
    expect: { language: 'en-GB', longSentence: 41, words: ['Holyrood'] },
  },
  {
    name: 'JavaScript configs: copydesk.config.mjs and copydesk.config.js (ESM)',
    files: { 'package.json': { name: 'desk', type: 'module' }, 'copydesk.config.mjs': 'export default { language: "en-GB" };\n', 'a/copydesk.config.js': 'export default { longSentence: 42 };\n' },
    article: 'a/x.md',
    expect: { language: 'en-GB', longSentence: 42 },
  },
  {
    name: 'the "copydesk" key of package.json takes part in the cascade',
    files: { 'package.json': { name: 'desk', copydesk: { language: 'en-GB' } }, 'a/copydesk.config.json': { longSentence: 42 } },
    article: 'a/x.md',
    expect: { language: 'en-GB', longSentence: 42 },
  },
  {
    name: '--config uses that file (and what it extends) alone',
    files: { 'copydesk.config.json': { language: 'en-GB' }, 'base.json': { longSentence: 44 }, 'other.json': { extends: './base.json', words: ['Ofcom'] } },
    article: 'x.md',
    expect: { language: 'auto', longSentence: 44, words: ['Ofcom'] },
  },
];

describe('cascade, extends and overrides', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { effective: e } = await effective(c.files, c.article, c.name.startsWith('--config') ? { configFile: 'other.json' } : {});
      if (c.expect.language) expect(e.language).toBe(c.expect.language);
      if (c.expect.longSentence) expect(e.rules['clarity/long-sentence']?.options.max).toBe(c.expect.longSentence);
      if (c.expect.words) expect(e.words).toEqual(c.expect.words);
      if (c.expect.rules) for (const [id, v] of Object.entries(c.expect.rules)) expect(e.rules[id]).toEqual(v);
    });
  }

  it('paths in an extended file are relative to that file', async () => {
    const { effective: e, dir } = await effective(
      { 'styles/base.json': { facts: ['facts.json'] }, 'styles/facts.json': { facts: [] }, 'copydesk.config.json': { extends: './styles/base.json' } },
      'a.md',
    );
    expect(e.facts.map((f) => f.path)).toEqual([path.join(dir, 'styles/facts.json')]);
  });

  it('lists which files applied and which overrides matched (what --print-config shows)', async () => {
    const { files, overrides, dir } = await effective({ 'copydesk.config.json': { overrides: [{ files: '*.md', longSentence: 20 }] }, 'desk/.copydeskrc.yaml': 'words: [x]\n' }, 'desk/a.md');
    expect(files).toEqual([path.join(dir, 'copydesk.config.json'), path.join(dir, 'desk/.copydeskrc.yaml')]);
    expect(overrides).toEqual([`${path.join(dir, 'copydesk.config.json')}#0`]);
  });
});

describe('ambiguous or broken configuration is an error naming the file', () => {
  const fails = async (files: Record<string, string | object>, article: string, file: string, detail: RegExp) => {
    const dir = writeTree(tempDir(), files);
    const r = new ConfigResolver();
    const err = await r.prepare([path.join(dir, article)]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).file).toBe(path.join(dir, file));
    expect((err as Error).message).toMatch(detail);
  };
  it('.copydeskrc.json beside copydesk.config.json', () => fails({ 'copydesk.config.json': {}, '.copydeskrc.json': {} }, 'a.md', 'copydesk.config.json', /\.copydeskrc\.json in the same folder is a configuration too/));
  it('a package.json copydesk key beside a config file', () => fails({ '.copydeskrc.yaml': 'words: [a]\n', 'package.json': { copydesk: {} } }, 'a.md', '.copydeskrc.yaml', /package\.json in the same folder/));
  it('a package.json holding a copydesk key that is not valid JSON', () => fails({ 'package.json': '{ "name": "x", "copydesk": { "language": "en-GB", } }' }, 'a.md', 'package.json', /not valid JSON \(it holds a "copydesk" key/));
  it('a broken package.json without the key is not ours', async () => {
    const { effective: e } = await effective({ 'package.json': '{ "name": ', 'a/copydesk.config.json': { longSentence: 50 } }, 'a/x.md');
    expect(e.rules['clarity/long-sentence']?.options.max).toBe(50);
  });
  it('broken YAML', () => fails({ 'copydesk.config.yaml': 'language: [en-GB\n' }, 'a.md', 'copydesk.config.yaml', /not valid YAML/));
  it('an extends cycle', () => fails({ 'copydesk.config.json': { extends: './b.json' }, 'b.json': { extends: './copydesk.config.json' } }, 'a.md', 'copydesk.config.json', /extends itself/));
  it('an extends that cannot be found', () => fails({ 'copydesk.config.json': { extends: 'no-such-style' } }, 'a.md', 'copydesk.config.json', /cannot find the package "no-such-style"/));
  it('a bad key in an override, with its pointer', async () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { overrides: [{ files: '*.md', colour: 1 }] } });
    expect(() => new ConfigResolver().forFile(path.join(dir, 'a.md'))).toThrow(/copydesk\.config\.json at \/overrides\/0\/colour: unknown option "colour"/);
  });
  it('a JavaScript config that throws', () => fails({ 'copydesk.config.mjs': 'throw new Error("boom");\n' }, 'a.md', 'copydesk.config.mjs', /cannot load the JavaScript config: boom/));
  it('an empty config file is an empty config, not an error', async () => {
    const { effective: e } = await effective({ 'copydesk.config.json': '' }, 'a.md');
    expect(e.language).toBe('auto');
  });
});
