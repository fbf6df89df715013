// fr-monitor dashboard: one timeline of what changed — client state changes, collector and gateway
// status changes, the decision manager's actions, alerts — beside the trend charts, filterable by
// kind and text, and drawn on every chart as a marker of its kind's colour (icon and words in the
// list, so colour is never the only sign). Choosing an entry marks its time on every chart. The
// decision manager's actions come several a second on a busy server: shown when asked for.
(() => {
  'use strict';
  const { esc, time, link } = window.frCards.fmt;
  const feed = window.frFeed;
  const MAX_EVENTS = 500;
  const SHOWN = 200;
  const $ = (id) => document.getElementById(id);

  /** The kinds: their filter's label, marker colour (a theme variable), icon and words. */
  const KINDS = {
    client_state_change: { label: 'clients', color: '--mark-client', icon: '●', tick: true,
      text: (e) => `${link('client', e.client)}: ${esc(e.from)} → ${esc(e.to)}` },
    // an alert across the plot when it starts or stops firing; pending and back as a tick
    alert: { label: 'alerts', color: '--mark-alert', icon: '⚑', tick: (e) => e.state !== 'firing' && e.from !== 'firing',
      text: (e) => `${esc(e.alertname)} (${esc(e.severity || 'none')}): ${esc(e.from)} → ${esc(e.state)}${e.summary ? ` — ${esc(e.summary)}` : ''}` },
    collector_status_change: { label: 'collectors', color: '--mark-collector', icon: '◆',
      text: (e) => `collector ${esc(e.collector)}: ${esc(e.from)} → ${esc(e.to)}${e.reason ? ` (${esc(e.reason)})` : ''}` },
    gateway_status_change: { label: 'gateways', color: '--mark-gateway', icon: '▲',
      text: (e) => `gateway ${esc(e.gateway)} ${esc(e.to)}` },
    action: { label: 'actions', color: '--mark-action', icon: '■', off: true, tick: true,
      text: (e) => `${link('client', e.client)}: ${esc(e.action)}${e.reason ? ` (${esc(e.reason)})` : ''}` },
  };
  const events = [];
  const colors = {};

  const shown = () => {
    const kinds = new Set([...document.querySelectorAll('#timeline-kinds input:checked')].map((i) => i.value));
    const q = $('timeline-search').value.trim().toLowerCase();
    return events.filter((e) => kinds.has(e.kind) && (!q || JSON.stringify(e).toLowerCase().includes(q)));
  };

  function render() {
    const list = shown();
    $('timeline').innerHTML = list.slice(0, SHOWN).map((e) => {
      const k = KINDS[e.kind];
      return `<li data-kind="${esc(e.kind)}" data-t="${e.timestamp}"><button type="button" class="when" title="mark ${esc(e.time)} on the charts">${time(e.timestamp)}</button>`
        + ` <span class="kind" aria-hidden="true">${k.icon}</span><span class="sr-only">${k.label}</span> ${k.text(e)}</li>`;
    }).join('');
    $('timeline-count').textContent = `${Math.min(list.length, SHOWN)} of ${list.length} shown`;
    window.frCharts.redrawAll();
  }

  /** The theme's marker colours, read again after a theme change. */
  function readColors() {
    const style = getComputedStyle(document.documentElement);
    Object.entries(KINDS).forEach(([kind, k]) => { colors[kind] = style.getPropertyValue(k.color).trim(); });
  }

  /** The markers of the events shown: [{t (epoch ms), color, tick (a frequent kind)}]. */
  const markers = () => shown().map((e) => {
    const { tick } = KINDS[e.kind];
    return { t: e.timestamp, color: colors[e.kind], tick: typeof tick === 'function' ? tick(e) : !!tick };
  });

  function add(e) {
    if (!KINDS[e.kind]) return;
    events.unshift(e);
    if (events.length > MAX_EVENTS) events.pop();
  }

  function build() {
    $('timeline-kinds').innerHTML = Object.entries(KINDS).map(([kind, k]) => `<label class="kind-filter" data-kind="${kind}">`
      + `<input type="checkbox" value="${kind}"${k.off ? '' : ' checked'}> <span aria-hidden="true">${k.icon}</span> ${k.label}</label>`).join('');
    $('timeline-kinds').addEventListener('change', render);
    $('timeline-search').addEventListener('input', render);
    $('timeline').addEventListener('click', (e) => {
      const b = e.target.closest('button.when');
      if (!b) return;
      const t = Number(b.parentElement.dataset.t);
      document.querySelectorAll('#timeline li.focused').forEach((li) => li.classList.remove('focused'));
      b.parentElement.classList.add('focused');
      window.frCharts.focus(t);
    });
    readColors();
    window.frCharts.markersFrom(markers);
    feed.onEvent((e) => { add(e); render(); });
  }

  /** The newest events of the log into the list; before the feed connects. */
  async function load() {
    // the API's default page (the newest 100; a limit beyond MONITORING_EVENT_LOG_SIZE is a 400)
    const d = await feed.api('/metrics/actions');
    events.length = 0;
    d.events.slice().reverse().forEach(add);
    render();
  }

  window.frTimeline = { build, load, readColors, markers, describe: (e) => (KINDS[e.kind] ? KINDS[e.kind].text(e) : esc(e.kind)) };
})();
