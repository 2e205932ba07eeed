// @ts-check
// The page's state and the questions asked of it (which items match the filters, which article is shown).

/** @typedef {import('../../../core/schema-types.js').ReviewData} ReviewData */
/** @typedef {import('../../../core/schema-types.js').ReviewFile} ReviewFile */
/** @typedef {import('../../../core/schema-types.js').Item} Item */
/** @typedef {import('../../../core/schema-types.js').PageClaim} PageClaim */
/** @typedef {import('../../../core/schema-types.js').ClaimReview} ClaimReview */
/** @typedef {import('../../../core/schema-types.js').ClaimStatus} ClaimStatus */
/** @typedef {import('../../../core/schema-types.js').Status} Status */

export const SEVERITIES = ['error', 'warning', 'info'];
/** @type {Status[]} */
export const STATUSES = ['open', 'accepted', 'dismissed'];
/** @type {Record<string, number>} */
export const SEV_RANK = { error: 0, warning: 1, info: 2 };
export const FILTERS = /** @type {const} */ (['severity', 'status', 'category', 'rule']);
export const CLAIM_FILTERS = /** @type {const} */ (['kind', 'verdict', 'review', 'source']);
/** @type {ClaimStatus[]} */
export const CLAIM_STATUSES = ['unchecked', 'checked', 'wrong', 'needs-source', 'disputed'];
/** Keys that set a claim's status in the claims view. */
/** @type {Record<string, ClaimStatus>} */
export const CLAIM_KEYS = { c: 'checked', w: 'wrong', s: 'needs-source', x: 'disputed', '0': 'unchecked' };

export const state = {
  /** @type {ReviewData} */
  data: /** @type {ReviewData} */ (/** @type {unknown} */ (null)),
  readOnly: true,
  token: '',
  /** @type {'items' | 'claims'} */
  view: 'items',
  /** path -> text (string) | null (none) | Promise while loading @type {Map<string, string | null | Promise<string | null>>} */
  texts: new Map(),
  /** path -> the article's claims (loaded with the text) @type {Map<string, PageClaim[]>} */
  claims: new Map(),
  /** every claim of the run, for the claims view (loaded when the view opens) @type {PageClaim[] | null} */
  allClaims: /** @type {PageClaim[] | null} */ (null),
  filters: { severity: '', status: '', category: '', rule: '', file: '' },
  claimFilters: { kind: '', verdict: '', review: '', source: '' },
  find: '',
  /** @type {'problems' | 'name' | 'path'} */
  sort: 'problems',
  /** @type {string | null} item id */
  current: null,
  /** @type {string | null} claim id shown when a claim (not an item) was chosen */
  claim: null,
  noteOpen: false,
  claimNoteOpen: false,
  /** @type {Map<string, Item>} */
  itemsById: new Map(),
  /** @type {Map<string, ReviewFile>} */
  filesByPath: new Map(),
  /** @type {Map<string, number>} */
  fileIndex: new Map(),
  /** all items, in article order then position @type {Item[]} */
  ordered: [],
  scrollWanted: false,
  settings: { shortcuts: true },
};

/**
 * What the modules that render call back into (filled by main.js; keeps the modules free of cycles).
 * @type {{ renderAll: () => void, renderSelection: () => void, select: (id: string, scroll: boolean) => void, selectClaim: (id: string, file?: string) => void, refresh: () => Promise<void> }}
 */
export const hooks = {
  renderAll: () => undefined,
  renderSelection: () => undefined,
  select: () => undefined,
  selectClaim: () => undefined,
  refresh: () => Promise.resolve(),
};

/** @param {ReviewData} data */
export function setData(data) {
  const keepCurrent = state.current;
  state.data = data;
  state.readOnly = !!data.readOnly;
  state.itemsById = new Map();
  state.filesByPath = new Map();
  state.fileIndex = new Map();
  data.files.forEach((f, i) => {
    state.filesByPath.set(f.path, f);
    state.fileIndex.set(f.path, i);
    if (typeof f.text === 'string') state.texts.set(f.path, f.text);
    if (Array.isArray(f.claims)) state.claims.set(f.path, f.claims);
  });
  data.items.forEach((it) => state.itemsById.set(it.id, it));
  const fi = (/** @type {Item} */ it) => state.fileIndex.get(it.file || '') ?? 0;
  state.ordered = data.items.slice().sort((a, b) => fi(a) - fi(b) || a.offset - b.offset || a.endOffset - b.endOffset || SEV_RANK[a.severity] - SEV_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  if (keepCurrent && !state.itemsById.has(keepCurrent)) state.current = null;
}

/**
 * @param {Item} it
 * @param {boolean} ignoreFile
 */
export function matches(it, ignoreFile) {
  const f = state.filters;
  if (f.severity && it.severity !== f.severity) return false;
  if (f.status && it.status !== f.status) return false;
  if (f.category && it.category !== f.category) return false;
  if (f.rule && it.rule !== f.rule) return false;
  if (!ignoreFile && f.file && it.file !== f.file) return false;
  return true;
}
export function filtered() {
  return state.ordered.filter((it) => matches(it, false));
}
export function currentItem() {
  return state.current ? state.itemsById.get(state.current) || null : null;
}
/** The article in the middle pane: the chosen article, else the current item's, else the first. */
export function viewPath() {
  if (state.filters.file) return state.filters.file;
  const it = currentItem();
  if (it && it.file) return it.file;
  const first = filtered()[0];
  if (first && first.file) return first.file;
  return state.data.files.length ? state.data.files[0].path : '';
}
/** @param {Item[]} items */
export function counts(items) {
  const c = { open: 0, accepted: 0, dismissed: 0 };
  items.forEach((it) => {
    c[it.status]++;
  });
  return c;
}
/** @param {string} path */
export function claimsOf(path) {
  return state.claims.get(path) || [];
}
/**
 * The review of a claim: the decisions file's (server) or the one embedded with the claim (report.html).
 * @param {PageClaim} c
 * @returns {ClaimReview | undefined}
 */
export function reviewOf(c) {
  const r = state.data.claimReviews;
  if (r && Object.prototype.hasOwnProperty.call(r, c.id)) return r[c.id];
  return c.review;
}
/** @param {PageClaim} c @returns {ClaimStatus} */
export function claimStatus(c) {
  const r = reviewOf(c);
  return r ? r.status : 'unchecked';
}
/**
 * @param {string | undefined} path
 * @param {string | null | undefined} id
 */
export function findClaim(path, id) {
  if (!path || !id) return null;
  return claimsOf(path).find((c) => c.id === id) || (state.allClaims || []).find((c) => c.id === id && c.file === path) || null;
}
/**
 * The claim that holds a claim's source: the claim itself when it carries an attribution, or the
 * claim its attributionId names (a figure points to that record and carries no copy of it).
 * @param {PageClaim | null | undefined} c
 * @param {string} [path] the claim's article (default: its `file`)
 * @returns {PageClaim | null}
 */
export function sourceRecordOf(c, path) {
  if (!c) return null;
  if (c.attribution) return c;
  if (!c.attributionId) return null;
  const r = findClaim(path || c.file, c.attributionId);
  return r && r.attribution ? r : null;
}

// ---------- URL hash: view, filters and the current item survive a reload ----------
export function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const k of [...FILTERS, 'file']) state.filters[/** @type {keyof typeof state.filters} */ (k)] = params.get(k) || '';
  for (const k of CLAIM_FILTERS) state.claimFilters[k] = params.get('c-' + k) || '';
  state.current = params.get('item') || null;
  state.claim = params.get('claim') || null;
  state.view = params.get('view') === 'claims' ? 'claims' : 'items';
  const sort = params.get('sort');
  if (sort === 'name' || sort === 'path' || sort === 'problems') state.sort = sort;
}
export function writeHash() {
  const params = new URLSearchParams();
  if (state.view === 'claims') params.set('view', 'claims');
  for (const k of [...FILTERS, 'file']) {
    const v = state.filters[/** @type {keyof typeof state.filters} */ (k)];
    if (v) params.set(k, v);
  }
  for (const k of CLAIM_FILTERS) if (state.claimFilters[k]) params.set('c-' + k, state.claimFilters[k]);
  if (state.sort !== 'problems') params.set('sort', state.sort);
  if (state.current) params.set('item', state.current);
  else if (state.claim) params.set('claim', state.claim);
  const h = params.toString();
  try {
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
  } catch (e) {
    /* some file:// contexts refuse: the hash is a convenience only */
  }
}

// ---------- settings (kept in this browser) ----------
const SETTINGS_KEY = 'copydesk.review.settings';
export function loadSettings() {
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    if (raw) {
      const s = JSON.parse(raw);
      if (s && typeof s.shortcuts === 'boolean') state.settings.shortcuts = s.shortcuts;
    }
  } catch (e) {
    /* storage may be off (file://, private mode): defaults */
  }
}
export function saveSettings() {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(state.settings));
  } catch (e) {
    /* see loadSettings */
  }
}
