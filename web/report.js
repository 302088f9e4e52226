// report.js - delivers the game's answer events to the report server (game/server), and
// never loses one on the way.
//
// The engine calls window.pakopeli.report(json) for every answer or hint (plat_send_event in
// game/platform/platform_web.c). Each event is first written to localStorage, then sent in
// batches to /api/v1/events (same origin) with the player's personal token, taken from the
// link's fragment (#t=...; a fragment never reaches server logs or Referer headers). Each event
// carries an idempotency key, play id + ":" + seq, so sending one twice is harmless; the queue
// only forgets an event when the server has acknowledged it. When the server cannot be reached
// the events wait ("Tallennettu, ei vielä lähetetty") and are retried with backoff.
//
// On plain static hosting (no report server: /api/v1/config is 404) this file stays silent:
// no status, no retries, no console noise; the queue is kept for a later visit.
//
// Shared computers (common on wards): who is playing is kept for this browser tab's session
// only (sessionStorage), never in localStorage, so the next person who opens the plain address
// is nobody, not the last player. The status line says whose game it is ("Pelaat nimellä
// Aino K. – et ole Aino? Lopeta"), and the identity is cleared at completion. A saved game
// that belonged to someone identified is not resumed by anyone else (pakopeli.report.owner
// marks it). Queued events keep their own token, so they still count for whoever played them.
//
// Exposed on window.pakopeli:
//   report(json)            the engine's hook
//   completion              the completion code once the server says the game is completed
//   onCompletion            optional function(code) the page or the engine may set
//   feedback(rating, comment)   the engine's feedback hook (plat_send_feedback): queued and sent
//                               like events; also takes one object {room, rating, text}
//   reportState()           {mode, queued, sent, token, completion} for tests and diagnostics
'use strict';

(function () {
  const pk = (window.pakopeli = window.pakopeli || {});
  // The studio's preview (shell.js): a draft played by its author is nobody's result, and the real
  // game's save and queue in this browser are not touched (nothing below runs).
  if (pk.preview) {
    pk.report = () => {};
    pk.feedback = () => false;
    pk.reportState = () => ({ mode: 'preview', queued: 0, feedback: 0, sent: 0, token: 'no', completion: null });
    return;
  }
  const KEY_QUEUE = 'pakopeli.report.queue';     // [{k, p, tok, e}] oldest first
  const KEY_PLAY = 'pakopeli.report.play';       // {id, seq, tok, c}: the play events belong to (c: content release)
  const KEY_TOKEN = 'pakopeli.report.token';     // sessionStorage: this tab's player only
  const KEY_DONE = 'pakopeli.report.completion'; // sessionStorage: {tok, code}
  const KEY_OWNER = 'pakopeli.report.owner';     // localStorage: a hash of the token the game save belongs to
  const KEY_SAVE = 'pakopeli.save';              // the engine's saved answers (game/front/app.c)
  const KEY_RELEASE = 'pakopeli.release';        // the content release the engine plays them on (app.c)
  const KEY_FEEDBACK = 'pakopeli.report.feedback'; // [{tok, fb}] the learner's rating and comment
  const API = 'api/v1/';                         // relative: same origin, any base path
  const BATCH = 50, MAX_QUEUE = 5000, MAX_BACKOFF_MS = 20000;

  const TEXT = {
    fi: { pending: 'Tallennettu, ei vielä lähetetty', sent: 'Lähetetty', code: 'Suoritettu! Suorituskoodisi: ',
      dead: 'Linkki ei ole enää voimassa: pyydä uusi linkki HR:ltä. Vastauksesi on tallennettu tähän selaimeen.',
      nolink: 'Avaa peli henkilökohtaisesta linkistäsi, niin suorituksesi tallentuu.',
      who: 'Kirjoita nimesi ja yksikkösi, niin suorituksesi tallentuu.', name: 'Nimi', unit: 'Yksikkö', go: 'Tallenna',
      playing: (n, f) => `Pelaat nimellä ${n} – et ole ${f}? `, leave: 'Lopeta',
      sso: 'Kirjaudu, niin suorituksesi tallentuu.', ssoButton: 'Kirjaudu työtilillä' },
    sv: { pending: 'Sparat, inte skickat ännu', sent: 'Skickat', code: 'Klart! Din prestationskod: ',
      dead: 'Länken gäller inte längre: be HR om en ny länk. Dina svar är sparade i den här webbläsaren.',
      nolink: 'Öppna spelet via din personliga länk så sparas din prestation.',
      who: 'Skriv ditt namn och din enhet så sparas din prestation.', name: 'Namn', unit: 'Enhet', go: 'Spara',
      playing: (n, f) => `Du spelar som ${n} – är du inte ${f}? `, leave: 'Avsluta',
      sso: 'Logga in så sparas din prestation.', ssoButton: 'Logga in med jobbkontot' },
    en: { pending: 'Saved, not yet sent', sent: 'Sent', code: 'Completed! Your completion code: ',
      dead: 'This link is no longer valid: ask HR for a new one. Your answers are kept in this browser.',
      nolink: 'Open the game from your personal link to have your completion recorded.',
      who: 'Give your name and unit to have your completion recorded.', name: 'Name', unit: 'Unit', go: 'Save',
      playing: (n, f) => `Playing as ${n} – not ${f}? `, leave: 'Leave',
      sso: 'Sign in to have your completion recorded.', ssoButton: 'Sign in with your work account' },
  };

  // ---- storage (localStorage can throw: private mode, full disk; memory is the fallback) ----

  const memory = {};
  function load(key, fallback) {
    let text = null;
    try { text = localStorage.getItem(key); } catch (e) { text = memory[key] ?? null; }
    if (text === null) text = memory[key] ?? null;
    try { return text === null ? fallback : JSON.parse(text); } catch (e) { return fallback; }
  }
  function save(key, value) {
    const text = JSON.stringify(value);
    memory[key] = text;
    try { localStorage.setItem(key, text); } catch (e) { /* memory keeps it for this visit */ }
  }

  // The player's identity: this tab's session only. localStorage is shared by everyone who
  // uses this browser profile, which on a ward computer is everyone.
  function loadSession(key, fallback) {
    let text = null;
    try { text = sessionStorage.getItem(key); } catch (e) { text = memory['session:' + key] ?? null; }
    try { return text === null ? fallback : JSON.parse(text); } catch (e) { return fallback; }
  }
  function saveSession(key, value) {
    const text = value === null ? null : JSON.stringify(value);
    if (text === null) delete memory['session:' + key]; else memory['session:' + key] = text;
    try {
      if (text === null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, text);
    } catch (e) { /* memory keeps it for this visit */ }
  }
  function removeLocal(key) {
    delete memory[key];
    try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
  }
  // Not secret, only different per token: says whose the game save is without keeping the token.
  function tokenMark(tok) {
    let h = 2166136261;
    for (let i = 0; i < tok.length; i++) h = Math.imul(h ^ tok.charCodeAt(i), 16777619) >>> 0;
    return h.toString(36);
  }

  function lang() {
    const q = new URLSearchParams(location.search).get('lang');
    let code = q;
    if (!code) try { code = localStorage.getItem('pakopeli.lang'); } catch (e) { code = null; }
    if (!code) code = navigator.language || 'fi';
    code = code.slice(0, 2).toLowerCase();
    return TEXT[code] ? code : 'fi';
  }

  function randomId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 20);
  }

  // ---- the token --------------------------------------------------------------------------

  // A token in the link's fragment wins and is then taken out of the address bar, so it is not
  // shown to someone looking over a shoulder or bookmarked by accident.
  function readToken() {
    // an identity kept by an older version for everyone who came after: forget it
    removeLocal(KEY_TOKEN);
    removeLocal(KEY_DONE);
    const m = /(?:^#|&)t=([A-Za-z0-9_-]{16,64})(?:&|$)/.exec(location.hash);
    if (m) {
      saveSession(KEY_TOKEN, m[1]);
      try { history.replaceState(null, '', location.pathname + location.search); } catch (e) { /* file:// */ }
      return m[1];
    }
    return loadSession(KEY_TOKEN, null);
  }

  const fromLink = /(?:^#|&)t=/.test(location.hash);
  let token = readToken();
  // A saved game belongs to the person who played it: someone else (or nobody) starts afresh.
  // This runs before the engine (index.html loads it first) reads its save.
  const owner = load(KEY_OWNER, null);
  if (owner && owner !== (token ? tokenMark(token) : null)) {
    removeLocal(KEY_SAVE);
    removeLocal(KEY_RELEASE);
    removeLocal(KEY_OWNER);
  }
  // A game saved by a version that kept its release only in the play: the engine finishes the
  // game on that release (app.c pin_release), so it is told which one.
  {
    const p = load(KEY_PLAY, null);
    let kept = null;
    try { kept = localStorage.getItem(KEY_RELEASE); } catch (e) { kept = ''; }
    if (kept === null && p && p.c > 0) try { localStorage.setItem(KEY_RELEASE, String(p.c)); } catch (e) { /* none */ }
  }
  if (token) save(KEY_OWNER, tokenMark(token));
  // Arriving with a token (a personal link, or back from the work-account sign-in) after playing
  // without one: the game resumes the unowned save, so what was played before belongs to this
  // player too (as when the anonymous form is filled in).
  if (token && fromLink) adopt(token);
  let playerName = null;      // from /api/v1/me: shown so a wrong person notices
  let mode = 'probing';      // probing | online | unreachable | absent
  let config = null;
  let sent = 0;
  let deadTokens = new Set(); // revoked, expired or unknown: nothing more is sent with these
  let backoff = 1000, timer = null, inFlight = false, warned = false;
  pk.completion = null;
  const done = loadSession(KEY_DONE, null);
  if (done && done.tok === token) pk.completion = done.code;

  // Events, feedback and the play that were kept without a token become tok's.
  function adopt(tok) {
    save(KEY_QUEUE, load(KEY_QUEUE, []).map((q) => (q.tok ? q : { ...q, tok })));
    save(KEY_FEEDBACK, load(KEY_FEEDBACK, []).map((f) => (f.tok ? f : { ...f, tok })));
    const play = load(KEY_PLAY, null);
    if (play && !play.tok) save(KEY_PLAY, { ...play, tok });
  }

  // ---- the status line (outside the canvas; role=status is announced politely) ------------

  const box = document.createElement('div');
  box.id = 'report-status';
  box.setAttribute('role', 'status');
  box.hidden = true;
  Object.assign(box.style, {
    position: 'fixed', right: '.5rem', bottom: '.4rem', maxWidth: 'min(34rem, 90vw)', padding: '.3rem .7rem',
    font: '.9rem/1.35 Lato, system-ui, sans-serif', background: 'rgba(255,255,255,.92)', color: '#1b2430',
    border: '1px solid #9aa7b4', borderRadius: '.4rem', zIndex: '3',
  });
  // The status ("Sent", "Saved, not sent yet") has a line of its own under who is playing, and
  // keeps it while that is shown, empty or not: the box's height must not change when the first
  // answer is sent or the connection drops, since the canvas ends above the box (reserve below)
  // and a taller or shorter canvas moves the game under a pointer about to click.
  const line = document.createElement('div');
  // "Playing as Aino K. – not Aino? Leave": on a shared computer the next person must notice
  const whoLine = document.createElement('div'); // a line of its own above the status
  whoLine.id = 'report-who';
  const whoText = document.createElement('span');
  const leaveButton = document.createElement('button');
  leaveButton.type = 'button';
  leaveButton.addEventListener('click', leave);
  whoLine.append(whoText, leaveButton);
  whoLine.hidden = true;
  box.appendChild(whoLine);
  box.appendChild(line);
  // "Sign in with the work account", when the organisation has set it up (config.sso) and this
  // tab has no player: the server's sign-in (game/server/oidc.c) sends the browser back here
  // with a personal token in the fragment, as a personal link would.
  const ssoLine = document.createElement('div');
  ssoLine.id = 'report-sso';
  const ssoText = document.createElement('span');
  const ssoLink = document.createElement('a');
  ssoLink.href = API + 'oidc/login?for=player'; // relative: the game's own server, any base path
  // the game comes back in the language it is played in (the server keeps it for the way back)
  ssoLink.addEventListener('click', () => {
    const code = (document.documentElement.lang || '').slice(0, 2);
    ssoLink.href = API + 'oidc/login?for=player&lang=' + (TEXT[code] ? code : lang());
  });
  // One line, so the box stays within the keyboard hint's strip below the game on a laptop; on
  // a narrow screen only the button shows (the sentence stays for screen readers: style.css).
  Object.assign(ssoLink.style, {
    display: 'inline-block', padding: '.2rem .7rem', background: '#0b4f8a',
    color: '#fff', borderRadius: '.3rem', fontWeight: '700', textDecoration: 'none',
  });
  ssoText.className = 'report-sso-why';
  ssoText.style.marginRight = '.6rem';
  ssoLine.append(ssoText, ssoLink);
  ssoLine.hidden = true;
  box.appendChild(ssoLine);
  function mount() { if (!box.isConnected) (document.querySelector('main') || document.body).appendChild(box); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
  // The box takes its own strip at the bottom: the canvas ends above it (style.css reads
  // --report-h), so on a phone, where the game fills the screen, it never covers a control
  // ("Vihje", "Tarkista", the keypad). The engine sizes itself on the window's resize event,
  // which a change of the canvas's CSS height alone does not send.
  // The strip only grows while the window keeps its width: a box that shrinks (the code shown at
  // the end, a shorter message) leaves its strip rather than moving the game; a new width (a
  // phone turned) wraps the box anew and measures again.
  let reserved = -1, reservedWidth = -1;
  function reserve() {
    let h = box.hidden ? 0 : Math.ceil(box.getBoundingClientRect().height) + 8;
    if (window.innerWidth === reservedWidth) h = Math.max(h, reserved);
    reservedWidth = window.innerWidth;
    if (h === reserved) return;
    reserved = h;
    document.documentElement.style.setProperty('--report-h', h + 'px');
    window.dispatchEvent(new Event('resize'));
  }
  if (window.ResizeObserver) new ResizeObserver(reserve).observe(box);

  function queued() { return load(KEY_QUEUE, []); }

  // "Aino Kallio" is shown as "Aino K.": enough to recognise oneself, little to a passer-by.
  function shortName(name) {
    const parts = name.trim().split(/\s+/);
    return parts.length > 1 ? parts[0] + ' ' + parts[parts.length - 1][0] + '.' : parts[0];
  }

  function renderWho() {
    const t = TEXT[lang()];
    // still this player while the server is out of reach (their answers wait for it)
    const showIt = !!(token && playerName && !pk.completion && !deadTokens.has(token)
      && (mode === 'online' || mode === 'unreachable'));
    whoLine.hidden = !showIt;
    if (!showIt) return;
    const text = t.playing(shortName(playerName), playerName.trim().split(/\s+/)[0]);
    if (whoText.textContent !== text) whoText.textContent = text;
    if (leaveButton.textContent !== t.leave) leaveButton.textContent = t.leave;
    box.hidden = false;
  }

  // Not this player: forget who it is and start a fresh game without them. Their answers
  // already queued still go to the server under their own token.
  function leave() {
    saveSession(KEY_TOKEN, null);
    saveSession(KEY_DONE, null);
    removeLocal(KEY_SAVE);
    removeLocal(KEY_RELEASE);
    removeLocal(KEY_OWNER);
    token = null;
    playerName = null;
    location.replace(location.pathname + location.search);
  }

  function renderSso() {
    const t = TEXT[lang()];
    const showIt = !!(mode === 'online' && config && config.sso && !pk.completion && (!token || deadTokens.has(token)));
    ssoLine.hidden = !showIt;
    if (!showIt) return false;
    if (ssoText.textContent !== t.sso) ssoText.textContent = t.sso;
    if (ssoLink.textContent !== t.ssoButton) ssoLink.textContent = t.ssoButton;
    box.hidden = false;
    return true;
  }

  function render() {
    renderWho();
    const sso = renderSso();
    const t = TEXT[lang()];
    if (mode === 'absent' || mode === 'probing') return show('');
    if (pk.completion) return show(t.code + pk.completion);
    if (token && deadTokens.has(token)) return show(t.dead);
    const waiting = queued().filter((q) => q.tok && !deadTokens.has(q.tok)).length;
    if (!token && config && config.anonymous) return; // the form says it
    if (!token) return show(waiting || sent ? (sso ? '' : t.nolink) : '');
    if (waiting) return show(t.pending);
    show(sent ? t.sent : '');
  }

  function show(text) {
    if (line.textContent !== text) line.textContent = text;
    line.style.minHeight = whoLine.hidden ? '' : '1.35em'; // its line kept under who is playing
    box.hidden = !text && whoLine.hidden && ssoLine.hidden;
  }

  // ---- anonymous mode: a small form for name and unit ---------------------------------------

  function askWho() {
    if (box.querySelector('form')) return;
    const t = TEXT[lang()];
    const form = document.createElement('form');
    const p = document.createElement('p');
    p.textContent = t.who;
    p.style.margin = '0 0 .3rem';
    form.appendChild(p);
    const fields = {};
    for (const name of ['name', 'unit']) {
      const label = document.createElement('label');
      label.textContent = t[name] + ' ';
      label.style.marginRight = '.5rem';
      const input = document.createElement('input');
      input.name = name;
      input.required = true;
      input.maxLength = name === 'name' ? 200 : 100;
      input.autocomplete = name === 'name' ? 'name' : 'organization';
      label.appendChild(input);
      form.appendChild(label);
      fields[name] = input;
    }
    const button = document.createElement('button');
    button.type = 'submit';
    button.textContent = t.go;
    form.appendChild(button);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      button.disabled = true;
      try {
        const res = await fetch(API + 'players', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: fields.name.value, unit: fields.unit.value }) });
        if (res.ok) {
          token = (await res.json()).token;
          saveSession(KEY_TOKEN, token);
          save(KEY_OWNER, tokenMark(token));
          playerName = fields.name.value;
          adopt(token); // events played before the form was filled in belong to this player
          form.remove();
          render();
          flushSoon(0);
          return;
        }
      } catch (err) { /* unreachable: the form stays for another try */ }
      button.disabled = false;
    });
    box.appendChild(form);
    box.hidden = false;
  }

  // ---- sending -------------------------------------------------------------------------------

  function flushSoon(ms) {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  }

  function retryLater() {
    flushSoon(backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }

  // Removes items by key from the stored queue (read-modify-write in one step: another tab
  // may have added events meanwhile).
  function forget(keys) {
    if (!keys.length) return;
    const gone = new Set(keys);
    save(KEY_QUEUE, queued().filter((q) => !gone.has(q.tok + '|' + q.k)));
  }

  function completed(code) {
    if (!code || pk.completion === code) return;
    pk.completion = code;
    // Done: this tab shows the code, and the identity is forgotten, so whoever sits down next
    // (or plays again) is not recorded under this name. The code stays on screen until then.
    saveSession(KEY_DONE, null);
    saveSession(KEY_TOKEN, null);
    if (typeof pk.onCompletion === 'function') {
      try { pk.onCompletion(code); } catch (e) { console.warn('pakopeli.onCompletion:', e); }
    }
  }

  async function flush() {
    if (inFlight || mode === 'absent') return;
    if (mode !== 'online') { probe(); return; }
    const all = queued().filter((q) => q.tok && !deadTokens.has(q.tok));
    if (!all.length) { sendFeedback(); render(); return; }
    // one play of one token per request, oldest first, in order
    const first = all[0];
    const batch = all.filter((q) => q.tok === first.tok && q.p === first.p).slice(0, BATCH);
    inFlight = true;
    let res = null, body = null;
    try {
      res = await fetch(API + 'events', {
        method: 'POST', keepalive: JSON.stringify(batch).length < 60000,
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + first.tok },
        body: JSON.stringify({ play: first.p, ...(first.c ? { content: first.c } : {}),
          events: batch.map((q) => ({ key: q.k, event: q.e })) }),
      });
      body = await res.json().catch(() => null);
    } catch (e) {
      res = null; // offline or the server is down
    }
    inFlight = false;
    const ids = (items) => items.map((q) => q.tok + '|' + q.k);
    if (!res || res.status >= 500 || res.status === 429) {
      mode = res ? 'online' : 'unreachable';
      render();
      retryLater();
      return;
    }
    if (res.status === 404 && !body) { mode = 'absent'; render(); return; }
    const accepted = body && typeof body.accepted === 'number' ? body.accepted : 0;
    forget(ids(batch.slice(0, accepted)));
    sent += accepted;
    if (body && body.completed) completed(body.completion_code);
    if (res.ok) {
      backoff = 1000;
      render();
      flushSoon(0);
      return;
    }
    const code = body && body.error ? body.error.code : '';
    if (res.status === 401 || res.status === 403) {
      // the token is dead: keep the answers, stop sending them, tell the player once
      deadTokens.add(first.tok);
    } else {
      // refused (does not replay, a gap, a conflict, malformed): this play cannot go further,
      // and resending would fail forever. Drop it and say so in the console, once.
      const rest = batch.slice(accepted);
      const later = queued().filter((q) => q.tok === first.tok && q.p === first.p);
      forget(ids(rest.concat(later)));
      if (!warned) console.warn('pakopeli: the report server refused events (' + code + '):', body && body.error && body.error.message);
      warned = true;
    }
    render();
    flushSoon(0);
  }

  // Feedback goes after the events, one at a time; a refused one is dropped (it cannot improve).
  async function sendFeedback() {
    const item = load(KEY_FEEDBACK, []).find((f) => f.tok && !deadTokens.has(f.tok));
    if (!item || inFlight) return;
    inFlight = true;
    let res = null;
    try {
      res = await fetch(API + 'feedback', { method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + item.tok }, body: JSON.stringify(item.fb) });
    } catch (e) { res = null; }
    inFlight = false;
    if (!res || res.status >= 500 || res.status === 429) { retryLater(); return; }
    if (res.status === 401 || res.status === 403) deadTokens.add(item.tok);
    else save(KEY_FEEDBACK, load(KEY_FEEDBACK, []).filter((f) => f.at !== item.at || f.tok !== item.tok));
    flushSoon(0);
  }

  async function probe() {
    if (inFlight) return;
    inFlight = true;
    let res = null;
    try { res = await fetch(API + 'config', { headers: { accept: 'application/json' } }); } catch (e) { res = null; }
    let cfg = null;
    if (res && res.ok) cfg = await res.json().catch(() => null);
    inFlight = false;
    if (res && res.status === 404) { mode = 'absent'; render(); return; } // static hosting: stay quiet
    if (!cfg || cfg.api !== 1) {
      mode = res && res.ok ? 'absent' : 'unreachable';
      render();
      if (mode === 'unreachable') retryLater();
      return;
    }
    config = cfg;
    mode = 'online';
    backoff = 1000;
    if (!token && cfg.anonymous) askWho();
    if (token && !pk.completion) {
      try {
        const me = await fetch(API + 'me', { headers: { authorization: 'Bearer ' + token } });
        if (me.ok) {
          const m = await me.json();
          if (typeof m.name === 'string' && m.name.trim()) playerName = m.name;
          if (m.completion_code) completed(m.completion_code);
        }
        else if (me.status === 401 || me.status === 403) deadTokens.add(token);
      } catch (e) { /* the next flush finds out */ }
    }
    render();
    flushSoon(0);
  }

  // ---- the engine's hook ----------------------------------------------------------------------

  function playedRelease() {
    let kept = null;
    try { kept = localStorage.getItem(KEY_RELEASE); } catch (e) { kept = null; }
    const n = Number(kept);
    if (Number.isSafeInteger(n) && n > 0) return n;
    return config && config.content ? config.content : 0; // an engine from before it said
  }

  pk.report = function (json) {
    let ev;
    try { ev = JSON.parse(json); } catch (e) { return; }
    if (!ev || typeof ev.seq !== 'number') return;
    let play = load(KEY_PLAY, null);
    // A new play-through starts when the numbering starts again (a reload without resume, or
    // "play again"), or with another player's token.
    // A play records the content release it began on (the server replays it on that one): the
    // release of the rooms the engine plays (app.c writes it when the game starts), not the
    // server's newest, which a volunteer's publish may have moved on since the page loaded.
    if (!play || play.tok !== (token || null) || ev.seq <= play.seq) {
      play = { id: randomId(), seq: 0, tok: token || null, c: playedRelease() };
    }
    play.seq = ev.seq;
    save(KEY_PLAY, play);
    const q = queued();
    q.push({ k: play.id + ':' + ev.seq, p: play.id, tok: token || null, e: ev, c: play.c || 0 });
    if (q.length > MAX_QUEUE) q.splice(0, q.length - MAX_QUEUE); // never fill the disk
    save(KEY_QUEUE, q);
    render();
    flushSoon(mode === 'online' ? 50 : 0);
  };

  pk.feedback = function (rating, comment) {
    const given = rating && typeof rating === 'object' ? rating : { rating, text: comment };
    const fb = {};
    if (Number.isInteger(given.rating) && given.rating >= 1 && given.rating <= 5) fb.rating = given.rating;
    if (typeof given.text === 'string' && given.text.trim()) fb.text = given.text.trim().slice(0, 2000);
    if (typeof given.room === 'string' && given.room) fb.room = given.room;
    if (!fb.rating && !fb.text) return false;
    const list = load(KEY_FEEDBACK, []);
    list.push({ tok: token || null, at: Date.now() + Math.random(), fb });
    save(KEY_FEEDBACK, list.slice(-50));
    flushSoon(0);
    return true;
  };

  pk.reportState = function () {
    return { mode, queued: queued().length, feedback: load(KEY_FEEDBACK, []).length, sent,
      token: token ? 'yes' : 'no', completion: pk.completion };
  };

  window.addEventListener('online', () => { backoff = 1000; flushSoon(0); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushSoon(0); });
  probe();
})();
