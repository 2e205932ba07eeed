// @ts-check
// What the editor does: move, decide, write notes, undo (from the decisions file's history), decide in
// bulk, review claims, and edit the article (apply a suggestion, add a word, turn a rule off).
import { $, el, button, plural, toast } from './dom.js';
import { state, hooks, filtered, currentItem, matches, reviewOf } from './state.js';
import { persist, request } from './api.js';

/** @typedef {import('../../../core/schema-types.js').Item} Item */
/** @typedef {import('../../../core/schema-types.js').PageClaim} PageClaim */
/** @typedef {import('../../../core/schema-types.js').ClaimStatus} ClaimStatus */
/** @typedef {import('../../../core/schema-types.js').Status} Status */

const READ_ONLY = 'This report is read-only: open it with copydesk review to make decisions.';

/** Writes in flight: undo waits for them, so it undoes the step just made, not the one before. */
let pending = Promise.resolve();
/**
 * @param {() => Promise<any>} write
 * @returns {Promise<any>}
 */
function queued(write) {
  const next = pending.then(write);
  pending = next.then(() => undefined, () => undefined);
  return next;
}
/** The step a write recorded goes to the top of the undo list at once (the refresh confirms it). */
/** @param {{ step?: string }} r @param {string} label */
function remember(r, label) {
  if (r && r.step) state.data.undo = [{ id: r.step, label, at: new Date().toISOString(), count: 1 }, ...(state.data.undo || []).filter((s) => s.id !== r.step)];
  return r;
}

/**
 * @param {string} id
 * @param {boolean} scroll
 */
export function select(id, scroll) {
  state.current = id;
  state.claim = null;
  state.noteOpen = false;
  state.scrollWanted = !!scroll;
  hooks.renderSelection();
}

/** @param {number} delta */
export function step(delta) {
  const list = filtered();
  if (!list.length) {
    toast('No item matches the filters.');
    return;
  }
  const it = currentItem();
  const i = it ? list.indexOf(it) : -1;
  let next;
  if (i < 0) {
    if (it) {
      const pos = state.ordered.indexOf(it);
      const after = list.filter((x) => state.ordered.indexOf(x) > pos);
      const before = list.filter((x) => state.ordered.indexOf(x) < pos);
      next = delta > 0 ? after[0] || list[list.length - 1] : before[before.length - 1] || list[0];
    } else next = delta > 0 ? list[0] : list[list.length - 1];
  } else {
    const j = i + delta;
    if (j < 0 || j >= list.length) {
      toast(delta > 0 ? 'That was the last item.' : 'This is the first item.');
      return;
    }
    next = list[j];
  }
  select(next.id, true);
}

/**
 * @param {string} id
 * @param {Status} status
 * @param {string | undefined} note
 */
function applyLocal(id, status, note) {
  const it = state.itemsById.get(id);
  if (!it) return;
  it.status = status;
  if (note) it.note = note;
  else delete it.note;
}

/**
 * @param {Item} it
 * @param {Status} status
 * @param {string | undefined} note
 * @param {boolean} advance
 */
function change(it, status, note, advance) {
  if (state.readOnly) {
    toast(READ_ONLY);
    return;
  }
  const before = { status: it.status, note: it.note };
  applyLocal(it.id, status, note);
  state.noteOpen = false;
  if (advance) {
    const list = state.ordered.filter((x) => matches(x, false) || x === it);
    const next = list[list.indexOf(it) + 1];
    if (next) {
      state.current = next.id;
      state.scrollWanted = true;
    }
  }
  hooks.renderAll();
  queued(() => persist(it.id, status, note).then((r) => remember(r, status + ' ' + it.rule)))
    .then(() => hooks.refresh())
    .catch((err) => {
      applyLocal(it.id, before.status, before.note);
      hooks.renderAll();
      toast('Not saved: ' + err.message, 'error');
    });
}

/** @param {'accepted' | 'dismissed'} status */
export function decide(status) {
  if (state.readOnly) {
    toast(READ_ONLY);
    return;
  }
  const it = currentItem();
  if (!it) {
    toast('Select an item first (j).');
    return;
  }
  if (it.status === status) {
    toast('Already ' + status + '; u undoes.');
    return;
  }
  change(it, status, it.note, true);
  toast(status === 'accepted' ? 'Accepted.' : 'Dismissed.');
}

export function openNote() {
  if (state.readOnly) {
    toast(READ_ONLY);
    return;
  }
  if (state.view === 'claims') {
    if (!state.claim) {
      toast('Select a claim first (j).');
      return;
    }
    state.claimNoteOpen = true;
    hooks.renderSelection();
    return;
  }
  if (!currentItem()) {
    toast('Select an item first (j).');
    return;
  }
  state.noteOpen = true;
  hooks.renderSelection();
}
export function closeNote() {
  state.noteOpen = false;
  state.claimNoteOpen = false;
  hooks.renderSelection();
}
/** @param {Status} status */
export function saveNote(status) {
  const it = currentItem();
  const ta = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('note-input'));
  if (!it || !ta) return;
  const note = ta.value.trim();
  if (status === it.status && (note || undefined) === it.note) {
    closeNote();
    return;
  }
  change(it, status, note || undefined, false);
  toast(note ? 'Note saved.' : 'Note removed.');
}

/** Undoes this editor's most recent step that is still in the decisions file's history (so it survives reloads). */
export function undo() {
  if (state.readOnly) {
    toast('This report is read-only.');
    return;
  }
  queued(() => {
    const last = (state.data.undo || [])[0];
    if (!last) {
      toast('Nothing to undo.');
      return Promise.resolve(null);
    }
    return request('POST', '/api/undo', { step: last.id }).then((r) => {
      state.data.undo = (state.data.undo || []).filter((s) => s.id !== last.id);
      return r;
    });
  })
    .then((r) => {
      if (!r) return;
      toast('Undone: ' + r.label + (r.kept ? ' (' + plural(r.kept, 'change') + ' kept: another editor changed them since)' : ''));
      return hooks.refresh();
    })
    .catch((err) => toast('Undo not saved: ' + err.message, 'error'));
}

/**
 * A confirmation in the page (not window.confirm, so it is styled, labelled and keyboard-operable).
 * @param {string} message
 * @param {string} okLabel
 * @returns {Promise<boolean>}
 */
export function confirmDialog(message, okLabel) {
  const box = $('confirm');
  const text = $('confirm-text');
  const ok = /** @type {HTMLButtonElement} */ ($('confirm-ok'));
  const cancel = /** @type {HTMLButtonElement} */ ($('confirm-cancel'));
  const back = /** @type {HTMLElement | null} */ (document.activeElement);
  text.textContent = message;
  ok.textContent = okLabel;
  box.hidden = false;
  ok.focus();
  return new Promise((resolve) => {
    /** @param {boolean} v */
    const done = (v) => {
      box.hidden = true;
      ok.removeEventListener('click', yes);
      cancel.removeEventListener('click', no);
      box.removeEventListener('keydown', key);
      if (back && back.focus) back.focus();
      resolve(v);
    };
    const yes = () => done(true);
    const no = () => done(false);
    /** @param {KeyboardEvent} e */
    const key = (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        done(false);
      }
      e.stopPropagation();
    };
    ok.addEventListener('click', yes);
    cancel.addEventListener('click', no);
    box.addEventListener('keydown', key);
  });
}

/** Words for the current filter, for the confirmation and the history. */
export function filterLabel() {
  const f = state.filters;
  const parts = [];
  if (f.rule) parts.push('rule ' + f.rule);
  if (f.category) parts.push('category ' + f.category);
  if (f.severity) parts.push(f.severity + 's');
  if (f.status) parts.push(f.status);
  if (f.file) parts.push('in ' + f.file);
  return parts.join(', ') || 'all items';
}

/** The items a bulk action would change: those matching the filters that are not already so. */
/** @param {'accepted' | 'dismissed'} status */
export function bulkTargets(status) {
  return filtered().filter((it) => it.status !== status);
}

/** @param {'accepted' | 'dismissed'} status */
export function bulk(status) {
  if (state.readOnly) {
    toast(READ_ONLY);
    return;
  }
  const targets = bulkTargets(status);
  if (!targets.length) {
    toast('No item to change: every matching item is ' + status + ' already.');
    return;
  }
  const verb = status === 'accepted' ? 'Accept' : 'Dismiss';
  confirmDialog(verb + ' ' + plural(targets.length, 'item') + ' (' + filterLabel() + ')? One undo (u) takes it back.', verb + ' ' + targets.length).then((ok) => {
    if (!ok) return;
    queued(() => request('POST', '/api/bulk', { status, ids: targets.map((t) => t.id), label: filterLabel() }).then((r) => remember(r, 'bulk')))
      .then((r) => {
        toast((status === 'accepted' ? 'Accepted ' : 'Dismissed ') + plural(r.changed, 'item') + '; u undoes.');
        return hooks.refresh();
      })
      .catch((err) => toast('Not saved: ' + err.message, 'error'));
  });
}

/**
 * @param {PageClaim} claim
 * @param {ClaimStatus} status
 * @param {{ note?: string, assignee?: string }} [extra] when given, replace the note and assignee
 */
export function setClaimStatus(claim, status, extra) {
  if (state.readOnly) {
    toast(READ_ONLY);
    return;
  }
  const prev = reviewOf(claim);
  const note = extra ? extra.note : prev && prev.note;
  const assignee = extra ? extra.assignee : prev && prev.assignee;
  /** @type {{ status: ClaimStatus, note?: string, assignee?: string }} */
  const body = { status };
  if (note) body.note = note;
  if (assignee) body.assignee = assignee;
  /** @type {Record<string, import('../../../core/schema-types.js').ClaimReview>} */
  const reviews = (state.data.claimReviews = state.data.claimReviews || {});
  const before = reviews[claim.id];
  reviews[claim.id] = { ...body, at: new Date().toISOString() };
  state.claimNoteOpen = false;
  hooks.renderAll();
  queued(() => request('POST', '/api/claim-reviews', { claims: { [claim.id]: body } }).then((r) => remember(r, 'claim')))
    .then(() => {
      toast('Claim marked ' + status.replace('-', ' ') + '.');
      return hooks.refresh();
    })
    .catch((err) => {
      if (before) reviews[claim.id] = before;
      else delete reviews[claim.id];
      hooks.renderAll();
      toast('Not saved: ' + err.message, 'error');
    });
}

/**
 * @param {string} url
 * @param {unknown} body
 * @param {string} doing
 */
function edit(url, body, doing) {
  if (state.readOnly || !state.data.canEdit) {
    toast('Edits need the review server (copydesk review).');
    return;
  }
  toast(doing + '…');
  request('POST', url, body)
    .then((r) => {
      toast(r.message);
      return hooks.refresh();
    })
    .catch((err) => toast('Not changed: ' + err.message, 'error'));
}

/**
 * @param {Item} it
 * @param {number} index
 */
export function applySuggestion(it, index) {
  edit('/api/apply', { item: it.id, suggestion: index }, 'Applying the suggestion');
}
/**
 * @param {Item} it
 * @param {string} word
 * @param {'config' | 'front-matter'} target
 */
export function addWord(it, word, target) {
  edit('/api/words', { item: it.id, word, target }, 'Adding “' + word + '”');
}
/** @param {Item} it */
export function ignoreRule(it) {
  confirmDialog('Turn ' + it.rule + ' off for ' + it.file + '? This writes copydesk.disable into the article’s front matter.', 'Turn it off').then((ok) => {
    if (ok) edit('/api/ignore-rule', { item: it.id }, 'Turning ' + it.rule + ' off');
  });
}

/** A small row of controls to add the item's word to a word list (spelling items). */
/** @param {Item} it */
export function wordControls(it) {
  const word = it.excerpt.trim();
  const sel = /** @type {HTMLSelectElement} */ (el('select', { id: 'word-target', 'aria-label': 'Word list' },
    el('option', { value: 'config', text: 'the project word list (config file)' }),
    el('option', { value: 'front-matter', text: 'this article’s front matter' })));
  return el('div', { className: 'word-controls' },
    button('Add “' + word + '” to', '', () => addWord(it, word, /** @type {'config' | 'front-matter'} */ (sel.value)), 'add-word'),
    sel);
}
