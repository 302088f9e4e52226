// Every puzzle kind at the smallest and the largest text size (screenshots to look at), and the
// settings dialog: text size, high contrast and reduced motion, kept across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openGame, clickControl, waitForLine, screenLines, screenshot } from './lib.mjs';

let env;
before(async () => { env = await startBrowser({ levels: 'tests/fixtures/e2e-game' }); });
after(async () => { await env.close(); });

for (const zoom of [100, 150]) {
  test(`each puzzle kind is shown at ${zoom} % text size`, async () => {
    const { page, context, errors } = await openGame(env, `?lang=fi&zoom=${zoom}&room=mail`);
    await clickControl(page, 'Aloita');
    await screenshot(page, `kind-hotspots-${zoom}.png`);
    for (const p of ['Lähettäjä', 'Linkki', 'Jatka']) await clickControl(page, p);
    await screenshot(page, `kind-choice-${zoom}.png`);
    for (const p of ['Ilmoitan', 'Jatka']) await clickControl(page, p);
    await screenshot(page, `kind-text-${zoom}.png`);

    await page.goto(env.base + `?lang=fi&zoom=${zoom}&room=office`);
    await page.waitForFunction(() => window.pakopeli.marks.interactive);
    // saved progress from the mail room: a returning player goes straight on, no intro
    for (const p of ['Lukitse näyttö', 'Kanna korttia']) await clickControl(page, p);
    await screenshot(page, `kind-choice-several-${zoom}.png`);
    for (const p of ['Tarkista', 'Jatka']) await clickControl(page, p);
    await screenshot(page, `kind-order-${zoom}.png`);
    await clickControl(page, 'Tarkista');                       // a wrong order first: explained
    await waitForLine(page, 'Oikealla paikalla');
    await screenshot(page, `kind-order-wrong-${zoom}.png`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('settings change the text size and contrast, and are kept across a reload', async () => {
  const { page, context } = await openGame(env, '?lang=en');
  await clickControl(page, 'Start');
  await clickControl(page, 'Settings');
  await clickControl(page, /^150 %/);
  await waitForLine(page, '150 %, selected');
  await clickControl(page, 'High contrast: off');
  await waitForLine(page, 'High contrast: on');
  await screenshot(page, 'settings-contrast-150.png');
  await clickControl(page, 'Close');
  await screenshot(page, 'hub-contrast-150.png');
  await page.reload();
  await page.waitForFunction(() => window.pakopeli.marks.interactive);
  await clickControl(page, 'Settings');
  await waitForLine(page, '150 %, selected');
  await waitForLine(page, 'High contrast: on');
  assert.ok((await screenLines(page)).some((l) => l.startsWith('Reduced motion:')));
  await context.close();
});
