// A new player's lobby comes before the other rooms' files (game/front/app.c, can_defer_rooms;
// docs/performance.md, issue 18's fifth round): the built game.json carries every room's title,
// so the lobby is whole without them, and they come right after its first frame. These tests
// hold the topic rooms back, as a slow network does, and check that nothing the player does
// then lands in a wrong state: a door opened early shows the loading line until its room comes,
// a returning player waits for every room (their answers are replayed into them), and a room
// that cannot be loaded shows the error screen. The shipped, sealed build (build/web).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser, waitForLine, screenLines, clickControl, WEB } from './lib.mjs';

const game = JSON.parse(fs.readFileSync(path.join(WEB, 'levels/game.json'), 'utf8'));
const topics = game.rooms.filter((r) => r.id !== game.hub);
const TOPIC = new RegExp(`/levels/(${topics.map((r) => r.file.replace('.', '\\.')).join('|')})$`);

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env.close(); });

// A page whose topic rooms wait until release() (or fail, with fail: true).
async function heldPage({ fail = false, storage = {} } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 760 } });
  await context.addInitScript((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, storage);
  const held = [];
  let open = false;
  await context.route(TOPIC, (route) => {
    if (fail) route.fulfill({ status: 404, body: 'not found' });
    else if (open) route.continue();
    else held.push(route);
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.base}?lang=en`);
  return {
    page, context, held, errors,
    async release() { open = true; for (const r of held.splice(0)) await r.continue(); },
  };
}

const interactive = (page) => page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });

test('a new player\'s lobby is whole before the other rooms come, and a door opened meanwhile opens when its room does', async () => {
  const { page, context, held, release, errors } = await heldPage();
  await interactive(page);
  // every room's title in the lobby's panel, from the manifest; the rooms' files asked for now
  await waitForLine(page, 'Parts of the code: ?');
  const lines = await screenLines(page);
  for (const r of topics) assert.ok(lines.some((l) => l.includes(r.title.en)), `"${r.title.en}" in the lobby:\n${lines.join('\n')}`);
  for (let i = 0; i < 50 && held.length < topics.length; i++) await page.waitForTimeout(100);
  assert.equal(held.length, topics.length, 'the topic rooms are asked for after the first frame');
  // a door before its room: the loading line, not the room, not the lobby as if nothing happened
  const first = topics[0];
  const door = (await screenLines(page)).find((l) => /^Door: /.test(l) && l.includes(first.title.en.split(':')[0]));
  assert.ok(door, 'a door to the first topic room');
  await clickControl(page, door.replace(/ – button$/, ''));
  await waitForLine(page, 'Loading…');
  assert.ok(!(await screenLines(page)).some((l) => l.includes('Parts of the code')), 'the lobby is not shown while the room comes');
  await release();
  await waitForLine(page, first.title.en);
  assert.ok(!(await screenLines(page)).some((l) => l.includes('Loading…')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a returning player waits for every room before the game starts', async () => {
  const { page, context, release, errors } = await heldPage({ storage: { 'pakopeli.where': topics[1].id } });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.pakopeli.marks.interactive), undefined,
    'no playable frame before the rooms a returning player needs');
  await release();
  await interactive(page);
  await waitForLine(page, topics[1].title.en); // back in the room they were in
  assert.deepEqual(errors, []);
  await context.close();
});

test('a room that cannot be loaded after the lobby shows the error screen, naming it', async () => {
  const { page, context } = await heldPage({ fail: true });
  await interactive(page);
  await page.waitForFunction(() => window.pakopeli.marks.error, null, { timeout: 20000 });
  await waitForLine(page, topics[0].file);
  await context.close();
});
