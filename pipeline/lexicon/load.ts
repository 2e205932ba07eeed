// The one loader of word knowledge: every word list is a JSON file under pipeline/lexicon/, read once
// per process by name ("reporting-verbs", "check/fragment"), and checked against its schema
// (schemas/lexicon/<name>.schema.json), which every word list must have, so a broken or misspelt list
// fails at load with its path and the JSON path of the bad entry.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getAjv, formatErrors, schemasDir } from '../validate/schemas.js';

/** Shared definitions the lexicon schemas $ref (a list of words, a phrase). */
const COMMON_ID = 'https://copydesk.dev/schemas/lexicon/common.schema.json';

const loaded = new Map<string, unknown>();

/** The schema of the word list `name`: schemas/lexicon/<name>.schema.json. */
export function lexiconSchemaFile(name: string): string {
  return path.join(schemasDir(), 'lexicon', `${name}.schema.json`);
}

/**
 * Reads one word list and checks it against its schema; throws an Error naming the file when the file
 * cannot be read, is not JSON, has no schema, or does not match it.
 */
export function readLexicon<T>(file: string, schemaFile: string): T {
  let data: T;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot load the word list ${file}: ${(err as Error).message}`);
  }
  if (!fs.existsSync(schemaFile)) throw new Error(`the word list ${file} has no schema: write ${schemaFile} (every word list is checked against its schema when it loads)`);
  const ajv = getAjv();
  if (!ajv.getSchema(COMMON_ID)) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemasDir(), 'lexicon', 'common.schema.json'), 'utf8')));
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $id?: string };
  const validate = (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
  if (!validate(data)) throw new Error(`the word list ${file} does not match ${schemaFile}: ${formatErrors(validate.errors).join('; ')}`);
  return data;
}

/** Reads pipeline/lexicon/<name>.json once; the path works from pipeline/ and dist/pipeline/. */
export function loadLexicon<T>(name: string): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  const data = readLexicon<T>(fileURLToPath(new URL(`./${name}.json`, import.meta.url)), lexiconSchemaFile(name));
  loaded.set(name, data);
  return data;
}
