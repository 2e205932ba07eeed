#!/usr/bin/env node
// Writes docs/rules.md from the rule registry (every rule's meta: id, category, default severity,
// description, docs, options and examples; pipeline/core/rule-docs.ts renders it), so the
// documentation cannot drift from the code: the examples are the first rows of each rule's tests.
// Reads the built registry: run `npm run build` first. `--check` exits 1 when docs/rules.md is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const docPath = path.join(root, 'docs/rules.md');

async function main() {
  const dist = path.join(root, 'dist/pipeline/core');
  if (!fs.existsSync(path.join(dist, 'registry.js'))) {
    console.error(`${dist}/registry.js is missing: run npm run build first`);
    process.exit(2);
  }
  const { allRuleMetas } = await import(pathToFileURL(path.join(dist, 'registry.js')).href);
  const { renderRulesDoc } = await import(pathToFileURL(path.join(dist, 'rule-docs.js')).href);
  const text = renderRulesDoc(allRuleMetas());
  if (process.argv.includes('--check')) {
    const cur = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '';
    if (cur !== text) {
      console.error('docs/rules.md is out of date: run npm run docs:rules');
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(docPath), { recursive: true });
  fs.writeFileSync(docPath, text);
  console.log(`wrote ${path.relative(process.cwd(), docPath)} (${allRuleMetas().length} rules)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
