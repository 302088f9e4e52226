// seed.mjs - makes an upgrade fixture: a database written by an OLDER pakopeli-server, through
// that server's own API, for upgrade.test.mjs to open with today's server.
//
//   git worktree add --detach /tmp/old COMMIT && make -C /tmp/old build/native/pakopeli-server
//   PAKOPELI_WEB=$PWD/build/web node tests/server/upgrade/seed.mjs /tmp/old NAME
//
// writes tests/server/upgrade/NAME.sql (the database as SQL text, `sqlite3 .dump`) and NAME.json
// (what HR and the players saw then: the password, people, tokens, codes, how many events
// each play had sent). The old server is driven
// with the old checkout's own test helpers, so each fixture speaks the API of its time.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [oldRoot, name] = process.argv.slice(2);
if (!oldRoot || !name) throw new Error('usage: seed.mjs OLD_CHECKOUT NAME');
const here = path.dirname(fileURLToPath(import.meta.url));
const lib = await import(path.join(path.resolve(oldRoot), 'tests/server/lib.mjs'));
const commit = execFileSync('git', ['-C', oldRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();

const server = await lib.startServer({ data: lib.tempDir('pk-seed-') });
const hr = new lib.HR(server.url);
const password = await hr.firstLogin(server);
const madeAt = Date.now();

// Aino completes the room (and leaves feedback); Bertil is half-way; Cecilia has not started.
const aino = await hr.invite({ name: 'Aino Aaltonen', email: 'aino@example.fi' });
const ap = new lib.Player(server.url, aino.token);
const done = await ap.send(lib.solution(ap));
if (!done.data.completed) throw new Error(`Aino did not complete: ${JSON.stringify(done.data)}`);
const fb = await fetch(server.url + '/api/v1/feedback', {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${aino.token}` },
  body: JSON.stringify({ room: 'outlook', rating: 4, text: 'Selkeä huone.' }),
});
if (fb.status !== 201) throw new Error(`feedback: ${fb.status}`);

const bertil = await hr.invite({ name: 'Bertil Bäckström', email: 'bertil@example.fi' });
const bp = new lib.Player(server.url, bertil.token);
const half = await bp.send(lib.solution(bp).slice(0, 3));
if (half.status !== 200) throw new Error(`Bertil: ${JSON.stringify(half.data)}`);

const cecilia = await hr.invite({ name: 'Cecilia Öhman', email: 'cecilia@example.fi' });

const people = [];
for (const [inv, play, sent] of [[aino, ap.play, 7], [bertil, bp.play, 3], [cecilia, null, 0]]) {
  const p = await hr.person(inv.id);
  people.push({ id: inv.id, name: p.name, token: inv.token, status: p.status, code: p.code ?? null,
    score: p.score ?? null, play, sent });
}
const stopped = await server.stop();
if (stopped.code !== 0) throw new Error(`the old server stopped with ${stopped.code}: ${server.errors()}`);

const db = path.join(server.data, 'pakopeli.db');
const schema = execFileSync('sqlite3', ['-batch', db, "SELECT value FROM meta WHERE key = 'schema'"], { encoding: 'utf8' }).trim();
fs.writeFileSync(path.join(here, `${name}.sql`), execFileSync('sqlite3', ['-batch', db, '.dump'], { encoding: 'utf8' }));
fs.writeFileSync(path.join(here, `${name}.json`), JSON.stringify({ commit, schema: Number(schema), madeAt, password,
  people, feedback: 'Selkeä huone.' }, null, 2) + '\n');
console.log(`${name}: ${commit}, schema ${schema}, ${people.map((p) => `${p.name} ${p.status}`).join(', ')}`);
