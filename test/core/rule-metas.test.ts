// The build writes every rule's metadata to dist/pipeline/core/rule-metas.json, which the registry
// reads instead of importing the rule modules (issue 14): it must be what the rule modules say.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { liveRuleMetas } from '../../pipeline/core/stages.js';
import { allRuleMetas } from '../../pipeline/core/registry.js';
import { repoRoot } from '../helpers/shared.js';

describe('rule-metas.json', () => {
  it('the built list is the rule modules\' metadata', () => {
    const file = path.join(repoRoot, 'dist/pipeline/core/rule-metas.json');
    expect(fs.existsSync(file), `${file} is missing: run npm run build`).toBe(true);
    const built = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(built).toEqual(JSON.parse(JSON.stringify(liveRuleMetas())));
    expect(built.length).toBeGreaterThan(20);
    expect(allRuleMetas().map((m) => m.id)).toEqual(built.map((m: { id: string }) => m.id));
  });
});
