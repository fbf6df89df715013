// fr-monitor dashboard: the trend charts — the fr-server's (frames, results, outcomes, latency,
// backlog, clients, GPUs, alerts) and the host's — from /history, over the range the operator
// picks: 15 min and 1 h at full resolution, 24 h from the one-minute tier (each minute's average).
// Live: after each collection of a chart's topic the points since its last one are read from
// /history, so a chart's last point is /history's (at 24 h, the whole range once a minute). A chart
// a view makes for one client, pipeline or queue (`charts.js` + `track`) is kept the same way.
(() => {
  'use strict';
  const { known, time } = window.frCards.fmt;
  const feed = window.frFeed;
  const RANGES = { '15m': 15 * 60, '1h': 3600, '24h': 86400 };
  const RANGE_KEY = 'frmonitor.range';
  const MAX_SERIES = 50;
  const $ = (id) => document.getElementById(id);
  const reason = (topic, signal) => () => {
    const d = feed.state[topic] || {};
    return (signal && (d.unobservable || {})[signal]) || d.reason || '';
  };

  /**
   * The charts: the series of /history each draws (`match`, a line per `label`; series of the same
   * label are summed; `series` narrows the listing to those names, `derive` computes the lines
   * drawn from those read), the topic whose collections bring new points, why it may be empty.
   */
  const SPECS = [
    { id: 'frames', title: 'Frames/s routed', unit: 'per_sec', topic: 'pipelines', why: reason('pipelines', 'frames'),
      match: /^pipelines\.frames_per_sec(?::(.+))?$/, label: (m) => (m[1] === undefined ? 'all' : `pipeline ${m[1]}`) },
    { id: 'results', title: 'Results/s', unit: 'per_sec', topic: 'pipelines', why: reason('pipelines', 'results'),
      match: /^results\.per_sec:(.+)$/, label: (m) => m[1] },
    { id: 'outcomes', title: 'Outcomes/s', unit: 'per_sec', topic: 'pipelines', why: reason('pipelines', 'outcomes'),
      match: /^results\.outcomes_total:(.+)$/, label: (m) => m[1].replace('.', ' '), derive: (lines, xs) => lines.map((l) => ({ ...l, values: perSecond(l.values, xs) })) },
    { id: 'latency', title: 'Latency ingest → result', unit: 'ms', topic: 'pipelines', why: reason('pipelines', 'result_latency'),
      match: /^results\.ingest_to_result_(p\d+)_ms:(.+)$/, label: (m) => `${m[2]} ${m[1]}` },
    { id: 'routing', title: 'Latency ingest → routing', unit: 'ms', topic: 'pipelines', why: reason('pipelines', 'frames'),
      match: /^pipelines\.ingest_to_routing_(p\d+)_ms$/, label: (m) => m[1] },
    { id: 'backlog', title: 'Queue depth', unit: 'count', topic: 'queues', why: reason('queues'),
      match: /^queues\.depth:(.+)$/, label: (m) => m[1], keep: (m) => !ownQueue(m[1]) },
    { id: 'clients', title: 'Clients by state', unit: 'count', topic: 'clients', why: reason('clients'),
      match: /^clients\.(active_clients|paused_clients|blocked_clients|deactivate_clients|connecting_internet_error)$/,
      label: (m) => ({ connecting_internet_error: 'internet error', deactivate_clients: 'deactivated' }[m[1]] || m[1].replace('_clients', '')) },
    { id: 'gpu-util', title: 'GPU utilisation', unit: 'percent', topic: 'gpu', why: reason('gpu'),
      match: /^gpu\.utilization_percent:(.+)$/, label: (m) => `GPU ${m[1]}` },
    { id: 'gpu-mem', title: 'GPU memory used', unit: 'bytes', topic: 'gpu', why: reason('gpu'),
      match: /^gpu\.memory_used_bytes:(.+)$/, label: (m) => `GPU ${m[1]}` },
    { id: 'gpu-temp', title: 'GPU temperature', unit: 'celsius', topic: 'gpu', why: reason('gpu'),
      match: /^gpu\.temperature_celsius:(.+)$/, label: (m) => `GPU ${m[1]}` },
    { id: 'alerts', title: 'Alerts', unit: 'count', topic: 'alerts', why: reason('alerts'),
      match: /^alerts\.(firing|pending)$/, label: (m) => m[1] },
    { id: 'cpu', title: 'CPU', unit: 'percent', topic: 'system', host: true, match: /^system\.cpu_percent$/, label: () => 'cpu' },
    { id: 'mem', title: 'Memory', unit: 'percent', topic: 'system', host: true, match: /^system\.mem_percent$/, label: () => 'memory' },
    { id: 'disk', title: 'Disk /', unit: 'percent', topic: 'system', host: true, match: /^system\.disk_percent$/, label: () => 'disk' },
    { id: 'net', title: 'Network', unit: 'bytes_per_sec', topic: 'system', host: true,
      match: /^system\.network_(rx|tx)_bytes_per_sec:.+$/, label: (m) => (m[1] === 'rx' ? 'in' : 'out') },
  ];

  /** The rate between consecutive points of a total; none across a restart (the total fell). */
  const perSecond = (values, xs) => values.map((v, i) => {
    const j = i - 1;
    if (j < 0 || v === null || values[j] === null || v < values[j]) return null;
    return (v - values[j]) / ((xs[i] - xs[j]) / 1000);
  });

  const ownQueue = (name) => ((feed.state.queues || {}).queues || []).some((q) => q.own && q.name === name);

  let range = localStorage.getItem(RANGE_KEY) in RANGES ? localStorage.getItem(RANGE_KEY) : '1h';
  let listing = { series: [], history_window: null, long_history_window: null, at: 0 };
  let restored = null;
  let ready = false;
  const tracked = [];

  /** A chart kept from /history: its spec, its chart, its points by series name. */
  function track(el, spec) {
    const t = { spec, chart: window.frCharts.create(el, spec), points: new Map(), from: 0, to: 0, loadedAt: 0, behind: false };
    // scrolled to after collections it skipped: the points since its last one
    t.chart.onShow = () => {
      if (!t.behind || !ready) return;
      t.behind = false;
      refresh([t], false).catch(() => {});
    };
    tracked.push(t);
    return t;
  }
  const untrack = (t) => { tracked.splice(tracked.indexOf(t), 1); t.chart.destroy(); };

  /** The series of the listing a chart draws, by name, with their line label. */
  function namesOf(spec) {
    const out = new Map();
    const listed = spec.series ? spec.series.filter((n) => listing.series.includes(n)) : listing.series;
    listed.forEach((name) => {
      const m = spec.match.exec(name);
      if (m && (!spec.keep || spec.keep(m))) out.set(name, spec.label(m));
    });
    return out;
  }

  /** The window to ask for: the range, within what the service keeps; as /history reads it. */
  function windowOf() {
    const keep = (w) => (w ? parseDuration(w) : 0);
    const seconds = Math.min(RANGES[range], Math.max(keep(listing.history_window), keep(listing.long_history_window)) || RANGES[range]);
    return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds / 60)}m`;
  }
  function parseDuration(text) {
    const m = /^(\d+)([smhd])$/.exec(text || '');
    return m ? Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2]] : 0;
  }
  const byMinute = () => parseDuration(windowOf()) > parseDuration(listing.history_window);

  /** Reads `names` of /history over `window` (50 at a time), as {name: [[t, v]…]}. */
  async function read(names, window) {
    const out = { series: {} };
    for (let i = 0; i < names.length; i += MAX_SERIES) {
      const chunk = names.slice(i, i + MAX_SERIES);
      const h = await feed.api(`/history?series=${encodeURIComponent(chunk.join(','))}&window=${window}`);
      out.from = h.from;
      out.restored = h.restored;
      const minutes = h.resolution === '1m';
      Object.entries(h.series).forEach(([n, pts]) => { out.series[n] = minutes ? pts.map((p) => [p[0], p[2]]) : pts; });
    }
    return out;
  }

  /**
   * What to read for a chart: its series, and whether only what came since its newest point
   * (`newest`) — not after a range change, nor at 24 h, nor when a series is new to it.
   */
  function plan(t, full) {
    const names = namesOf(t.spec);
    const newest = Math.max(0, ...[...t.points.values()].map((p) => (p.length ? p[p.length - 1][0] : 0)));
    const incremental = !full && !byMinute() && newest > 0 && [...names.keys()].every((n) => t.points.has(n));
    return { t, names, newest, incremental };
  }

  /**
   * Reads the charts' whole range (`full`) or what came since their last points, with one request
   * (50 series at a time) for those extended and one for those read whole, and draws them. At 24 h
   * a chart is read again at most once a minute.
   */
  async function refresh(list, full) {
    const now = feed.serverNow();
    const due = byMinute() && !full ? list.filter((t) => now - t.loadedAt >= 60000) : list;
    const plans = due.map((t) => plan(t, full));
    for (const incremental of [true, false]) {
      const group = plans.filter((p) => p.incremental === incremental);
      const names = [...new Set(group.flatMap((p) => [...p.names.keys()]))];
      if (!group.length) continue;
      const oldest = Math.min(...group.map((p) => p.newest));
      const window = incremental ? `${Math.max(5, Math.ceil((now - oldest) / 1000) + 2)}s` : windowOf();
      const h = names.length ? await read(names, window) : { series: {} };
      if (h.restored) restored = h.restored;
      group.forEach((p) => apply(p, h, now));
    }
  }

  /** Adds the points read to a chart, drops those now out of its range, and draws it. */
  function apply({ t, names, newest, incremental }, h, now) {
    if (!incremental) { t.points.clear(); t.loadedAt = now; }
    names.forEach((label, n) => {
      const have = t.points.get(n) || [];
      const since = have.length ? have[have.length - 1][0] : -Infinity;
      (h.series[n] || []).forEach((p) => { if (p[0] > since) have.push(p); });
      t.points.set(n, have);
    });
    t.to = Math.max(now, newest);
    t.from = t.to - parseDuration(windowOf()) * 1000;
    t.points.forEach((pts, n) => {
      let drop = 0;
      while (drop < pts.length && pts[drop][0] < t.from) drop += 1;
      if (drop) pts.splice(0, drop);
      if (!names.has(n)) t.points.delete(n);
    });
    t.chart.draw(columns(t, names), t.spec.why ? t.spec.why() : '');
  }

  /** The lines of a chart on one time axis; the service's downtime after a restore is a gap. */
  function columns(t, names) {
    const stamps = new Set();
    t.points.forEach((pts) => pts.forEach((p) => stamps.add(p[0])));
    if (restored && restored.gap.from >= t.from) stamps.add(restored.gap.from + 1);
    const xs = [...stamps].sort((a, b) => a - b);
    const lines = new Map();
    names.forEach((label, n) => {
      const line = lines.get(label) || new Array(xs.length).fill(null);
      // a series' points and xs are both in time order: one walk places them (an unknown point
      // adds nothing: a line is null where no series of its label has a value)
      let i = 0;
      (t.points.get(n) || []).forEach(([x, v]) => {
        while (xs[i] < x) i += 1;
        if (v !== null) line[i] = (line[i] || 0) + v;
      });
      lines.set(label, line);
    });
    const drawn = [...lines].map(([label, values]) => ({ label, values }));
    return { xs, from: t.from, to: t.to, lines: t.spec.derive ? t.spec.derive(drawn, xs) : drawn };
  }

  async function loadListing() {
    listing = { ...(await feed.api('/history')), at: Date.now() };
    $('range-24h').disabled = !listing.long_history_window;
    $('range-24h').title = listing.long_history_window ? `from the one-minute tier (kept ${listing.long_history_window})`
      : 'the one-minute tier is off (MONITORING_HISTORY_LONG_WINDOW)';
  }

  /** Everything again: the listing (new series appear: a new queue, a GPU), then every chart. */
  async function reload() {
    await loadListing();
    await refresh(tracked, true);
    ready = true;
    showRestored();
  }

  function showRestored() {
    const note = $('history-restored');
    if (!restored) return;
    note.textContent = `History restored from ${restored.source} up to ${time(restored.up_to)}; `
      + `no data from ${time(restored.gap.from)} to ${time(restored.gap.to)} (fr-monitor was not running).`;
    note.hidden = false;
  }

  function showRange() {
    document.querySelectorAll('#range button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === range)));
    $('range-note').textContent = byMinute() ? 'one-minute averages' : 'every collection';
  }

  function setRange(r) {
    range = r;
    localStorage.setItem(RANGE_KEY, r);
    showRange();
    reload().catch(() => {});
  }

  function build() {
    SPECS.forEach((spec) => {
      const el = document.createElement('div');
      el.id = `trend-${spec.id}`;
      $(spec.host ? 'host-charts' : 'trend-charts').appendChild(el);
      track(el, spec);
    });
    document.querySelectorAll('#range button').forEach((b) => b.addEventListener('click', () => setRange(b.dataset.range)));
    // new points after each collection of a chart's topic; the listing again once a minute
    const due = new Set();
    let timer = null;
    feed.onTopic((topic) => {
      tracked.filter((t) => t.spec.topic === topic).forEach((t) => due.add(t));
      if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          if (!ready) return; // the first load reads everything
          const listed = Date.now() - (listing.at || 0) > 60000 ? loadListing() : Promise.resolve();
          const batch = [...due].filter((t) => t.chart.visible());
          due.forEach((t) => { t.behind = !t.chart.visible(); });
          due.clear();
          listed.then(() => refresh(batch, false)).catch(() => {});
        }, 250);
      }
    });
  }

  window.frTrends = {
    build,
    /** Reads every chart's range; until then the feed's collections add nothing. */
    load: async () => { await reload(); showRange(); },
    /** A chart of `spec` (`series`: the names it draws) in `el`, kept live until `untrack`. */
    track: (el, spec) => { const t = track(el, spec); refresh([t], true).catch(() => {}); return t; },
    untrack,
    chartOf: (id) => (tracked.find((t) => t.spec.id === id) || {}).chart,
    range: () => range,
  };
})();
