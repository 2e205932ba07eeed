// Rule options: each rule declares the options it takes as a JSON Schema (meta.options, a closed object),
// and the config checks `rules: {id: [level, options]}` against it when it is read, so a misspelt or
// mistyped option is an error naming the file and the JSON path, never silently ignored.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { OptionsSchema, RuleMeta } from './types.js';
import { getAjv } from '../validate/schemas.js';
import { damerau } from '../util/distance.js';

/** meta.options of a rule that takes no options. */
export const NO_OPTIONS: OptionsSchema = { type: 'object', properties: {}, additionalProperties: false };

const compiled = new WeakMap<OptionsSchema, ValidateFunction>();

/** One problem with a rule's options: the JSON pointer inside the options object and what is wrong. */
export interface OptionsProblem {
  pointer: string;
  detail: string;
}

function closest(word: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.min(3, Math.max(1, Math.floor(word.length / 2)) + 1);
  for (const k of known) {
    const d = damerau(word.toLowerCase(), k.toLowerCase(), 3);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function describe(meta: Pick<RuleMeta, 'id' | 'options'>, e: ErrorObject): OptionsProblem {
  const known = Object.keys(meta.options.properties);
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const near = closest(key, known);
    const takes = known.length ? `it takes ${known.map((k) => `"${k}"`).join(', ')}` : 'it takes no options';
    return { pointer: `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, detail: `${meta.id} has no option "${key}"${near ? ` (did you mean "${near}"?)` : ''}: ${takes}` };
  }
  return { pointer: e.instancePath, detail: `${meta.id} option ${e.instancePath.slice(1) || '(options)'} ${e.message ?? 'is invalid'}` };
}

/** Checks options against the rule's meta.options; undefined when they are valid. */
export function ruleOptionsProblem(meta: Pick<RuleMeta, 'id' | 'options'>, options: unknown): OptionsProblem | undefined {
  let validate = compiled.get(meta.options);
  if (!validate) {
    validate = getAjv().compile(meta.options);
    compiled.set(meta.options, validate);
  }
  if (validate(options)) return undefined;
  return describe(meta, validate.errors![0]);
}
