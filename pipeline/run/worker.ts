// Worker-thread entry: read one article and run checkArticle() on it. Heavy state (dictionaries,
// compiled schemas) lives in module scope, so it is built once per worker.
import { checkArticle } from '../core/article.js';
import { readArticle, InputError } from '../parse/read.js';
import { digest } from '../util/hash.js';
import { docsUrlFor } from '../util/docs-url.js';
import type { EffectiveConfig, FileResult } from '../core/types.js';

export interface Task {
  absPath: string;
  path: string;
  /** The path used in item ids (see FoundFile.key). */
  key?: string;
  config: EffectiveConfig;
}

export function fileErrorResult(path: string, err: unknown, key = path): FileResult {
  const code = err instanceof InputError ? err.code : 'internal';
  const message = err instanceof InputError ? err.message : `${path}: copydesk failed on this file: ${(err as Error)?.stack ?? String(err)}`;
  return {
    path,
    words: 0,
    claims: [],
    items: [
      {
        id: digest(`input/file-error\u0000${key}\u0000${code}`),
        rule: 'input/file-error',
        category: 'input',
        severity: 'error',
        message,
        excerpt: '',
        offset: 0,
        endOffset: 0,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        suggestions: [],
        status: 'open',
        docsUrl: docsUrlFor('input/file-error'),
      },
    ],
    error: { message, code },
  };
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
