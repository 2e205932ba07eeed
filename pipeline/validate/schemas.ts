// Ajv set-up: every schema in schemas/ is added once per process and compiled on first use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ajvErrorsModule from 'ajv-errors';

// The CJS default exports, typed for NodeNext.
const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as (ajv: unknown) => void;
const ajvErrors = ((ajvErrorsModule as unknown as { default: unknown }).default ?? ajvErrorsModule) as (ajv: unknown) => void;

/** schemas/ at the package root, whether we run from pipeline/ (tests) or dist/pipeline/ (built). */
export function schemasDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'schemas');
    if (fs.existsSync(path.join(candidate, 'claim.schema.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('copydesk: cannot find the schemas/ folder');
}

export const SCHEMA_BASE = 'https://copydesk.dev/schemas/';
const NAMES = ['common', 'claim', 'item', 'report', 'queue', 'claims-file', 'config', 'decisions', 'facts', 'review-data', 'review-requests', 'policy-meta'] as const;
export type SchemaName = (typeof NAMES)[number];

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The process-wide Ajv instance (draft 2020-12, formats, ajv-errors), with every core schema added. */
export function getAjv(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  ajvErrors(ajv);
  const dir = schemasDir();
  for (const n of NAMES) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, `${n}.schema.json`), 'utf8')));
  return ajv;
}

let policyAjv: Ajv2020 | undefined;
/**
 * The Ajv instance policy schemas compile in: apart from getAjv(), so a user's schema can never replace
 * one of copydesk's own (config, decisions...), though it may $ref them (claim.schema.json).
 */
export function getPolicyAjv(): Ajv2020 {
  if (policyAjv) return policyAjv;
  policyAjv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(policyAjv);
  ajvErrors(policyAjv);
  const dir = schemasDir();
  for (const n of NAMES) policyAjv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, `${n}.schema.json`), 'utf8')));
  return policyAjv;
}

/** True for the $id of one of copydesk's own schemas (schemas/*.schema.json). */
export function isCoreSchemaId(id: string): boolean {
  return NAMES.some((n) => id.replace(/#$/, '') === `${SCHEMA_BASE}${n}.schema.json`);
}

export function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = getAjv().getSchema(`${SCHEMA_BASE}${name}.schema.json`)!;
    compiled.set(name, v);
  }
  return v;
}

/** Human-readable errors: "/files/0/words: must be integer". */
export function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath || '(root)';
    if (e.keyword === 'additionalProperties') return `${where}/${(e.params as { additionalProperty: string }).additionalProperty}: unknown key`;
    return `${where}: ${e.message}`;
  });
}

export function assertValid(name: SchemaName, data: unknown, what: string): void {
  const v = validator(name);
  if (!v(data)) throw new Error(`${what} does not match schemas/${name}.schema.json: ${formatErrors(v.errors).join('; ')}`);
}

/** A validator for one `$defs` entry of a schema ("review-requests", "BulkRequest"). */
export function defValidator(name: SchemaName, def: string): ValidateFunction {
  const key = `${name}#${def}`;
  let v = compiled.get(key);
  if (!v) {
    v = getAjv().getSchema(`${SCHEMA_BASE}${name}.schema.json#/$defs/${def}`);
    if (!v) throw new Error(`copydesk: no $defs/${def} in schemas/${name}.schema.json`);
    compiled.set(key, v);
  }
  return v;
}
