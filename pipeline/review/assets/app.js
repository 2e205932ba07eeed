// copydesk review page: plain JavaScript, no build step, no dependencies.
// Two modes: served by `copydesk review` (data from /api, decisions saved with a per-server token)
// and the static report.html (data embedded in <script type="application/json">, read-only).
// Every string from an article or the queue reaches the page through textContent or attribute
// setters on created elements: never through innerHTML.
(function () {
  'use strict';

  var SEVERITIES = ['error', 'warning', 'info'];
  var STATUSES = ['open', 'accepted', 'dismissed'];
  var SEV_RANK = { error: 0, warning: 1, info: 2 };
  var FILTERS = ['severity', 'status', 'category', 'rule'];

  var state = {
    data: null,
    readOnly: true,
    token: '',
    texts: new Map(), // path -> text (string) | null (none) | Promise
    claims: new Map(), // path -> the article's claims (loaded with the text)
    filters: { severity: '', status: '', category: '', rule: '', file: '' },
    find: '',
    current: null, // item id
    claim: null, // claim id shown when a claim (not an item) was clicked
    undo: [],
    noteOpen: false,
    itemsById: new Map(),
    filesByPath: new Map(),
    fileIndex: new Map(),
    ordered: [], // all items, in article order then position
  };

  // ---------- DOM helpers (text only) ----------
  function $(id) {
    return document.getElementById(id);
  }
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!Object.prototype.hasOwnProperty.call(props, k) || props[k] == null) continue;
        var v = props[k];
        if (k === 'text') node.textContent = String(v);
        else if (k === 'className') node.className = v;
        else if (k === 'dataset') for (var d in v) node.dataset[d] = String(v[d]);
        else if (k === 'onclick') node.addEventListener('click', v);
        else node.setAttribute(k, String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
    else node.appendChild(child);
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }
  function baseName(p) {
    var i = p.lastIndexOf('/');
    return i < 0 ? p : p.slice(i + 1);
  }
  function show(value) {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  var toastTimer = 0;
  function toast(message, kind) {
    var t = $('toast');
    t.textContent = message;
    t.className = 'toast visible' + (kind ? ' ' + kind : '');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.className = 'toast'; }, kind === 'error' ? 6000 : 2500);
  }

  // ---------- data ----------
  function setData(data) {
    var keepCurrent = state.current;
    state.data = data;
    state.readOnly = !!data.readOnly;
    state.itemsById = new Map();
    state.filesByPath = new Map();
    state.fileIndex = new Map();
    data.files.forEach(function (f, i) {
      state.filesByPath.set(f.path, f);
      state.fileIndex.set(f.path, i);
      if (typeof f.text === 'string') state.texts.set(f.path, f.text);
      if (Array.isArray(f.claims)) state.claims.set(f.path, f.claims);
    });
    data.items.forEach(function (it) { state.itemsById.set(it.id, it); });
    state.ordered = data.items.slice().sort(function (a, b) {
      return (state.fileIndex.get(a.file) - state.fileIndex.get(b.file)) || a.offset - b.offset || a.endOffset - b.endOffset ||
        SEV_RANK[a.severity] - SEV_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    });
    if (keepCurrent && !state.itemsById.has(keepCurrent)) state.current = null;
  }

  function matches(it, ignoreFile) {
    var f = state.filters;
    if (f.severity && it.severity !== f.severity) return false;
    if (f.status && it.status !== f.status) return false;
    if (f.category && it.category !== f.category) return false;
    if (f.rule && it.rule !== f.rule) return false;
    if (!ignoreFile && f.file && it.file !== f.file) return false;
    return true;
  }
  function filtered() {
    return state.ordered.filter(function (it) { return matches(it, false); });
  }
  function currentItem() {
    return state.current ? state.itemsById.get(state.current) || null : null;
  }
  /** The article in the middle pane: the chosen article, else the current item's, else the first. */
  function viewPath() {
    if (state.filters.file) return state.filters.file;
    var it = currentItem();
    if (it) return it.file;
    var first = filtered()[0];
    if (first) return first.file;
    return state.data.files.length ? state.data.files[0].path : '';
  }
  function counts(items) {
    var c = { open: 0, accepted: 0, dismissed: 0 };
    items.forEach(function (it) { c[it.status]++; });
    return c;
  }
  function claimsOf(path) {
    return state.claims.get(path) || [];
  }
  function findClaim(file, id) {
    if (!file || !id) return null;
    var claims = claimsOf(file.path);
    for (var i = 0; i < claims.length; i++) if (claims[i].id === id) return claims[i];
    return null;
  }

  // ---------- URL hash: filters and the current item survive a reload ----------
  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    FILTERS.concat(['file']).forEach(function (k) { state.filters[k] = params.get(k) || ''; });
    state.current = params.get('item') || null;
  }
  function writeHash() {
    var params = new URLSearchParams();
    FILTERS.concat(['file']).forEach(function (k) { if (state.filters[k]) params.set(k, state.filters[k]); });
    if (state.current) params.set('item', state.current);
    var h = params.toString();
    try {
      history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    } catch (e) {
      /* some file:// contexts refuse: the hash is a convenience only */
    }
  }

  // ---------- rendering ----------
  function renderTotals() {
    var c = counts(state.data.items);
    var t = $('totals');
    clear(t);
    STATUSES.forEach(function (s) {
      t.appendChild(el('span', { className: 'count count-' + s, title: plural(c[s], s + ' item') }, el('b', { text: c[s] }), ' ' + s));
    });
    var info = $('run-info');
    clear(info);
    var when = state.data.generated ? new Date(state.data.generated) : null;
    append(info, plural(state.data.files.length, 'article') + (when && !isNaN(when) ? ' · run ' + when.toLocaleString() : ''));
    if (state.readOnly) info.appendChild(el('span', { className: 'badge badge-readonly', text: 'read-only report' }));
    else if (state.data.decisionsFile) info.appendChild(el('span', { className: 'badge', title: 'Decisions are saved here', text: 'decisions: ' + state.data.decisionsFile }));
  }

  function option(value, label, selected) {
    var o = el('option', { value: value, text: label });
    if (selected) o.selected = true;
    return o;
  }
  function renderFilters() {
    var items = state.data.items;
    var values = {
      severity: SEVERITIES,
      status: STATUSES,
      category: Array.from(new Set(items.map(function (i) { return i.category; }))).sort(),
      rule: Array.from(new Set(items.map(function (i) { return i.rule; }))).sort(),
    };
    FILTERS.forEach(function (k) {
      var sel = $('f-' + k);
      clear(sel);
      sel.appendChild(option('', 'all', !state.filters[k]));
      var list = values[k].slice();
      if (state.filters[k] && list.indexOf(state.filters[k]) < 0) list.push(state.filters[k]);
      list.forEach(function (v) {
        var n = items.filter(function (i) { return i[k] === v; }).length;
        sel.appendChild(option(v, v + ' (' + n + ')', state.filters[k] === v));
      });
    });
  }

  function countChips(c) {
    return el('span', { className: 'chips' },
      el('span', { className: 'chip chip-open', title: plural(c.open, 'open item') }, String(c.open)),
      el('span', { className: 'chip chip-accepted', title: plural(c.accepted, 'accepted item') }, String(c.accepted)),
      el('span', { className: 'chip chip-dismissed', title: plural(c.dismissed, 'dismissed item') }, String(c.dismissed)));
  }

  function renderArticles() {
    var nav = $('articles');
    clear(nav);
    var byFile = new Map();
    state.data.items.forEach(function (it) {
      var list = byFile.get(it.file);
      if (!list) byFile.set(it.file, (list = []));
      list.push(it);
    });
    var all = el('button', { type: 'button', className: 'article' + (state.filters.file ? '' : ' active'), dataset: { file: '' } },
      el('span', { className: 'article-title', text: 'All articles' }), countChips(counts(state.data.items)));
    nav.appendChild(all);
    var find = state.find.toLowerCase();
    var shown = 0;
    state.data.files.forEach(function (f) {
      var title = f.title || baseName(f.path);
      if (find && (title + ' ' + f.path).toLowerCase().indexOf(find) < 0) return;
      shown++;
      var its = byFile.get(f.path) || [];
      var matching = its.filter(function (it) { return matches(it, true); }).length;
      var row = el('button', { type: 'button', className: 'article' + (state.filters.file === f.path ? ' active' : '') + (matching ? '' : ' quiet'), dataset: { file: f.path }, title: f.path },
        el('span', { className: 'article-title', text: title }),
        el('span', { className: 'article-path', text: f.path }),
        countChips(counts(its)),
        f.error ? el('span', { className: 'chip chip-error', text: 'unreadable' }) : null);
      nav.appendChild(row);
    });
    if (!shown) nav.appendChild(el('p', { className: 'empty', text: 'No article matches “' + state.find + '”.' }));
    markViewing();
  }
  function markViewing() {
    var p = viewPath();
    Array.prototype.forEach.call($('articles').children, function (b) {
      if (b.dataset && b.dataset.file !== undefined) b.classList.toggle('viewing', b.dataset.file === p && !state.filters.file);
    });
  }

  function sevBadge(sev) {
    return el('span', { className: 'sev sev-' + sev, text: sev });
  }
  function statusBadge(status) {
    return el('span', { className: 'status status-' + status, text: status });
  }

  function renderItemList() {
    var box = $('item-list');
    clear(box);
    var path = viewPath();
    var file = state.filesByPath.get(path);
    var all = state.ordered.filter(function (it) { return it.file === path; });
    var its = all.filter(function (it) { return matches(it, true); });
    box.appendChild(el('h2', { className: 'pane-title' }, 'Items', el('span', { className: 'muted', text: ' ' + its.length + (its.length !== all.length ? ' of ' + all.length : '') + ' in this article' })));
    if (!file) return;
    if (!its.length) {
      box.appendChild(el('p', { className: 'empty', text: all.length ? 'No item of this article matches the filters.' : 'Nothing flagged in this article.' }));
      return;
    }
    var ul = el('ol', { className: 'items' });
    its.forEach(function (it) {
      var li = el('li', { className: 'item-row st-' + it.status + (it.id === state.current ? ' current' : ''), dataset: { id: it.id }, tabindex: '-1' },
        sevBadge(it.severity),
        el('span', { className: 'item-rule', text: it.rule }),
        el('span', { className: 'item-excerpt', text: it.excerpt ? '“' + it.excerpt.slice(0, 60) + (it.excerpt.length > 60 ? '…' : '') + '”' : 'line ' + it.line }),
        it.status !== 'open' ? statusBadge(it.status) : null);
      li.addEventListener('click', function () { select(it.id, true); });
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function renderArticleHead(file) {
    var head = $('article-head');
    clear(head);
    if (!file) {
      head.appendChild(el('p', { className: 'empty', text: 'This run checked no article.' }));
      return;
    }
    head.appendChild(el('h2', { className: 'article-heading', text: file.title || baseName(file.path) }));
    var meta = [file.path, plural(file.words, 'word'), plural(typeof file.claimCount === 'number' ? file.claimCount : claimsOf(file.path).length, 'claim')];
    if (file.date) meta.splice(1, 0, file.date);
    head.appendChild(el('p', { className: 'muted', text: meta.join(' · ') }));
    var legend = $('legend');
    clear(legend);
    legend.appendChild(el('span', { className: 'legend-item' }, el('mark', { className: 'hl sev-error', text: 'error' })));
    legend.appendChild(el('span', { className: 'legend-item' }, el('mark', { className: 'hl sev-warning', text: 'warning' })));
    legend.appendChild(el('span', { className: 'legend-item' }, el('mark', { className: 'hl sev-info', text: 'info' })));
    legend.appendChild(el('span', { className: 'legend-item' }, el('span', { className: 'claim', text: 'claim' })));
    legend.appendChild(el('span', { className: 'legend-item muted', text: 'Click a highlight for its detail.' }));
  }

  var renderedText = { path: null, key: null };
  function renderText() {
    var path = viewPath();
    var file = state.filesByPath.get(path);
    renderArticleHead(file);
    var box = $('text');
    if (!file) {
      clear(box);
      renderedText = { path: null, key: null };
      return;
    }
    var items = state.ordered.filter(function (it) { return it.file === path && matches(it, true); });
    var key = items.map(function (it) { return it.id + it.status; }).join(',');
    var text = state.texts.get(path);
    if (text === undefined || (text && typeof text.then === 'function')) {
      clear(box);
      box.appendChild(el('p', { className: 'empty', text: 'Loading the article…' }));
      loadText(file).then(function () { if (viewPath() === path) renderAll(); });
      renderedText = { path: null, key: null };
      return;
    }
    if (renderedText.path === path && renderedText.key === key && box.firstChild) {
      markCurrent();
      return;
    }
    clear(box);
    renderedText = { path: path, key: key };
    if (file.error) box.appendChild(el('div', { className: 'file-error' }, el('strong', { text: 'This file could not be checked. ' }), file.error.message));
    if (typeof text !== 'string') {
      if (!file.error) box.appendChild(el('p', { className: 'empty', text: 'The text of this article is not in the output folder; run copydesk run again to see it.' }));
      return;
    }
    box.appendChild(highlight(text, items, claimsOf(path)));
    markCurrent();
  }

  /**
   * The text as displayed: a single line break inside a paragraph (a soft wrap in the source) shows
   * as a space, so paragraphs reflow to the pane. Same length as the text, so offsets still hold.
   * Front matter, headings, list items, quotes, tables, code and Markdown hard breaks keep their lines.
   */
  var BLOCK_START = /^(?:\s|#|>|[-*+]\s|\d+[.)]\s|\||---|\.\.\.|```|~~~)/;
  function displayText(text) {
    var fm = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    var from = fm ? fm[0].length : 0;
    var out = null;
    var re = /[^\n]\r?\n(?=[^\r\n])/g;
    re.lastIndex = from;
    var m;
    while ((m = re.exec(text))) {
      var nl = m.index + m[0].length - 1; // the \n
      var lineStart = text.lastIndexOf('\n', m.index) + 1;
      var prev = text.slice(lineStart, m.index + 1);
      if (/^(?:#|\||\s{4})/.test(prev) || / {2}$/.test(prev) || /\\$/.test(prev)) continue;
      if (BLOCK_START.test(text.slice(nl + 1, nl + 8))) continue;
      if (!out) out = text.split('');
      out[nl] = ' ';
      if (text[nl - 1] === '\r') out[nl - 1] = ' ';
      re.lastIndex = nl + 1;
    }
    return out ? out.join('') : text;
  }

  /** The article text as DOM: flagged spans as <mark>, claims underlined, zero-width items as pins. */
  function highlight(text, items, claims) {
    text = displayText(text);
    var n = text.length;
    var clamp = function (x) { return Math.max(0, Math.min(n, x)); };
    var points = new Set([0, n]);
    var spans = [];
    var pins = new Map();
    items.forEach(function (it) {
      var a = clamp(it.offset), b = clamp(it.endOffset);
      if (b > a) {
        spans.push({ a: a, b: b, it: it });
        points.add(a);
        points.add(b);
      } else {
        if (!pins.has(a)) pins.set(a, []);
        pins.get(a).push(it);
        points.add(a);
      }
    });
    var claimSpans = [];
    claims.forEach(function (c) {
      var a = clamp(c.offset), b = clamp(c.endOffset);
      if (b > a) {
        claimSpans.push({ a: a, b: b, c: c });
        points.add(a);
        points.add(b);
      }
    });
    var cuts = Array.from(points).sort(function (x, y) { return x - y; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i < cuts.length; i++) {
      var a = cuts[i];
      (pins.get(a) || []).forEach(function (it) {
        frag.appendChild(el('mark', { className: 'pin sev-' + it.severity + ' st-' + it.status, dataset: { items: it.id }, title: it.rule + ': ' + it.message, text: '⚑' }));
      });
      if (i === cuts.length - 1) break;
      var b = cuts[i + 1];
      var node = document.createTextNode(text.slice(a, b));
      var cover = spans.filter(function (s) { return s.a <= a && s.b >= b; }).map(function (s) { return s.it; });
      var claimCover = claimSpans.filter(function (s) { return s.a <= a && s.b >= b; });
      if (claimCover.length) {
        var u = el('span', { className: 'claim', dataset: { claim: claimCover[0].c.id }, title: claimCover[0].c.kind + ' claim' });
        u.appendChild(node);
        node = u;
      }
      if (cover.length) {
        cover.sort(function (x, y) { return SEV_RANK[x.severity] - SEV_RANK[y.severity]; });
        var allClosed = cover.every(function (it) { return it.status !== 'open'; });
        var m = el('mark', {
          className: 'hl sev-' + cover[0].severity + (allClosed ? ' st-' + cover[0].status : '') + (cover.length > 1 ? ' multi' : ''),
          dataset: { items: cover.map(function (it) { return it.id; }).join(' ') },
          title: cover.map(function (it) { return it.rule + ': ' + it.message; }).join('\n'),
        });
        m.appendChild(node);
        node = m;
      }
      frag.appendChild(node);
    }
    var wrap = el('div', { className: 'text-body' });
    wrap.appendChild(frag);
    return wrap;
  }

  function markCurrent() {
    var box = $('text');
    var id = state.current;
    var first = null;
    Array.prototype.forEach.call(box.querySelectorAll('mark[data-items]'), function (m) {
      var on = !!id && m.dataset.items.split(' ').indexOf(id) >= 0;
      m.classList.toggle('current', on);
      if (on && !first) first = m;
    });
    Array.prototype.forEach.call(box.querySelectorAll('.claim'), function (c) {
      c.classList.toggle('current-claim', !!state.claim && c.dataset.claim === state.claim);
    });
    if (first && scrollWanted) scrollIntoViewIfNeeded(first, box.parentElement);
  }
  var scrollWanted = false;
  function scrollIntoViewIfNeeded(node, pane) {
    var r = node.getBoundingClientRect();
    var p = pane.getBoundingClientRect();
    if (r.top < p.top + 40 || r.bottom > p.bottom - 40) node.scrollIntoView({ block: 'center' });
  }

  function dl(rows) {
    var list = el('dl', { className: 'facts' });
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === '') return;
      list.appendChild(el('dt', { text: r[0] }));
      list.appendChild(el('dd', null, r[1]));
    });
    return list;
  }

  function quantityText(q) {
    if (!q) return '';
    var v = q.value !== undefined ? String(q.value) : q.low + '–' + q.high;
    var parts = [v, q.currency ? q.currency : '', q.unit];
    var flags = [];
    if (q.approximate) flags.push('approximate');
    if (q.bound && q.bound !== 'exact') flags.push(q.bound + ' bound');
    if (q.qualifier) flags.push('“' + q.qualifier + '”');
    if (q.change) flags.push(q.change);
    return parts.filter(Boolean).join(' ') + (flags.length ? ' (' + flags.join(', ') + ')' : '');
  }
  function dateText(d) {
    if (!d) return '';
    return (d.iso || [d.year, d.month, d.day].filter(function (x) { return x !== undefined; }).join('-')) + (d.relative ? ' (relative)' : '');
  }
  function attributionText(a) {
    if (!a) return '';
    var s = a.source + ' — ' + a.sourceType + (a.role ? ', ' + a.role : '') + '; cue “' + a.cue + '”';
    var flags = [];
    if (a.direct) flags.push('direct quote');
    if (a.inherited) flags.push('carried over from an earlier sentence');
    return s + (flags.length ? ' (' + flags.join(', ') + ')' : '');
  }

  function safeLink(url) {
    // Only http(s) addresses become links; anything else (javascript:, data:...) stays text.
    try {
      var u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') return el('a', { href: u.href, rel: 'noopener noreferrer', target: '_blank', text: url });
    } catch (e) {
      /* not a URL */
    }
    return el('span', { text: url });
  }

  function evidenceList(list) {
    var ol = el('ul', { className: 'evidence' });
    list.forEach(function (e) {
      ol.appendChild(el('li', null,
        el('span', { className: 'ev-kind', text: e.kind }), ' ', el('span', { text: e.message }),
        dl([
          ['expected', e.expected !== undefined ? show(e.expected) : ''],
          ['actual', e.actual !== undefined ? show(e.actual) : ''],
          ['source', e.source],
          ['line', e.line],
          ['excerpt', e.excerpt],
          ['link', e.url ? safeLink(e.url) : ''],
        ])));
    });
    return ol;
  }

  function claimBlock(claim, heading) {
    var box = el('section', { className: 'claim-detail' });
    box.appendChild(el('h3', { text: heading }));
    box.appendChild(el('blockquote', { className: 'claim-text', text: claim.text }));
    box.appendChild(dl([
      ['kind', claim.kind],
      ['quantity', quantityText(claim.quantity)],
      ['subject', claim.subject],
      ['date', dateText(claim.date)],
      ['source', attributionText(claim.attribution)],
      ['verdict', claim.verdict ? el('span', { className: 'verdict verdict-' + claim.verdict, text: claim.verdict }) : ''],
      ['line', claim.line + ':' + claim.column],
    ]));
    if (claim.evidence && claim.evidence.length) {
      box.appendChild(el('h4', { text: 'Verification evidence' }));
      box.appendChild(evidenceList(claim.evidence));
    }
    return box;
  }

  function button(label, key, action, extra) {
    return el('button', { type: 'button', className: 'action ' + (extra || ''), title: key ? 'Key: ' + key : null, onclick: action }, label, key ? el('kbd', { text: key }) : null);
  }

  function renderDetail() {
    var box = $('detail');
    clear(box);
    var it = currentItem();
    var file = it ? state.filesByPath.get(it.file) : state.filesByPath.get(viewPath());
    if (!it && state.claim) {
      var c = findClaim(file, state.claim);
      if (c) {
        box.appendChild(claimBlock(c, 'Claim'));
        var related = state.ordered.filter(function (x) { return x.file === file.path && x.claimId === c.id; });
        if (related.length) {
          box.appendChild(el('h4', { text: 'Items on this claim' }));
          var ul = el('ul', { className: 'related' });
          related.forEach(function (x) {
            ul.appendChild(el('li', null, el('button', { type: 'button', className: 'link-button', onclick: function () { select(x.id, true); } }, sevBadge(x.severity), ' ' + x.rule)));
          });
          box.appendChild(ul);
        }
        return;
      }
    }
    if (!it) {
      var n = filtered().length;
      box.appendChild(el('p', { className: 'empty', text: n ? 'Press j to go to the first of ' + plural(n, 'item') + ', or click a highlight.' : 'No item matches the filters.' }));
      return;
    }
    var list = filtered();
    var pos = list.indexOf(it);
    box.appendChild(el('div', { className: 'detail-head' },
      sevBadge(it.severity), ' ', el('code', { className: 'rule', text: it.rule }), ' ', statusBadge(it.status),
      el('span', { className: 'muted position', text: pos >= 0 ? (pos + 1) + ' / ' + list.length : 'hidden by the filters' })));
    box.appendChild(el('p', { className: 'message', text: it.message }));
    box.appendChild(dl([
      ['where', it.file + ':' + it.line + ':' + it.column],
      ['category', it.category],
      ['excerpt', it.excerpt ? el('q', { className: 'excerpt', text: it.excerpt }) : ''],
      ['expected', it.expected],
      ['actual', it.actual],
    ]));
    if (it.suggestions && it.suggestions.length) {
      box.appendChild(el('h4', { text: 'Suggestions' }));
      var sug = el('ul', { className: 'suggestions' });
      it.suggestions.forEach(function (s) { sug.appendChild(el('li', null, el('span', { className: 'suggestion', text: s }))); });
      box.appendChild(sug);
    }
    var claim = findClaim(file, it.claimId);
    if (claim) box.appendChild(claimBlock(claim, 'The claim'));
    else if (it.claimId) box.appendChild(dl([['claim', it.claimId + ' (not in this run’s claims)']]));
    var claimEvidence = claim && claim.evidence ? JSON.stringify(claim.evidence) : '';
    if (it.evidence && it.evidence.length && JSON.stringify(it.evidence) !== claimEvidence) {
      box.appendChild(el('h4', { text: 'Verification evidence' }));
      box.appendChild(evidenceList(it.evidence));
    }
    if (it.note && !state.noteOpen) box.appendChild(el('div', { className: 'note' }, el('strong', { text: 'Note: ' }), it.note));

    if (state.readOnly) {
      box.appendChild(el('p', { className: 'readonly-hint', text: 'Read-only report. To accept or dismiss items, open the run in the review server: copydesk review <output folder>' }));
      return;
    }
    if (state.noteOpen) {
      var ta = el('textarea', { id: 'note-input', maxlength: '2000', rows: '3', placeholder: 'Why? (saved with the decision)', 'aria-label': 'Note' });
      ta.value = it.note || '';
      var primary = it.status === 'open' ? 'dismissed' : it.status;
      ta.addEventListener('keydown', function (e) {
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
          it.status !== 'open' ? button('Save note', 'Enter', function () { saveNote(it.status); }, 'primary') : null,
          button('Dismiss with note', it.status === 'open' ? 'Enter' : '', function () { saveNote('dismissed'); }, it.status === 'open' ? 'primary' : ''),
          button('Accept with note', '', function () { saveNote('accepted'); }),
          button('Cancel', 'Esc', closeNote))));
      setTimeout(function () { ta.focus(); }, 0);
      return;
    }
    box.appendChild(el('div', { className: 'actions' },
      button('Accept', 'a', function () { decide('accepted'); }, 'accept' + (it.status === 'accepted' ? ' on' : '')),
      button('Dismiss', 'd', function () { decide('dismissed'); }, 'dismiss' + (it.status === 'dismissed' ? ' on' : '')),
      button(it.note ? 'Edit note' : 'Note', 'n', openNote),
      button('Undo', 'u', undo, state.undo.length ? '' : 'disabled')));
  }

  function renderAll() {
    renderTotals();
    renderArticles();
    renderItemList();
    renderText();
    renderDetail();
    writeHash();
    scrollWanted = false;
  }
  function renderSelection() {
    markViewing();
    renderItemList();
    renderText();
    renderDetail();
    writeHash();
    var row = document.querySelector('.item-row.current');
    if (row && scrollWanted) row.scrollIntoView({ block: 'nearest' });
    scrollWanted = false;
  }

  // ---------- actions ----------
  function select(id, scroll) {
    state.current = id;
    state.claim = null;
    state.noteOpen = false;
    scrollWanted = !!scroll;
    renderSelection();
  }

  function step(delta) {
    var list = filtered();
    if (!list.length) {
      toast('No item matches the filters.');
      return;
    }
    var it = currentItem();
    var i = it ? list.indexOf(it) : -1;
    var next;
    if (i < 0) {
      // Not in the list (hidden by a filter after a decision): continue from its position.
      if (it) {
        var pos = state.ordered.indexOf(it);
        var after = list.filter(function (x) { return state.ordered.indexOf(x) > pos; });
        var before = list.filter(function (x) { return state.ordered.indexOf(x) < pos; });
        next = delta > 0 ? after[0] || list[list.length - 1] : before[before.length - 1] || list[0];
      } else next = delta > 0 ? list[0] : list[list.length - 1];
    } else {
      var j = i + delta;
      if (j < 0 || j >= list.length) {
        toast(delta > 0 ? 'That was the last item.' : 'This is the first item.');
        return;
      }
      next = list[j];
    }
    select(next.id, true);
  }

  function snapshot(it) {
    return { id: it.id, status: it.status, note: it.note };
  }
  function applyLocal(id, status, note) {
    var it = state.itemsById.get(id);
    if (!it) return;
    it.status = status;
    if (note) it.note = note;
    else delete it.note;
  }

  function request(method, url, body) {
    var init = { method: method, headers: { 'X-Copydesk-Token': state.token }, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) throw new Error((data && data.error) || 'the server answered ' + res.status);
        return data;
      });
    });
  }

  /** Saves one item's status and note on the server ('open' removes the decision). */
  function persist(id, status, note) {
    if (status === 'open') return request('DELETE', '/api/decisions/' + id);
    var d = { status: status };
    if (note) d.note = note;
    var body = { version: 1, decisions: {} };
    body.decisions[id] = d;
    return request('POST', '/api/decisions', body);
  }

  function change(it, status, note, advance) {
    if (state.readOnly) {
      toast('This report is read-only: open it with copydesk review to make decisions.');
      return;
    }
    var before = snapshot(it);
    applyLocal(it.id, status, note);
    state.undo.push(before);
    state.noteOpen = false;
    if (advance) {
      var list = state.ordered.filter(function (x) { return matches(x, false) || x === it; });
      var i = list.indexOf(it);
      var next = list[i + 1];
      if (next) {
        state.current = next.id;
        scrollWanted = true;
      }
    }
    renderAll();
    persist(it.id, status, note).catch(function (err) {
      applyLocal(before.id, before.status, before.note);
      var k = state.undo.indexOf(before);
      if (k >= 0) state.undo.splice(k, 1);
      renderAll();
      toast('Not saved: ' + err.message, 'error');
    });
  }

  function decide(status) {
    if (state.readOnly) {
      toast('This report is read-only: open it with copydesk review to make decisions.');
      return;
    }
    var it = currentItem();
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

  function openNote() {
    if (state.readOnly) {
      toast('This report is read-only: open it with copydesk review to write notes.');
      return;
    }
    if (!currentItem()) {
      toast('Select an item first (j).');
      return;
    }
    state.noteOpen = true;
    renderDetail();
  }
  function closeNote() {
    state.noteOpen = false;
    renderDetail();
  }
  function saveNote(status) {
    var it = currentItem();
    var ta = $('note-input');
    if (!it || !ta) return;
    var note = ta.value.trim();
    if (status === it.status && (note || undefined) === it.note) {
      closeNote();
      return;
    }
    change(it, status, note || undefined, false);
    toast(note ? 'Note saved.' : 'Note removed.');
  }

  function undo() {
    if (state.readOnly) {
      toast('This report is read-only.');
      return;
    }
    var last = state.undo.pop();
    if (!last) {
      toast('Nothing to undo.');
      return;
    }
    var it = state.itemsById.get(last.id);
    if (!it) return;
    var now = snapshot(it);
    applyLocal(last.id, last.status, last.note);
    state.current = last.id;
    state.noteOpen = false;
    scrollWanted = true;
    renderAll();
    toast('Undone: back to ' + last.status + '.');
    persist(last.id, last.status, last.note).catch(function (err) {
      applyLocal(now.id, now.status, now.note);
      state.undo.push(last);
      renderAll();
      toast('Undo not saved: ' + err.message, 'error');
    });
  }

  function loadText(file) {
    var have = state.texts.get(file.path);
    if (have !== undefined) return Promise.resolve(have);
    if (state.readOnly) {
      state.texts.set(file.path, null);
      return Promise.resolve(null);
    }
    var p = fetch('/api/article?file=' + encodeURIComponent(file.path), { cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (d) {
        var t = d && typeof d.text === 'string' ? d.text : null;
        if (d && Array.isArray(d.claims)) state.claims.set(file.path, d.claims);
        state.texts.set(file.path, t);
        return t;
      })
      .catch(function () {
        state.texts.delete(file.path);
        return null;
      });
    state.texts.set(file.path, p);
    return p;
  }

  // ---------- events ----------
  function toggleHelp(force) {
    var h = $('help');
    var open = force === undefined ? h.hidden : force;
    h.hidden = !open;
    if (open) $('help-close').focus();
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
    if (e.key === 'Escape') {
      if (!$('help').hidden) toggleHelp(false);
      else if (typing) t.blur();
      return;
    }
    if (typing) return;
    if (!$('help').hidden && e.key !== '?') return;
    var handled = true;
    switch (e.key) {
      case 'j': step(1); break;
      case 'k': step(-1); break;
      case 'a': decide('accepted'); break;
      case 'd': decide('dismissed'); break;
      case 'n': openNote(); break;
      case 'u': undo(); break;
      case 'o':
        state.filters.status = state.filters.status === 'open' ? '' : 'open';
        renderFilters();
        renderAll();
        toast(state.filters.status ? 'Showing open items only.' : 'Showing all items.');
        break;
      case '?': toggleHelp(); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  }

  function wire() {
    document.addEventListener('keydown', onKey);
    FILTERS.forEach(function (k) {
      $('f-' + k).addEventListener('change', function (e) {
        state.filters[k] = e.target.value;
        renderAll();
      });
    });
    $('f-find').addEventListener('input', function (e) {
      state.find = e.target.value;
      renderArticles();
    });
    $('f-clear').addEventListener('click', function () {
      FILTERS.forEach(function (k) { state.filters[k] = ''; });
      state.filters.file = '';
      state.find = '';
      $('f-find').value = '';
      renderFilters();
      renderAll();
    });
    $('articles').addEventListener('click', function (e) {
      var b = e.target.closest('button.article');
      if (!b) return;
      state.filters.file = b.dataset.file || '';
      var it = currentItem();
      if (state.filters.file && (!it || it.file !== state.filters.file)) {
        var first = filtered()[0];
        state.current = first ? first.id : null;
      }
      state.claim = null;
      state.noteOpen = false;
      $('text').parentElement.scrollTop = 0;
      scrollWanted = true;
      renderAll();
    });
    $('text').addEventListener('click', function (e) {
      var m = e.target.closest('mark[data-items]');
      if (m) {
        var ids = m.dataset.items.split(' ');
        var i = ids.indexOf(state.current);
        select(ids[(i + 1) % ids.length], false); // a second click cycles through overlapping items
        return;
      }
      var c = e.target.closest('.claim');
      if (c) {
        state.current = null;
        state.claim = c.dataset.claim;
        state.noteOpen = false;
        renderSelection();
      }
    });
    $('help-button').addEventListener('click', function () { toggleHelp(); });
    $('help-close').addEventListener('click', function () { toggleHelp(false); });
    $('help').addEventListener('click', function (e) { if (e.target === $('help')) toggleHelp(false); });
    if (!state.readOnly) {
      // Another tab may have decided meanwhile: refresh when this one comes back into focus.
      window.addEventListener('focus', function () {
        fetchState().then(function (d) {
          if (!d) return;
          setData(d);
          renderFilters();
          renderAll();
        });
      });
    }
  }

  function fetchState() {
    return fetch('/api/state', { cache: 'no-store' })
      .then(function (res) {
        if (!res.ok) return res.json().then(function (d) { throw new Error(d.error || 'HTTP ' + res.status); });
        return res.json();
      })
      .catch(function (err) {
        toast('Could not load the review data: ' + err.message, 'error');
        return null;
      });
  }

  function start(data) {
    if (!data) return;
    setData(data);
    readHash();
    if (state.current && !state.itemsById.has(state.current)) state.current = null;
    $('help-mode').textContent = state.readOnly
      ? 'This is the read-only report of a run: j/k and the filters work; decisions need copydesk review.'
      : 'Decisions are saved at once to ' + (data.decisionsFile || 'the decisions file') + ', which copydesk lint honours.';
    document.body.classList.toggle('read-only', state.readOnly);
    wire();
    renderFilters();
    scrollWanted = true;
    renderAll();
    document.body.dataset.ready = 'true';
  }

  var embedded = document.getElementById('copydesk-data');
  if (embedded) {
    var data = null;
    try {
      data = JSON.parse(embedded.textContent);
    } catch (e) {
      toast('The embedded review data is damaged.', 'error');
    }
    if (data) data.readOnly = true;
    start(data);
  } else {
    var meta = document.querySelector('meta[name="copydesk-token"]');
    state.token = meta ? meta.getAttribute('content') : '';
    fetchState().then(start);
  }
})();
