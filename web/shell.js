// shell.js - the page around the engine: Emscripten's Module settings and the screen-reader
// mirror that the engine fills through plat_mirror() (game/platform/platform_web.c).
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const status = document.getElementById('status');
  const lines = document.getElementById('sr-lines');
  const focusEl = document.getElementById('sr-focus');
  const newsEl = document.getElementById('sr-news');
  const marks = {};

  // Maps the engine's logical rectangle to CSS pixels of the page (the engine letterboxes).
  function toPage(x, y, w, h) {
    const r = canvas.getBoundingClientRect();
    const { w: LW, h: LH } = window.pakopeli.logical; // set by the engine (plat_layout)
    const s = Math.min(r.width / LW, r.height / LH);
    const ox = r.left + (r.width - LW * s) / 2, oy = r.top + (r.height - LH * s) / 2;
    return { x: ox + x * s, y: oy + y * s, w: w * s, h: h * s };
  }

  // The mirror as a page: each line of the engine's text is an element with data-line (a
  // control, a text, or a heading); structure lines (ui.h UI_MARK) open and close groups and
  // dialogs. Rebuilt only where a line changed, so a screen reader's place is kept.
  const MARK = '\x1e';
  function parse(screen) {
    const root = { kind: 'root', children: [] };
    const stack = [root];
    for (const raw of screen ? screen.split('\n') : []) {
      const top = stack[stack.length - 1];
      if (raw.startsWith(MARK)) {
        const kind = raw[1];
        let label = raw.slice(3), where = '';
        if (raw[2] === '@') { // a group with its place on screen (the scene)
          const bar = raw.indexOf('|');
          where = raw.slice(3, bar);
          label = raw.slice(bar + 1);
        }
        if (kind === 'H') top.children.push({ kind: 'heading', text: label });
        else if (kind === 'G' || kind === 'D') {
          const node = { kind: kind === 'G' ? 'group' : 'dialog', label, where, children: [] };
          top.children.push(node);
          stack.push(node);
        } else if ((kind === 'g' || kind === 'd') && stack.length > 1) stack.pop();
        else if (kind === 'R') { // a text with its place on screen (feedback)
          const bar = raw.indexOf('|');
          const [where, clip] = raw.slice(2, bar).split(';');
          top.children.push({ kind: 'line', text: raw.slice(bar + 1), where, clip });
        }
        continue;
      }
      let text = raw, rect = '', clip = '', lang = '';
      const m = /^@(-?\d+),(-?\d+),(-?\d+),(-?\d+)(?:;(-?\d+),(-?\d+),(-?\d+),(-?\d+))?(?:~([a-z-]+))?\|/.exec(text);
      if (m) {
        rect = m.slice(1, 5).join(',');
        if (m[5] !== undefined) clip = m.slice(5, 9).join(','); // a scrolling area: where it shows
        if (m[9]) lang = m[9];
        text = text.slice(m[0].length);
      }
      const focused = text.startsWith('▶ ');
      if (focused) text = text.slice(2);
      top.children.push({ kind: 'line', text, rect, clip, lang, focused });
    }
    return root;
  }

  // Makes el's children show node's children: lines in <ul>s, headings as <h2>, groups and
  // dialogs as labelled containers. Elements are reused in place where they fit.
  function render(el, node) {
    const want = [];
    let list = null;
    for (const c of node.children) {
      if (c.kind === 'line') {
        if (!list) { list = { tag: 'UL', items: [] }; want.push(list); }
        list.items.push(c);
      } else {
        list = null;
        want.push(c.kind === 'heading' ? { tag: 'H2', node: c } : { tag: 'DIV', node: c });
      }
    }
    for (let i = 0; i < want.length; i++) {
      const w = want[i];
      let child = el.children[i];
      if (!child || child.tagName !== w.tag) {
        const fresh = document.createElement(w.tag);
        if (child) el.replaceChild(fresh, child); else el.appendChild(fresh);
        child = fresh;
      }
      if (w.tag === 'UL') renderLines(child, w.items);
      else if (w.tag === 'H2') {
        if (child.textContent !== w.node.text) child.textContent = w.node.text;
        child.dataset.line = '';
      } else {
        const role = w.node.kind === 'dialog' ? 'dialog' : 'group';
        if (child.getAttribute('role') !== role) child.setAttribute('role', role);
        if (child.getAttribute('aria-label') !== w.node.label) child.setAttribute('aria-label', w.node.label);
        child.toggleAttribute('aria-modal', role === 'dialog');
        if ((child.dataset.rect || '') !== (w.node.where || '')) child.dataset.rect = w.node.where || '';
        render(child, w.node);
      }
    }
    while (el.children.length > want.length) el.lastChild.remove();
  }

  function renderLines(ul, items) {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      let li = ul.children[i];
      if (!li) { li = document.createElement('li'); ul.appendChild(li); }
      if (li.textContent !== it.text) li.textContent = it.text;
      li.dataset.line = '';
      const rect = it.rect || it.where || '';
      if (li.dataset.rect !== rect) li.dataset.rect = rect;
      if (li.dataset.clip !== (it.clip || '')) li.dataset.clip = it.clip || '';
      li.toggleAttribute('data-control', !!it.rect);
      li.toggleAttribute('aria-current', !!it.focused);
      if (it.lang) li.lang = it.lang; else li.removeAttribute('lang');
    }
    while (ul.children.length > items.length) ul.lastChild.remove();
  }

  // What is new is said once: what one frame brings as one paragraph of the live region (a
  // sentence a line), the oldest dropped. One paragraph, not one a line: Orca (reading
  // Chromium) spoke a frame's lines in an order of its own, a room's intro before its title and
  // the focused control between them. Tests count the lines in window.pakopeli.news.
  const news = [];
  function announce(text) {
    const said = (text ? text.split('\n') : []).filter((t) => t);
    if (!said.length) return;
    news.push(...said);
    const p = document.createElement('p');
    // a title has no full stop: one is added, so a voice pauses before the next line
    p.textContent = said.map((t, i) => (i < said.length - 1 && !/[.!?…:]$/.test(t) ? `${t}.` : t)).join(' ');
    newsEl.appendChild(p);
    while (newsEl.children.length > 6) newsEl.firstChild.remove();
  }

  function mirror(screen, focus, fresh) {
    window.pakopeli.passes++; // tests wait for the engine to have seen their input
    render(lines, parse(screen));
    announce(fresh);
    if (focusEl.textContent !== focus) focusEl.textContent = focus;
  }

  // A real <input> over the engine's answer field, so phones raise their keyboard (the engine
  // polls it: plat_text_field_poll). Enter submits; leaving it closes it.
  const field = { open: false, submitted: false, input: null };
  function fieldOpen(x, y, w, h, label, value) {
    if (!field.input) {
      const input = document.createElement('input');
      input.type = 'text';
      input.id = 'answer-field';
      input.autocomplete = 'off';
      input.setAttribute('autocapitalize', 'none');
      input.setAttribute('spellcheck', 'false');
      input.className = 'answer-field';
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') { field.submitted = true; e.preventDefault(); }
        if (e.key === 'Escape' || e.key === 'Tab') { e.preventDefault(); canvas.focus(); }
      });
      input.addEventListener('blur', () => { field.open = false; input.hidden = true; });
      document.getElementById('stage').appendChild(input);
      field.input = input;
    }
    const stage = document.getElementById('stage').getBoundingClientRect();
    const r = toPage(x, y, w, h);
    Object.assign(field.input.style, { left: `${r.x - stage.left}px`, top: `${r.y - stage.top}px`,
      width: `${r.w}px`, height: `${r.h}px`, fontSize: `${Math.max(16, r.h * 0.45)}px` });
    field.input.setAttribute('aria-label', label);
    field.input.value = value;
    field.input.hidden = false;
    field.open = true;
    field.submitted = false;
    takeFocus(field.input);
  }
  function fieldClose() {
    if (!field.input || !field.open) return;
    field.open = false;
    field.input.hidden = true;
    takeFocus(canvas);
  }
  // The studio's preview (window.pakopeli.preview) never takes the focus by itself: an author
  // typing in the studio while the preview (re)loads would have their letters land in the game.
  // It gets the focus when the author clicks or tabs into it (then its document has the focus).
  function takeFocus(el) {
    if (!window.pakopeli.preview || document.hasFocus()) el.focus();
  }

  // The page's own words, in the game's language (the engine calls this: plat_page_language).
  const PAGE_TEXT = {
    fi: { skip: 'Siirry pelin tekstiversioon',
      hint: 'Näppäimistö: sarkain ja nuolet liikkuvat, Enter tai välilyönti valitsee, Esc sulkee.',
      canvas: 'Pakopeli. Liiku sarkaimella ja nuolinäppäimillä, valitse Enterillä.',
      screen: 'Pelin sisältö tekstinä', title: 'Pakopeli – digitaalinen työpäiväsi' },
    sv: { skip: 'Gå till spelets textversion',
      hint: 'Tangentbord: Tabb och pilarna flyttar, Enter eller mellanslag väljer, Esc stänger.',
      canvas: 'Flyktspelet. Flytta med Tabb och piltangenterna, välj med Enter.',
      screen: 'Spelets innehåll som text', title: 'Flyktspelet – din digitala arbetsdag' },
    en: { skip: 'Skip to the text version of the game',
      hint: 'Keyboard: Tab and the arrows move, Enter or Space chooses, Esc closes.',
      canvas: 'Pakopeli. Move with Tab and the arrow keys, choose with Enter.',
      screen: 'The game as text', title: 'Pakopeli – your digital workday' },
  };
  function language(code) {
    const t = PAGE_TEXT[code] || PAGE_TEXT.fi;
    document.documentElement.lang = code;
    document.title = t.title;
    document.querySelectorAll('[data-text]').forEach((el) => { el.textContent = t[el.dataset.text]; });
    document.getElementById('sr-screen').setAttribute('aria-label', t.screen);
  }

  function leaveFocus(forward) {
    const target = forward ? document.getElementById('after-game') : document.querySelector('.skip');
    if (target) target.focus();
  }

  function mark(name) {
    marks[name] = performance.now();
    try { performance.mark('pakopeli-' + name); } catch (e) { /* old browsers */ }
    // the engine's own screen takes over: playable, or its error card (never under 'Ladataan peliä…')
    if (name === 'interactive' || name === 'error') status.textContent = '';
  }

  // Drawn frames as the engine reports them (plat_frame_stats): the last 4096 frame times (ms)
  // and texts rasterised, for the benchmark (tests/bench). Cheap: a few numbers per drawn frame.
  const frames = { drawn: 0, ms: [], renders: [] };
  // shown: 0 for a frame left for later (its texts come over the next frames; the canvas and the
  // mirror still show the frame before): tests wait while window.pakopeli.held (lib.mjs settle).
  function frame(ms, renders, shown) {
    window.pakopeli.held = !shown;
    frames.drawn++;
    if (frames.ms.length === 4096) { frames.ms.shift(); frames.renders.shift(); }
    frames.ms.push(ms);
    frames.renders.push(renders);
  }

  // The content changed (make dev, the studio's preview): load it again now. The engine reads
  // reloadRequested each frame; an idle engine draws no frames, so it is woken too.
  function reload() {
    window.pakopeli.reloadRequested = true;
    // only a running engine is woken (one still starting reads the content when it starts): the
    // export's wrapper exists before the wasm does, and called then it threw "reading 'ae'"
    if (window.Module && window.Module.asm && window.Module._plat_web_wake) window.Module._plat_web_wake();
  }
  // The first load's content, asked for now, while the engine is still on its way: the page's
  // preloads (index.html, game/tools/preload.mjs), which the browser is already fetching, kept
  // as bytes. The engine takes each once when it asks (platform_web.c, js_fetch): from `fetched`
  // in the same call when it has come, so the lobby's files are read in the engine's first
  // frames without a wait between them (docs/performance.md, issue 18's fifth round).
  const prefetched = {}, fetched = {}, asked = {}; // asked: what the engine has asked for (js_fetch)
  // An SVG among them is also decoded as soon as it comes (an <img> of its bytes), while the
  // engine still compiles: the browser draws the game's SVG (platform_web.c, js_decode_image,
  // which takes the decoded picture from here), and Chromium's first SVG decode of a page takes
  // 70-160 ms, which otherwise came between the engine's first frame and the lobby.
  const pictures = {};
  function decodeSvg(buf) {
    const img = new Image(), url = URL.createObjectURL(new Blob([buf], { type: 'image/svg+xml' }));
    img.src = url;
    const done = img.decode().then(() => { done.img = img; return img; }); // img: the engine takes it at once
    done.then(() => URL.revokeObjectURL(url), () => URL.revokeObjectURL(url));
    return done;
  }
  function prefetch(href) {
    const key = decodeURI(href);
    if (prefetched[key] || asked[key]) return;
    const got = fetch(href, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(`${href}: ${r.status}`);
      return r.arrayBuffer();
    });
    got.then((buf) => { // a failure is the engine's to show when it asks
      if (prefetched[key] !== got) return;
      fetched[key] = buf;
      if (/\.svg$/i.test(key)) pictures[key] = decodeSvg(buf);
    }, () => {});
    prefetched[key] = got;
  }
  document.querySelectorAll('link[rel="preload"][as="fetch"]').forEach((link) => {
    const href = link.getAttribute('href');
    if (!/\.wasm$/.test(href)) prefetch(href); // the engine itself: Emscripten's glue compiles it as it streams
  });
  window.pakopeli = { mirror, news, mark, marks, frame, frames, leaveFocus, toPage, fieldOpen, fieldClose, field, language, reload,
    logical: { w: 1280, h: 720 }, passes: 0, held: false, prefetched, fetched, asked, pictures };
  // The studio's preview (the same page, served at /studio/preview/) plays drafts on the game's
  // own origin: its saves are kept apart from the real game's, and report.js sends nothing, so an
  // author trying a draft never marks (or wipes) their own real progress or anyone's results.
  if (/\/studio\/preview\//.test(location.pathname)) {
    window.pakopeli.preview = true;
    window.pakopeli.storePrefix = 'pakopeli.studio.preview.';
  }

  // A returning player's game waits for every room (their answers are replayed into them:
  // app.c new_player), which the page does not preload (a new player's lobby comes before them:
  // game/tools/preload.mjs). When this browser holds a save, or the player is sent to a room,
  // those rooms are asked for as soon as game.json has come, not once the engine has read it.
  // A hint only: the engine asks for whatever it needs either way.
  if (prefetched['levels/game.json']) {
    prefetched['levels/game.json'].then((buf) => {
      const prefix = window.pakopeli.storePrefix || '';
      let save = null, where = null, release = null;
      try {
        save = localStorage.getItem(`${prefix}pakopeli.save`);
        where = localStorage.getItem(`${prefix}pakopeli.where`);
        release = localStorage.getItem(`${prefix}pakopeli.release`);
      } catch (e) { /* no storage: a new player */ }
      const game = JSON.parse(new TextDecoder().decode(buf));
      const saved = save && !/^\s*\[\s*\]\s*$/.test(save);
      // a game begun on an older release is finished on it, from levels/r/N/ (app.c pin_release)
      if (saved && game.release > 0 && Number(release) > 0 && Number(release) !== game.release) return;
      const returning = saved || (where && where !== game.hub) || /[?&]room=/.test(location.search);
      if (returning) (game.rooms || []).forEach((r) => { if (typeof r.file === 'string') prefetch(`levels/${r.file}`); });
    }).catch(() => {});
  }

  // The engine compiled from the page's first moment, not once its glue has loaded and run: the
  // wasm streams (preloaded, index.html) into the compiler while pakopeli.js is still on its way.
  // A server that does not say application/wasm (a learning platform's file server may say
  // application/octet-stream) cannot stream: then the same download is compiled from its bytes.
  // (It was fetched a second time, 0.6 MB more on a SCORM package's first load.)
  const wasmUrl = 'pakopeli.wasm';
  const compiled = fetch(wasmUrl, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) return null;
    if (WebAssembly.compileStreaming && /^application\/wasm\b/i.test(r.headers.get('content-type') || ''))
      return WebAssembly.compileStreaming(r).catch(() => null);
    return r.arrayBuffer().then((buf) => WebAssembly.compile(buf));
  }).catch(() => null);
  function instantiateWasm(imports, receive) {
    compiled.then((mod) => mod || fetch(wasmUrl, { credentials: 'same-origin' })
      .then((r) => r.arrayBuffer()).then((buf) => WebAssembly.compile(buf)))
      .then((mod) => WebAssembly.instantiate(mod, imports).then((inst) => receive(inst, mod)))
      .catch((e) => window.Module.onAbort(String(e)));
    return {}; // the exports come through receive()
  }

  window.Module = {
    canvas,
    instantiateWasm,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    onAbort: (what) => {
      status.textContent = 'Peli pysähtyi virheeseen. Lataa sivu uudelleen. (' + what + ')';
    },
  };

  // A long press or right click on the game is a game input, not a page menu (no inline
  // handler: the Content-Security-Policy allows no inline script).
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // Clicking the game gives it the keyboard; the page keeps it otherwise.
  canvas.addEventListener('pointerdown', () => canvas.focus());
  window.addEventListener('load', () => takeFocus(canvas));
})();
