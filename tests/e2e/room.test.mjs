// The first room, played to the end in Chromium: once with the mouse, once with the keyboard
// only. Progress is read through the ARIA mirror, as a screen-reader user would hear it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openGame, clickControl, keyToControl, waitForLine, screenLines,
  focusText, screenshot } from './lib.mjs';

let env;
before(async () => { env = await startBrowser({ levels: 'tests/fixtures/first-room' }); });
after(async () => { await env.close(); });

const SIGNS = ['Lähettäjän osoite', 'Viestin teksti', 'Kirjautumislinkki', 'Liite Salasanaohje.zip'];

test('the room is played to the end with the mouse, and wrong answers are refused with a reason', async () => {
  const { page, context, errors } = await openGame(env, '?lang=fi');
  await waitForLine(page, 'Outlook: epäilyttävä viesti');
  await screenshot(page, 'room-intro-fi.png');
  await clickControl(page, 'Aloita');
  await waitForLine(page, 'Tehtävä 1/2');

  await clickControl(page, 'Lähetysaika');                 // a decoy: refused, explained
  await waitForLine(page, 'Ei aivan');
  await waitForLine(page, 'Aamuinen lähetysaika');
  for (const [i, sign] of SIGNS.entries()) {
    await clickControl(page, sign);
    await waitForLine(page, `Löydetty ${i + 1}/4`);
  }
  await screenshot(page, 'room-signs-found-fi.png');
  await clickControl(page, 'Jatka');
  await waitForLine(page, 'Tehtävä 2/2');

  await clickControl(page, 'Välitän viestin kollegoille');
  await waitForLine(page, 'Välittäminen levittää');
  assert.ok(!(await screenLines(page)).some((l) => l.includes('Huone ratkaistu')));
  await clickControl(page, 'Ilmoitan viestin');
  await waitForLine(page, 'Ilmoitus kertoo tietoturvalle');
  await clickControl(page, 'Jatka');
  await waitForLine(page, 'Huone ratkaistu!');
  await waitForLine(page, 'Koodin osa: 4');
  await waitForLine(page, 'Virheitä: 2');
  await screenshot(page, 'room-solved-fi.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the room is played to the end with the keyboard only', async () => {
  const { page, context, errors } = await openGame(env, '?lang=fi');
  await page.focus('#canvas');
  // The intro's Start button has the focus when the room opens.
  await waitForLine(page, 'Aloita');
  assert.match(await focusText(page), /Aloita/);
  await page.keyboard.press('Enter');
  await waitForLine(page, 'Tehtävä 1/2');
  for (const sign of SIGNS) await keyToControl(page, sign);
  await waitForLine(page, 'Löydetty 4/4');
  await keyToControl(page, 'Jatka');
  await keyToControl(page, 'Ilmoitan viestin');
  await keyToControl(page, 'Jatka');
  await waitForLine(page, 'Huone ratkaistu!');
  await screenshot(page, 'room-solved-keyboard-fi.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language can be switched in the middle of the room', async () => {
  const { page, context } = await openGame(env, '?lang=fi');
  await clickControl(page, 'Aloita');
  await clickControl(page, 'Lähettäjän osoite');
  await clickControl(page, 'English');
  await waitForLine(page, 'Found 1 of 4');
  await waitForLine(page, 'foreign domain');
  await screenshot(page, 'room-switched-en.png');
  await clickControl(page, 'Svenska');
  await waitForLine(page, 'Hittat 1/4');
  await context.close();
});

test('Tab past the last control leaves the game for the page (no keyboard trap)', async () => {
  const { page, context } = await openGame(env, '?lang=fi');
  await page.focus('#canvas');
  let left = false;
  for (let i = 0; i < 40 && !left; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(30);
    left = await page.evaluate(() => document.activeElement && document.activeElement.id !== 'canvas');
  }
  assert.ok(left, 'focus never left the canvas');
  await context.close();
});
