// fr-monitor dashboard: the page put together — the cards (cards.js) in the order an operator
// reads them (the fr-server's first, the host's and the collectors' last), the renderers of the
// custom ones, the theme switch, and the start: trends and timeline from the REST API, then the
// live feed (feed.js). Unknown values show as "—", never as 0; a stale topic keeps its last
// values, greyed, with a "stale" badge.
(() => {
  'use strict';
  const ORDER = ['alerts', 'trends', 'clients', 'pipelines', 'queues', 'decisions', 'gateways', 'storage',
    'gpu', 'redis_server', 'rabbitmq_nodes', 'system', 'collectors'];
  const THEME_KEY = 'frmonitor.theme';
  const feed = window.frFeed;
  const { known, esc, num, pct, int, bytes, rate, duration, time, status, cells, link } = window.frCards.fmt;
  const $ = (id) => document.getElementById(id);
  const cards = window.frCards.build($('cards'));
  const { put, say } = window.frCards;
  const setText = (id, text) => say($(id), text);
  const rows = (id, html) => put($(id), html.join(''));

  /** The sections in ORDER; any other after the fr-server's, before the host's. */
  function arrange() {
    const main = $('cards');
    const rank = (el) => { const i = ORDER.indexOf(el.id); return i >= 0 ? i : ORDER.indexOf('gpu') - 0.5; };
    [...main.children].sort((a, b) => rank(a) - rank(b)).forEach((el) => main.appendChild(el));
  }

  // ---- status of a card -------------------------------------------------------------------
  /** Why the card of `topic` is off (every collector of its families is disabled), or null. */
  function offReason(topic) {
    const card = cards[topic];
    if (!card) return null;
    const collectors = Object.values(((feed.state.collectors || {}).collectors) || {})
      .filter((c) => (c.families || []).some((f) => card.families.includes(f)));
    const off = collectors.filter((c) => c.status === 'disabled');
    return collectors.length && off.length === collectors.length
      ? off.map((c) => c.last_error || 'disabled').join('; ') : null;
  }

  function render(topic) {
    const data = feed.state[topic];
    const card = cards[topic];
    const el = document.getElementById(topic);
    if (!data || !card || !el) return;
    // a disabled collector has no data by design: nothing to call stale; say it is off instead
    const off = offReason(topic);
    wasOff[topic] = off;
    el.classList.toggle('stale', data.stale === true && !off);
    el.classList.toggle('disabled', off !== null);
    let note = el.querySelector('.off-note');
    if (off && !note) {
      note = document.createElement('p');
      note.className = 'off-note muted';
      el.querySelector('h2').after(note);
    }
    if (note) say(note, off ? `collector off: ${off}` : '');
    (renderers[topic] || window.frCards.generic(card))(data);
    // a card whose collectors were switched on or off says so; the others are as they were
    if (topic === 'collectors') {
      Object.keys(cards).forEach((t) => {
        const now = offReason(t);
        if (t !== topic && feed.state[t] && now !== wasOff[t]) render(t);
      });
    }
  }
  const wasOff = {};

  // ---- renderers --------------------------------------------------------------------------
  const sumOf = (list, key) => (list && list.length ? list.reduce((a, x) => a + (x[key] || 0), 0) : null);

  /** Who holds a GPU's memory: pipeline workers by id, else the process, else why unknown. */
  function processesOf(list) {
    if (!list.length) return 'no process';
    return list.map((p) => {
      const a = p.attribution;
      const who = a ? (known(a.pipeline_id) ? `pipeline ${esc(a.pipeline_id)}` : `pid ${esc(p.pid)}`)
        : `<span title="${esc(p.attribution_reason || '')}">pid ${esc(p.pid)} (owner unknown)</span>`;
      return `${who} ${bytes(p.used_memory_bytes)}`;
    }).join(' · ');
  }

  const renderers = {
    alerts: window.frAlerts.panel(feed.api, feed.canAct),
    collectors(d) {
      rows('collectors-rows', Object.entries(d.collectors || {}).map(([name, c]) => cells([
        esc(name), status(c.status), time(c.last_success), esc(c.last_error || '')])));
    },
    system(d) {
      setText('cpu-value', pct(d.cpu_percent));
      setText('mem-value', pct(d.mem_percent));
      setText('disk-value', pct(d.disk_percent));
      setText('load-value', d.load_average ? d.load_average.map((v) => num(v, 2)).join(' ') : '—');
      setText('rx-value', rate(sumOf(d.network, 'rx_bytes_per_sec')));
      setText('tx-value', rate(sumOf(d.network, 'tx_bytes_per_sec')));
      // network and filesystems that are not the host's are said, never passed off as its
      setText('host-view', d.view && d.view.reason ? `Not all the host's: ${d.view.reason}` : '');
    },
    gpu(d) {
      // a disabled collector is said once, by the card's "collector off" line
      setText('gpu-status', d.status === 'ok' ? `${(d.gpus || []).length} GPU(s) via ${d.source}`
        : d.status === 'disabled' ? '' : `${d.status}${d.reason ? `: ${d.reason}` : ''}`);
      put($('gpu-cards'), (d.gpus || []).map((g) => `<div class="gpu-card"><strong>${esc(g.index)}: ${esc(g.name)}</strong>
        <div>utilisation ${pct(g.utilization_percent)}</div>
        <div>memory ${bytes(g.memory_used_bytes)} / ${bytes(g.memory_total_bytes)}</div>
        <div>${num(g.temperature_celsius, 0)} °C · ${num(g.power_watts, 0)} / ${num(g.power_limit_watts, 0)} W</div>
        <div class="muted">${processesOf(g.processes || [])}</div></div>`).join(''));
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
      put($('client-states'), ['active', 'paused', 'blocked', 'internet_error', 'deactivated', 'listed']
        .map((s) => `<div class="tile"><span class="label">${s.replace('_', ' ')}</span><span class="value" id="clients-${s}">${int(states[s])}</span></div>`)
        .join('') + `<div class="tile"><span class="label">total</span><span class="value" id="clients-total">${int(d.total_clients)}</span></div>`);
      const a = d.anomalies || {};
      setText('client-anomalies', a.blocked_and_active_total || a.active_after_block_total
        ? `blocked but active: ${a.blocked_and_active_total || 0} · active 30 s after block: ${a.active_after_block_total || 0}` : '');
      scheduleClientSearch();
    },
    pipelines(d) {
      put($('pipelines-notes'), window.frCards.notesHtml(d.unobservable) + window.frCards.notesHtml(d.caveats));
      setText('frames-accepted-rate', num(d.frames_accepted_per_sec));
      setText('frames-rate', num(d.frames_per_sec));
      setText('frames-total', int(d.frames_total));
      setText('frames-waiting', int(d.frames_waiting));
      setText('frames-unrouted', int(d.frames_unrouted_total)
        + (d.frames_unrouted_margin > 0 ? ` ± ${int(d.frames_unrouted_margin)}` : ''));
      setText('frames-malformed', int(d.malformed_total));
      rows('routing-rows', (d.routing || []).map((r) => cells([
        link('pipeline', r.pipeline_id), num(r.frames_per_sec), int(r.frames_total), int(r.clients),
        r.has_worker === false ? '<span class="status-down">✖ none</span>' : (r.has_worker ? 'yes' : '—')])));
      rows('worker-rows', (d.workers || []).map((w) => cells([
        link('pipeline', w.pipeline_id), status(w.status), int(w.face_consumers),
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
        q.own ? `${esc(q.name)} <span class="muted">(fr-monitor)</span>` : link('queue', q.name),
        int(q.ready), int(q.unacked), int(q.depth), int(q.consumers),
        num(q.publish_per_sec), num(q.ack_per_sec), num(q.redeliver_per_sec), drain(q)])));
    },
  };

  /**
   * Time to drain; for a queue that is not shrinking, whether its consumers keep up with what
   * arrives (a steady few in flight) or not (the backlog stays or grows).
   */
  function drain(q) {
    if (!known(q.depth) || q.depth === 0 || known(q.drain_eta_seconds)) return duration(q.drain_eta_seconds);
    const keepingUp = q.ack_per_sec > 0 && q.ack_per_sec >= 0.9 * (q.publish_per_sec || 0);
    return keepingUp ? '<span class="muted">keeping up</span>' : '<span class="status-down">✖ not draining</span>';
  }

  // ---- the clients table: a search over REST --------------------------------------------------
  let searchTimer = null;
  function scheduleClientSearch() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(searchClients, 250);
  }
  async function searchClients() {
    const q = $('client-search').value.trim();
    try {
      const d = await feed.api(`/metrics/clients?limit=100&q=${encodeURIComponent(q)}`);
      rows('client-rows', (d.clients || []).map((c) => cells([link('client', c.name), esc(c.state), esc((c.flags || []).join(', '))])));
      setText('client-matched', known(d.matched) ? `${int(d.matched)} matching` : '');
    } catch (e) { /* shown by the token form or the connection badge */ }
  }
  $('client-search').addEventListener('input', scheduleClientSearch);

  // ---- theme ------------------------------------------------------------------------------
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const theme = () => document.documentElement.dataset.theme || (dark.matches ? 'dark' : 'light');
  function showTheme() {
    const next = theme() === 'dark' ? 'light' : 'dark';
    $('theme-toggle').textContent = theme() === 'dark' ? '☀ light theme' : '☾ dark theme';
    $('theme-toggle').title = `switch to the ${next} theme`;
    window.frTimeline.readColors();
    window.frCharts.rebuildAll();
  }
  $('theme-toggle').addEventListener('click', () => {
    const next = theme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem(THEME_KEY, next);
    showTheme();
  });
  dark.addEventListener('change', showTheme);

  // ---- start ------------------------------------------------------------------------------
  arrange();
  window.frStrip.build($('strip-items'));
  window.frTrends.build();
  window.frTimeline.build();
  window.frViews.build();
  showTheme();
  feed.onTopic(render);
  // the history is read once the first live values are on screen: they come first
  let historyAsked = false;
  feed.onMessage((m) => {
    setText('updated', `updated ${time(m.timestamp)}`);
    if (m.type !== 'event') window.frStrip.update(feed.state, offReason);
    if (!historyAsked) {
      historyAsked = true;
      // after the next frame: the live values are painted before the charts are built
      requestAnimationFrame(() => setTimeout(() => {
        performance.mark('fr-first-values-painted');
        window.frTrends.load().catch(() => {});
      }));
    }
  });
  window.frViews.route();
  feed.start(() => window.frTimeline.load());
})();
