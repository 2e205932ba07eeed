// Worker-thread entry: read one article and run checkArticle() on it. Heavy state (dictionaries,
// compiled schemas) lives in module scope, so it is built once per worker.
import { checkArticle } from '../core/article.js';
import { readArticle, InputError } from '../parse/read.js';
import { fileErrorItem } from '../queue/items.js';
import { fileErrorMeta, inputProblem } from '../core/input-rules.js';
import type { EffectiveConfig, FileResult } from '../core/types.js';

export interface Task {
  absPath: string;
  path: string;
  /** The path used in item ids (see FoundFile.key). */
  key?: string;
  config: EffectiveConfig;
}

/** The result of an article that could not be read or checked: no claims, one input/file-error item. */
export function fileErrorResult(path: string, err: unknown, key = path): FileResult {
  const code = err instanceof InputError ? err.code : 'internal';
  const message = err instanceof InputError ? err.message : `${path}: copydesk failed on this file: ${(err as Error)?.stack ?? String(err)}`;
  const item = fileErrorItem(inputProblem(fileErrorMeta, 'unreadable', 0, 0, { reason: message }), key, code);
  return { path, words: 0, claims: [], items: [item], error: { message, code } };
}

export async function runTask(task: Task): Promise<FileResult> {
  try {
    const text = await readArticle(task.absPath, task.path);
    return checkArticle({ path: task.path, key: task.key, text }, task.config);
  } catch (err) {
    return fileErrorResult(task.path, err, task.key);
  }
}

export default runTask;
