// The review page's HTML, in its two forms: served by `copydesk review` (assets from the server,
// a per-server token in a <meta>) and the self-contained static report.html (CSS, script and data
// inline, locked down by a CSP whose hashes allow exactly that script and style).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { ReviewData } from './data.js';

export interface Assets {
  html: string;
  js: string;
  css: string;
}

let assets: Assets | undefined;

/** The page's files, read once from pipeline/review/assets (or dist/pipeline/review/assets). */
export function loadAssets(): Assets {
  if (!assets) {
    const read = (name: string) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
    const a = { html: read('index.html'), js: read('app.js'), css: read('style.css') };
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
    '<script src="/app.js" defer></script>',
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
