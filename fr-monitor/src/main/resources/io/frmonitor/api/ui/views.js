// fr-monitor dashboard: the drill-down pages, one per client, pipeline worker and queue, at deep
// links that survive a reload: #/client/<name>, #/pipeline/<id>, #/queue/<name>. Any other hash is
// the overview (and its anchors, such as #queues). A page's values come from the live topics and the
// REST API; its charts from /history, kept live like the overview's.
(() => {
  'use strict';
  const { known, esc, num, pct, int, duration, time, status, cells, link } = window.frCards.fmt;
  const feed = window.frFeed;
  const $ = (id) => document.getElementById(id);
  const STATE_ICONS = { active: '●', paused: '❚❚', blocked: '✖', internet_error: '⚠', deactivated: '○', listed: '…', none: '–' };
  let current = null;

  const tile = (label, value, id) => `<div class="tile"><span class="label">${esc(label)}</span><span class="value"${id ? ` id="${id}"` : ''}>${value}</span></div>`;
  const stateWord = (s) => `<span class="client-state state-${esc(s)}"><span aria-hidden="true">${STATE_ICONS[s] || '•'}</span> ${esc(String(s).replace('_', ' '))}</span>`;
  const chartBox = (id) => `<div class="chart" id="${id}"></div>`;

  // ---- client -------------------------------------------------------------------------------
  /** The client's state over the events known: segments, oldest first, the last one still open. */
  function segments(transitions, now) {
    return transitions.map((e, i) => ({
      state: e.to, from: e.timestamp, to: i + 1 < transitions.length ? transitions[i + 1].timestamp : now,
    })).filter((s) => s.to > s.from || s.to === now);
  }

  const CLIENT = {
    topics: ['clients', 'pipelines'],
    async open(name) {
      const [list, log] = await Promise.all([
        feed.api(`/metrics/clients?q=${encodeURIComponent(name)}&limit=1000`),
        feed.api(`/metrics/actions?client=${encodeURIComponent(name)}`),
      ]);
      const events = log.events.filter((e) => e.client === name);
      return { name, client: (list.clients || []).find((c) => c.name === name) || null, events, frames: [] };
    },
    title: (v) => `Client ${v.name}`,
    body: () => `<div class="tiles" id="view-tiles"></div><p id="view-anomalies" class="warn"></p>
      <h3>State over time</h3><div id="client-bar" class="state-bar" role="img"></div>
      <table class="compact"><thead><tr><th>state</th><th>time in it</th><th>times entered</th></tr></thead><tbody id="client-dwell"></tbody></table>
      <div class="charts">${chartBox('view-chart-frames')}</div>
      <h3>Recent events</h3><ul id="client-events" class="events"></ul>`,
    mount(v) {
      v.chart = window.frCharts.create($('view-chart-frames'), { title: 'Frames/s (since this page opened)', unit: 'per_sec' });
    },
    onEvent(v, e) {
      if (e.client !== v.name) return;
      v.events.unshift(e);
      CLIENT.render(v);
    },
    render(v) {
      const entry = ((feed.state.pipelines || {}).clients || []).find((c) => c.name === v.name);
      const c = v.client;
      const transitions = v.events.filter((e) => e.kind === 'client_state_change').slice().reverse();
      const lastChange = transitions[transitions.length - 1];
      const now = feed.serverNow();
      $('view-tiles').innerHTML = tile('state', c ? stateWord(c.state) : 'not in Clients_status', 'view-client-state')
        + tile('flags', c ? esc(c.flags.join(', ') || '—') : '—')
        + tile('since', lastChange ? `${time(lastChange.timestamp)} (${duration((now - lastChange.timestamp) / 1000)})` : 'before the events kept')
        + tile('frames/s', entry ? num(entry.frames_per_sec) : '—', 'view-client-frames')
        + tile('frames', entry ? int(entry.frames_total) : '—')
        + tile('pipelines hit', entry && entry.pipelines ? entry.pipelines.map((p) => link('pipeline', p)).join(' ') || 'none' : '—', 'view-client-pipelines');
      const a = (feed.state.clients || {}).anomalies || {};
      $('view-anomalies').textContent = (a.active_after_block || []).includes(v.name) ? 'Blocked, yet still active after 30 s (a stale entry the fr-server left).'
        : (a.blocked_and_active || []).includes(v.name) ? 'Blocked and still active (normally brief: the gateway closes it on its next frame).' : '';
      const segs = segments(transitions, now);
      const span = segs.length ? now - segs[0].from : 0;
      $('client-bar').innerHTML = segs.map((s) => `<span class="seg state-${esc(s.state)}" style="flex-grow:${Math.max(1, s.to - s.from)}"`
        + ` title="${esc(s.state)} from ${time(s.from)} for ${duration((s.to - s.from) / 1000)}">${esc(s.state.replace('_', ' '))}</span>`).join('')
        || '<span class="muted">no state change among the events kept</span>';
      $('client-bar').setAttribute('aria-label', segs.map((s) => `${s.state} for ${duration((s.to - s.from) / 1000)}`).join(', ') || 'no state change');
      const dwell = {};
      segs.forEach((s) => { const d = dwell[s.state] || (dwell[s.state] = { ms: 0, n: 0 }); d.ms += s.to - s.from; d.n += 1; });
      $('client-dwell').innerHTML = Object.entries(dwell).map(([s, d]) => cells([stateWord(s), `${duration(d.ms / 1000)} (${pct(span ? (100 * d.ms) / span : null)})`, int(d.n)])).join('');
      $('client-events').innerHTML = v.events.slice(0, 50).map((e) => `<li>${time(e.timestamp)} ${window.frTimeline.describe(e)}</li>`).join('')
        || '<li class="muted">none kept</li>';
      const stamp = (feed.state.pipelines || {}).timestamp;
      if (entry && known(stamp) && (!v.frames.length || v.frames[v.frames.length - 1][0] < stamp)) v.frames.push([stamp, entry.frames_per_sec]);
      const from = Math.min(now - 60000, v.frames.length ? v.frames[0][0] : now);
      v.chart.draw({ xs: v.frames.map((p) => p[0]), from, to: now, lines: [{ label: v.name, values: v.frames.map((p) => p[1]) }] },
        entry ? '' : 'the frame tap has seen no frame of this client');
    },
  };

  // ---- pipeline worker ---------------------------------------------------------------------
  const queuesOf = (id) => [`PipeLine_${id}_face_data`, `PipeLine_${id}_phone_data`];
  const PIPELINE = {
    topics: ['pipelines', 'queues'],
    async open(id) { return { id: Number(id), name: id }; },
    title: (v) => `Pipeline ${v.name}`,
    body: (v) => `<div class="tiles" id="view-tiles"></div><div class="notes" id="view-notes"></div>
      <div class="charts">${chartBox('view-chart-frames')}${chartBox('view-chart-depth')}${chartBox('view-chart-consumers')}</div>
      <h3>Its queues</h3><table><thead><tr><th>queue</th><th>depth</th><th>consumers</th><th>in/s</th><th>ack/s</th><th>time to drain</th></tr></thead><tbody id="view-queues"></tbody></table>
      <h3>Results of its type (the results name no worker: all workers' together)</h3>
      <table><thead><tr><th>type</th><th>results/s</th><th>success</th><th>outcomes</th><th>p50 / p95 / p99 ms</th></tr></thead><tbody id="view-results"></tbody></table>
      <h3>Its clients</h3><p id="view-clients"></p>`,
    mount(v) {
      const [face, phone] = queuesOf(v.id);
      v.tracked = [
        window.frTrends.track($('view-chart-frames'), { id: 'view-frames', title: `Frames/s to pipeline ${v.id}`, unit: 'per_sec', topic: 'pipelines',
          series: [`pipelines.frames_per_sec:${v.id}`], match: /^pipelines\.frames_per_sec:(.+)$/, label: () => 'frames/s' }),
        window.frTrends.track($('view-chart-depth'), { id: 'view-depth', title: 'Backlog', unit: 'count', topic: 'queues',
          series: [`queues.depth:${face}`, `queues.depth:${phone}`], match: /^queues\.depth:(.+)$/, label: (m) => m[1] }),
        window.frTrends.track($('view-chart-consumers'), { id: 'view-consumers', title: 'Consumers', unit: 'count', topic: 'queues',
          series: [`queues.consumers:${face}`, `queues.consumers:${phone}`], match: /^queues\.consumers:(.+)$/, label: (m) => m[1] }),
      ];
    },
    render(v) {
      const p = feed.state.pipelines || {};
      const r = (p.routing || []).find((x) => x.pipeline_id === v.id) || {};
      const w = (p.workers || []).find((x) => x.pipeline_id === v.id) || {};
      $('view-tiles').innerHTML = tile('worker', status(w.status), 'view-worker-status') + tile('has worker', r.has_worker === false ? '<span class="status-down">✖ none</span>' : r.has_worker ? 'yes' : '—')
        + tile('frames/s', num(r.frames_per_sec)) + tile('frames', int(r.frames_total)) + tile('clients (5 min)', int(r.clients))
        + tile('face consumers', int(w.face_consumers)) + tile('phone consumers', int(w.phone_consumers));
      $('view-notes').innerHTML = r.has_worker === false ? '<p class="note">No worker queue exists for this pipeline: the frames routed to it are lost.</p>' : '';
      const qs = ((feed.state.queues || {}).queues || []).filter((q) => queuesOf(v.id).includes(q.name));
      $('view-queues').innerHTML = qs.map((q) => cells([link('queue', q.name), int(q.depth), int(q.consumers),
        num(q.publish_per_sec), num(q.ack_per_sec), duration(q.drain_eta_seconds)])).join('') || cells(['none of its queues exists', '', '', '', '', '']);
      $('view-results').innerHTML = (p.pipelines || []).map((x) => cells([esc(x.id), num(x.results_per_sec),
        known(x.success_ratio) ? pct(x.success_ratio * 100) : '—',
        known(x.outcomes) ? esc(Object.entries(x.outcomes).map(([k, n]) => `${k} ${n}`).join(' · ')) : `<span class="muted">${esc((p.unobservable || {}).outcomes || 'unknown')}</span>`,
        x.latency_ms ? `${num(x.latency_ms.p50, 0)} / ${num(x.latency_ms.p95, 0)} / ${num(x.latency_ms.p99, 0)}` : '—'])).join('');
      const clients = (p.clients || []).filter((c) => (c.pipelines || []).includes(v.id)).map((c) => link('client', c.name));
      $('view-clients').innerHTML = clients.join(' · ') || '<span class="muted">none seen</span>';
    },
  };

  // ---- queue --------------------------------------------------------------------------------
  const QUEUE = {
    topics: ['queues'],
    async open(name) { return { name }; },
    title: (v) => `Queue ${v.name}`,
    body: () => `<div class="tiles" id="view-tiles"></div>
      <div class="charts">${chartBox('view-chart-depth')}${chartBox('view-chart-rates')}${chartBox('view-chart-eta')}</div>`,
    mount(v) {
      const n = v.name;
      v.tracked = [
        window.frTrends.track($('view-chart-depth'), { id: 'view-depth', title: 'Depth', unit: 'count', topic: 'queues',
          series: [`queues.depth:${n}`, `queues.ready:${n}`], match: /^queues\.(depth|ready):/, label: (m) => m[1] }),
        window.frTrends.track($('view-chart-rates'), { id: 'view-rates', title: 'Messages/s', unit: 'per_sec', topic: 'queues',
          series: [`queues.publish_per_sec:${n}`, `queues.ack_per_sec:${n}`], match: /^queues\.(publish|ack)_per_sec:/, label: (m) => (m[1] === 'publish' ? 'in' : 'acked') }),
        window.frTrends.track($('view-chart-eta'), { id: 'view-eta', title: 'Time to drain', unit: 'seconds', topic: 'queues',
          series: [`queues.depth:${n}`, `queues.publish_per_sec:${n}`, `queues.ack_per_sec:${n}`],
          match: /^queues\.(depth|publish_per_sec|ack_per_sec):/, label: (m) => m[1], derive: drainEta,
          why: () => 'it drains only while acks outpace arrivals' }),
      ];
    },
    render(v) {
      const q = ((feed.state.queues || {}).queues || []).find((x) => x.name === v.name);
      $('view-tiles').innerHTML = !q ? tile('queue', 'not listed now')
        : tile('depth', int(q.depth), 'view-queue-depth') + tile('ready', int(q.ready)) + tile('unacked', int(q.unacked)) + tile('consumers', int(q.consumers))
          + tile('in/s', num(q.publish_per_sec)) + tile('ack/s', num(q.ack_per_sec)) + tile('redelivered/s', num(q.redeliver_per_sec))
          + tile('time to drain', duration(q.drain_eta_seconds));
    },
  };

  /** Depth over (acks − arrivals) where positive: when it would be empty at the rates then. */
  function drainEta(lines) {
    const by = Object.fromEntries(lines.map((l) => [l.label, l.values]));
    const depth = by.depth || [];
    return [{ label: 'time to drain', values: depth.map((d, i) => {
      const net = ((by.ack_per_sec || [])[i] || 0) - ((by.publish_per_sec || [])[i] || 0);
      return known(d) && net > 0 ? d / net : null;
    }) }];
  }

  // ---- routing ------------------------------------------------------------------------------
  const VIEWS = { client: CLIENT, pipeline: PIPELINE, queue: QUEUE };

  function close() {
    if (current && current.tracked) current.tracked.forEach(window.frTrends.untrack);
    if (current && current.chart) current.chart.destroy();
    current = null;
  }

  async function route() {
    const m = /^#\/(client|pipeline|queue)\/(.+)$/.exec(location.hash);
    close();
    $('view').hidden = !m;
    $('overview').hidden = !!m;
    if (!m) return;
    const kind = VIEWS[m[1]];
    const key = decodeURIComponent(m[2]);
    $('view-title').textContent = kind.title({ name: key });
    $('view-body').innerHTML = '<p class="muted">loading…</p>';
    try {
      const v = await kind.open(key);
      v.kind = kind;
      current = v;
      $('view-body').innerHTML = kind.body(v);
      kind.mount(v);
      kind.render(v);
      $('view-title').focus();
    } catch (e) {
      $('view-body').innerHTML = `<p class="error">${esc(e.message)}</p>`;
    }
  }

  function build() {
    window.addEventListener('hashchange', route);
    feed.onTopic((topic) => { if (current && current.kind.topics.includes(topic)) current.kind.render(current); });
    feed.onEvent((e) => { if (current && current.kind.onEvent) current.kind.onEvent(current, e); });
  }

  window.frViews = { build, route };
})();
