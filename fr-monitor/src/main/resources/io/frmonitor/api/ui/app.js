// fr-monitor dashboard: everything comes from /ws/metrics (snapshot, then deltas as JSON Merge
// Patches, then events) and, for history and searches, the REST API. One card per topic, built by
// cards.js from the server's list; here are the renderers of the custom ones. Unknown values show
// as "—", never as 0; a stale topic keeps its last values, greyed, with a "stale" badge.
(() => {
  'use strict';
  const TOKEN_KEY = 'frmonitor.token';
  const MAX_POINTS = 2000;
  const MAX_TRANSITIONS = 30;
  const tokenRequired = document.body.dataset.tokenRequired === 'true';
  const state = {};
  let token = sessionStorage.getItem(TOKEN_KEY) || '';
  let socket = null;
  let lastSeq = 0;
  let retries = 0;

  const { known, esc, num, pct, int, bytes, rate, duration, time, status } = window.frCards.fmt;
  const cards = window.frCards.build(document.getElementById('cards'));
  const $ = (id) => document.getElementById(id);
  // the alerts panel leads the cards: where to look first when something is wrong
  if ($('alerts')) $('cards').prepend($('alerts'));
  window.frStrip.build($('strip-items'));
  const setText = (id, text) => { $(id).textContent = text; };
  const rows = (id, html) => { $(id).innerHTML = html.join(''); };
  const cells = (values) => `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;

  // ---- access -----------------------------------------------------------------------------
  function headers() {
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** A REST call; a refusal throws an Error whose message is the API's reason and status. */
  async function api(path, init = {}) {
    const response = await fetch(path, { ...init, headers: { ...headers(), ...(init.headers || {}) } });
    if (response.status === 401) {
      askForToken(token ? 'The token was refused.' : '');
      throw new Error('unauthorized');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(`${path}: ${body.message ? `${body.message} ` : ''}(HTTP ${response.status})`);
    }
    return response.json();
  }

  function askForToken(message) {
    setConnection('unauthorized');
    $('token-form').hidden = false;
    setText('token-error', message);
    $('token-input').focus();
  }

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    token = $('token-input').value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token-form').hidden = true;
    start();
  });

  // ---- the feed ---------------------------------------------------------------------------
  /** RFC 7386: null removes a member; objects merge; anything else replaces. */
  function mergePatch(target, patch) {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
    const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = mergePatch(out[key], value);
    }
    return out;
  }

  function setConnection(status) {
    const badge = $('connection');
    badge.dataset.state = status;
    badge.textContent = status;
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    socket = new WebSocket(`${scheme}://${location.host}/ws/metrics${query}`);
    socket.onopen = () => { retries = 0; setConnection('live'); };
    socket.onmessage = (m) => receive(JSON.parse(m.data));
    socket.onclose = () => {
      setConnection('reconnecting');
      reconnectLater();
    };
  }

  /**
   * Tries again with back-off (0.5 s doubling to 10 s), for as long as it takes: first over HTTP,
   * which tells a refused token (then the token form is shown and nothing more is tried) from a
   * server that is away.
   */
  function reconnectLater() {
    const delay = Math.min(10000, 500 * 2 ** retries);
    retries += 1;
    setTimeout(() => api('/metrics/system').then(connect, (e) => {
      if (e.message !== 'unauthorized') reconnectLater();
    }), delay);
  }

  function receive(message) {
    if (message.type !== 'snapshot' && message.seq !== lastSeq + 1) {
      socket.send(JSON.stringify({ type: 'resync' }));
    }
    lastSeq = message.seq;
    setText('updated', `updated ${time(message.timestamp)}`);
    if (message.type === 'snapshot') {
      Object.assign(state, message.data);
      Object.keys(message.data).forEach(render);
    } else if (message.type === 'delta') {
      for (const [topic, patch] of Object.entries(message.data)) {
        state[topic] = mergePatch(state[topic], patch);
        render(topic);
      }
    } else if (message.type === 'event') {
      onEvent(message.event);
    }
    if (message.type !== 'event') window.frStrip.update(state, offReason);
  }

  /** Why the card of `topic` is off (its collectors are disabled), or null. */
  const offReason = (topic) => (cards[topic] ? disabledReason(cards[topic]) : null);

  /**
   * Why a card's topic is switched off: every collector that publishes one of its families is
   * disabled (their reasons), else null.
   */
  function disabledReason(card) {
    const collectors = Object.values(((state.collectors || {}).collectors) || {})
      .filter((c) => (c.families || []).some((f) => card.families.includes(f)));
    const off = collectors.filter((c) => c.status === 'disabled');
    return collectors.length && off.length === collectors.length
      ? off.map((c) => c.last_error || 'disabled').join('; ') : null;
  }

  function render(topic) {
    const data = state[topic];
    const card = cards[topic];
    const el = document.getElementById(topic);
    if (!data || !card || !el) return;
    // a disabled collector has no data by design: nothing to call stale; say it is off instead
    const off = disabledReason(card);
    el.classList.toggle('stale', data.stale === true && !off);
    el.classList.toggle('disabled', off !== null);
    let note = el.querySelector('.off-note');
    if (off && !note) {
      note = document.createElement('p');
      note.className = 'off-note muted';
      el.querySelector('h2').after(note);
    }
    if (note) note.textContent = off ? `collector off: ${off}` : '';
    (renderers[topic] || window.frCards.generic(card))(data);
    if (topic === 'collectors') Object.keys(cards).forEach((t) => { if (t !== topic && state[t]) render(t); });
  }

  // ---- charts -----------------------------------------------------------------------------
  const charts = {};
  function chart(id, title, series, format) {
    const el = $(id);
    const opts = {
      title,
      width: Math.max(280, el.clientWidth || 300),
      height: 180,
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, value: (u, v) => format(v) }))],
      axes: [{}, { values: (u, vals) => vals.map(format), size: 70 }],
    };
    const data = [[], ...series.map(() => [])];
    const plot = new uPlot(opts, data, el);
    charts[id] = { plot, data };
    new ResizeObserver(() => {
      if (el.clientWidth > 0) plot.setSize({ width: el.clientWidth, height: 180 });
    }).observe(el);
  }

  function addPoint(id, tsMs, values) {
    const c = charts[id];
    if (!c || !known(tsMs)) return;
    const x = tsMs / 1000;
    const xs = c.data[0];
    if (xs.length && xs[xs.length - 1] >= x) return;
    xs.push(x);
    values.forEach((v, i) => c.data[i + 1].push(known(v) ? v : null));
    if (xs.length > MAX_POINTS) c.data.forEach((a) => a.shift());
    c.plot.setData(c.data);
  }

  function setHistory(id, columns) {
    const c = charts[id];
    if (!c) return;
    c.data.splice(0, c.data.length, ...columns);
    c.plot.setData(c.data);
  }

  /** Loads the history window for the host charts, aligned on the cpu series' timestamps. */
  async function loadHistory() {
    const list = await api('/history');
    const wanted = list.series.filter((s) => /^system\.(cpu_percent|mem_percent|disk_percent|network_[rt]x_bytes_per_sec:.*)$/.test(s));
    if (!wanted.length) return;
    const h = await api(`/history?series=${encodeURIComponent(wanted.join(','))}`);
    const byTime = (name) => new Map((h.series[name] || []).map(([t, v]) => [t, v]));
    const stamps = Object.values(h.series).flat().map(([t]) => t);
    if (h.restored) {
      // the service was down in between: a point of no value there breaks the lines (a gap,
      // never a line drawn across it)
      stamps.push(h.restored.gap.from + 1);
      const note = $('history-restored');
      note.textContent = `History restored from ${h.restored.source} up to ${time(h.restored.up_to)}; `
        + `no data from ${time(h.restored.gap.from)} to ${time(h.restored.gap.to)} (fr-monitor was not running).`;
      note.hidden = false;
    }
    const times = [...new Set(stamps)].sort((a, b) => a - b);
    const col = (name) => { const m = byTime(name); return times.map((t) => (m.has(t) ? m.get(t) : null)); };
    const sum = (prefix) => {
      const names = wanted.filter((n) => n.startsWith(prefix));
      const maps = names.map(byTime);
      return times.map((t) => (maps.some((m) => m.has(t)) ? maps.reduce((a, m) => a + (m.get(t) || 0), 0) : null));
    };
    const xs = times.map((t) => t / 1000);
    setHistory('chart-cpu', [xs, col('system.cpu_percent')]);
    setHistory('chart-mem', [xs, col('system.mem_percent')]);
    setHistory('chart-disk', [xs, col('system.disk_percent')]);
    setHistory('chart-net', [xs, sum('system.network_rx'), sum('system.network_tx')]);
  }

  // ---- renderers --------------------------------------------------------------------------
  const sumOf = (list, key) => (list && list.length ? list.reduce((a, x) => a + (x[key] || 0), 0) : null);

  const renderers = {
    // the API may be used when the page has the token, or when the API is open
    alerts: window.frAlerts.panel(api, () => !tokenRequired || token !== ''),
    collectors(d) {
      const entries = Object.entries(d.collectors || {});
      rows('collectors-rows', entries.map(([name, c]) => cells([
        esc(name), `<span class="status-${esc(c.status)}">${esc(c.status)}</span>`,
        time(c.last_success), esc(c.last_error || '')])));
    },
    system(d) {
      setText('cpu-value', pct(d.cpu_percent));
      setText('mem-value', pct(d.mem_percent));
      setText('disk-value', pct(d.disk_percent));
      setText('load-value', d.load_average ? d.load_average.map((v) => num(v, 2)).join(' ') : '—');
      const rx = sumOf(d.network, 'rx_bytes_per_sec');
      const tx = sumOf(d.network, 'tx_bytes_per_sec');
      setText('rx-value', rate(rx));
      setText('tx-value', rate(tx));
      if (!d.stale) {
        addPoint('chart-cpu', d.timestamp, [d.cpu_percent]);
        addPoint('chart-mem', d.timestamp, [d.mem_percent]);
        addPoint('chart-disk', d.timestamp, [d.disk_percent]);
        addPoint('chart-net', d.timestamp, [rx, tx]);
      }
    },
    gpu(d) {
      // a disabled collector is said once, by the card's "collector off" line
      setText('gpu-status', d.status === 'ok' ? `${(d.gpus || []).length} GPU(s) via ${d.source}`
        : d.status === 'disabled' ? '' : `${d.status}${d.reason ? `: ${d.reason}` : ''}`);
      $('gpu-cards').innerHTML = (d.gpus || []).map((g) => `<div class="gpu-card"><strong>${esc(g.index)}: ${esc(g.name)}</strong>
        <div>utilisation ${pct(g.utilization_percent)}</div>
        <div>memory ${bytes(g.memory_used_bytes)} / ${bytes(g.memory_total_bytes)}</div>
        <div>${num(g.temperature_celsius, 0)} °C · ${num(g.power_watts, 0)} / ${num(g.power_limit_watts, 0)} W</div>
        <div class="muted">${(g.processes || []).length} process(es)</div></div>`).join('');
    },
    storage(d) {
      const yesNo = (v) => (known(v) ? (v ? 'yes' : 'NO') : '—');
      setText('storage-live', d.minio === false ? 'plain S3' : yesNo(d.live));
      setText('storage-cluster', yesNo(d.cluster_healthy));
      setText('storage-latency', known(d.probe_latency_ms) ? `${num(d.probe_latency_ms)} ms` : '—');
      setText('storage-free', d.capacity ? bytes(d.capacity.usable_free_bytes) : '—');
      rows('storage-rows', (d.buckets || []).map((b) => cells([
        esc(b.name), int(b.objects), bytes(b.bytes), int(b.orphaned_frames),
        esc(b.error || (b.truncated ? 'listing truncated' : ''))])));
    },
    clients(d) {
      const states = d.states || {};
      $('client-states').innerHTML = ['active', 'paused', 'blocked', 'internet_error', 'deactivated', 'listed']
        .map((s) => `<div class="tile"><span class="label">${s.replace('_', ' ')}</span><span class="value" id="clients-${s}">${int(states[s])}</span></div>`)
        .join('') + `<div class="tile"><span class="label">total</span><span class="value" id="clients-total">${int(d.total_clients)}</span></div>`;
      const a = d.anomalies || {};
      setText('client-anomalies', a.blocked_and_active_total || a.active_after_block_total
        ? `blocked but active: ${a.blocked_and_active_total || 0} · active 30 s after block: ${a.active_after_block_total || 0}` : '');
      scheduleClientSearch();
    },
    pipelines(d) {
      $('pipelines-notes').innerHTML = window.frCards.notesHtml(d.unobservable)
        + window.frCards.notesHtml(d.caveats);
      setText('frames-accepted-rate', num(d.frames_accepted_per_sec));
      setText('frames-rate', num(d.frames_per_sec));
      setText('frames-total', int(d.frames_total));
      setText('frames-waiting', int(d.frames_waiting));
      setText('frames-unrouted', int(d.frames_unrouted_total)
        + (d.frames_unrouted_margin > 0 ? ` ± ${int(d.frames_unrouted_margin)}` : ''));
      setText('frames-malformed', int(d.malformed_total));
      rows('routing-rows', (d.routing || []).map((r) => cells([
        esc(r.pipeline_id), num(r.frames_per_sec), int(r.frames_total), int(r.clients),
        r.has_worker === false ? '<span class="status-down">none</span>' : (r.has_worker ? 'yes' : '—')])));
      rows('worker-rows', (d.workers || []).map((w) => cells([
        esc(w.pipeline_id), status(w.status), int(w.face_consumers),
        int(w.phone_consumers), int(w.face_depth), int(w.phone_depth)])));
      rows('result-rows', (d.pipelines || []).map((p) => cells([
        esc(p.id), esc(p.source), num(p.results_per_sec), int(p.results_total),
        known(p.success_ratio) ? pct(p.success_ratio * 100) : '—',
        known(p.outcomes) ? esc(Object.entries(p.outcomes).map(([k, v]) => `${k} ${v}`).join(' · '))
          : '<span class="muted">unknown (see above)</span>'])));
      const spans = Object.entries(d.latency_ms || {});
      (d.pipelines || []).forEach((p) => { if (p.latency_ms) spans.push([`${p.id} result`, p.latency_ms]); });
      rows('latency-rows', spans.map(([name, l]) => cells([
        esc(name), esc(l.window), num(l.p50, 0), num(l.p95, 0), num(l.p99, 0), num(l.max, 0)])));
    },
    queues(d) {
      setText('queues-tracing', d.tracing === true ? 'The vhost is traced: the firehose sees every message.'
        : (d.tracing === false ? 'The vhost is not traced (no firehose).' : ''));
      rows('queue-rows', (d.queues || []).map((q) => cells([
        q.own ? `${esc(q.name)} <span class="muted">(fr-monitor)</span>` : esc(q.name),
        int(q.ready), int(q.unacked), int(q.depth), int(q.consumers),
        num(q.publish_per_sec), num(q.ack_per_sec), num(q.redeliver_per_sec), drain(q)])));
    },
  };

  /**
   * Time to drain; for a queue that is not shrinking, whether its consumers keep up with what
   * arrives (a steady few in flight) or not (red: the backlog stays or grows).
   */
  function drain(q) {
    if (!known(q.depth) || q.depth === 0 || known(q.drain_eta_seconds)) return duration(q.drain_eta_seconds);
    const keepingUp = q.ack_per_sec > 0 && q.ack_per_sec >= 0.9 * (q.publish_per_sec || 0);
    return keepingUp ? '<span class="muted">keeping up</span>' : '<span class="status-down">not draining</span>';
  }

  // ---- clients table and transitions --------------------------------------------------------
  let searchTimer = null;
  function scheduleClientSearch() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(searchClients, 250);
  }
  async function searchClients() {
    const q = $('client-search').value.trim();
    try {
      const d = await api(`/metrics/clients?limit=100&q=${encodeURIComponent(q)}`);
      rows('client-rows', (d.clients || []).map((c) => cells([esc(c.name), esc(c.state), esc((c.flags || []).join(', '))])));
      setText('client-matched', known(d.matched) ? `${int(d.matched)} matching` : '');
    } catch (e) { /* shown by the token form or the connection badge */ }
  }
  $('client-search').addEventListener('input', scheduleClientSearch);

  function onEvent(e) {
    if (e.kind !== 'client_state_change') return;
    const li = document.createElement('li');
    li.textContent = `${time(e.timestamp)} ${e.client}: ${e.from} → ${e.to}`;
    const list = $('transitions');
    list.prepend(li);
    while (list.children.length > MAX_TRANSITIONS) list.lastChild.remove();
  }

  async function loadTransitions() {
    const d = await api(`/metrics/actions?kind=client_state_change&limit=${MAX_TRANSITIONS}`);
    $('transitions').innerHTML = '';
    d.events.slice().reverse().forEach(onEvent);
  }

  // ---- start ------------------------------------------------------------------------------
  chart('chart-cpu', 'CPU %', [{ label: 'cpu', color: '#1565c0' }], (v) => (known(v) ? `${v.toFixed(0)}%` : '—'));
  chart('chart-mem', 'Memory %', [{ label: 'memory', color: '#6a1b9a' }], (v) => (known(v) ? `${v.toFixed(0)}%` : '—'));
  chart('chart-disk', 'Disk / %', [{ label: 'disk', color: '#00838f' }], (v) => (known(v) ? `${v.toFixed(0)}%` : '—'));
  chart('chart-net', 'Network', [{ label: 'in', color: '#2e7d32' }, { label: 'out', color: '#ef6c00' }], (v) => (known(v) ? rate(v) : '—'));

  async function start() {
    try {
      await loadHistory();
      await loadTransitions();
    } catch (e) {
      if (e.message === 'unauthorized') return;
    }
    connect();
  }

  if (tokenRequired && !token) askForToken('');
  else start();
})();
