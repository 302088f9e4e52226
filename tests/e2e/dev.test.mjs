// The live preview (make dev, tests/e2e/dev-server.mjs + web/dev.js): saving a room reloads it in
// the open game, keeping the player in the room with their answers; breaking it shows the
// problem on screen (the engine's error screen, read through the mirror #sr-lines, and the
// linter's panel); fixing it brings the game back to play on. The placing aid (?dev=1) tells
// scene coordinates and measures a rectangle. Works on a copy of the content in a temp folder
// made from levels/templates, so levels/ is never touched and content changes do not matter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, openGame, waitForLine, screenLines, clickControl, controlBox } from './lib.mjs';
import { startDevServer } from './dev-server.mjs';

const TIMEOUT = 15000; // a save: the watcher, the linter, the page, the engine's loading
let tmp, dev, browser, env;
const room = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/templates/room.json'), 'utf8'));
const ROOM_FILE = () => path.join(tmp, 'levels/toinen.json');

function writeRoom(edit) {
  const r = structuredClone(room);
  r.id = 'toinen';
  r.title.fi = 'Toinen huone';
  edit(r);
  fs.writeFileSync(ROOM_FILE(), `${JSON.stringify(r, null, 2)}\n`);
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-dev-'));
  fs.mkdirSync(path.join(tmp, 'levels'));
  fs.symlinkSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'));
  const game = {
    title: { fi: 'Esikatselun testi', sv: 'Förhandsvisningens test', en: 'The preview test' },
    rooms: [{ id: 'esimerkki', file: 'esimerkki.json' }, { id: 'toinen', file: 'toinen.json' }],
  };
  fs.writeFileSync(path.join(tmp, 'levels/game.json'), `${JSON.stringify(game, null, 2)}\n`);
  fs.copyFileSync(path.join(ROOT, 'levels/templates/room.json'), path.join(tmp, 'levels/esimerkki.json'));
  writeRoom(() => {});
  dev = await startDevServer({ levels: path.join(tmp, 'levels'), quiet: true, lang: 'en' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  env = { base: dev.base, browser };
});

after(async () => {
  if (browser) await browser.close();
  if (dev) await dev.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('a saved room reloads in place, a broken one shows its error, a fixed one plays on', async () => {
  const { page, errors } = await openGame(env, '?room=toinen&lang=fi');
  assert.ok(new URL(page.url()).searchParams.get('dev') === '1', 'dev.js turns the placing aid on');
  await waitForLine(page, 'Toinen huone');
  await clickControl(page, 'Aloita');
  await clickControl(page, 'Avaan ohjeen ja luen sen.');
  await waitForLine(page, 'Oikein');
  await clickControl(page, 'Jatka');
  await waitForLine(page, 'Tehtävä 2/7');

  // an author changes the title and saves: the open game shows it, still in this room, answers kept
  writeRoom((r) => { r.title.fi = 'Toinen huone (muokattu)'; });
  await waitForLine(page, 'Toinen huone (muokattu)', TIMEOUT);
  await waitForLine(page, 'Tehtävä 2/7');
  assert.equal(new URL(page.url()).searchParams.get('room'), 'toinen');

  // a missing comma: the error screen names the file, line and column; the panel has the linter's line
  const good = fs.readFileSync(ROOM_FILE(), 'utf8');
  fs.writeFileSync(ROOM_FILE(), good.replace('"code_part": "5",', '"code_part": "5"'));
  // in the game's language: the player plays in Finnish (the panel below is the linter's, in English)
  await waitForLine(page, /levels\/toinen\.json:\d+:\d+: virhe: JSON-kielioppivirhe/, TIMEOUT);
  await page.waitForFunction(() => /levels\/toinen\.json:\d+:\d+: error: .*\[syntax\]/.test(
    document.getElementById('dev-lint-lines').textContent), null, { timeout: TIMEOUT });
  assert.match(await page.$eval('#dev-status', (e) => e.textContent), /1 virhe/);

  // fixed: back in the room where the player was, and the next answer counts
  fs.writeFileSync(ROOM_FILE(), good);
  await waitForLine(page, 'Toinen huone (muokattu)', TIMEOUT);
  await waitForLine(page, 'Tehtävä 2/7');
  assert.ok(!(await screenLines(page)).some((l) => /error:/.test(l)), 'the error screen is gone');
  await page.waitForFunction(() => document.getElementById('dev-panel').dataset.state === 'ok', null, { timeout: TIMEOUT });
  await clickControl(page, 'Ohjeen linkki');
  await waitForLine(page, 'Löydetty 1/2');

  // a problem only the linter sees (text too long for its button): the game plays, the panel tells
  writeRoom((r) => {
    r.title.fi = 'Toinen huone (muokattu)';
    r.scene.widgets.find((w) => w.id === 'kuittaa').text.fi = 'Kuittaa tämä ohje luetuksi heti nyt ennen kuin unohdat sen kokonaan';
  });
  await page.waitForFunction(() => /scene\.widgets\[6\]\.text\.fi: .*\[overflow\]/.test(
    document.getElementById('dev-lint-lines').textContent), null, { timeout: TIMEOUT });
  await waitForLine(page, 'Löydetty 1/2', TIMEOUT); // still playing, progress kept
  assert.deepEqual(errors, []);
});

test('the placing aid tells scene coordinates and measures a rectangle with Shift + drag', async () => {
  const { page } = await openGame(env, '?room=esimerkki&lang=fi');
  await clickControl(page, 'Aloita');
  await waitForLine(page, 'Tehtävä 1/7');
  // the place "kuittaa" widget is at [520, 232, 260, 44] in the scene: point at its middle
  const box = await controlBox(page, 'Avaan ohjeen ja luen sen.'); // any control: the page's scale
  assert.ok(box);
  const at = (x, y) => page.evaluate(([sx, sy]) => {
    // scene units to page pixels: the mirror's scene group says where the scene is drawn
    const [fx, fy, fw] = document.querySelector('#sr-lines [role=group][data-rect]').dataset.rect.split(',').map(Number);
    const s = fw / 800;
    return window.pakopeli.toPage(fx + sx * s, fy + sy * s, 0, 0);
  }, [x, y]);
  const p = await at(650, 254);
  await page.mouse.move(p.x, p.y);
  await waitForLine(page, /^x (64[89]|65[012]), y (25[2-6]) · kuittaa \[520, 232, 260, 44\]$/);
  const a = await at(100, 300), b = await at(300, 400);
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForFunction(() => /"rect": \[\d+, \d+, \d+, \d+\]/.test(document.getElementById('dev-measure').textContent),
    null, { timeout: 5000 });
  const rect = JSON.parse(/\[[^\]]+\]/.exec(await page.$eval('#dev-measure code', (e) => e.textContent))[0]);
  for (const [got, want] of rect.map((v, i) => [v, [100, 300, 200, 100][i]])) assert.ok(Math.abs(got - want) <= 2, `${rect}`);
  await waitForLine(page, 'Tehtävä 1/7'); // the drag answered nothing
  assert.ok(!(await screenLines(page)).some((l) => l.startsWith('Ei aivan')));
});

test('the lobby\'s titles come in game.json as saved, as the built game\'s do; a room mid-edit leaves the plain file', async () => {
  const manifest = async () => {
    const res = await fetch(`${dev.base}levels/game.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    return res.json();
  };
  const plain = JSON.parse(fs.readFileSync(path.join(tmp, 'levels/game.json'), 'utf8'));
  const titles = () => ['esimerkki', 'toinen'].map((id) =>
    JSON.parse(fs.readFileSync(path.join(tmp, `levels/${id}.json`), 'utf8')).title);
  let served = await manifest();
  assert.deepEqual(served, { ...plain, rooms: plain.rooms.map((r, i) => ({ ...r, title: titles()[i] })) });
  // saved: the next load's lobby has the new title (no watcher between: made for each request)
  writeRoom((r) => { r.title.fi = 'Toinen huone (uusi otsikko)'; });
  served = await manifest();
  assert.equal(served.rooms[1].title.fi, 'Toinen huone (uusi otsikko)');
  // a room that is no JSON while being typed: the plain manifest, and the game names the room's error
  fs.writeFileSync(ROOM_FILE(), '{ "id": "toinen", ');
  assert.deepEqual(await manifest(), plain);
  writeRoom(() => {});
});
