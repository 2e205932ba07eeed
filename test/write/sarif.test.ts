// SARIF 2.1.0 output validated against the official schema (test/fixtures/sarif-schema-2.1.0.json; see
// its README for where it comes from) with ajv, both for a hand-built report that uses every feature
// and for the built CLI's output over real articles.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FileResult, Item, Report } from '../../pipeline/core/types.js';
import { sarif, artifactLocation, FINGERPRINT_KEY } from '../../pipeline/write/formats/sarif.js';
import { allRuleMetas } from '../../pipeline/core/registry.js';
import { lint, only, SPELLING, tempDir, writeTree } from '../helpers/ci.js';

const schema = JSON.parse(fs.readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// The schema's header names JSON Schema 2020-12 (see test/fixtures/sarif-schema-2.1.0.README.md).
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

function expectValidSarif(log: unknown) {
  const ok = validate(log);
  expect(ok, JSON.stringify(validate.errors, null, 1)).toBe(true);
}

function item(over: Partial<Item>): Item {
  return {
    id: 'aaaaaaaaaaaaaaaa',
    rule: 'input/front-matter',
    category: 'input',
    severity: 'error',
    message: 'Front matter is not valid YAML.',
    excerpt: 'title: [',
    offset: 4,
    endOffset: 12,
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 9,
    suggestions: [],
    status: 'open',
    ...over,
  };
}

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown> } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification?: string }[];
      fixes?: unknown[];
    }[];
  }[];
}

describe('the vendored schema', () => {
  it('is the final SARIF 2.1.0 schema and rejects invalid logs', () => {
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(schema.definitions.suppression.properties.status.enum).toEqual(['accepted', 'underReview', 'rejected']);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } } }] })).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, suppressions: [{ kind: 'external', state: 'accepted' }] }] }] })).toBe(false);
  });
});

describe('sarif formatter on a hand-built report', () => {
  const root = '/repo';
  const files: FileResult[] = [
    {
      path: 'news/my story #1.md',
      words: 10,
      claims: [],
      items: [
        item({ id: '1111111111111111', severity: 'warning' }),
        item({ id: '2222222222222222', rule: 'style/made-up', category: 'style', severity: 'info', message: 'A plug-in rule.', suggestions: ['better', 'best'] }),
        item({ id: '3333333333333333', status: 'dismissed', note: 'House style allows it.' }),
      ],
    },
    { path: '../../elsewhere/b.txt', words: 0, claims: [], items: [item({ id: '4444444444444444', rule: 'input/file-error', message: 'b.txt: the file is empty', excerpt: '', offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 })], error: { message: 'empty', code: 'empty' } },
  ];
  const report: Report = { version: 1, tool: { name: 'copydesk', version: 't' }, files };
  const log = JSON.parse(sarif(report, { color: false, cwd: '/repo/site', root })) as SarifLog;
  const run = log.runs[0];

  it('validates against the official schema', () => expectValidSarif(log));

  it('lists every registry rule with descriptions, help and default level', () => {
    const rules = run.tool.driver.rules;
    for (const m of allRuleMetas()) {
      const r = rules.find((x) => x.id === m.id)!;
      expect(r, m.id).toBeDefined();
      expect(r.shortDescription.text).toBe(m.description);
      expect(r.fullDescription.text.length).toBeGreaterThanOrEqual(m.description.length);
      expect(r.help.markdown).toContain(m.description);
      expect(r.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[m.severity]);
    }
    expect(run.tool.driver).toMatchObject({ name: 'copydesk', version: expect.any(String), informationUri: expect.stringMatching(/^(https|file):\/\//) });
  });

  it('maps levels, rule indexes, repository-relative URIs, regions and fingerprints', () => {
    const byId = Object.fromEntries(run.results.map((r) => [r.partialFingerprints[FINGERPRINT_KEY], r]));
    const warn = byId['1111111111111111'];
    expect(warn.level).toBe('warning');
    expect(run.tool.driver.rules[warn.ruleIndex].id).toBe(warn.ruleId);
    expect(warn.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'site/news/my%20story%20%231.md', uriBaseId: '%SRCROOT%' });
    expect(warn.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 9 });
    const plugin = byId['2222222222222222'];
    expect(plugin.level).toBe('note');
    expect(run.tool.driver.rules[plugin.ruleIndex].id).toBe('style/made-up');
    expect(plugin.fixes).toHaveLength(2);
    expect(byId['3333333333333333'].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'House style allows it.' }]);
    const outside = byId['4444444444444444'];
    expect(outside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/b.txt' });
    expect(outside.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(run.results[0].level).toBe('error'); // most severe first
  });

  it('uses forward slashes for nested paths', () => {
    expect(artifactLocation('/repo/a/b/c.md', '/repo')).toEqual({ uri: 'a/b/c.md', uriBaseId: '%SRCROOT%' });
  });
});

describe('copydesk lint --format sarif (built CLI)', () => {
  const repo = tempDir();
  fs.mkdirSync(path.join(repo, '.git'));
  writeTree(repo, {
    'site/copydesk.config.json': { rules: only({ [SPELLING]: 'error' }) },
    'site/articles/council.md': '# Council\n\nThe goverment recieved the letters on Monday.\n',
    'site/articles/clean.md': '# Parks\n\nThe park opened on Monday.\n',
    'site/articles/notes.txt': 'Budget\n\nThe comittee met again.\n',
  });
  const cwd = path.join(repo, 'site');
  const out = path.join(cwd, 'copydesk.sarif');
  const r = lint(cwd, ['articles', '--format', 'sarif', '--output-file', out]);

  it('exits 1 on errors and writes the log to --output-file', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('writes a log that validates, with URIs relative to the repository root', () => {
    const log = JSON.parse(fs.readFileSync(out, 'utf8')) as SarifLog;
    expectValidSarif(log);
    const results = log.runs[0].results;
    expect(results.map((x) => x.ruleId)).toEqual([SPELLING, SPELLING, SPELLING]);
    expect(new Set(results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set(['site/articles/council.md', 'site/articles/notes.txt']));
    const teh = results.find((x) => x.message.text.includes('goverment'))!;
    expect(teh.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 14 });
    expect(teh.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{16}$/);
  });
});
