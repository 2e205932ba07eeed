#!/usr/bin/env node
// Copies the non-TypeScript files under pipeline/ (word lists, lexicons, page assets) into dist/pipeline/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function copy(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const src = path.join(dir, e.name);
    if (e.isDirectory()) copy(src);
    else if (!e.name.endsWith('.ts')) {
      const dst = path.join(root, 'dist', path.relative(root, src));
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      fs.copyFileSync(src, dst);
    }
  }
}
copy(path.join(root, 'pipeline'));
fs.chmodSync(path.join(root, 'dist/pipeline/cli.js'), 0o755);
