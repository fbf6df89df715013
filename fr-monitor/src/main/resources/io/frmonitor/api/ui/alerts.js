// fr-monitor dashboard: the alerts panel — the alerts in force (the `alerts` topic, = GET /alerts)
// and the silences (GET /alerts/silences). An operator who may use the API (the page has its token,
// or the API is open) can silence an alert for an hour (POST /alerts/silences, Alertmanager's v2
// silence JSON matching the alert's labels) and expire a silence (DELETE /alerts/silences/{id}).
// What the API refuses is shown in the panel, never swallowed.
(() => {
  'use strict';
  const { known, esc, time, cells } = window.frCards.fmt;
  const ICONS = { critical: '✖', warning: '⚠', info: 'ℹ' };
  const HOUR_MS = 3600 * 1000;
  const DEFAULT_COMMENT = 'silenced for 1h from the dashboard';
  const $ = (id) => document.getElementById(id);

  /** `api(path, init)` as app.js has it; `canAct()` whether silences may be changed. */
  function panel(api, canAct) {
    let current = { alerts: [] };
    let silencesLoaded = false;
    let lastSilenced = null;

    const severity = (s) => `<span class="sev sev-${esc(s)}"><span aria-hidden="true">${ICONS[s] || '•'}</span> ${esc(s || 'none')}</span>`;
    const labels = (l) => Object.entries(l || {}).filter(([k]) => k !== 'alertname' && k !== 'severity')
      .map(([k, v]) => `${esc(k)}=${esc(v)}`).join(' ');
    const fmtValue = (v) => (known(v) ? esc(Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(3)))) : '—');
    /**
     * Only http(s) or a relative link is made a link (never javascript: and the like); the shipped
     * rules' `docs/alerts.md#<alert>` is the page this service serves at /runbooks.
     */
    function runbook(url) {
      if (!known(url) || /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) return '—';
      const href = url.replace(/^docs\/alerts\.md(?=#|$)/, '/runbooks');
      return `<a href="${esc(href)}" target="_blank" rel="noopener">runbook</a>`;
    }
    function stateOf(a) {
      const s = `<span class="status-${esc(a.state)}">${esc(a.state.replace('_', ' '))}</span>`;
      return a.silenced ? `${s} <span class="silenced"><span aria-hidden="true">⊘</span> silenced</span>` : s;
    }

    function render(d) {
      current = d;
      const ready = !d.reason;
      window.frCards.say($('alerts-reason'), d.reason || '');
      const html = (d.alerts || []).map((a) => cells([
        severity(a.severity), esc(a.alertname), stateOf(a), esc(a.summary || ''), labels(a.labels),
        time(a.active_since), fmtValue(a.value), runbook((a.annotations || {}).runbook_url),
        canAct() && !a.silenced
          ? `<button type="button" data-silence="${esc(a.fingerprint)}">silence 1h</button>` : '',
      ])).join('');
      // redrawn only when it changes, so that a focused button keeps its focus
      if ($('alert-rows').innerHTML !== html) $('alert-rows').innerHTML = html;
      window.frCards.say($('alerts-empty'), ready && !(d.alerts || []).length ? 'No alert pending or firing.' : '');
      $('alerts-silences').hidden = !ready;
      $('silence-comment-row').hidden = !canAct() || !(d.alerts || []).some((a) => !a.silenced);
      if (ready && (!silencesLoaded || d.silenced !== lastSilenced)) {
        lastSilenced = d.silenced;
        loadSilences();
      }
    }

    function showError(e) {
      $('alerts-error').textContent = e ? `${e.message}` : '';
    }

    async function loadSilences() {
      silencesLoaded = true;
      try {
        const list = await api('/alerts/silences');
        const live = list.filter((s) => s.status.state !== 'expired');
        $('silence-rows').innerHTML = live.map((s) => cells([
          esc(s.matchers.map((m) => `${m.name}${m.isEqual ? '' : '!'}${m.isRegex ? '=~' : '='}"${m.value}"`).join(', ')),
          esc(s.status.state), time(Date.parse(s.endsAt)), esc(s.createdBy), esc(s.comment),
          canAct() ? `<button type="button" data-expire="${esc(s.id)}">expire</button>` : '',
        ])).join('');
        $('silences-empty').textContent = live.length ? '' : 'No active silence.';
        $('silences-table').hidden = !live.length;
      } catch (e) {
        if (e.message !== 'unauthorized') showError(e);
      }
    }

    async function silence(fingerprint, button) {
      const a = (current.alerts || []).find((x) => x.fingerprint === fingerprint);
      if (!a) return;
      const body = {
        matchers: Object.entries(a.labels).map(([name, value]) => ({ name, value, isRegex: false, isEqual: true })),
        endsAt: new Date(Date.now() + HOUR_MS).toISOString(),
        createdBy: 'dashboard',
        comment: $('silence-comment').value.trim() || DEFAULT_COMMENT,
      };
      await act(button, () => api('/alerts/silences', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      }));
    }

    async function act(button, call) {
      button.disabled = true;
      try {
        await call();
        showError(null);
      } catch (e) {
        showError(e);
      } finally {
        button.disabled = false;
      }
      await loadSilences();
    }

    $('alert-rows').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-silence]');
      if (b) silence(b.dataset.silence, b);
    });
    $('silence-rows').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-expire]');
      if (b) act(b, () => api(`/alerts/silences/${encodeURIComponent(b.dataset.expire)}`, { method: 'DELETE' }));
    });
    return render;
  }

  window.frAlerts = { panel };
})();
