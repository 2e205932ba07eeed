// Turns the command line's paths, folders and globs into the list of articles to check. Nothing is
// skipped without a word (issue 9): a broken or looping link, a FIFO, socket or device, an
// unreadable folder, a folder named like an article, and a link that leaves the folders named on the
// command line (unless --follow-symlinks; issue 14) each become a per-file notice naming the path and
// the cause, and a FIFO is never opened (reading one blocks forever).
import fs from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../util/errors.js';
import { repoRootOf } from '../util/repo.js';

export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** Why a path was not checked: a per-file notice instead of a result. */
export interface Skip {
  /** input/file-error: the path looks like an article but cannot be read; input/skipped: copydesk left it out on purpose. */
  rule: 'input/file-error' | 'input/skipped';
  code: 'broken-link' | 'symlink-loop' | 'outside-roots' | 'not-a-file' | 'unreadable-folder' | 'no-articles';
  message: string;
}

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
  /** Size in bytes when known (lets the batch send a large article to a worker thread). */
  size?: number;
  /** Set when the path is reported, not checked. */
  skip?: Skip;
}

export interface FindOptions {
  /** Follow symbolic links that lead out of the folders named on the command line (--follow-symlinks). */
  followSymlinks?: boolean;
  /** An empty folder or a glob that matches no article is a usage error (default); false: a notice, or nothing for a glob. */
  errorOnUnmatchedPattern?: boolean;
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**', '**/.copydesk-cache/**'];
const SKIP_NAMES = new Set(['node_modules', '.git', '.copydesk-cache']);

const isArticleName = (name: string) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** What a path is, without ever opening it. */
function kindOf(st: fs.Stats): string {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'FIFO (named pipe)';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return 'special file';
}

function within(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The folder a glob pattern starts from: its segments before the first dynamic one. */
function globBase(pattern: string, cwd: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return path.resolve(cwd, fixed.join('/') || '.');
}

export async function findArticles(inputs: string[], cwd = process.cwd(), options: FindOptions = {}): Promise<FoundFile[]> {
  const strict = options.errorOnUnmatchedPattern !== false;
  const found = new Map<string, FoundFile>();
  const root = repoRootOf(cwd);
  const make = (abs: string): FoundFile => ({ abs, path: displayPath(abs, cwd), key: displayPath(abs, root) });
  // What one command-line input yields, sorted by path before it joins `found` (as a glob's results are).
  let pending: FoundFile[] = [];
  const flush = () => {
    pending.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
    for (const f of pending) if (!found.has(f.abs)) found.set(f.abs, f);
    pending = [];
  };
  const add = (abs: string, size?: number) => {
    pending.push({ ...make(abs), ...(size !== undefined ? { size } : {}) });
  };
  const notice = (abs: string, rule: Skip['rule'], code: Skip['code'], why: string) => {
    const f = make(abs);
    pending.push({ ...f, skip: { rule, code, message: `${f.path}: ${why}` } });
  };
  // The folders named on the command line (real paths): links must stay inside them.
  const roots: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) roots.push(realOrSelf(abs));
    else if (!st && !isLink(abs) && isDynamicPattern(input)) roots.push(realOrSelf(globBase(input, cwd)));
  }

  const visited = new Set<string>();
  const walk = (dir: string, real: string, ancestors: Set<string>) => {
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      notice(dir, 'input/skipped', 'unreadable-folder', `cannot read this folder (${errText(err)}); the articles in it were not checked`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_NAMES.has(e.name)) continue;
      const abs = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        link(abs, e.name, ancestors);
        continue;
      }
      if (e.isDirectory()) {
        const r = path.join(real, e.name);
        walk(abs, r, new Set([...ancestors, r]));
        continue;
      }
      if (!isArticleName(e.name)) continue;
      if (e.isFile()) {
        add(abs, sizeOf(abs));
        continue;
      }
      let st: fs.Stats | undefined;
      try {
        st = fs.lstatSync(abs);
      } catch {
        st = undefined;
      }
      notice(abs, 'input/file-error', 'not-a-file', `this is a ${st ? kindOf(st) : 'special file'}, not a text file; it was not read`);
    }
  };
  const link = (abs: string, name: string, ancestors: Set<string>) => {
    let target = '';
    try {
      target = fs.readlinkSync(abs);
    } catch {
      // shown without its target
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') notice(abs, 'input/skipped', 'symlink-loop', `this symbolic link${target ? ` (to ${target})` : ''} loops back on itself; it was skipped`);
      else notice(abs, isArticleName(name) ? 'input/file-error' : 'input/skipped', 'broken-link', `this symbolic link is broken${target ? ` (its target ${target} does not exist)` : ''}; it was skipped`);
      return;
    }
    const real = realOrSelf(abs);
    if (!options.followSymlinks && !within(real, roots)) {
      if (st.isDirectory() || isArticleName(name)) notice(abs, 'input/skipped', 'outside-roots', `this symbolic link leads to ${real}, outside the folders named on the command line; it was skipped (use --follow-symlinks to check it)`);
      return;
    }
    if (st.isDirectory()) {
      if (ancestors.has(real)) notice(abs, 'input/skipped', 'symlink-loop', `this symbolic link leads back to ${real}, a folder that holds it (a loop); it was skipped`);
      else if (!visited.has(real)) walk(abs, real, new Set([...ancestors, real]));
      return;
    }
    if (!isArticleName(name)) return;
    if (st.isFile()) add(abs, st.size);
    else notice(abs, 'input/file-error', 'not-a-file', `this symbolic link leads to a ${kindOf(st)}, not a text file; it was not read`);
  };

  for (const input of inputs) {
    flush();
    const abs = path.resolve(cwd, input);
    let lst: fs.Stats | undefined;
    try {
      lst = fs.lstatSync(abs);
    } catch {
      lst = undefined;
    }
    if (lst) {
      let st: fs.Stats | undefined = lst;
      if (lst.isSymbolicLink()) {
        try {
          st = fs.statSync(abs);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          notice(abs, 'input/file-error', code === 'ELOOP' ? 'symlink-loop' : 'broken-link', code === 'ELOOP' ? 'this symbolic link loops back on itself' : 'this symbolic link is broken (its target does not exist)');
          continue;
        }
      }
      if (st.isDirectory()) {
        const real = realOrSelf(abs);
        walk(abs, real, new Set([real]));
        if (!pending.length) {
          // A folder named like an article (x.md) was meant as one: name it; an empty folder is a usage error.
          if (strict && !isArticleName(abs)) throw new UsageError(`no articles (${ARTICLE_EXTENSIONS.join(', ')}) in the folder ${input}; use --no-error-on-unmatched-pattern to allow it`);
          const named = isArticleName(abs) ? `this is a folder, not an article, and it holds` : 'this folder holds';
          notice(abs, 'input/skipped', 'no-articles', `${named} no ${ARTICLE_EXTENSIONS.join(', ')} articles`);
        }
      } else if (st.isFile()) {
        add(abs, st.size); // an explicitly named file is checked whatever its extension
      } else {
        notice(abs, 'input/file-error', 'not-a-file', `this is a ${kindOf(st)}, not a text file; it was not read`);
      }
    } else if (isDynamicPattern(input)) {
      const base = realOrSelf(globBase(input, cwd));
      const files = await glob(input, { cwd, absolute: true, ignore: SKIP_DIRS, followSymbolicLinks: !!options.followSymlinks, onlyFiles: false });
      const articles = files.filter((f) => isArticleName(f)).sort();
      if (!articles.length && strict) throw new UsageError(`no articles match the pattern "${input}"; use --no-error-on-unmatched-pattern to allow it`);
      for (const f of articles) {
        const p = path.resolve(f);
        let st: fs.Stats;
        try {
          st = fs.statSync(p);
        } catch {
          notice(p, 'input/file-error', 'broken-link', 'this symbolic link is broken (its target does not exist)');
          continue;
        }
        if (st.isDirectory()) continue;
        if (!options.followSymlinks && !within(realOrSelf(p), [base, ...roots])) {
          notice(p, 'input/skipped', 'outside-roots', `this is a symbolic link to ${realOrSelf(p)}, outside ${displayPath(base, cwd) || '.'}; it was skipped (use --follow-symlinks to check it)`);
          continue;
        }
        if (st.isFile()) add(p, st.size);
        else notice(p, 'input/file-error', 'not-a-file', `this is a ${kindOf(st)}, not a text file; it was not read`);
      }
    } else {
      throw new UsageError(`no such file or folder: ${input}`);
    }
  }
  flush();
  return [...found.values()];
}

function sizeOf(abs: string): number | undefined {
  try {
    return fs.statSync(abs).size;
  } catch {
    return undefined;
  }
}

function errText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code ?? e.message;
}

function isLink(abs: string): boolean {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}
