// The one loader of word knowledge: every word list is a JSON file under pipeline/lexicon/, read once
// per process by name ("reporting-verbs", "check/fragment"), and checked against its schema
// (schemas/lexicon/<name>.schema.json), which every word list must have, so a broken or misspelt list
// fails at load with its path and the JSON path of the bad entry. The build compiles the schemas once
// (scripts/compile-lexicon-schemas.mjs -> validators.cjs); a schema changed since, or a run from source,
// is compiled here instead.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { getAjv, formatErrors, schemasDir } from '../validate/schemas.js';
import { nullProtoReviver } from '../util/dict.js';
import { digest } from '../util/hash.js';

/** Shared definitions the lexicon schemas $ref (a list of words, a phrase). */
const COMMON_ID = 'https://copydesk.dev/schemas/lexicon/common.schema.json';

const loaded = new Map<string, unknown>();

/** The schema of the word list `name`: schemas/lexicon/<name>.schema.json. */
export function lexiconSchemaFile(name: string): string {
  return path.join(schemasDir(), 'lexicon', `${name}.schema.json`);
}

type Precompiled = Record<string, ValidateFunction> & { hashes?: Record<string, string> };
let precompiled: Precompiled | null | undefined;

/** The build's validator for word list `name`, when it was compiled from this very schema text. */
function precompiledValidator(name: string, schemaText: string): ValidateFunction | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = createRequire(import.meta.url)('./validators.cjs') as Precompiled;
    } catch {
      precompiled = null; // running from source (tests), or a build without the step
    }
  }
  if (!precompiled || precompiled.hashes?.[name] !== digest(schemaText)) return undefined;
  return precompiled[name.replace(/[^A-Za-z0-9]/g, '_')];
}

function compile(schemaText: string): ValidateFunction {
  const ajv = getAjv();
  if (!ajv.getSchema(COMMON_ID)) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemasDir(), 'lexicon', 'common.schema.json'), 'utf8')));
  const schema = JSON.parse(schemaText) as { $id?: string };
  return (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
}

/**
 * Reads one word list and checks it against its schema; throws an Error naming the file when the file
 * cannot be read, is not JSON, has no schema, or does not match it. `name` picks the build's
 * precompiled validator when it matches the schema.
 */
export function readLexicon<T>(file: string, schemaFile: string, name?: string): T {
  let data: T;
  try {
    // Objects without a prototype: a word from an article looked up in a list ("constructor") must find nothing.
    data = JSON.parse(fs.readFileSync(file, 'utf8'), nullProtoReviver) as T;
  } catch (err) {
    throw new Error(`cannot load the word list ${file}: ${(err as Error).message}`);
  }
  if (!fs.existsSync(schemaFile)) throw new Error(`the word list ${file} has no schema: write ${schemaFile} (every word list is checked against its schema when it loads)`);
  const schemaText = fs.readFileSync(schemaFile, 'utf8');
  const validate = (name !== undefined && precompiledValidator(name, schemaText)) || compile(schemaText);
  if (!validate(data)) throw new Error(`the word list ${file} does not match ${schemaFile}: ${formatErrors(validate.errors).join('; ')}`);
  return data;
}

/** Reads pipeline/lexicon/<name>.json once; the path works from pipeline/ and dist/pipeline/. */
export function loadLexicon<T>(name: string): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  const data = readLexicon<T>(fileURLToPath(new URL(`./${name}.json`, import.meta.url)), lexiconSchemaFile(name), name);
  loaded.set(name, data);
  return data;
}
