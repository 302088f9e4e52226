// The shipped content, played in Chromium: every room in Finnish, Swedish and English by its
// known solution (the linter's own solver: pakopeli-lint --solution levels/), with a screenshot of every puzzle open and
// solved in build/screens/content/ for a person to look at; one room at 150 % text and on a
// phone held upright; and the whole game from the lobby to the last door.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openGame, waitForLine, screenLines } from './lib.mjs';
import { PNG } from 'pngjs';
import { game, rooms, solutions, LANGS, PLAYED, UI, tr, controls, press, shot, answer, playRoom } from './content-lib.mjs';

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

// The share of the scene's pixels in its most common colour: a drawn picture (the lobby's doors,
// the office's desk) has no colour over about a quarter of it; a scene whose picture did not
// load is one flat fill with a few texts (about 0.8). The approved screens use the fixture game,
// so this is what sees the shipped art; an image loader once dropped SVG, and every scene lost it.
async function flatShare(page) {
  const box = await page.evaluate(() => {
    const g = document.querySelector('#sr-lines [role=group][data-rect]');
    const [x, y, w, h] = g.dataset.rect.split(',').map(Number);
    return window.pakopeli.toPage(x, y, w, h);
  });
  const png = PNG.sync.read(await page.screenshot({ clip: { x: box.x, y: box.y, width: box.w, height: box.h } }));
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const k = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  return Math.max(...counts.values()) / (png.data.length / 4);
}

test('every room with a picture of its own shows it', async () => {
  for (const id of [game.hub, ...PLAYED].filter((r) => rooms[r].scene && rooms[r].scene.background)) {
    const { page, context, errors } = await open(`?room=${id}&lang=fi`);
    await waitForLine(page, tr(rooms[id].intro, 'fi').slice(0, 40));
    let share = 1;
    for (let tries = 0; tries < 20 && share >= 0.5; tries++) {
      share = await flatShare(page);
      if (share >= 0.5) await page.waitForTimeout(500);
    }
    assert.ok(share < 0.5, `${id}: ${Math.round(share * 100)} % of the scene is one colour: its picture ${rooms[id].scene.background} is not drawn`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

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
