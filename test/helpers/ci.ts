// Helpers for the CI tests: temporary article trees, configs that isolate one rule, and the built CLI.
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tempDir, type CliResult } from './cli.js';
import type { Report } from '../../pipeline/core/types.js';

export { runCli, tempDir };
export type { CliResult };

/** Writes files (relative path -> content) under dir, creating folders; returns dir. */
export function writeTree(dir: string, files: Record<string, string | object>): string {
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

let ruleIds: string[] | undefined;
/** Every rule id of the built CLI (`copydesk rules --json`), so configs match what dist/ knows. */
export function builtRuleIds(): string[] {
  if (!ruleIds) {
    const r = runCli(['rules', '--json']);
    if (r.code !== 0) throw new Error(`copydesk rules --json failed: ${r.stderr}`);
    ruleIds = (JSON.parse(r.stdout) as { id: string }[]).map((m) => m.id);
  }
  return ruleIds;
}

/** A `rules` setting that turns every rule off except the given ones (input/* stay on). */
export function only(settings: Record<string, unknown>): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const id of builtRuleIds()) if (!id.startsWith('input/')) rules[id] = 'off';
  return { ...rules, ...settings };
}

/** The rule the CI tests fire for real: the speller (misspellings like "goverment" are certain hits). */
export const SPELLING = 'spelling/unknown-word';

/**
 * `copydesk lint` in `cwd` (NO_COLOR set, no GitHub variables unless given). Small batches run on the
 * main thread anyway; --workers 0 keeps the tests from starting worker pools for a handful of files.
 */
export function lint(cwd: string, args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const workers = args.includes('--workers') ? [] : ['--workers', '0'];
  return runCli(['lint', ...args, ...workers], { cwd, env: { GITHUB_STEP_SUMMARY: undefined, FORCE_COLOR: undefined, ...env } });
}

/** The JSON report (schemas/report.schema.json), typed by the generated types. */
export type JsonReport = Report;

export function lintJson(cwd: string, args: string[], env: Record<string, string | undefined> = {}): { code: number; report: JsonReport; stderr: string } {
  const r = lint(cwd, [...args, '--format', 'json'], env);
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`lint did not print JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr };
}
