// Turns the command line's paths, folders and globs into the list of articles to check.
import fs from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../util/errors.js';
import { repoRootOf } from '../util/repo.js';

export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'];
const EXT_GLOB = '**/*.{md,markdown,txt}';


export interface FoundFile {
  /** Absolute path. */
  abs: string;
  /** Path shown to users: relative to cwd, forward slashes. */
  path: string;
  /**
   * Path used in item ids: relative to the repository root (the nearest folder holding .git above
   * cwd, else cwd), so an editor's decisions hold whatever folder copydesk runs from.
   */
  key: string;
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**', '**/.copydesk-cache/**'];

export interface FindOptions {
  /** An empty folder or a glob that matches no article is a usage error (default); false: it adds nothing. */
  errorOnUnmatchedPattern?: boolean;
}

export async function findArticles(inputs: string[], cwd = process.cwd(), options: FindOptions = {}): Promise<FoundFile[]> {
  const strict = options.errorOnUnmatchedPattern !== false;
  const found = new Map<string, FoundFile>();
  const root = repoRootOf(cwd);
  const add = (abs: string) => {
    if (!found.has(abs)) found.set(abs, { abs, path: displayPath(abs, cwd), key: displayPath(abs, root) });
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files = await glob(EXT_GLOB, { cwd: abs, absolute: true, ignore: SKIP_DIRS, dot: false });
      if (!files.length && strict) throw new UsageError(`no articles (.md, .markdown, .txt) in the folder ${input}; use --no-error-on-unmatched-pattern to allow it`);
      for (const f of files.sort()) add(path.resolve(f));
    } else if (stat || isLink(abs)) {
      add(abs); // an explicitly named file is checked whatever its extension (a broken link fails at read time)
    } else if (isDynamicPattern(input)) {
      const files = await glob(input, { cwd, absolute: true, ignore: SKIP_DIRS });
      const articles = files.filter((f) => ARTICLE_EXTENSIONS.includes(path.extname(f).toLowerCase()));
      if (!articles.length && strict) throw new UsageError(`no articles match the pattern "${input}"; use --no-error-on-unmatched-pattern to allow it`);
      for (const f of articles.sort()) add(path.resolve(f));
    } else {
      throw new UsageError(`no such file or folder: ${input}`);
    }
  }
  return [...found.values()];
}

function isLink(abs: string): boolean {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}
