// The shipped content, played in Chromium: every room in Finnish, Swedish and English by its
// known solution (the linter's own solver: pakopeli-lint --solution levels/), with a screenshot of every puzzle open and
// solved in build/screens/content/ for a person to look at; one room at 150 % text and on a
// phone held upright; and the whole game from the lobby to the last door.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, SCREENS, startBrowser, openGame, waitForLine, screenLines } from './lib.mjs';

const LEVELS = path.join(ROOT, 'levels');
const OUT = path.join(SCREENS, 'content');
const game = JSON.parse(fs.readFileSync(path.join(LEVELS, 'game.json'), 'utf8'));
const rooms = Object.fromEntries(game.rooms.map((r) =>
  [r.id, JSON.parse(fs.readFileSync(path.join(LEVELS, r.file), 'utf8'))]));
// What a player clicks to solve each room, from the linter that checks the rooms (make test-e2e
// builds it): a new room needs no hand-written entry here.
const solutions = JSON.parse(execFileSync(path.join(ROOT, 'build/native/pakopeli-lint'), ['--solution', 'levels/'],
  { cwd: ROOT, encoding: 'utf8' }));
const LANGS = ['fi', 'sv', 'en'];
const PLAYED = game.rooms.map((r) => r.id).filter((id) => id !== game.hub);

// The engine's own words (game/front/strings.c) that the test presses or waits for.
const UI = {
  start: { fi: 'Aloita', sv: 'Börja', en: 'Start' },
  next: { fi: 'Jatka', sv: 'Fortsätt', en: 'Continue' },
  check: { fi: 'Tarkista', sv: 'Kontrollera', en: 'Check' },
  solved: { fi: 'Huone ratkaistu!', sv: 'Rummet är löst!', en: 'Room solved!' },
  moveUp: { fi: 'Siirrä ylös', sv: 'Flytta upp', en: 'Move up' },
  step: { fi: 'Vaihe', sv: 'Steg', en: 'Step' },
  selected: { fi: 'valittu', sv: 'vald', en: 'selected' },
  lobby: { fi: '← Aulaan', sv: '← Till lobbyn', en: '← To the lobby' },
  escaped: { fi: 'Pääsit ulos!', sv: 'Du tog dig ut!', en: 'You escaped!' },
};

// A content text in one language, with the organisation's settings filled in as the core does.
function tr(t, lang) {
  if (t === undefined || t === null) return '';
  const s = typeof t === 'string' ? t : (t[lang] || t.fi);
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in game.settings ? tr(game.settings[k], lang) : m));
}

async function controls(page) {
  return page.$$eval('#sr-lines li[data-control]', (lis) => lis.map((li) => ({ text: li.textContent, rect: li.dataset.rect })));
}

// The part of the panel that shows its scrolling content, in the engine's logical pixels
// (game/front/room_view.c: room_layout and panel_pass).
async function panelBody(page) {
  const { w, h } = await page.evaluate(() => window.pakopeli.logical);
  const panel = w >= h ? { x: 852, y: 72, h: 632 } : { x: 12, y: 598, h: 670 };
  return { x: panel.x, top: panel.y + 6, bottom: panel.y + 6 + panel.h - 84 };
}

// Presses the first control whose spoken label starts with `start`: a click in its middle, or,
// when the panel has scrolled it out of sight, Tab until it has the focus (the engine scrolls
// the focus into view) and Enter.
async function press(page, start, what = start) {
  let found = null;
  for (let i = 0; i < 50 && !found; i++) {
    found = (await controls(page)).find((c) => c.text.startsWith(start));
    if (!found) await page.waitForTimeout(100);
  }
  if (!found) throw new Error(`no control "${what}"; the mirror says:\n${(await screenLines(page)).join('\n')}`);
  const [x, y, w, h] = found.rect.split(',').map(Number);
  const body = await panelBody(page);
  const inPanel = x >= body.x && y >= body.top - 400;
  if (inPanel && (y < body.top || y + h > body.bottom)) {
    await page.focus('#canvas');
    for (let i = 0; i < 80; i++) {
      const focus = await page.$eval('#sr-focus', (el) => el.textContent);
      if (focus.startsWith(start)) {
        await page.keyboard.press('Enter');
        await page.waitForTimeout(120);
        return;
      }
      await page.keyboard.press('Tab');
      await page.waitForTimeout(30);
    }
    throw new Error(`the keyboard never reached "${what}"`);
  }
  const box = await page.evaluate(([x, y, w, h]) => window.pakopeli.toPage(x, y, w, h), [x, y, w, h]);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await page.waitForTimeout(160);
}

async function shot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, name) });
}

// What a screen reader says for a widget: its label, else its text.
function spoken(room, widgetId, lang) {
  const w = room.scene.widgets.find((x) => x.id === widgetId);
  return tr(w.label || w.text, lang);
}

// Gives one recorded answer through the interface, as a player would.
async function answer(page, room, ev, lang) {
  const p = room.puzzles.find((q) => q.id === ev.puzzle);
  switch (p.kind) {
    case 'choice': {
      for (const id of ev.answer) await press(page, tr(p.options.find((o) => o.id === id).text, lang));
      if (p.options.filter((o) => o.correct).length > 1) await press(page, UI.check[lang]);
      break;
    }
    case 'hotspots': {
      const place = p.places.find((o) => o.id === ev.answer[0]);
      await press(page, tr(place.label, lang));
      break;
    }
    case 'order': {
      const re = new RegExp(`^${UI.step[lang]} (\\d+): (.*) – `);
      for (let i = 0; i < ev.answer.length; i++) {
        const want = tr(p.steps.find((s) => s.id === ev.answer[i]).text, lang);
        for (let guard = 0; guard < p.steps.length; guard++) {
          const row = (await controls(page)).map((c) => re.exec(c.text)).find((m) => m && m[2] === want);
          assert.ok(row, `step "${want}" is not shown`);
          if (Number(row[1]) - 1 <= i) break;
          await press(page, `${UI.moveUp[lang]}: ${want}`);
        }
      }
      await press(page, UI.check[lang]);
      break;
    }
    case 'match': {
      for (const pair of ev.answer) {
        const [l, r] = pair.split('=');
        const li = p.pairs.findIndex((x) => x.id === l);
        const left = `${li + 1}. ${tr(p.pairs[li].left, lang)}`;
        await press(page, left);
        // the left item is picked before its partner is chosen (a busy machine draws late)
        await page.waitForFunction(([t, sel]) => [...document.querySelectorAll('#sr-lines li')]
          .some((li) => li.textContent.startsWith(t) && li.textContent.includes(sel)), [left, UI.selected[lang]], { timeout: 5000 });
        await press(page, tr(p.pairs.find((x) => x.id === r).right, lang));
      }
      await press(page, UI.check[lang]);
      break;
    }
    case 'code':
    case 'text': {
      await page.focus('#canvas');
      await page.keyboard.type(ev.answer[0]);
      await page.waitForTimeout(120);
      await press(page, UI.check[lang]);
      break;
    }
    case 'use': {
      const item = room.items.find((x) => x.id === ev.answer[0]);
      await press(page, tr(item.name, lang));
      await press(page, spoken(room, ev.answer[1], lang));
      break;
    }
    default: throw new Error(`unknown kind ${p.kind}`);
  }
}

// Plays a room that is open on screen (its intro closed), screenshotting each puzzle open and solved.
async function playRoom(page, id, lang, tag) {
  const room = rooms[id];
  const events = solutions[id];
  for (const [n, p] of room.puzzles.entries()) {
    const mine = events.filter((e) => e.puzzle === p.id);
    assert.ok(mine.length > 0, `${id}/${p.id} has no known answer`);
    await waitForLine(page, tr(p.prompt, lang));
    const num = String(n + 1).padStart(2, '0');
    if (tag) await shot(page, `${tag}-${num}-${p.id}-open.png`);
    for (const ev of mine) await answer(page, room, ev, lang);
    await waitForLine(page, UI.next[lang]);
    if (tag) await shot(page, `${tag}-${num}-${p.id}-solved.png`);
    if (p.final) return;
    await press(page, UI.next[lang]);
  }
  await waitForLine(page, UI.solved[lang]);
  await waitForLine(page, tr(room.outro, lang).slice(0, 40));
  if (tag) await shot(page, `${tag}-99-solved.png`);
}

let env;

// openGame, tried twice: on a busy machine the first load can miss lib.mjs's 20 s limit.
async function open(query, ...rest) {
  try { return await openGame(env, query, ...rest); } catch (e) { return openGame(env, query, ...rest); }
}
before(async () => {
  env = await startBrowser();
  // warm up: the first load compiles the WebAssembly, which is slow on a busy machine
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(env.base + '?lang=fi');
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 90000 });
  await page.context().close();
});
after(async () => { await env.close(); });

for (const lang of LANGS) {
  for (const id of PLAYED) {
    test(`${id} is played to the end in ${lang}`, async () => {
      const { page, context, errors } = await open(`?room=${id}&lang=${lang}`);
      await waitForLine(page, tr(rooms[id].intro, lang).slice(0, 40));
      await shot(page, `${id}-${lang}-00-intro.png`);
      await press(page, UI.start[lang]);
      await playRoom(page, id, lang, `${id}-${lang}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('a room reads at 150 % text size', async () => {
  const { page, context, errors } = await open('?room=teams&lang=fi&zoom=150');
  await press(page, UI.start.fi);
  await playRoom(page, 'teams', 'fi', 'zoom150-teams-fi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a room reads on a phone held upright', async () => {
  const { page, context, errors } = await open('?room=digipalvelut&lang=sv', { width: 412, height: 915 },
    { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await press(page, UI.start.sv);
  await playRoom(page, 'digipalvelut', 'sv', 'phone-digipalvelut-sv');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the security room reads on a phone held upright', async () => {
  const { page, context, errors } = await open('?room=tietoturva&lang=en', { width: 412, height: 915 },
    { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await press(page, UI.start.en);
  await playRoom(page, 'tietoturva', 'en', 'phone-tietoturva-en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the whole game: the lobby, every room, the last door and the ending', async () => {
  const { page, context, errors } = await open('?lang=fi');
  const hub = rooms[game.hub];
  await waitForLine(page, tr(game.intro, 'fi').slice(0, 30));
  await shot(page, 'game-fi-01-lobby.png');
  for (const [n, id] of PLAYED.entries()) {
    const door = hub.scene.widgets.find((w) => w.opens === id);
    await press(page, tr(door.label || door.text, 'fi'));
    await press(page, UI.start.fi);
    await playRoom(page, id, 'fi', null);
    await press(page, UI.lobby.fi);
    // the lobby's intro may greet a returning player again; close it if it does
    await page.waitForTimeout(200);
    if ((await controls(page)).some((c) => c.text.startsWith(UI.start.fi))) await press(page, UI.start.fi);
    await shot(page, `game-fi-0${n + 2}-lobby-after-${id}.png`);
  }
  const finalDoor = hub.puzzles.find((p) => p.final);
  await waitForLine(page, tr(finalDoor.prompt, 'fi'));
  await shot(page, 'game-fi-08-last-door.png');
  await answer(page, hub, solutions[game.hub][0], 'fi');
  // the right code opens the ending at once (or after Continue, in older front ends)
  for (let i = 0; i < 30 && !(await screenLines(page)).some((l) => l.includes(UI.escaped.fi)); i++) {
    if ((await controls(page)).some((c) => c.text.startsWith(UI.next.fi))) await press(page, UI.next.fi);
    else await page.waitForTimeout(100);
  }
  await waitForLine(page, UI.escaped.fi);
  await shot(page, 'game-fi-09-ending.png');
  for (const id of PLAYED) await waitForLine(page, tr(rooms[id].outro, 'fi').slice(0, 40));
  assert.deepEqual(errors, []);
  await context.close();
});
