// A volunteer names a new room with a long Finnish and Swedish title, in the studio in Chromium,
// against a real pakopeli-server seeded with the shipped game (its lobby of five doors of 116 x 60).
// The studio once gave the new door the last door's size: the Swedish title did not fit it, and
// the checker refused the publish naming hub.json's door, a file she never opened. Now the door
// grows to the size the checker gives ("fit", game/tools/lint_text.c) on a free place of the
// lobby, also when she makes the title longer later; a title no door holds is said under the
// room's title field, in her language. Then she fills the room, publishes it, and players see the
// door and its title in the lobby on a laptop and on a phone (build/screens/studio/door-*.png).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { startServer, runCommand, ROOT } from './lib.mjs';
import { CHROMIUM_ARGS, waitForLine, clickControl, findControl } from '../e2e/lib.mjs';

const SHOTS = path.join(ROOT, 'build/screens/studio');
const PASSWORD = 'Volunteer-password-2024';
const SERVER_WAIT = 60000; // the checker is a separate process; under load it has taken tens of seconds
let ROOM; // the new room's id, which the studio makes of the Finnish title
const TITLE = {
  fi: 'Digipalvelut asiakkaille ja heidän läheisilleen',
  sv: 'Digitala tjänster för klienter och anhöriga',
  en: 'Digital services for clients and relatives',
};
const LONGER_SV = 'Digitala tjänster för klienter, anhöriga och närstående';

let server, browser;
const shot = (page, name) => { fs.mkdirSync(SHOTS, { recursive: true }); return page.screenshot({ path: path.join(SHOTS, name) }); };

before(async () => {
  server = await startServer({ levels: path.join(ROOT, 'levels') });
  runCommand([`--data=${server.data}`, 'user', 'add', 'sanna', '--role=author', '--password-stdin'], { input: PASSWORD + '\n' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser.close();
  assert.equal((await server.stop()).code, 0, server.errors());
});

const doorOf = (page) => page.evaluate((id) => {
  const hub = window.pakopeliStudio.files.get('hub.json');
  return hub && hub.body.scene.widgets.find((w) => w.opens === id);
}, ROOM);
const lobbyWidgets = (page) => page.evaluate(() => window.pakopeliStudio.files.get('hub.json').body.scene.widgets);
async function waitSaved(page) {
  await page.waitForFunction(() => [...window.pakopeliStudio.files.values()].every((f) => !f.dirty && !f.saving), null, { timeout: SERVER_WAIT });
}
// The checker has read what is saved and answered: its panel is drawn, no check is pending.
async function waitChecked(page) {
  await waitSaved(page);
  await page.waitForFunction(() => document.querySelector('#problems p') && !/Kontrollerar|Tarkistetaan|Checking/.test(document.querySelector('#preview-problems').textContent || ''),
    null, { timeout: SERVER_WAIT });
}
// The door is inside the lobby picture and overlaps no other widget of the lobby.
function assertPlaced(door, widgets) {
  const [x, y, w, h] = door.rect;
  assert.ok(x >= 0 && y >= 0 && x + w <= 800 && y + h <= 560, `the door ${door.rect} leaves the 800 x 560 lobby`);
  for (const o of widgets) {
    if (o === door || o.id === door.id) continue;
    const [ox, oy, ow, oh] = o.rect;
    assert.ok(x + w <= ox || ox + ow <= x || y + h <= oy || oy + oh <= y, `the door ${door.rect} overlaps ${o.id} ${o.rect}`);
  }
}
async function text3(page, p, fi, sv, en) {
  for (const [l, v] of [['fi', fi], ['sv', sv], ['en', en]]) await page.fill(`[data-path="${p}.${l}"]`, v);
}
async function fillEmpty(page, prefix, word) {
  const paths = await page.$$eval(`[data-path^="${prefix}"][lang]`, (els) => els.filter((e) => !e.value).map((e) => e.dataset.path));
  let n = 0;
  for (const p of paths) await page.fill(`[data-path="${p}"]`, `${word} ${++n} ${{ fi: 'suomeksi', sv: 'på svenska', en: 'in English' }[p.slice(-2)]}`);
}
async function addPuzzle(page, kind) {
  await page.selectOption('#add-kind', kind);
  await page.click('#add-puzzle');
  return page.$$eval('details.item[data-path^="puzzles["]', (d) => d.filter((x) => /^puzzles\[\d+\]$/.test(x.dataset.path)).length - 1);
}

describe('a new room with a long title in the studio', () => {
  it('its lobby door holds the title in every language, follows a longer title, and the room publishes', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/studio/');
    await page.evaluate(() => localStorage.setItem('pakopeli.studio.lang', 'sv')); // she works in Swedish
    await page.reload();
    await page.fill('#login-user', 'sanna');
    await page.fill('#login-pw', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.rooms');
    const before = await page.evaluate(async () => (await (await fetch('/api/v1/studio/file?name=hub.json')).json()).published.body.scene.widgets);
    assert.ok(before.filter((w) => w.opens && !w.opens.startsWith('comic:')).every((w) => w.rect[2] === 116 && w.rect[3] === 60),
      'the shipped lobby has five doors of 116 x 60');

    await page.click('#new-room');
    await page.fill('#new-room-name', TITLE.fi);
    await page.fill('#new-room-sv', TITLE.sv);
    await page.fill('#new-room-en', TITLE.en);
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('[data-path="title.sv"]');
    ROOM = await page.evaluate(() => window.pakopeliStudio.files.get('game.json').body.rooms.at(-1).id);
    assert.match(ROOM, /^digipalvelut-asiakkaille/);
    // The checker reads the new door and gives the size its title needs; the door grows to it.
    await page.waitForFunction((id) => {
      const d = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === id);
      return d && d.rect[2] * d.rect[3] > 116 * 60;
    }, ROOM, { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door did not grow: ${JSON.stringify(await doorOf(page))}; ${await page.textContent('#problems')}`));
    await waitChecked(page);
    let door = await doorOf(page);
    assertPlaced(door, await lobbyWidgets(page));
    const hubProblems = () => page.evaluate(() => window.pakopeliStudio.problems().filter((p) => /hub\.json$/.test(p.file)).map((p) => `${p.path}: ${p.message}`));
    assert.deepEqual(await hubProblems(), [], 'the checker has nothing to say about the lobby');
    assert.ok(!/hub\.json/.test(await page.textContent('#problems')), await page.textContent('#problems'));
    assert.match(await page.textContent('#status'), /Dörren i lobbyn gjordes större|Sparat/);
    const first = door.rect;

    // She makes the Swedish title longer in the room's title field: the door follows.
    await page.fill('[data-path="title.sv"]', LONGER_SV);
    await page.waitForFunction(([id, was]) => {
      const d = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === id);
      return d.text.sv.endsWith('närstående') && d.rect[2] * d.rect[3] > was[2] * was[3];
    }, [ROOM, first], { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door did not follow the longer title: ${JSON.stringify(await doorOf(page))}`));
    await waitChecked(page);
    door = await doorOf(page);
    assertPlaced(door, await lobbyWidgets(page));
    assert.deepEqual(await hubProblems(), []);

    // A title no door of the lobby can hold: said under the title field, in Swedish, as hers to shorten.
    // (far longer than a room's title may be: the top bar refuses one of 40 letters at 150 % text)
    await page.fill('[data-path="title.sv"]', 'Digitala tjänster för anhöriga och vänner '.repeat(14).trim());
    await page.waitForFunction(() => [...document.querySelectorAll('.field-error')].some((e) => /ryms inte på dörren i lobbyn/.test(e.textContent)),
      null, { timeout: SERVER_WAIT }).catch(async () => assert.fail(`no message under the title: ${await page.textContent('#problems')}`));
    const under = await page.evaluate(() => {
      const input = document.querySelector('[data-path="title.sv"]');
      const msgs = [];
      for (let el = input.nextElementSibling; el && el.matches('.field-error'); el = el.nextElementSibling) msgs.push(el.textContent);
      return { invalid: input.getAttribute('aria-invalid'), msgs };
    });
    assert.equal(under.invalid, 'true');
    assert.ok(under.msgs.includes('Namnet på svenska ryms inte på dörren i lobbyn, inte ens när den är som störst: korta det.'), under.msgs.join(' | '));
    // the last door's hint names every room: this title makes it too long, said here too
    assert.ok(under.msgs.some((m) => m.startsWith('Sista dörrens ledtråd räknar upp rummens namn, och namnet på svenska gör den för lång: korta namnet. (')), under.msgs.join(' | '));
    await shot(page, 'door-title-too-long.png');
    assert.ok(!/hub\.json · scene/.test(await page.textContent('#problems')), 'the list names her title field, not the lobby\'s');
    await page.fill('[data-path="title.sv"]', LONGER_SV);
    await waitChecked(page);
    await page.waitForFunction(() => ![...document.querySelectorAll('.field-error')].some((e) => /ryms inte/.test(e.textContent)), null, { timeout: SERVER_WAIT });

    // She fills the room: a task of each of the seven kinds, each with a hint, a lesson and reasons.
    await text3(page, 'intro', 'Asiakas kysyy, miten hän hoitaa asiansa verkossa. Ohjaa hänet oikeaan palveluun.',
      'En klient frågar hur hon sköter ärenden på nätet. Vägled henne till rätt tjänst.', 'A client asks how to do things online. Guide them to the right service.');
    await text3(page, 'outro', 'Osaat ohjata asiakkaan ja omaisen digipalveluihin.', 'Du kan vägleda klienter och anhöriga till digitala tjänster.',
      'You can guide clients and relatives to digital services.');
    await page.fill('[data-path="code_part"]', '8');
    let i = await addPuzzle(page, 'choice');
    await text3(page, `puzzles[${i}].prompt`, 'Omainen haluaa hoitaa äitinsä asioita. Mitä hän tarvitsee?', 'En anhörig vill sköta sin mammas ärenden. Vad behövs?',
      'A relative wants to handle their mother\'s matters. What is needed?');
    await text3(page, `puzzles[${i}].options[0].text`, 'Puolesta asioinnin valtuutus', 'En fullmakt att sköta ärenden', 'An authorisation to act for her');
    await text3(page, `puzzles[${i}].options[1].text`, 'Salasanan lainaaminen', 'Att låna lösenordet', 'Borrowing the password');
    await fillEmpty(page, `puzzles[${i}]`, 'Perustelu');
    i = await addPuzzle(page, 'order');
    await page.click(`[data-path="puzzles[${i}].steps"] > button`);
    await text3(page, `puzzles[${i}].prompt`, 'Missä järjestyksessä asiakas kirjautuu?', 'I vilken ordning loggar klienten in?', 'In which order does the client sign in?');
    await text3(page, `puzzles[${i}].steps[0].text`, 'Avaa palvelu', 'Öppna tjänsten', 'Open the service');
    await text3(page, `puzzles[${i}].steps[1].text`, 'Valitse pankkitunnukset', 'Välj bankkoder', 'Choose bank codes');
    await text3(page, `puzzles[${i}].steps[2].text`, 'Vahvista sovelluksessa', 'Bekräfta i appen', 'Confirm in the app');
    await fillEmpty(page, `puzzles[${i}]`, 'Ohje');
    i = await addPuzzle(page, 'code');
    await text3(page, `puzzles[${i}].prompt`, 'Neuvonnan numero on 4500. Kirjoita se.', 'Rådgivningens nummer är 4500. Skriv det.', 'The advice number is 4500. Type it.');
    await page.fill(`[data-path="puzzles[${i}].answer"]`, '4500');
    await fillEmpty(page, `puzzles[${i}]`, 'Vihje');
    i = await addPuzzle(page, 'match');
    await text3(page, `puzzles[${i}].prompt`, 'Yhdistä asia ja palvelu.', 'Para ihop ärende och tjänst.', 'Match the matter and the service.');
    await text3(page, `puzzles[${i}].pairs[0].left`, 'Resepti', 'Recept', 'Prescription');
    await text3(page, `puzzles[${i}].pairs[0].right`, 'Omakanta', 'Mina Kanta-sidor', 'My Kanta');
    await text3(page, `puzzles[${i}].pairs[1].left`, 'Ajanvaraus', 'Tidsbokning', 'Booking');
    await text3(page, `puzzles[${i}].pairs[1].right`, 'Oma asiointi', 'Min e-tjänst', 'My e-services');
    await fillEmpty(page, `puzzles[${i}]`, 'Syy');
    i = await addPuzzle(page, 'text');
    await text3(page, `puzzles[${i}].prompt`, 'Mikä palvelu näyttää reseptit? Kirjoita sen nimi.', 'Vilken tjänst visar recepten? Skriv dess namn.', 'Which service shows prescriptions? Type its name.');
    await page.fill(`input[data-path="puzzles[${i}].answers[0]"]`, 'Omakanta');
    await fillEmpty(page, `puzzles[${i}]`, 'Kanta');
    // the two kinds that need the scene: a place to find in it, and an item used on a part of it
    await page.click('[data-path="scene.widgets"] > button');
    await text3(page, 'scene.widgets[0].text', 'Asiakkaan puhelin', 'Klientens telefon', 'The client\'s phone');
    i = await addPuzzle(page, 'hotspots');
    await text3(page, `puzzles[${i}].prompt`, 'Etsi kuvasta asiakkaan puhelin.', 'Hitta klientens telefon i bilden.', 'Find the client\'s phone in the picture.');
    await page.selectOption(`select[data-path="puzzles[${i}].places[0].widget"]`, { index: 1 }); // the place is the phone
    await fillEmpty(page, `puzzles[${i}]`, 'Puhelin');
    await page.click('[data-path="items"] > button');
    await text3(page, 'items[0].name', 'Tunnuslukulaite', 'Kodapparat', 'Code device');
    await fillEmpty(page, 'items[0]', 'Laite');
    const previous = i;
    await page.selectOption(`select[data-path="puzzles[${previous}].gives.items"]`, await page.$eval('input[data-path="items[0].id"]', (e) => e.value));
    i = await addPuzzle(page, 'use');
    await text3(page, `puzzles[${i}].prompt`, 'Anna laite asiakkaalle puhelimen luo.', 'Ge apparaten till klienten vid telefonen.', 'Give the device to the client at the phone.');
    await page.selectOption(`select[data-path="puzzles[${i}].item"]`, { index: 1 });
    await page.selectOption(`select[data-path="puzzles[${i}].place"]`, { index: 1 });
    await fillEmpty(page, `puzzles[${i}]`, 'Käyttö');
    await waitChecked(page);
    const left = await page.evaluate(() => window.pakopeliStudio.problems().filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.path}: ${p.message}`));
    assert.deepEqual(left, [], 'the room is ready to publish');

    await page.click('#publish');
    await page.fill('#publish-note', 'Nytt rum: Digitala tjänster för klienter och anhöriga');
    await page.click('#publish-go');
    await page.waitForFunction(() => document.querySelector('#publish-out .field-error') || /Publicerat/.test(document.querySelector('#status').textContent),
      null, { timeout: SERVER_WAIT });
    if (await page.locator('#publish-out .field-error').count()) assert.fail(`publish refused: ${await page.locator('#publish-out').textContent()}`);
    const hub = await (await fetch(server.url + '/levels/hub.json')).json();
    const published = hub.scene.widgets.find((w) => w.opens === ROOM);
    assert.deepEqual(published.rect, door.rect, 'the grown door was published');
    assert.equal(published.text.sv, LONGER_SV);

    // She edits the published room: a longer Finnish title, published at once (no pause for the
    // checker): the publish finds the door too small, the studio grows it and publishes again.
    const LONGER_FI = 'Digipalvelut asiakkaille, omaisille ja heidän läheisilleen';
    await page.fill('[data-path="title.fi"]', LONGER_FI);
    await waitSaved(page); // the lobby's door says the new title: saved, not refused as a conflict with her own publish
    assert.equal(await page.locator('dialog').count(), 0, 'no conflict dialog');
    await page.click('#publish');
    await page.fill('#publish-note', 'Längre finskt namn');
    await page.click('#publish-go');
    await page.waitForFunction(() => document.querySelector('#publish-out .field-error') || /Publicerat.*\(Publicering 3\)/.test(document.querySelector("#status").textContent),
      null, { timeout: SERVER_WAIT });
    if (await page.locator('#publish-out .field-error').count()) assert.fail(`the second publish refused: ${await page.locator('#publish-out').textContent()}`);
    const hub2 = await (await fetch(server.url + '/levels/hub.json')).json();
    const door2 = hub2.scene.widgets.find((w) => w.opens === ROOM);
    assert.equal(door2.text.fi, LONGER_FI);
    assert.ok(door2.rect[2] * door2.rect[3] > published.rect[2] * published.rect[3], `the door grew for the longer title: ${door2.rect}`);
    assertPlaced(door2, hub2.scene.widgets);
    assert.deepEqual(errors, []);
    await context.close();
    TITLE.fi = LONGER_FI;

    // Players see the door and its whole title in the lobby, on a laptop and on a phone.
    // The room's long title takes two lines of its top bar at 150 % text on a laptop (one before:
    // the checker refused a Swedish name of 43 letters).
    for (const [name, lng, zoom, options] of [['desktop', 'sv', 100, { viewport: { width: 1280, height: 760 } }],
      ['desktop-150', 'sv', 150, { viewport: { width: 1280, height: 760 } }],
      ['phone', 'fi', 100, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
      ['phone', 'sv', 100, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }]]) {
      const pc = await browser.newContext(options);
      const game = await pc.newPage();
      const gameErrors = [];
      game.on('pageerror', (e) => gameErrors.push(e.message));
      await game.goto(`${server.url}/?lang=${lng}&zoom=${zoom}`);
      await game.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: SERVER_WAIT });
      const label = lng === 'sv' ? `Dörr: ${LONGER_SV}` : `Ovi: ${TITLE.fi}`;
      await waitForLine(game, label, 30000);
      const box = await findControl(game, label); // on a phone the lobby pans to it, as a person would
      assert.ok(box && box.w > 0 && box.h > 0 && box.x >= 0 && box.x + box.w <= options.viewport.width, `the door "${label}" is on the ${name} screen: ${JSON.stringify(box)}`);
      await game.waitForTimeout(400); // the pan eases in
      await shot(game, `door-lobby-${lng}-${name}.png`);
      await clickControl(game, label);
      await waitForLine(game, lng === 'sv' ? LONGER_SV : TITLE.fi, 30000); // its room opens
      await waitForLine(game, /Start|Börja|Aloita/, 30000);
      await shot(game, `door-room-${lng}-${name}.png`);
      assert.deepEqual(gameErrors, []);
      await pc.close();
    }
  });
});

// The door follows the name back down: a volunteer pastes a room's name twice by mistake, the door
// grows to hold it; she fixes the typo and the door becomes as small as the name now needs, and a
// short name gives the lobby's own door (116 x 60) again, never a smaller one and never on top of
// another. Once it stayed at its largest: a door as wide as half the lobby for the word "Teams".
describe('a door whose long name is shortened', () => {
  // a lobby of its own: the room published above lengthens the last door's hint, which names every room
  let own;
  before(async () => {
    own = await startServer({ levels: path.join(ROOT, 'levels') });
    runCommand([`--data=${own.data}`, 'user', 'add', 'sanna', '--role=author', '--password-stdin'], { input: PASSWORD + '\n' });
  });
  after(async () => assert.equal((await own.stop()).code, 0, own.errors()));
  it('shrinks to the size its name needs, down to the lobby\'s own door', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(own.url + '/studio/');
    await page.evaluate(() => localStorage.setItem('pakopeli.studio.lang', 'fi'));
    await page.reload();
    await page.fill('#login-user', 'sanna');
    await page.fill('#login-pw', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.rooms');
    const TYPO = 'Digipalvelut asiakkaalle Digipalvelut asiakkaalle ja omaiselle';
    await page.click('#new-room');
    await page.fill('#new-room-name', TYPO);
    await page.fill('#new-room-sv', 'Klientens e-tjänster');
    await page.fill('#new-room-en', 'The client\'s e-services');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('[data-path="title.fi"]');
    const id = await page.evaluate(() => window.pakopeliStudio.files.get('game.json').body.rooms.at(-1).id);
    const door = () => page.evaluate((r) => window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === r), id);
    const area = (d) => d.rect[2] * d.rect[3];
    const hubProblems = () => page.evaluate(() => window.pakopeliStudio.problems().filter((p) => /hub\.json$/.test(p.file)).map((p) => `${p.path}: ${p.message}`));
    // settled: saved, checked, and the check read the door as it is now (it grows no more)
    async function settled() {
      await waitChecked(page);
      let d = await door();
      for (let i = 0; i < 10; i++) {
        await page.waitForTimeout(1500);
        await waitChecked(page);
        const now = await door();
        if (JSON.stringify(now.rect) === JSON.stringify(d.rect)) return now;
        d = now;
      }
      return d;
    }
    await page.waitForFunction((r) => {
      const d = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === r);
      return d && d.rect[2] * d.rect[3] > 116 * 60;
    }, id, { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door did not grow: ${JSON.stringify(await door())}`));
    const big = await settled();
    assert.deepEqual(await hubProblems(), []);

    // the typo fixed: the door shrinks to what the name needs, still holding it in every language
    await page.fill('[data-path="title.fi"]', 'Digipalvelut asiakkaalle ja omaiselle');
    await page.waitForFunction(([r, was]) => {
      const d = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === r);
      return d.text.fi === 'Digipalvelut asiakkaalle ja omaiselle' && d.rect[2] * d.rect[3] < was;
    }, [id, area(big)], { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door did not shrink from ${big.rect}: ${JSON.stringify(await door())}`));
    const mid = await settled();
    assert.ok(area(mid) < area(big) && mid.rect[2] >= 116 && mid.rect[3] >= 60, `the fixed name's door ${mid.rect} (was ${big.rect})`);
    assert.deepEqual(await hubProblems(), [], 'the shrunk door holds its name (the checker says nothing of the lobby)');
    assertPlaced(mid, await lobbyWidgets(page));

    // a short name: the lobby's own door again, no smaller
    await page.fill('[data-path="title.fi"]', 'Teams');
    await page.fill('[data-path="title.sv"]', 'Teams');
    await page.fill('[data-path="title.en"]', 'Teams');
    await page.waitForFunction((r) => {
      const d = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === r);
      return d.text.en === 'Teams' && d.rect[2] === 116 && d.rect[3] === 60;
    }, id, { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door is not the lobby's own size: ${JSON.stringify(await door())}`));
    const small = await settled();
    assert.deepEqual(small.rect.slice(2), [116, 60]);
    assert.deepEqual(await hubProblems(), []);
    assertPlaced(small, await lobbyWidgets(page));
    // and it grows again for a longer name
    await page.fill('[data-path="title.sv"]', 'Klientens e-tjänster och anhörigas ärenden');
    await page.waitForFunction((r) => {
      const d = window.pakopeliStudio.files.get('hub.json').body.scene.widgets.find((w) => w.opens === r);
      return d.rect[2] * d.rect[3] > 116 * 60;
    }, id, { timeout: SERVER_WAIT }).catch(async () => assert.fail(`the door did not grow again: ${JSON.stringify(await door())}`));
    assertPlaced(await settled(), await lobbyWidgets(page));
    assert.deepEqual(await hubProblems(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
