// Editors' decisions, by stable item id, in copydesk.decisions.json (schemas/decisions.schema.json).
// Shared by `copydesk lint` (dismissed items never fail CI) and the review page.
import fs from 'node:fs';
import type { Decision, Decisions, FileResult, Item } from '../types.js';
import { validator, formatErrors } from '../validate/schemas.js';
import { writeJsonAtomic } from '../output/atomic.js';

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
