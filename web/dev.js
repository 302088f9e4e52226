// dev.js - the live preview's page glue (make dev). Only the dev server puts it into the page
// (tests/e2e/dev-server.mjs); the game as players get it never loads it.
//
// It listens to the dev server's change reports (Server-Sent Events), asks the engine to load
// the content again (window.pakopeli.reloadRequested, read by plat_reload_requested), and shows
// pakopeli-lint's problems in a panel over the game, so a broken file never means a blank page.
// It also turns on the engine's placing aid (?dev=1, game/front/dev_overlay.c) and shows the
// rectangles measured with Shift + drag, ready to copy into a room file.
'use strict';

(function () {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('dev')) {
    url.searchParams.set('dev', '1');
    window.history.replaceState(null, '', url);
  }
  const fi = (document.documentElement.lang || 'fi').startsWith('fi');
  const T = fi ? {
    title: 'Esikatselu', ok: 'Ei virheitä', errors: (n) => `${n} ${n === 1 ? 'virhe' : 'virhettä'}`,
    warnings: (n) => `${n} ${n === 1 ? 'varoitus' : 'varoitusta'}`, saved: 'Tallennettu', hide: 'Piilota',
    show: 'Näytä', copy: 'Kopioi', copied: 'Kopioitu', measured: 'Mitattu (Vaihto + vedä näkymässä):',
    offline: 'Yhteys esikatselupalvelimeen katkesi: käynnistä make dev uudelleen.',
  } : {
    title: 'Preview', ok: 'No errors', errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`, saved: 'Saved', hide: 'Hide', show: 'Show',
    copy: 'Copy', copied: 'Copied', measured: 'Measured (Shift + drag on the scene):',
    offline: 'Lost the preview server: start make dev again.',
  };

  // ---- the panel ---------------------------------------------------------------------------
  const style = document.createElement('style');
  style.textContent = `
    #dev-panel { position: fixed; left: .5rem; bottom: 2.75rem; z-index: 1000; max-width: min(680px, 62vw);
      max-height: 45vh; overflow: auto; background: #fff; color: #1b1b1b; border: 2px solid #1b1b1b;
      border-radius: 10px; box-shadow: 0 4px 18px rgba(0,0,0,.3); font: 14px/1.4 system-ui, sans-serif; }
    #dev-panel[data-state="error"] { border-color: #b3261e; }
    /* folded: a small label in the keyboard-hint row under the game, so it covers no control */
    #dev-panel[data-collapsed] { left: auto; right: .5rem; bottom: .2rem; max-height: 2.1rem; overflow: hidden;
      box-shadow: none; border-width: 1px; }
    #dev-panel header { display: flex; gap: 10px; align-items: center; padding: 4px 10px; background: #f1f1f1; }
    #dev-panel header strong { flex: 1; font-weight: 600; }
    #dev-panel button { font: inherit; padding: 1px 10px; }
    #dev-lint-lines { margin: 0; padding: 6px 10px 8px 28px; font: 13px/1.45 ui-monospace, monospace; }
    #dev-lint-lines:empty { display: none; }
    #dev-lint-lines li { margin: 2px 0; white-space: pre-wrap; }
    #dev-lint-lines li.error { color: #b3261e; }
    #dev-lint-lines li.warning { color: #7a4b00; }
    #dev-panel[data-collapsed] #dev-lint-lines, #dev-panel[data-collapsed] #dev-measure { display: none; }
    #dev-measure { padding: 6px 10px 8px; border-top: 1px solid #ccc; }
    #dev-measure code { background: #f1f1f1; padding: 1px 4px; }`;
  document.head.appendChild(style);

  const panel = document.createElement('section');
  panel.id = 'dev-panel';
  panel.setAttribute('aria-label', `Pakopeli: ${T.title}`);
  panel.innerHTML = '<header><strong id="dev-status" role="status"></strong>' +
    `<button type="button" id="dev-toggle">${T.hide}</button></header>` +
    '<ul id="dev-lint-lines"></ul><div id="dev-measure" hidden></div>';
  const status = panel.querySelector('#dev-status');
  const list = panel.querySelector('#dev-lint-lines');
  const measure = panel.querySelector('#dev-measure');
  const toggle = panel.querySelector('#dev-toggle');
  function fold(collapsed) {
    panel.toggleAttribute('data-collapsed', collapsed);
    toggle.textContent = collapsed ? T.show : T.hide;
    toggle.hidden = collapsed && !list.children.length && measure.hidden;
  }
  toggle.addEventListener('click', () => fold(!panel.hasAttribute('data-collapsed')));
  fold(true);
  document.addEventListener('DOMContentLoaded', () => document.body.appendChild(panel));
  if (document.body) document.body.appendChild(panel);

  function render(r) {
    const parts = [r.errors ? T.errors(r.errors) : T.ok];
    if (r.warnings) parts.push(T.warnings(r.warnings));
    const when = r.changed && r.changed.length ? ` · ${T.saved} ${new Date().toLocaleTimeString()}` : '';
    status.textContent = `${T.title}: ${parts.join(', ')}${when}`;
    panel.dataset.state = r.errors ? 'error' : 'ok';
    list.replaceChildren(...r.lines.map((line, i) => {
      const li = document.createElement('li');
      li.textContent = line;
      li.className = (r.problems[i] && r.problems[i].severity) || '';
      return li;
    }));
    if (r.errors) { // errors open the panel and are read out; warnings wait to be asked for
      list.setAttribute('role', 'alert');
      fold(false);
    } else {
      list.removeAttribute('role');
      fold(measure.hidden);
    }
  }

  // ---- rectangles measured in the engine (dev_overlay.c prints them) ------------------------
  const Module = window.Module || {};
  const print = Module.print || ((t) => console.log(t));
  Module.print = (t) => {
    const m = /^pakopeli-dev: (.*)$/.exec(t);
    if (!m) { print(t); return; }
    measure.hidden = false;
    measure.replaceChildren(document.createTextNode(`${T.measured} `));
    const code = document.createElement('code');
    code.textContent = m[1];
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = T.copy;
    copy.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(m[1]); copy.textContent = T.copied; } catch (e) { /* not allowed */ }
    });
    measure.append(code, ' ', copy);
    fold(false);
  };

  // ---- changes ------------------------------------------------------------------------------
  function reload(r) {
    // the room the player is in, so a page reload (and the engine's ?room=) comes back to it
    let where = null;
    try { where = window.localStorage.getItem('pakopeli.where'); } catch (e) { where = null; }
    const now = new URL(window.location.href);
    if (where && !now.searchParams.has('comic')) {
      now.searchParams.set('room', where);
      window.history.replaceState(null, '', now);
    }
    if (r.kind === 'asset' || (r.kind === 'comic' && now.searchParams.has('comic'))) {
      window.location.reload(); // images are decoded once; a comic alone is loaded once
    } else if (window.pakopeli) {
      window.pakopeli.reload();
    }
  }

  const events = new EventSource('/__dev/events');
  events.addEventListener('lint', (e) => {
    const r = JSON.parse(e.data);
    render(r);
    if (r.changed && r.changed.length) reload(r);
  });
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CLOSED) status.textContent = T.offline;
  });
  window.pakopeliDev = { render, reload };
})();
