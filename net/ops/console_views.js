  // ---------- top view ----------

  function topTable(testid, title, field, other, emptyText) {
    const counted = st.nodes.filter((n) => typeof n[field] === 'number');
    const top = counted.filter((n) => n[field] > 0)
      .sort((a, b) => b[field] - a[field] || String(a.path).localeCompare(String(b.path)))
      .slice(0, TOP_N);
    const card = el('section', { class: 'card', 'data-testid': testid }, el('h2', null, title));
    if (!top.length) {
      card.append(el('div', { class: 'empty muted' }, counted.length ? emptyText : 'No actor reports this yet.'));
      return card;
    }
    card.append(el('table', null,
      el('thead', null, el('tr', null, el('th', null, 'Actor'), el('th', null, 'Kind'), el('th', null, 'Status'),
        el('th', { class: 'num' }, field === 'mailbox' ? 'Mailbox' : 'Restarts'),
        el('th', { class: 'num' }, other === 'mailbox' ? 'Mailbox' : other === 'handled' ? 'Handled' : 'Restarts'))),
      el('tbody', null, top.map((n) => el('tr', { 'data-path': n.path, 'aria-selected': String(n.path === st.selected), title: n.path },
        el('td', { class: 'path' }, pathText(n.path)),
        el('td', null, n.kind || ''),
        el('td', null, statusBadges(n)),
        el('td', { class: 'num' }, el('b', null, String(n[field]))),
        el('td', { class: 'num' }, count(n[other])))))));
    return card;
  }

  function renderTop() {
    const box = $('top');
    if (!st.tree) { box.replaceChildren(el('div', { class: 'notice' }, 'Loading…')); return; }
    box.replaceChildren(el('div', { class: 'cards' },
      topTable('top-mailbox', 'Top ' + TOP_N + ' by mailbox', 'mailbox', 'handled', 'Every mailbox is empty.'),
      topTable('top-restarts', 'Top ' + TOP_N + ' by restarts', 'restarts', 'mailbox', 'No actor has restarted.')));
  }

  // ---------- breakers view ----------

  function renderBreakers() {
    const box = $('breakers');
    if (!st.tree) { box.replaceChildren(el('div', { class: 'notice' }, 'Loading…')); return; }
    const list = st.nodes.filter((n) => n.kind === 'breaker');
    if (!list.length) {
      box.replaceChildren(el('div', { class: 'notice' }, 'No circuit breaker in the tree. Tenants start on their first request.'));
      return;
    }
    box.replaceChildren(el('section', { class: 'card' },
      el('h2', null, list.length === 1 ? '1 circuit breaker' : list.length + ' circuit breakers'),
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'Breaker'), el('th', null, 'State'),
          el('th', { class: 'num wrap' }, 'Consecutive failures'), el('th', { class: 'num wrap' }, 'Total failures'),
          el('th', null, 'Opened at'), el('th', null, ''))),
        el('tbody', null, list.map((n) => {
          const s = (n.state && typeof n.state === 'object') ? n.state : {};
          return el('tr', { 'data-path': n.path, 'aria-selected': String(n.path === st.selected), title: n.path },
            el('td', { class: 'path' }, pathText(n.path)),
            el('td', null, el('span', { class: 'badge ' + breakerClass(s.breaker) }, s.breaker == null ? '—' : String(s.breaker))),
            el('td', { class: 'num' }, count(s.consecutive_failures)),
            el('td', { class: 'num' }, count(s.total_failures)),
            el('td', { class: 'mono' }, fmtTime(s.opened_at)),
            el('td', null, el('div', { class: 'btns' },
              el('button', { type: 'button', 'data-action': 'breaker-reset', onclick: () => confirmBreaker('reset', n.path) }, 'Reset'),
              el('button', { type: 'button', class: 'danger', 'data-action': 'breaker-open', onclick: () => confirmBreaker('open', n.path) }, 'Open'))));
        })))));
  }

  // rows of the top and breakers tables select their actor
  for (const id of ['top', 'breakers']) {
    $(id).addEventListener('click', (ev) => {
      if (ev.target.closest('button')) return;
      const tr = ev.target.closest('tr[data-path]');
      if (tr) select(tr.dataset.path);
    });
  }

  // ---------- jobs view ----------

  async function loadJobs() {
    const status = st.jobStatus;
    const r = await api('GET', '/ops/jobs?status=' + encodeURIComponent(status));
    if (r.auth || status !== st.jobStatus) return;
    if (r.status === 404) st.jobs = { unavailable: true };
    else if (!r.ok) st.jobs = { error: describe(r) };
    else st.jobs = { data: (r.body && Array.isArray(r.body.data)) ? r.body.data : [] };
    renderJobs();
  }

  function renderJobs() {
    const box = $('jobs');
    const j = st.jobs;
    if (!j) { box.replaceChildren(el('div', { class: 'notice' }, st.token ? 'Loading…' : '')); return; }
    if (j.unavailable) {
      box.replaceChildren(el('div', { class: 'notice', 'data-testid': 'jobs-unavailable' }, 'The job queue is not available on this server yet.'));
      return;
    }
    if (j.error) { box.replaceChildren(el('div', { class: 'notice error' }, 'Jobs could not be loaded: ' + j.error)); return; }
    if (!j.data.length) { box.replaceChildren(el('div', { class: 'notice' }, 'No ' + st.jobStatus + ' jobs.')); return; }
    box.replaceChildren(el('section', { class: 'card' },
      el('h2', null, j.data.length + ' ' + st.jobStatus + (j.data.length === 1 ? ' job' : ' jobs')),
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'Id'), el('th', null, 'Kind'), el('th', null, 'Status'),
          el('th', { class: 'num' }, 'Attempts'), el('th', null, 'Run at'), el('th', null, 'Last error'), el('th', null, ''))),
        el('tbody', null, j.data.map((job) => el('tr', { 'data-job': job.id },
          el('td', { class: 'mono' }, String(job.id)),
          el('td', null, job.kind == null ? '' : String(job.kind)),
          el('td', null, el('span', { class: 'badge ' + (job.status === 'done' ? 's-ok' : job.status === 'dead' ? 's-bad' : job.status === 'running' ? 's-warn' : '') }, String(job.status))),
          el('td', { class: 'num' }, String(job.attempts ?? '—') + ' / ' + String(job.max_attempts ?? '—')),
          el('td', { class: 'mono' }, fmtTime(job.run_at)),
          el('td', { class: 'err' }, job.last_error ? String(job.last_error) : ''),
          el('td', null, job.status === 'dead'
            ? el('div', { class: 'btns' }, el('button', { type: 'button', 'data-action': 'job-retry', onclick: () => confirmRetry(job.id) }, 'Retry'))
            : '')))))));
  }

  $('job-status').addEventListener('change', () => {
    st.jobStatus = $('job-status').value;
    st.jobs = null;
    renderJobs();
    loadJobs();
  });
  $('jobs-reload').addEventListener('click', () => loadJobs());

  async function confirmRetry(id) {
    if (!(await ask('Retry job?', 'The job goes back to the queue and runs again:', String(id), 'Retry'))) return;
    message('pending', 'Retrying job ' + id + '…');
    const r = await api('POST', '/ops/jobs/' + encodeURIComponent(id) + '/retry');
    if (r.auth) return;
    if (r.ok) message('ok', 'Retry job ' + id + ': ' + describe(r));
    else message('error', 'Retry job ' + id + ' failed: ' + describe(r));
    loadJobs();
  }

  // ---------- views ----------

  function showView(view) {
    st.view = view;
    for (const b of document.querySelectorAll('nav.tabs button')) b.setAttribute('aria-selected', String(b.dataset.view === view));
    for (const v of ['tree', 'top', 'breakers', 'jobs']) $('view-' + v).hidden = v !== view;
    // only the visible view holds rows, so a path appears once in the page
    if (view !== 'top') $('top').replaceChildren();
    if (view !== 'breakers') $('breakers').replaceChildren();
    renderAll();
    if (view === 'jobs') { renderJobs(); if (st.token) loadJobs(); }
  }
  for (const b of document.querySelectorAll('nav.tabs button')) b.addEventListener('click', () => showView(b.dataset.view));

  function renderSummary() {
    const s = $('summary');
    if (!st.tree) { s.textContent = ''; return; }
    const bad = st.nodes.filter((n) => n.status === 'failed' || n.status === 'stopped').length;
    const unresp = st.nodes.filter(isUnresponsive).length;
    const parts = [st.nodes.length + ' actors'];
    if (bad) parts.push(bad + ' failed/stopped');
    if (unresp) parts.push(unresp + ' unresponsive');
    s.textContent = parts.join(' · ');
  }

  function renderAll() {
    renderSummary();
    renderUpdated();
    if (st.view === 'tree') renderTree();
    else if (st.view === 'top') renderTop();
    else if (st.view === 'breakers') renderBreakers();
  }

  // ---------- details ----------

  function select(path) {
    if (st.selected !== path) {
      st.selected = path;
      const info = st.index.get(path);
      st.detail = info ? info.node : null;
      st.detailGone = false;
      st.detailError = null;
    }
    renderAll();
    renderDetails();
    loadDetail();
  }

  async function loadDetail() {
    const path = st.selected;
    if (!path) return;
    const seq = ++st.detailSeq;
    const r = await api('GET', actorUrl(path));
    if (r.auth || seq !== st.detailSeq || path !== st.selected) return;
    if (r.ok && r.body && typeof r.body === 'object') {
      st.detail = r.body;
      st.detailGone = false;
    } else if (r.status === 404) {
      st.detailGone = true;
    } else {
      st.detailError = describe(r);
    }
    if (r.ok || r.status === 404) st.detailError = null;
    renderDetails();
  }

  function renderDetails() {
    const box = $('details');
    const n = st.detail;
    if (!st.selected || !n) {
      box.replaceChildren(el('div', { class: 'd-empty' },
        st.selected ? 'Loading ' + st.selected + '…' : 'Select an actor to see its details.'));
      return;
    }
    const off = st.detailGone;
    const actions = [
      el('button', { type: 'button', id: 'action-restart', 'data-testid': 'action-restart', disabled: off,
        onclick: () => confirmActor('restart', n.path) }, 'Restart'),
      el('button', { type: 'button', id: 'action-stop', 'data-testid': 'action-stop', class: 'danger', disabled: off,
        onclick: () => confirmActor('stop', n.path) }, 'Stop'),
    ];
    if (n.kind === 'breaker') {
      actions.push(
        el('button', { type: 'button', id: 'action-breaker-reset', 'data-testid': 'action-breaker-reset', disabled: st.detailGone,
          onclick: () => confirmBreaker('reset', n.path) }, 'Reset breaker'),
        el('button', { type: 'button', id: 'action-breaker-open', 'data-testid': 'action-breaker-open', class: 'danger', disabled: st.detailGone,
          onclick: () => confirmBreaker('open', n.path) }, 'Open breaker'));
    }
    const field = (name, title, value) => [el('dt', null, title), el('dd', { 'data-field': name }, value)];
    const started = [fmtTime(n.started)];
    if (typeof n.started_ms === 'number') started.push(el('span', { class: 'muted' }, ' (up ' + age(n.started_ms) + ')'));
    const head = el('div', { class: 'd-head' },
      el('h2', null, el('span', null, label(n)), statusBadges(n),
        n.kind === 'breaker' && n.state && n.state.breaker != null
          ? el('span', { class: 'badge ' + breakerClass(n.state.breaker), 'data-field': 'breaker' }, 'breaker ' + n.state.breaker) : null),
      n.path !== '/' ? el('div', { class: 'd-path' }, pathText(n.path)) : null,
      el('div', { class: 'd-actions' }, actions),
      st.detailGone ? el('div', { class: 'd-gone' }, 'This actor is no longer in the tree (404). Showing its last known state.') : null,
      st.detailError ? el('div', { class: 'd-gone' }, 'Could not refresh: ' + st.detailError) : null);
    const body = el('div', { class: 'd-body' + (st.detailGone ? ' stale' : '') },
      el('dl', null,
        field('path', 'Path', el('span', { class: 'mono' }, pathText(n.path))),
        field('kind', 'Kind', n.kind || ''),
        field('status', 'Status', n.status || ''),
        field('started', 'Started', started),
        field('restarts', 'Restarts', n.restarts == null ? '—' : String(n.restarts)),
        field('mailbox', 'Mailbox', n.mailbox == null ? '— (not counted)' : String(n.mailbox)),
        field('handled', 'Handled', n.handled == null ? '— (not counted)' : String(n.handled)),
        field('last_exit_reason', 'Last exit reason', n.last_exit_reason ? String(n.last_exit_reason) : el('span', { class: 'muted' }, 'none')),
        field('responsive', 'Responsive', n.responsive === false ? el('span', { class: 'badge s-bad' }, 'no') : n.responsive === true ? 'yes' : '—')),
      el('h3', null, 'State'),
      el('pre', { class: 'json', 'data-field': 'state' }, jsonNodes(n.state === undefined ? null : n.state, 0)));
    const scroll = box.scrollTop;
    box.replaceChildren(head, body);
    box.scrollTop = scroll;
  }

  // ---------- actions ----------

  const ACTOR_ACTIONS = {
    restart: { title: 'Restart actor?', text: 'The actor is stopped and started again by its supervisor:', verb: 'Restart' },
    stop: { title: 'Stop actor?', text: 'The actor is stopped and not restarted:', verb: 'Stop' },
  };
  const BREAKER_ACTIONS = {
    reset: { title: 'Reset breaker?', text: 'The breaker closes and lets calls through again:', verb: 'Reset breaker' },
    open: { title: 'Open breaker?', text: 'The breaker opens and rejects calls until it is reset or its timeout passes:', verb: 'Open breaker' },
  };

  async function confirmActor(what, path) {
    const a = ACTOR_ACTIONS[what];
    if (!(await ask(a.title, a.text, path, a.verb))) return;
    // the server decides what cannot be done (it answers 409 for the root, addressed as /ops/actors//restart)
    await runAction(a.verb, path, '/ops/actors/' + segments(path) + '/' + what);
  }
  async function confirmBreaker(what, path) {
    const a = BREAKER_ACTIONS[what];
    if (!(await ask(a.title, a.text, path, a.verb))) return;
    await runAction(a.verb, path, '/ops/breakers/' + segments(path) + '/' + what);
  }

  async function runAction(verb, path, url) {
    message('pending', verb + ' ' + path + '…');
    const r = await api('POST', url);
    if (r.auth) return;
    if (r.ok) {
      message('ok', verb + ' ' + path + ': ' + describe(r));
      if (r.body && typeof r.body === 'object' && r.body.path === st.selected) {
        st.detail = r.body; st.detailGone = false; renderDetails();
      }
    } else {
      message('error', verb + ' ' + path + ' failed: ' + describe(r));
    }
    refresh();
  }

  // In-page confirmation; resolves true or false.
  let confirmResolve = null;
  function ask(title, text, target, verb) {
    closeConfirm(false);
    $('confirm-title').textContent = title;
    $('confirm-text').replaceChildren(text, el('span', { class: 'target' }, pathText(target)));
    $('confirm-yes').textContent = verb;
    $('confirm').hidden = false;
    $('confirm-no').focus();
    return new Promise((resolve) => { confirmResolve = resolve; });
  }
  function closeConfirm(answer) {
    $('confirm').hidden = true;
    const r = confirmResolve;
    confirmResolve = null;
    if (r) r(answer);
  }
  $('confirm-yes').addEventListener('click', () => closeConfirm(true));
  $('confirm-no').addEventListener('click', () => closeConfirm(false));
  $('confirm').addEventListener('click', (ev) => { if (ev.target === $('confirm')) closeConfirm(false); });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !$('confirm').hidden) closeConfirm(false); });

  // ---------- start ----------

  renderAll();
  if (st.token) refresh(); else askToken('');
