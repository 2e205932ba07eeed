// The lexicon loader: every word list under pipeline/lexicon/ has a schema in schemas/lexicon/ and
// matches it; a list without a schema, or with a bad entry, fails at load with its path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon, readLexicon, lexiconSchemaFile } from '../../pipeline/lexicon/load.js';
import { createRequire } from 'node:module';
import { repoRoot } from '../helpers/shared.js';
import { digest } from '../../pipeline/util/hash.js';

const lexiconDir = path.join(repoRoot, 'pipeline/lexicon');
const schemaDir = path.join(repoRoot, 'schemas/lexicon');

function jsonFiles(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).map((f) => f.split(path.sep).join('/').slice(0, -suffix.length)).sort();
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lexicon-'));

describe('word lists (pipeline/lexicon/*.json)', () => {
  const lists = jsonFiles(lexiconDir, '.json');
  it('are all found', () => {
    expect(lists).toContain('word-classes');
    expect(lists).toContain('check/fragment');
  });
  it.each(lists)('%s has a schema and matches it', (name) => {
    expect(fs.existsSync(lexiconSchemaFile(name)), `schemas/lexicon/${name}.schema.json`).toBe(true);
    expect(() => loadLexicon(name)).not.toThrow();
  });
  it('every lexicon schema belongs to a word list (no orphans)', () => {
    const schemas = jsonFiles(schemaDir, '.schema.json').filter((n) => n !== 'common');
    expect(schemas).toEqual(lists);
  });
});

describe('readLexicon', () => {
  it('refuses a word list without a schema, naming the schema to write', () => {
    const dir = tmp();
    const file = path.join(dir, 'extra.json');
    fs.writeFileSync(file, JSON.stringify({ words: ['a'] }));
    expect(() => readLexicon(file, path.join(dir, 'extra.schema.json'))).toThrow(/extra\.json has no schema: write .*extra\.schema\.json/);
  });
  it('refuses a list that does not match its schema, with the JSON path of the bad entry', () => {
    const dir = tmp();
    const file = path.join(dir, 'word-classes.json');
    fs.writeFileSync(file, JSON.stringify({ classes: { month: { description: 'Months.', words: ['January'] } } }));
    expect(() => readLexicon(file, lexiconSchemaFile('word-classes'))).toThrow(/word-classes\.json does not match .*\/classes\/month\/words\/0/);
  });
  it('refuses a misspelt key', () => {
    const dir = tmp();
    const file = path.join(dir, 'fillers.json');
    fs.writeFileSync(file, JSON.stringify({ phrases: ['needless to say'], beforeComa: [] }));
    expect(() => readLexicon(file, lexiconSchemaFile('check/fillers'))).toThrow(/beforeComa: unknown key/);
  });
  it('checks names.json entries (no hand-written validation)', () => {
    const dir = tmp();
    const file = path.join(dir, 'names.json');
    fs.writeFileSync(file, JSON.stringify({ names: { publication: ['The Times', { name: 'Izvestia', alias: ['Izvestiya'] }] } }));
    expect(() => readLexicon(file, lexiconSchemaFile('names'))).toThrow(/names\.json does not match/);
    fs.writeFileSync(file, JSON.stringify({ names: { publication: [' '] } }));
    expect(() => readLexicon(file, lexiconSchemaFile('names'))).toThrow(/\/names\/publication\/0/);
  });
});

describe('the build\'s precompiled validators (dist/pipeline/lexicon/validators.cjs; npm test builds first)', () => {
  const file = path.join(repoRoot, 'dist/pipeline/lexicon/validators.cjs');
  it('hold one validator per word list, compiled from the current schema, that accepts the list', () => {
    expect(fs.existsSync(file), `${file}: run npm run build`).toBe(true);
    const v = createRequire(import.meta.url)(file) as Record<string, (d: unknown) => boolean> & { hashes: Record<string, string> };
    const lists = jsonFiles(lexiconDir, '.json');
    expect(Object.keys(v.hashes).sort()).toEqual(lists);
    for (const name of lists) {
      expect(v.hashes[name], name).toBe(digest(fs.readFileSync(lexiconSchemaFile(name), 'utf8')));
      expect(v[name.replace(/[^A-Za-z0-9]/g, '_')](JSON.parse(fs.readFileSync(path.join(lexiconDir, `${name}.json`), 'utf8'))), name).toBe(true);
    }
    expect(v.word_classes({ classes: { month: { description: 'Months.', words: ['January'] } } })).toBe(false);
  });
});

