// @ts-check
// The article text as DOM: flagged spans as <mark>, claims underlined, zero-width items as pins; the
// open claim's attribution (content, cue, source mention, where the name came from) marked too.
import { el, $ } from './dom.js';
import { state, SEV_RANK } from './state.js';

/** @typedef {import('../../../core/schema-types.js').Item} Item */
/** @typedef {import('../../../core/schema-types.js').PageClaim} PageClaim */

/**
 * Soft line breaks inside a paragraph show as spaces, so paragraphs reflow to the pane; same length
 * as the text, so offsets still hold. Front matter, headings, list items, quotes, tables, code and
 * Markdown hard breaks keep their lines.
 */
const BLOCK_START = /^(?:\s|#|>|[-*+]\s|\d+[.)]\s|\||---|\.\.\.|```|~~~)/;
/** @param {string} text */
export function displayText(text) {
  const fm = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  const from = fm ? fm[0].length : 0;
  /** @type {string[] | null} */
  let out = null;
  const re = /[^\n]\r?\n(?=[^\r\n])/g;
  re.lastIndex = from;
  let m;
  while ((m = re.exec(text))) {
    const nl = m.index + m[0].length - 1;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const prev = text.slice(lineStart, m.index + 1);
    if (/^(?:#|\||\s{4})/.test(prev) || / {2}$/.test(prev) || /\\$/.test(prev)) continue;
    if (BLOCK_START.test(text.slice(nl + 1, nl + 8))) continue;
    if (!out) out = text.split('');
    out[nl] = ' ';
    if (text[nl - 1] === '\r') out[nl - 1] = ' ';
    re.lastIndex = nl + 1;
  }
  return out ? out.join('') : text;
}

/**
 * @typedef {{ offset: number, endOffset: number }} Span
 * @typedef {{ a: number, b: number, cls: string, label: string }} Extra
 */

/**
 * The parts of an attribution record to mark for the open claim: its own, or for a figure those of
 * the claim its attributionId names (found among the article's claims).
 * @param {PageClaim | null} claim
 * @param {PageClaim[]} [claims] the article's claims
 * @returns {Extra[]}
 */
export function attributionSpans(claim, claims) {
  /** @type {Extra[]} */
  const out = [];
  const rec = claim && !claim.attribution && claim.attributionId ? (claims || []).find((c) => c.id === claim.attributionId) : claim;
  const a = rec && /** @type {Record<string, any> | undefined} */ (rec.attribution);
  if (!a) return out;
  /** @param {any} p @param {string} cls @param {string} label */
  const add = (p, cls, label) => {
    if (p && typeof p.offset === 'number' && typeof p.endOffset === 'number' && p.endOffset > p.offset) out.push({ a: p.offset, b: p.endOffset, cls, label });
  };
  if (Array.isArray(a.content)) a.content.forEach((/** @type {unknown} */ p) => add(p, 'att-content', 'what was said'));
  add(a.cueSpan, 'att-cue', 'cue');
  add(a.sourceSpan, 'att-source', 'source as named here');
  add(a.resolvedFrom, 'att-resolved', 'where the source’s name comes from');
  return out;
}

/**
 * @param {string} text
 * @param {Item[]} items
 * @param {PageClaim[]} claims
 * @param {PageClaim | null} openClaim
 */
export function highlight(text, items, claims, openClaim) {
  text = displayText(text);
  const n = text.length;
  const clamp = (/** @type {number} */ x) => Math.max(0, Math.min(n, x));
  const points = new Set([0, n]);
  /** @type {{ a: number, b: number, it: Item }[]} */
  const spans = [];
  /** @type {Map<number, Item[]>} */
  const pins = new Map();
  items.forEach((it) => {
    const a = clamp(it.offset), b = clamp(it.endOffset);
    if (b > a) {
      spans.push({ a, b, it });
      points.add(a);
      points.add(b);
    } else {
      if (!pins.has(a)) pins.set(a, []);
      /** @type {Item[]} */ (pins.get(a)).push(it);
      points.add(a);
    }
  });
  /** @type {{ a: number, b: number, c: PageClaim }[]} */
  const claimSpans = [];
  claims.forEach((c) => {
    const a = clamp(c.offset), b = clamp(c.endOffset);
    if (b > a) {
      claimSpans.push({ a, b, c });
      points.add(a);
      points.add(b);
    }
  });
  const extras = attributionSpans(openClaim, claims).map((x) => ({ ...x, a: clamp(x.a), b: clamp(x.b) }));
  extras.forEach((x) => {
    points.add(x.a);
    points.add(x.b);
  });
  const cuts = Array.from(points).sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  // Only the first piece of a highlight or claim is a Tab stop (a span cut by others has several pieces).
  const focusedMarks = new Set();
  const focusedClaims = new Set();
  for (let i = 0; i < cuts.length; i++) {
    const a = cuts[i];
    (pins.get(a) || []).forEach((it) => {
      frag.appendChild(el('mark', { className: 'pin sev-' + it.severity + ' st-' + it.status, dataset: { items: it.id }, title: it.rule + ': ' + it.message, text: '⚑', tabindex: '0', role: 'button', 'aria-label': it.severity + ' ' + it.rule + ' (whole file)' }));
    });
    if (i === cuts.length - 1) break;
    const b = cuts[i + 1];
    /** @type {Node} */
    let node = document.createTextNode(text.slice(a, b));
    const cover = spans.filter((s) => s.a <= a && s.b >= b).map((s) => s.it);
    const claimCover = claimSpans.filter((s) => s.a <= a && s.b >= b);
    extras.filter((x) => x.a <= a && x.b >= b).forEach((x) => {
      const w = el('span', { className: 'att ' + x.cls, title: x.label });
      w.appendChild(node);
      node = w;
    });
    if (claimCover.length) {
      const c = claimCover[0].c;
      const interactive = !cover.length && !focusedClaims.has(c.id);
      if (interactive) focusedClaims.add(c.id);
      const u = el('span', { className: 'claim', dataset: { claim: c.id }, title: c.kind + ' claim', ...(interactive ? { tabindex: '0', role: 'button', 'aria-label': c.kind + ' claim: ' + text.slice(a, b).slice(0, 200) } : {}) });
      u.appendChild(node);
      node = u;
    }
    if (cover.length) {
      cover.sort((x, y) => SEV_RANK[x.severity] - SEV_RANK[y.severity]);
      const allClosed = cover.every((it) => it.status !== 'open');
      const key = cover.map((it) => it.id).join(' ');
      const interactive = !focusedMarks.has(key);
      focusedMarks.add(key);
      const m = el('mark', {
        className: 'hl sev-' + cover[0].severity + (allClosed ? ' st-' + cover[0].status : '') + (cover.length > 1 ? ' multi' : ''),
        dataset: { items: key },
        title: cover.map((it) => it.rule + ': ' + it.message).join('\n'),
        ...(interactive ? { tabindex: '0', role: 'button' } : {}),
      });
      m.appendChild(node);
      node = m;
    }
    frag.appendChild(node);
  }
  const wrap = el('div', { className: 'text-body' });
  wrap.appendChild(frag);
  return wrap;
}

/**
 * @param {HTMLElement} node
 * @param {HTMLElement} pane
 */
function scrollIntoViewIfNeeded(node, pane) {
  const r = node.getBoundingClientRect();
  const p = pane.getBoundingClientRect();
  if (r.top < p.top + 40 || r.bottom > p.bottom - 40) node.scrollIntoView({ block: 'center' });
}

export function markCurrent() {
  const box = $('text');
  const id = state.current;
  /** @type {HTMLElement | null} */
  let first = null;
  box.querySelectorAll('mark[data-items]').forEach((node) => {
    const m = /** @type {HTMLElement} */ (node);
    const on = !!id && (m.dataset.items || '').split(' ').indexOf(id) >= 0;
    m.classList.toggle('current', on);
    if (on && !first) first = m;
  });
  box.querySelectorAll('.claim').forEach((node) => {
    const c = /** @type {HTMLElement} */ (node);
    c.classList.toggle('current-claim', !!state.claim && c.dataset.claim === state.claim);
  });
  if (first && state.scrollWanted && box.parentElement) scrollIntoViewIfNeeded(first, box.parentElement);
}
