import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/shared.js';
// @ts-expect-error plain ESM script without types
import { generate } from '../../scripts/gen-types.mjs';

describe('types generated from schemas/', () => {
  it('pipeline/core/schema-types.ts is up to date (run npm run gen:types)', async () => {
    const current = fs.readFileSync(path.join(repoRoot, 'pipeline/core/schema-types.ts'), 'utf8');
    expect(current).toBe(await generate());
  });
});
