// A shared ward computer (issue 15): one nurse plays from her link, the next opens the plain
// address in the same browser. The second must not see her completion code, must not be
// recorded under her name and must not resume her game; the first sees whose game it is and
// can leave; completion forgets the identity. Chromium: a new tab is a new browser session
// (sessionStorage) over the same localStorage, as on a ward computer.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, clickControl } from '../e2e/lib.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, webWithFixture, HR, sql, ROOT } from './lib.mjs';

describe('a shared computer', () => {
  let server, browser, context, hr, web;

  before(async () => {
    web = await webWithFixture();
    server = await startServer({ web });
    hr = new HR(server.url);
    await hr.firstLogin(server);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: 'fi-FI' });
  });
  after(async () => {
    await browser?.close();
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  async function open(url) {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    return { page, errors };
  }

  it('keeps the player for her own tab, says whose game it is, and lets the next person start afresh', async () => {
    const aino = await hr.invite({ name: 'Aino Kallio' });
    const a = await open(`${server.url}/?lang=fi#t=${aino.token}`);
    await a.page.locator('#report-who', { hasText: 'Pelaat nimellä Aino K. – et ole Aino?' }).waitFor({ timeout: 10000 });
    fs.mkdirSync(path.join(ROOT, 'build/screens'), { recursive: true });
    await a.page.screenshot({ path: path.join(ROOT, 'build/screens/shared-computer-who.png') });
    await clickControl(a.page, 'Aloita');
    await clickControl(a.page, 'Lähettäjän osoite');
    await a.page.locator('#report-status', { hasText: /Lähetetty/ }).waitFor({ timeout: 10000 });
    const stored = await a.page.evaluate(() => ({ local: localStorage.getItem('pakopeli.report.token'),
      session: sessionStorage.getItem('pakopeli.report.token'), save: localStorage.getItem('pakopeli.save') }));
    assert.equal(stored.local, null, 'no identity in localStorage');
    assert.ok(stored.session, 'the identity lives in this tab');
    assert.ok(stored.save && stored.save !== '[]', 'her game is saved');
    await a.page.close();

    // the next person opens the plain address: nobody, and a fresh game
    const b = await open(server.url + '/?lang=fi');
    const state = await b.page.evaluate(() => window.pakopeli.reportState());
    assert.equal(state.token, 'no');
    assert.equal(state.completion, null);
    assert.equal(await b.page.locator('#report-who').isHidden(), true);
    const save = await b.page.evaluate(() => localStorage.getItem('pakopeli.save'));
    assert.ok(save === null || save === '[]', `her game is not resumed: ${save}`);
    await clickControl(b.page, 'Aloita');
    await clickControl(b.page, 'Lähettäjän osoite');
    await b.page.waitForTimeout(800);
    const db = `${server.data}/pakopeli.db`;
    assert.equal(sql(db, 'SELECT COUNT(*) FROM events'), '1', 'nothing recorded under her name');
    assert.deepEqual([...a.errors, ...b.errors], []);
    await b.page.close();
  });

  it('on a phone, whose game it is shows below the game, never over its controls', async () => {
    const eino = await hr.invite({ name: 'Eino Virtanen' });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      deviceScaleFactor: 2, locale: 'fi-FI' });
    try {
      const page = await phone.newPage();
      await page.goto(`${server.url}/?lang=fi#t=${eino.token}`);
      await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
      await page.locator('#report-who', { hasText: 'Pelaat nimellä Eino V. – et ole Eino?' }).waitFor({ timeout: 10000 });
      // the engine has laid itself out for the shorter canvas (it sizes on the resize event)
      await page.waitForFunction(() => {
        const c = document.getElementById('canvas').getBoundingClientRect();
        const b = document.getElementById('report-status').getBoundingClientRect();
        return b.top >= c.bottom - 0.5 && Math.abs(window.pakopeli.logical.h - c.height) < 2;
      }, null, { timeout: 10000 }).catch(async (e) => {
        const got = await page.evaluate(() => ({ c: document.getElementById('canvas').getBoundingClientRect().toJSON(),
          b: document.getElementById('report-status').getBoundingClientRect().toJSON(), logical: window.pakopeli.logical,
          h: getComputedStyle(document.documentElement).getPropertyValue('--report-h') }));
        throw new Error(`the status box and the canvas: ${JSON.stringify(got)}: ${e.message}`);
      });
      await page.screenshot({ path: path.join(ROOT, 'build/screens/shared-computer-who-phone.png') });
      await clickControl(page, 'Aloita'); // the game's own controls still answer to touch
      await page.locator('#report-who').waitFor({ timeout: 5000 });
    } finally { await phone.close(); }
  });

  it('at 200 % and 400 % zoom on a laptop, whose game it is shows below the game, never over it', async () => {
    // A 1280x760 laptop window at 200 % zoom is 640x380 CSS px, at 400 % 320x190: a short screen,
    // where the game takes the whole height. The box lay over its bottom right ("Vihje").
    for (const [width, height] of [[640, 380], [320, 190]]) {
      const who = await hr.invite({ name: 'Eino Virtanen' });
      const laptop = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1280 / width,
        locale: 'fi-FI' });
      try {
        const page = await laptop.newPage();
        await page.goto(`${server.url}/?lang=fi#t=${who.token}`);
        await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
        await page.locator('#report-who', { hasText: 'Pelaat nimellä Eino V.' }).waitFor({ timeout: 10000 });
        await clickControl(page, 'Aloita');
        const at = await page.evaluate(() => ({
          c: document.getElementById('canvas').getBoundingClientRect().toJSON(),
          b: document.getElementById('report-status').getBoundingClientRect().toJSON(),
          vh: window.innerHeight }));
        assert.ok(at.b.top >= at.c.bottom - 0.5, `${width}x${height}: the box ${JSON.stringify(at.b)} lies over the game ${JSON.stringify(at.c)}`);
        assert.ok(at.c.height >= at.vh - 1, `${width}x${height}: the game keeps the whole height (${at.c.height} of ${at.vh})`);
        if (width === 640) await page.screenshot({ path: path.join(ROOT, 'build/screens/shared-computer-who-zoom200.png') });
      } finally { await laptop.close(); }
    }
  });

  it('leaves with one button, and forgets the player at completion', async () => {
    const bertta = await hr.invite({ name: 'Bertta Berg' });
    const p = await open(`${server.url}/?lang=fi#t=${bertta.token}`);
    const leave = p.page.locator('#report-who').getByRole('button', { name: 'Lopeta' });
    await leave.waitFor({ timeout: 10000 });
    await Promise.all([p.page.waitForNavigation(), leave.click()]);
    await p.page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    assert.equal((await p.page.evaluate(() => window.pakopeli.reportState())).token, 'no');
    await p.page.close();

    // completion: the code is shown, the identity is gone from storage
    const q = await open(`${server.url}/?lang=fi#t=${bertta.token}`);
    await clickControl(q.page, 'Aloita');
    for (const s of ['Lähetysaika', 'Lähettäjän osoite', 'Viestin teksti', 'Kirjautumislinkki', 'Liite Salasanaohje.zip']) await clickControl(q.page, s);
    await clickControl(q.page, 'Jatka');
    await clickControl(q.page, 'Ilmoitan viestin');
    await q.page.locator('#report-status', { hasText: /Suorituskoodisi: PK-/ }).waitFor({ timeout: 30000 });
    assert.equal(await q.page.evaluate(() => sessionStorage.getItem('pakopeli.report.token')), null);
    assert.equal(await q.page.locator('#report-who').isHidden(), true);
    assert.deepEqual(q.errors, []);
    await q.page.close();
  });
});
