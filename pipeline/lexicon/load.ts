// The one loader of word knowledge: every word list is a JSON file under pipeline/lexicon/, read once
// per process by name ("reporting-verbs", "check/fragment"), and checked against its schema
// (schemas/lexicon/<name>.schema.json) when it has one, so a broken list fails at load with its path.
import fs from 'node:fs';
import path from 'node:path';
import { getAjv, formatErrors, schemasDir } from '../validate/schemas.js';

const loaded = new Map<string, unknown>();

/** Reads pipeline/lexicon/<name>.json once; the path works from pipeline/ and dist/pipeline/. */
export function loadLexicon<T>(name: string): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  const url = new URL(`./${name}.json`, import.meta.url);
  let data: T;
  try {
    data = JSON.parse(fs.readFileSync(url, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot load the word list ${url.pathname}: ${(err as Error).message}`);
  }
  const schemaFile = path.join(schemasDir(), 'lexicon', `${name}.schema.json`);
  if (fs.existsSync(schemaFile)) {
    const ajv = getAjv();
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $id?: string };
    const validate = (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
    if (!validate(data)) throw new Error(`the word list ${url.pathname} does not match ${schemaFile}: ${formatErrors(validate.errors).join('; ')}`);
  }
  loaded.set(name, data);
  return data;
}
