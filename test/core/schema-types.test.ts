import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/shared.js';
import type { Fact, Quantity } from '../../pipeline/core/types.js';
// @ts-expect-error plain ESM script without types
import { generate, forTypes } from '../../scripts/gen-types.mjs';

describe('types generated from schemas/', () => {
  it('pipeline/core/schema-types.ts is up to date (run npm run gen:types)', async () => {
    const current = fs.readFileSync(path.join(repoRoot, 'pipeline/core/schema-types.ts'), 'utf8');
    expect(current).toBe(await generate());
  });

  it('reject misspelt fields on Quantity and Fact (npm run typecheck fails when a @ts-expect-error below is unused)', () => {
    const q: Quantity = { unit: 'count', approximate: false, bound: 'exact', value: 3 };
    // @ts-expect-error: "vaule" is not a field of Quantity
    const misspeltQ: Quantity = { unit: 'count', approximate: false, bound: 'exact', vaule: 3 };
    // @ts-expect-error: nor is "hihg"
    q.hihg = 4;
    const f: Fact = { id: 'f', measure: 'Visitors', terms: ['visitors'], unit: 'count', source: 'Report', value: 1 };
    // @ts-expect-error: "tolerence" is not a field of Fact
    const misspeltF: Fact = { id: 'f', measure: 'Visitors', terms: ['visitors'], unit: 'count', source: 'Report', value: 1, tolerence: 0.1 };
    expect([q, misspeltQ, f, misspeltF]).toHaveLength(4);
  });

  it('no generated type is left open by an anyOf of required-only branches ({[k: string]: unknown} & ...)', () => {
    const ts = fs.readFileSync(path.join(repoRoot, 'pipeline/core/schema-types.ts'), 'utf8');
    expect(ts).not.toMatch(/^export type \w+ = \w+1 & \w+2;$/m);
  });

  it('drops only anyOf/oneOf branches that list required properties, for any schema', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' }, c: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
      anyOf: [{ required: ['a'] }, { required: ['b'], description: 'or b' }],
      additionalProperties: false,
    };
    const out = forTypes(schema);
    expect(out.anyOf).toBeUndefined();
    expect(out.properties.c.anyOf).toHaveLength(2);
    expect(schema.anyOf).toHaveLength(2); // the input is not changed
  });
});
