// fr-monitor dashboard: the cards and how values are shown. The server lists one card per
// registered family in #card-list, in registration order. A custom card's body is the
// <template id="card-<id>"> of the page, filled by the renderer of the same name in app.js; a
// generic card is drawn here from its description alone: tiles of single values and one table, the
// values picked from the family's REST body by dotted paths. Unknown values show as "—", never 0.
(() => {
  'use strict';

  // ---- formatting -------------------------------------------------------------------------
  const known = (v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v));
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const num = (v, digits = 1) => (known(v) ? Number(v).toFixed(digits) : '—');
  const pct = (v) => (known(v) ? `${Number(v).toFixed(1)} %` : '—');
  // one formatter each, made once: toLocaleString makes one a call, the page's costliest formatting
  const INT = new Intl.NumberFormat('en');
  const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const int = (v) => (known(v) ? INT.format(Number(v)) : '—');
  function bytes(v) {
    if (!known(v)) return '—';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let x = Number(v);
    let i = 0;
    while (Math.abs(x) >= 1024 && i < units.length - 1) { x /= 1024; i += 1; }
    return `${x.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
  }
  const rate = (v) => (known(v) ? `${bytes(v)}/s` : '—');
  function duration(seconds) {
    if (!known(seconds)) return '—';
    const s = Number(seconds);
    if (s < 120) return `${s.toFixed(0)} s`;
    if (s < 7200) return `${(s / 60).toFixed(0)} min`;
    return `${(s / 3600).toFixed(1)} h`;
  }
  const time = (ms) => (known(ms) ? TIME.format(ms) : '—');
  const status = (v) => (known(v) ? `<span class="status-${esc(v)}">${esc(v)}</span>` : '—');
  /** A table row of HTML cells. */
  const cells = (values) => `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
  /** A link to a drill-down page (views.js): `view` is client, pipeline or queue. */
  const link = (view, name) => `<a href="#/${view}/${encodeURIComponent(name)}">${esc(name)}</a>`;

  /**
   * Writes an element's HTML or text only when it differs from what it shows: a collection that
   * changed no value then costs no style, layout or paint (the page is redrawn once a collection).
   */
  function put(el, html) {
    if (el && el.frHtml !== html) { el.frHtml = html; el.innerHTML = html; }
  }
  function say(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** The formats a card description names (Card.Format on the server); each returns HTML. */
  const FORMATS = {
    text: (v) => (known(v) ? esc(v) : '—'),
    integer: int,
    number: (v) => num(v),
    percent: pct,
    bytes,
    bytes_per_second: rate,
    seconds: duration,
    time,
    status,
    yes_no: (v) => (known(v) ? (v ? 'yes' : 'no') : '—'),
  };

  /** The value at a dotted path of JSON names, or undefined. */
  const pick = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
  const show = (value, format) => (FORMATS[format] || FORMATS.text)(value);

  // ---- building ---------------------------------------------------------------------------
  /** Adds one section per listed card to `container`; returns the list, by id. */
  function build(container) {
    const list = JSON.parse(document.getElementById('card-list').textContent);
    const byId = {};
    list.forEach((card) => {
      byId[card.id] = card;
      container.appendChild(section(card));
    });
    return byId;
  }

  function section(card) {
    const el = document.createElement('section');
    el.id = card.id;
    el.className = 'card';
    el.dataset.topic = card.id;
    el.innerHTML = `<h2>${esc(card.title)} <span class="stale-badge">stale</span></h2>`;
    const template = document.getElementById(`card-${card.id}`);
    if (card.layout === 'custom' && template) {
      el.appendChild(template.content.cloneNode(true));
      el.classList.toggle('wide', template.dataset.wide === 'true');
    } else {
      genericBody(el, card);
    }
    return el;
  }

  function genericBody(el, card) {
    if (card.notes.length) {
      const notes = document.createElement('div');
      notes.className = 'notes';
      notes.id = `${card.id}-notes`;
      el.appendChild(notes);
    }
    if (card.tiles.length) {
      const tiles = document.createElement('div');
      tiles.className = 'tiles';
      tiles.innerHTML = card.tiles.map((t, i) => `<div class="tile"><span class="label">${esc(t.label)}</span>`
        + `<span class="value" id="${esc(card.id)}-tile-${i}">—</span></div>`).join('');
      el.appendChild(tiles);
    }
    if (card.table) {
      const table = document.createElement('table');
      table.innerHTML = `<thead><tr>${card.table.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>`
        + `<tbody id="${esc(card.id)}-rows"></tbody>`;
      el.appendChild(table);
      const empty = document.createElement('p');
      empty.className = 'muted empty-note';
      empty.id = `${card.id}-empty`;
      el.appendChild(empty);
      el.classList.toggle('wide', card.table.columns.length > 4);
    }
  }

  /**
   * The notes at a body's path as HTML: a text, or one line per named text (such as why a value is
   * unknown: `unobservable`); nothing when there are none.
   */
  function notesHtml(value) {
    if (!known(value)) return '';
    if (typeof value === 'string') return `<p class="note">${esc(value)}</p>`;
    return Object.entries(value)
      .map(([name, text]) => `<p class="note"><b>${esc(name.replace(/_/g, ' '))}</b>: ${esc(text)}</p>`)
      .join('');
  }

  /** The renderer of a generic card: fills its tiles and table from the family's body. */
  function generic(card) {
    return (data) => {
      if (card.notes.length) {
        put(document.getElementById(`${card.id}-notes`), card.notes.map((path) => notesHtml(pick(data, path))).join(''));
      }
      card.tiles.forEach((t, i) => {
        put(document.getElementById(`${card.id}-tile-${i}`), show(pick(data, t.path), t.format));
      });
      if (!card.table) return;
      const listed = pick(data, card.table.rows);
      const rows = listed || [];
      put(document.getElementById(`${card.id}-rows`), rows.map((row) => `<tr>${card.table.columns
        .map((c) => `<td>${show(pick(row, c.path), c.format)}</td>`).join('')}</tr>`).join(''));
      const never = !known(data.timestamp);
      say(document.getElementById(`${card.id}-empty`),
        rows.length ? '' : (never ? 'No reading yet.' : (known(listed) ? card.table.empty : 'Unknown: see above.')));
    };
  }

  window.frCards = {
    build,
    generic,
    notesHtml,
    put,
    say,
    fmt: { known, esc, num, pct, int, bytes, rate, duration, time, status, cells, link },
  };
})();
