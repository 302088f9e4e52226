// The dashboard's time per puzzle after a real play-through in Chromium (issue 14: "the first
// puzzle of each room shows a median time of 0 s"). The game reports answers, not entering a
// room, so a puzzle solved with the room's first answer used to take 0 s. The player here plays
// the whole two-room fixture game from a personal link and reads before the first answer of
// each room; every puzzle, the first of each room included, gets its real time on the dashboard.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, clickControl, waitForLine } from '../e2e/lib.mjs';
import { playAll, typeKeys } from '../e2e/e2e-game.mjs';
import { ROOT, startServer, webWithFixture, HR } from './lib.mjs';

const GAME = path.join(ROOT, 'tests/fixtures/e2e-game');
const READ_MS = 2500; // how long the player reads before a room's first answer

describe('time per puzzle after a real play-through', () => {
  let server, browser, hr;
  before(async () => {
    const web = await webWithFixture(GAME);
    server = await startServer({ web, levels: GAME });
    hr = new HR(server.url);
    await hr.firstLogin(server);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  it('gives the first puzzle of each room a real median on the dashboard', async () => {
    const person = await hr.invite({ name: 'Ville Virtanen', unit: 'Päivystys' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?lang=en#t=${person.token}`);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    const read = () => page.waitForTimeout(READ_MS);
    // reads the mail room before its first find, and the office after the lobby: each wait
    // comes before that room's first answer
    const press = async (p, text) => {
      if (text === 'Sender' || text === 'Lock the screen') await read();
      await clickControl(p, text);
    };
    await playAll(page, press, { type: typeKeys });
    await page.locator('#report-status', { hasText: /completion code: PK-/ }).waitFor({ timeout: 30000 });
    assert.deepEqual(errors, []);
    assert.equal((await hr.person(person.id)).status, 'completed');

    const stats = (await hr.get('/api/v1/hr/stats')).data;
    const puzzles = Object.fromEntries(stats.rooms.flatMap((r) => r.puzzles.map((p) => [`${r.id}/${p.id}`, p])));
    for (const id of ['mail/spot', 'office/safe']) {
      assert.equal(puzzles[id].solved, 1, id);
      assert.ok(puzzles[id].median_ms >= READ_MS - 500, `${id}: median ${puzzles[id].median_ms} ms after reading ${READ_MS} ms`);
    }
    for (const [id, p] of Object.entries(puzzles)) {
      if (p.solved) assert.ok(p.median_ms > 0, `${id}: median ${p.median_ms}`);
    }

    // and the HR dashboard shows it: no "0 s" in the table of rooms and puzzles
    const hp = await context.newPage();
    await hp.goto(server.url + '/hr/');
    await hp.locator('#login-form').getByLabel('User name').fill('admin');
    await hp.locator('#login-form').getByLabel('Password').fill('correct horse battery staple');
    await hp.keyboard.press('Enter');
    await hp.getByRole('link', { name: 'Rooms and puzzles' }).click();
    const rows = hp.locator('#stats-table tbody tr.puzzle');
    await rows.first().waitFor();
    const medians = await rows.evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[2].textContent, tr.cells[4].textContent]));
    const solved = medians.filter(([, n]) => n.trim() === '1');
    assert.ok(solved.length >= 8, JSON.stringify(medians));
    assert.deepEqual(solved.filter(([, , m]) => /^0 s$/.test(m.trim())), [], JSON.stringify(medians));
    await context.close();
  });
});
