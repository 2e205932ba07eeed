// @ts-check
// Rendering of the items view: totals, filters, the article list, the items of an article, the article
// text and the detail of the open item (with its claim, its evidence and the actions on it).
import { $, el, append, clear, plural, baseName, show, safeLink, button, dl } from './dom.js';
import { state, hooks, SEVERITIES, STATUSES, FILTERS, CLAIM_STATUSES, CLAIM_KEYS, matches, filtered, currentItem, viewPath, counts, claimsOf, findClaim, claimStatus, reviewOf, sourceRecordOf } from './state.js';
import { loadText } from './api.js';
import { highlight, markCurrent } from './text.js';
import { decide, openNote, closeNote, saveNote, undo, applySuggestion, ignoreRule, wordControls, setClaimStatus, bulk, bulkTargets } from './actions.js';

/** @typedef {import('../../../core/schema-types.js').Item} Item */
/** @typedef {import('../../../core/schema-types.js').PageClaim} PageClaim */
/** @typedef {import('../../../core/schema-types.js').Evidence} Evidence */
/** @typedef {import('../../../core/schema-types.js').ReviewFile} ReviewFile */
/** @typedef {import('../../../core/schema-types.js').ClaimStatus} ClaimStatus */

export function renderTotals() {
  const c = counts(state.data.items);
  const t = $('totals');
  clear(t);
  STATUSES.forEach((s) => {
    t.appendChild(el('span', { className: 'count count-' + s, title: plural(c[s], s + ' item') }, el('b', { text: c[s] }), ' ' + s));
  });
  const info = $('run-info');
  clear(info);
  const when = state.data.generated ? new Date(state.data.generated) : null;
  append(info, plural(state.data.files.length, 'article') + (when && !isNaN(when.getTime()) ? ' · run ' + when.toLocaleString() : ''));
  if (state.readOnly) info.appendChild(el('span', { className: 'badge badge-readonly', text: 'read-only report' }));
  else if (state.data.decisionsFile) info.appendChild(el('span', { className: 'badge', title: 'Decisions are saved here' + (state.data.author ? ', as ' + state.data.author : ''), text: 'decisions: ' + state.data.decisionsFile }));
  document.querySelectorAll('[data-view]').forEach((b) => b.setAttribute('aria-pressed', String(/** @type {HTMLElement} */ (b).dataset.view === state.view)));
}

/**
 * @param {string} value
 * @param {string} label
 * @param {boolean} selected
 */
export function option(value, label, selected) {
  const o = /** @type {HTMLOptionElement} */ (el('option', { value, text: label }));
  if (selected) o.selected = true;
  return o;
}

export function renderFilters() {
  const items = state.data.items;
  /** @type {Record<string, string[]>} */
  const values = {
    severity: SEVERITIES,
    status: STATUSES,
    category: Array.from(new Set(items.map((i) => i.category))).sort(),
    rule: Array.from(new Set(items.map((i) => i.rule))).sort(),
  };
  FILTERS.forEach((k) => {
    const sel = $('f-' + k);
    clear(sel);
    sel.appendChild(option('', 'all', !state.filters[k]));
    const list = values[k].slice();
    if (state.filters[k] && list.indexOf(state.filters[k]) < 0) list.push(state.filters[k]);
    list.forEach((v) => {
      const n = items.filter((i) => /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (i))[k] === v).length;
      sel.appendChild(option(v, v + ' (' + n + ')', state.filters[k] === v));
    });
  });
  /** @type {HTMLSelectElement} */ ($('f-sort')).value = state.sort;
}

/** @param {{ open: number, accepted: number, dismissed: number }} c */
function countChips(c) {
  return el('span', { className: 'chips' },
    el('span', { className: 'chip chip-open', title: plural(c.open, 'open item') }, String(c.open)),
    el('span', { className: 'chip chip-accepted', title: plural(c.accepted, 'accepted item') }, String(c.accepted)),
    el('span', { className: 'chip chip-dismissed', title: plural(c.dismissed, 'dismissed item') }, String(c.dismissed)));
}

/** The article list's order: most open errors (then warnings, then all open), name or path. */
/** @param {Map<string, Item[]>} byFile */
function sortedFiles(byFile) {
  const files = state.data.files.slice();
  const title = (/** @type {ReviewFile} */ f) => (f.title || baseName(f.path)).toLowerCase();
  if (state.sort === 'name') return files.sort((a, b) => title(a).localeCompare(title(b)) || a.path.localeCompare(b.path));
  if (state.sort === 'path') return files.sort((a, b) => a.path.localeCompare(b.path));
  /** @param {ReviewFile} f */
  const score = (f) => {
    const open = (byFile.get(f.path) || []).filter((it) => it.status === 'open');
    return [open.filter((it) => it.severity === 'error').length, open.filter((it) => it.severity === 'warning').length, open.length];
  };
  const scores = new Map(files.map((f) => [f.path, score(f)]));
  return files.sort((a, b) => {
    const x = /** @type {number[]} */ (scores.get(a.path)), y = /** @type {number[]} */ (scores.get(b.path));
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || a.path.localeCompare(b.path);
  });
}

export function renderArticles() {
  const nav = $('articles');
  clear(nav);
  /** @type {Map<string, Item[]>} */
  const byFile = new Map();
  state.data.items.forEach((it) => {
    const f = it.file || '';
    let list = byFile.get(f);
    if (!list) byFile.set(f, (list = []));
    list.push(it);
  });
  const all = el('button', { type: 'button', className: 'article' + (state.filters.file ? '' : ' active'), dataset: { file: '' }, 'aria-pressed': String(!state.filters.file) },
    el('span', { className: 'article-title', text: 'All articles' }), countChips(counts(state.data.items)));
  nav.appendChild(all);
  const find = state.find.toLowerCase();
  let shown = 0;
  sortedFiles(byFile).forEach((f) => {
    const title = f.title || baseName(f.path);
    if (find && (title + ' ' + f.path).toLowerCase().indexOf(find) < 0) return;
    shown++;
    const its = byFile.get(f.path) || [];
    const matching = its.filter((it) => matches(it, true)).length;
    const c = counts(its);
    const errors = its.filter((it) => it.status === 'open' && it.severity === 'error').length;
    const row = el('button', {
      type: 'button',
      className: 'article' + (state.filters.file === f.path ? ' active' : '') + (matching ? '' : ' quiet'),
      dataset: { file: f.path },
      title: title + '\n' + f.path + '\n' + plural(errors, 'open error') + ', ' + plural(c.open, 'open item'),
      'aria-pressed': String(state.filters.file === f.path),
    },
      el('span', { className: 'article-title', text: title }),
      el('span', { className: 'article-path', text: f.path }),
      countChips(c),
      f.error ? el('span', { className: 'chip chip-error', text: 'unreadable' }) : null);
    nav.appendChild(row);
  });
  if (!shown) nav.appendChild(el('p', { className: 'empty', text: 'No article matches “' + state.find + '”.' }));
  markViewing();
  renderBulk();
}

export function markViewing() {
  const p = viewPath();
  Array.prototype.forEach.call($('articles').children, (/** @type {HTMLElement} */ b) => {
    if (b.dataset && b.dataset.file !== undefined) b.classList.toggle('viewing', b.dataset.file === p && !state.filters.file);
  });
}

/** "Dismiss all N" / "Accept all N" for the items that match the filters. */
function renderBulk() {
  const box = $('bulk');
  clear(box);
  if (state.readOnly || state.view !== 'items') return;
  const n = filtered().length;
  if (!n) return;
  const d = bulkTargets('dismissed').length;
  const a = bulkTargets('accepted').length;
  box.appendChild(el('p', { className: 'bulk-title', text: plural(n, 'item') + ' match the filters' }));
  box.appendChild(el('div', { className: 'actions' },
    button('Dismiss all ' + d, '', () => bulk('dismissed'), 'bulk-dismiss', { disabled: d ? null : true }),
    button('Accept all ' + a, '', () => bulk('accepted'), 'bulk-accept', { disabled: a ? null : true })));
}

/** @param {string} sev */
export function sevBadge(sev) {
  return el('span', { className: 'sev sev-' + sev, text: sev });
}
/** @param {string} status */
export function statusBadge(status) {
  return el('span', { className: 'status status-' + status, text: status });
}
/** @param {ClaimStatus} status */
export function claimBadge(status) {
  return el('span', { className: 'cstatus cstatus-' + status, text: status.replace('-', ' ') });
}

export function renderItemList() {
  const box = $('item-list');
  clear(box);
  const path = viewPath();
  const file = state.filesByPath.get(path);
  const all = state.ordered.filter((it) => it.file === path);
  const its = all.filter((it) => matches(it, true));
  box.appendChild(el('h2', { className: 'pane-title' }, 'Items', el('span', { className: 'muted', text: ' ' + its.length + (its.length !== all.length ? ' of ' + all.length : '') + ' in this article' })));
  if (!file) return;
  if (!its.length) {
    box.appendChild(el('p', { className: 'empty', text: all.length ? 'No item of this article matches the filters.' : 'Nothing flagged in this article.' }));
    return;
  }
  const ul = el('ul', { className: 'items' });
  its.forEach((it) => {
    const b = el('button', { type: 'button', className: 'item-row st-' + it.status + (it.id === state.current ? ' current' : ''), dataset: { id: it.id }, 'aria-current': it.id === state.current ? 'true' : null },
      sevBadge(it.severity),
      el('span', { className: 'item-rule', text: it.rule }),
      el('span', { className: 'item-excerpt', text: it.excerpt ? '“' + it.excerpt.slice(0, 60) + (it.excerpt.length > 60 ? '…' : '') + '”' : 'line ' + it.line }),
      it.status !== 'open' ? statusBadge(it.status) : null);
    b.addEventListener('click', () => hooks.select(it.id, true));
    ul.appendChild(el('li', null, b));
  });
  box.appendChild(ul);
}

/** @param {ReviewFile | undefined} file */
function renderArticleHead(file) {
  const head = $('article-head');
  clear(head);
  if (!file) {
    head.appendChild(el('p', { className: 'empty', text: 'This run checked no article.' }));
    return;
  }
  head.appendChild(el('h2', { className: 'article-heading', text: file.title || baseName(file.path) }));
  const meta = [file.path, plural(file.words, 'word'), plural(typeof file.claimCount === 'number' ? file.claimCount : claimsOf(file.path).length, 'claim')];
  if (file.date) meta.splice(1, 0, file.date);
  head.appendChild(el('p', { className: 'muted', text: meta.join(' · ') }));
  const legend = $('legend');
  clear(legend);
  ['error', 'warning', 'info'].forEach((s) => legend.appendChild(el('span', { className: 'legend-item' }, el('span', { className: 'hl sev-' + s, text: s }))));
  legend.appendChild(el('span', { className: 'legend-item' }, el('span', { className: 'claim', text: 'claim' })));
  legend.appendChild(el('span', { className: 'legend-item muted', text: 'Tab to a highlight and press Enter (or click it) for its detail.' }));
}

/** @type {{ path: string | null, key: string | null }} */
let renderedText = { path: null, key: null };
export function resetText() {
  renderedText = { path: null, key: null };
}

/** The claim whose attribution is marked in the text: the open claim, or the open item's claim. */
function openClaim() {
  const it = currentItem();
  const path = viewPath();
  return findClaim(path, state.claim || (it && it.claimId) || null);
}

export function renderText() {
  const path = viewPath();
  const file = state.filesByPath.get(path);
  renderArticleHead(file);
  const box = $('text');
  if (!file) {
    clear(box);
    resetText();
    return;
  }
  const items = state.ordered.filter((it) => it.file === path && matches(it, true));
  const oc = openClaim();
  const key = items.map((it) => it.id + it.status).join(',') + '|' + (oc ? oc.id : '');
  const text = state.texts.get(path);
  if (text === undefined || (text && typeof text === 'object')) {
    clear(box);
    box.appendChild(el('p', { className: 'empty', text: 'Loading the article…' }));
    loadText(file).then(() => {
      if (viewPath() === path) hooks.renderAll();
    });
    resetText();
    return;
  }
  if (renderedText.path === path && renderedText.key === key && box.firstChild) {
    markCurrent();
    return;
  }
  clear(box);
  renderedText = { path, key };
  if (file.error) box.appendChild(el('div', { className: 'file-error' }, el('strong', { text: 'This file could not be checked. ' }), file.error.message));
  if (typeof text !== 'string') {
    if (!file.error) box.appendChild(el('p', { className: 'empty', text: 'The text of this article is not in the output folder; run copydesk run again to see it.' }));
    return;
  }
  box.appendChild(highlight(text, items, claimsOf(path), oc));
  markCurrent();
}

/** @param {any} q */
function quantityText(q) {
  if (!q || typeof q !== 'object') return '';
  const v = q.value !== undefined ? String(q.value) : q.low !== undefined ? q.low + '–' + q.high : '';
  const parts = [v, q.currency ? q.currency : '', typeof q.unit === 'string' ? q.unit : ''];
  const flags = [];
  if (q.approximate) flags.push('approximate');
  if (q.bound && q.bound !== 'exact') flags.push(q.bound + ' bound');
  if (q.qualifier) flags.push('“' + q.qualifier + '”');
  if (q.change) flags.push(q.change);
  // Whatever else the figure carries (kind, precision...), shown as it is.
  const known = ['value', 'low', 'high', 'currency', 'unit', 'approximate', 'bound', 'qualifier', 'change'];
  Object.keys(q).forEach((k) => {
    const x = q[k];
    if (known.indexOf(k) < 0 && x !== null && x !== undefined && typeof x !== 'object') flags.push(k + ' ' + String(x));
  });
  return parts.filter(Boolean).join(' ') + (flags.length ? ' (' + flags.join(', ') + ')' : '');
}
/** @param {any} d */
function dateText(d) {
  if (!d) return '';
  return (d.iso || [d.year, d.month, d.day].filter((x) => x !== undefined).join('-')) + (d.relative ? ' (relative)' : '');
}
/** @param {any} p */
function where(p) {
  return p && typeof p.line === 'number' ? 'line ' + p.line + (typeof p.column === 'number' ? ', column ' + p.column : '') : '';
}
/** @param {any} a an attribution @returns {string} "Ana Ruiz — person, mayor" */
function sourceText(a) {
  return [a.source, a.sourceType ? ' — ' + a.sourceType : '', a.role ? ', ' + a.role : ''].join('');
}
/**
 * The attribution of a claim: the record the attribution stage writes (mode, cue, source, where the
 * name was resolved from). A figure carries none: its source is a link to the claim its
 * attributionId names (opening that claim marks what was said, the cue and the source in the text).
 * @param {PageClaim} claim
 */
function attributionRows(claim) {
  /** @type {any} */
  const a = claim.attribution;
  /** @type {Array<[string, import('./dom.js').Child]>} */
  const rows = [];
  if (!a) {
    if (!claim.attributionId) return rows;
    const path = claim.file || viewPath();
    const rec = sourceRecordOf(claim, path);
    /** @type {any} */
    const ra = rec && rec.attribution;
    const how = claim.attributionInherited ? ' (carried over from an earlier sentence)' : rec && rec.kind === 'quote' ? ' (the speaker of the quotation)' : '';
    const id = claim.attributionId;
    const link = el('button', { type: 'button', className: 'link-button source-link', dataset: { attribution: id }, title: 'Open the attribution ' + id, onclick: () => hooks.selectClaim(id, path) }, ra ? sourceText(ra) : 'the attribution ' + id);
    rows.push(['source', el('span', null, link, how)]);
    return rows;
  }
  const flags = [];
  if (a.mode) flags.push(a.mode === 'direct' ? 'direct quote' : a.mode === 'indirect' ? 'reported speech' : a.mode);
  else if (a.direct) flags.push('direct quote');
  if (a.inherited) flags.push('carried over from an earlier sentence');
  rows.push(['source', sourceText(a) + (flags.length ? ' (' + flags.join(', ') + ')' : '')]);
  if (a.cue) rows.push(['cue', el('span', { className: 'att att-cue', text: a.cue })]);
  if (a.sourceSpan) rows.push(['named at', where(a.sourceSpan)]);
  if (a.resolvedFrom) rows.push(['name from', where(a.resolvedFrom) + ' (the speaker is named there in full)']);
  if (a.nestedIn) rows.push(['inside', 'the claim ' + a.nestedIn]);
  return rows;
}

/**
 * Evidence in an editor's words: the policy's name, its message and a link to its documentation;
 * what was computed; the fact and its source.
 * @param {Evidence[]} list
 * @param {string} [rule]
 */
export function evidenceList(list, rule) {
  const ul = el('ul', { className: 'evidence' });
  list.forEach((e) => {
    const head = e.kind === 'policy' ? 'policy' : e.kind === 'computed' ? 'computed' : e.kind === 'fact' ? 'reference fact' : e.kind === 'compared' ? 'compared' : 'note';
    /** @type {Array<[string, import('./dom.js').Child]>} */
    const rows = [];
    if (e.kind === 'policy') {
      rows.push(['policy', e.source || rule || '']);
      if (e.url) rows.push(['docs', safeLink(e.url, 'about this policy')]);
      else if (rule && state.data.rules && state.data.rules[rule]) rows.push(['docs', el('button', { type: 'button', className: 'link-button rule-docs', onclick: () => showRuleDocs(rule) }, 'about this policy')]);
    } else {
      rows.push(['expected', e.expected !== undefined ? show(e.expected) : '']);
      rows.push(['actual', e.actual !== undefined ? show(e.actual) : '']);
      rows.push([e.kind === 'fact' ? 'source' : 'from', e.source || '']);
      rows.push(['line', e.line === undefined ? '' : String(e.line)]);
      rows.push(['excerpt', e.excerpt || '']);
      rows.push(['link', e.url ? safeLink(e.url) : '']);
    }
    ul.appendChild(el('li', { className: 'ev ev-' + e.kind }, el('span', { className: 'ev-kind', text: head }), ' ', el('span', { className: 'ev-message', text: e.message }), dl(rows)));
  });
  return ul;
}

/** The documentation of a rule (or policy), in the page's dialog. */
/** @param {string} rule */
export function showRuleDocs(rule) {
  const doc = state.data.rules && state.data.rules[rule];
  const box = $('docs');
  $('docs-title').textContent = rule;
  const body = $('docs-body');
  clear(body);
  if (doc) {
    body.appendChild(el('p', { className: 'docs-description', text: doc.description }));
    if (doc.docs) doc.docs.split(/\n{2,}/).forEach((p) => body.appendChild(el('p', { text: p })));
    if (doc.url) body.appendChild(el('p', null, safeLink(doc.url)));
  } else body.appendChild(el('p', { text: 'No documentation for this rule in the run.' }));
  box.hidden = false;
  $('docs-close').focus();
}

/**
 * @param {PageClaim} claim
 * @param {string} heading
 * @param {boolean} [withEvidence] false when the item above shows the same evidence
 */
export function claimBlock(claim, heading, withEvidence) {
  const box = el('section', { className: 'claim-detail', 'aria-label': heading });
  box.appendChild(el('h3', { text: heading }));
  box.appendChild(el('blockquote', { className: 'claim-text', text: claim.text }));
  const review = reviewOf(claim);
  box.appendChild(dl([
    ['kind', claim.kind],
    ['quantity', quantityText(claim.quantity)],
    ['subject', claim.subject || ''],
    ['date', dateText(claim.date)],
    ...attributionRows(claim),
    ['verdict', claim.verdict ? el('span', { className: 'verdict verdict-' + claim.verdict, text: claim.verdict }) : ''],
    ['review', el('span', null, claimBadge(claimStatus(claim)), review && review.assignee ? ' · assigned to ' + review.assignee : '', review && review.author ? ' · by ' + review.author : '', review && review.at ? ' · ' + new Date(review.at).toLocaleString() : '')],
    ['review note', review && review.note ? review.note : ''],
    ['line', claim.line + ':' + claim.column],
  ]));
  if (claim.evidence && claim.evidence.length && withEvidence !== false) {
    box.appendChild(el('h4', { text: 'Verification evidence' }));
    box.appendChild(evidenceList(claim.evidence));
  }
  return box;
}

/** Buttons that set a claim's status (with their keys in the claims view). */
/** @param {PageClaim} claim */
export function claimActions(claim) {
  const now = claimStatus(claim);
  const keyOf = (/** @type {ClaimStatus} */ s) => Object.keys(CLAIM_KEYS).find((k) => CLAIM_KEYS[k] === s) || '';
  return el('div', { className: 'actions claim-actions', role: 'group', 'aria-label': 'Claim review' },
    CLAIM_STATUSES.map((s) => button(s.replace('-', ' '), state.view === 'claims' ? keyOf(s) : '', () => setClaimStatus(claim, s), 'claim-set cset-' + s + (now === s ? ' on' : ''), { 'aria-pressed': String(now === s), dataset: { status: s } })),
    button(reviewOf(claim) && (reviewOf(claim) || {}).note ? 'Edit note' : 'Note / assign', state.view === 'claims' ? 'n' : '', () => {
      state.claim = claim.id;
      state.claimNoteOpen = true;
      hooks.renderSelection();
    }, 'claim-note'));
}

/** @param {PageClaim} claim */
export function claimNoteEditor(claim) {
  const review = reviewOf(claim);
  const ta = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: 'claim-note-input', maxlength: '2000', rows: '3', 'aria-label': 'Note on the claim' }));
  ta.value = (review && review.note) || '';
  const who = /** @type {HTMLInputElement} */ (el('input', { id: 'claim-assignee', type: 'text', maxlength: '200', autocomplete: 'off' }));
  who.value = (review && review.assignee) || '';
  const save = () => setClaimStatus(claim, claimStatus(claim), { note: ta.value.trim(), assignee: who.value.trim() });
  const keys = (/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      closeNote();
    }
    e.stopPropagation();
  };
  ta.addEventListener('keydown', keys);
  who.addEventListener('keydown', keys);
  setTimeout(() => ta.focus(), 0);
  return el('div', { className: 'note-editor' },
    el('label', { className: 'field' }, 'Note', ta),
    el('label', { className: 'field' }, 'Assigned to', who),
    el('div', { className: 'actions' }, button('Save', 'Enter', save, 'primary'), button('Cancel', 'Esc', closeNote)));
}

export function renderDetail() {
  const box = $('detail');
  clear(box);
  const it = currentItem();
  const file = it ? state.filesByPath.get(it.file || '') : state.filesByPath.get(viewPath());
  if (!it && state.claim && file) {
    const c = findClaim(file.path, state.claim);
    if (c) {
      box.appendChild(claimBlock(c, 'Claim'));
      if (!state.readOnly) box.appendChild(state.claimNoteOpen ? claimNoteEditor(c) : claimActions(c));
      const related = state.ordered.filter((x) => x.file === file.path && x.claimId === c.id);
      if (related.length) {
        box.appendChild(el('h3', { text: 'Items on this claim' }));
        const ul = el('ul', { className: 'related' });
        related.forEach((x) => ul.appendChild(el('li', null, el('button', { type: 'button', className: 'link-button', onclick: () => hooks.select(x.id, true) }, sevBadge(x.severity), ' ' + x.rule))));
        box.appendChild(ul);
      }
      return;
    }
  }
  if (!it) {
    const n = filtered().length;
    box.appendChild(el('p', { className: 'empty', text: n ? 'Press j (or Tab to an item and press Enter) to open the first of ' + plural(n, 'item') + '.' : 'No item matches the filters.' }));
    return;
  }
  const list = filtered();
  const pos = list.indexOf(it);
  box.appendChild(el('div', { className: 'detail-head' },
    sevBadge(it.severity), ' ', el('code', { className: 'rule', text: it.rule }), ' ', statusBadge(it.status),
    el('span', { className: 'muted position', text: pos >= 0 ? pos + 1 + ' / ' + list.length : 'hidden by the filters' })));
  box.appendChild(el('p', { className: 'message', text: it.message }));

  // The actions come first, so they are in view without scrolling whatever the evidence below.
  if (state.readOnly) {
    box.appendChild(el('p', { className: 'readonly-hint', text: 'Read-only report. To accept or dismiss items, open the run in the review server: copydesk review <output folder>' }));
  } else if (state.noteOpen) {
    const ta = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: 'note-input', maxlength: '2000', rows: '3', placeholder: 'Why? (saved with the decision)', 'aria-label': 'Note' }));
    ta.value = it.note || '';
    const primary = it.status === 'open' ? 'dismissed' : it.status;
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        saveNote(primary);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        closeNote();
      }
      e.stopPropagation();
    });
    box.appendChild(el('div', { className: 'note-editor' }, ta,
      el('div', { className: 'actions' },
        it.status !== 'open' ? button('Save note', 'Enter', () => saveNote(it.status), 'primary') : null,
        button('Dismiss with note', it.status === 'open' ? 'Enter' : '', () => saveNote('dismissed'), it.status === 'open' ? 'primary' : ''),
        button('Accept with note', '', () => saveNote('accepted')),
        button('Cancel', 'Esc', closeNote))));
    setTimeout(() => ta.focus(), 0);
  } else {
    const canUndo = !!(state.data.undo && state.data.undo.length);
    box.appendChild(el('div', { className: 'actions item-actions' },
      button('Accept', 'a', () => decide('accepted'), 'accept' + (it.status === 'accepted' ? ' on' : ''), { 'aria-pressed': String(it.status === 'accepted') }),
      button('Dismiss', 'd', () => decide('dismissed'), 'dismiss' + (it.status === 'dismissed' ? ' on' : ''), { 'aria-pressed': String(it.status === 'dismissed') }),
      button(it.note ? 'Edit note' : 'Note', 'n', openNote),
      button('Undo', 'u', undo, 'undo', canUndo && state.data.undo ? { title: 'Undo: ' + state.data.undo[0].label } : { disabled: true, title: 'Nothing to undo' })));
  }
  if (it.note && !state.noteOpen) box.appendChild(el('div', { className: 'note' }, el('strong', { text: 'Note: ' }), it.note));

  // The evidence next, in an editor's words (a policy's message and name, what was computed, the fact and its source).
  if (it.evidence && it.evidence.length) {
    box.appendChild(el('h3', { text: 'Evidence' }));
    box.appendChild(evidenceList(it.evidence, it.rule));
  }
  if (it.suggestions && it.suggestions.length) {
    box.appendChild(el('h3', { text: 'Suggestions' }));
    const sug = el('ul', { className: 'suggestions' });
    const canEdit = !state.readOnly && !!state.data.canEdit;
    it.suggestions.forEach((s, i) => {
      sug.appendChild(el('li', null, el('span', { className: 'suggestion', text: s }),
        canEdit ? button('Apply', '', () => applySuggestion(it, i), 'apply', { 'aria-label': 'Apply the suggestion “' + s + '” to the article' }) : null));
    });
    box.appendChild(sug);
  }
  if (!state.readOnly && state.data.canEdit) {
    const more = el('div', { className: 'actions edit-actions' });
    if (it.rule === 'spelling/unknown-word' && it.excerpt.trim() && !/\s/.test(it.excerpt.trim())) more.appendChild(wordControls(it));
    if (it.category !== 'input') more.appendChild(button('Turn ' + it.rule + ' off for this article', '', () => ignoreRule(it), 'ignore-rule'));
    box.appendChild(more);
  }
  box.appendChild(dl([
    ['where', it.file + ':' + it.line + ':' + it.column],
    ['category', it.category],
    ['excerpt', it.excerpt ? el('q', { className: 'excerpt', text: it.excerpt }) : ''],
    ['expected', it.expected || ''],
    ['actual', it.actual || ''],
    ['rule', state.data.rules && state.data.rules[it.rule] ? el('button', { type: 'button', className: 'link-button rule-docs', onclick: () => showRuleDocs(it.rule) }, 'about ' + it.rule) : ''],
  ]));
  const claim = findClaim(file && file.path, it.claimId);
  if (claim) {
    const same = !!it.evidence && !!claim.evidence && JSON.stringify(it.evidence) === JSON.stringify(claim.evidence);
    const block = claimBlock(claim, 'The claim', !same);
    box.appendChild(block);
    if (!state.readOnly) block.appendChild(el('div', null, el('button', { type: 'button', className: 'link-button', onclick: () => hooks.selectClaim(claim.id, file && file.path) }, 'Review this claim')));
  } else if (it.claimId) box.appendChild(dl([['claim', it.claimId + ' (not in this run’s claims)']]));
}
