// A room the report server serves is the text of the release its ETag and X-Pakopeli-Release
// name, even while volunteers publish (store.c store_serve_level). A browser keeps a room's text
// under its ETag and revalidates with it: text of release N+1 under "rN" would be shown for
// release N's answers (304 after 304), and text of release N under "rN+1" would keep an outdated
// room on screen until the next publish. Here a volunteer publishes the room over and over, a new
// title in each release, while players' browsers load it; every copy they get must carry the title
// of the release its ETag names. (A publish landing between the server's read of the release number
// and of the text is rare here; tests/unit/test_server_store.c makes it land there every time.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HR, ROOT, startServer } from './lib.mjs';

const LEVELS = path.join(ROOT, 'levels'); // the shipped rooms: each publish passes the linter
const ROOM = 'outlook.json';
const PUBLISHES = 8, BROWSERS = 4; // each publish runs the linter on every room: about a second

let server;
after(async () => { if (server) assert.equal((await server.stop()).code, 0, server.errors()); });

test('a room is always served as the release its ETag and release header name, during publishes', { timeout: 120000 }, async () => {
  server = await startServer({ levels: LEVELS });
  const anna = new HR(server.url);
  await anna.firstLogin(server);
  const seeded = JSON.parse(fs.readFileSync(path.join(LEVELS, ROOM), 'utf8'));
  const titles = new Map([[1, seeded.title.fi]]); // release -> the room's Finnish title in it
  const seen = [];                                // [{release, title, how}] what the browsers got
  let publishing = true;

  // A browser: keeps the room under its ETag and revalidates with it, as the game's fetch does.
  async function browser() {
    let cached = null; // {etag, release, title}
    while (publishing) {
      const res = await fetch(`${server.url}/levels/${ROOM}`, { headers: cached ? { 'if-none-match': cached.etag } : {} });
      if (res.status === 304) {
        await res.arrayBuffer();
        continue; // the copy kept: checked when it came
      }
      assert.equal(res.status, 200);
      const etag = res.headers.get('etag');
      const m = /^"r(\d+)"$/.exec(etag || '');
      assert.ok(m, `ETag ${etag}: a release number`);
      const release = Number(m[1]);
      assert.equal(res.headers.get('x-pakopeli-release'), String(release), 'the release header and the ETag agree');
      const title = (await res.json()).title.fi;
      cached = { etag, release, title };
      seen.push({ release, title });
    }
  }

  // The volunteer: a new title in each release, published through the studio as the editor does.
  async function volunteer() {
    try {
      for (let k = 2; k <= PUBLISHES + 1; k++) {
        const f = (await anna.get(`/api/v1/studio/file?name=${ROOM}`)).data;
        const body = structuredClone(f.published.body);
        const fi = `Outlook: julkaisu ${k}`;
        body.title = { fi, sv: `Outlook: utgåva ${k}`, en: `Outlook: release ${k}` };
        const d = await anna.post('/api/v1/studio/draft', { name: ROOM, revision: f.revision, body });
        assert.equal(d.status, 200, JSON.stringify(d.data));
        const p = await anna.post('/api/v1/studio/publish', { names: [ROOM], revisions: { [ROOM]: d.data.revision },
          note: `Otsikko ${k}` });
        assert.equal(p.status, 200, JSON.stringify(p.data));
        assert.equal(p.data.release, k);
        titles.set(k, fi);
      }
    } finally {
      publishing = false;
    }
  }

  await Promise.all([volunteer(), ...Array.from({ length: BROWSERS }, browser)]);
  const releases = new Set(seen.map((s) => s.release));
  assert.ok(releases.size > PUBLISHES / 2, `the browsers saw ${releases.size} of ${PUBLISHES + 1} releases: they loaded during the publishes`);
  const wrong = seen.filter((s) => titles.get(s.release) !== s.title);
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${seen.length} copies had another release's text than their ETag named`);
  // and the last publish is what a browser gets now
  const last = await fetch(`${server.url}/levels/${ROOM}`);
  assert.equal(last.headers.get('etag'), `"r${PUBLISHES + 1}"`);
  assert.equal((await last.json()).title.fi, titles.get(PUBLISHES + 1));
});
