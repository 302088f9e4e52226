// doc-screens.mjs - the screenshots of docs/authoring.md (docs/img/preview-*.png), taken from
// the live preview in headless Chromium on a copy of the templates. Run after `make web lint`:
//   node tests/e2e/doc-screens.mjs
// Not part of `make test`: the pictures change only when the preview does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, openGame, waitForLine, clickControl } from './lib.mjs';
import { startDevServer } from './dev-server.mjs';

const OUT = path.join(ROOT, 'docs/img');
const VIEW = { width: 1100, height: 655 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-docs-'));
fs.mkdirSync(path.join(tmp, 'levels/comics'), { recursive: true });
fs.symlinkSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'));
fs.writeFileSync(path.join(tmp, 'levels/game.json'), JSON.stringify({
  title: { fi: 'Oma peli', sv: 'Eget spel', en: 'My game' }, rooms: [{ id: 'esimerkki', file: 'esimerkki.json' }],
}, null, 2));
const roomFile = path.join(tmp, 'levels/esimerkki.json');
// a game of one room has no last door, so the room's code part would only draw a warning
const template = fs.readFileSync(path.join(ROOT, 'levels/templates/room.json'), 'utf8')
  .replace('"$schema": "../schema/', '"$schema": "schema/').replace('"code_part": "5",', '');
fs.writeFileSync(roomFile, template);
fs.copyFileSync(path.join(ROOT, 'levels/templates/comic.json'), path.join(tmp, 'levels/comics/esimerkki-sarjakuva.json'));

const dev = await startDevServer({ levels: path.join(tmp, 'levels'), quiet: true, lang: 'fi' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const env = { base: dev.base, browser };
fs.mkdirSync(OUT, { recursive: true });
const shot = async (page, name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, name) });
  console.log(`${name}: ${fs.statSync(path.join(OUT, name)).size} bytes`);
};
// scene units to page pixels (room_view.c: the scene is fitted into {16, 72, 820, 632})
const at = (page, x, y) => page.evaluate(([sx, sy]) => {
  const s = Math.min(820 / 800, 632 / 560);
  return window.pakopeli.toPage(16 + (820 - 800 * s) / 2 + sx * s, 72 + (632 - 560 * s) / 2 + sy * s, 0, 0);
}, [x, y]);

try {
  // 1. the room with the placing aid: places outlined, the pointer's coordinates
  let { page } = await openGame(env, '?lang=fi', VIEW);
  await clickControl(page, 'Aloita');
  await clickControl(page, 'Avaan ohjeen ja luen sen.');
  await clickControl(page, 'Jatka');
  await waitForLine(page, 'Tehtävä 2/7');
  let p = await at(page, 600, 250);
  await page.mouse.move(p.x, p.y);
  await waitForLine(page, /^x \d+, y \d+/);
  await shot(page, 'preview-places.png');

  // 2. Shift + drag measures a rectangle to copy into "rect"
  const a = await at(page, 250, 390), b = await at(page, 560, 520);
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForFunction(() => !document.getElementById('dev-measure').hidden);
  await shot(page, 'preview-measure.png');

  // 3. a broken file: the game's error screen and the linter's panel
  fs.writeFileSync(roomFile, template.replace('"target_minutes": 10,', '"target_minutes": 10'));
  await waitForLine(page, /(error: JSON syntax error|virhe: JSON-kielioppivirhe|fel: JSON-syntaxfel)/, 15000);
  await page.waitForFunction(() => document.getElementById('dev-panel').dataset.state === 'error');
  await shot(page, 'preview-error.png');

  // 4. a text that does not fit: the game plays on, the panel says where
  fs.writeFileSync(roomFile, template.replace('"fi": "Kuittaa luetuksi"', '"fi": "Kuittaa tämä perehdytysohje luetuksi heti nyt, ennen kuin unohdat sen kokonaan"'));
  await page.waitForFunction(() => /overflow/.test(document.getElementById('dev-lint-lines').textContent), null, { timeout: 15000 });
  await waitForLine(page, 'Tehtävä 2/7', 15000);
  // the panel opens by itself on an error and stays folded on a warning: open it either way
  if (await page.evaluate(() => document.getElementById('dev-panel').hasAttribute('data-collapsed')))
    await page.click('#dev-toggle');
  await shot(page, 'preview-overflow.png');
  fs.writeFileSync(roomFile, template);
  await page.context().close();

  // 5. the comic template alone (?comic=id)
  ({ page } = await openGame(env, '?comic=esimerkki-sarjakuva&lang=fi', VIEW));
  await page.waitForTimeout(800);
  await shot(page, 'preview-comic.png');
} finally {
  await browser.close();
  await dev.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
