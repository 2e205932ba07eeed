// Editors' decisions, by stable item id, in copydesk.decisions.json (schemas/decisions.schema.json):
// item decisions (accepted/dismissed), claim reviews (checked, wrong, needs source, disputed) and the
// history of changes the review page's undo is derived from. Shared by `copydesk lint` (dismissed
// items never fail CI), `copydesk run` (claim reviews go into the claims files and the summary) and
// the review page.
//
// Several writers (two review servers, a review server and `lint --update-baseline`) may change one
// file at once: every change goes through updateDecisions(), which takes a lock (proper-lockfile, a
// `<file>.lock` folder beside the file's target), re-reads the file, applies the change per item and
// writes it atomically. A decisions file that is a symbolic link stays one: the write replaces its target.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import lockfile from 'proper-lockfile';
import type { Claim, FileResult, Item } from '../core/types.js';
import type { ClaimReview, Decision, Decisions, HistoryChange, HistoryStep } from '../core/schema-types.js';
import { validator, formatErrors } from '../validate/schemas.js';
import { writeJsonAtomic, writeTarget } from '../util/atomic.js';

export const DECISIONS_FILE = 'copydesk.decisions.json';

/** The history keeps at most this many steps and this many listed changes (oldest dropped first). */
export const HISTORY_STEPS = 500;
export const HISTORY_CHANGES = 5000;

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

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Drops the oldest history steps beyond the limits. */
function trimHistory(history: HistoryStep[]): HistoryStep[] {
  let out = history.slice(-HISTORY_STEPS);
  let changes = out.reduce((n, s) => n + s.changes.length, 0);
  while (out.length > 1 && changes > HISTORY_CHANGES) {
    changes -= out[0].changes.length;
    out = out.slice(1);
  }
  return out;
}

/** Writes the decisions (keys sorted, history trimmed) atomically; a symbolic link keeps pointing at the file. */
export function saveDecisions(file: string, decisions: Decisions): void {
  const sorted: Decisions = { version: 1, decisions: sortedKeys(decisions.decisions) };
  if (decisions.claims && Object.keys(decisions.claims).length) sorted.claims = sortedKeys(decisions.claims);
  if (decisions.history && decisions.history.length) sorted.history = trimHistory(decisions.history);
  writeJsonAtomic(file, sorted, { throughSymlink: true });
}

/**
 * Changes the decisions file under a lock: re-reads it, lets `change` edit the current content, and
 * writes it when anything changed. Other writers (another review server, `lint --update-baseline`)
 * wait for the lock, so no decision is lost; each change is applied per item, so the last write
 * for an item wins and every other item keeps what the other writers set.
 */
export async function updateDecisions<T>(file: string, change: (current: Decisions) => T): Promise<T> {
  const target = writeTarget(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let release: (() => Promise<void>) | undefined;
  try {
    release = await lockfile.lock(target, {
      realpath: false,
      stale: 10_000,
      update: 2_000,
      retries: { retries: 200, factor: 1.2, minTimeout: 10, maxTimeout: 250, randomize: true },
    });
  } catch (err) {
    throw new DecisionsError(file, `cannot lock the decisions file (${(err as Error).message}); is another copydesk stuck? Remove ${target}.lock if not`);
  }
  try {
    const current = loadDecisions(target);
    const before = JSON.stringify(current);
    const result = change(current);
    if (JSON.stringify(current) !== before) saveDecisions(target, current);
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}

export function newStepId(): string {
  return 's-' + randomBytes(6).toString('hex');
}

/** Appends a step to the history (a step without changes and without a count is not recorded). */
export function recordStep(decisions: Decisions, step: Omit<HistoryStep, 'id' | 'at'> & { id?: string; at?: string }): HistoryStep | undefined {
  if (!step.changes.length && !step.count) return undefined;
  const full: HistoryStep = { id: step.id ?? newStepId(), at: step.at ?? new Date().toISOString(), ...step } as HistoryStep;
  (decisions.history ??= []).push(full);
  return full;
}

/** Sets (or, with null, removes) one item's decision; returns the change for the history, or null when nothing changed. */
export function setDecision(decisions: Decisions, id: string, value: Decision | null): HistoryChange | null {
  const before = decisions.decisions[id] ?? null;
  if (value) decisions.decisions[id] = value;
  else delete decisions.decisions[id];
  if (before === null && value === null) return null;
  return { target: 'item', id, before, after: value };
}

/** Sets (or, with null, removes) one claim's review; returns the change, or null when nothing changed. */
export function setClaimReview(decisions: Decisions, id: string, value: ClaimReview | null): HistoryChange | null {
  const claims = (decisions.claims ??= {});
  const before = claims[id] ?? null;
  if (value) claims[id] = value;
  else delete claims[id];
  if (!Object.keys(claims).length) delete decisions.claims;
  if (before === null && value === null) return null;
  return { target: 'claim', id, before, after: value };
}

/** The steps one editor can still undo, most recent first: their review steps not undone yet. */
export function undoableSteps(decisions: Decisions, author: string | undefined): HistoryStep[] {
  const history = decisions.history ?? [];
  const undone = new Set(history.filter((s) => s.undoes).map((s) => s.undoes!));
  return history.filter((s) => (s.source === 'review' || s.source === 'edit') && !undone.has(s.id) && s.changes.length > 0 && (s.author ?? '') === (author ?? '')).reverse();
}

/**
 * Reverts a step: each item or claim it changed goes back to what it was, unless someone changed it
 * since (then it is left as they set it and counted in `kept`). Records the undo as a step.
 */
export function undoStep(decisions: Decisions, stepId: string, author: string | undefined): { step: HistoryStep | undefined; reverted: number; kept: number } {
  const step = (decisions.history ?? []).find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId} in the history`);
  if ((decisions.history ?? []).some((s) => s.undoes === stepId)) throw new Error('that step was undone already');
  const changes: HistoryChange[] = [];
  let kept = 0;
  for (const c of [...step.changes].reverse()) {
    const now = c.target === 'item' ? decisions.decisions[c.id] ?? null : decisions.claims?.[c.id] ?? null;
    if (JSON.stringify(now) !== JSON.stringify(c.after)) {
      kept++;
      continue;
    }
    const ch = c.target === 'item' ? setDecision(decisions, c.id, c.before as Decision | null) : setClaimReview(decisions, c.id, c.before as ClaimReview | null);
    if (ch) changes.push(ch);
  }
  // Recorded even when nothing changed, so the step leaves the undo list.
  (decisions.history ??= []).push({ id: newStepId(), at: new Date().toISOString(), source: 'undo', ...(author ? { author } : {}), undoes: stepId, label: `Undid: ${step.label}`.slice(0, 300), count: changes.length, changes });
  return { step, reverted: changes.length, kept };
}

/** Sets each item's status (and note) and each claim's review from the decisions; items without a decision stay open. */
export function applyDecisions(results: FileResult[], decisions: Decisions): void {
  for (const r of results) {
    for (const item of r.items) {
      const d: Decision | undefined = decisions.decisions[item.id];
      item.status = d?.status ?? 'open';
      if (d?.note) item.note = d.note;
      else delete item.note;
    }
    applyClaimReviews(r.claims, decisions);
  }
}

export function applyClaimReviews(claims: Claim[], decisions: Decisions): void {
  for (const c of claims) {
    const review = decisions.claims?.[c.id];
    if (review) c.review = review;
    else delete c.review;
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
 * An item that already has a decision (an editor's, or an earlier baseline) is never changed.
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
