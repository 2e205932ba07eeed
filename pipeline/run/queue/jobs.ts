// What a queue job carries and returns (issue 14). One job per article: its text and paths, the run
// and a reference (hash) to the effective configuration, stored once per run in Redis. Job ids are
// keyed by run, path and content hash, so adding an article twice (a resumed run) adds nothing, and a
// result is delivered once however many times its job ran.
import { digest } from '../../util/hash.js';
import { VERSION } from '../../util/version.js';
import { codeIdentity } from '../cache.js';
import type { FileResult } from '../../core/types.js';

export interface JobData {
  run: string;
  /** The shown path (FoundFile.path) and the item-id path (FoundFile.key). */
  path: string;
  key: string;
  /** The absolute path on the coordinator's machine (for messages only: workers never read it). */
  abs: string;
  text: string;
  /** configHash of the effective configuration; its JSON is at configKey(run, config). */
  config: string;
  /** The coordinator's copydesk (jobVersion()): a worker of another version refuses the job (its results would differ). */
  version?: string;
}

export interface JobResult {
  /** Which worker process checked it (host:pid, or --name). */
  worker: string;
  result: FileResult;
}

/** BullMQ job ids may not contain ':'. */
export function jobId(run: string, path: string, text: string): string {
  return `${run}-${digest(path, 16)}-${digest(text, 16)}`;
}

/** How many times a job is tried before it becomes a per-file error. */
export const ATTEMPTS = 3;

/** copydesk's version and the hash of its code (as in cache keys): "0.1.0 (code 1a2b3c4d5e6f7a8b)". */
export function jobVersion(version = VERSION): string {
  return `${version} (code ${codeIdentity()})`;
}

/** Why a worker of copydesk `mine` refuses a job queued by copydesk `theirs`, or undefined when they agree. */
export function versionRefusal(worker: string, mine: string, theirs: string | undefined): string | undefined {
  if (theirs === mine) return undefined;
  return `copydesk worker ${worker} refuses this job: the worker runs copydesk ${mine}, the run was queued by copydesk ${theirs ?? 'of an older version (no version in the job)'}; results of two versions would differ, so run the same copydesk version on the coordinator and every worker`;
}
