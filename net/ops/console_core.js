  const TOKEN_KEY = 'askpro.ops.token';
  const REFRESH_MS = 3000;
  const OPEN_DEPTH = 3;            // nodes down to this depth (root = 0) start expanded
  const TOP_N = 10;
  const STATUS_TEXT = { 200: 'OK', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 429: 'Too Many Requests',
    500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

  const $ = (id) => document.getElementById(id);

  // Builds an element; strings become text nodes, so server data is never parsed as HTML.
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v == null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid == null || kid === false) continue;
      e.append(kid instanceof Node ? kid : String(kid));
    }
    return e;
  }

  const st = {
    token: sessionStorage.getItem(TOKEN_KEY) || '',
    tree: null,
    nodes: [],              // flat, in tree order
    index: new Map(),       // path -> { node, depth, parent }
    expanded: new Map(),    // path -> bool, the user's choice without a filter
    filterOpen: new Map(),  // path -> bool, the user's choice under the current filter
    filter: '',
    selected: null,
    detail: null,
    detailGone: false,
    detailSeq: 0,
    view: 'tree',
    paused: false,
    timer: null,
    inflight: false,
    again: false,
    jobStatus: 'queued',
    jobs: null,             // { unavailable } | { error } | { data }
    rowEls: new Map(),
  };

  // ---------- HTTP ----------

  function segments(path) {
    return String(path).split('/').filter(Boolean).map(encodeURIComponent).join('/');
  }
  const actorUrl = (path) => (path === '/' ? '/ops/actors' : '/ops/actors/' + segments(path));

  async function api(method, url) {
    const token = st.token;
    if (!token) { askToken(''); return { auth: true }; }
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: { 'Authorization': 'Bearer ' + token, 'X-Ops-User': 'console', 'Accept': 'application/json' },
        cache: 'no-store', credentials: 'omit', redirect: 'error',
      });
    } catch (e) {
      return { ok: false, status: 0, error: 'the server cannot be reached' };
    }
    let body = null;
    const text = await res.text().catch(() => '');
    if (text) { try { body = JSON.parse(text); } catch (e) { body = null; } }
    if (res.status === 401) {
      if (st.token === token) forgetToken('The server did not accept this token.');
      return { auth: true };
    }
    return { ok: res.ok, status: res.status, statusText: res.statusText, body };
  }

  // "409 Conflict — the root cannot be restarted" from a response (problem documents carry title/detail).
  function describe(r) {
    if (!r.status) return r.error || 'no answer';
    const p = r.body && typeof r.body === 'object' ? r.body : {};
    const title = (typeof p.title === 'string' && p.title) || r.statusText || STATUS_TEXT[r.status] || '';
    let s = r.status + (title ? ' ' + title : '');
    if (typeof p.detail === 'string' && p.detail) s += ' — ' + p.detail;
    if (typeof p.code === 'string' && p.code && p.code !== String(title).toLowerCase().replace(/ /g, '_')) s += ' (' + p.code + ')';
    return s;
  }

  // ---------- token ----------

  function askToken(error) {
    clearTimeout(st.timer);
    $('login').hidden = false;
    const err = $('token-error');
    err.textContent = error || '';
    err.hidden = !error;
    $('token-input').value = '';
    $('token-input').focus();
  }

  function forgetToken(reason) {
    st.token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    st.tree = null; st.nodes = []; st.index = new Map();
    st.detail = null; st.jobs = null;
    closeConfirm(false);
    renderAll(); renderDetails(); renderJobs();
    askToken(reason);
  }

  $('token-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = $('token-input').value.trim();
    if (!v) { askToken('Enter the token.'); return; }
    st.token = v;
    sessionStorage.setItem(TOKEN_KEY, v);
    $('token-input').value = '';
    $('login').hidden = true;
    refresh();
  });
  $('forget').addEventListener('click', () => forgetToken(''));

  // ---------- messages ----------

  let messageTimer = null;
  function message(kind, text) {
    clearTimeout(messageTimer);
    if (kind === 'ok') messageTimer = setTimeout(() => { $('message').hidden = true; }, 15000);
    const m = $('message');
    m.dataset.kind = kind;
    $('message-text').textContent = text;
    m.hidden = false;
  }
  $('message-close').addEventListener('click', () => { $('message').hidden = true; });

  // ---------- refresh loop ----------

  async function refresh() {
    if (!st.token) return;
    if (st.inflight) { st.again = true; return; }
    st.inflight = true;
    clearTimeout(st.timer);
    try {
      const work = [loadTree()];
      if (st.selected) work.push(loadDetail());
      if (st.view === 'jobs') work.push(loadJobs());
      await Promise.all(work);
    } finally {
      st.inflight = false;
      if (st.again) { st.again = false; refresh(); } else schedule();
    }
  }

  function schedule() {
    clearTimeout(st.timer);
    if (!st.paused && st.token) st.timer = setTimeout(refresh, REFRESH_MS);
  }

  $('pause').addEventListener('click', () => {
    st.paused = !st.paused;
    $('pause').setAttribute('aria-pressed', String(st.paused));
    $('pause').textContent = st.paused ? 'Resume' : 'Pause';
    if (st.paused) clearTimeout(st.timer); else refresh();
    renderUpdated();
  });

  async function loadTree() {
    const r = await api('GET', '/ops/actors');
    if (r.auth) return;
    const conn = $('conn');
    if (!r.ok || !r.body || typeof r.body !== 'object') {
      conn.textContent = 'Tree unavailable: ' + describe(r);
      conn.hidden = false;
      return;
    }
    conn.hidden = true;
    st.tree = r.body;
    st.updated = new Date();
    indexTree();
    renderAll();
  }

  function indexTree() {
    st.nodes = [];
    st.index = new Map();
    const walk = (n, depth, parent) => {
      if (!n || typeof n !== 'object') return;
      st.nodes.push(n);
      st.index.set(n.path, { node: n, depth, parent });
      for (const c of kids(n)) walk(c, depth + 1, n.path);
    };
    walk(st.tree, 0, null);
  }

  const kids = (n) => (Array.isArray(n.children) ? n.children : []);

