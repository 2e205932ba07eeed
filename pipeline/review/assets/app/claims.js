// @ts-check
// The claims view: every claim of the run, filtered by kind, verdict, review status, source and
// article, to work claim by claim (j/k to move, c/w/s/x/0 to set the status, n for a note).
import { $, el, clear, plural, baseName, toast } from './dom.js';
import { state, hooks, CLAIM_FILTERS, CLAIM_STATUSES, CLAIM_KEYS, claimStatus, sourceRecordOf } from './state.js';
import { loadAllClaims } from './api.js';
import { option, claimBlock, claimActions, claimNoteEditor, claimBadge } from './render.js';
import { setClaimStatus } from './actions.js';

/** @typedef {import('../../../core/schema-types.js').PageClaim} PageClaim */

let limit = 300;

/** The attribution a claim's source is: its own, or a figure's record's (through attributionId). @param {PageClaim} c */
function sourceAttribution(c) {
  const r = sourceRecordOf(c);
  return /** @type {any} */ (r && r.attribution);
}
/** @param {PageClaim} c */
function sourceTypeOf(c) {
  const a = sourceAttribution(c);
  return a && a.sourceType ? String(a.sourceType) : c.attributionId ? 'attributed' : 'none';
}
/** @param {PageClaim} c */
function sourceName(c) {
  const a = sourceAttribution(c);
  return a && a.source ? String(a.source) : '';
}

/** @param {PageClaim} c */
export function claimMatches(c) {
  const f = state.claimFilters;
  if (f.kind && c.kind !== f.kind) return false;
  if (f.verdict && (c.verdict || 'none') !== f.verdict) return false;
  if (f.review && claimStatus(c) !== f.review) return false;
  if (f.source && sourceTypeOf(c) !== f.source) return false;
  if (state.filters.file && c.file !== state.filters.file) return false;
  return true;
}

export function claimList() {
  return (state.allClaims || []).filter(claimMatches);
}

export function renderClaimFilters() {
  const all = state.allClaims || [];
  /** @type {Record<string, string[]>} */
  const values = {
    kind: Array.from(new Set(all.map((c) => c.kind))).sort(),
    verdict: Array.from(new Set(all.map((c) => c.verdict || 'none'))).sort(),
    review: CLAIM_STATUSES.slice(),
    source: Array.from(new Set(all.map(sourceTypeOf))).sort(),
  };
  CLAIM_FILTERS.forEach((k) => {
    const sel = $('cf-' + k);
    clear(sel);
    sel.appendChild(option('', 'all', !state.claimFilters[k]));
    values[k].forEach((v) => {
      const n = all.filter((c) => (k === 'kind' ? c.kind : k === 'verdict' ? c.verdict || 'none' : k === 'review' ? claimStatus(c) : sourceTypeOf(c)) === v).length;
      sel.appendChild(option(v, v.replace('-', ' ') + ' (' + n + ')', state.claimFilters[k] === v));
    });
  });
}

export function renderClaimsView() {
  const box = $('claims-view');
  clear(box);
  if (!state.allClaims) {
    box.appendChild(el('p', { className: 'empty', text: 'Loading the claims…' }));
    loadAllClaims().then(() => {
      renderClaimFilters();
      hooks.renderAll();
    });
    return;
  }
  const list = claimList();
  const byStatus = { unchecked: 0, checked: 0, wrong: 0, 'needs-source': 0, disputed: 0 };
  list.forEach((c) => byStatus[claimStatus(c)]++);
  box.appendChild(el('h2', { className: 'pane-title' }, 'Claims', el('span', { className: 'muted', text: ' ' + list.length + ' of ' + (state.allClaims || []).length + (state.filters.file ? ' in ' + state.filters.file : ' in the run') + ' · ' + CLAIM_STATUSES.map((s) => byStatus[s] + ' ' + s.replace('-', ' ')).join(', ') })));
  if (!list.length) {
    box.appendChild(el('p', { className: 'empty', text: 'No claim matches the filters.' }));
    return;
  }
  const ul = el('ul', { className: 'claim-rows' });
  list.slice(0, limit).forEach((c) => {
    const b = el('button', { type: 'button', className: 'claim-row' + (c.id === state.claim ? ' current' : ''), dataset: { claim: c.id, file: c.file || '' }, 'aria-current': c.id === state.claim ? 'true' : null },
      el('span', { className: 'claim-kind', text: c.kind }),
      el('span', { className: 'claim-row-text', text: c.text.slice(0, 120) }),
      claimBadge(claimStatus(c)),
      el('span', { className: 'claim-row-meta', text: [baseName(c.file || ''), 'line ' + c.line, sourceName(c) ? 'source: ' + sourceName(c) : '', c.verdict ? c.verdict : ''].filter(Boolean).join(' · ') }));
    b.addEventListener('click', () => hooks.selectClaim(c.id, c.file));
    ul.appendChild(el('li', null, b));
  });
  box.appendChild(ul);
  if (list.length > limit)
    box.appendChild(el('button', { type: 'button', className: 'action more', onclick: () => {
      limit += 300;
      renderClaimsView();
    } }, 'Show ' + Math.min(300, list.length - limit) + ' more of ' + list.length));
}

/** The open claim in the claims view, from the run's list. */
export function currentClaim() {
  if (!state.claim || !state.allClaims) return null;
  return state.allClaims.find((c) => c.id === state.claim && (!state.filters.file || c.file === state.filters.file)) || state.allClaims.find((c) => c.id === state.claim) || null;
}

export function renderClaimDetail() {
  const box = $('detail');
  clear(box);
  const c = currentClaim();
  if (!c) {
    const n = claimList().length;
    box.appendChild(el('p', { className: 'empty', text: n ? 'Press j (or Tab to a claim and press Enter) to open the first of ' + plural(n, 'claim') + '.' : 'No claim matches the filters.' }));
    return;
  }
  box.appendChild(el('div', { className: 'detail-head' }, el('strong', { text: c.kind + ' claim' }), ' ', claimBadge(claimStatus(c)), el('span', { className: 'muted position', text: (c.file || '') + ':' + c.line })));
  if (!state.readOnly) box.appendChild(state.claimNoteOpen ? claimNoteEditor(c) : claimActions(c));
  box.appendChild(claimBlock(c, 'Claim'));
  box.appendChild(el('div', null, el('button', { type: 'button', className: 'link-button', onclick: () => {
    state.view = 'items';
    state.filters.file = c.file || '';
    state.current = null;
    state.claim = c.id;
    hooks.renderAll();
  } }, 'Show it in the article')));
}

/** @param {number} delta */
export function stepClaim(delta) {
  const list = claimList();
  if (!list.length) {
    toast('No claim matches the filters.');
    return;
  }
  const i = list.findIndex((c) => c.id === state.claim);
  const j = i < 0 ? (delta > 0 ? 0 : list.length - 1) : i + delta;
  if (j < 0 || j >= list.length) {
    toast(delta > 0 ? 'That was the last claim.' : 'This is the first claim.');
    return;
  }
  if (j >= limit) limit = j + 1;
  hooks.selectClaim(list[j].id, list[j].file);
  const row = document.querySelector('.claim-row.current');
  if (row) row.scrollIntoView({ block: 'nearest' });
}

/** @param {string} key */
export function claimKey(key) {
  const status = CLAIM_KEYS[key];
  if (!status) return false;
  const c = currentClaim();
  if (!c) toast('Select a claim first (j).');
  else setClaimStatus(c, status);
  return true;
}
