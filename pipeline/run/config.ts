// Configuration: found by walking up from each article (copydesk.config.json, .copydeskrc.json, or a
// "copydesk" key in package.json), validated by schemas/config.schema.json, and resolved into the
// plain-data EffectiveConfig a worker receives (policy schemas and facts files loaded).
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Config, EffectiveConfig, Fact, Severity } from '../core/types.js';
import { validator } from '../validate/schemas.js';
import { allRuleMetas, ruleMeta } from '../core/registry.js';
import { NO_OPTIONS, ruleOptionsProblem } from '../core/rule-options.js';
import { digest } from '../util/hash.js';
import { declaredPolicyRule, policyProblem } from '../validate/policy.js';
import { damerau } from '../util/distance.js';

export const CONFIG_FILES = ['copydesk.config.json', '.copydeskrc.json', 'package.json'] as const;

export class ConfigError extends Error {
  constructor(public file: string, public pointer: string, detail: string) {
    super(`${file}${pointer ? ` at ${pointer}` : ''}: ${detail}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  /** The config file, or undefined for the built-in defaults. */
  file?: string;
  config: Config;
  effective: EffectiveConfig;
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, '', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(file, '', `not valid JSON: ${jsonErrorWhere(raw, (err as Error).message)}`);
  }
}

/** JSON.parse's message with the line and column of its "position N", so the user can find it. */
function jsonErrorWhere(raw: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m || /\(line \d+ column \d+\)/.test(message)) return message;
  const before = raw.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** The value at a JSON pointer. */
function valueAt(data: unknown, ptr: string): unknown {
  let cur = data;
  for (const seg of ptr.split('/').slice(1)) cur = (cur as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return cur;
}

/** The closest known rule id to a mistyped one (edit distance at most 3), for "did you mean". */
function closestRule(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    const d = damerau(id, k, 3);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** Finds the config file that governs `dir`: the nearest one walking up (package.json only with a "copydesk" key). */
export function findConfigFile(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const file = path.join(cur, name);
      if (!fs.existsSync(file)) continue;
      if (name === 'package.json') {
        try {
          const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
          if (pkg && typeof pkg === 'object' && 'copydesk' in pkg) return file;
        } catch {
          // A broken package.json without our key is not ours to report.
        }
        continue;
      }
      return file;
    }
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

/** A JSON pointer segment: ~ and / escaped. */
const seg = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function pointer(instancePath: string, extra?: string): string {
  return (instancePath || '') + (extra ? `/${seg(extra)}` : '') || '/';
}

/** Validates raw config data; throws ConfigError naming the file and the JSON pointer of the bad key. */
export function validateConfig(data: unknown, file: string, base = ''): Config {
  const v = validator('config');
  if (!v(data)) {
    const e = v.errors![0];
    const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    let detail = extra ? `unknown option "${extra}"` : e.message ?? 'invalid';
    // A rule setting fails every branch of an anyOf: say what a setting may be.
    if (/^\/rules\/[^/]+(\/0)?$/.test(e.instancePath)) detail = `a rule setting is "off", "error", "warning" or "info", or [severity, {options}] (got ${JSON.stringify(valueAt(data, e.instancePath.replace(/\/0$/, '')) ?? null)})`;
    throw new ConfigError(file, base + pointer(e.instancePath, extra), detail);
  }
  const config = data as Config;
  const known = new Set(allRuleMetas().map((m) => m.id));
  let policyIds: Set<string> | undefined; // rule ids declared by the configured policy schemas (read on demand)
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) policyIds ??= new Set((config.policies ?? []).map((p) => declaredPolicyRule(readJson(path.resolve(path.dirname(file), p)))).filter((r): r is string => !!r));
    if (!known.has(id) && !policyIds!.has(id)) {
      const near = closestRule(id, [...known, ...policyIds!]);
      throw new ConfigError(file, `${base}/rules/${seg(id)}`, `unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''} (see docs/rules.md for the rule ids)`);
    }
  }
  // Each rule's options against the rule's own schema (meta.options); policy rules take none.
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!Array.isArray(setting) || setting.length < 2) continue;
    const problem = ruleOptionsProblem(ruleMeta(id) ?? { id, options: NO_OPTIONS }, setting[1]);
    if (problem) throw new ConfigError(file, `${base}/rules/${seg(id)}/1${problem.pointer}`, problem.detail);
  }
  return config;
}

const LONG_SENTENCE = 'clarity/long-sentence';

/**
 * Notes about a valid config that still deserves the user's attention: the retired top-level
 * "longSentence" (still honoured as clarity/long-sentence's option "max" unless that is set).
 */
export function configWarnings(config: Config, file: string, base = ''): string[] {
  if (config.longSentence === undefined) return [];
  const setting = config.rules?.[LONG_SENTENCE];
  const max = Array.isArray(setting) ? (setting[1] as { max?: unknown } | undefined)?.max : undefined;
  const where = `${file} at ${base}/longSentence`;
  if (max !== undefined) return [`${where}: "longSentence" is ignored: the option "max" of ${LONG_SENTENCE} (${String(max)}) sets the limit; delete "longSentence"`];
  const level = (Array.isArray(setting) ? setting[0] : setting) ?? ruleMeta(LONG_SENTENCE)?.severity ?? 'info';
  return [`${where}: "longSentence" is deprecated (it still sets the limit): write "rules": { "${LONG_SENTENCE}": ["${level}", { "max": ${config.longSentence} }] } instead`];
}

export function loadConfigFile(file: string): Config {
  const data = readJson(file);
  if (path.basename(file) === 'package.json') return validateConfig((data as Record<string, unknown>).copydesk, file, '/copydesk');
  return validateConfig(data, file);
}

function loadFacts(file: string, where: string, configFile: string): Fact[] {
  let data: unknown;
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(configFile, where, `cannot read facts file ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    data = /\.ya?ml$/i.test(file) ? parseYaml(raw) : JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(file, '', `facts file is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(err as Error).message.split('\n')[0]}`);
  }
  const v = validator('facts');
  if (!v(data)) {
    const e = v.errors![0];
    const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    throw new ConfigError(file, pointer(e.instancePath, extra), extra ? `unknown key "${extra}"` : e.message ?? 'invalid');
  }
  return (data as { facts: Fact[] }).facts;
}

export interface ResolveOptions {
  /** Extra facts files (--facts), resolved against the working directory. */
  facts?: string[];
}

/** Turns a validated Config into the EffectiveConfig workers receive. */
export function resolveConfig(config: Config, file: string | undefined, options: ResolveOptions = {}): EffectiveConfig {
  const base = file ? path.dirname(file) : process.cwd();
  const label = file ?? '(command line)';
  const rules: EffectiveConfig['rules'] = {};
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const [level, opts] = Array.isArray(setting) ? setting : [setting, {}];
    rules[id] = { level: level as Severity | 'off', options: (opts ?? {}) as Record<string, unknown> };
  }
  // The retired top-level "longSentence" is clarity/long-sentence's "max" (the rule option wins).
  if (config.longSentence !== undefined) {
    const r = (rules[LONG_SENTENCE] ??= { level: ruleMeta(LONG_SENTENCE)?.severity ?? 'info', options: {} });
    if (r.options.max === undefined) r.options = { ...r.options, max: config.longSentence };
  }
  const policies = (config.policies ?? []).map((p, i) => {
    const abs = path.resolve(base, p);
    const schema = readJson(abs);
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new ConfigError(label, `/policies/${i}`, `policy ${abs} is not a JSON Schema object`);
    const problem = policyProblem(abs, schema as Record<string, unknown>);
    if (problem) throw new ConfigError(abs, '', `policy schema ${problem}`);
    return { path: abs, schema: schema as Record<string, unknown> };
  });
  const facts = [
    ...(config.facts ?? []).map((f, i) => ({ abs: path.resolve(base, f), where: `/facts/${i}` })),
    ...(options.facts ?? []).map((f) => ({ abs: path.resolve(f), where: '--facts' })),
  ].map(({ abs, where }) => ({ path: abs, facts: loadFacts(abs, where, label) }));
  return {
    language: config.language ?? 'en-US',
    words: config.words ?? [],
    rules,
    policies,
    facts,
  };
}

export function configHash(effective: EffectiveConfig): string {
  return digest(JSON.stringify(effective));
}

export function defaultConfig(): EffectiveConfig {
  return resolveConfig({}, undefined);
}

/** Loads the configuration governing one directory, cached per config file. */
export class ConfigResolver {
  private cache = new Map<string, LoadedConfig>();
  /** `onWarning` receives configWarnings() once per config file (default: printed on stderr). */
  constructor(private options: ResolveOptions & { configFile?: string; onWarning?: (message: string) => void } = {}) {}
  forDir(dir: string): LoadedConfig {
    const file = this.options.configFile ? path.resolve(this.options.configFile) : findConfigFile(dir);
    const key = file ?? '';
    let hit = this.cache.get(key);
    if (!hit) {
      const config = file ? loadConfigFile(file) : {};
      hit = { file, config, effective: resolveConfig(config, file, this.options) };
      const warn = this.options.onWarning ?? ((m: string) => process.stderr.write(`copydesk: warning: ${m}\n`));
      if (file) for (const w of configWarnings(config, file, path.basename(file) === 'package.json' ? '/copydesk' : '')) warn(w);
      this.cache.set(key, hit);
    }
    return hit;
  }
}
