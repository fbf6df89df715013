// fr-monitor dashboard: access to the service — the REST API with the token the user gave (kept for
// the browser session), and the live feed /ws/metrics (snapshot, then deltas as JSON Merge Patches,
// then events), reconnected with back-off for as long as it takes. It keeps the page's copy of the
// topics and the server's clock (the feed's stamps), and tells its listeners what changed.
(() => {
  'use strict';
  const TOKEN_KEY = 'frmonitor.token';
  const tokenRequired = document.body.dataset.tokenRequired === 'true';
  const $ = (id) => document.getElementById(id);
  const state = {};
  const listeners = { topic: [], event: [], message: [] };
  let token = sessionStorage.getItem(TOKEN_KEY) || '';
  let socket = null;
  let lastSeq = 0;
  let retries = 0;
  let clockOffset = 0;
  let refused = false;

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
    refused = true;
    setConnection('unauthorized');
    $('token-form').hidden = false;
    $('token-error').textContent = message;
    $('token-input').focus();
  }

  function setConnection(status) {
    const badge = $('connection');
    badge.dataset.state = status;
    badge.textContent = status;
  }

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

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    socket = new WebSocket(`${scheme}://${location.host}/ws/metrics${query}`);
    // marks for scripts/bench-dashboard: where the first useful paint's time goes
    performance.mark('fr-feed-connect');
    socket.onopen = () => { performance.mark('fr-feed-open'); retries = 0; setConnection('live'); };
    socket.onmessage = (m) => receive(JSON.parse(m.data));
    socket.onclose = () => {
      if (refused) return; // the token form is up: its submit starts again
      setConnection('reconnecting');
      reconnectLater();
    };
  }

  /**
   * Tries again with back-off (0.5 s doubling to 10 s): first over HTTP, which tells a refused
   * token (then the token form is shown and nothing more is tried) from a server that is away.
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
    clockOffset = message.timestamp - Date.now();
    if (message.type === 'snapshot') {
      performance.mark('fr-snapshot');
      Object.assign(state, message.data);
      Object.keys(message.data).forEach((t) => listeners.topic.forEach((f) => f(t, state[t])));
    } else if (message.type === 'delta') {
      for (const [topic, patch] of Object.entries(message.data)) {
        state[topic] = mergePatch(state[topic], patch);
        listeners.topic.forEach((f) => f(topic, state[topic]));
      }
    } else if (message.type === 'event') {
      listeners.event.forEach((f) => f(message.event));
    }
    listeners.message.forEach((f) => f(message));
  }

  /**
   * Starts `before()` (the REST reads of history and events) and connects at once, so that the
   * live values do not wait for the history. Without a token where one is needed, asks for it
   * first; its form starts again.
   */
  function start(before) {
    const go = () => {
      // a refused token is said by the form; anything else leaves the charts empty, saying so
      before().catch(() => {});
      connect();
    };
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      token = $('token-input').value.trim();
      refused = false;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('token-form').hidden = true;
      go();
    });
    if (tokenRequired && !token) askForToken('');
    else go();
  }

  window.frFeed = {
    api,
    start,
    state,
    /** `f(topic, value)` after each change of a topic. */
    onTopic: (f) => listeners.topic.push(f),
    /** `f(event)` for each event of the feed. */
    onEvent: (f) => listeners.event.push(f),
    /** `f(message)` after each message, once its changes are applied. */
    onMessage: (f) => listeners.message.push(f),
    /** The server's time now (epoch ms), from the feed's stamps. */
    serverNow: () => Date.now() + clockOffset,
    /** Whether the API may be used for changes: the page has the token, or the API is open. */
    canAct: () => !tokenRequired || token !== '',
  };
})();
