// A game in progress is finished on the content release it began on (game/front/app.c
// pin_release; the server's levels/r/N/, store.c). The report server replays a play's answers
// on the release the play began on (ingest.c), so a returning player who got the newest rooms
// after a volunteer's publish answered other questions than the server checked: the answers
// were refused, and the player could never complete. Here a player finds Outlook's five signs
// on release 1, a volunteer publishes a rewritten next question as release 2, and the player
// comes back: she sees release 1's question and her answer counts. A new player, and the same
// player's game started again, get release 2.
//
// The server is seeded from the shipped levels/ (a publish passes the linter) and serves the
// built game (build/web).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, screenLines, waitForLine } from '../e2e/lib.mjs';
import { LEVELS, game, rooms, solutions, tr, UI, press, answer } from '../e2e/content-lib.mjs';
import { startServer, tempDir, HR, sql } from './lib.mjs';

const OUTLOOK = rooms.outlook;
const DOOR = tr(rooms[game.hub].scene.widgets.find((w) => w.opens === 'outlook').label, 'fi');
const SIGNS = solutions.outlook.filter((e) => e.puzzle === 'signs');
const OLD_PROMPT = tr(OUTLOOK.puzzles.find((p) => p.id === 'what-to-do').prompt, 'fi');
const NEW_PROMPT = 'Viesti on tietojenkalastelua. Mitä teet ensimmäiseksi?';
const RIGHT = tr(OUTLOOK.puzzles.find((p) => p.id === 'what-to-do').options.find((o) => o.id === 'report').text, 'fi');

describe('a game in progress is finished on the release it began on', () => {
  let server, browser, admin, db;
  before(async () => {
    const data = tempDir();
    server = await startServer({ data, levels: LEVELS });
    db = path.join(data, 'pakopeli.db');
    admin = new HR(server.url);
    await admin.firstLogin(server);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  async function go(page, url) {
    await page.goto(url);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 30000 });
  }
  // From the lobby into Outlook, and its five signs found.
  async function findSigns(page) {
    await press(page, DOOR);
    await press(page, UI.start.fi);
    for (const ev of SIGNS) await answer(page, OUTLOOK, ev, 'fi');
    await waitForLine(page, UI.next.fi);
  }
  const allSent = (page) => page.waitForFunction(() => {
    const s = window.pakopeli.reportState();
    return s.mode === 'online' && s.queued === 0 && s.sent > 0;
  }, null, { timeout: 20000 });
  const levelRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/levels/')));
  const plays = (person) => sql(db, `SELECT group_concat(content_release || ':' || last_seq, ' ') FROM
    (SELECT content_release, last_seq FROM plays WHERE person_id = ${person.id} ORDER BY id)`);

  // The volunteer rewrites the next question: a new prompt, and the right option under a new id,
  // so release 1's answer does not replay on release 2, nor release 2's on release 1.
  async function publishRewrittenQuestion() {
    const f = (await admin.get('/api/v1/studio/file?name=outlook.json')).data;
    const body = structuredClone(f.published.body);
    const q = body.puzzles.find((p) => p.id === 'what-to-do');
    q.prompt = { fi: NEW_PROMPT, sv: 'Meddelandet är nätfiske. Vad gör du först?', en: 'The message is phishing. What do you do first?' };
    q.options.find((o) => o.id === 'report').id = 'report-button';
    const d = await admin.post('/api/v1/studio/draft', { name: 'outlook.json', revision: f.revision, body });
    assert.equal(d.status, 200, JSON.stringify(d.data));
    const p = await admin.post('/api/v1/studio/publish', { names: ['outlook.json'], revisions: { 'outlook.json': d.data.revision },
      note: 'Kalasteluviestin jatkokysymys kirjoitettu uudelleen' });
    assert.equal(p.status, 200, JSON.stringify(p.data));
    assert.equal(p.data.release, 2);
  }

  it('lets a returning player finish on release 1, and starts new games on release 2', async () => {
    // ---- release 1: Aino finds the five signs ----
    const aino = await admin.invite({ name: 'Aino Palaava' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: 'fi-FI' });
    const page = await context.newPage();
    const errors = [], warnings = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await go(page, `${server.url}/?lang=fi#t=${aino.token}`);
    await findSigns(page);
    await allSent(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('pakopeli.release')), '1', 'the saved game is on release 1');
    assert.equal(plays(aino), `1:${SIGNS.length}`);
    // as a browser saved it before the engine kept the release beside the save: report.js tells the
    // engine the release from its play (its own record of the release a play began on)
    await page.evaluate(() => localStorage.removeItem('pakopeli.release'));

    // ---- a volunteer publishes release 2 ----
    await publishRewrittenQuestion();

    // ---- Aino comes back (the same tab: who she is stays for its session) ----
    await go(page, `${server.url}/?lang=fi`);
    await waitForLine(page, OLD_PROMPT);
    const lines = await screenLines(page);
    assert.ok(!lines.some((l) => l.includes(NEW_PROMPT)), `release 2's question is not shown:\n${lines.join('\n')}`);
    const asked = await levelRequests(page);
    assert.ok(asked.includes('/levels/r/1/game.json') && asked.includes('/levels/r/1/outlook.json'),
      `release 1's files are read: ${asked.join(', ')}`);
    await press(page, RIGHT);
    await waitForLine(page, UI.next.fi);
    await allSent(page);
    assert.equal(plays(aino), `1:${SIGNS.length + 1}`, 'her answer on release 1 is taken into the same play');
    assert.equal(sql(db, `SELECT COUNT(*) FROM events WHERE person_id = ${aino.id}`), String(SIGNS.length + 1));
    assert.deepEqual(warnings.filter((w) => /refused/.test(w)), [], 'nothing was refused');

    // ---- Aino starts the game again: the new game is release 2's ----
    await press(page, 'Asetukset');
    await press(page, 'Aloita peli alusta');
    await findSigns(page);
    await press(page, UI.next.fi);
    await waitForLine(page, NEW_PROMPT);
    assert.equal(await page.evaluate(() => localStorage.getItem('pakopeli.release')), '2');
    await allSent(page);
    assert.equal(plays(aino), `1:${SIGNS.length + 1} 2:${SIGNS.length}`, 'a second play, on release 2');

    // ---- a saved game whose release the server does not have (a database started anew) ----
    await page.evaluate(() => localStorage.setItem('pakopeli.release', '99'));
    await go(page, `${server.url}/?lang=fi`);
    await waitForLine(page, NEW_PROMPT); // the saved answers replayed into the current release
    assert.ok((await levelRequests(page)).includes('/levels/r/99/game.json'));
    assert.equal(await page.evaluate(() => localStorage.getItem('pakopeli.release')), '2');
    assert.deepEqual(errors, []);
    await context.close();

    // ---- a new player, on a phone, gets release 2 ----
    const uusi = await admin.invite({ name: 'Uusi Pelaaja' });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fi-FI', isMobile: true, hasTouch: true });
    const p2 = await phone.newPage();
    const errors2 = [];
    p2.on('pageerror', (e) => errors2.push(e.message));
    await go(p2, `${server.url}/?lang=fi#t=${uusi.token}`);
    await findSigns(p2);
    await press(p2, UI.next.fi);
    await waitForLine(p2, NEW_PROMPT);
    await press(p2, RIGHT);
    await waitForLine(p2, UI.next.fi);
    await allSent(p2);
    assert.ok(!(await levelRequests(p2)).some((p) => p.startsWith('/levels/r/')), 'a new game reads the current release');
    assert.equal(plays(uusi), `2:${SIGNS.length + 1}`);
    assert.deepEqual(errors2, []);
    await phone.close();
  });
});
