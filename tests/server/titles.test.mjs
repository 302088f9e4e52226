// The report server's game.json carries each room's title (issue 18, game/core/seal.h
// seal_manifest_titles, store.c manifest_of), as the web build's does: a new player's lobby
// lists every room from the manifest, so its first interactive frame waits for no topic room's
// file (game/front/app.c can_defer_rooms). The titles come from the same release's rooms, so a
// volunteer's published new title is what the next player's lobby shows, and the release
// number still validates the manifest.
//
// The server is seeded from the shipped levels/ and serves the built game (build/web).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, screenLines, waitForLine } from '../e2e/lib.mjs';
import { startServer, HR, ROOT } from './lib.mjs';

const LEVELS = path.join(ROOT, 'levels');
const plain = (file) => JSON.parse(fs.readFileSync(path.join(LEVELS, file), 'utf8'));

describe('the report server\'s game.json', () => {
  let server, admin, browser;
  before(async () => {
    server = await startServer({ levels: LEVELS });
    admin = new HR(server.url);
    await admin.firstLogin(server);
  });
  after(async () => {
    await browser?.close();
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  it('has each room\'s title beside its id and file, from the published room, and revalidates by the release', async () => {
    const res = await fetch(`${server.url}/levels/game.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-pakopeli-release'), '1');
    const etag = res.headers.get('etag');
    assert.equal(etag, '"r1r"', 'the release number, marked: a copy from before the titles and the release is not current');
    const served = await res.json();
    const game = plain('game.json');
    assert.equal(served.rooms.length, game.rooms.length);
    for (const [i, r] of game.rooms.entries()) {
      const room = plain(r.file);
      assert.ok(room.title, `${r.file} has a title`);
      assert.deepEqual(served.rooms[i], { ...r, title: room.title }, `rooms[${i}]: the entry and ${r.file}'s title`);
      // and it is the title the player's room file says (sealed, the title in plain sight)
      const sealed = await (await fetch(`${server.url}/levels/${r.file}`)).json();
      assert.deepEqual(served.rooms[i].title, sealed.title);
    }
    assert.equal(served.release, 1, 'the release it is of: a game in progress stays on it (levels/r/1/)');
    assert.deepEqual({ ...served, rooms: null, release: null }, { ...game, rooms: null, release: null },
      'the rest of the manifest as published');
    const again = await fetch(`${server.url}/levels/game.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304, 'the same release: the browser keeps its copy');
    for (const before of ['"r1"', '"r1t"']) {
      const old = await fetch(`${server.url}/levels/game.json`, { headers: { 'if-none-match': before } });
      assert.equal(old.status, 200, `a copy from before the titles or the release (${before}) is replaced`);
    }
  });

  it('shows a volunteer\'s new room title once it is published, and the draft only in the preview', async () => {
    const f = (await admin.get('/api/v1/studio/file?name=teams.json')).data;
    const body = structuredClone(f.published.body);
    body.title = { fi: 'Teams: uusi otsikko', sv: 'Teams: ny rubrik', en: 'Teams: a new title' };
    const d = await admin.post('/api/v1/studio/draft', { name: 'teams.json', revision: f.revision, body });
    assert.equal(d.status, 200, JSON.stringify(d.data));
    const index = plain('game.json').rooms.findIndex((r) => r.file === 'teams.json');
    const players = await (await fetch(`${server.url}/levels/game.json`)).json();
    assert.deepEqual(players.rooms[index].title, f.published.body.title, 'players do not see a draft\'s title');
    const preview = await admin.get('/studio/preview/levels/game.json');
    assert.equal(preview.status, 200);
    assert.deepEqual(preview.data.rooms[index].title, body.title, 'the preview plays the draft, lobby and all');
    assert.equal(preview.headers.get('etag'), null);
    assert.equal(preview.data.release, undefined, 'the preview never pins a game to a release');
    const p = await admin.post('/api/v1/studio/publish', { names: ['teams.json'], revisions: { 'teams.json': d.data.revision },
      note: 'Teamsin huoneelle uusi otsikko' });
    assert.equal(p.status, 200, JSON.stringify(p.data));
    assert.equal(p.data.release, 2);
    const res = await fetch(`${server.url}/levels/game.json`, { headers: { 'if-none-match': '"r1r"' } });
    assert.equal(res.status, 200, 'the next load gets the new release');
    assert.equal(res.headers.get('etag'), '"r2r"');
    const served = await res.json();
    assert.equal(served.release, 2);
    assert.deepEqual(served.rooms[index].title, body.title);
    assert.deepEqual(served.rooms.filter((r, i) => i !== index), players.rooms.filter((r, i) => i !== index),
      'the other rooms\' entries unchanged');
  });

  it('gives a new player the lobby with every title before any topic room\'s file is asked for', async () => {
    // the rooms' own titles, as release 2 has them (the Teams room's published in the test above)
    const game = plain('game.json');
    const topics = game.rooms.filter((r) => r.id !== game.hub)
      .map((r) => ({ ...r, title: r.file === 'teams.json' ? { en: 'Teams: a new title' } : plain(r.file).title }));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const person = await admin.invite({ name: 'Uusi Pelaaja' });
    await page.goto(`${server.url}/?lang=en#t=${person.token}`);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 30000 });
    await waitForLine(page, 'Parts of the code: ?');
    const lines = await screenLines(page);
    // the published titles, not the ones the build was made with
    for (const r of topics) assert.ok(lines.some((l) => l.includes(r.title.en)), `"${r.title.en}" in the lobby:\n${lines.join('\n')}`);
    // when each topic room was asked for, on the page's own clock
    const files = topics.map((r) => `/levels/${r.file}`);
    const asked = await page.waitForFunction((want) => {
      const at = {};
      for (const e of performance.getEntriesByType('resource')) {
        const p = new URL(e.name).pathname;
        if (want.includes(p) && !(p in at)) at[p] = e.startTime;
      }
      return Object.keys(at).length === want.length && { at, interactive: window.pakopeli.marks.interactive };
    }, files, { timeout: 20000 }).then((h) => h.jsonValue());
    for (const f of files)
      assert.ok(asked.at[f] >= asked.interactive, `${f} asked for at ${asked.at[f].toFixed(1)} ms, after the first interactive frame (${asked.interactive.toFixed(1)} ms)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
