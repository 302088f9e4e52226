// The checker's findings in the studio say where they are in the volunteer's words, as the forms
// name the fields ("Tehtävä 1 (Monivalinta) › Vaihtoehto 2 › Miksi (selitys)"), never as a file
// name and a JSON path ("x.json · puzzles[0].options[1].explain"), which she never sees and
// cannot read. And a new room named in Finnish only: the lobby door's missing Swedish and English
// (the studio writes the door of the room's name) are said once, as the name's, not as findings
// about "hub.json · scene.widgets[8].text", a file she never opened.
// Against a real pakopeli-server in Debian's Chromium, seeded from tests/fixtures/studio-game.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { startServer, runCommand, ROOT } from './lib.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';

const SHOTS = path.join(ROOT, 'build/screens');
const PASSWORD = 'Author-password-2024';
const SERVER_WAIT = 60000;
let server, browser;

before(async () => {
  server = await startServer({ args: [`--levels=${path.join(ROOT, 'tests/fixtures/studio-game')}`] });
  runCommand([`--data=${server.data}`, 'user', 'add', 'aino', '--role=author', '--password-stdin'], { input: PASSWORD + '\n' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser.close();
  assert.equal((await server.stop()).code, 0, server.errors());
});

// The list's lines once the checker has read what is saved now.
async function checkedList(page) {
  await page.waitForFunction(() => [...window.pakopeliStudio.files.values()].every((f) => !f.dirty && !f.saving), null, { timeout: SERVER_WAIT });
  await page.waitForFunction(() => document.querySelector('#problems li') && !/Tarkistetaan/.test(document.querySelector('#preview-problems').textContent || ''),
    null, { timeout: SERVER_WAIT });
  await page.waitForTimeout(1500); // a check begun before the last save is dropped; its successor's answer
  await page.waitForFunction(() => !/Tarkistetaan/.test(document.querySelector('#preview-problems').textContent || ''), null, { timeout: SERVER_WAIT });
  return page.$$eval('#problems li', (li) => li.map((x) => x.textContent));
}

describe('the checker\'s findings in the studio', () => {
  it('name the field as the forms do, in her language, with no file name or JSON path', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(() => localStorage.setItem('pakopeli.studio.lang', 'fi'));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/studio/');
    await page.fill('#login-user', 'aino');
    await page.fill('#login-pw', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.rooms');
    // the rooms and comics by their names, no file names under them ("hub.json")
    assert.ok(!/\.json/.test(await page.textContent('#main')), await page.textContent('#main'));
    await page.click('#new-room');
    await page.fill('#new-room-name', 'Turvallinen asiointi'); // Finnish only, for now
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('[data-path="title.fi"]');
    await page.selectOption('#add-kind', 'choice');
    await page.click('#add-puzzle');
    await page.fill('[data-path="puzzles[0].prompt.fi"]', 'Mitä teet, kun asiakas kysyy salasanaasi?');
    const lines = await checkedList(page);
    const jsonish = lines.filter((l) => /\.json|\[\d+\]|\bpuzzles\b|\bscene\b|\bwidgets\b|·/.test(l));
    assert.deepEqual(jsonish, [], `the list speaks JSON:\n${lines.join('\n')}`);
    // the places, as the forms name them
    assert.ok(lines.includes('Tehtävä 1 (Monivalinta) › Vaihtoehto 2 › Miksi (selitys): suomenkielinen teksti "fi" puuttuu'), lines.join('\n'));
    assert.ok(lines.includes('Tehtävä 1 (Monivalinta) › Tehtävänanto: ruotsinkielinen teksti "sv" puuttuu'), lines.join('\n'));
    // the door's missing languages are the name's, said once each
    const name = lines.filter((l) => l.startsWith('Nimi: '));
    assert.deepEqual(name, ['Nimi: ruotsinkielinen teksti "sv" puuttuu', 'Nimi: englanninkielinen teksti "en" puuttuu'], lines.join('\n'));
    assert.ok(!lines.some((l) => l.startsWith('Aula')), `the lobby's door is not hers to fix there:\n${lines.join('\n')}`);
    // a line still takes her to its field
    await page.click('#problems li a:has-text("Vaihtoehto 2 › Miksi (selitys)")');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'puzzles[0].options[1].explain.fi');
    // in Swedish, the same places in Swedish
    await page.selectOption('#lang', 'sv');
    await page.waitForFunction(() => [...document.querySelectorAll('#problems li')].some((l) => l.textContent.startsWith('Uppgift 1 (')), null, { timeout: SERVER_WAIT });
    const sv = await page.$$eval('#problems li', (li) => li.map((x) => x.textContent));
    assert.ok(sv.some((l) => l.startsWith('Uppgift 1 (Flerval) › Alternativ 2 › Varför (förklaring): ')), sv.join('\n'));
    await page.selectOption('#lang', 'fi');
    await page.waitForFunction(() => [...document.querySelectorAll('#problems li')].some((l) => l.textContent.startsWith('Tehtävä 1 (')), null, { timeout: SERVER_WAIT });
    await page.evaluate(() => document.querySelector('#problems').scrollIntoView());
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'studio-findings-words-fi.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the forms\' choices name things in her words: a part\'s type, size and colour, a task, a part of the scene', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(() => localStorage.setItem('pakopeli.studio.lang', 'fi'));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/studio/');
    await page.fill('#login-user', 'aino');
    await page.fill('#login-pw', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.rooms');
    await page.click('#new-room');
    await page.fill('#new-room-name', 'Puhelinneuvonta');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('[data-path="title.fi"]');
    await page.click('[data-path="scene.widgets"] > button');
    await page.fill('[data-path="scene.widgets[0].text.fi"]', 'Asiakkaan puhelin');
    await page.selectOption('#add-kind', 'choice');
    await page.click('#add-puzzle');
    await page.fill('[data-path="puzzles[0].prompt.fi"]', 'Mitä teet ensin?');
    await page.selectOption('#add-kind', 'use');
    await page.click('#add-puzzle');
    const options = (p) => page.$$eval(`select[data-path="${p}"] option`, (o) => o.map((x) => x.textContent));
    assert.deepEqual(await options('scene.widgets[0].type'), ['(ei mitään)', 'Laatikko', 'Ikkuna', 'Työkalupalkki', 'Luettelo', 'Painike', 'Tekstikappale', 'Keskusteluviesti', 'Kuvake', 'Kuva']);
    assert.equal(await page.$eval('select[data-path="scene.widgets[0].type"]', (s) => s.selectedOptions[0].textContent), 'Laatikko');
    assert.deepEqual(await options('scene.widgets[0].size'), ['(ei mitään)', 'Pieni', 'Tavallinen', 'Suuri', 'Otsikko']);
    assert.ok((await options('scene.widgets[0].tone')).includes('Varoitus (punainen)'));
    assert.equal(await page.textContent('details[data-path="scene.widgets[0]"] > summary'), '1. Laatikko: Asiakkaan puhelin');
    // the task's "needs first" names the other task by its number, kind and words, not "choice-2-k3f"
    const req = await options('puzzles[1].requires');
    assert.deepEqual(req.filter((x) => x.startsWith('Tehtävä')), ['Tehtävä 1 (Monivalinta): Mitä teet ensin?'], req.join(' | '));
    assert.ok(!req.some((x) => /^(choice|use)-/.test(x)), req.join(' | '));
    assert.deepEqual((await options('puzzles[1].place')).slice(1), ['1. Asiakkaan puhelin']);
    // the value kept is still the id (the content's reference)
    await page.selectOption('select[data-path="puzzles[1].requires"]', { index: 0 });
    const kept = await page.evaluate(() => [...window.pakopeliStudio.files.values()].find((f) => f.name.startsWith('puhelinneuvonta')).body.puzzles[1].requires);
    assert.deepEqual(kept, [await page.evaluate(() => [...window.pakopeliStudio.files.values()].find((f) => f.name.startsWith('puhelinneuvonta')).body.puzzles[0].id)]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// "Poista" under a task took it away with its texts in three languages, saved at once: the only
// way back was typing it all again (versions keep only what was published). Now the place where it
// was says what was removed, with "Kumoa" that puts it back where it was, and that is saved too.
describe('a task removed by mistake', () => {
  it('comes back with "Kumoa", texts and place as they were, and the server has it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(() => localStorage.setItem('pakopeli.studio.lang', 'fi'));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/studio/');
    await page.fill('#login-user', 'aino');
    await page.fill('#login-pw', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.rooms');
    await page.click('#new-room');
    await page.fill('#new-room-name', 'Kumottava');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('[data-path="title.fi"]');
    for (const kind of ['choice', 'order', 'code']) { await page.selectOption('#add-kind', kind); await page.click('#add-puzzle'); }
    for (const [l, v] of [['fi', 'Järjestä vaiheet.'], ['sv', 'Ordna stegen.'], ['en', 'Put the steps in order.']]) await page.fill(`[data-path="puzzles[1].prompt.${l}"]`, v);
    await page.fill('[data-path="puzzles[1].steps[0].text.fi"]', 'Avaa palvelu');
    const room = () => page.evaluate(() => [...window.pakopeliStudio.files.values()].find((f) => f.name.startsWith('kumottava')).body);
    const saved = () => page.waitForFunction(() => [...window.pakopeliStudio.files.values()].every((f) => !f.dirty && !f.saving), null, { timeout: SERVER_WAIT });
    const server1 = async () => (await (await fetch(`${server.url}/api/v1/studio/file?name=kumottava.json`, { headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).json()).draft.body;
    await saved();
    const before = await room();
    await page.click('details.item[data-path="puzzles[1]"] > .toolbar > button:has-text("Poista")');
    assert.deepEqual((await room()).puzzles.map((p) => p.kind), ['choice', 'code']);
    assert.equal(await page.textContent('#undo-row'), 'Poistettu: 2. Järjestä: Järjestä vaiheet. Kumoa');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'undo-remove', 'focus is on "Kumoa", one Enter away');
    await saved();
    assert.deepEqual((await server1()).puzzles.map((p) => p.kind), ['choice', 'code'], 'the removal was saved');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.locator('#undo-row').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'studio-undo-remove-fi.png') });
    // the publish dialog names what goes out as she knows it, not as files
    await page.click('#publish');
    // (with the other rooms made above as drafts: they go out too, by their names)
    const what = (await page.textContent('#publish-what')).split(', ');
    assert.equal(what[0], 'Kumottava');
    for (const n of ['Aula', 'Pelin tiedot', 'Puhelinneuvonta', 'Turvallinen asiointi']) assert.ok(what.includes(n), what.join(', '));
    assert.ok(!what.some((n) => n.endsWith('.json')), what.join(', '));
    await page.click('dialog button:has-text("Peruuta")');
    await page.click('#undo-remove');
    assert.deepEqual(await room(), before, 'the task is back, second as it was, with its texts');
    assert.equal(await page.inputValue('[data-path="puzzles[1].steps[0].text.fi"]'), 'Avaa palvelu');
    assert.equal(await page.locator('#undo-row').count(), 0);
    await saved();
    assert.deepEqual((await server1()).puzzles, before.puzzles, 'and the server has it again');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
