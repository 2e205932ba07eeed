// Where the repository starts: item ids and SARIF locations are relative to it.
import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder holding .git, walking up from `dir`; else `dir` itself. */
export function repoRootOf(dir: string): string {
  let cur = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(cur, '.git'))) return cur;
    const up = path.dirname(cur);
    if (up === cur) return path.resolve(dir);
    cur = up;
  }
}
