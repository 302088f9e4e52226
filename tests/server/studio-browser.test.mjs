// The studio end to end in Debian's Chromium against a real pakopeli-server (issue 12): an author
// logs in, makes the room "Tietoturva arjessa" (a picture uploaded, hotspot places dragged onto
// it, a choice, an ordering, a code lock and pairs, in fi/sv/en), publishes it, and a player plays it from
// the lobby through its new door until the last door opens with the new code. Also by keyboard
// only; two authors on one room; the network lost while typing; a rollback; axe.
//
// The server is seeded from tests/fixtures/studio-game: a lobby with the last door and no rooms,
// so the new room's code part is the whole final code.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { AxeBuilder } from '../e2e/node_modules/@axe-core/playwright/dist/index.mjs';
import pngjs from '../e2e/node_modules/pngjs/lib/png.js';
import { startServer, runCommand, ROOT } from './lib.mjs';
import { CHROMIUM_ARGS, waitForLine, clickControl, keyToControl, screenLines, controlBox } from '../e2e/lib.mjs';

const LEVELS = path.join(ROOT, 'tests/fixtures/studio-game');
const SHOTS = path.join(ROOT, 'build/screens');
const PASSWORD = 'Author-password-2024';
// How long to wait for the server's work (a save, the checker, a publish). The checker is a
// separate process run on every draft; on the shared 2-core test machine under load it has taken
// tens of seconds. A wait, not an assertion: each step still has to happen.
const SERVER_WAIT = 60000;

let server, browser, loginShot = false;
const shot = (page, name) => { fs.mkdirSync(SHOTS, { recursive: true }); return page.screenshot({ path: path.join(SHOTS, name), fullPage: false }); };
// The new comic's screens go to build/screens/studio/.
const comicShot = (page, name) => { fs.mkdirSync(path.join(SHOTS, 'studio'), { recursive: true }); return page.screenshot({ path: path.join(SHOTS, 'studio', name), fullPage: false }); };

before(async () => {
  server = await startServer({ args: [`--levels=${LEVELS}`] });
  for (const name of ['aino', 'ben']) {
    runCommand([`--data=${server.data}`, 'user', 'add', name, '--role=author', '--password-stdin'], { input: PASSWORD + '\n' });
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser.close();
  assert.equal((await server.stop()).code, 0, server.errors());
});

async function author(name, viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + '/studio/');
  await page.fill('#login-user', name);
  await page.fill('#login-pw', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.rooms');
  return { page, context, errors };
}

// A photo-like picture: a desk drawn in the browser and photographed (a real PNG, 1200 x 840).
async function deskPicture() {
  const page = await browser.newPage({ viewport: { width: 1200, height: 840 } });
  await page.setContent(`<body style="margin:0;background:linear-gradient(#d9e4ec,#b7c7d3);font:32px sans-serif">
    <div style="position:absolute;left:80px;top:90px;width:560px;height:360px;background:#222;border:18px solid #444;color:#7fd"> näyttö</div>
    <div style="position:absolute;left:600px;top:110px;width:150px;height:120px;background:#ffe066;transform:rotate(6deg);color:#333;padding:10px">salasana: Kesä2024</div>
    <div style="position:absolute;left:760px;top:520px;width:300px;height:180px;background:#eee;border:2px solid #999;color:#333;padding:10px">asiakaslista.pdf</div>
    <div style="position:absolute;left:120px;top:600px;width:420px;height:110px;background:#6b4f3a;color:#fff;padding:10px">näppäimistö</div>
    <div style="position:absolute;left:0;top:760px;width:1200px;height:80px;background:#8a6a4f"></div></body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

// A photo far over the budget: 2400 x 1600 pixels of noise (which no encoder can shrink much),
// a PNG of several MB made here rather than in the page (sending it through the page took minutes).
function noisePhoto(width, height) {
  const png = new pngjs.PNG({ width, height, colorType: 2, inputHasAlpha: true });
  for (let k = 0; k < png.data.length; k += 4) {
    const v = Math.random() * 0xffffff;
    png.data[k] = v & 255; png.data[k + 1] = (v >> 8) & 255; png.data[k + 2] = (v >> 16) & 255; png.data[k + 3] = 255;
  }
  return pngjs.PNG.sync.write(png, { colorType: 2, deflateLevel: 1 });
}

// Fills the three languages of the fieldset whose data-path is p: `${text} (fi|sv|en)` unless given.
async function text3(page, p, fi, sv = `${fi} (sv)`, en = `${fi} (en)`) {
  for (const [l, v] of [['fi', fi], ['sv', sv], ['en', en]]) await page.fill(`[data-path="${p}.${l}"]`, v);
}
// Every still-empty text of the studio's forms under a path gets a short text per language.
async function fillEmpty(page, prefix, word) {
  // (an empty prefix means every text: [data-path^=""] would match none)
  const paths = await page.$$eval(prefix ? `[data-path^="${prefix}"][lang]` : '[data-path][lang]', (els) => els.filter((e) => !e.value).map((e) => e.dataset.path));
  let n = 0;
  for (const p of paths) {
    const l = p.slice(-2);
    await page.fill(`[data-path="${p}"]`, `${word} ${++n} ${{ fi: 'suomeksi', sv: 'på svenska', en: 'in English' }[l]}`);
  }
}
async function addPuzzle(page, kind) {
  await page.selectOption('#add-kind', kind);
  await page.click('#add-puzzle');
  return page.$$eval('details.item[data-path^="puzzles["]', (d) => d.filter((x) => /^puzzles\[\d+\]$/.test(x.dataset.path)).length - 1);
}
async function dragRect(page, rpath, toX, toY) {
  const el = page.locator(`.rect[data-path="${rpath}"]`);
  await page.locator('#scene').scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  const scene = await page.locator('#scene').boundingBox();
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(scene.x + toX + 10, scene.y + toY + 10, { steps: 6 });
  await page.mouse.up();
}
// Drags the rectangle of rpath by (dx, dy) CSS pixels, holding it at (fx, fy) of its box (a
// panel is held where none of its bubbles lie on top of it).
async function dragBy(page, rpath, dx, dy, fx = 0.5, fy = 0.5) {
  const el = page.locator(`.rect[data-path="${rpath}"]`);
  await page.locator('#scene').scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  const y = box.y + box.height * fy;
  await page.mouse.move(box.x + box.width * fx, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fx + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}
async function waitSaved(page) {
  await page.waitForFunction(() => [...window.pakopeliStudio.files.values()].every((f) => !f.dirty && !f.saving), null, { timeout: SERVER_WAIT })
    .catch(async () => assert.fail(`not saved within ${SERVER_WAIT / 1000} s: ${await page.evaluate(() => JSON.stringify([...window.pakopeliStudio.files.values()]
      .filter((f) => f.dirty || f.saving).map((f) => [f.name, f.dirty, !!f.saving])))}; the studio says: ${await page.textContent('#status')}`));
}

// A code on the game's keypad, read back from the answer line before it is checked, as the other
// browser tests do (a press right after the screen changed can be lost; a person would see it).
async function keypad(game, press, code) {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt) for (let i = 0; i < 4; i++) await press(game, 'Erase');
    for (const ch of code) await press(game, new RegExp(`^${ch} – button$`));
    try {
      await waitForLine(game, new RegExp(`: ${code} – `), 3000);
      return;
    } catch { /* pressed again */ }
  }
  assert.fail(`the keypad did not take ${code}`);
}

// Plays the published room from the lobby to the open last door; press clicks or keys to a control.
async function playNewRoom(press, screenshotName) {
  const pc = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const game = await pc.newPage();
  const gameErrors = [];
  game.on('pageerror', (e) => gameErrors.push(e.message));
  await game.goto(server.url + '/?lang=en');
  await game.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: SERVER_WAIT });
  if (press === keyToControl) await game.focus('#canvas');
  await press(game, 'Door: Security in daily work');
  await press(game, 'Start');
  await press(game, 'Password note');
  await press(game, 'Client list');
  await press(game, 'Continue');
  await press(game, 'I lock the screen');
  await press(game, 'Continue');
  const steps = ['Unplug the network', 'Call IT support', 'Report the incident'];
  for (let guard = 0; guard < 10; guard++) {
    const order = (await screenLines(game)).map((l) => /^Step (\d+): (.*) – option$/.exec(l)).filter(Boolean)
      .sort((a, b) => a[1] - b[1]).map((m) => m[2]);
    const k = order.findIndex((x, n) => x !== steps[n]);
    if (k < 0) break;
    await press(game, `Move up: ${steps[k]}`);
  }
  await press(game, 'Check');
  await press(game, 'Continue');
  await keypad(game, press, '2468');
  await press(game, 'Check');
  await press(game, 'Continue');
  await press(game, /\d\. Phishing mail/);
  await press(game, /^Report it/);
  await press(game, /\d\. Lost badge/);
  await press(game, /^Tell security/);
  await press(game, 'Check');
  await press(game, 'Continue');
  await waitForLine(game, 'Room solved!', 30000);
  await press(game, 'To the lobby');
  await waitForLine(game, 'Open the front door', 30000); // the lobby loads again
  await keypad(game, press, '7');
  await press(game, 'Check');
  await waitForLine(game, 'You escaped!', 30000);
  await shot(game, screenshotName);
  assert.deepEqual(gameErrors, []);
  await pc.close();
}

describe('the studio in the browser', () => {
  it('an author makes "Tietoturva arjessa" and publishes it; a player plays it through its new door', async () => {
    const t0 = Date.now();
    const { page, context, errors } = await author('aino');
    // This browser has played the real game as someone (their save and its owner's mark):
    // the studio's preview must leave both alone.
    await page.evaluate(() => { localStorage.setItem('pakopeli.save', '[["real"]]'); localStorage.setItem('pakopeli.report.owner', 'someone'); });
    await shot(page, 'studio-rooms.png');
    await page.click('#new-room');
    await page.fill('#new-room-name', 'Tietoturva arjessa');
    await page.fill('#new-room-sv', 'Informationssäkerhet i vardagen');
    await page.fill('#new-room-en', 'Security in daily work');
    await shot(page, 'studio-new-room.png');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('#scene');
    // the name in three languages in the dialog: the new lobby door says it in each
    const newDoor = await page.evaluate(() => window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === 'tietoturva-arjessa'));
    assert.deepEqual(newDoor.text, { fi: 'Tietoturva arjessa', sv: 'Informationssäkerhet i vardagen', en: 'Security in daily work' });
    assert.deepEqual(newDoor.label, { fi: 'Ovi: Tietoturva arjessa', sv: 'Dörr: Informationssäkerhet i vardagen', en: 'Door: Security in daily work' });
    await text3(page, 'title', 'Tietoturva arjessa', 'Informationssäkerhet i vardagen', 'Security in daily work');
    // the new room's opening text is empty and required: its badges say what the checker says
    await page.waitForFunction(() => [...document.querySelectorAll('fieldset[data-path="intro"] [data-badge]')]
      .every((b) => b.textContent === 'puuttuu'), null, { timeout: 30000 });
    await text3(page, 'intro', 'Työpisteelläsi on tietoturvan aukkoja. Löydä ne ja korjaa tavat.',
      'Din arbetsplats har brister i informationssäkerheten. Hitta dem.', 'Your desk has security gaps. Find them and fix the habits.');
    await text3(page, 'outro', 'Lukitset näytön ja pidät salasanat poissa näkyviltä.',
      'Du låser skärmen och håller lösenord borta.', 'You lock the screen and keep passwords out of sight.');
    await page.fill('[data-path="code_part"]', '7');

    await page.setInputFiles('#upload', { name: 'tyopiste.png', mimeType: 'image/png', buffer: await deskPicture() });
    await page.waitForSelector('#scene img.bg');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'studio-editor-top.png');

    // 1. hotspots: two places dragged onto the picture, one decoy
    let i = await addPuzzle(page, 'hotspots');
    await text3(page, `puzzles[${i}].prompt`, 'Etsi kuvasta kaksi tietoturvariskiä.', 'Hitta två risker i bilden.', 'Find two security risks in the picture.');
    await page.click(`[data-path="puzzles[${i}].places"] > button`);
    await page.click(`[data-path="puzzles[${i}].places"] > button`);
    await text3(page, `puzzles[${i}].places[0].label`, 'Salasanalappu', 'Lösenordslapp', 'Password note');
    await text3(page, `puzzles[${i}].places[1].label`, 'Asiakaslista', 'Klientlista', 'Client list');
    await text3(page, `puzzles[${i}].places[2].label`, 'Näppäimistö', 'Tangentbord', 'Keyboard');
    await page.check(`#f-puzzles_${i}__places_2_-decoy`);
    await dragRect(page, `puzzles[${i}].places[0].rect`, 330, 40);
    await dragRect(page, `puzzles[${i}].places[1].rect`, 410, 290);
    await dragRect(page, `puzzles[${i}].places[2].rect`, 60, 330);
    const rects = await page.evaluate((k) => window.pakopeliStudio.files.get('tietoturva-arjessa.json').body.puzzles[k].places.map((p) => p.rect), i);
    const scale = await page.$eval('#scene', (e) => Number(e.dataset.scale));
    for (const [n, [x, y]] of [[0, [330, 40]], [1, [410, 290]], [2, [60, 330]]]) {
      assert.ok(Math.abs(rects[n][0] - x / scale) < 4 && Math.abs(rects[n][1] - y / scale) < 4, `place ${n + 1} dragged: ${rects[n]} (scale ${scale})`);
    }
    await shot(page, 'studio-scene-places.png');
    await fillEmpty(page, `puzzles[${i}]`, 'Selitys');

    // 2. a choice
    i = await addPuzzle(page, 'choice');
    await text3(page, `puzzles[${i}].prompt`, 'Lähdet kahville. Mitä teet koneelle?', 'Du går på kaffe. Vad gör du med datorn?', 'You go for coffee. What do you do with the computer?');
    await text3(page, `puzzles[${i}].options[0].text`, 'Lukitsen näytön', 'Jag låser skärmen', 'I lock the screen');
    await text3(page, `puzzles[${i}].options[1].text`, 'Jätän sen auki', 'Jag lämnar den öppen', 'I leave it open');
    await fillEmpty(page, `puzzles[${i}]`, 'Perustelu');

    // 3. an ordering
    i = await addPuzzle(page, 'order');
    await page.click(`[data-path="puzzles[${i}].steps"] > button`);
    await text3(page, `puzzles[${i}].prompt`, 'Missä järjestyksessä toimit, kun huomaat tietomurron?', 'I vilken ordning gör du?', 'In which order do you act?');
    await text3(page, `puzzles[${i}].steps[0].text`, 'Irrota kone verkosta', 'Koppla från nätet', 'Unplug the network');
    await text3(page, `puzzles[${i}].steps[1].text`, 'Soita IT-tukeen', 'Ring IT-stödet', 'Call IT support');
    await text3(page, `puzzles[${i}].steps[2].text`, 'Kirjaa poikkeama', 'Anmäl avvikelsen', 'Report the incident');
    await fillEmpty(page, `puzzles[${i}]`, 'Ohje');

    // 4. a code lock
    i = await addPuzzle(page, 'code');
    await text3(page, `puzzles[${i}].prompt`, 'Lukon koodi on lapun numerot: 2468.', 'Koden är 2468.', 'The code is on the note: 2468.');
    await page.fill(`[data-path="puzzles[${i}].answer"]`, '2468');
    await fillEmpty(page, `puzzles[${i}]`, 'Vihje');
    // 5. matching pairs (the checker asks for at least five puzzles of three kinds)
    i = await addPuzzle(page, 'match');
    await text3(page, `puzzles[${i}].prompt`, 'Yhdistä tilanne ja oikea toimi.', 'Para ihop situation och åtgärd.', 'Match each situation with what to do.');
    await text3(page, `puzzles[${i}].pairs[0].left`, 'Kalasteluviesti', 'Nätfiskemejl', 'Phishing mail');
    await text3(page, `puzzles[${i}].pairs[0].right`, 'Ilmoita siitä', 'Rapportera det', 'Report it');
    await text3(page, `puzzles[${i}].pairs[1].left`, 'Kadonnut kulkukortti', 'Förlorat passerkort', 'Lost badge');
    await text3(page, `puzzles[${i}].pairs[1].right`, 'Kerro vartijalle', 'Berätta för vakten', 'Tell security');
    await fillEmpty(page, `puzzles[${i}]`, 'Syy');
    // Nothing typed went astray (the preview loading beside the forms once took the focus, and
    // a text typed then landed in the game): every text of the room is on its field.
    assert.deepEqual(await page.$$eval('[data-path][lang]', (els) => els.filter((e) => !e.value).map((e) => e.dataset.path)), []);
    assert.equal(await page.inputValue('[data-path="intro.en"]'), 'Your desk has security gaps. Find them and fix the habits.');

    await waitSaved(page);
    await page.waitForFunction(() => document.querySelector('#problems p'), null, { timeout: SERVER_WAIT });
    await shot(page, 'studio-room-editor.png');
    // the preview plays the draft: the game in the frame shows the new room
    const previewSays = () => page.frame({ url: /\/studio\/preview\// }).$$eval('#sr-lines [data-line]', (l) => l.map((x) => x.textContent));
    await page.waitForFunction(() => {
      const w = document.querySelector('#preview-frame').contentWindow;
      return [...w.document.querySelectorAll('#sr-lines [data-line]')].some((li) => li.textContent.includes('Tietoturva arjessa'));
    }, null, { timeout: 60000 }).catch(async () => assert.fail(`the preview does not show the draft: ${(await previewSays()).join(' | ')}`));
    // The author switches the preview to Swedish (a setting the game stores): the preview keeps
    // it under its own name; the real game's save, its owner's mark and language are untouched,
    // and nothing was queued for reporting.
    const frame = page.frame({ url: /\/studio\/preview\// });
    const sv = await controlBox(frame, 'Svenska');
    const fr = await page.locator('#preview-frame').boundingBox();
    await page.mouse.click(fr.x + sv.x + sv.w / 2, fr.y + sv.y + sv.h / 2);
    await page.waitForFunction(() => localStorage.getItem('pakopeli.studio.preview.pakopeli.lang') === 'sv', null, { timeout: 10000 });
    const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    assert.equal(stored['pakopeli.save'], '[["real"]]');
    assert.equal(stored['pakopeli.report.owner'], 'someone');
    assert.deepEqual(Object.keys(stored).filter((k) => /^pakopeli\.(lang|where|save|settings|report\.)/.test(k)).sort(), ['pakopeli.report.owner', 'pakopeli.save'],
      `the real game's keys: ${Object.keys(stored).join(', ')}`);

    // The lobby: the new door is placed where the author drags it, and made wide enough for
    // the Swedish name (the checker said it did not fit: wider, and tall enough for two lines).
    await page.goto(server.url + '/studio/#file=hub.json');
    await page.waitForSelector('.rect.door');
    const door = page.locator('.rect.door');
    // the first-load line arrives seconds later (the server measures the game): the scene under
    // the pointer must not move when it does (a drag begun at its old place was lost)
    const sceneTop = (await page.locator('#scene').boundingBox()).y;
    await page.waitForFunction(() => (document.querySelector('#budget') || {}).textContent, null, { timeout: SERVER_WAIT });
    const sceneTop2 = (await page.locator('#scene').boundingBox()).y;
    assert.ok(Math.abs(sceneTop2 - sceneTop) < 1, `the scene moved from ${sceneTop} to ${sceneTop2} px when the first-load line arrived`);
    const doorModel = () => page.evaluate(() => window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === 'tietoturva-arjessa').rect);
    const placed = await doorModel();
    await dragRect(page, await door.getAttribute('data-path'), 300, 200);
    // the drag has reached the form (the box is drawn again there) before the handle is taken
    await page.waitForFunction((was) => {
      const r = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === 'tietoturva-arjessa').rect;
      return r[0] !== was[0] || r[1] !== was[1];
    }, placed, { timeout: SERVER_WAIT });
    await door.scrollIntoViewIfNeeded();
    // resized in the game's units, whatever the studio's scale on this screen: 240 x 84, room
    // for the Swedish name on two lines (the scale depends on the page's fonts and width)
    const doorScale = await page.$eval('#scene', (e) => Number(e.dataset.scale));
    const before = await doorModel();
    const handle = await door.locator('.handle').boundingBox();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + (240 - before[2]) * doorScale,
      handle.y + handle.height / 2 + (84 - before[3]) * doorScale, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => {
      const r = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === 'tietoturva-arjessa').rect;
      return r[2] >= 230 && r[3] >= 76;
    }, null, { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door was not resized by its handle: ${JSON.stringify(await doorModel())} from ${JSON.stringify(before)} (scale ${doorScale})`));
    // A Swedish text typed just before publishing, with no pause for the autosave: publishing
    // sends it first, so the checker sees it and players get it (and the dragged door).
    const doorRect = await page.evaluate(() => window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === 'tietoturva-arjessa').rect);
    await page.fill('[data-path="title.sv"]', 'Lobbyn (nyss skrivet)');
    await shot(page, 'studio-lobby-door.png');
    await page.click('#publish');
    await page.fill('#publish-note', 'Uusi huone: Tietoturva arjessa');
    await shot(page, 'studio-publish.png');
    await page.click('#publish-go');
    await page.waitForFunction(() => document.querySelector('#publish-out .field-error') || /Julkaistu/.test(document.querySelector('#status').textContent),
      null, { timeout: SERVER_WAIT }).catch(async () => {
      await shot(page, 'studio-publish-failed.png');
      throw new Error(`publishing did not finish: ${await page.locator('#publish-out').textContent()} / ${await page.locator('#status').textContent()}`);
    });
    if (await page.locator('#publish-out .field-error').count()) assert.fail(`publish refused: ${await page.locator('#publish-out').textContent()}`);
    const hubServed = await (await fetch(server.url + '/levels/hub.json')).json();
    assert.equal(hubServed.title.sv, 'Lobbyn (nyss skrivet)', 'the text typed just before publishing was published');
    assert.deepEqual(hubServed.scene.widgets.find((w) => w.opens === 'tietoturva-arjessa').rect, doorRect, 'the dragged door was published');
    const authorSeconds = (Date.now() - t0) / 1000;
    console.log(`# a scripted author made and published the room in ${authorSeconds.toFixed(1)} s`);
    // the checker's panel says what the publish's check said: no errors (an older check's error,
    // from before the door was made taller, once stayed under "Published!")
    assert.match(await page.locator('#problems p').first().textContent(), /^Tarkistin ei löytänyt virheitä\./);
    await shot(page, 'studio-published.png');
    assert.deepEqual(errors, []);
    await context.close();

    // The player, with the mouse and then with the keyboard only: the lobby has the new door, the
    // room plays to the end, and the last door opens with the new code part 7.
    await playNewRoom(clickControl, 'studio-player-escaped.png');
    await playNewRoom(keyToControl, 'studio-player-keyboard.png');
  });

  it('two authors edit the same room: the second sees a conflict with both versions, nothing is lost', async () => {
    const a = await author('aino'), b = await author('ben');
    for (const x of [a, b]) {
      await x.page.click('text=Tietoturva arjessa');
      await x.page.waitForSelector('[data-path="intro.fi"]');
    }
    // how players did, beside the room (its players were anonymous: nobody is counted); the
    // box was once asked for before it was in the page, and stayed an empty card
    await a.page.waitForSelector('#stats h2', { timeout: SERVER_WAIT });
    assert.equal(await a.page.locator('#stats p').first().textContent(), 'Kukaan ei ole vielä pelannut tätä huonetta.');
    await a.page.fill('[data-path="intro.fi"]', 'Ainon johdanto');
    await waitSaved(a.page);
    await b.page.fill('[data-path="intro.fi"]', 'Benin johdanto');
    await b.page.waitForSelector('dialog #keep-mine', { timeout: SERVER_WAIT });
    const text = await b.page.locator('dialog').textContent();
    assert.match(text, /Ainon johdanto/);
    assert.match(text, /Benin johdanto/);
    await shot(b.page, 'studio-conflict.png');
    await b.page.click('#keep-mine');
    await waitSaved(b.page);
    const r = await b.page.evaluate(async () => (await fetch('/api/v1/studio/file?name=tietoturva-arjessa.json')).json());
    assert.equal(r.draft.body.intro.fi, 'Benin johdanto');
    assert.match(await b.page.evaluate(() => localStorage.getItem('pakopeli.studio.draft.tietoturva-arjessa.json.mine')), /Benin johdanto/,
      'the version not kept stays in the browser');
    await a.context.close();
    await b.context.close();
  });

  it('the network drops while typing: nothing is lost, it is sent when the network returns', async () => {
    const a = await author('aino');
    await a.page.click('text=Tietoturva arjessa');
    await a.page.waitForSelector('[data-path="outro.fi"]');
    await a.context.setOffline(true);
    await a.page.fill('[data-path="outro.fi"]', 'Kirjoitettu ilman verkkoa');
    await a.page.waitForSelector('#status[data-kind="warn"]', { timeout: 10000 });
    const kept = await a.page.evaluate(() => localStorage.getItem('pakopeli.studio.draft.tietoturva-arjessa.json'));
    assert.match(kept, /Kirjoitettu ilman verkkoa/);
    // the tab is closed while offline and opened again later, online
    await a.page.close();
    await a.context.setOffline(false);
    const page = await a.context.newPage();
    await page.goto(server.url + '/studio/#file=tietoturva-arjessa.json');
    await page.waitForSelector('[data-path="outro.fi"]');
    assert.equal(await page.inputValue('[data-path="outro.fi"]'), 'Kirjoitettu ilman verkkoa');
    await waitSaved(page);
    const r = await page.evaluate(async () => (await fetch('/api/v1/studio/file?name=tietoturva-arjessa.json')).json());
    assert.equal(r.draft.body.outro.fi, 'Kirjoitettu ilman verkkoa');
    await a.context.close();
  });

  it('a published version rolls back', async () => {
    const a = await author('aino');
    await a.page.click('text=Tietoturva arjessa');
    await a.page.waitForSelector('#publish');
    await a.page.click('#publish');
    await a.page.fill('#publish-note', 'Uudet tekstit');
    await a.page.check('#publish-feedback'); // changed after players' feedback: the lobby says so
    await a.page.click('#publish-go');
    await a.page.waitForSelector('#status:has-text("Julkaistu")', { timeout: SERVER_WAIT });
    let served = await (await fetch(server.url + '/levels/tietoturva-arjessa.json')).json();
    assert.equal(served.intro.fi, 'Benin johdanto');
    // a player opening the game sees the note in the lobby, in their language
    const pc = await browser.newContext({ viewport: { width: 1280, height: 760 } });
    const game = await pc.newPage();
    await game.goto(server.url + '/?lang=sv');
    await game.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: SERVER_WAIT });
    await waitForLine(game, 'Spelet har förbättrats utifrån spelarnas respons. Tack!');
    await shot(game, 'studio-feedback-lobby.png');
    await pc.close();
    a.page.on('dialog', (d) => d.accept());
    await a.page.click('text=Versiot');
    await a.page.waitForSelector('dialog li');
    await shot(a.page, 'studio-versions.png');
    await a.page.click('dialog li:has-text("Uusi huone") button:has-text("Palauta")');
    await a.page.waitForSelector('#status:has-text("palautettu")', { timeout: SERVER_WAIT });
    // the studio says so before it has read the room again: the editor shows the version rolled
    // back to before the test moves on (the room list drawn meanwhile was replaced by it)
    await a.page.waitForFunction(() => { const e = document.querySelector('[data-path="intro.fi"]'); return e && e.value && e.value !== 'Benin johdanto'; },
      null, { timeout: SERVER_WAIT });
    served = await (await fetch(server.url + '/levels/tietoturva-arjessa.json')).json();
    assert.notEqual(served.intro.fi, 'Benin johdanto');
    // The release list says what happened in the reader's language (it once read "Palautettu
    // versioon 1 / rolled back to version 1" whatever the language): the server keeps the
    // rollback as data, the studio words it.
    await a.page.evaluate(() => { location.hash = ''; });
    const said = { fi: 'Palautettu versioon', sv: 'Återställd till version', en: 'Rolled back to version' };
    // the status line too says it again in the new language (it once kept the old one)
    const back = { fi: 'Versio palautettu ja julkaistu.', sv: 'Versionen återställd och publicerad.', en: 'Rolled back and published.' };
    assert.equal(await a.page.textContent('#status'), back.fi);
    for (const l of ['sv', 'en', 'fi']) {
      await a.page.selectOption('#lang', l);
      assert.equal(await a.page.textContent('#status'), back[l], `the status line after switching to ${l}`);
      await a.page.waitForSelector(`#main li:has-text("${said[l]}")`);
      const text = await a.page.textContent('#main');
      for (const [other, words] of Object.entries(said)) if (other !== l) assert.ok(!text.includes(words), `${l}: no "${words}" in ${text}`);
      if (l === 'sv') await shot(a.page, 'studio-releases-sv.png');
    }
    // Publishing again with nothing changed says so in the author's language (it was the
    // server's English in every language)
    await a.page.click('ul.rooms:not(#comic-list) a:has-text("Tietoturva arjessa")');
    await a.page.waitForSelector('[data-path="intro.fi"]');
    await waitSaved(a.page);
    await a.page.click('#publish');
    await a.page.fill('#publish-note', 'Ei muutoksia');
    await a.page.click('#publish-go');
    await a.page.waitForSelector('#publish-out .field-error', { timeout: SERVER_WAIT }).catch(async () => {
      await shot(a.page, 'studio-publish-nothing-failed.png');
      assert.fail(`no refusal: the dialog says "${await a.page.locator('#publish-out').textContent().catch(() => '(gone)')}", the status "${await a.page.textContent('#status')}", drafts ${
        JSON.stringify(await a.page.evaluate(async () => (await (await fetch('/api/v1/studio/content')).json()).drafts))}`);
    });
    assert.equal(await a.page.textContent('#publish-out .field-error'), 'Julkaistavaa ei ole: mitään ei ole muutettu julkaistun version jälkeen.');
    await a.context.close();
  });

  it('an author fixes a comic in forms: pages, panels and bubbles, the overflow check, the real viewer, publishing', async () => {
    const { page, context, errors } = await author('aino');
    await page.click('text=Opastus digipalveluun');
    await page.waitForSelector('#scene.comic .rect.panel');
    const body = () => page.evaluate(() => window.pakopeliStudio.files.get('comics/opastus.json').body);
    const scale = await page.$eval('#scene', (e) => Number(e.dataset.scale));
    // the panels' pictures are on the page (and shown from the top, for the guide's picture)
    await page.waitForFunction(() => [...document.querySelectorAll('#scene .panel-img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: SERVER_WAIT });
    await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('.left').scrollTop = 0; });
    await shot(page, 'studio-comic.png');

    // A Swedish line far too long for its bubble: the checker (the same rule as make lint) says
    // so on that very field, while typing; a shorter line clears it.
    const sv = 'pages[0].panels[0].bubbles[1].text.sv';
    await page.fill(`[data-path="${sv}"]`, 'Hej Eino, välkommen till hälsocentralen! '.repeat(9));
    await page.waitForSelector(`[data-path="${sv}"][aria-invalid="true"]`, { timeout: SERVER_WAIT });
    assert.match(await page.locator(`[data-path="${sv}"] + .field-error`).textContent(), /ei mahdu/);
    await page.locator(`[data-path="${sv}"]`).scrollIntoViewIfNeeded();
    await shot(page, 'studio-comic-overflow.png');
    // An author who works in Swedish reads the checker in Swedish, and the status line follows
    // the switch at once (both once stayed in Finnish).
    await waitSaved(page);
    assert.match(await page.textContent('#status'), /^Tallennettu luonnoksena /);
    await page.selectOption('#lang', 'sv');
    assert.match(await page.textContent('#status'), /^Sparat som utkast /);
    await page.waitForSelector(`[data-path="${sv}"][aria-invalid="true"]`, { timeout: SERVER_WAIT });
    // the field keeps the Finnish message until the checker has answered in Swedish
    await page.waitForFunction((p) => /^med textstorleken/.test(document.querySelector(`[data-path="${p}"] + .field-error`)?.textContent || ''),
      sv, { timeout: SERVER_WAIT }).catch(() => {});
    const svSays = await page.locator(`[data-path="${sv}"] + .field-error`).textContent();
    assert.match(svSays, /^med textstorleken \d+ % får den svenska texten inte plats i sin ruta: /, svSays);
    await page.waitForFunction(() => /Kontrollen hittade/.test(document.querySelector('#problems').textContent), null, { timeout: SERVER_WAIT });
    const found = (await page.textContent('#problems')).match(/Kontrollen hittade (\d+) fel: rätta (\w+) före/);
    assert.ok(found, await page.textContent('#problems'));
    assert.equal(found[2], found[1] === '1' ? 'det' : 'dem', 'one error is "det", more are "dem"');
    assert.ok(!/ei mahdu|på engelska/.test(await page.textContent('#problems')), await page.textContent('#problems'));
    await page.locator(`[data-path="${sv}"]`).scrollIntoViewIfNeeded();
    await shot(page, 'studio-comic-overflow-sv.png');
    await page.selectOption('#lang', 'fi');
    await page.waitForSelector(`[data-path="${sv}"][aria-invalid="true"]`, { timeout: SERVER_WAIT });
    await page.fill(`[data-path="${sv}"]`, 'Hej Eino! Vad kan jag hjälpa dig med?');
    // the list names the field in words now ("... › Kupla 2 › Teksti › ruotsiksi"), not by its path:
    // wait for the field itself to be cleared, and for the list to have no Swedish overflow left
    await page.waitForFunction((p) => !document.querySelector(`[data-path="${p}"][aria-invalid="true"]`)
      && !/Kupla 2 › Teksti › ruotsiksi: .*ei mahdu/.test(document.querySelector('#problems').textContent), sv, { timeout: SERVER_WAIT });
    assert.equal(await page.locator(`[data-path="${sv}"][aria-invalid="true"]`).count(), 0);

    // Drag: a panel (held where no bubble lies), a bubble, and its tail's tip.
    let before = await body();
    await dragBy(page, 'pages[0].panels[3].rect', 10, 8, 0.85, 0.6); // away from its neighbours
    await dragBy(page, 'pages[0].panels[1].bubbles[0].at', 30, 20);
    await dragBy(page, 'pages[0].panels[1].bubbles[0].tail', 16, 12);
    let after = await body();
    const near = (a, b, what) => assert.ok(Math.abs(a - b) < 2.5, `${what}: ${a}, expected about ${b}`);
    const p3 = before.pages[0].panels[3].rect, q3 = after.pages[0].panels[3].rect;
    near(q3[0], p3[0] + 10 / scale, 'the dragged panel x');
    near(q3[1], p3[1] + 8 / scale, 'the dragged panel y');
    const pw = before.pages[0].panels[1].rect[2], ph = before.pages[0].panels[1].rect[3];
    near(after.pages[0].panels[1].bubbles[0].at[0], before.pages[0].panels[1].bubbles[0].at[0] + 30 / scale / pw * 100, 'the bubble x %');
    near(after.pages[0].panels[1].bubbles[0].at[1], before.pages[0].panels[1].bubbles[0].at[1] + 20 / scale / ph * 100, 'the bubble y %');
    near(after.pages[0].panels[1].bubbles[0].tail[0], before.pages[0].panels[1].bubbles[0].tail[0] + 16 / scale / pw * 100, 'the tail x %');
    // the number fields follow the drag
    assert.equal(Number(await page.inputValue('[data-path="pages[0].panels[1].bubbles[0].at[0]"]')), after.pages[0].panels[1].bubbles[0].at[0]);
    // and the keyboard moves a panel as well as the mouse
    await page.focus('.rect[data-path="pages[0].panels[0].rect"]');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual((await body()).pages[0].panels[0].rect, [24, 32, 566, 366]);

    // Eino's bubble, dragged lower, leaves Aino's no room above her head in English: the checker
    // (the viewer's layout, the linter's rule that no bubble covers a speaker) says so on that
    // text's field, and moving her bubble as the message suggests clears it.
    const aino = 'pages[0].panels[1].bubbles[1]';
    await page.waitForSelector(`[data-path="${aino}.text.en"][aria-invalid="true"]`, { timeout: SERVER_WAIT });
    assert.match(await page.locator(`[data-path="${aino}.text.en"] + .field-error`).textContent(),
      /peittää puhujan.*siirrä sitä \(Paikka vasemmalta \/ ylhäältä\)/);
    for (const [f, v] of [['at[0]', '56'], ['at[1]', '2'], ['width', '42']]) await page.fill(`[data-path="${aino}.${f}"]`, v);
    await page.waitForFunction((p) => !document.querySelector(`[data-path="${p}.text.en"][aria-invalid="true"]`), aino, { timeout: SERVER_WAIT });

    // Order: the second panel of page 1 one down, then page 2 before page 1; that page's panels
    // carry a reading order, which follows the list.
    await page.click('details.item[data-path="pages[0].panels[1]"] > .toolbar > button:has-text("Alas")');
    await page.click('details.item[data-path="pages[1]"] > .toolbar > button:has-text("Ylös")');
    await page.click('details.item[data-path="pages[0].panels[1]"] > .toolbar > button:has-text("Ylös")');
    after = await body();
    assert.match(after.pages[1].panels[2].bubbles[0].text.sv, /^Jag försökte boka tid/);
    assert.match(after.pages[0].panels[0].bubbles[0].text.fi, /^Viikkoa myöhemmin/);
    assert.deepEqual(after.pages[0].panels.map((x) => x.order), [1, 2]);

    // A new thought bubble in three languages, placed with the number fields.
    const bp = 'pages[0].panels[0].bubbles[3]';
    await page.click('[data-path="pages[0].panels[0].bubbles"] > button:has-text("Lisää kupla")');
    await page.selectOption(`[data-path="${bp}.kind"]`, 'thought');
    await page.selectOption(`[data-path="${bp}.speaker"]`, 'jukka');
    await text3(page, `${bp}.text`, 'Uusi kupla: hienoa!', 'Ny bubbla: toppen!', 'A new bubble: great!');
    for (const [f, v] of [['at[0]', '52'], ['at[1]', '72'], ['width', '44'], ['tail[0]', '70'], ['tail[1]', '92']]) await page.fill(`[data-path="${bp}.${f}"]`, v);
    await waitSaved(page);
    // the real comic viewer in the preview shows the draft: the new first page and its new bubble
    await page.waitForFunction(() => [...document.querySelector('#preview-frame').contentWindow.document.querySelectorAll('#sr-lines [data-line]')]
      .some((li) => li.textContent.includes('Uusi kupla: hienoa!')), null, { timeout: SERVER_WAIT })
      .catch(async () => assert.fail(`the preview does not show the new bubble: ${await page.frame({ url: /\/studio\/preview\// })
        .$$eval('#sr-lines [data-line]', (l) => l.map((x) => x.textContent).join(' | '))}`));
    await page.waitForFunction(() => !document.querySelector('#problems .field-error'), null, { timeout: SERVER_WAIT })
      .catch(async () => assert.fail(`the checker finds errors: ${await page.textContent('#problems')}`));
    // no room of the fixture opens this comic: the checker's warning (comic-unreached) is shown
    assert.match(await page.textContent('#problems'), /mikään huone ei avaa sarjakuvaa 'opastus'/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'studio-comic-edited.png');
    // the comic editor passes the accessibility audit as the room editor does
    const audit = await new AxeBuilder({ page }).exclude('#preview-frame').analyze();
    assert.deepEqual(audit.violations.map((v) => `comic editor: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);

    await page.click('#publish');
    await page.fill('#publish-note', 'Sarjakuva: sivujärjestys ja uusi kupla');
    await page.click('#publish-go');
    await page.waitForSelector('#status:has-text("Julkaistu")', { timeout: SERVER_WAIT });
    const served = await (await fetch(server.url + '/levels/comics/opastus.json')).json();
    assert.deepEqual(served.pages, (await body()).pages, 'the comic as the author left it is what players get');
    assert.equal(served.pages[0].panels[0].bubbles[3].text.sv, 'Ny bubbla: toppen!');
    assert.equal(served.pages[0].panels[0].bubbles[3].kind, 'thought');
    assert.deepEqual(served.pages[0].panels[0].bubbles[3].at, [52, 72]);
    assert.equal(served.pages[1].panels[0].bubbles[1].text.sv, 'Hej Eino! Vad kan jag hjälpa dig med?');
    assert.deepEqual(served.pages[1].panels[3].rect, q3);
    assert.deepEqual(served.pages[1].panels[2].bubbles[0].at, after.pages[1].panels[2].bubbles[0].at);
    assert.deepEqual(errors, []);

    // The same studio on a phone (390 x 844): the list of rooms and comics, and this comic.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const pp = await phone.newPage();
    await pp.goto(server.url + '/studio/');
    await pp.fill('#login-user', 'aino');
    await pp.fill('#login-pw', PASSWORD);
    await pp.click('button[type=submit]');
    await pp.waitForSelector('.rooms');
    await shot(pp, 'studio-phone-rooms.png');
    await pp.click('text=Opastus digipalveluun');
    await pp.waitForSelector('#scene.comic .rect.panel');
    await shot(pp, 'studio-phone-comic.png');
    // the top bar wraps: "Kirjaudu ulos" stood half off the screen's right edge
    const bar = await pp.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth,
      right: Math.max(...[...document.querySelectorAll('header.top > *')].map((e) => e.getBoundingClientRect().right)) }));
    assert.ok(bar.right <= bar.view && bar.page <= bar.view, `the top bar on a phone: ${JSON.stringify(bar)}`);
    await phone.close();
    await context.close();
  });

  it('an author makes a new comic: page shape, a large picture scaled, a panel placed, a bubble in fi/sv/en; a player reads it', async () => {
    const { page, context, errors } = await author('aino');
    const NAME = 'comics/tietoturvavartti.json';
    const body = () => page.evaluate((n) => window.pakopeliStudio.files.get(n).body, NAME);
    await page.click('#new-comic');
    await page.fill('#new-comic-fi', 'Tietoturvavartti');
    await page.fill('#new-comic-sv', 'Säkerhetskvarten');
    await page.fill('#new-comic-en', 'Security quarter');
    await page.selectOption('#new-comic-shape', 'portrait');
    await comicShot(page, 'new-comic-dialog.png');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('#scene.comic .rect.panel');
    let c = await body();
    assert.deepEqual(c.title, { fi: 'Tietoturvavartti', sv: 'Säkerhetskvarten', en: 'Security quarter' });
    assert.deepEqual(c.page_size, [800, 1200]);
    assert.equal(c.pages.length, 1);
    assert.equal(c.pages[0].panels.length, 1);
    // wired in: listed in game.json and opened by a new button in the lobby
    const wired = await page.evaluate(() => {
      const f = window.pakopeliStudio.files;
      return { comics: f.get('game.json').body.comics, button: f.get('hub.json').body.scene.widgets.find((w) => w.opens === 'comic:tietoturvavartti') };
    });
    assert.ok(wired.comics.some((x) => x.id === 'tietoturvavartti' && x.file === NAME), JSON.stringify(wired.comics));
    assert.equal(wired.button.label.en, 'Comic: Security quarter');

    // The page turned to landscape: the panel is scaled with it and stays on the page.
    await page.selectOption('#page-shape', 'landscape');
    c = await body();
    assert.deepEqual(c.page_size, [1200, 800]);
    assert.deepEqual(c.pages[0].panels[0].rect, [36, 16, 1128, 768]);
    assert.equal(await page.inputValue('[data-path="page_size[0]"]'), '1200');
    // A page narrower than the game shows: the checker (the same rule as make lint) says so at
    // the page size; back to landscape, the panel is where it was.
    // The field marked is the width the author typed (it once was the shape selector): invalid,
    // and the message tied to it for a screen reader.
    await page.fill('[data-path="page_size[0]"]', '150');
    await page.press('[data-path="page_size[0]"]', 'Tab');
    const width = page.locator('[data-path="page_size[0]"]');
    await page.waitForSelector('[data-path="page_size[0]"][aria-invalid="true"]', { timeout: SERVER_WAIT });
    const sizeSays = await page.textContent(`#${await width.getAttribute('aria-describedby')}`);
    assert.match(sizeSays, /200–4000/, sizeSays);
    for (const other of ['#page-shape', '[data-path="page_size[1]"]']) {
      assert.equal(await page.getAttribute(other, 'aria-invalid'), null, `${other} is not the field with the problem`);
    }
    await width.scrollIntoViewIfNeeded();
    await comicShot(page, 'new-comic-page-size-error.png');
    await page.selectOption('#page-shape', 'landscape');
    assert.deepEqual((await body()).pages[0].panels[0].rect, [36, 16, 1128, 768]);

    // A character, and a photo far too large for a panel (a noisy 2000 x 1500 PNG of several
    // MB): the studio scales it in the browser, as it does a room's picture, and says so.
    await page.click('[data-path="characters"] > button');
    await page.fill('[data-path="characters[0].id"]', 'sanna');
    await text3(page, 'characters[0].name', 'Sanna', 'Sanna', 'Sanna');
    const photo = noisePhoto(2000, 1500);
    assert.ok(photo.length > 2 * 1024 * 1024, `the test photo is ${photo.length} bytes`);
    await page.setInputFiles('input[data-panel="pages[0].panels[0]"]', { name: 'kuva.png', mimeType: 'image/png', buffer: photo });
    await page.waitForFunction((n) => /\.jpg$/.test(window.pakopeliStudio.files.get(n).body.pages[0].panels[0].image || ''), NAME, { timeout: SERVER_WAIT })
      .catch(async () => assert.fail(`the scaled picture did not become the panel's; the studio says: ${await page.textContent('#upload-note')}`));
    const note = await page.textContent('#upload-note');
    assert.match(note, /pienennettiin selaimessa kokoon \d+ × \d+ ja \d+ kilotavuun/, note);
    assert.match(note, /Canvas/);
    assert.match(note, /budjetista on yhä jäljellä \d+ kt/, note);
    c = await body();
    const image = c.pages[0].panels[0].image;
    const sent = await page.evaluate(async (src) => {
      const r = await fetch(`/studio/preview/${src}`);
      const b = await createImageBitmap(await r.blob());
      return { type: r.headers.get('content-type'), w: b.width, h: b.height };
    }, image);
    assert.equal(sent.type, 'image/jpeg');
    assert.ok(Math.max(sent.w, sent.h) <= 1600 && Math.abs(sent.w / sent.h - 4 / 3) < 0.02, `sent ${sent.w} x ${sent.h}`);
    // the panel took the picture's shape, as tall as the page allows
    const [, y0, w0, h0] = c.pages[0].panels[0].rect;
    assert.ok(y0 + h0 <= 800 && Math.abs(w0 / h0 - 4 / 3) < 0.02, `panel ${c.pages[0].panels[0].rect}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#scene .panel-img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: SERVER_WAIT });

    // The panel placed by dragging (to the left) and by the keyboard (two steps right).
    const scale = await page.$eval('#scene', (e) => Number(e.dataset.scale));
    let before = c.pages[0].panels[0].rect;
    await dragBy(page, 'pages[0].panels[0].rect', -30, 0);
    let after = (await body()).pages[0].panels[0].rect;
    assert.ok(Math.abs(after[0] - Math.max(0, before[0] - 30 / scale)) < 2.5, `dragged panel x: ${after[0]} from ${before[0]} (scale ${scale})`);
    before = after;
    await page.focus('.rect[data-path="pages[0].panels[0].rect"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    after = (await body()).pages[0].panels[0].rect;
    assert.deepEqual(after, [before[0] + 16, before[1], before[2], before[3]]);

    // A bubble in three languages, and the panel described for screen readers.
    await text3(page, 'pages[0].panels[0].description', 'Sanna istuu työpisteellä ja lukitsee näytön.',
      'Sanna sitter vid sin arbetsplats och låser skärmen.', 'Sanna sits at her desk and locks the screen.');
    await page.click('[data-path="pages[0].panels[0].bubbles"] > button:has-text("Lisää kupla")');
    await page.waitForSelector('[data-path="pages[0].panels[0].bubbles[0].text.fi"]');
    assert.equal(await page.inputValue('[data-path="pages[0].panels[0].bubbles[0].speaker"]'), 'sanna');
    await text3(page, 'pages[0].panels[0].bubbles[0].text', 'Lukitsen näytön aina, kun nousen.',
      'Jag låser alltid skärmen när jag går.', 'I always lock the screen when I get up.');
    await waitSaved(page);
    await page.waitForFunction(() => [...document.querySelector('#preview-frame').contentWindow.document.querySelectorAll('#sr-lines [data-line]')]
      .some((li) => li.textContent.includes('Lukitsen näytön aina')), null, { timeout: SERVER_WAIT })
      .catch(async () => assert.fail(`the preview does not show the new comic: ${await page.frame({ url: /\/studio\/preview\// })
        .$$eval('#sr-lines [data-line]', (l) => l.map((x) => x.textContent).join(' | '))}`));
    await page.waitForFunction(() => !document.querySelector('#problems .field-error'), null, { timeout: SERVER_WAIT })
      .catch(async () => assert.fail(`the checker finds errors: ${await page.textContent('#problems')}`));
    // the checker has nothing to say about the new comic: the lobby's button opens it
    assert.deepEqual(await page.evaluate((n) => window.pakopeliStudio.problems().filter((p) => p.file.endsWith(n)).map((p) => p.message), NAME), []);
    await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('.left').scrollTop = 0; });
    await comicShot(page, 'new-comic-editor.png');

    await page.click('#publish');
    await page.fill('#publish-note', 'Uusi sarjakuva: Tietoturvavartti');
    await page.click('#publish-go');
    await page.waitForSelector('#status:has-text("Julkaistu")', { timeout: SERVER_WAIT });
    const served = await (await fetch(server.url + '/levels/' + NAME)).json();
    assert.equal(served.pages[0].panels[0].bubbles[0].text.sv, 'Jag låser alltid skärmen när jag går.');
    assert.deepEqual(served.pages[0].panels[0].rect, after);
    assert.deepEqual(errors, []);
    await context.close();

    // A player opens it from the lobby: the whole page, then panel by panel; the screen reader's
    // mirror reads the bubble with who says it.
    const pc = await browser.newContext({ viewport: { width: 1280, height: 760 } });
    const game = await pc.newPage();
    const gameErrors = [];
    game.on('pageerror', (e) => gameErrors.push(e.message));
    await game.goto(server.url + '/?lang=en');
    await game.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: SERVER_WAIT });
    await clickControl(game, 'Comic: Security quarter');
    await waitForLine(game, /^Page 1 of 1$/, 30000);
    await waitForLine(game, 'Sanna says: I always lock the screen when I get up.');
    await waitForLine(game, /Sanna sits at her desk and locks the screen\./);
    await comicShot(game, 'player-new-comic-page.png');
    await clickControl(game, 'Panel by panel');
    await waitForLine(game, /^Page 1 of 1, panel 1 of 1$/, 30000);
    await waitForLine(game, 'Sanna says: I always lock the screen when I get up.');
    await comicShot(game, 'player-new-comic-guided.png');
    assert.deepEqual(gameErrors, []);
    await pc.close();

    // Removing the comic asks first, and takes with it what opens it (as a draft, until published).
    const a = await author('aino');
    await a.page.click('text=Tietoturvavartti');
    await a.page.waitForSelector('#remove-comic');
    let asked = '';
    a.page.once('dialog', (d) => { asked = d.message(); d.accept(); });
    await a.page.click('#remove-comic');
    await a.page.waitForSelector('.rooms');
    assert.match(asked, /Poistetaanko sarjakuva "Tietoturvavartti"\? Myös aulan painike/);
    const st = await a.page.evaluate(async () => {
      const get = async (n) => (await fetch(`/api/v1/studio/file?name=${n}`)).json();
      const [game, hub, content] = [await get('game.json'), await get('hub.json'), await (await fetch('/api/v1/studio/content')).json()];
      return { comics: game.draft.body.comics.map((x) => x.id), opens: hub.draft.body.scene.widgets.map((w) => w.opens).filter(Boolean),
        removes: content.drafts.filter((d) => d.removes).map((d) => d.name) };
    });
    assert.ok(!st.comics.includes('tietoturvavartti'), JSON.stringify(st.comics));
    assert.ok(!st.opens.includes('comic:tietoturvavartti'), JSON.stringify(st.opens));
    assert.deepEqual(st.removes, [NAME]);
    assert.equal(await a.page.locator('#comic-list a:has-text("Tietoturvavartti")').count(), 0);
    await a.context.close();
    // players still get the comic until the removal is published
    const live = await (await fetch(server.url + '/levels/game.json')).json();
    assert.ok(live.comics.some((x) => x.id === 'tietoturvavartti'));
  });

  it('the studio passes the accessibility audit, and works by keyboard only', async () => {
    const { page, context } = await author('aino', { width: 1280, height: 900 });
    const audit = async (what) => {
      const r = await new AxeBuilder({ page }).exclude('#preview-frame').analyze();
      assert.deepEqual(r.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    };
    await audit('room list');
    // keyboard only: a new room, a text, a place moved with the arrow keys and resized with Shift
    await page.focus('#new-room');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Näppäimin tehty');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#scene');
    await page.focus('[data-path="title.sv"]');
    await page.keyboard.type('Gjort med tangentbordet');
    await page.focus('#add-kind');
    await page.keyboard.press('End'); // the last kind, then back to hotspots
    await page.selectOption('#add-kind', 'hotspots');
    await page.focus('#add-puzzle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.rect.place');
    await page.focus('.rect.place');
    const before = await page.evaluate(() => [...window.pakopeliStudio.files.get('nappaimin-tehty.json').body.puzzles[0].places[0].rect]);
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    const moved = await page.evaluate(() => [...window.pakopeliStudio.files.get('nappaimin-tehty.json').body.puzzles[0].places[0].rect]);
    assert.deepEqual(moved, [before[0] + 24, before[1] + 8, before[2] + 8, before[3]]);
    await page.waitForFunction(() => /x \d+, y \d+/.test(document.querySelector('#announce').textContent)); // read out
    await waitSaved(page);
    // A photo far over the budget (a noisy 2400 x 1600 PNG, several MB) is scaled in the browser.
    const photo = noisePhoto(2400, 1600);
    assert.ok(photo.length > 2 * 1024 * 1024, `the test photo is ${photo.length} bytes`);
    await page.setInputFiles('#upload', { name: 'kuva.png', mimeType: 'image/png', buffer: photo });
    await page.waitForFunction(() => /\.jpg$/.test(window.pakopeliStudio.files.get('nappaimin-tehty.json').body.scene.background || ''), null, { timeout: 60000 })
      .catch(async () => assert.fail(`the scaled photo did not become the background; the studio says: ${await page.textContent('#upload-note')}`));
    // what was done to it stays beside the picture, naming the browser's Canvas that did it
    assert.match(await page.textContent('#upload-note'), /Canvas/);
    assert.match(await page.getAttribute('#scene img.bg', 'src'), /\.jpg$/);
    await waitSaved(page);
    await audit('room editor');
    await shot(page, 'studio-keyboard.png');
    await context.close();
  });

  it('an author makes a new comic by keyboard only; the New comic dialog and the comic editor pass the audit', async () => {
    const { page, context, errors } = await author('aino', { width: 1280, height: 900 });
    const audit = async (what) => {
      const r = await new AxeBuilder({ page }).exclude('#preview-frame').analyze();
      assert.deepEqual(r.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`), []);
    };
    // where the focus is (inside the preview's game too: "preview-frame>canvas")
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      const inner = e && e.id === 'preview-frame' && e.contentDocument && e.contentDocument.activeElement;
      return e && `${e.id || e.dataset.path || e.tagName}${inner ? `>${inner.id || inner.tagName}` : ''}`;
    });
    // Tab to a control as a keyboard user does (never a click, never page.focus)
    const tabTo = async (selector, most = 250) => {
      const trail = [];
      for (let k = 0; k < most; k++) {
        if (await page.evaluate((sel) => !!document.activeElement && document.activeElement.matches(sel), selector)) return;
        await page.keyboard.press('Tab');
        trail.push(await focused());
      }
      const game = await page.frame({ url: /\/studio\/preview\// }).$$eval('#sr-lines [data-line]', (l) => l.map((x) => x.textContent).join(' | ')).catch(() => '?');
      await comicShot(page, 'keyboard-tab-lost.png');
      assert.fail(`${selector} was not reached by ${most} presses of Tab: ${trail.slice(0, 40).join(' ')} ... ${trail.slice(-30).join(' ')}; the preview shows: ${game}`);
    };
    await tabTo('#new-comic');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog #new-comic-fi');
    assert.equal(await focused(), 'new-comic-fi', 'the dialog opens with the Finnish name in focus');
    await page.keyboard.type('Näppäinsarjakuva');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'new-comic-sv');
    await page.keyboard.type('Tangentbordsserien');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'new-comic-en');
    await page.keyboard.type('Keyboard comic');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'new-comic-shape');
    await page.keyboard.press('ArrowDown'); // landscape -> portrait
    assert.equal(await page.inputValue('#new-comic-shape'), 'portrait');
    await audit('the New comic dialog');
    await comicShot(page, 'keyboard-new-comic-dialog.png');
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Luo sarjakuva/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#scene.comic .rect.panel');
    const name = decodeURIComponent(/#file=(.+)$/.exec(page.url())[1]);
    const comic = () => page.evaluate((n) => window.pakopeliStudio.files.get(n).body, name);
    const c = await comic();
    assert.deepEqual(c.title, { fi: 'Näppäinsarjakuva', sv: 'Tangentbordsserien', en: 'Keyboard comic' });
    assert.deepEqual(c.page_size, [800, 1200]);
    // the panel placed with the keys: Shift+arrows make it smaller, arrows move it, each step 8
    await tabTo('.rect.panel');
    const before = c.pages[0].panels[0].rect;
    for (let k = 0; k < 4; k++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual((await comic()).pages[0].panels[0].rect, [before[0] + 16, before[1] + 8, before[2] - 32, before[3] - 8]);
    await page.waitForFunction(() => /x \d+, y \d+/.test(document.querySelector('#announce').textContent)); // read out
    // the panel described for screen readers in three languages, reached by Tab: from the scene
    // through the game in the preview and out of it again (it once kept the focus in a circle)
    const d = 'pages[0].panels[0].description';
    for (const [l, v] of [['fi', 'Sanna lukitsee näytön.'], ['sv', 'Sanna låser skärmen.'], ['en', 'Sanna locks the screen.']]) {
      await tabTo(`[data-path="${d}.${l}"]`);
      await page.keyboard.type(v);
    }
    await waitSaved(page);
    assert.deepEqual((await comic()).pages[0].panels[0].description, { fi: 'Sanna lukitsee näytön.', sv: 'Sanna låser skärmen.', en: 'Sanna locks the screen.' });
    await page.waitForSelector('#problems h2');
    await audit('the comic editor');
    await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('.left').scrollTop = 0; });
    await comicShot(page, 'keyboard-new-comic-editor.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
