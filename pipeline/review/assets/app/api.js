// @ts-check
// Talking to `copydesk review`: every write carries the page's token; the server checks it and the Origin.
import { state } from './state.js';
import { toast } from './dom.js';

/** @typedef {import('../../../core/schema-types.js').ReviewData} ReviewData */
/** @typedef {import('../../../core/schema-types.js').ReviewFile} ReviewFile */
/** @typedef {import('../../../core/schema-types.js').PageClaim} PageClaim */

/**
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export function request(method, url, body) {
  /** @type {Record<string, string>} */
  const headers = { 'X-Copydesk-Token': state.token };
  /** @type {RequestInit} */
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(url, init).then((res) =>
    res
      .json()
      .catch(() => ({}))
      .then((data) => {
        if (!res.ok) throw new Error((data && data.error) || 'the server answered ' + res.status);
        return data;
      }),
  );
}

/**
 * Saves one item's status and note on the server ('open' removes the decision).
 * @param {string} id
 * @param {string} status
 * @param {string | undefined} note
 */
export function persist(id, status, note) {
  if (status === 'open') return request('DELETE', '/api/decisions/' + id);
  /** @type {{ status: string, note?: string }} */
  const d = { status };
  if (note) d.note = note;
  return request('POST', '/api/decisions', { version: 1, decisions: { [id]: d } });
}

/** @returns {Promise<ReviewData | null>} */
export function fetchState() {
  return fetch('/api/state', { cache: 'no-store' })
    .then((res) => {
      if (!res.ok) return res.json().then((d) => { throw new Error(d.error || 'HTTP ' + res.status); });
      return res.json();
    })
    .catch((err) => {
      toast('Could not load the review data: ' + err.message, 'error');
      return null;
    });
}

/** @param {ReviewFile} file */
export function loadText(file) {
  const have = state.texts.get(file.path);
  if (have !== undefined) return Promise.resolve(have);
  if (state.readOnly) {
    state.texts.set(file.path, null);
    return Promise.resolve(null);
  }
  const p = fetch('/api/article?file=' + encodeURIComponent(file.path), { cache: 'no-store' })
    .then((res) => (res.ok ? res.json() : null))
    .then((d) => {
      const t = d && typeof d.text === 'string' ? d.text : null;
      if (d && Array.isArray(d.claims)) state.claims.set(file.path, d.claims);
      state.texts.set(file.path, t);
      return t;
    })
    .catch(() => {
      state.texts.delete(file.path);
      return null;
    });
  state.texts.set(file.path, p);
  return p;
}

/**
 * Every claim of the run (the claims view): from the embedded data, or from the server once.
 * @returns {Promise<PageClaim[]>}
 */
export function loadAllClaims() {
  if (state.allClaims) return Promise.resolve(state.allClaims);
  if (state.readOnly) {
    /** @type {PageClaim[]} */
    const all = [];
    state.data.files.forEach((f) => (f.claims || []).forEach((c) => all.push({ ...c, file: f.path })));
    state.allClaims = all;
    return Promise.resolve(all);
  }
  return fetch('/api/claims', { cache: 'no-store' })
    .then((res) => (res.ok ? res.json() : { claims: [] }))
    .then((d) => {
      state.allClaims = Array.isArray(d.claims) ? d.claims : [];
      return /** @type {PageClaim[]} */ (state.allClaims);
    });
}

/**
 * Server-sent events: another tab, another editor or a lint run changed the decisions (or the run).
 * @param {() => void} onChange
 */
export function listen(onChange) {
  if (state.readOnly || typeof EventSource === 'undefined') return;
  const source = new EventSource('/api/events');
  source.addEventListener('change', () => onChange());
}
