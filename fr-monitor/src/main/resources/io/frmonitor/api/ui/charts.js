// fr-monitor dashboard: time-series charts (uPlot) with axes for humans — y ticks on 1-2-5 steps
// with as many decimals as the step needs and the unit on each label (never "4% 4% 4%"), x ticks on
// whole seconds, minutes or hours labelled to fit the range (never ":34.500") — the events of the
// timeline drawn as markers, the theme's colours, and one cursor shared by every chart. A chart off
// screen is not drawn (nor, by trends.js, read): a wall screen pays only for what it shows.
(() => {
  'use strict';
  const { known, bytes } = window.frCards.fmt;
  const HEIGHT = 170;
  const PALETTE = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41',
    '#3949ab', '#c0ca33', '#d81b60', '#546e7a', '#fdd835'];
  const X_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
  const Y_STEPS = [];
  for (let e = -4; e <= 12; e += 1) [1, 2, 5].forEach((m) => Y_STEPS.push(m * 10 ** e));
  const all = new Set();
  let focus = null;
  let markers = () => [];

  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const decimals = (step) => (step >= 1 || !step ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
  const hhmm = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const hhmmss = { ...hhmm, second: '2-digit' };
  const HHMM = new Intl.DateTimeFormat([], hhmm);
  const HHMMSS = new Intl.DateTimeFormat([], hhmmss);
  const COUNT = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

  /** The units a chart's values are in: how a value is shown, and how a tick is (by its step). */
  const UNITS = {
    count: { show: (v) => COUNT.format(Number(v)), suffix: '' },
    per_sec: { show: (v) => `${Number(v).toFixed(1)}/s`, suffix: '/s' },
    percent: { show: (v) => `${Number(v).toFixed(1)} %`, suffix: ' %' },
    ms: { show: (v) => `${Number(v).toFixed(0)} ms`, suffix: ' ms' },
    celsius: { show: (v) => `${Number(v).toFixed(0)} °C`, suffix: ' °C' },
    seconds: { show: (v) => `${Number(v).toFixed(0)} s`, suffix: ' s' },
    bytes: { show: bytes, binary: true, suffix: '' },
    bytes_per_sec: { show: (v) => `${bytes(v)}/s`, binary: true, suffix: '/s' },
  };

  /** The y tick labels: one scale for all of them (KiB/MiB… or k/M), decimals from the step. */
  function yTicks(unit, ticks, step) {
    const u = UNITS[unit];
    const top = Math.max(...ticks.map((t) => Math.abs(t)), 0);
    if (u.binary) {
      const names = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      const k = top > 0 ? Math.min(names.length - 1, Math.floor(Math.log(top) / Math.log(1024))) : 0;
      const scale = 1024 ** k;
      return ticks.map((t) => `${(t / scale).toFixed(decimals(step / scale))} ${names[k]}${u.suffix}`);
    }
    const [scale, name] = top >= 1e6 ? [1e6, 'M'] : top >= 1e4 ? [1e3, 'k'] : [1, ''];
    return ticks.map((t) => `${(t / scale).toFixed(decimals(step / scale))}${name}${u.suffix}`);
  }

  /** The x tick labels: seconds shown only when the step is under a minute. */
  const xTicks = (ticks, step) => ticks.map((t) => (step < 60 ? HHMMSS : HHMM).format(t * 1000));

  /**
   * Draws the timeline's markers (dashed across the plot, or a tick at its top) and the focused
   * time (solid) over the plot; what it drew
   * is kept in `u.drawnMarkers` ({t, x}, x in CSS pixels from the plot's left).
   */
  function drawMarkers(u) {
    const { ctx, bbox } = u;
    const [lo, hi] = [u.scales.x.min, u.scales.x.max];
    u.drawnMarkers = [];
    const tick = Math.round(8 * devicePixelRatio);
    const line = (t, color, dash, height) => {
      const s = t / 1000;
      if (s < lo || s > hi) return false;
      const x = Math.round(u.valToPos(s, 'x', true)) + 0.5;
      ctx.strokeStyle = color;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + height);
      ctx.stroke();
      return true;
    };
    ctx.save();
    ctx.lineWidth = devicePixelRatio;
    ctx.globalAlpha = 0.75;
    // frequent kinds (a client's state) as a tick along the top; rare ones across the plot
    markers().forEach((m) => {
      if (line(m.t, m.color, m.tick ? [] : [3, 3], m.tick ? tick : bbox.height)) {
        u.drawnMarkers.push({ t: m.t, x: Math.round(u.valToPos(m.t / 1000, 'x')) });
      }
    });
    ctx.globalAlpha = 1;
    if (focus !== null) line(focus, css('--ink'), [], bbox.height);
    ctx.restore();
  }

  /**
   * A chart in `el`: `spec` has `title` and `unit` (a key of UNITS). `draw(data)` shows
   * `{xs (epoch ms), lines: [{label, values}], from, to}`; an empty one shows `why` instead.
   */
  function create(el, spec) {
    el.classList.add('chart');
    const box = document.createElement('div');
    const empty = document.createElement('p');
    empty.className = 'chart-empty muted';
    el.append(box, empty);
    let plot = null;
    let labels = '';
    let last = null;
    const unit = UNITS[spec.unit];
    const value = (u, v) => (known(v) ? unit.show(v) : '—');

    function build(data) {
      if (plot) plot.destroy();
      const ink = css('--ink');
      const grid = css('--line');
      const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      plot = new uPlot({
        title: spec.title,
        width: Math.max(260, el.clientWidth || 300),
        height: HEIGHT,
        cursor: { sync: { key: 'fr-monitor' } },
        scales: {
          x: { time: true, range: () => [last.data.from / 1000, last.data.to / 1000] },
          // from 0: every value drawn is a count, rate, share or size; a flat line stays low
          y: { range: (u, lo, hi) => uPlot.rangeNum(Math.min(0, lo || 0), hi > 0 ? hi : 1, 0.1, true) },
        },
        series: [{ value: (u, v) => (known(v) ? HHMMSS.format(v * 1000) : '—') },
          ...data.lines.map((l, i) => ({ label: l.label, stroke: PALETTE[i % PALETTE.length], width: 1.5, value }))],
        axes: [
          { ...axis, space: 70, incrs: X_STEPS, values: (u, ticks, ai, space, step) => xTicks(ticks, step) },
          { ...axis, size: 78, incrs: Y_STEPS, values: (u, ticks, ai, space, step) => yTicks(spec.unit, ticks, step) },
        ],
        hooks: { draw: [drawMarkers] },
      }, columns(data), box);
      labels = data.lines.map((l) => l.label).join('\n');
    }

    const columns = (data) => [data.xs.map((t) => t / 1000), ...data.lines.map((l) => l.values)];

    /** Shows `data`; off screen, only keeps it, and draws it once the chart is scrolled to. */
    function draw(data, why) {
      if (destroyed) return; // a read that ended after its page was left
      last = { data, why };
      behind = !visible;
      if (behind) return;
      const none = !data.lines.length || !data.lines.some((l) => l.values.some(known));
      empty.textContent = none ? `${spec.title}: no data in this range${why ? ` — ${why}` : ''}` : '';
      el.classList.toggle('no-data', none);
      box.hidden = none;
      if (!plot || labels !== data.lines.map((l) => l.label).join('\n')) {
        build(data);
      } else {
        plot.setData(columns(data));
      }
    }

    let visible = false;
    let behind = false;
    let destroyed = false;
    const chart = {
      draw,
      redraw: () => plot && visible && plot.redraw(false),
      /** Whether it is on screen (or nearly): off screen, a chart is neither read nor drawn. */
      visible: () => visible,
      /** `f()` when it comes on screen. */
      onShow: null,
      rebuild: () => last && (labels = '', draw(last.data, last.why)),
      /** The last point of each line, as drawn: `{label: [epoch_ms, value]}`. */
      lastPoints: () => {
        const out = {};
        if (!last) return out;
        last.data.lines.forEach((l) => {
          for (let i = l.values.length - 1; i >= 0; i -= 1) {
            if (known(l.values[i])) { out[l.label] = [last.data.xs[i], l.values[i]]; break; }
          }
        });
        return out;
      },
      /** The time range drawn: [from, to] in epoch ms. */
      range: () => (last ? [last.data.from, last.data.to] : null),
      /** The markers drawn at the last draw: [{t, x}]. */
      drawnMarkers: () => (plot && plot.drawnMarkers) || [],
      destroy: () => { destroyed = true; all.delete(chart); if (plot) plot.destroy(); },
    };
    all.add(chart);
    el.frChart = chart;
    new IntersectionObserver((entries) => {
      visible = entries[entries.length - 1].isIntersecting;
      if (!visible) return;
      if (behind) draw(last.data, last.why);
      if (chart.onShow) chart.onShow();
    }, { rootMargin: '200px' }).observe(el);
    new ResizeObserver(() => {
      if (plot && el.clientWidth > 0 && Math.abs(plot.width - el.clientWidth) > 4) {
        plot.setSize({ width: el.clientWidth, height: HEIGHT });
      }
    }).observe(el);
    return chart;
  }

  window.frCharts = {
    create,
    UNITS,
    /** Where the markers come from: `f()` gives `[{t (epoch ms), color, tick}]`. */
    markersFrom: (f) => { markers = f; },
    /** Marks one time on every chart (a solid line), or none with null. */
    focus: (t) => { focus = t; all.forEach((c) => c.redraw()); },
    focused: () => focus,
    redrawAll: () => all.forEach((c) => c.redraw()),
    /** After a theme change: the axes and grid take the new colours. */
    rebuildAll: () => all.forEach((c) => c.rebuild()),
  };
})();
