// hr.js - the HR dashboard of the report server (game/server). Plain DOM, no framework.
//
// Everything shown that came from the server is put in the page with textContent or as an
// attribute value, never as HTML, so a name like "<script>" is only ever text. The session is
// an HttpOnly cookie; every change sends the session's CSRF token in X-CSRF-Token. Finnish and
// English: texts live in T below and in data-i18n attributes of index.html.
'use strict';

(function () {
  const T = {
    fi: {
      skip: 'Siirry sisältöön', nav: 'Päävalikko', navPeople: 'Henkilöt', navStats: 'Huoneet ja tehtävät',
      navFeedback: 'Palaute', navVerify: 'Tarkista koodi', navInvite: 'Kutsu', navAudit: 'Tapahtumaloki',
      logout: 'Kirjaudu ulos', otherLang: 'In English', loginTitle: 'Kirjaudu sisään', user: 'Käyttäjätunnus',
      password: 'Salasana', login: 'Kirjaudu', passwordTitle: 'Vaihda salasana',
      passwordHelp: 'Kertakäyttöinen salasana on vaihdettava omaan. Vähintään 12 merkkiä.',
      oldPassword: 'Nykyinen salasana', newPassword: 'Uusi salasana', save: 'Tallenna', filter: 'Rajaus',
      search: 'Hae nimellä', unit: 'Yksikkö', all: 'Kaikki', status: 'Tila', st_invited: 'Kutsuttu',
      st_started: 'Aloitettu', st_completed: 'Suoritettu', st_expired: 'Vanhentunut', st_revoked: 'Peruttu',
      from: 'Aloituspäivä alkaen', to: 'Aloituspäivä asti', apply: 'Rajaa', clear: 'Tyhjennä',
      peopleTitle: 'Henkilöt', export: 'Vie CSV-tiedostoon', print: 'Tulosta', name: 'Nimi', startDate: 'Aloituspäivä',
      completedAt: 'Suoritettu', timeSpent: 'Peliaika', score: 'Pisteet', mistakesHints: 'Virheet / vihjeet',
      actions: 'Toiminnot', statsTitle: 'Huoneet ja tehtävät', chartTitle: 'Suoritukset ajan mittaan',
      roomsTitle: 'Huoneittain ja tehtävittäin', roomPuzzle: 'Huone / tehtävä', attempted: 'Yrittäneet',
      solvedCount: 'Ratkaisseet', rate: 'Ratkaisuaste', median: 'Mediaaniaika', mistakesAvg: 'Virheitä / hlö',
      hintsAvg: 'Vihjeitä / hlö', feedbackTitle: 'Oppijoiden palaute', feedbackHelp: 'Palaute näytetään ilman nimiä.',
      verifyTitle: 'Tarkista suorituskoodi', code: 'Suorituskoodi', check: 'Tarkista', inviteTitle: 'Kutsu uusi työntekijä',
      emailOpt: 'Sähköposti (vapaaehtoinen)', validDays: 'Linkki voimassa (päivää)', invite: 'Luo kutsulinkki',
      importTitle: 'Tuo CSV-tiedostosta',
      importHelp: 'Sarakkeet: nimi; yksikkö; aloituspäivä; sähköposti. Otsikkorivi on vapaaehtoinen. Excelistä: Tallenna nimellä → CSV UTF-8.',
      csvFile: 'CSV-tiedosto', import: 'Tuo ja luo linkit', auditTitle: 'Tapahtumaloki',
      auditHelp: 'Viennit, poistot, kutsut ja muut muutokset, uusimmat ensin.', when: 'Aika', action: 'Tapahtuma',
      detail: 'Tiedot',
      // messages
      summary: (n, t) => `${n} henkilöä${t ? ' (näytetään ensimmäiset)' : ''}`,
      none: 'Ei henkilöitä tällä rajauksella.', resend: 'Uusi linkki', revoke: 'Peru linkki', erase: 'Poista tiedot',
      confirmErase: (n) => `Poistetaanko henkilön ${n} kaikki tiedot pysyvästi? Tätä ei voi perua.`,
      confirmRevoke: (n) => `Perutaanko henkilön ${n} kutsulinkki?`,
      erased: 'Tiedot poistettu.', revoked: 'Linkki peruttu.', exported: (n) => `Vienti valmis.`,
      linkFor: (n) => `Kutsulinkki henkilölle ${n}:`, copy: 'Kopioi', copied: 'Kopioitu.', mail: 'Lähetä sähköpostilla',
      mailSubject: 'Perehdytyksen pakopeli', mailBody: (link) => `Hei!\n\nTervetuloa taloon. Pelaa perehdytyksen pakopeli tästä henkilökohtaisesta linkistä:\n${link}\n\nLinkki on vain sinulle.`,
      created: (n) => `Luotiin ${n} kutsulinkkiä:`, importErrors: 'Tiedostossa on virheitä; mitään ei tuotu:',
      line: 'rivi', valid: 'Koodi on voimassa.', invalid: 'Koodia ei löydy.', sessionEnded: 'Istunto päättyi. Kirjaudu uudelleen.',
      passwordSaved: 'Salasana vaihdettu.', noData: 'Ei vielä tietoja.', chartNone: 'Ei suorituksia tällä rajauksella.',
      chartCaption: (n, d) => `${n} suoritusta ${d} päivänä.`, minutes: 'min', seconds: 's', anonymous: 'anonyymi',
      rating: 'arvio', room: 'huone', busy: 'Hetki…', failed: 'Toiminto epäonnistui: ',
      err: { bad_login: 'Väärä käyttäjätunnus tai salasana.', too_many_attempts: 'Liian monta epäonnistunutta yritystä. Odota hetki.',
        weak_password: 'Uusi salasana on liian lyhyt (vähintään 12 merkkiä) tai sama kuin vanha.',
        bad_password: 'Nykyinen salasana ei täsmää.', forbidden: 'Tähän tarvitaan pääkäyttäjän oikeudet.',
        csrf: 'Lataa sivu uudelleen ja yritä sitten uudelleen.', unavailable: 'Palvelin ei juuri nyt vastaa. Yritä uudelleen.',
        bad_code: 'Suorituskoodi on muotoa PK-XXXX-XXXX-XXXX.' },
    },
    en: {
      skip: 'Skip to content', nav: 'Main menu', navPeople: 'People', navStats: 'Rooms and puzzles', navFeedback: 'Feedback',
      navVerify: 'Verify a code', navInvite: 'Invite', navAudit: 'Audit log', logout: 'Log out', otherLang: 'Suomeksi',
      loginTitle: 'Log in', user: 'User name', password: 'Password', login: 'Log in', passwordTitle: 'Change password',
      passwordHelp: 'Replace the one-time password with your own. At least 12 characters.',
      oldPassword: 'Current password', newPassword: 'New password', save: 'Save', filter: 'Filter',
      search: 'Search by name', unit: 'Unit', all: 'All', status: 'Status', st_invited: 'Invited', st_started: 'Started',
      st_completed: 'Completed', st_expired: 'Expired', st_revoked: 'Revoked', from: 'Start date from',
      to: 'Start date to', apply: 'Filter', clear: 'Clear', peopleTitle: 'People', export: 'Export CSV', print: 'Print',
      name: 'Name', startDate: 'Start date', completedAt: 'Completed', timeSpent: 'Playing time', score: 'Score',
      mistakesHints: 'Mistakes / hints', actions: 'Actions', statsTitle: 'Rooms and puzzles',
      chartTitle: 'Completions over time', roomsTitle: 'By room and puzzle', roomPuzzle: 'Room / puzzle',
      attempted: 'Attempted', solvedCount: 'Solved', rate: 'Solve rate', median: 'Median time',
      mistakesAvg: 'Mistakes / person', hintsAvg: 'Hints / person', feedbackTitle: "Learners' feedback",
      feedbackHelp: 'Feedback is shown without names.', verifyTitle: 'Verify a completion code', code: 'Completion code',
      check: 'Verify', inviteTitle: 'Invite a new employee', emailOpt: 'Email (optional)', validDays: 'Link valid (days)',
      invite: 'Create invitation link', importTitle: 'Import from CSV',
      importHelp: 'Columns: name; unit; start date; email. A header row is optional. From Excel: Save as → CSV UTF-8.',
      csvFile: 'CSV file', import: 'Import and create links', auditTitle: 'Audit log',
      auditHelp: 'Exports, erasures, invitations and other changes, newest first.', when: 'Time', action: 'Action',
      detail: 'Details',
      summary: (n, t) => `${n} people${t ? ' (showing the first ones)' : ''}`,
      none: 'Nobody matches this filter.', resend: 'New link', revoke: 'Revoke link', erase: 'Erase data',
      confirmErase: (n) => `Erase all data of ${n} for good? This cannot be undone.`,
      confirmRevoke: (n) => `Revoke the invitation link of ${n}?`,
      erased: 'Data erased.', revoked: 'Link revoked.', exported: () => 'Export ready.',
      linkFor: (n) => `Invitation link for ${n}:`, copy: 'Copy', copied: 'Copied.', mail: 'Send by email',
      mailSubject: 'Onboarding escape room', mailBody: (link) => `Hello!\n\nWelcome aboard. Play the onboarding escape room from this personal link:\n${link}\n\nThe link is for you only.`,
      created: (n) => `Created ${n} invitation links:`, importErrors: 'The file has errors; nothing was imported:',
      line: 'line', valid: 'The code is valid.', invalid: 'No such code.', sessionEnded: 'Your session ended. Please log in again.',
      passwordSaved: 'Password changed.', noData: 'No data yet.', chartNone: 'No completions with this filter.',
      chartCaption: (n, d) => `${n} completions on ${d} days.`, minutes: 'min', seconds: 's', anonymous: 'anonymous',
      rating: 'rating', room: 'room', busy: 'One moment…', failed: 'That did not work: ',
      err: {},
    },
  };

  const $ = (sel, root = document) => root.querySelector(sel);
  let lang = (localStorage.getItem('pakopeli.hr.lang') || document.documentElement.lang || 'fi') === 'en' ? 'en' : 'fi';
  let session = null;
  const t = (key, ...args) => { const v = T[lang][key] ?? T.fi[key]; return typeof v === 'function' ? v(...args) : v; };

  // ---- small DOM helpers: text only, never HTML ----------------------------------------------

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  function flash(text, kind = 'ok') {
    const f = $('#flash');
    f.className = kind;
    f.textContent = text;
  }

  const locale = () => (lang === 'fi' ? 'fi-FI' : 'en-GB');
  function fmtTime(ms) {
    return ms ? new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms)) : '';
  }
  function fmtDate(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'short' }).format(new Date(y, m - 1, d));
  }
  function fmtDuration(ms) {
    if (ms === null || ms === undefined) return '';
    const s = Math.round(ms / 1000), m = Math.floor(s / 60);
    return m ? `${m} ${t('minutes')} ${s % 60} ${t('seconds')}` : `${s} ${t('seconds')}`;
  }
  const fmtNum = (x, digits = 1) => (x === null || x === undefined ? '–' : x.toLocaleString(locale(), { maximumFractionDigits: digits }));
  const fmtRate = (x) => (x === null || x === undefined ? '–' : Math.round(x * 100) + ' %');

  // ---- talking to the server -----------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { accept: 'application/json' };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (session) headers['x-csrf-token'] = session.csrf;
    }
    let res;
    try {
      res = await fetch('/api/v1/' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (e) {
      throw Object.assign(new Error(t('err').unavailable || 'unreachable'), { code: 'unavailable' });
    }
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : await res.blob();
    if (res.status === 401 && path !== 'hr/login' && path !== 'hr/session') {
      session = null;
      show('login');
      flash(t('sessionEnded'), 'error');
      throw Object.assign(new Error(t('sessionEnded')), { code: 'login_required', handled: true });
    }
    if (!res.ok) {
      const code = data && data.error ? data.error.code : 'error';
      const msg = (T[lang].err && T[lang].err[code]) || (data && data.error && data.error.message) || String(res.status);
      throw Object.assign(new Error(msg), { code, status: res.status, data });
    }
    return data;
  }

  function failed(e) {
    if (!e.handled) flash(t('failed') + e.message, 'error');
  }

  // ---- language --------------------------------------------------------------------------------

  function applyLang() {
    document.documentElement.lang = lang;
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel));
    const b = $('#lang');
    b.textContent = t('otherLang');
    b.lang = lang === 'fi' ? 'en' : 'fi';
  }

  $('#lang').addEventListener('click', () => {
    lang = lang === 'fi' ? 'en' : 'fi';
    localStorage.setItem('pakopeli.hr.lang', lang);
    applyLang();
    if (session && !session.must_change) route();
  });

  // ---- views -----------------------------------------------------------------------------------

  const VIEWS = ['login', 'password', 'people', 'stats', 'feedback', 'verify', 'invite', 'audit'];
  const FILTERED = new Set(['people', 'stats', 'feedback']);

  function show(name, focus = true) {
    for (const v of VIEWS) $('#view-' + v).hidden = v !== name;
    $('#filter').hidden = !FILTERED.has(name);
    const logged = session && !session.must_change;
    $('#nav').hidden = !logged;
    $('#logout').hidden = !session;
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.getAttribute('href') === '#' + name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    for (const e of document.querySelectorAll('.admin-only')) e.hidden = !(session && session.role === 'admin');
    if (focus) { const h = $('#view-' + name + ' h1'); if (h) h.focus(); }
  }

  function filterValues() {
    const f = new FormData($('#filter'));
    const out = {};
    for (const [k, v] of f.entries()) if (String(v).trim()) out[k] = String(v).trim();
    return out;
  }
  const query = () => new URLSearchParams(filterValues()).toString();

  async function loadUnits() {
    const { units } = await api('GET', 'hr/units');
    const sel = $('#filter select[name=unit]'), keep = sel.value, list = $('#unit-list');
    while (sel.options.length > 1) sel.remove(1);
    list.replaceChildren();
    for (const u of units) { sel.add(new Option(u, u)); list.append(el('option', { value: u })); }
    sel.value = units.includes(keep) ? keep : '';
  }

  // People --------------------------------------------------------------------------------------

  function statusBadge(s) { return el('span', { class: 'status ' + s }, t('st_' + s)); }

  async function people() {
    const { people: rows, truncated } = await api('GET', 'hr/people?' + query());
    const body = $('#people-table tbody');
    body.replaceChildren();
    $('#people-summary').textContent = t('summary', rows.length, truncated);
    const admin = session.role === 'admin';
    for (const p of rows) {
      const name = el('td', {}, p.name, p.anonymous ? el('span', { class: 'summary' }, ` (${t('anonymous')})`) : null);
      const acts = el('div', { class: 'row-actions' });
      if (admin && !p.anonymous && p.status !== 'completed')
        acts.append(el('button', { type: 'button', class: 'small secondary', onclick: () => resend(p) }, t('resend')));
      if (admin && (p.status === 'invited' || p.status === 'started'))
        acts.append(el('button', { type: 'button', class: 'small secondary', onclick: () => revoke(p) }, t('revoke')));
      if (admin) acts.append(el('button', { type: 'button', class: 'small danger', onclick: () => erase(p) }, t('erase')));
      body.append(el('tr', { 'data-id': p.id }, name, el('td', {}, p.unit), el('td', {}, fmtDate(p.start_date)),
        el('td', {}, statusBadge(p.status)), el('td', {}, fmtTime(p.completed)), el('td', {}, fmtDuration(p.time_ms)),
        el('td', { class: 'num' }, p.completed ? p.score : ''),
        el('td', { class: 'num' }, p.completed ? `${p.mistakes} / ${p.hints}` : ''),
        el('td', { class: 'no-print admin-only', hidden: !admin }, acts)));
    }
    if (!rows.length) body.append(el('tr', {}, el('td', { colspan: 9 }, t('none'))));
  }

  function showLink(box, person, link) {
    const url = location.origin + link;
    const mail = 'mailto:' + encodeURIComponent(person.email || '') + '?subject=' + encodeURIComponent(t('mailSubject')) +
      '&body=' + encodeURIComponent(t('mailBody', url));
    box.replaceChildren(el('p', {}, t('linkFor', person.name)), el('p', {}, el('code', {}, url)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'small', onclick: async (e) => {
          try { await navigator.clipboard.writeText(url); flash(t('copied')); } catch (err) { e.target.focus(); }
        } }, t('copy')),
        el('a', { href: mail }, t('mail'))));
    box.hidden = false;
    box.focus();
  }

  async function resend(p) {
    try {
      const r = await api('POST', `hr/people/${p.id}/resend`, {});
      await people();
      showLink($('#link-out'), r, r.link);
    } catch (e) { failed(e); }
  }

  async function revoke(p) {
    if (!confirm(t('confirmRevoke', p.name))) return;
    try { await api('POST', `hr/people/${p.id}/revoke`, {}); flash(t('revoked')); await people(); } catch (e) { failed(e); }
  }

  async function erase(p) {
    if (!confirm(t('confirmErase', p.name))) return;
    try {
      await api('POST', `hr/people/${p.id}/erase`, {});
      flash(t('erased'));
      $('#link-out').hidden = true;
      await Promise.all([people(), loadUnits()]);
      $('#h-people').focus();
    } catch (e) { failed(e); }
  }

  $('#export').addEventListener('click', async () => {
    try {
      const blob = await api('POST', 'hr/export', { ...filterValues(), lang });
      const a = el('a', { href: URL.createObjectURL(blob), download: `pakopeli-${new Date().toISOString().slice(0, 10)}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      flash(t('exported'));
    } catch (e) { failed(e); }
  });
  for (const b of [$('#print'), ...document.querySelectorAll('.print-button')]) b.addEventListener('click', () => window.print());

  // Statistics ------------------------------------------------------------------------------------

  function chart(days) {
    const box = $('#chart');
    box.replaceChildren();
    const total = days.reduce((s, d) => s + d.count, 0);
    $('#chart-caption').textContent = days.length ? t('chartCaption', total, days.length) : t('chartNone');
    if (!days.length) return;
    // one bar per day from the first to the last completion, empty days included
    const start = new Date(days[0].date + 'T12:00:00'), end = new Date(days[days.length - 1].date + 'T12:00:00');
    const byDay = new Map(days.map((d) => [d.date, d.count]));
    const all = [];
    for (let d = new Date(start); d <= end && all.length < 400; d.setDate(d.getDate() + 1)) {
      const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      all.push({ date: key, count: byDay.get(key) || 0 });
    }
    const W = 800, H = 190, pad = 28, max = Math.max(...all.map((d) => d.count));
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('chartTitle') + ': ' + $('#chart-caption').textContent);
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      svg.append(e);
      return e;
    };
    const bw = (W - pad * 2) / all.length;
    add('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad, y2: H - pad });
    add('text', { x: 2, y: pad, 'text-anchor': 'start' }, String(max));
    all.forEach((d, i) => {
      const h = max ? ((H - pad * 2) * d.count) / max : 0;
      const r = add('rect', { class: 'bar-rect', x: pad + i * bw + bw * 0.1, y: H - pad - h, width: Math.max(bw * 0.8, 1), height: h });
      const title = document.createElementNS(NS, 'title');
      title.textContent = `${fmtDate(d.date)}: ${d.count}`;
      r.append(title);
    });
    add('text', { x: pad, y: H - 8, 'text-anchor': 'start' }, fmtDate(all[0].date));
    add('text', { x: W - pad, y: H - 8, 'text-anchor': 'end' }, fmtDate(all[all.length - 1].date));
    box.append(svg);
  }

  async function stats() {
    const s = await api('GET', 'hr/stats?' + query());
    chart(s.completions);
    const body = $('#stats-table tbody');
    body.replaceChildren();
    const row = (cls, label, a) => el('tr', { class: cls }, el('td', {}, label), el('td', { class: 'num' }, a.attempted),
      el('td', { class: 'num' }, a.solved), el('td', { class: 'num' }, fmtRate(a.rate)),
      el('td', { class: 'num' }, a.median_ms === null ? '–' : fmtDuration(a.median_ms)),
      el('td', { class: 'num' }, fmtNum(a.mistakes_avg)), el('td', { class: 'num' }, fmtNum(a.hints_avg)));
    for (const r of s.rooms) {
      body.append(row('room', r.title[lang] || r.id, r));
      for (const p of r.puzzles) {
        const prompt = p.prompt[lang] || p.id;
        body.append(row('puzzle', prompt.length > 90 ? prompt.slice(0, 88) + '…' : prompt, p));
      }
    }
    if (!s.rooms.length) body.append(el('tr', {}, el('td', { colspan: 7 }, t('noData'))));
  }

  // Feedback, verification, audit --------------------------------------------------------------------

  async function feedback() {
    const { feedback: rows } = await api('GET', 'hr/feedback?' + query());
    const list = $('#feedback-list');
    list.replaceChildren();
    for (const f of rows) {
      const meta = [fmtTime(f.at), f.unit, f.room ? `${t('room')}: ${f.room}` : '', f.rating ? `${t('rating')}: ${f.rating}/5` : '']
        .filter(Boolean).join(' · ');
      list.append(el('li', {}, el('div', { class: 'meta' }, meta), el('p', { class: 'text' }, f.text)));
    }
    if (!rows.length) list.append(el('li', {}, t('noData')));
  }

  $('#verify-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = $('#verify-out');
    const code = new FormData(e.target).get('code');
    out.className = 'result';
    try {
      const r = await api('GET', 'hr/verify?code=' + encodeURIComponent(code));
      const p = r.person;
      out.className = 'result valid';
      out.replaceChildren(el('p', {}, el('strong', {}, t('valid')), ' ', el('code', {}, r.code)),
        el('p', {}, `${p.name} · ${p.unit} · ${t('completedAt')} ${fmtTime(p.completed)} · ${t('score')} ${p.score}`));
    } catch (err) {
      if (err.status === 404) { out.className = 'result invalid'; out.replaceChildren(el('p', {}, t('invalid'))); }
      else { out.replaceChildren(); failed(err); }
    }
    out.focus();
  });

  async function audit() {
    const { audit: rows } = await api('GET', 'hr/audit');
    const body = $('#audit-table tbody');
    body.replaceChildren(...rows.map((a) => el('tr', {}, el('td', {}, fmtTime(a.at)), el('td', {}, a.user),
      el('td', {}, a.action), el('td', {}, a.detail))));
  }

  // Invitations ---------------------------------------------------------------------------------------

  $('#invite-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = Object.fromEntries([...new FormData(e.target).entries()].filter(([, v]) => String(v).trim() !== ''));
    if (f.valid_days) f.valid_days = Number(f.valid_days);
    try {
      const r = await api('POST', 'hr/people', f);
      e.target.reset();
      showLink($('#invite-out'), r, r.link);
      loadUnits().catch(() => {});
    } catch (err) { failed(err); }
  });

  // Excel on Windows may save "CSV" in Windows-1252: read as UTF-8 first, fall back if broken.
  function readText(file, encoding) {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.readAsText(file, encoding);
    });
  }

  $('#import-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = e.target.elements.file.files[0];
    if (!file) return;
    const out = $('#invite-out');
    try {
      let text = await readText(file, 'utf-8');
      if (text.includes('\uFFFD')) text = await readText(file, 'windows-1252');
      const r = await api('POST', 'hr/people/import', { csv: text });
      out.replaceChildren(el('p', {}, t('created', r.created.length)),
        el('ul', {}, ...r.created.map((p) => el('li', {}, `${p.name} (${p.unit}): `, el('code', {}, location.origin + p.link)))));
      e.target.reset();
      loadUnits().catch(() => {});
    } catch (err) {
      if (err.data && err.data.rows) {
        out.replaceChildren(el('p', {}, t('importErrors')),
          el('ul', {}, ...err.data.rows.map((r) => el('li', {}, `${t('line')} ${r.line}: ${r.message}`))));
      } else { failed(err); return; }
    }
    out.focus();
  });

  // ---- session and routing -------------------------------------------------------------------------

  function setSession(s) {
    session = s;
    $('#org').textContent = s ? s.org : '';
    $('#who').textContent = s ? `${s.user} (${s.role})` : '';
  }

  async function route() {
    if (!session) return show('login');
    if (session.must_change) return show('password');
    let name = location.hash.slice(1);
    if (!VIEWS.includes(name) || name === 'login' || name === 'password') name = 'people';
    if ((name === 'invite' || name === 'audit') && session.role !== 'admin') name = 'people';
    show(name, false);
    flash('');
    try {
      if (name === 'people') await people();
      else if (name === 'stats') await stats();
      else if (name === 'feedback') await feedback();
      else if (name === 'audit') await audit();
      else if (name === 'invite') $('#invite-form').elements.valid_days.placeholder = String(session.invite_days);
    } catch (e) { failed(e); }
    const h = $('#view-' + name + ' h1');
    if (h && document.activeElement !== $('#lang')) h.focus();
  }

  window.addEventListener('hashchange', route);

  $('#filter').addEventListener('submit', (e) => { e.preventDefault(); route(); });
  $('#filter-clear').addEventListener('click', () => { $('#filter').reset(); route(); });

  $('#login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    try {
      setSession(await api('POST', 'hr/login', { user: f.get('user'), password: f.get('password') }));
      e.target.reset();
      flash('');
      if (!session.must_change) await loadUnits();
      await route();
    } catch (err) { failed(err); }
  });

  $('#password-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    try {
      setSession(await api('POST', 'hr/password', { old: f.get('old'), new: f.get('new') }));
      e.target.reset();
      flash(t('passwordSaved'));
      await loadUnits();
      await route();
    } catch (err) { failed(err); }
  });

  $('#logout').addEventListener('click', async () => {
    try { await api('POST', 'hr/logout', {}); } catch (e) { /* ended anyway */ }
    setSession(null);
    show('login');
  });

  applyLang();
  (async () => {
    try {
      setSession(await api('GET', 'hr/session'));
      if (!session.must_change) await loadUnits();
    } catch (e) { setSession(null); }
    await route();
    if (!session) $('#login-form').elements.user.focus();
  })();
})();
