// Every rule of every stage, for documentation, configuration checks and SARIF rule lists: their
// metadata only. A build (scripts/write-rule-metas.mjs) writes it to rule-metas.json next to this
// module, so configuration checks and reports load no rule module, dictionary or parser (a cached
// lint needs none; issue 14); run from the sources (tests), the rule modules are imported for it.
import fs from 'node:fs';
import type { RuleMeta } from './types.js';

export const RULE_METAS_FILE = 'rule-metas.json';

const built = new URL(`./${RULE_METAS_FILE}`, import.meta.url);
const metas: RuleMeta[] = fs.existsSync(built) ? (JSON.parse(fs.readFileSync(built, 'utf8')) as RuleMeta[]) : (await import('./stages.js')).liveRuleMetas();

export function allRuleMetas(): RuleMeta[] {
  return [...metas];
}

let byId: Map<string, RuleMeta> | undefined;
export function ruleMeta(id: string): RuleMeta | undefined {
  byId ??= new Map(metas.map((m) => [m.id, m]));
  return byId.get(id);
}
