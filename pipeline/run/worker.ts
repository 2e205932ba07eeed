// Worker-thread entry: read one article and run checkArticle() on it. Heavy state (dictionaries,
// compiled schemas) lives in module scope, so it is built once per worker.
import { readArticle, InputError } from '../parse/read.js';
import { fileErrorItem } from '../queue/items.js';
import { fileErrorMeta, inputProblem, skippedMeta } from '../core/input-rules.js';
import { limitsOf } from '../core/limits.js';
import type { EffectiveConfig, FileResult } from '../core/types.js';
import type { FoundFile } from './files.js';

export interface Task {
  absPath: string;
  path: string;
  /** The path used in item ids (see FoundFile.key). */
  key?: string;
  config: EffectiveConfig;
  /** The article's text, when it was read elsewhere (a queue job carries it); absPath is then not read. */
  text?: string;
  /** Shared with the main thread: the worker writes the time it starts (ms since the epoch) for the deadline. */
  started?: BigInt64Array;
}


/** The result of an article that could not be read or checked: no claims, one input/file-error item. */
export function fileErrorResult(path: string, err: unknown, key = path): FileResult {
  const code = err instanceof InputError ? err.code : 'internal';
  const message = err instanceof InputError ? err.message : `${path}: copydesk failed on this file: ${(err as Error)?.stack ?? String(err)}`;
  const item = fileErrorItem(inputProblem(fileErrorMeta, 'unreadable', 0, 0, { reason: message }), key, code);
  return { path, words: 0, claims: [], items: [item], error: { message, code } };
}

/**
 * The result for a path the file finder reported instead of checking (a broken link, a FIFO, a link
 * out of the named folders...): an input/file-error (with `error`) or an input/skipped notice.
 */
export function skipResult(f: FoundFile): FileResult {
  const s = f.skip!;
  if (s.rule === 'input/file-error') return fileErrorResult(f.path, new InputError(s.code, s.message), f.key);
  const item = fileErrorItem(inputProblem(skippedMeta, 'skipped', 0, 0, { reason: s.message }), f.key, s.code);
  return { path: f.path, words: 0, claims: [], items: [item], skipped: { message: s.message, code: s.code } };
}

export async function runTask(task: Task): Promise<FileResult> {
  if (task.started) Atomics.store(task.started, 0, BigInt(Date.now()));
  try {
    const text = task.text ?? await readArticle(task.absPath, task.path, { maxBytes: limitsOf(task.config).maxArticleBytes });
    // Loaded on the first article that needs checking: a cache hit never loads the checks (issue 14).
    const { checkArticle } = await import('../core/article.js');
    return checkArticle({ path: task.path, key: task.key, text }, task.config);
  } catch (err) {
    return fileErrorResult(task.path, err, task.key);
  }
}

export default runTask;
