// Editors' decisions, by stable item id, in copydesk.decisions.json (schemas/decisions.schema.json).
// Shared by `copydesk lint` (dismissed items never fail CI) and the review page.
import fs from 'node:fs';
import type { Decision, Decisions, FileResult, Item } from '../core/types.js';
import { validator, formatErrors } from '../validate/schemas.js';
import { writeJsonAtomic } from '../util/atomic.js';

export const DECISIONS_FILE = 'copydesk.decisions.json';

export class DecisionsError extends Error {
  constructor(public file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'DecisionsError';
  }
}

export function emptyDecisions(): Decisions {
  return { version: 1, decisions: {} };
}

export function loadDecisions(file: string): Decisions {
  if (!fs.existsSync(file)) return emptyDecisions();
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DecisionsError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const v = validator('decisions');
  if (!v(data)) throw new DecisionsError(file, formatErrors(v.errors).join('; '));
  return data as Decisions;
}

export function saveDecisions(file: string, decisions: Decisions): void {
  const sorted: Decisions = { version: 1, decisions: Object.fromEntries(Object.entries(decisions.decisions).sort(([a], [b]) => a.localeCompare(b))) };
  writeJsonAtomic(file, sorted);
}

/** Sets each item's status (and note) from the decisions; items without a decision stay open. */
export function applyDecisions(results: FileResult[], decisions: Decisions): void {
  for (const r of results) {
    for (const item of r.items) {
      const d: Decision | undefined = decisions.decisions[item.id];
      item.status = d?.status ?? 'open';
      if (d?.note) item.note = d.note;
      else delete item.note;
    }
  }
}

export function decisionFor(item: Item, status: Decision['status'], extra: Partial<Decision> = {}): Decision {
  return { status, rule: item.rule, file: item.file, excerpt: item.excerpt.slice(0, 120), at: new Date().toISOString(), ...extra };
}

/** The note `--update-baseline` records. */
export const BASELINE_NOTE = 'baseline';

/**
 * `copydesk lint --update-baseline`: records every current item that has no decision yet as dismissed
 * (note "baseline"), so an existing archive can adopt copydesk and CI fails only on new problems.
 * Unreadable files are not baselined: they are not an editorial judgment. Returns how many were added.
 */
export function baselineDecisions(results: FileResult[], decisions: Decisions, note = BASELINE_NOTE): number {
  let added = 0;
  const at = new Date().toISOString();
  for (const r of results) {
    if (r.error) continue;
    for (const item of r.items) {
      if (decisions.decisions[item.id]) continue;
      decisions.decisions[item.id] = decisionFor({ ...item, file: item.file ?? r.path }, 'dismissed', { note, at });
      added++;
    }
  }
  return added;
}

/**
 * `--prune-decisions`: removes decisions whose items no longer exist, only for the files checked in
 * this run (a decision for a file not checked now, or one without a file, is kept). Returns how many.
 */
export function pruneDecisions(results: FileResult[], decisions: Decisions): number {
  const checked = new Set(results.filter((r) => !r.error).map((r) => r.path));
  const current = new Set(results.flatMap((r) => r.items.map((it) => it.id)));
  let removed = 0;
  for (const [id, d] of Object.entries(decisions.decisions)) {
    if (d.file && checked.has(d.file) && !current.has(id)) {
      delete decisions.decisions[id];
      removed++;
    }
  }
  return removed;
}
