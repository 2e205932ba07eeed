#!/usr/bin/env node
// Build step: compiles every word-list schema (schemas/lexicon/**/*.schema.json) once, with ajv's
// standalone code generation, into dist/pipeline/lexicon/validators.cjs, so a process that loads the
// lexicon validates each list with a ready validator instead of compiling ~15 schemas at start-up
// (hundreds of milliseconds per worker). Each validator carries the hash of its schema's text:
// pipeline/lexicon/load.ts uses it only while the schema is unchanged, and compiles the schema itself
// otherwise (and when running from source, as the tests do).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'schemas/lexicon');
const out = path.join(root, 'dist/pipeline/lexicon/validators.cjs');

/** The export name of a word list's validator ("check/fragment" -> "check_fragment"); load.ts uses the same. */
export const exportName = (name) => name.replace(/[^A-Za-z0-9]/g, '_');
export const schemaHash = (text) => createHash('sha1').update(text).digest('hex').slice(0, 16);

const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.schema.json')).map((f) => f.split(path.sep).join('/')).sort();
// The same options as the runtime instance (pipeline/validate/schemas.ts), so errors read alike.
const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, code: { source: true } });
const refs = {};
const hashes = {};
for (const f of files) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  const schema = JSON.parse(text);
  ajv.addSchema(schema);
  const name = f.slice(0, -'.schema.json'.length);
  if (name === 'common') continue;
  refs[exportName(name)] = schema.$id;
  hashes[name] = schemaHash(text);
}
const code = standaloneCode.default ? standaloneCode.default(ajv, refs) : standaloneCode(ajv, refs);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${code}\nexports.hashes = ${JSON.stringify(hashes)};\n`);
console.log(`compiled ${Object.keys(hashes).length} word-list schemas into ${path.relative(root, out)}`);
