  // ---------- formatting ----------

  function statusClass(s) {
    if (s === 'running') return 's-ok';
    if (s === 'starting' || s === 'restarting' || s === 'stopping') return 's-warn';
    if (s === 'failed' || s === 'stopped') return 's-bad';
    return '';
  }
  // a stopped or failed actor cannot answer; only a live one that does not is unresponsive
  const isUnresponsive = (n) => n.responsive === false && n.status !== 'stopped' && n.status !== 'failed';
  function statusBadges(n) {
    const out = [el('span', { class: 'badge ' + statusClass(n.status) }, n.status || 'unknown')];
    if (isUnresponsive(n)) out.push(el('span', { class: 'badge s-bad', title: 'did not answer the inspection in time' }, 'unresponsive'));
    return out;
  }
  function breakerClass(s) {
    return s === 'closed' ? 's-ok' : s === 'half_open' ? 's-warn' : s === 'open' ? 's-bad' : '';
  }
  // a path as text with break opportunities after each slash
  function pathText(path) {
    const parts = String(path).split('/');
    return parts.map((p, i) => (i < parts.length - 1 ? [p + '/', el('wbr')] : p));
  }
  const label = (n) => (n.path === '/' ? '/' : (n.id || String(n.path).split('/').pop()));
  function count(v) {
    if (v == null) return el('span', { class: 'zero', title: 'not counted by this actor' }, '—');
    return el('span', { class: v === 0 ? 'zero' : null }, String(v));
  }
  function fmtTime(v) {
    if (v == null || v === '') return '—';
    if (typeof v === 'number') return new Date(v).toISOString();
    return String(v);
  }
  function age(ms) {
    if (typeof ms !== 'number' || !isFinite(ms)) return '';
    let s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    if (d) return d + 'd ' + h + 'h';
    if (h) return h + 'h ' + m + 'm';
    if (m) return m + 'm ' + s + 's';
    return s + 's';
  }
  function renderUpdated() {
    const u = $('updated');
    if (st.paused) u.textContent = 'paused';
    else u.textContent = st.updated ? 'updated ' + st.updated.toLocaleTimeString([], { hour12: false }) : '';
  }

  // JSON pretty-printer building spans (text only).
  function jsonNodes(v, indent) {
    const pad = '  '.repeat(indent);
    if (v === null) return [el('span', { class: 'j-null' }, 'null')];
    if (typeof v === 'string') return [el('span', { class: 'j-str' }, JSON.stringify(v))];
    if (typeof v === 'number') return [el('span', { class: 'j-num' }, String(v))];
    if (typeof v === 'boolean') return [el('span', { class: 'j-lit' }, String(v))];
    if (Array.isArray(v)) {
      if (!v.length) return ['[]'];
      const out = ['[\n'];
      v.forEach((x, i) => { out.push(pad + '  ', ...jsonNodes(x, indent + 1), i < v.length - 1 ? ',\n' : '\n'); });
      out.push(pad + ']');
      return out;
    }
    if (typeof v === 'object') {
      const keys = Object.keys(v);
      if (!keys.length) return ['{}'];
      const out = ['{\n'];
      keys.forEach((k, i) => {
        out.push(pad + '  ', el('span', { class: 'j-key' }, JSON.stringify(k)), ': ',
          ...jsonNodes(v[k], indent + 1), i < keys.length - 1 ? ',\n' : '\n');
      });
      out.push(pad + '}');
      return out;
    }
    return [String(v)];
  }

  // ---------- filter ----------

  function parseFilter(text) {
    const terms = text.trim().toLowerCase().split(/\s+/).filter(Boolean).map((t) => {
      const m = /^(kind|status|path):(.*)$/.exec(t);
      return m ? { field: m[1], value: m[2] } : { field: null, value: t };
    }).filter((t) => t.value !== '');
    return terms.length ? terms : null;
  }
  function statusWords(n) {
    const w = [String(n.status || '').toLowerCase()];
    if (isUnresponsive(n)) w.push('unresponsive');
    return w;
  }
  function matches(n, terms) {
    const path = String(n.path || '').toLowerCase();
    const kind = String(n.kind || '').toLowerCase();
    const status = statusWords(n);
    return terms.every(({ field, value }) => {
      if (field === 'kind') return kind.startsWith(value);
      if (field === 'status') return status.some((s) => s.startsWith(value));
      if (field === 'path') return path.includes(value);
      return path.includes(value) || kind.includes(value) || status.some((s) => s.includes(value));
    });
  }

  // ---------- tree view ----------

  function isOpen(path, depth, filtering) {
    if (filtering) return st.filterOpen.has(path) ? st.filterOpen.get(path) : true;
    return st.expanded.has(path) ? st.expanded.get(path) : depth <= OPEN_DEPTH;
  }

  function visibleRows() {
    const rows = [];
    if (!st.tree) return { rows, hits: 0 };
    const terms = parseFilter(st.filter);
    let keep = null;
    const hit = new Set();
    if (terms) {
      keep = new Set();
      for (const n of st.nodes) {
        if (!matches(n, terms)) continue;
        hit.add(n.path);
        for (let p = n.path; p != null && !keep.has(p); p = st.index.get(p) ? st.index.get(p).parent : null) keep.add(p);
      }
    }
    const walk = (n, depth) => {
      if (keep && !keep.has(n.path)) return;
      const children = kids(n).filter((c) => !keep || keep.has(c.path));
      const open = isOpen(n.path, depth, !!keep);
      rows.push({ n, depth, hasKids: children.length > 0, open, hit: hit.has(n.path), context: !!keep && !hit.has(n.path) });
      if (open) for (const c of children) walk(c, depth + 1);
    };
    walk(st.tree, 0);
    return { rows, hits: terms ? hit.size : -1 };
  }

  function renderTree() {
    const tree = $('tree');
    const { rows, hits } = visibleRows();
    const seen = new Set();
    const els = rows.map((r) => {
      const n = r.n;
      seen.add(n.path);
      let row = st.rowEls.get(n.path);
      if (!row) {
        row = el('div', { class: 'row tree-grid', role: 'treeitem' });
        row.dataset.path = n.path;
        st.rowEls.set(n.path, row);
      }
      row.classList.toggle('match', r.hit);
      row.classList.toggle('context', r.context);
      row.setAttribute('aria-selected', String(n.path === st.selected));
      row.setAttribute('aria-level', String(r.depth + 1));
      if (r.hasKids) row.setAttribute('aria-expanded', String(r.open)); else row.removeAttribute('aria-expanded');
      row.title = n.path;
      const twisty = r.hasKids
        ? el('button', { type: 'button', class: 'tw', tabindex: '-1', 'aria-label': r.open ? 'Collapse' : 'Expand', 'data-toggle': '' }, r.open ? '▾' : '▸')
        : el('span', { class: 'tw-none' });
      row.replaceChildren(
        el('span', { class: 'name', style: 'padding-left:' + (r.depth * 18) + 'px' }, twisty, el('span', { class: 'id' }, label(n))),
        el('span', { class: 'kind' }, n.kind || ''),
        el('span', { class: 'status' }, statusBadges(n)),
        el('span', { class: 'num' }, count(n.restarts)),
        el('span', { class: 'num' }, count(n.mailbox)),
      );
      return row;
    });
    for (const p of [...st.rowEls.keys()]) if (!st.index.has(p)) st.rowEls.delete(p);
    tree.replaceChildren(...els);
    if (!st.tree) tree.append(el('div', { class: 'notice' }, st.token ? 'Loading the actor tree…' : ''));
    else if (hits === 0) tree.append(el('div', { class: 'notice' }, 'No actor matches the filter.'));
    $('filter-count').textContent = hits < 0 ? '' : hits === 1 ? '1 match' : hits + ' matches';
  }

  function toggle(path) {
    const info = st.index.get(path);
    if (!info) return;
    const filtering = !!parseFilter(st.filter);
    const open = isOpen(path, info.depth, filtering);
    (filtering ? st.filterOpen : st.expanded).set(path, !open);
    renderTree();
  }

  $('tree').addEventListener('click', (ev) => {
    const row = ev.target.closest('.row');
    if (!row) return;
    if (ev.target.closest('[data-toggle]')) { toggle(row.dataset.path); return; }
    select(row.dataset.path);
  });
  $('tree').addEventListener('dblclick', (ev) => {
    const row = ev.target.closest('.row');
    if (row && !ev.target.closest('[data-toggle]')) toggle(row.dataset.path);
  });
  $('tree').addEventListener('keydown', (ev) => {
    const rows = [...$('tree').querySelectorAll('.row')];
    if (!rows.length) return;
    let i = rows.findIndex((r) => r.dataset.path === st.selected);
    const path = i >= 0 ? rows[i].dataset.path : null;
    if (ev.key === 'ArrowDown') i = Math.min(rows.length - 1, i + 1);
    else if (ev.key === 'ArrowUp') i = Math.max(0, i - 1);
    else if ((ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') && path) {
      const expanded = rows[i].getAttribute('aria-expanded');
      if ((ev.key === 'ArrowRight') === (expanded === 'false')) toggle(path);
      ev.preventDefault();
      return;
    } else return;
    ev.preventDefault();
    select(rows[i].dataset.path);
    rows[i].scrollIntoView({ block: 'nearest' });
  });

  function setFilter(text) {
    const was = !!parseFilter(st.filter);
    st.filter = text;
    st.filterOpen.clear();
    if (was && !parseFilter(text) && st.selected) {
      // leaving a filter: keep the selected actor in sight
      for (let p = st.index.get(st.selected) && st.index.get(st.selected).parent; p != null; p = st.index.get(p) ? st.index.get(p).parent : null) {
        st.expanded.set(p, true);
      }
      renderTree();
      const row = st.rowEls.get(st.selected);
      if (row && row.isConnected) row.scrollIntoView({ block: 'nearest' });
      return;
    }
    renderTree();
  }
  $('filter').addEventListener('input', () => setFilter($('filter').value));
  $('filter').addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { $('filter').value = ''; setFilter(''); }
  });
  $('expand-all').addEventListener('click', () => {
    const m = parseFilter(st.filter) ? st.filterOpen : st.expanded;
    for (const n of st.nodes) if (kids(n).length) m.set(n.path, true);
    renderTree();
  });
  $('collapse-all').addEventListener('click', () => {
    const m = parseFilter(st.filter) ? st.filterOpen : st.expanded;
    for (const n of st.nodes) if (kids(n).length && n.path !== '/') m.set(n.path, false);
    renderTree();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)
        && $('confirm').hidden && $('login').hidden) {
      ev.preventDefault();
      showView('tree');
      $('filter').focus();
    }
  });

