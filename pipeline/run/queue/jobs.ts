// What a queue job carries and returns (issue 14). One job per article: its text and paths, the run
// and a reference (hash) to the effective configuration, stored once per run in Redis. Job ids are
// keyed by run, path and content hash, so adding an article twice (a resumed run) adds nothing, and a
// result is delivered once however many times its job ran.
import { digest } from '../../util/hash.js';
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
