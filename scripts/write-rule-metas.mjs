#!/usr/bin/env node
// Build step: writes every rule's metadata (core/stages.ts liveRuleMetas) to dist/pipeline/core/rule-metas.json,
// which core/registry.ts reads instead of importing every rule module (issue 14).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/pipeline/core/rule-metas.json');
fs.rmSync(out, { force: true });
const { liveRuleMetas } = await import(pathToFileURL(path.join(root, 'dist/pipeline/core/stages.js')).href);
fs.writeFileSync(out, JSON.stringify(liveRuleMetas()) + '\n');
