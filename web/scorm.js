// scorm.js - the game inside a learning platform (SCORM 1.2 or 2004). Only the packages that
// `make scorm` builds load it (game/tools/scorm.mjs puts it on the page in place of report.js,
// with data-scorm="1.2" or "2004"); the served game never does.
//
// Before the engine starts it finds the platform's API as the standards describe (`API` for
// 1.2, `API_1484_11` for 2004: up the window.parent chain, then window.opener's), initialises
// it, and gives the engine (plat_lms_* in game/platform/platform_web.c) the learner's resume
// state. After every answer and room change the engine hands back its progress, and this file
// writes it and commits at once (browsers no longer let a page do that work while it unloads):
//   cmi.suspend_data        the resume state (game/core/resume.h), so the next launch resumes
//   score                   raw 0-100 (and scaled 0-1 in 2004), once every required room is solved
//   status                  incomplete until then; then completed + passed (1.2: "passed"), or
//                           failed when the platform set a mastery score the score is below
//   session time, and exit = "suspend" so the platform keeps the resume state;
//   the player's rating at the end as a learner comment (cmi.comments / comments_from_learner).
// When there is no API, or a call fails (LMSGetLastError / GetLastError), the game keeps
// playing on its own browser save (kept per learner and package: storePrefix) and a status
// line says the result is not reaching the platform; every later answer tries again, and the
// line goes away once a commit goes through.
'use strict';

(function () {
  const pk = (window.pakopeli = window.pakopeli || {});
  const script = document.currentScript;
  const v2004 = !!script && script.dataset.scorm === '2004';
  const LIMIT = v2004 ? 64000 : 4096; // cmi.suspend_data: SPM 64000 / CMIString4096
  const CALLS = v2004
    ? { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate',
      error: 'GetLastError', text: 'GetErrorString' }
    : { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish',
      error: 'LMSGetLastError', text: 'LMSGetErrorString' };
  const CMI = v2004
    ? { learner: 'cmi.learner_id', status: 'cmi.completion_status', raw: 'cmi.score.raw', min: 'cmi.score.min',
      max: 'cmi.score.max', session: 'cmi.session_time', exit: 'cmi.exit', location: 'cmi.location' }
    : { learner: 'cmi.core.student_id', status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw',
      min: 'cmi.core.score.min', max: 'cmi.core.score.max', session: 'cmi.core.session_time',
      exit: 'cmi.core.exit', location: 'cmi.core.lesson_location' };

  const TEXT = {
    fi: { lost: 'Tuloksesi ei nyt välity oppimisympäristöön. Peli tallentuu tähän selaimeen, joten voit jatkaa pelaamista.',
      none: 'Oppimisympäristöä ei löytynyt: tuloksesi ei välity sinne. Peli tallentuu tähän selaimeen.' },
    sv: { lost: 'Ditt resultat når inte lärplattformen just nu. Spelet sparas i den här webbläsaren, så du kan fortsätta spela.',
      none: 'Lärplattformen hittades inte: ditt resultat når den inte. Spelet sparas i den här webbläsaren.' },
    en: { lost: 'Your result is not reaching the learning platform right now. The game is saved in this browser, so you can keep playing.',
      none: 'The learning platform was not found: your result does not reach it. The game is saved in this browser.' },
  };

  // ---- finding the API (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.2.1) ----------------------

  function search(win, name) {
    for (let hops = 0; win && hops <= 500; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (e) { return null; } // another origin's window: not ours to look into
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  function findApi() {
    const name = v2004 ? 'API_1484_11' : 'API';
    let api = search(window, name);
    try {
      if (!api && window.top && window.top.opener) api = search(window.top.opener, name);
      if (!api && window.opener) api = search(window.opener, name);
    } catch (e) { /* an opener of another origin */ }
    return api;
  }

  // ---- calls, each checked ------------------------------------------------------------------

  const api = findApi();
  let live = false;        // initialised and not yet finished
  let problem = api ? null : { kind: 'none', detail: '' };
  const isTrue = (r) => r === true || String(r) === 'true';

  function lastError(call) {
    let code = '', text = '';
    try {
      code = String(api[CALLS.error]());
      text = String(api[CALLS.text](code) || '');
    } catch (e) { text = String(e); }
    return `${call}: ${code} ${text}`.trim();
  }

  // Runs one call; on failure remembers what the platform said (shown under the warning).
  function run(call, ...args) {
    let r;
    try { r = api[CALLS[call]](...args); } catch (e) { problem = { kind: 'lost', detail: `${CALLS[call]}: ${e}` }; return null; }
    if (call === 'get') {
      let code = '0';
      try { code = String(api[CALLS.error]()); } catch (e) { code = '0'; }
      return code === '0' ? String(r ?? '') : null; // a value the platform does not have is ""
    }
    if (!isTrue(r)) {
      problem = { kind: 'lost', detail: lastError(`${CALLS[call]}(${args[0] ?? ''})`) };
      return null;
    }
    return true;
  }

  const started = Date.now();
  let learner = '', resume = '', mastery = null, doneBefore = false, bestScore = -1;
  if (api) {
    live = !!run('init', '');
    if (live) {
      learner = run('get', CMI.learner) || '';
      resume = run('get', 'cmi.suspend_data') || '';
      const status = run('get', CMI.status) || '';
      doneBefore = v2004 ? status === 'completed' : ['passed', 'completed', 'failed'].includes(status);
      const raw = parseFloat(run('get', CMI.raw) || '');
      if (doneBefore && Number.isFinite(raw)) bestScore = raw;
      // The platform's pass mark, when its administrator set one (else finishing is passing).
      const m = parseFloat(v2004 ? run('get', 'cmi.scaled_passing_score') || '' : run('get', 'cmi.student_data.mastery_score') || '');
      if (Number.isFinite(m)) mastery = v2004 ? m * 100 : m;
      if (!v2004 && (status === 'not attempted' || status === '')) run('set', CMI.status, 'incomplete');
    }
  }

  // One browser save per learner and package: learners may share a computer, and a platform
  // serves every package from its own origin (the package's folder tells them apart).
  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(36);
  }
  pk.storePrefix = `pakopeli.lms.${hash(`${learner}|${location.pathname.replace(/[^/]*$/, '')}`)}.`;

  // ---- what the engine reports --------------------------------------------------------------

  function duration(ms) {
    const cs = Math.floor(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60;
    const s = Math.floor(cs / 100) % 60, frac = cs % 100;
    if (v2004) return `PT${h}H${m}M${s}.${String(frac).padStart(2, '0')}S`;
    const two = (n) => String(n).padStart(2, '0');
    return `${String(Math.min(h, 9999)).padStart(4, '0')}:${two(m)}:${two(s)}.${two(frac)}`;
  }

  let last = null; // the engine's last progress, written again after a failure
  function write(p) {
    problem = null;
    if (p.resume != null) {
      if (p.resume.length <= LIMIT) run('set', 'cmi.suspend_data', p.resume);
      else problem = { kind: 'lost', detail: `cmi.suspend_data: ${p.resume.length} > ${LIMIT}` };
    }
    run('set', CMI.session, duration(Date.now() - started));
    run('set', CMI.exit, 'suspend'); // keep the resume state for the next launch
    const completed = p.completed || doneBefore;
    if (p.completed && p.score > bestScore) bestScore = p.score; // another play-through never lowers it
    if (completed && bestScore >= 0) {
      run('set', CMI.min, '0');
      run('set', CMI.max, '100');
      run('set', CMI.raw, String(bestScore));
      if (v2004) run('set', 'cmi.score.scaled', String(bestScore / 100));
    }
    const passed = mastery === null || bestScore >= mastery;
    if (v2004) {
      run('set', 'cmi.completion_status', completed ? 'completed' : 'incomplete');
      run('set', 'cmi.success_status', completed ? (passed ? 'passed' : 'failed') : 'unknown');
    } else {
      run('set', CMI.status, completed ? (passed ? 'passed' : 'failed') : 'incomplete');
    }
    run('commit', ''); // a refused value above, or the commit itself, leaves the warning up
  }

  function progress(p) {
    last = p;
    if (live) write(p);
    render();
  }

  // The player's rating at the end (plat_send_feedback) goes to the platform's learner comments,
  // where its reports show it: a package has no report server to take it.
  pk.feedback = function (rating, comment) {
    const given = rating && typeof rating === 'object' ? rating : { rating, text: comment };
    const parts = [];
    if (Number.isInteger(given.rating) && given.rating >= 1 && given.rating <= 5) parts.push(`${given.rating}/5`);
    if (typeof given.text === 'string' && given.text.trim()) parts.push(given.text.trim());
    if (!parts.length || !live) return false;
    const text = parts.join(': ').slice(0, 4000);
    if (v2004) {
      const n = parseInt(run('get', 'cmi.comments_from_learner._count') || '0', 10) || 0;
      run('set', `cmi.comments_from_learner.${n}.comment`, text);
      run('set', `cmi.comments_from_learner.${n}.timestamp`, new Date().toISOString().slice(0, 19));
    } else {
      run('set', 'cmi.comments', text);
    }
    run('commit', '');
    render();
    return !problem;
  };

  pk.lms = { version: v2004 ? '2004' : '1.2', limit: LIMIT, resume, progress,
    state: () => ({ api: !!api, live, problem, learner, storePrefix: pk.storePrefix }) };

  // The session ends when the page goes: the platform adds the session time then.
  let finished = false;
  function finish() {
    if (!live || finished) return;
    finished = true;
    if (last) write(last);
    run('finish', '');
    live = false;
  }
  window.addEventListener('pagehide', finish);

  // ---- the status line (as report.js's: outside the canvas, announced politely) -------------

  const box = document.createElement('div');
  box.id = 'lms-status';
  box.setAttribute('role', 'status');
  box.hidden = true;
  Object.assign(box.style, {
    position: 'fixed', left: '.5rem', bottom: '.4rem', maxWidth: 'min(40rem, 92vw)', padding: '.35rem .7rem',
    font: '.9rem/1.35 Lato, system-ui, sans-serif', background: '#fff4d6', color: '#1b2430',
    border: '1px solid #b7791f', borderRadius: '.4rem', zIndex: '3',
  });
  const line = document.createElement('span');
  const detail = document.createElement('small');
  detail.style.cssText = 'display:block;color:#4a5563';
  box.append(line, detail);
  function mount() { if (!box.isConnected) (document.querySelector('main') || document.body).appendChild(box); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  let lang = 'fi';
  function render() {
    const t = TEXT[lang] || TEXT.fi;
    const text = problem ? t[problem.kind] : '';
    if (line.textContent !== text) line.textContent = text;
    if (detail.textContent !== (problem ? problem.detail : '')) detail.textContent = problem ? problem.detail : '';
    box.hidden = !text;
  }
  // The engine tells the page its language (shell.js's language()); the line follows it.
  const pageLanguage = pk.language;
  pk.language = function (code) {
    if (pageLanguage) pageLanguage(code);
    lang = TEXT[code] ? code : 'fi';
    render();
  };
  render();
})();
