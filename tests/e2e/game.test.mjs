// A whole game made only of JSON (tests/fixtures/e2e-game: a hub, two rooms, every puzzle kind,
// an item, a revealed clue and the last door) played to the end in Chromium: with the keyboard
// only, with the mouse (dragging a step into place), after a reload in the middle, and on a
// phone-sized touch screen. Progress is read through the screen-reader mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openGame, clickControl, keyToControl, waitForLine, screenLines,
  screenshot, controlBox, settle, findControl } from './lib.mjs';
import { stepOrder, playAll, typeKeys } from './e2e-game.mjs';

let env;
before(async () => { env = await startBrowser({ levels: 'tests/fixtures/e2e-game' }); });
after(async () => { await env.close(); });

test('the whole game is played with the keyboard only', async () => {
  const { page, context, errors } = await openGame(env, '?lang=en');
  await page.focus('#canvas');
  await playAll(page, keyToControl, { type: typeKeys });
  await screenshot(page, 'game-ending-keyboard.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the whole game is played with the mouse, resuming after a reload in the middle', async () => {
  const { page, context, errors } = await openGame(env, '?lang=en');
  // Keypad buttons for codes; the keyboard for the one text answer.
  const typeByKeypad = async (p, text) => {
    if (!/^\d+$/.test(text)) return typeKeys(p, text);
    for (let i = 0; i < 4; i++) await clickControl(p, /^Erase/);
    for (const ch of text) await clickControl(p, new RegExp(`^${ch} – button$`));
  };
  const press = (p, label) => clickControl(p, label);
  await playAll(page, press, {
    type: typeByKeypad,
    afterMail: async () => {
      await page.reload();
      await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive);
      await waitForLine(page, 'Mail room, solved');          // resumed, no intro again
      assert.ok(!(await screenLines(page)).includes('Welcome to the lobby.'));
    },
  });
  await screenshot(page, 'game-ending-mouse.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a step of the ordering puzzle can be dragged into place', async () => {
  const { page, context } = await openGame(env, '?lang=en&room=office');
  await clickControl(page, 'Start');
  for (const o of ['Lock the screen', 'Wear the badge', 'Check', 'Continue']) await clickControl(page, o);
  const rectOf = (label) => controlBox(page, label);
  const before = await stepOrder(page);
  const last = before[before.length - 1];
  const from = await rectOf(`Step ${before.length}: ${last}`);
  const to = await rectOf('Step 1: ');
  await page.mouse.move(from.x + 40, from.y + from.h / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, to.y + 4, { steps: 8 });
  await settle(page, () => page.mouse.up());
  const after = await stepOrder(page);
  assert.equal(after[0], last, `dragging moved ${last} to the top: ${after}`);
  await context.close();
});

test('the whole game plays on a phone held upright, by touch', async () => {
  const { page, context, errors } = await openGame(env, '?lang=en', { width: 390, height: 844 },
    { hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  // laid out in the page's CSS pixels (room_layout.h), not a fixed space
  assert.deepEqual(await page.evaluate(() => window.pakopeli.logical), { w: 390, h: 844 });
  const tap = async (p, label) => {
    await waitForLine(p, label);
    const box = await findControl(p, label);
    await settle(p, () => p.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2));
  };
  // Codes by the on-screen keypad; text in the page's own field that a tap opens (a phone's
  // keyboard types there: the canvas could not raise it).
  const typeOnPhone = async (p, text) => {
    if (/^\d+$/.test(text)) {
      for (let i = 0; i < 4; i++) await tap(p, /^Erase/);
      for (const ch of text) await tap(p, new RegExp(`^${ch} – button$`));
      return;
    }
    await tap(p, 'Your answer');
    await p.waitForSelector('#answer-field:not([hidden])');
    assert.equal(await p.evaluate(() => document.activeElement.id), 'answer-field');
    await settle(p, async () => { await p.fill('#answer-field', text); });
    await screenshot(p, 'game-phone-typing.png');
    // the first, wrong try is sent with the phone keyboard's Enter; then playAll taps Check
    if (text === 'suport') await settle(p, () => p.keyboard.press('Enter'));
  };
  await screenshot(page, 'game-phone-hub.png');
  await playAll(page, tap, { type: typeOnPhone });
  await screenshot(page, 'game-phone-ending.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the comic on the hub desk opens over the game and closes back to it', async () => {
  const { page, context, errors } = await openGame(env, '?lang=en');
  await clickControl(page, 'Start');
  await clickControl(page, 'The comic on the desk');
  await waitForLine(page, 'Aino waves.');
  await screenshot(page, 'game-hub-comic.png');
  await settle(page, () => page.keyboard.press('Escape'));
  await waitForLine(page, 'Mail room');                  // back in the lobby
  assert.deepEqual(errors, []);
  await context.close();
});

// shell.js compiles the engine as it streams in, before its glue has loaded (docs/performance.md):
// the wasm is downloaded once, and a server that does not say application/wasm (which some
// learning platforms' file servers do not) still gets a game, compiled from the same download.
test('the engine is fetched once, and starts where the server does not say application/wasm', async () => {
  for (const type of [null, 'application/octet-stream']) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 760 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let fetched = 0;
    page.on('request', (r) => { if (/\/pakopeli\.wasm$/.test(r.url())) fetched++; });
    if (type) {
      await page.route('**/pakopeli.wasm', async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': type } });
      });
    }
    await page.goto(env.base + '?lang=en');
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    assert.ok((await screenLines(page)).length > 0, 'the lobby is on screen');
    assert.equal(fetched, 1, `the page preloads the engine and compiles that one download (${type || 'application/wasm'})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
