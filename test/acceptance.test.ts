// The example article through the built CLI, scored by ../shared/acceptance/score.mjs.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from './helpers/cli.js';
import { exampleArticle, exampleGold, sharedDir, sharedOnly } from './helpers/shared.js';
import { validator } from '../pipeline/validate/schemas.js';

describe('example article acceptance', () => {
  sharedOnly(it)('lint --format json scores numeric 5/5, attributions 4/4, the typo and 8 of 9 flags', () => {
    const r = runCli(['lint', exampleArticle, '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(validator('report')(report)).toBe(true);
    const file = path.join(tempDir(), 'r.json');
    fs.writeFileSync(file, r.stdout);
    const score = spawnSync(process.execPath, [path.join(sharedDir, 'acceptance/score.mjs'), '--report', file, '--gold', exampleGold], { encoding: 'utf8' });
    const summary = score.stdout.trim().split('\n').pop()!;
    expect(summary).toMatch(/numeric 5\/5/);
    expect(summary).toMatch(/attributions 4\/4/);
    expect(summary).toMatch(/typos 1\/1/);
    const flags = /flags (\d+)\/9/.exec(summary);
    expect(Number(flags?.[1])).toBeGreaterThanOrEqual(8);
    const other = /other items (\d+)/.exec(summary);
    expect(Number(other?.[1])).toBeLessThanOrEqual(10);
  });
});
