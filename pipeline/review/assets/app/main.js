// @ts-check
// copydesk review page: native ES modules, no build step, no dependencies (report.html inlines the
// same modules joined into one script). Two modes: served by `copydesk review` (data from /api,
// decisions saved with a per-server token, changes from other tabs and editors pushed by server-sent
// events) and the static report.html (data embedded in <script type="application/json">, read-only).
import { $, toast } from './dom.js';
import { state, hooks, FILTERS, CLAIM_FILTERS, setData, currentItem, readHash, writeHash, loadSettings, saveSettings, filtered } from './state.js';
import { fetchState, listen } from './api.js';
import { renderTotals, renderFilters, renderArticles, renderItemList, renderText, renderDetail, markViewing, resetText } from './render.js';
import { renderClaimsView, renderClaimDetail, renderClaimFilters, stepClaim, claimKey } from './claims.js';
import { select, step, decide, openNote, undo } from './actions.js';

/** @typedef {import('../../../core/schema-types.js').ReviewData} ReviewData */

function renderView() {
  const claims = state.view === 'claims';
  document.body.classList.toggle('view-claims', claims);
  $('item-filters').hidden = claims;
  $('claim-filters').hidden = !claims;
  $('item-list').hidden = claims;
  $('article-view').hidden = claims;
  $('claims-view').hidden = !claims;
}

function renderAll() {
  renderView();
  renderTotals();
  renderArticles();
  if (state.view === 'claims') {
    renderClaimsView();
    renderClaimDetail();
  } else {
    renderItemList();
    renderText();
    renderDetail();
  }
  writeHash();
  state.scrollWanted = false;
}

function renderSelection() {
  if (state.view === 'claims') {
    renderClaimsView();
    renderClaimDetail();
    writeHash();
    return;
  }
  markViewing();
  renderItemList();
  renderText();
  renderDetail();
  writeHash();
  const row = document.querySelector('.item-row.current');
  if (row && state.scrollWanted) row.scrollIntoView({ block: 'nearest' });
  state.scrollWanted = false;
}

/**
 * @param {string} id
 * @param {string} [file]
 */
function selectClaim(id, file) {
  state.current = null;
  state.claim = id;
  state.noteOpen = false;
  state.claimNoteOpen = false;
  if (state.view === 'items' && file && file !== state.filters.file && file !== (currentItem() || {}).file) state.filters.file = file;
  renderAll();
}

/** Loads the state again (after a write, or when another tab or editor changed the decisions). */
let refreshing = /** @type {Promise<void> | null} */ (null);
let again = false;
/** @returns {Promise<void>} */
function refresh() {
  if (state.readOnly) return Promise.resolve();
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = fetchState().then(/** @returns {Promise<void> | undefined} */ (d) => {
    if (d) {
      if (d.generated !== state.data.generated) {
        // The run's files changed (an edit re-checked an article): texts and claims are stale.
        state.texts.clear();
        state.claims.clear();
        state.allClaims = null;
        resetText();
      }
      setData(d);
      renderFilters();
      if (state.view === 'claims' && state.allClaims) renderClaimFilters();
      renderAll();
    }
    refreshing = null;
    if (again) {
      again = false;
      return refresh();
    }
  });
  return refreshing;
}

hooks.renderAll = renderAll;
hooks.renderSelection = renderSelection;
hooks.select = select;
hooks.selectClaim = selectClaim;
hooks.refresh = refresh;

/** @param {'items' | 'claims'} view */
function setView(view) {
  if (state.view === view) return;
  state.view = view;
  state.noteOpen = false;
  state.claimNoteOpen = false;
  if (view === 'claims') state.current = null;
  renderAll();
}

// ---------- dialogs ----------
/**
 * @param {string} id
 * @param {boolean} [force]
 */
function toggleDialog(id, force) {
  const h = $(id);
  const open = force === undefined ? h.hidden : force;
  h.hidden = !open;
  if (open) {
    const first = /** @type {HTMLElement | null} */ (h.querySelector('button, input, select'));
    if (first) first.focus();
  }
}
function openDialog() {
  for (const id of ['help', 'settings', 'docs', 'confirm']) if (!$(id).hidden) return id;
  return null;
}

// ---------- keys ----------
/** @param {KeyboardEvent} e */
function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = /** @type {HTMLElement | null} */ (e.target);
  const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  const dialog = openDialog();
  if (e.key === 'Escape') {
    if (dialog && dialog !== 'confirm') toggleDialog(dialog, false);
    else if (typing && t) t.blur();
    return;
  }
  // Enter (and Space) on a highlight or a claim in the text opens it, like a click.
  if ((e.key === 'Enter' || e.key === ' ') && t && !typing && t.matches('mark[data-items], .claim[tabindex]')) {
    e.preventDefault();
    t.click();
    return;
  }
  if (typing || dialog) return;
  if (!state.settings.shortcuts) return; // single-key shortcuts are off (settings): WCAG 2.1.4
  let handled = true;
  if (state.view === 'claims') {
    switch (e.key) {
      case 'j': stepClaim(1); break;
      case 'k': stepClaim(-1); break;
      case 'n': openNote(); break;
      case 'u': undo(); break;
      case 'i': setView('items'); break;
      case '?': toggleDialog('help'); break;
      default: handled = claimKey(e.key);
    }
  } else {
    switch (e.key) {
      case 'j': step(1); break;
      case 'k': step(-1); break;
      case 'a': decide('accepted'); break;
      case 'd': decide('dismissed'); break;
      case 'n': openNote(); break;
      case 'u': undo(); break;
      case 'c': setView('claims'); break;
      case 'o':
        state.filters.status = state.filters.status === 'open' ? '' : 'open';
        renderFilters();
        renderAll();
        toast(state.filters.status ? 'Showing open items only.' : 'Showing all items.');
        break;
      case '?': toggleDialog('help'); break;
      default: handled = false;
    }
  }
  if (handled) e.preventDefault();
}

function wire() {
  document.addEventListener('keydown', onKey);
  FILTERS.forEach((k) => {
    $('f-' + k).addEventListener('change', (e) => {
      state.filters[k] = /** @type {HTMLSelectElement} */ (e.target).value;
      renderAll();
    });
  });
  CLAIM_FILTERS.forEach((k) => {
    $('cf-' + k).addEventListener('change', (e) => {
      state.claimFilters[k] = /** @type {HTMLSelectElement} */ (e.target).value;
      renderAll();
    });
  });
  $('f-sort').addEventListener('change', (e) => {
    const v = /** @type {HTMLSelectElement} */ (e.target).value;
    state.sort = v === 'name' || v === 'path' ? v : 'problems';
    renderAll();
  });
  $('f-find').addEventListener('input', (e) => {
    state.find = /** @type {HTMLInputElement} */ (e.target).value;
    renderArticles();
  });
  $('f-clear').addEventListener('click', () => {
    FILTERS.forEach((k) => (state.filters[k] = ''));
    CLAIM_FILTERS.forEach((k) => (state.claimFilters[k] = ''));
    state.filters.file = '';
    state.find = '';
    /** @type {HTMLInputElement} */ ($('f-find')).value = '';
    renderFilters();
    if (state.allClaims) renderClaimFilters();
    renderAll();
  });
  $('articles').addEventListener('click', (e) => {
    const b = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('button.article'));
    if (!b) return;
    state.filters.file = b.dataset.file || '';
    const it = currentItem();
    if (state.view === 'items' && state.filters.file && (!it || it.file !== state.filters.file)) {
      const first = filtered()[0];
      state.current = first ? first.id : null;
    }
    state.claim = null;
    state.noteOpen = false;
    const pane = $('text').parentElement;
    if (pane) pane.scrollTop = 0;
    state.scrollWanted = true;
    renderAll();
  });
  $('text').addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const m = /** @type {HTMLElement | null} */ (target.closest('mark[data-items]'));
    if (m) {
      const ids = (m.dataset.items || '').split(' ');
      const i = ids.indexOf(state.current || '');
      select(ids[(i + 1) % ids.length], false); // a second click cycles through overlapping items
      return;
    }
    const c = /** @type {HTMLElement | null} */ (target.closest('.claim'));
    if (c && c.dataset.claim) selectClaim(c.dataset.claim);
  });
  document.querySelectorAll('[data-view]').forEach((b) =>
    b.addEventListener('click', () => setView(/** @type {HTMLElement} */ (b).dataset.view === 'claims' ? 'claims' : 'items')));
  $('help-button').addEventListener('click', () => toggleDialog('help'));
  $('help-close').addEventListener('click', () => toggleDialog('help', false));
  $('settings-button').addEventListener('click', () => toggleDialog('settings'));
  $('settings-close').addEventListener('click', () => toggleDialog('settings', false));
  $('docs-close').addEventListener('click', () => toggleDialog('docs', false));
  const shortcuts = /** @type {HTMLInputElement} */ ($('set-shortcuts'));
  shortcuts.checked = state.settings.shortcuts;
  shortcuts.addEventListener('change', () => {
    state.settings.shortcuts = shortcuts.checked;
    saveSettings();
    toast(shortcuts.checked ? 'Single-key shortcuts are on.' : 'Single-key shortcuts are off: use Tab and Enter.');
  });
  for (const id of ['help', 'settings', 'docs'])
    $(id).addEventListener('click', (e) => {
      if (e.target === $(id)) toggleDialog(id, false);
    });
  if (!state.readOnly) {
    // Another tab or editor decided meanwhile: the server says so at once (server-sent events);
    // a tab coming back into focus checks too.
    listen(() => void refresh());
    window.addEventListener('focus', () => void refresh());
  }
}

/** @param {ReviewData | null} data */
function start(data) {
  if (!data) return;
  loadSettings();
  setData(data);
  readHash();
  if (state.current && !state.itemsById.has(state.current)) state.current = null;
  $('help-mode').textContent = state.readOnly
    ? 'This is the read-only report of a run: j/k and the filters work; decisions need copydesk review.'
    : 'Decisions are saved at once to ' + (data.decisionsFile || 'the decisions file') + ', which copydesk lint honours.';
  document.body.classList.toggle('read-only', state.readOnly);
  wire();
  renderFilters();
  state.scrollWanted = true;
  renderAll();
  document.body.dataset.ready = 'true';
}

const embedded = document.getElementById('copydesk-data');
if (embedded) {
  /** @type {ReviewData | null} */
  let data = null;
  try {
    data = JSON.parse(embedded.textContent || '');
  } catch (e) {
    toast('The embedded review data is damaged.', 'error');
  }
  if (data) data.readOnly = true;
  start(data);
} else {
  const meta = document.querySelector('meta[name="copydesk-token"]');
  state.token = (meta && meta.getAttribute('content')) || '';
  fetchState().then(start);
}
