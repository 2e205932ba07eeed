// The review page's HTML, in its two forms: served by `copydesk review` (assets from the server,
// a per-server token in a <meta>) and the self-contained static report.html (CSS, script and data
// inline, locked down by a CSP whose hashes allow exactly that script and style).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { ReviewData } from './data.js';

export interface Assets {
  html: string;
  /** The page's ES modules (assets/app/*.js) by file name: served as they are by `copydesk review`. */
  modules: Map<string, string>;
  /** The same modules as one classic script, for the self-contained report.html (file:// cannot load modules). */
  js: string;
  css: string;
}

export const ENTRY_MODULE = 'main.js';

let assets: Assets | undefined;

const IMPORT = /^import\s+(?:\{[^}]*\}\s+from\s+)?'\.\/([\w-]+\.js)';\s*$/;
const TOP_DECL = /^(?:export\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/;

/**
 * Joins the modules into one script: each module's imports (single-line `import {…} from './x.js'`)
 * are dropped and `export` is taken off its declarations, in dependency order, inside one function
 * scope. Works because the modules follow two rules that this checks: imports only of sibling
 * modules, and no top-level name declared twice across modules.
 */
export function bundleModules(modules: Map<string, string>, entry = ENTRY_MODULE): string {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from: string) => {
    const src = modules.get(name);
    if (src === undefined) throw new Error(`copydesk: review module ${from} imports ./${name}, which does not exist`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`copydesk: review modules import each other in a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const line of src.split('\n')) {
      const m = IMPORT.exec(line);
      if (m) visit(m[1], name);
      else if (/^import\b/.test(line)) throw new Error(`copydesk: review module ${name}: write imports on one line as import { a } from './x.js' (got ${line.slice(0, 80)})`);
    }
    state.set(name, 'done');
    order.push(name);
  };
  visit(entry, entry);
  const declared = new Map<string, string>();
  const parts = order.map((name) => {
    const lines = modules.get(name)!.split('\n').filter((l) => !IMPORT.test(l));
    for (const l of lines) {
      if (/^export\s+(default|\{|\*)/.test(l)) throw new Error(`copydesk: review module ${name}: export declarations only (export function/const), not ${l.slice(0, 40)}`);
      const d = TOP_DECL.exec(l);
      if (d) {
        if (declared.has(d[1])) throw new Error(`copydesk: review modules ${declared.get(d[1])} and ${name} both declare ${d[1]} at the top level`);
        declared.set(d[1], name);
      }
    }
    return `// ---- ${name} ----\n` + lines.map((l) => l.replace(/^export\s+/, '')).join('\n');
  });
  return `(function () {\n'use strict';\n${parts.join('\n')}\n})();\n`;
}

/** The page's files, read once from pipeline/review/assets (or dist/pipeline/review/assets). */
export function loadAssets(): Assets {
  if (!assets) {
    const read = (name: string) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
    const dir = new URL('./assets/app/', import.meta.url);
    const modules = new Map<string, string>();
    for (const f of fs.readdirSync(dir).sort()) if (/^[\w-]+\.js$/.test(f)) modules.set(f, fs.readFileSync(new URL(f, dir), 'utf8'));
    const a: Assets = { html: read('index.html'), modules, js: bundleModules(modules), css: read('style.css') };
    // They are inlined in report.html: a closing tag inside would end the element early.
    if (/<\/script/i.test(a.js) || /<\/style/i.test(a.css)) throw new Error('copydesk: review assets must not contain </script> or </style>');
    assets = a;
  }
  return assets;
}

const HEAD = '<!--copydesk:head-->';
const BODY_END = '<!--copydesk:scripts-->';

function fill(html: string, head: string, scripts: string): string {
  if (!html.includes(HEAD) || !html.includes(BODY_END)) throw new Error('copydesk: review/assets/index.html lost its placeholders');
  // Function replacers: `$` in the inserted text must stay literal.
  return html.replace(HEAD, () => head).replace(BODY_END, () => scripts);
}

/** Content-Security-Policy of the served page: nothing inline, nothing from elsewhere. */
export const SERVER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The HTML the server sends; `token` is hex, so it needs no escaping. */
export function serverPage(token: string): string {
  if (!/^[0-9a-f]+$/.test(token)) throw new Error('copydesk: the review token must be hex');
  const a = loadAssets();
  return fill(
    a.html,
    `<meta name="copydesk-token" content="${token}">\n<link rel="stylesheet" href="/style.css">`,
    `<script type="module" src="/app/${ENTRY_MODULE}"></script>`,
  );
}

/**
 * JSON for a <script type="application/json"> block: `<` becomes \u003c, so no `</script>` or
 * `<!--` inside any string can end the block; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The self-contained, read-only report.html: no server, no network, no external assets. */
export function staticPage(data: ReviewData): string {
  const a = loadAssets();
  const csp =
    `default-src 'none'; script-src ${sha256(a.js)}; style-src ${sha256(a.css)}; img-src data:; ` +
    "base-uri 'none'; form-action 'none'";
  return fill(
    a.html,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<style>${a.css}</style>`,
    `<script type="application/json" id="copydesk-data">${jsonForScript(data)}</script>\n<script>${a.js}</script>`,
  );
}
