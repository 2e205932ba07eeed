// Access to ../shared (the evaluation corpus and gold files). Tests may read it; under CI it must
// exist, so a missing folder fails loudly instead of skipping.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const exampleArticle = path.join(sharedDir, 'corpus/china-russia-tech.txt');
export const exampleGold = path.join(sharedDir, 'acceptance/china-russia-tech.gold.json');

export const hasShared = fs.existsSync(exampleArticle);
if (!hasShared && process.env.CI === 'true') {
  throw new Error(`../shared is missing (looked for ${exampleArticle}); CI must provide it`);
}

/** `it` when ../shared exists, `it.skip` otherwise (outside CI only: under CI a missing folder throws above). */
export function sharedOnly<T>(it: T & { skip: T }): T {
  return hasShared ? it : it.skip;
}
