// @ts-check
// DOM helpers. Every string from an article or the queue reaches the page through textContent or
// attribute setters on created elements: never through innerHTML.

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
export function $(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error('copydesk: the page has no #' + id);
  return node;
}

/** @typedef {string | number | Node | null | undefined | false} Leaf */
/** @typedef {Leaf | Leaf[] | Array<Leaf | Leaf[]>} Child */
/** @typedef {{ [key: string]: unknown, text?: unknown, className?: string, dataset?: Record<string, string | number>, onclick?: (e: Event) => void }} Props */

/**
 * @param {string} tag
 * @param {Props | null} [props]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const k of Object.keys(props)) {
      const v = props[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.className = String(v);
      else if (k === 'dataset') for (const [d, dv] of Object.entries(/** @type {Record<string, unknown>} */ (v))) node.dataset[d] = String(dv);
      else if (k === 'onclick') node.addEventListener('click', /** @type {EventListener} */ (v));
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) append(node, c);
  return node;
}

/**
 * @param {Node} node
 * @param {Child} child
 */
export function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(node, /** @type {Child} */ (c)));
  else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
  else node.appendChild(child);
}

/** @param {Node} node */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * @param {number} n
 * @param {string} word
 */
export function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

/** @param {string} p */
export function baseName(p) {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

/** @param {unknown} value */
export function show(value) {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

let toastTimer = 0;
/**
 * @param {string} message
 * @param {string} [kind]
 */
export function toast(message, kind) {
  const t = $('toast');
  t.textContent = message;
  t.className = 'toast visible' + (kind ? ' ' + kind : '');
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    t.className = 'toast';
  }, kind === 'error' ? 6000 : 2500);
}

/**
 * Only http(s) addresses become links; anything else (javascript:, data:...) stays text.
 * @param {string} url
 * @param {string} [label]
 */
export function safeLink(url, label) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return el('a', { href: u.href, rel: 'noopener noreferrer', target: '_blank', text: label || url });
  } catch (e) {
    /* not a URL */
  }
  return el('span', { text: url });
}

/**
 * @param {string} label
 * @param {string} key shown as a <kbd>; '' for none
 * @param {(e: Event) => void} action
 * @param {string} [extra] more classes
 * @param {Props} [props]
 */
export function button(label, key, action, extra, props) {
  return el('button', { type: 'button', className: 'action ' + (extra || ''), title: key ? 'Key: ' + key : null, onclick: action, ...(props || {}) }, label, key ? el('kbd', { text: key, 'aria-hidden': 'true' }) : null);
}

/**
 * A definition list of [term, value] rows; empty values are left out.
 * @param {Array<[string, Child]>} rows
 */
export function dl(rows) {
  const list = el('dl', { className: 'facts' });
  rows.forEach(([term, value]) => {
    if (value === undefined || value === null || value === '' || value === false) return;
    list.appendChild(el('dt', { text: term }));
    list.appendChild(el('dd', null, value));
  });
  return list;
}
