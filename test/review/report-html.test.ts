// The static report.html: data embedded safely, CSP hashes that allow exactly the inline script and
// style, and where the review's article texts are written.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleModules, jsonForScript, loadAssets, serverPage, staticPage } from '../../pipeline/review/page.js';
import { validator } from '../../pipeline/validate/schemas.js';
import { articleTextFile, type ReviewData } from '../../pipeline/review/data.js';

const hostile = '</script><script>alert(1)</script><!-- "><img src=x onerror=alert(1)> \u2028 javascript:alert(1)';

function data(): ReviewData {
  return {
    version: 1,
    generated: '2025-01-01T00:00:00.000Z',
    readOnly: true,
    files: [{ path: 'a/x.md', title: hostile, words: 3, claimCount: 0, claims: [], hasText: true, text: hostile }],
    items: [],
  };
}

describe('jsonForScript', () => {
  it.each([
    ['</script>', '\\u003c/script>'],
    ['<!--', '\\u003c!--'],
    ['a\u2028b', 'a\\u2028b'],
  ])('escapes %j', (input, expected) => {
    expect(jsonForScript({ s: input })).toBe(`{"s":"${expected}"}`);
    expect(JSON.parse(jsonForScript({ s: input }))).toEqual({ s: input });
  });
  it('leaves no "<" at all, so nothing can end or open a tag', () => {
    expect(jsonForScript(data())).not.toContain('<');
  });
});

describe('staticPage', () => {
  const html = staticPage(data());
  const a = loadAssets();
  // The page without the inlined script and style bodies: what the HTML parser sees as markup.
  const markup = html.replace(a.js, '').replace(a.css, '');
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

  it('inlines the style and script and allows exactly them by hash in a CSP meta', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(a.js)}`);
    expect(csp).toContain(`style-src ${hash(a.css)}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(html).toContain(`<script>${a.js}</script>`);
    expect(html).toContain(`<style>${a.css}</style>`);
    // The CSP meta comes before any style or script.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('has no external reference and no token', () => {
    expect(markup).not.toMatch(/\b(?:src|href)="(?!data:)/);
    expect(markup).not.toContain('copydesk-token');
  });

  it('embeds the data once, in a JSON block that hostile strings cannot leave', () => {
    const blocks = html.match(/<script type="application\/json" id="copydesk-data">([\s\S]*?)<\/script>/g) ?? [];
    expect(blocks).toHaveLength(1);
    const json = /<script type="application\/json" id="copydesk-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(JSON.parse(json).files[0].text).toBe(hostile);
    expect(html).not.toContain('<img');
    expect(markup.match(/<script/g)).toHaveLength(2);
  });
});

describe('serverPage', () => {
  it('links the assets and carries the token; no inline script', () => {
    const html = serverPage('ab12');
    expect(html).toContain('<meta name="copydesk-token" content="ab12">');
    expect(html).toContain('<script type="module" src="/app/main.js"></script>');
    expect(html).not.toMatch(/<script>/);
    expect(() => serverPage('"><script>')).toThrow(/hex/);
  });
});

describe('articleTextFile', () => {
  const out = path.join('/tmp', 'out');
  it.each([
    ['input/a.md', 'articles/input/a.md.json'],
    ['input/a.txt', 'articles/input/a.txt.json'],
    ['a.md', 'articles/a.md.json'],
  ])('%s -> %s', (p, rel) => {
    expect(articleTextFile(out, p)).toBe(path.join(out, rel));
  });
  it.each(['/etc/passwd', '../../etc/passwd', '../x.md'])('keeps %s inside output/articles/external', (p) => {
    const f = articleTextFile(out, p);
    expect(f.startsWith(path.join(out, 'articles', 'external') + path.sep)).toBe(true);
    expect(path.dirname(f)).toBe(path.join(out, 'articles', 'external'));
  });
});

describe('the page as ES modules, joined for report.html', () => {
  it('serves every module and bundles them in dependency order into one script that parses', () => {
    const a = loadAssets();
    expect([...a.modules.keys()]).toEqual(expect.arrayContaining(['main.js', 'state.js', 'render.js', 'claims.js', 'actions.js', 'api.js', 'dom.js', 'text.js']));
    for (const [name, src] of a.modules) expect(src.startsWith('// @ts-check'), name).toBe(true);
    expect(a.js).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => new Function(a.js)).not.toThrow();
    expect(a.js.indexOf('// ---- dom.js ----')).toBeLessThan(a.js.indexOf('// ---- main.js ----'));
  });
  it('refuses what it cannot join: a name declared twice, a missing module, a cycle, export lists', () => {
    const m = (o: Record<string, string>) => new Map(Object.entries(o));
    expect(bundleModules(m({ 'main.js': "import { a } from './a.js';\na();", 'a.js': 'export function a() {}' }))).toContain('function a() {}');
    expect(() => bundleModules(m({ 'main.js': "import { a } from './a.js';\nconst a = 1;", 'a.js': 'export function a() {}' }))).toThrow(/both declare a/);
    expect(() => bundleModules(m({ 'main.js': "import { a } from './nope.js';" }))).toThrow(/does not exist/);
    expect(() => bundleModules(m({ 'main.js': "import { a } from './a.js';", 'a.js': "import { b } from './main.js';\nexport const a = 1;" }))).toThrow(/cycle/);
    expect(() => bundleModules(m({ 'main.js': 'const a = 1;\nexport { a };' }))).toThrow(/export declarations only/);
    expect(() => bundleModules(m({ 'main.js': "import {\n a } from './a.js';" }))).toThrow(/one line/);
  });
});

describe('the page data matches schemas/review-data.schema.json', () => {
  it('the static page’s embedded data validates', () => {
    const v = validator('review-data');
    expect(v(data()), JSON.stringify(v.errors)).toBe(true);
    expect(v({ ...data(), files: [{ path: 'a.md' }] })).toBe(false);
  });
});
