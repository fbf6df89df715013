// fr-monitor dashboard: the status strip above the cards, to see at a glance whether the system is
// healthy and, when it is not, where to look. Every value is computed from a topic of the live feed
// (the same body as its REST endpoint) and links to its card. An unknown value is "—" with its
// reason, as a tooltip and as small text under it, never 0.
(() => {
  'use strict';
  const { known, esc, num, int, duration } = window.frCards.fmt;
  const { say } = window.frCards;
  const ICONS = { critical: '✖', warning: '⚠', degraded: '◐', ok: '✔', unknown: '?' };
  const RANK = { critical: 2, warning: 1 };
  const SPARK_POINTS = 30;

  /** Whether an alert fires: `firing`, or `no_data` once it fired (it still does for notifiers). */
  const fires = (a) => a.state === 'firing' || (a.state === 'no_data' && known(a.fired_at));

  /** A value: `text` to show, `raw` for the sparkline, `why` when unknown, `note` when known. */
  const value = (text, raw, note = '') => ({ text, raw, why: '', note });
  const unknown = (why) => ({ text: '—', raw: null, why, note: '' });

  /** Why a topic has no value: its collector is off, or nothing was read yet; else null. */
  function missing(state, topic, off) {
    const reason = off(topic);
    if (reason) return `collector off: ${reason}`;
    const d = state[topic];
    return d && known(d.timestamp) ? null : 'no reading yet';
  }

  const signalWhy = (state, signal, off) => ((state.pipelines || {}).unobservable || {})[signal]
    || missing(state, 'pipelines', off);

  /** Whether a non-empty queue's consumers ack at least 90 % of what arrives (as the card says). */
  const keepingUp = (q) => q.ack_per_sec > 0 && q.ack_per_sec >= 0.9 * (q.publish_per_sec || 0);

  const ITEMS = [
    { id: 'firing', label: 'Firing alerts', topic: 'alerts', compute(s) {
      const d = s.alerts;
      if (!d || d.reason) return unknown((d && d.reason) || 'the alert rules have not been evaluated yet');
      const alerts = d.alerts || [];
      const firing = alerts.filter(fires);
      const noData = firing.filter((a) => a.state === 'no_data').length;
      const notes = [];
      if (noData) notes.push(`${noData} without data`);
      if (d.pending) notes.push(`${d.pending} pending`);
      if (d.silenced) notes.push(`${d.silenced} silenced`);
      return value(int(firing.length), firing.length, notes.join(' · '));
    } },
    { id: 'clients', label: 'Active clients', topic: 'clients', compute(s, off) {
      const d = s.clients || {};
      return known(d.active_clients) ? value(int(d.active_clients), d.active_clients)
        : unknown(missing(s, 'clients', off) || 'unknown');
    } },
    { id: 'frames', label: 'Frames/s', topic: 'pipelines', compute(s, off) {
      const d = s.pipelines || {};
      if (known(d.frames_per_sec)) return value(num(d.frames_per_sec), d.frames_per_sec, 'routed');
      if (known(d.frames_accepted_per_sec)) {
        return value(num(d.frames_accepted_per_sec), d.frames_accepted_per_sec, 'accepted');
      }
      return unknown(signalWhy(s, 'frames', off) || 'unknown');
    } },
    { id: 'results', label: 'Results/s', topic: 'pipelines', compute(s, off) {
      const seen = ((s.pipelines || {}).pipelines || []).filter((p) => known(p.results_per_sec));
      if (!seen.length) return unknown(signalWhy(s, 'results', off) || 'no results seen');
      const sum = seen.reduce((a, p) => a + p.results_per_sec, 0);
      return value(num(sum), sum, seen.map((p) => `${p.id} ${num(p.results_per_sec)}`).join(' · '));
    } },
    { id: 'latency', label: 'p95 ingest→result', topic: 'pipelines', compute(s, off) {
      const seen = ((s.pipelines || {}).pipelines || []).filter((p) => p.latency_ms && known(p.latency_ms.p95));
      if (!seen.length) return unknown(signalWhy(s, 'result_latency', off) || 'no results in the window');
      const worst = seen.reduce((a, p) => (p.latency_ms.p95 > a.latency_ms.p95 ? p : a));
      return value(`${num(worst.latency_ms.p95, 0)} ms`, worst.latency_ms.p95, worst.id);
    } },
    { id: 'backlog', label: 'Backlog', topic: 'queues', compute(s, off) {
      const d = s.queues || {};
      if (known(d.total_depth)) return value(int(d.total_depth), d.total_depth, 'messages in fr-server queues');
      return unknown(missing(s, 'queues', off) || 'a queue\'s depth is unknown (no management API)');
    } },
    { id: 'drain', label: 'Time to drain', topic: 'queues', compute(s, off) {
      const d = s.queues || {};
      if (!known(d.total_depth)) return unknown(missing(s, 'queues', off) || 'a queue\'s depth is unknown (no management API)');
      const waiting = (d.queues || []).filter((q) => !q.own && q.depth > 0);
      const stuck = waiting.filter((q) => !known(q.drain_eta_seconds) && !keepingUp(q));
      if (stuck.length) return value('not draining', null, stuck.map((q) => q.name).join(', '));
      const etas = waiting.filter((q) => known(q.drain_eta_seconds));
      if (!etas.length) return value(duration(0), 0, waiting.length ? 'keeping up' : 'empty');
      const slowest = etas.reduce((a, q) => (q.drain_eta_seconds > a.drain_eta_seconds ? q : a));
      return value(duration(slowest.drain_eta_seconds), slowest.drain_eta_seconds, slowest.name);
    } },
    { id: 'gpu', label: 'Max GPU util.', topic: 'gpu', compute(s, off) {
      const d = s.gpu || {};
      if (d.status === 'disabled') return unknown(`collector off: ${d.reason || 'disabled'}`);
      const seen = (d.gpus || []).filter((g) => known(g.utilization_percent));
      if (!seen.length) {
        return unknown(missing(s, 'gpu', off) || ((d.gpus || []).length ? 'the driver reports no utilisation' : 'no GPU seen'));
      }
      const top = seen.reduce((a, g) => (g.utilization_percent > a.utilization_percent ? g : a));
      return value(`${num(top.utilization_percent, 0)} %`, top.utilization_percent, `GPU ${top.index}`);
    } },
  ];

  /**
   * The overall state: the highest severity among firing alerts (pending ones do not count), else
   * `degraded` when /healthz is (a collector down or degraded), else `ok`; `unknown` while neither
   * the alerts nor the collectors say.
   */
  function overall(s) {
    const alerts = s.alerts && !s.alerts.reason ? s.alerts.alerts || [] : null;
    const firing = (alerts || []).filter(fires);
    const top = firing.reduce((a, x) => ((RANK[x.severity] || 0) > (RANK[a] || 0) ? x.severity : a), null);
    if (top) {
      const n = firing.filter((a) => a.severity === top).length;
      return { state: top, why: `${n} ${top} alert${n > 1 ? 's' : ''} firing: ${firing.filter((a) => a.severity === top).map((a) => a.alertname).join(', ')}` };
    }
    const health = s.collectors;
    if (health && health.status === 'degraded') {
      const down = Object.entries(health.collectors || {})
        .filter(([, c]) => c.status === 'down' || c.status === 'degraded').map(([n, c]) => `${n} ${c.status}`);
      return { state: 'degraded', why: down.length ? down.join(', ') : 'see the collectors card' };
    }
    if (alerts === null) return { state: 'unknown', why: (s.alerts && s.alerts.reason) || 'no alert evaluation yet' };
    if (!health) return { state: 'unknown', why: 'no collector status yet' };
    return { state: 'ok', why: firing.length ? `${firing.length} info alert(s) firing` : 'no alert firing' };
  }

  // ---- drawing ----------------------------------------------------------------------------
  const history = {};

  function build(list) {
    list.innerHTML = ITEMS.map((i) => `<li><a class="strip-item" id="strip-${i.id}" href="#${i.topic}">`
      + `<span class="label">${esc(i.label)}</span>`
      + `<span class="value" id="strip-${i.id}-value">—</span>`
      + `<svg class="spark" aria-hidden="true" viewBox="0 0 60 16" preserveAspectRatio="none"><polyline points=""/></svg>`
      + `<small class="why" id="strip-${i.id}-why"></small></a></li>`).join('');
  }

  /** Keeps the last values, one per collection of the topic, for the sparkline. */
  function remember(id, stamp, raw) {
    const h = history[id] || (history[id] = { stamp: null, values: [] });
    if (stamp === h.stamp || !known(stamp)) return h.values;
    h.stamp = stamp;
    h.values.push(known(raw) ? raw : null);
    if (h.values.length > SPARK_POINTS) h.values.shift();
    return h.values;
  }

  function spark(values) {
    const shown = values.filter(known);
    if (shown.length < 2) return '';
    const lo = Math.min(...shown);
    const span = Math.max(...shown) - lo || 1;
    const step = 60 / (SPARK_POINTS - 1);
    const x0 = 60 - step * (values.length - 1);
    return values.map((v, i) => (known(v) ? `${(x0 + i * step).toFixed(1)},${(15 - (14 * (v - lo)) / span).toFixed(1)}` : null))
      .filter(known).join(' ');
  }

  /** Redraws the strip from the page's copy of the topics; `off(topic)` says why a card is off. */
  function update(s, off) {
    const o = overall(s);
    const el = document.getElementById('strip-state');
    el.dataset.state = o.state;
    say(el.querySelector('.icon'), ICONS[o.state]);
    say(document.getElementById('strip-state-value'), o.state);
    say(document.getElementById('strip-state-why'), o.why);
    el.title = `${o.state}: ${o.why}`;
    ITEMS.forEach((item) => {
      const v = item.compute(s, off);
      const a = document.getElementById(`strip-${item.id}`);
      const small = v.why || v.note;
      say(document.getElementById(`strip-${item.id}-value`), v.text);
      say(document.getElementById(`strip-${item.id}-why`), small);
      a.title = `${item.label}: ${v.text}${small ? ` — ${small}` : ''}`;
      a.classList.toggle('unknown', v.why !== '');
      a.classList.toggle('stale', !!(s[item.topic] && s[item.topic].stale === true) && v.why === '');
      const values = remember(item.id, (s[item.topic] || {}).timestamp, v.raw);
      const line = a.querySelector('polyline');
      const points = spark(values);
      if (line.getAttribute('points') !== points) line.setAttribute('points', points);
    });
  }

  window.frStrip = { build, update, fires };
})();
