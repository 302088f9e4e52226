// The dashboard in Swedish and English, walked end to end in Chromium against a real server (and a
// real SMTP server on loopback, so reminders and the e-mail page are live): every view, the print
// filter line, the dialogs, and the errors an HR user can meet (a wrong password, a date that is
// not one, a unit that exists, an address the server refuses, a person someone else just erased,
// a completion code that is not one, an import with bad rows). The same walk in Finnish gives the
// Finnish words the dashboard uses; a Swedish or English walk that shows any of them fails with
// where it was seen. (It once began each error with "Toiminto epäonnistui:".)
//
// Dates: the county writes 3.3.2025 in all three languages, and the dashboard shows and takes
// that (an English dashboard once showed 03/03/2025 beside fields taking 3.3.2025); the CSV
// export writes the same. A date field says what it takes beside its name, where it stays while
// one types, as the field's description (aria-describedby). Screenshots: build/screens/hr-lang-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, SCREENS } from '../e2e/lib.mjs';
import { startServer, HR, HR_DIR, Player, solution, runCommand, tempDir } from './lib.mjs';
import { startSink } from './peers.mjs';

const PASSWORD = 'correct horse battery staple';
// Data that is no language's word: what is left of a page without it is the dashboard's own text.
const PEOPLE = [
  { name: 'Alex Kowalski', unit: 'Ward 7', email: 'alex@example.org', start_date: '2025-03-03' },
  { name: 'Robin Nakamura', unit: 'Ward 7', email: 'robin@example.org', start_date: '2025-03-10' },
  { name: 'Sam Ortega', unit: 'Ward 9', email: 'sam@example.org', start_date: '2025-02-01' },
  { name: 'Jo Lindqvist', unit: 'Ward 9', start_date: '2025-01-20' }, // revoked
];
// invited anew before each walk, and erased by another admin while the walk lists them
const ERASED = { name: 'Max Dubois', unit: 'Ward 9', start_date: '2025-01-21' };
// invited before each walk, and reminded in it (nobody is reminded twice a day)
const REMINDED = { fi: 'Lee Fischer', sv: 'Ana Costa', en: 'Ben Adler' };
const DATA = [...[...PEOPLE, ERASED].flatMap((p) => [p.name, p.unit, p.email || '']), ...Object.values(REMINDED), 'remind@example.org', 'Ward 11', 'esihenkilo', 'admin', 'example.org', 'Good']
  .filter(Boolean);
// Words every language writes alike: names of things, not Finnish.
const SHARED = new Set(['pakopeli', 'scorm', 'outlook', 'moodle', 'excel', 'smtp_url', 'utf-8', 'pk-xxxx-xxxx-xxxx']);

// A text missing from the Swedish or English table is said in Finnish (hr.js t() falls back to
// it): every Finnish key, and every key of its error, import-error, audit and field tables, is
// in the other two. (The tables are read from hr.js as the page defines them.)
it('has every Finnish text of the dashboard in Swedish and English too', () => {
  const src = fs.readFileSync(path.join(HR_DIR, 'hr.js'), 'utf8');
  const T = new Function(`${src.slice(src.indexOf('  const EXTRA = {'), src.indexOf('  const $ = (sel'))}; return T;`)();
  const missing = [];
  for (const l of ['sv', 'en']) {
    for (const k of Object.keys(T.fi)) if (!(k in T[l])) missing.push(`${l}: ${k}`);
    for (const sub of ['err', 'ie', 'au', 'fields'])
      for (const k of Object.keys(T.fi[sub])) if (T[l][sub][k] === undefined) missing.push(`${l}: ${sub}.${k}`);
  }
  assert.deepEqual(missing, []);
});

describe('the dashboard in Swedish and English', () => {
  let server, browser, sink, hr;
  const seen = {}; // language -> [{ where, text }]
  before(async () => {
    sink = await startSink();
    const pw = path.join(tempDir(), 'none');
    fs.writeFileSync(pw, '');
    server = await startServer({ args: [`--smtp-url=smtp://127.0.0.1:${sink.port}`, '--smtp-starttls=false',
      '--mail-from=perehdytys@example.org', '--public-url=http://127.0.0.1'] });
    hr = new HR(server.url);
    await hr.firstLogin(server, PASSWORD);
    const made = [];
    for (const p of PEOPLE) made.push(await hr.invite(p));
    const player = new Player(server.url, made[0].token);
    assert.equal((await player.send(solution(player))).status, 200);
    await fetch(server.url + '/api/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${made[0].token}` },
      body: JSON.stringify({ text: 'Good', rating: 4 }) });
    assert.equal((await hr.post(`/api/v1/hr/people/${made[3].id}/revoke`)).status, 200);
    runCommand(['user', 'add', 'esihenkilo', '--role=manager', '--password-stdin', `--data=${server.data}`], { input: 'manager password 1\n' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    fs.mkdirSync(SCREENS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    sink?.stop();
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  // Everything a user can read on the page now: visible text, and the names, descriptions and
  // hints that are not text (aria-label, title, placeholder, alt), with the page's title.
  // Text marked as another language (lang="sv" on "På svenska") is left out: it is meant so.
  const readPage = (page) => page.evaluate(() => {
    const other = `[lang]:not([lang="${document.documentElement.lang}"])`;
    // (a select's innerText is every option's: its options are read one by one below)
    const hide = [...document.body.querySelectorAll(`${other}, select`)].filter((e) => e.style.display !== 'none');
    for (const e of hide) e.style.display = 'none';
    const out = [document.title, document.body.innerText];
    for (const e of hide) e.style.display = '';
    for (const e of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (e.closest('[hidden]') || e.closest(other)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
    }
    for (const o of document.querySelectorAll('option')) if (!o.closest(other) && !o.closest('[hidden]')) out.push(o.textContent);
    return out.join('\n');
  });

  // One walk through the dashboard as an admin in lang; returns what was read, step by step.
  async function walk(lang, L) {
    const texts = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-GB' : lang, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => { texts.push({ where: 'dialog', text: d.message() }); await d.accept(d.defaultValue() || undefined); });
    const read = async (where) => texts.push({ where, text: await readPage(page) });
    const flash = async (where, re) => {
      await page.locator('#flash', { hasText: re }).waitFor();
      texts.push({ where, text: await page.locator('#flash').textContent() });
    };
    await page.addInitScript((l) => localStorage.setItem('pakopeli.hr.lang', l), lang);
    await page.goto(server.url + '/hr/');
    await page.locator('#login-form input[name=user]').fill('admin');
    await page.locator('#login-form input[name=password]').fill('not the password');
    await page.keyboard.press('Enter');
    await flash('wrong password', L.badLogin);
    await read('login');
    if (lang !== 'fi') { // the error is said again in the language one switches to, and back
      await page.locator('#langs button[lang=fi]').click();
      await page.locator('#flash', { hasText: LANGS.fi.badLogin }).waitFor();
      await page.locator(`#langs button[lang=${lang}]`).click();
      await flash('wrong password, back', L.badLogin);
    }
    await page.locator('#login-form input[name=password]').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('#people-table tbody tr', { hasText: 'Alex Kowalski' }).waitFor();
    await read('people');

    // a date that is not one, named with what to write; then a filter that works
    const from = page.locator('#filter input[name=from]');
    await from.fill('31.2.2025');
    await page.locator('#filter button[type=submit]').click();
    await flash('bad date', /31\.2\.2025/);
    await from.fill('1.3.2025');
    await page.locator('#filter button[type=submit]').click();
    await page.locator('#people-table tbody tr', { hasText: 'Jo Lindqvist' }).waitFor({ state: 'detached' });
    await read('people, filtered');
    await page.locator('#filter-clear').click();
    await page.locator('#people-table tbody tr', { hasText: 'Jo Lindqvist' }).waitFor();

    // the export: dates as the dashboard shows them
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    await flash('export', /\d/);

    // a correction of a person someone else has just erased
    const sam = page.locator('#people-table tbody tr', { hasText: 'Sam Ortega' });
    await sam.locator('button').first().click();
    await page.locator('.edit-form').waitFor();
    await read('correction form');
    await page.locator('.edit-form input[name=start_date]').fill('4.3.2025');
    await page.locator('.edit-form button[type=submit]').click();
    await flash('correction saved', L.saved);
    const reminded = page.locator('#people-table tbody tr', { hasText: REMINDED[lang] });
    await reminded.locator('button').nth(1).click(); // remind: asked first, then sent
    await flash('reminded', new RegExp(REMINDED[lang]));
    texts.push({ where: 'reminded', text: await readPage(page) });

    for (const view of ['stats', 'reports', 'feedback', 'verify', 'invite', 'units', 'mail', 'audit']) {
      await page.locator(`#nav a[href="#${view}"]`).click();
      await page.locator(`#view-${view}`).waitFor();
      await page.waitForLoadState('networkidle');
      await read(view);
      if (view === 'verify') {
        await page.locator('#verify-form input[name=code]').fill('nothing');
        await page.locator('#verify-form button').click();
        await flash('verify, not a code', /PK-XXXX/);
        await page.locator('#verify-form input[name=code]').fill('PK-AAAA-AAAA-AAAA');
        await page.locator('#verify-form button').click();
        await page.locator('#verify-out p').waitFor();
        await read('verify, no such code');
      }
      if (view === 'invite') {
        // the browser's own checks, in the dashboard's language (headless Chromium's are English)
        await page.locator('#invite-form button[type=submit]').click();
        const name = page.locator('#invite-form input[name=name]');
        const said = await name.evaluate((e) => e.validationMessage);
        texts.push({ where: 'invite, empty name', text: said });
        assert.equal(said, L.required, `${lang}: a required field's message`);
        await page.locator('#invite-form input[name=email]').fill('kim');
        await name.fill('x');
        await page.locator('#invite-form button[type=submit]').click();
        const email = await page.locator('#invite-form input[name=email]').evaluate((e) => e.validationMessage);
        texts.push({ where: 'invite, not an address', text: email });
        assert.match(email, L.email, `${lang}: an address's message`);
        await page.locator('#invite-form input[name=email]').fill('');
        await page.locator('#invite-form input[name=name]').fill('Kim Park');
        await page.locator('#invite-form input[name=unit]').fill('Ward 11');
        await page.locator('#invite-form input[name=start_date]').fill('3.13.2025');
        await page.locator('#invite-form button[type=submit]').click();
        await flash('invite, bad date', /3\.13\.2025/);
        const file = path.join(tempDir(), 'bad.csv');
        fs.writeFileSync(file, 'Kim Park;Ward 11;31.2.2025;kim@\n;;;\n');
        await page.locator('#import-form input[type=file]').setInputFiles(file);
        await page.locator('#import-form button[type=submit]').click();
        await page.locator('#invite-out li').first().waitFor();
        await read('import errors');
      }
      if (view === 'units') {
        await page.locator('#unit-add input[name=name]').fill('ward 7');
        await page.locator('#unit-add button[type=submit]').click();
        await flash('duplicate unit', L.duplicate);
        // an address the server refuses (the field is not in a form, so the browser does not check it)
        const user = page.locator('#users-table tbody tr', { hasText: 'esihenkilo' });
        await user.locator('input[type=email]').fill('not an address');
        await user.locator('button').click();
        await flash('bad address', L.badValue);
        await page.screenshot({ path: path.join(SCREENS, `hr-lang-error-${lang}.png`) });
      }
    }
    // someone else erases a person while this page still lists them
    await page.locator('#nav a[href="#people"]').click();
    const max = page.locator('#people-table tbody tr', { hasText: ERASED.name });
    await max.waitFor();
    assert.equal((await hr.post(`/api/v1/hr/people/${await max.getAttribute('data-id')}/erase`)).status, 200);
    await max.locator('button').first().click();
    await page.locator('.edit-form button[type=submit]').click();
    await flash('erased meanwhile', L.notFound);
    await page.emulateMedia({ media: 'print' });
    texts.push({ where: 'print', text: await page.locator('#view-people .print-filter').textContent() });
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(errors, []);
    await context.close();
    return { texts, csv };
  }

  const LANGS = {
    fi: { required: 'Täytä tämä kenttä.', email: /^Kirjoita sähköpostiosoite/, badLogin: /Väärä käyttäjätunnus/, saved: /Tallennettu/, duplicate: /Samanniminen/, badValue: /Sähköposti: arvo ei kelpaa/, notFound: /ei enää löydy/ },
    sv: { required: 'Fyll i det här fältet.', email: /^Skriv en e-postadress/, badLogin: /Fel användarnamn/, saved: /Sparat/, duplicate: /Det finns redan/, badValue: /E-post: värdet duger inte/, notFound: /finns inte längre/ },
    en: { required: 'Fill in this field.', email: /^Write an e-mail address/, badLogin: /Wrong user name/, saved: /Saved/, duplicate: /There is a unit/, badValue: /E-mail: the value is not valid/, notFound: /no longer there/ },
  };
  const csvs = {};
  // the data removed, a text's words in lower case
  const words = (text) => {
    let t = text;
    for (const d of DATA) t = t.split(d).join(' ');
    t = t.replace(/\{\w+\}/g, ' '); // a template's placeholders, {name}
    return t.toLowerCase().match(/[\p{L}][\p{L}\d\-_]{3,}/gu) || [];
  };

  it('walks every view in Finnish, and in Swedish and English shows no Finnish word', async () => {
    // the Finnish walk first: the words that are the dashboard's Finnish
    for (const lang of ['fi', 'sv', 'en']) {
      await hr.invite(ERASED);
      await hr.invite({ name: REMINDED[lang], unit: 'Ward 7', email: 'remind@example.org', start_date: '2025-03-12' });
      const r = await walk(lang, LANGS[lang]);
      seen[lang] = r.texts;
      csvs[lang] = r.csv;
    }
    const finnish = new Set(seen.fi.flatMap((x) => words(x.text)).filter((w) => !SHARED.has(w)));
    assert.ok(finnish.has('aloituspäivä') && finnish.has('tapahtumaloki'), 'the Finnish walk read the dashboard');
    const found = [];
    for (const lang of ['sv', 'en']) {
      for (const { where, text } of seen[lang]) {
        for (const w of new Set(words(text))) {
          if (finnish.has(w) && !sharedWord(w, lang)) {
            const line = text.split('\n').find((l) => l.toLowerCase().includes(w)) || '';
            found.push(`${lang} ${where}: "${w}" in "${line.trim().slice(0, 120)}"`);
          }
        }
      }
    }
    assert.deepEqual([...new Set(found)], [], 'Finnish in the Swedish or English dashboard');
  });

  // A word the Finnish dashboard shares with this language's own (e.g. "status" in Swedish and
  // English): it is that language's word, found in its own walk's texts of its own.
  function sharedWord(w, lang) {
    return (OWN[lang] || new Set()).has(w);
  }
  const OWN = {
    sv: new Set(['status', 'lista']),
    en: new Set(['status']),
  };

  it('shows and takes dates as 3.3.2025 in all three languages, and exports them so', async () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const lines = [...new Set(seen[lang].flatMap((x) => x.text.split('\n').map((l) => `${x.where}: ${l.trim()}`)))];
      assert.deepEqual(lines.filter((l) => /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(l)), [], `${lang}: a date with slashes`);
      assert.deepEqual(lines.filter((l) => /\b20\d\d-\d\d-\d\d\b/.test(l)), [], `${lang}: an ISO date shown`);
      const people = seen[lang].find((x) => x.where === 'people').text;
      assert.match(people, /\b3\.3\.2025\b/, `${lang}: Alex's start date`);
      assert.match(people, /\b10\.3\.2025\b/, `${lang}: Robin's start date`);
      const rows = csvs[lang].split('\r\n');
      const alex = rows.find((r) => r.startsWith('Alex Kowalski;'));
      assert.match(alex, /;3\.3\.2025;/, `${lang}: the export's start date: ${alex}`);
      assert.match(alex, /;\d{1,2}\.\d{1,2}\.20\d\d \d{1,2}:\d\d;/, `${lang}: the export's times: ${alex}`);
      // (the Finnish walk exports before it corrects Sam's date; the others after)
      if (lang !== 'fi') assert.match(rows.find((r) => r.startsWith('Sam Ortega;')), /;4\.3\.2025;/, `${lang}: the corrected date`);
    }
  });

  it('says what a date field takes beside its name, where it stays while one types, on a phone and at 200 %', async () => {
    const hints = { fi: 'pp.kk.vvvv', sv: 'dd.mm.åååå', en: 'dd.mm.yyyy' };
    for (const [lang, size] of [['fi', 'phone'], ['sv', 'phone'], ['en', 'phone'], ['en', 'zoom200'], ['fi', 'desktop']]) {
      const viewport = size === 'phone' ? { width: 390, height: 844 } : size === 'zoom200' ? { width: 640, height: 450 } : { width: 1280, height: 900 };
      const context = await browser.newContext({ viewport, deviceScaleFactor: size === 'desktop' ? 1 : 2, isMobile: size === 'phone', hasTouch: size === 'phone', locale: lang });
      const page = await context.newPage();
      await page.addInitScript((l) => localStorage.setItem('pakopeli.hr.lang', l), lang);
      await page.goto(server.url + '/hr/');
      await page.locator('#login-form input[name=user]').fill('admin');
      await page.locator('#login-form input[name=password]').fill(PASSWORD);
      await page.keyboard.press('Enter');
      await page.locator('#people-table tbody tr').first().waitFor();
      const from = page.locator('#filter input[name=from]');
      await from.click();
      await page.keyboard.type('1.3.20');
      // the hint is in sight after typing began, and is the field's description, not its name
      const hint = page.locator('#filter label:has(input[name=from]) .date-hint');
      assert.equal(await hint.textContent(), hints[lang]);
      assert.equal(await hint.isVisible(), true);
      const cdp = await context.newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        backendNodeId: (await cdp.send('DOM.describeNode', { objectId: (await cdp.send('Runtime.evaluate', { expression: 'document.querySelector("#filter input[name=from]")' })).result.objectId })).node.backendNodeId,
        fetchRelatives: false });
      const ax = nodes[0];
      assert.equal(ax.description?.value, hints[lang], `${lang}: the field's description`);
      assert.doesNotMatch(ax.name.value, /\.(kk|mm)\./, `${lang}: the hint is not in the field's name "${ax.name.value}"`);
      // on the line of the name: no extra line on a phone
      const box = await page.locator('#filter label:has(input[name=from])').evaluate((l) => {
        const name = l.querySelector('[data-i18n]').getBoundingClientRect(), h = l.querySelector('.date-hint').getBoundingClientRect();
        return { same: Math.abs(name.top - h.top) < 4, right: h.right };
      });
      assert.ok(box.same, `${lang} ${size}: the hint on the name's line`);
      assert.ok(box.right <= viewport.width, `${lang} ${size}: the hint in sight`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `${lang} ${size}: no sideways scroll`);
      await page.locator('#filter').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENS, `hr-lang-dates-${size}-${lang}.png`) });
      await context.close();
    }
  });
});
