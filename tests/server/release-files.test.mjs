// A game in progress is finished on the content release it began on: the report server replays a
// play on that release (ingest.c play.release), so a returning player's page must get that
// release's rooms, not the ones a volunteer has published since. The server says in game.json
// which release it is ("release": N) and serves each release's files at /levels/r/N/NAME, as
// /levels/NAME served them while N was current, kept by the browser for good (a committed
// release never changes). Here a volunteer publishes a changed room through the studio, and
// release 1 and release 2 are fetched over HTTP (store.c store_serve_level, srv.c).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HR, ROOT, startServer } from './lib.mjs';

const LEVELS = path.join(ROOT, 'levels'); // the shipped rooms and comic: the publish passes the linter
const ROOM = 'outlook.json';
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('a release\'s files by number (/levels/r/N/)', () => {
  let server, anna;
  const then = {}; // what /levels/ served while release 1 was current: file -> {text, etag}
  const FILES = ['game.json', ROOM, 'hub.json', 'comics/digituki.json'];

  before(async () => {
    server = await startServer({ levels: LEVELS });
    anna = new HR(server.url);
    await anna.firstLogin(server);
  });
  after(async () => { assert.equal((await server.stop()).code, 0, server.errors()); });

  it('the current game.json says its release, under an ETag a copy without it does not match', async () => {
    for (const f of FILES) {
      const res = await fetch(`${server.url}/levels/${f}`);
      assert.equal(res.status, 200, f);
      assert.equal(res.headers.get('x-pakopeli-release'), '1');
      assert.equal(res.headers.get('cache-control'), 'no-cache', `${f}: the current release changes with the next publish`);
      then[f] = { text: await res.text(), etag: res.headers.get('etag') };
    }
    assert.equal(JSON.parse(then['game.json'].text).release, 1);
    assert.equal(then['game.json'].etag, '"r1r"');
    assert.equal(then[ROOM].etag, '"r1"');
    // a browser's copy from before the field (titles only) is replaced, not kept by a 304
    const old = await fetch(`${server.url}/levels/game.json`, { headers: { 'if-none-match': '"r1t"' } });
    assert.equal(old.status, 200);
    await old.arrayBuffer();
  });

  it('after a publish, release 1\'s files are still served by number, byte for byte as they were', async () => {
    const f = (await anna.get(`/api/v1/studio/file?name=${ROOM}`)).data;
    const body = structuredClone(f.published.body);
    body.title = { fi: 'Outlook: uusi versio', sv: 'Outlook: ny version', en: 'Outlook: a new version' };
    const d = await anna.post('/api/v1/studio/draft', { name: ROOM, revision: f.revision, body });
    assert.equal(d.status, 200, JSON.stringify(d.data));
    const p = await anna.post('/api/v1/studio/publish', { names: [ROOM], revisions: { [ROOM]: d.data.revision },
      note: 'Outlookin huone uusittu' });
    assert.equal(p.status, 200, JSON.stringify(p.data));
    assert.equal(p.data.release, 2);

    for (const file of FILES) {
      const res = await fetch(`${server.url}/levels/r/1/${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(await res.text(), then[file].text, `${file} of release 1 as /levels/ served it then`);
      assert.equal(res.headers.get('etag'), then[file].etag);
      assert.equal(res.headers.get('x-pakopeli-release'), '1');
      assert.equal(res.headers.get('cache-control'), IMMUTABLE, `${file}: a committed release never changes`);
      assert.match(res.headers.get('content-type'), /^application\/json/);
    }
    const room1 = await (await fetch(`${server.url}/levels/r/1/${ROOM}`)).json();
    assert.ok(room1.sealed, 'the room sealed, as the current one is: no answers in plain sight');
    assert.notDeepEqual(room1.title, body.title);
    // the comic plain, as the current one
    assert.ok(!JSON.parse(then['comics/digituki.json'].text).sealed);
  });

  it('release 2 by number is the current release, with the new room and "release": 2', async () => {
    const cur = await fetch(`${server.url}/levels/game.json`);
    assert.equal(cur.headers.get('etag'), '"r2r"');
    const current = await cur.text();
    const res = await fetch(`${server.url}/levels/r/2/game.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-pakopeli-release'), '2');
    assert.equal(res.headers.get('etag'), '"r2r"');
    assert.equal(res.headers.get('cache-control'), IMMUTABLE);
    const text = await res.text();
    assert.equal(text, current);
    const game2 = JSON.parse(text), game1 = JSON.parse(then['game.json'].text);
    assert.equal(game2.release, 2);
    assert.equal(game1.release, 1);
    const i = game2.rooms.findIndex((r) => r.file === ROOM);
    assert.equal(game2.rooms[i].title.fi, 'Outlook: uusi versio', 'release 2\'s title in its lobby');
    assert.notEqual(game1.rooms[i].title.fi, 'Outlook: uusi versio', 'release 1\'s lobby keeps its own');
    const room2 = await (await fetch(`${server.url}/levels/r/2/${ROOM}`)).json();
    assert.equal(room2.title.fi, 'Outlook: uusi versio');
    // an unchanged room is the same text in both releases, under its own release's ETag
    const hub2 = await fetch(`${server.url}/levels/r/2/hub.json`);
    assert.equal(await hub2.text(), then['hub.json'].text);
    assert.equal(hub2.headers.get('etag'), '"r2"');
  });

  it('revalidates with a 304, answers HEAD, and refuses other methods', async () => {
    const again = await fetch(`${server.url}/levels/r/1/${ROOM}`, { headers: { 'if-none-match': then[ROOM].etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('cache-control'), IMMUTABLE);
    const head = await fetch(`${server.url}/levels/r/1/game.json`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('x-pakopeli-release'), '1');
    assert.equal(head.headers.get('etag'), '"r1r"');
    assert.equal((await head.arrayBuffer()).byteLength, 0);
    const post = await fetch(`${server.url}/levels/r/1/game.json`, { method: 'POST' });
    assert.equal(post.status, 405);
    await post.arrayBuffer();
  });

  it('is Not found for a release that is not committed, a number not written as the manifest does, or a file not in it', async () => {
    const paths = ['0/game.json', '3/game.json', '9007199254740991/game.json', '9007199254740992/game.json',
      '99999999999999999999/game.json', '01/game.json', '-1/game.json', '+1/game.json', '1e0/game.json',
      '1.0/game.json', ' 1/game.json', 'x/game.json', '1', '1/', '/game.json', '',
      '1/nothing.json', '1/comics/nothing.json', '1/assets/x.png', '1/r/1/game.json', '1/..%2Ftest.db'];
    for (const p of paths) {
      const res = await fetch(`${server.url}/levels/r/${p}`);
      assert.equal(res.status, 404, `/levels/r/${p}`);
      assert.equal(await res.text(), 'Not found\n', `/levels/r/${p}`);
      assert.equal(res.headers.get('cache-control'), null, `/levels/r/${p}: nothing kept`);
      assert.equal(res.headers.get('x-pakopeli-release'), null);
    }
  });

  it('the studio\'s preview of drafts never pins a game to a release', async () => {
    const preview = await anna.get('/studio/preview/levels/game.json');
    assert.equal(preview.status, 200);
    assert.equal(preview.data.release, undefined);
    const pinned = await anna.get('/studio/preview/levels/r/1/game.json');
    assert.equal(pinned.status, 404, 'the preview has no releases by number');
  });
});
