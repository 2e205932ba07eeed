// Which found articles to skip: the `ignore` globs of the governing config (relative to the config
// file's folder) and `.copydeskignore` files (gitignore syntax, relative to the folder that holds
// them): the nearest one walking up from the working directory, and one next to each config file.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import ignoreModule, { type Ignore } from 'ignore';
import type { ConfigResolver } from './config.js';

export const IGNORE_FILE = '.copydeskignore';

// The CJS default export, typed for NodeNext.
const createIgnore = ((ignoreModule as unknown as { default?: unknown }).default ?? ignoreModule) as () => Ignore;

const slash = (p: string) => p.split(path.sep).join('/');

/** `abs` relative to `dir` with forward slashes, or undefined when it lies outside `dir`. */
function inside(dir: string, abs: string): string | undefined {
  const rel = path.relative(dir, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return slash(rel);
}

/** The nearest `.copydeskignore` in `dir` or a parent folder. */
export function findIgnoreFile(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    const f = path.join(cur, IGNORE_FILE);
    if (fs.existsSync(f)) return f;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

interface IgnoreFile {
  dir: string;
  ig: Ignore;
}

function loadIgnoreFile(file: string): IgnoreFile {
  const ig = createIgnore();
  ig.add(fs.readFileSync(file, 'utf8'));
  return { dir: path.dirname(file), ig };
}

/** The folder path itself and each of its ancestors ("a/b/c.md" -> "a/b/c.md", "a/b", "a"). */
function withAncestors(rel: string): string[] {
  const out = [rel];
  let i = rel.lastIndexOf('/');
  while (i > 0) {
    out.push(rel.slice(0, i));
    i = rel.lastIndexOf('/', i - 1);
  }
  return out;
}

export class IgnoreMatcher {
  private files = new Map<string, IgnoreFile | undefined>();
  private globs = new Map<string, ((p: string) => boolean) | undefined>();
  private cwdFile: IgnoreFile | undefined;

  constructor(private resolver: ConfigResolver, cwd = process.cwd()) {
    const f = findIgnoreFile(cwd);
    this.cwdFile = f ? this.ignoreFile(f) : undefined;
  }

  private ignoreFile(file: string): IgnoreFile | undefined {
    if (!this.files.has(file)) this.files.set(file, fs.existsSync(file) ? loadIgnoreFile(file) : undefined);
    return this.files.get(file);
  }

  private configGlobs(configFile: string, patterns: string[]): ((p: string) => boolean) | undefined {
    if (!this.globs.has(configFile)) this.globs.set(configFile, patterns.length ? picomatch(patterns, { dot: true }) : undefined);
    return this.globs.get(configFile);
  }

  /** Why `abs` is skipped ("path/to/.copydeskignore", "copydesk.config.json ignore"), or undefined. */
  reason(abs: string): string | undefined {
    const byFile = (f: IgnoreFile | undefined, file: string) => {
      if (!f) return undefined;
      const rel = inside(f.dir, abs);
      return rel && f.ig.ignores(rel) ? file : undefined;
    };
    if (this.cwdFile) {
      const r = byFile(this.cwdFile, path.join(this.cwdFile.dir, IGNORE_FILE));
      if (r) return r;
    }
    const loaded = this.resolver.forFile(abs);
    // The .copydeskignore beside each config that applies, then each config's own "ignore" globs.
    for (const file of loaded.files) {
      const next = path.join(path.dirname(file), IGNORE_FILE);
      const r = byFile(this.ignoreFile(next), next);
      if (r) return r;
    }
    for (const ig of loaded.config.ignores) {
      const match = this.configGlobs(ig.file, ig.patterns);
      const rel = inside(ig.dir, abs);
      if (match && rel && withAncestors(rel).some((p) => match(p))) return `${ig.file} "ignore"`;
    }
    return undefined;
  }

  ignored(abs: string): boolean {
    return this.reason(abs) !== undefined;
  }
}
