// Configuration, found and merged the way ESLint and cspell do it:
// - lilconfig finds the config files walking up from each article's folder: copydesk.config.{json,
//   yaml,yml,js,mjs}, .copydeskrc[.json|.yaml|.yml] and the "copydesk" key of package.json; two of
//   them in one folder is an error naming both;
// - every config found on the way up applies, the nearest last (per key: scalars and rule settings
//   from the nearest, word lists, policies, facts, vocabularies and ignores added up); `"root": true`
//   stops the walk;
// - `extends` (a path, or an npm package: a shareable newsroom style) applies before the file itself;
//   `overrides: [{files, ...}]` apply after it, in order, to the articles their globs match;
// - every file is validated by schemas/config.schema.json (a bad key exits 2 with the file and the
//   JSON pointer), and the result is resolved into the plain-data EffectiveConfig a worker receives
//   (policy schemas, facts files and vocabularies loaded).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { lilconfigSync, type LoaderSync } from 'lilconfig';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import type { Config, EffectiveConfig, Fact, Severity } from '../core/types.js';
import type { Override, RuleSetting } from '../core/schema-types.js';
import { validator } from '../validate/schemas.js';
import { allRuleMetas, ruleMeta } from '../core/registry.js';
import { NO_OPTIONS, ruleOptionsProblem } from '../core/rule-options.js';
import { digest } from '../util/hash.js';
import { declaredPolicyRule, policyProblem } from '../validate/policy.js';
import { closest } from '../util/distance.js';
import { loadVocab, type Vocab } from './vocab.js';
import { resolveLimits } from '../core/limits.js';

/** Where configuration may live in one folder, in precedence order (only one may be present). */
export const CONFIG_FILES = [
  'copydesk.config.json',
  'copydesk.config.yaml',
  'copydesk.config.yml',
  'copydesk.config.js',
  'copydesk.config.mjs',
  '.copydeskrc',
  '.copydeskrc.json',
  '.copydeskrc.yaml',
  '.copydeskrc.yml',
  'package.json',
] as const;

export class ConfigError extends Error {
  constructor(
    public file: string,
    public pointer: string,
    detail: string,
  ) {
    super(`${file}${pointer ? ` at ${pointer}` : ''}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** A config after merging: every path in it is absolute; `ignores` keeps each file's globs with its folder. */
export interface MergedConfig extends Omit<Config, 'extends' | 'overrides' | 'root' | 'ignore' | '$schema'> {
  ignores: { file: string; dir: string; patterns: string[] }[];
}

export interface LoadedConfig {
  /** The nearest config file, or undefined for the built-in defaults. */
  file?: string;
  /** Every file that contributed, farthest first (extended files before the file extending them). */
  files: string[];
  /** The overrides that matched, as "file#index". */
  overrides: string[];
  config: MergedConfig;
  effective: EffectiveConfig;
}

// ---------------------------------------------------------------------------------------------------
// Reading one file

function jsonErrorWhere(raw: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m || /\(line \d+ column \d+\)/.test(message)) return message;
  const before = raw.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

function parseJson(file: string, raw: string): unknown {
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(file, '', `not valid JSON: ${jsonErrorWhere(raw, (err as Error).message)}`);
  }
}

function parseYamlFile(file: string, raw: string): unknown {
  try {
    return parseYaml(raw.replace(/^\uFEFF/, ''), { prettyErrors: true });
  } catch (err) {
    throw new ConfigError(file, '', `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, '', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseJson(file, raw);
}

/** A package.json: ours only with a "copydesk" key; broken JSON that mentions the key is an error, other broken ones are not ours. */
function packageJson(file: string, raw: string): unknown {
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (/"copydesk"\s*:/.test(raw)) throw new ConfigError(file, '', `not valid JSON (it holds a "copydesk" key, so copydesk cannot ignore it): ${jsonErrorWhere(raw, (err as Error).message)}`);
    return {};
  }
}

/** JavaScript configs load with import(), which is asynchronous: ConfigResolver.prepare() loads them first. */
class NeedsImport extends Error {
  constructor(public file: string) {
    super(`${file} must be imported first`);
  }
}
const modules = new Map<string, unknown>();

const jsLoader: LoaderSync = (file) => {
  if (modules.has(file)) return modules.get(file);
  throw new NeedsImport(file);
};

const loaders = {
  '.json': ((file, raw) => (path.basename(file) === 'package.json' ? packageJson(file, raw) : parseJson(file, raw))) as LoaderSync,
  '.yaml': ((file, raw) => parseYamlFile(file, raw)) as LoaderSync,
  '.yml': ((file, raw) => parseYamlFile(file, raw)) as LoaderSync,
  noExt: ((file, raw) => parseYamlFile(file, raw)) as LoaderSync, // .copydeskrc: YAML, which JSON is too
  '.js': jsLoader,
  '.mjs': jsLoader,
  '.cjs': jsLoader,
};

function explorer() {
  return lilconfigSync('copydesk', { searchPlaces: [...CONFIG_FILES], loaders, packageProp: 'copydesk', stopDir: path.parse(process.cwd()).root, ignoreEmptySearchPlaces: false });
}

async function importConfig(file: string): Promise<unknown> {
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return mod.default ?? mod;
  } catch (err) {
    throw new ConfigError(file, '', `cannot load the JavaScript config: ${(err as Error).message.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Validation

function valueAt(data: unknown, ptr: string): unknown {
  let cur = data;
  for (const seg of ptr.split('/').slice(1)) cur = (cur as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return cur;
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
    let detail = extra ? `unknown option "${extra}"` : (e.message ?? 'invalid');
    // A rule setting fails every branch of an anyOf: say what a setting may be.
    if (/\/rules\/[^/]+(\/0)?$/.test(e.instancePath)) detail = `a rule setting is "off", "error", "warning" or "info", or [severity, {options}] (got ${JSON.stringify(valueAt(data, e.instancePath.replace(/\/0$/, '')) ?? null)})`;
    throw new ConfigError(file, base + pointer(e.instancePath, extra), detail);
  }
  const config = data as Config;
  const known = new Set(allRuleMetas().map((m) => m.id));
  let policyIds: Set<string> | undefined; // rule ids declared by the configured policy schemas (read on demand)
  const check = (rules: Config['rules'], where: string, policies: string[]) => {
    for (const id of Object.keys(rules ?? {})) {
      if (known.has(id)) continue;
      policyIds ??= new Set(policies.map((p) => declaredPolicyRule(readJson(path.resolve(path.dirname(file), p)))).filter((r): r is string => !!r));
      if (policyIds.has(id)) continue;
      const near = closest(id, [...known, ...policyIds]);
      throw new ConfigError(file, `${base}${where}/rules/${seg(id)}`, `unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''} (see docs/rules.md for the rule ids)`);
    }
    // Each rule's options against the rule's own schema (meta.options); policy rules take none.
    for (const [id, setting] of Object.entries(rules ?? {})) {
      if (!Array.isArray(setting) || setting.length < 2) continue;
      const problem = ruleOptionsProblem(ruleMeta(id) ?? { id, options: NO_OPTIONS }, setting[1]);
      if (problem) throw new ConfigError(file, `${base}${where}/rules/${seg(id)}/1${problem.pointer}`, problem.detail);
    }
  };
  const policies = [...(config.policies ?? []), ...(config.overrides ?? []).flatMap((o) => o.policies ?? [])];
  check(config.rules, '', policies);
  (config.overrides ?? []).forEach((o, i) => check(o.rules, `/overrides/${i}`, policies));
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

/** Reads and validates one config file (JSON, YAML, package.json; JavaScript once imported). */
export function loadConfigFile(file: string): Config {
  let data: unknown;
  try {
    data = explorer().load(file)?.config;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof NeedsImport) throw err;
    throw new ConfigError(file, '', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (data === undefined || data === null) data = {}; // an empty file
  return validateConfig(data, file, path.basename(file) === 'package.json' ? '/copydesk' : '');
}

// ---------------------------------------------------------------------------------------------------
// Merging

/** One config file's settings, paths made absolute, with its folder (overrides' globs are relative to it). */
interface Layer {
  file: string;
  dir: string;
  config: Config;
}

const PATH_KEYS = ['policies', 'facts', 'vocab'] as const;

function absolutePaths<T extends Partial<Config> | Override>(c: T, dir: string): T {
  const out = { ...c };
  for (const k of PATH_KEYS) if (c[k]) (out as Record<string, unknown>)[k] = c[k]!.map((p) => path.resolve(dir, p));
  return out;
}

/** A config layered on another: the top's scalars and rule settings win; lists add up. */
export function mergeConfig(base: MergedConfig, top: Partial<Config> | Override, file?: string, dir?: string): MergedConfig {
  const out: MergedConfig = { ...base, ignores: [...base.ignores] };
  if (top.language !== undefined) out.language = top.language;
  if (top.longSentence !== undefined) out.longSentence = top.longSentence;
  if (top.reportUnusedDisableDirectives !== undefined) out.reportUnusedDisableDirectives = top.reportUnusedDisableDirectives;
  if ('docsUrl' in top && top.docsUrl !== undefined) out.docsUrl = top.docsUrl;
  if ('limits' in top && top.limits) out.limits = { ...base.limits, ...top.limits };
  const union = (a: string[] | undefined, b: string[] | undefined) => (b?.length ? [...new Set([...(a ?? []), ...b])] : a);
  out.words = union(base.words, top.words);
  for (const k of PATH_KEYS) out[k] = union(base[k], top[k]);
  if (top.rules) {
    const rules: Record<string, RuleSetting> = { ...base.rules };
    for (const [id, setting] of Object.entries(top.rules)) {
      // A bare severity keeps the options set further up (ESLint does the same).
      const prev = rules[id];
      rules[id] = typeof setting === 'string' && setting !== 'off' && Array.isArray(prev) && prev[1] ? [setting, prev[1]] : setting;
    }
    out.rules = rules;
  }
  if ('ignore' in top && top.ignore?.length && file && dir) out.ignores.push({ file, dir, patterns: top.ignore });
  for (const k of Object.keys(out) as (keyof MergedConfig)[]) if (out[k] === undefined) delete out[k];
  return out;
}

const emptyMerged = (): MergedConfig => ({ ignores: [] });

function globs(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const matchers = new Map<string, (p: string) => boolean>();
/** Whether an override's globs (relative to its config's folder) take `abs`. */
function overrideMatches(o: Override, dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs).split(path.sep).join('/');
  if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return false;
  const m = (patterns: string[]) =>
    patterns.some((p) => {
      let fn = matchers.get(p);
      // A glob without a slash matches the file name at any depth (ESLint's overrides do the same).
      if (!fn) matchers.set(p, (fn = picomatch(p, { dot: true, basename: !p.includes('/') })));
      return fn(rel);
    });
  return m(globs(o.files)) && !m(globs(o.excludedFiles));
}

// ---------------------------------------------------------------------------------------------------
// Resolving into what a worker receives

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
    throw new ConfigError(file, pointer(e.instancePath, extra), extra ? `unknown key "${extra}"` : (e.message ?? 'invalid'));
  }
  return (data as { facts: Fact[] }).facts;
}

export interface ResolveOptions {
  /** Extra facts files (--facts), resolved against the working directory. */
  facts?: string[];
  /** --report-unused-disable-directives[-severity]: wins over the config's setting. */
  reportUnusedDisableDirectives?: Severity | 'off';
}

/** Turns a validated (or merged) Config into the EffectiveConfig workers receive. Relative paths are relative to `file`. */
export function resolveConfig(config: Partial<Config> | MergedConfig, file: string | undefined, options: ResolveOptions = {}): EffectiveConfig {
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
  const vocab: Vocab = { accept: [], reject: [] };
  (config.vocab ?? []).forEach((v, i) => {
    const loaded = loadVocab(path.resolve(base, v), label, `/vocab/${i}`);
    vocab.accept.push(...loaded.accept);
    vocab.reject.push(...loaded.reject);
  });
  const effective: EffectiveConfig = {
    language: config.language ?? 'auto',
    words: config.words ?? [],
    rules,
    policies,
    facts,
    limits: resolveLimits(config.limits),
  };
  if (vocab.accept.length || vocab.reject.length) effective.vocab = vocab;
  if (config.docsUrl) effective.docsUrl = config.docsUrl;
  const unused = options.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives;
  if (unused && unused !== 'off') effective.reportUnusedDisableDirectives = unused;
  return effective;
}

export function configHash(effective: EffectiveConfig): string {
  return digest(JSON.stringify(effective));
}

export function defaultConfig(): EffectiveConfig {
  return resolveConfig({}, undefined);
}

// ---------------------------------------------------------------------------------------------------
// The resolver: configuration per article, cached per folder and per set of matching overrides

/** Finds the config file that governs `dir` on its own: the nearest one walking up. */
export function findConfigFile(dir: string): string | undefined {
  return explorer().search(dir)?.filepath || undefined;
}

export class ConfigResolver {
  private explorer = explorer();
  private chains = new Map<string, Layer[]>();
  private layers = new Map<string, Layer[]>();
  private effective = new Map<string, LoadedConfig>();
  /** `onWarning` receives configWarnings() once per config file (default: printed on stderr). */
  constructor(private options: ResolveOptions & { configFile?: string; onWarning?: (message: string) => void } = {}) {}

  /** Loads every configuration the files need, importing JavaScript configs (call before forFile for them). */
  async prepare(files: string[]): Promise<void> {
    for (;;) {
      try {
        for (const f of files) this.resolve(path.resolve(f));
        return;
      } catch (err) {
        if (!(err instanceof NeedsImport)) throw err;
        modules.set(err.file, await importConfig(err.file));
        this.chains.clear();
        this.layers.clear();
        this.explorer = explorer();
      }
    }
  }

  /** The configuration of one article (by its absolute path). */
  forFile(abs: string): LoadedConfig {
    try {
      return this.resolve(abs);
    } catch (err) {
      if (err instanceof NeedsImport) throw new ConfigError(err.file, '', 'a JavaScript config loads asynchronously: call ConfigResolver.prepare() before forFile() (the command line does)');
      throw err;
    }
  }

  /** The configuration of a folder's articles, without any override (for callers that have no file). */
  forDir(dir: string): LoadedConfig {
    return this.forFile(path.join(path.resolve(dir), '\u0000'));
  }

  private resolve(abs: string): LoadedConfig {
    const chain = this.options.configFile ? this.fileLayers(path.resolve(this.options.configFile), []) : this.chain(path.dirname(abs));
    const matched: string[] = [];
    for (const layer of chain) (layer.config.overrides ?? []).forEach((o, i) => overrideMatches(o, layer.dir, abs) && matched.push(`${layer.file}#${i}`));
    const key = [...chain.map((l) => l.file), '', ...matched].join('\n');
    let hit = this.effective.get(key);
    if (!hit) {
      let merged = emptyMerged();
      for (const layer of chain) {
        merged = mergeConfig(merged, layer.config, layer.file, layer.dir);
        (layer.config.overrides ?? []).forEach((o, i) => {
          if (matched.includes(`${layer.file}#${i}`)) merged = mergeConfig(merged, o);
        });
      }
      const files = [...new Set(chain.map((l) => l.file))];
      const nearest = this.options.configFile ? path.resolve(this.options.configFile) : files[files.length - 1];
      hit = { file: nearest, files, overrides: matched, config: merged, effective: resolveConfig(merged, nearest, this.options) };
      this.effective.set(key, hit);
    }
    return hit;
  }

  /** The layers that govern a folder, farthest first: each config found walking up, until one says root. */
  private chain(dir: string): Layer[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const found = this.explorer.search(dir);
    let chain: Layer[] = [];
    if (found?.filepath) {
      const file = found.filepath;
      const here = path.dirname(file);
      this.checkSiblings(file);
      const own = this.fileLayers(file, []);
      const parent = path.dirname(here);
      const root = own[own.length - 1].config.root === true;
      chain = [...(root || parent === here ? [] : this.chain(parent)), ...own];
    }
    this.chains.set(dir, chain);
    return chain;
  }

  /** Two config files in one folder: which one wins would be a guess, so it is an error naming both. */
  private checkSiblings(file: string): void {
    const dir = path.dirname(file);
    for (const name of CONFIG_FILES) {
      const other = path.join(dir, name);
      if (other === file || !fs.existsSync(other)) continue;
      if (name === 'package.json' && !hasCopydeskKey(other)) continue;
      const [a, b] = CONFIG_FILES.indexOf(path.basename(file) as (typeof CONFIG_FILES)[number]) < CONFIG_FILES.indexOf(name) ? [file, other] : [other, file];
      throw new ConfigError(a, '', `${path.basename(b)} in the same folder is a configuration too; keep one of them (merge ${path.basename(b)} into ${path.basename(a)}, or move it into a sub-folder)`);
    }
  }

  /** A config file and what it extends, expanded: the extended layers first, then the file itself. */
  private fileLayers(file: string, seen: string[]): Layer[] {
    const cached = this.layers.get(file);
    if (cached) return cached;
    if (seen.includes(file)) throw new ConfigError(file, '/extends', `extends itself through ${[...seen.slice(seen.indexOf(file)), file].map((f) => path.basename(f)).join(' -> ')}`);
    const config = loadConfigFile(file);
    const dir = path.dirname(file);
    const base = path.basename(file) === 'package.json' ? '/copydesk' : '';
    const warn = this.options.onWarning ?? ((m: string) => process.stderr.write(`copydesk: warning: ${m}\n`));
    for (const w of configWarnings(config, file, base)) warn(w);
    const layers: Layer[] = [];
    globs(config.extends).forEach((spec, i) => {
      const target = resolveExtends(spec, dir, file, `${base}/extends${Array.isArray(config.extends) ? `/${i}` : ''}`);
      layers.push(...this.fileLayers(target, [...seen, file]));
    });
    const own = absolutePaths(config, dir);
    if (own.overrides) own.overrides = own.overrides.map((o) => absolutePaths(o, dir));
    layers.push({ file, dir, config: own });
    this.layers.set(file, layers);
    return layers;
  }

  /** The effective configuration of one article, for --print-config: merged settings, paths relative to cwd. */
  printable(abs: string): { files: string[]; overrides: string[]; config: Record<string, unknown> } {
    const loaded = this.forFile(abs);
    const rel = (p: string) => path.relative(process.cwd(), p) || '.';
    const { ignores, ...rest } = loaded.config;
    const config: Record<string, unknown> = { language: 'auto', ...rest };
    for (const k of PATH_KEYS) if (rest[k]) config[k] = rest[k]!.map(rel);
    if (ignores.length) config.ignore = ignores.flatMap((i) => i.patterns.map((p) => `${rel(i.dir)}/${p}`));
    return { files: loaded.files.map(rel), overrides: loaded.overrides.map((o) => rel(o.replace(/#\d+$/, '')) + o.slice(o.lastIndexOf('#'))), config };
  }
}

function hasCopydeskKey(file: string): boolean {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const data = packageJson(file, raw) as Record<string, unknown> | null;
  return !!data && typeof data === 'object' && data.copydesk != null;
}

/** `extends`: a path (relative to the config's folder) or an npm package (its main file, or its copydesk.config.json). */
function resolveExtends(spec: string, dir: string, file: string, where: string): string {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const target = path.resolve(dir, spec);
    if (!fs.existsSync(target)) throw new ConfigError(file, where, `cannot find the config it extends: ${target}`);
    return target;
  }
  const require = createRequire(path.join(dir, 'package.json'));
  for (const candidate of [spec, `${spec}/copydesk.config.json`, `copydesk-config-${spec}`]) {
    try {
      return require.resolve(candidate);
    } catch {
      // try the next form
    }
  }
  throw new ConfigError(file, where, `cannot find the package "${spec}" it extends (install it, or write a path starting with ./)`);
}
