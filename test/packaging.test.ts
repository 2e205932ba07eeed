// Packaging for CI: the npm tarball installs and runs; action.yml (a composite GitHub Action) and
// .pre-commit-hooks.yaml are well-formed and point at what the package provides.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './helpers/shared.js';
import { tempDir } from './helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string>; files: string[] };

describe('npm pack', () => {
  it('produces a tarball that installs and runs (lint of an article, with a rule docs link that exists)', () => {
    const work = tempDir('copydesk-pack-');
    // dist/ is built by `npm test`; --ignore-scripts keeps pack from rebuilding it.
    const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const paths = files.map((f) => f.path);
    expect(paths).toContain('dist/pipeline/cli.js');
    expect(paths).toContain('schemas/config.schema.json');
    expect(paths).toContain('docs/rules.md');
    expect(paths.some((p) => p.startsWith('test/') || p.startsWith('pipeline/'))).toBe(false);

    const project = path.join(work, 'newsroom');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'newsroom', private: true }));
    // The dependencies come from npm's cache where `npm ci` left them (offline first).
    const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, filename)], { cwd: project, encoding: 'utf8', timeout: 240_000 });
    expect(install.status, install.stderr).toBe(0);
    fs.writeFileSync(path.join(project, 'story.md'), '# Roads\n\nThe goverment will pay for the new road.\n');
    const bin = path.join(project, 'node_modules/.bin/copydesk');
    const lint = spawnSync(bin, ['lint', 'story.md', '--format', 'json'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(lint.status, lint.stderr).toBe(1);
    const report = JSON.parse(lint.stdout) as { files: { items: { rule: string; excerpt: string; docsUrl: string }[] }[] };
    const typo = report.files[0].items.find((i) => i.rule === 'spelling/unknown-word')!;
    expect(typo.excerpt).toBe('goverment');
    const [file, anchor] = typo.docsUrl.split('#');
    if (file.startsWith('file:')) expect(fs.readFileSync(new URL(file), 'utf8')).toContain(`<a id="${anchor}"></a>`);
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 300_000);
});

describe('action.yml', () => {
  const action = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
    name: string;
    description: string;
    inputs: Record<string, { description: string; default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: { id?: string; uses?: string; run?: string; shell?: string; with?: Record<string, string>; env?: Record<string, string> }[] };
  };
  it('is a composite action whose run steps name their shell and whose actions are pinned to a major version', () => {
    expect(action.name).toBe('copydesk');
    expect(action.description.length).toBeGreaterThan(10);
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(!!step.run !== !!step.uses, JSON.stringify(step)).toBe(true);
      if (step.run) expect(step.shell).toBe('bash');
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
    }
    expect(action.runs.steps.map((s) => s.uses).filter(Boolean)).toContain('github/codeql-action/upload-sarif@v3');
  });
  it('uses only inputs it declares and step ids that exist, and runs the CLI the package builds', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
    for (const m of text.matchAll(/\$\{\{\s*inputs\.([\w-]+)/g)) expect(action.inputs, m[1]).toHaveProperty(m[1]);
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    for (const m of text.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids.has(m[1]), m[1]).toBe(true);
    expect(text).toContain('dist/pipeline/cli.js');
    expect(pkg.bin.copydesk).toBe('dist/pipeline/cli.js');
    for (const i of Object.values(action.inputs)) expect(i.description.length).toBeGreaterThan(5);
  });
  it('its shell steps are valid bash', () => {
    for (const step of action.runs.steps.filter((s) => s.run)) {
      const r = spawnSync('bash', ['-n'], { input: step.run!.replace(/\$\{\{[^}]*\}\}/g, 'X'), encoding: 'utf8' });
      expect(r.status, `${r.stderr}\n${step.run}`).toBe(0);
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; name: string; entry: string; language: string; files: string }[];
  it('declares node hooks whose entry is the package’s bin and whose files pattern takes articles only', () => {
    expect(hooks.map((h) => h.id)).toEqual(['copydesk', 'copydesk-fix']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(Object.keys(pkg.bin)).toContain(h.entry.split(' ')[0]);
      expect(h.entry).toMatch(/^copydesk lint\b/);
      const re = new RegExp(h.files);
      for (const f of ['news/a.md', 'b.markdown', 'c.txt']) expect(re.test(f), f).toBe(true);
      for (const f of ['a.json', 'md.js', 'notes.mdx']) expect(re.test(f), f).toBe(false);
    }
  });
});
