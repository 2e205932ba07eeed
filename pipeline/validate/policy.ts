// Editorial policy as JSON Schemas, applied to each claim with ajv. The default policy is the set of
// schemas in schemas/policy/*.schema.json; a newsroom adds its own through the config (`policies`).
// A policy schema declares its rule in a top-level "x-copydesk" block, selects the claims it applies
// to with `if`, states the requirement in `then`, and gives the review item's message in
// `errorMessage` (ajv-errors, with ${/json/pointer} templates into the claim). See docs/policy.md.
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Category, Claim, EffectiveConfig, ReportDescriptor, Rule, RuleContext, RuleMeta, Severity } from '../core/types.js';
import { getAjv, getPolicyAjv, isCoreSchemaId, formatErrors, schemasDir, validator, SCHEMA_BASE } from './schemas.js';
import { digest } from '../util/hash.js';
import { claimSentence } from '../extract/claim.js';
import { NO_OPTIONS } from '../core/rule-options.js';
import { claimsById, sourceOf } from '../core/source.js';

/** The categories a rule id may start with: common.schema.json's Category enum, read from the schema. */
export const CATEGORIES: readonly Category[] = (getAjv().getSchema(`${SCHEMA_BASE}common.schema.json`)!.schema as { $defs: { Category: { enum: Category[] } } }).$defs.Category.enum;

/** The "x-copydesk" block of a policy schema. */
export interface PolicyMeta {
  rule: string;
  category: Category;
  severity: Severity;
  /** One item per sentence: the first failing claim carries it, the others are named in its evidence. */
  perSentence: boolean;
  /** Apply to claims in headings too (default true). */
  headings: boolean;
  /** An http(s) address of the policy's documentation ("x-copydesk".docs), shown with its evidence. */
  docs?: string;
}

export interface CompiledPolicy {
  path: string;
  meta: PolicyMeta;
  title?: string;
  description?: string;
  validate: ValidateFunction;
}

/** Reads the "x-copydesk" block, checked by schemas/policy-meta.schema.json; throws an Error saying what is wrong. */
export function policyMeta(schema: Record<string, unknown>): PolicyMeta {
  const x = schema['x-copydesk'];
  if (x === undefined) throw new Error('missing the "x-copydesk" block ({"rule": "category/name", "severity": "warning"})');
  const v = validator('policy-meta');
  if (!v(x)) throw new Error(`"x-copydesk" does not match schemas/policy-meta.schema.json: ${formatErrors(v.errors).map((e) => `"x-copydesk"${e.replace(/^\(root\)/, '')}`).join('; ')}`);
  return metaOf(x);
}

/** The meta of an "x-copydesk" block already checked (or copydesk's own, checked when first compiled). */
function metaOf(x: unknown): PolicyMeta {
  const { rule, category, severity, perSentence, headings, docs } = x as { rule: string; category?: Category; severity?: Severity; perSentence?: boolean; headings?: boolean; docs?: string };
  const prefix = rule.slice(0, rule.indexOf('/')) as Category;
  if (!CATEGORIES.includes(prefix)) throw new Error(`"x-copydesk".rule "${rule}" must start with a category: ${CATEGORIES.join(', ')}`);
  if (category !== undefined && category !== prefix) throw new Error(`"x-copydesk".category "${category}" does not match the rule id's category "${prefix}"`);
  return { rule, category: prefix, severity: severity ?? 'warning', perSentence: perSentence === true, headings: headings !== false, ...(docs ? { docs } : {}) };
}

/** The rule id a policy schema declares, or undefined when it declares none (for config validation). */
export function declaredPolicyRule(schema: unknown): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const x = (schema as Record<string, unknown>)['x-copydesk'];
  const rule = x && typeof x === 'object' ? (x as Record<string, unknown>).rule : undefined;
  return typeof rule === 'string' ? rule : undefined;
}

const cache = new Map<string, CompiledPolicy>();

/** A policy failure's message is the schema's errorMessage (rendered from the claim), so the template is the text itself. */
const POLICY_MESSAGES = { policy: '{{message}}' };

// ajv-errors would interpolate ${/pointer} templates with JSON.stringify (quotes around strings), so
// templates are hidden from it at compile time and filled in here with plain text.
const MARK = '\u0000cd{';
const HIDDEN = /\u0000cd\{(\/[^}]*)\}/g;

function protectTemplates(node: unknown, inMessage = false): unknown {
  if (typeof node === 'string') return inMessage ? node.replace(/\$\{(?=\/)/g, MARK) : node;
  if (Array.isArray(node)) return node.map((n) => protectTemplates(n, inMessage));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = protectTemplates(v, inMessage || k === 'errorMessage');
  return out;
}

/** The value at a JSON pointer ("/attribution/source") of the claim, as message text. */
function atPointer(data: unknown, pointer: string): string {
  let cur: unknown = data;
  for (const part of pointer.split('/').slice(1)) {
    const k = part.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  }
  if (cur === undefined || cur === null) return '';
  if (typeof cur === 'number') return cur.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return typeof cur === 'string' ? cur : JSON.stringify(cur);
}

export function renderMessage(message: string, data: unknown): string {
  return message.replace(HIDDEN, (_, p: string) => atPointer(data, p));
}

/** Compiles a policy schema once per process (cached by path and content hash). Throws a clear Error. */
export function compilePolicy(file: string, schema: Record<string, unknown>): CompiledPolicy {
  const key = `${file}\u0000${digest(JSON.stringify(schema))}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const meta = policyMeta(schema);
  const ajv = getPolicyAjv();
  const id = typeof schema.$id === 'string' ? schema.$id : undefined;
  if (id && isCoreSchemaId(id)) throw new Error(`has "$id": "${id}", the id of one of copydesk's own schemas: give your schema an id of its own (or none)`);
  // The same $id edited in place (a long-running process) replaces the old compiled schema.
  if (id && ajv.getSchema(id)) ajv.removeSchema(id);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(protectTemplates(schema) as Record<string, unknown>);
  } catch (err) {
    const msg = (err as Error).message;
    const hint = /no schema with key or ref "?https?:\/\/json-schema\.org/.test(msg) ? ' (policy schemas use JSON Schema draft 2020-12: "$schema": "https://json-schema.org/draft/2020-12/schema")' : '';
    throw new Error(`not a valid JSON Schema: ${msg}${hint}`);
  }
  const compiled: CompiledPolicy = {
    path: file,
    meta,
    title: typeof schema.title === 'string' ? schema.title : undefined,
    description: typeof schema.description === 'string' ? schema.description : undefined,
    validate,
  };
  cache.set(key, compiled);
  return compiled;
}

/** What is wrong with a user's policy schema, or undefined when it compiles (used when loading the config). */
export function policyProblem(file: string, schema: Record<string, unknown>): string | undefined {
  try {
    compilePolicy(file, schema);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** "attribution/sourceType" -> "the source type of the attribution"; "" -> "the claim". */
function fieldWords(pointer: string): string {
  const parts = pointer.split('/').filter((p) => p && !/^\d+$/.test(p)).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  if (!parts.length) return 'the claim';
  return parts.reverse().map((p) => `the ${p}`).join(' of ');
}

/** An ajv error in an editor's words, without JSON pointers ("the claim has no attribution"). */
export function editorWords(e: ErrorObject): string {
  const field = fieldWords(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field === 'the claim' ? 'the claim' : field} has no ${fieldWords('/' + String(p.missingProperty)).replace(/^the /, '')}`;
    case 'enum':
      return `${field} may only be ${(p.allowedValues as unknown[]).map((v) => `“${String(v)}”`).join(', ')}`;
    case 'const':
      return `${field} must be “${String(p.allowedValue)}”`;
    case 'type':
      return `${field} is missing or of the wrong kind`;
    case 'pattern':
    case 'format':
      return `${field} is not written the way the policy asks`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${field} must be at least ${String(p.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${field} must be at most ${String(p.limit)}`;
    case 'minLength':
      return `${field} is too short`;
    case 'maxLength':
      return `${field} is too long`;
    case 'not':
      return `${field} has a value the policy does not allow`;
    default:
      return `${field} does not meet the policy`;
  }
}

/** The messages of a failed validation: errorMessage texts when the schema gives them, else ajv's own. */
function messagesOf(errors: ErrorObject[] | null | undefined): { messages: string[]; details: string[] } {
  const all = errors ?? [];
  const custom = all.filter((e) => e.keyword === 'errorMessage');
  const raw = custom.length ? custom.flatMap((e) => ((e.params as { errors?: ErrorObject[] }).errors ?? [])) : all;
  const details = formatErrors(raw.filter((e) => e.keyword !== 'if'));
  const words = raw.filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'allOf').map(editorWords);
  const messages = custom.length ? custom.map((e) => e.message ?? '') : words.map((w) => w.charAt(0).toUpperCase() + w.slice(1) + '.');
  return { messages: [...new Set(messages.filter(Boolean))], details: [...new Set(details)] };
}

function severityFor(config: EffectiveConfig, meta: PolicyMeta): Severity | 'off' {
  return config.rules[meta.rule]?.level ?? meta.severity;
}

/** The article's claims by id, built once for all the policies applied to them. */
const idCache = new WeakMap<readonly Claim[], Map<string, Claim>>();
function idsOf(claims: readonly Claim[]): Map<string, Claim> {
  let m = idCache.get(claims);
  if (!m) idCache.set(claims, (m = claimsById(claims)));
  return m;
}

/** Applies one compiled policy to every claim; each failure is a problem under the policy's rule id. */
function applyPolicy(ctx: RuleContext, policy: CompiledPolicy, severity?: Severity): void {
  const name = path.basename(policy.path);
  const { article } = ctx;
  const bySentence = new Map<number, { claim: Claim; problem: ReportDescriptor }[]>();
  const byId = idsOf(ctx.claims);
  for (const claim of ctx.claims) {
    if (!policy.meta.headings) {
      const s = article.sentences[claim.sentenceIndex];
      if (s && article.blocks[s.block]?.kind === 'heading') continue;
    }
    // A policy sees the claim with its sentence's text (shared with every claim of the sentence, never
    // stored) and its source read through the reference (a figure's is the attribution of the claim
    // its attributionId names), as `sourceAttribution`; neither is written to any file.
    const source = sourceOf(claim, byId);
    const view = { ...claim, sentence: claimSentence(article, claim), ...(source ? { sourceAttribution: source } : {}) };
    if (policy.validate(view as unknown) === true) continue;
    const { messages: raw } = messagesOf(policy.validate.errors);
    const messages = raw.map((m) => renderMessage(m, view));
    const message = messages.join('; ') || `The claim “${claim.text}” fails the policy ${policy.title ?? name}.`;
    // Evidence in an editor's words: the schema's own message, the policy's name and its documentation;
    // never a JSON pointer or a path on the server (the rule id leads to the rule's docs).
    const evidence = { kind: 'policy' as const, message, source: policy.title ? `${policy.title.replace(/\.$/, '')} (${policy.meta.rule})` : policy.meta.rule, ...(policy.meta.docs ? { url: policy.meta.docs } : {}) };
    ctx.judge({ claimId: claim.id, verdict: 'policy-failed', evidence });
    const problem: ReportDescriptor = { rule: policy.meta.rule, start: claim.offset, end: claim.endOffset, claimId: claim.id, messageId: 'policy', data: { message }, evidence: [evidence], ...(severity ? { severity } : {}) };
    if (!policy.meta.perSentence) ctx.report(problem);
    else {
      const list = bySentence.get(claim.sentenceIndex) ?? [];
      list.push({ claim, problem });
      bySentence.set(claim.sentenceIndex, list);
    }
  }
  for (const list of bySentence.values()) {
    const [first, ...rest] = list;
    if (rest.length) first.problem.evidence = [...first.problem.evidence!, { kind: 'note', message: `Also failing ${policy.meta.rule} in this sentence: ${rest.map((r) => `“${r.claim.text}”`).join(', ')}` }];
    ctx.report(first.problem);
  }
}

function loadDefaultPolicies(): CompiledPolicy[] {
  const dir = path.join(schemasDir(), 'policy');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      const fail = (err: unknown) => new Error(`copydesk: default policy ${file}: ${(err as Error).message}`);
      let meta: PolicyMeta;
      try {
        // copydesk's own schemas: the block is checked against policy-meta.schema.json when compiled.
        if (typeof (schema['x-copydesk'] as { rule?: unknown } | undefined)?.rule !== 'string') throw new Error('missing the "x-copydesk" block');
        meta = metaOf(schema['x-copydesk']);
      } catch (err) {
        throw fail(err);
      }
      // Compiled on first use (issue 14): a run whose articles all come from the cache never compiles one.
      let validate: ValidateFunction | undefined;
      return {
        path: file,
        meta,
        title: typeof schema.title === 'string' ? schema.title : undefined,
        description: typeof schema.description === 'string' ? schema.description : undefined,
        get validate(): ValidateFunction {
          if (!validate) {
            try {
              validate = compilePolicy(file, schema).validate;
            } catch (err) {
              throw fail(err);
            }
          }
          return validate;
        },
      } satisfies CompiledPolicy;
    });
}

/** A rule for one default policy schema. A user policy declaring the same rule id replaces it. */
function defaultPolicyRule(policy: CompiledPolicy): Rule {
  const meta: RuleMeta = {
    id: policy.meta.rule,
    category: policy.meta.category,
    severity: policy.meta.severity,
    stage: 'validate',
    description: policy.title ?? `Editorial policy ${path.basename(policy.path)}.`,
    docs: `${policy.description ?? ''}\n\nDefined by the policy schema \`schemas/policy/${path.basename(policy.path)}\`.`.trim(),
    options: NO_OPTIONS,
    messages: POLICY_MESSAGES,
  };
  return {
    meta,
    check(ctx) {
      if (ctx.config.policies.some((p) => declaredPolicyRule(p.schema) === meta.id)) return;
      applyPolicy(ctx, policy);
    },
  };
}

const userPolicyMeta: RuleMeta = {
  id: 'input/policy',
  category: 'input',
  severity: 'error',
  stage: 'validate',
  description: 'Runs the policy schemas named in the config (`policies`); each failure is reported under the rule id its schema declares.',
  docs: 'A newsroom adds its own editorial policy as JSON Schemas applied to every claim (see docs/policy.md). Each failing claim becomes a review item under the rule id, category and severity the schema declares in "x-copydesk", with the schema\'s `errorMessage` as its message; set the rule\'s level in the config `rules` like any other rule. This rule itself reports a policy schema that cannot be compiled. Turning it off turns off every user policy.',
  options: NO_OPTIONS,
  messages: { ...POLICY_MESSAGES, unusable: 'The policy schema {{file}} cannot be used: {{error}}.' },
};

/** Runs the configured (user) policy schemas. */
export const userPolicies: Rule = {
  meta: userPolicyMeta,
  check(ctx) {
    for (const { path: file, schema } of ctx.config.policies) {
      let policy: CompiledPolicy;
      try {
        policy = compilePolicy(file, schema);
      } catch (err) {
        ctx.report({ start: 0, end: 0, messageId: 'unusable', data: { file, error: (err as Error).message } });
        continue;
      }
      const level = severityFor(ctx.config, policy.meta);
      if (level === 'off') continue;
      applyPolicy(ctx, policy, level);
    }
  },
};

export const defaultPolicies: CompiledPolicy[] = loadDefaultPolicies();

export const policyRules: Rule[] = [...defaultPolicies.map(defaultPolicyRule), userPolicies];
