// screens.test.mjs - approved screens (golden images): what the game and the HR dashboard show is
// compared pixel by pixel with images a person approved (tests/screens/, golden.mjs says how and
// with what tolerance). A fixed set of states of the fixture game (tests/fixtures/e2e-game, so a
// content edit never changes them): the lobby, each puzzle kind open, answered wrong and solved,
// the last door, the ending, the comic's page and guided view, the error screen, the settings;
// desktop and phone, 100 % and 150 % text, Finnish and Swedish, and English at 200 % browser zoom;
// and the dashboard's main pages.
// Reduced motion keeps every screen still; device pixel ratio 1 keeps the images small.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startBrowser, clickControl, waitForLine, settle } from './lib.mjs';
import { goldenSet } from './golden.mjs';

const DESKTOP = { viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true };

// The fixture's words in each language (tests/fixtures/e2e-game and game/front/strings.c).
const WORDS = {
  fi: {
    start: 'Aloita', check: 'Tarkista', cont: 'Jatka', lobby: 'Aulaan', settings: 'Asetukset', close: 'Sulje',
    welcome: 'Tervetuloa aulaan.', mail: 'Postihuone', office: 'Toimisto', sender: 'Lähettäjä', link: 'Linkki',
    day: 'Päivä', dayWhy: 'Päivä on tavallinen.', open: 'Avaan linkin', openWhy: 'Linkki on vaarallinen.',
    report: 'Ilmoitan', typed: 'Kirjoita tehtävän sana.', desk: 'Tuki', solved: 'Huone ratkaistu!',
    lock: 'Lukitse näyttö', badge: 'Kanna korttia', moveUp: 'Siirrä ylös', steps: ['Kirjaudu', 'Lue posti', 'Palaveri'],
    chat: '1. Chat', channel: '2. Kanava', quick: /^Nopea kysymys/, topic: /^Tiimin aihe/, pairsWrong: 'Kaikki parit eivät sovi.',
    card: 'Avainkortti', door: 'Ovi', code: 'Syötä koodi.', codeWrong: 'Katso löytämiäsi koodin osia.',
    escaped: 'Pääsit ulos!', erase: /^Pyyhi/, guided: 'Ruutu kerrallaan', broken: 'Sisältötiedostossa on virhe',
  },
  sv: {
    start: 'Börja', check: 'Kontrollera', cont: 'Fortsätt', lobby: 'Till lobbyn', settings: 'Inställningar', close: 'Stäng',
    welcome: 'Välkommen till lobbyn.', mail: 'Postrummet', office: 'Kontoret', sender: 'Avsändare', link: 'Länk',
    day: 'Dag', dayWhy: 'Dagen är vanlig.', open: 'Öppnar länken', openWhy: 'Länken är farlig.',
    // 'support' is an accepted answer too: Playwright's keyboard cannot type ö into the canvas (it
    // sends no key event for letters missing from a US layout; a Swedish keyboard does).
    report: 'Rapporterar', typed: 'Skriv ordet i uppgiften.', desk: 'support', solved: 'Rummet är löst!',
    lock: 'Lås skärmen', badge: 'Bär kortet', moveUp: 'Flytta upp', steps: ['Logga in', 'Läs posten', 'Möte'],
    chat: '1. Chatt', channel: '2. Kanal', quick: /^Snabb fråga/, topic: /^Teamets ämne/, pairsWrong: 'Alla par passar inte.',
    card: 'Nyckelkort', door: 'Dörr', code: 'Ange koden.', codeWrong: 'Titta på kodens delar.',
    escaped: 'Du tog dig ut!', erase: /^Radera/, guided: 'En ruta i taget', broken: 'Innehållsfilen har ett fel',
  },
  en: {
    start: 'Start', check: 'Check', cont: 'Continue', lobby: 'To the lobby', settings: 'Settings', close: 'Close',
    welcome: 'Welcome to the lobby.', mail: 'Mail room', office: 'Office', sender: 'Sender', link: 'Link',
    day: 'Day', dayWhy: 'The day is ordinary.', open: 'Open the link', openWhy: 'The link is dangerous.',
    report: 'Report it', typed: 'Type the word in the task.', desk: 'support', solved: 'Room solved!',
    lock: 'Lock the screen', badge: 'Wear the badge', moveUp: 'Move up', steps: ['Sign in', 'Read mail', 'Meeting'],
    chat: '1. Chat', channel: '2. Channel', quick: /^Quick question/, topic: /^Team topic/, pairsWrong: 'Not all pairs fit.',
    card: 'Key card', door: 'Door', code: 'Enter the code.', codeWrong: 'Look at the parts you found.',
    escaped: 'You escaped!', erase: /^Erase/, guided: 'Panel by panel', broken: 'A content file has an error',
  },
};
// A laptop's browser at 200 % zoom: half the CSS pixels of a 1280x760 window, each drawn as 2x2
// (WCAG 1.4.4 and 1.4.10: text twice as large, nothing lost, no scrolling both ways).
const ZOOM200 = { viewport: { width: 640, height: 380 }, deviceScaleFactor: 2 };

// Which states each configuration keeps. Desktop Finnish at 100 % has them all; the others a
// spread that covers each layout (phone upright, larger text, longer Swedish words).
const ALL = ['lobby-intro', 'lobby', 'hotspots', 'hotspots-decoy', 'hotspots-solved', 'choice', 'choice-wrong',
  'choice-solved', 'text', 'text-wrong', 'room-solved', 'choice-several', 'order', 'order-wrong', 'match',
  'match-wrong', 'code', 'code-solved', 'use', 'last-door', 'last-door-wrong', 'ending',
  'settings', 'comic-page', 'comic-guided', 'error'];
// (error: a test of its own below, with a broken copy of the game)
const CONFIGS = [
  { id: 'fi-desktop-100', lang: 'fi', zoom: 100, device: DESKTOP, keep: ALL },
  { id: 'fi-phone-150', lang: 'fi', zoom: 150, device: PHONE,
    keep: ['lobby', 'hotspots', 'choice-wrong', 'text', 'order', 'match-wrong', 'code', 'last-door', 'ending', 'comic-page', 'comic-guided', 'error'] },
  { id: 'sv-desktop-150', lang: 'sv', zoom: 150, device: DESKTOP,
    keep: ['lobby', 'choice-wrong', 'text-wrong', 'order-wrong', 'match', 'last-door', 'ending', 'comic-guided', 'error'] },
  { id: 'sv-phone-100', lang: 'sv', zoom: 100, device: PHONE,
    keep: ['lobby', 'hotspots-decoy', 'choice-several', 'ending', 'comic-guided'] },
  { id: 'en-zoom200', lang: 'en', zoom: 100, device: ZOOM200,
    keep: ['lobby', 'hotspots-decoy', 'choice-wrong', 'text-wrong', 'match-wrong', 'last-door', 'ending', 'comic-guided', 'error'] },
];

let env;
before(async () => { env = await startBrowser({ levels: 'tests/fixtures/e2e-game' }); });
after(async () => { await env.close(); });

async function open(cfg, query) {
  const context = await env.browser.newContext({ ...cfg.device, reducedMotion: 'reduce', locale: cfg.lang });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.base}?lang=${cfg.lang}&zoom=${cfg.zoom}${query}`);
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 30000 });
  return { context, page, errors };
}

// Codes with the on-screen keypad, words in the page's field (as a phone's keyboard types).
async function answer(page, w, text) {
  if (/^\d+$/.test(text)) {
    // the keypad, read back like a typed answer (a second press of the same key can come too soon)
    for (let attempt = 0; attempt < 3; attempt++) {
      for (let i = 0; i < 4; i++) await clickControl(page, w.erase);
      for (const ch of text) {
        await clickControl(page, new RegExp(`^${ch} – `));
        await page.waitForTimeout(80);
      }
      try {
        await waitForLine(page, new RegExp(`: ${text} – `), 3000);
        return;
      } catch { /* pressed again */ }
    }
    return;
  }
  // Typed as a person types (a key every 20 ms), then read back from the mirror's answer line
  // ("Vastauksesi: tuki"): on a loaded machine a burst of keys can arrive between two frames.
  for (let attempt = 0; attempt < 3; attempt++) {
    await settle(page, async () => {
      await page.focus('#canvas');
      for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type(text, { delay: 20 });
    });
    try {
      await waitForLine(page, new RegExp(`: ${text} – `), 3000);
      return;
    } catch { /* typed again */ }
  }
  await waitForLine(page, new RegExp(`: ${text} – `), 1000);
}

async function sortSteps(page, w) {
  for (let guard = 0; guard < 10; guard++) {
    const lines = await page.$$eval('#sr-lines [data-line]', (lis) => lis.map((li) => li.textContent));
    const order = lines.map((l) => /^[^\d]*(\d+): (.*) – /.exec(l)).filter((m) => m && w.steps.includes(m[2]))
      .sort((a, b) => a[1] - b[1]).map((m) => m[2]);
    const i = order.findIndex((s, k) => s !== w.steps[k]);
    if (i < 0) return;
    await clickControl(page, `${w.moveUp}: ${w.steps[i]}`);
  }
}

for (const cfg of CONFIGS) {
  test(`approved screens of the game: ${cfg.id}`, async () => {
    const w = WORDS[cfg.lang];
    const screens = goldenSet();
    const shot = async (page, state) => { if (cfg.keep.includes(state)) await screens.check(page, `${state}-${cfg.id}`); };
    const need = (states) => states.some((s) => cfg.keep.includes(s));
    const { page, context, errors } = await open(cfg, '');
    const press = (label) => clickControl(page, label);

    await waitForLine(page, w.welcome);
    await shot(page, 'lobby-intro');
    await press(w.start);
    await shot(page, 'lobby');
    if (need(['settings'])) {
      await press(w.settings);
      await shot(page, 'settings');
      await press(w.close);
    }
    // the mail room: hotspots, a single choice, a typed answer
    await press(w.mail);
    await press(w.start);
    await shot(page, 'hotspots');
    await press(w.sender);
    await press(w.day);
    await waitForLine(page, w.dayWhy);
    await shot(page, 'hotspots-decoy');
    await press(w.link);
    await shot(page, 'hotspots-solved');
    await press(w.cont);
    await shot(page, 'choice');
    await press(w.open);
    await waitForLine(page, w.openWhy);
    await shot(page, 'choice-wrong');
    await press(w.report);
    await shot(page, 'choice-solved');
    await press(w.cont);
    await shot(page, 'text');
    await answer(page, w, 'suport');
    await press(w.check);
    await waitForLine(page, w.typed);
    await shot(page, 'text-wrong');
    await answer(page, w, w.desk);
    await press(w.check);
    await press(w.cont);
    await waitForLine(page, w.solved);
    await shot(page, 'room-solved');
    await press(w.lobby);

    if (need(['choice-several', 'order', 'order-wrong', 'match', 'match-wrong', 'code', 'code-solved', 'use',
      'last-door', 'last-door-wrong', 'ending'])) {
      // the office: several right answers, an order, pairs, a code lock, an item
      await press(w.office);
      await press(w.start);
      await press(w.lock);
      await shot(page, 'choice-several');
      await press(w.badge);
      await press(w.check);
      await press(w.cont);
      await shot(page, 'order');
      await press(w.check);
      await shot(page, 'order-wrong');
      await sortSteps(page, w);
      await press(w.check);
      await press(w.cont);
      await shot(page, 'match');
      await press(w.chat);
      await press(w.topic);
      await press(w.channel);
      await press(w.quick);
      await press(w.check);
      await waitForLine(page, w.pairsWrong);
      await shot(page, 'match-wrong');
      await press(w.chat);
      await press(w.quick);
      await press(w.channel);
      await press(w.topic);
      await press(w.check);
      await press(w.cont);
      await shot(page, 'code');
      await answer(page, w, '77');
      await press(w.check);
      await shot(page, 'code-solved');
      await press(w.cont);
      await shot(page, 'use');
      await press(w.card);
      await press(w.door);
      await press(w.cont);
      await waitForLine(page, w.solved);
      await press(w.lobby);
      // The ending shows the time played, which is the save's event times plus this session's:
      // the saved answers get times a second apart, and the page resumes from that save, so the
      // ending reads "0 min" however slow the machine was on the way here.
      await waitForLine(page, w.code);
      await page.evaluate(() => {
        const events = JSON.parse(localStorage.getItem('pakopeli.save'));
        events.forEach((e, i) => { e.t = (i + 1) * 1000; });
        localStorage.setItem('pakopeli.save', JSON.stringify(events));
      });
      await page.reload();
      await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive);
      // the last door, a wrong code first, and the ending
      await waitForLine(page, w.code);
      await shot(page, 'last-door');
      await answer(page, w, '385');
      await press(w.check);
      await waitForLine(page, w.codeWrong);
      await shot(page, 'last-door-wrong');
      await answer(page, w, '358');
      await press(w.check);
      await waitForLine(page, w.escaped);
      await shot(page, 'ending');
    }
    assert.deepEqual(errors, []);
    await context.close();

    if (need(['comic-page', 'comic-guided'])) {
      const c = await open(cfg, '&comic=mini');
      await c.page.waitForTimeout(300);
      // a phone, and a window as small as 200 % zoom makes it, open in the guided view
      const guidedFirst = cfg.device === PHONE || cfg.device === ZOOM200;
      if (!guidedFirst) await shot(c.page, 'comic-page');
      if (!guidedFirst) await clickControl(c.page, w.guided);
      await shot(c.page, 'comic-guided');
      if (cfg.device === PHONE && cfg.keep.includes('comic-page')) {
        await clickControl(c.page, cfg.lang === 'fi' ? 'Koko sivu' : 'Hela sidan');
        await shot(c.page, 'comic-page');
      }
      assert.deepEqual(c.errors, []);
      await c.context.close();
    }
    screens.assertAll();
  });
}

test('approved screens of the error screen', async () => {
  // A copy of the fixture game with a broken room: the player is told what is wrong and where.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-broken-'));
  fs.cpSync(path.join(ROOT, 'tests/fixtures/e2e-game'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'mail.json'), '{ "id": "mail", "title": ');
  const broken = await startBrowser({ levels: dir });
  const screens = goldenSet();
  try {
    for (const cfg of CONFIGS.filter((c) => c.keep.includes('error'))) {
      const context = await broken.browser.newContext({ ...cfg.device, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${broken.base}?lang=${cfg.lang}&zoom=${cfg.zoom}`);
      await waitForLine(page, WORDS[cfg.lang].broken, 30000);
      await screens.check(page, `error-${cfg.id}`);
      await context.close();
    }
    screens.assertAll();
  } finally {
    await broken.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('approved screens of the HR dashboard', async (t) => {
  const server = process.env.PAKOPELI_SERVER || path.join(ROOT, 'build/native/pakopeli-server');
  if (!fs.existsSync(server)) { t.skip('the report server is not built (make server)'); return; }
  const { visitDashboard } = await import('../bench/dashboard.mjs');
  const screens = goldenSet();
  await visitDashboard(env.browser, server, async (page, state) => {
    // Dates and times of day change from run to run (the server's clock), and so do durations
    // (the server times a play by when its events arrive): painted over, wherever they stand.
    // Everything else on these pages is fixed by the test's data.
    const volatile = /\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[.:]\d{2}(?!\d)|^\s*\d+\s*(s|min|h)\s*$/;
    // (getByText finds the innermost elements whose text matches, so only the date is covered.)
    const mask = [page.getByText(volatile)];
    await screens.check(page, `hr-${state}`, { mask, fullPage: true });
  });
  screens.assertAll();
});
