// docs/ci.md stays true: the workflow it shows is docs/examples/copydesk.yml, and its config and
// decisions examples validate.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './helpers/shared.js';
import { validateConfig } from '../pipeline/run/config.js';
import { validator, formatErrors } from '../pipeline/validate/schemas.js';

const doc = fs.readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8');
const workflow = fs.readFileSync(path.join(repoRoot, 'docs/examples/copydesk.yml'), 'utf8');
const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

describe('docs/ci.md', () => {
  it('shows docs/examples/copydesk.yml verbatim', () => {
    expect(blocks('yaml')).toContain(workflow);
  });

  it('the workflow diffs against the base, uploads SARIF and annotates with --format github', () => {
    const wf = parseYaml(workflow) as { on: { pull_request: unknown }; permissions: Record<string, string>; jobs: { copydesk: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } } };
    expect(wf.on.pull_request).toBeDefined();
    expect(wf.permissions['security-events']).toBe('write');
    const steps = wf.jobs.copydesk.steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/git diff --name-only --diff-filter=ACMR -z "origin\/\$\{GITHUB_BASE_REF\}\.\.\.HEAD"/);
    expect(runs).toMatch(/copydesk lint --cache --format sarif --output-file copydesk\.sarif/);
    expect(runs).toMatch(/copydesk lint --cache --format github/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('copydesk.sarif');
  });

  it('its config example is a valid configuration and its decisions example a valid decisions file', () => {
    const json = blocks('json').map((b) => JSON.parse(b));
    const config = json.find((j) => 'rules' in j);
    expect(() => validateConfig(config, 'docs/ci.md')).not.toThrow();
    const decisions = json.find((j) => 'decisions' in j);
    const v = validator('decisions');
    expect(v(decisions), formatErrors(v.errors).join('; ')).toBe(true);
  });
});
