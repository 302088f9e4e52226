// HR's pages read on a read-only connection of their own (db_open_reader), and the session check
// that starts every HR request reads on the reader connection too (db.c: db_session_get): so an
// HR page answers while the players' commit is held, instead of waiting for the writer's lock.
//
// How the commit is held, for real: another process (Debian's sqlite3) takes SQLite's write
// lock on the database file; a player's completion then reaches the server's committer, which
// waits inside its BEGIN for that lock (busy timeout 5 s) holding the writer connection. Every
// HR page must answer while that player's request is still waiting; once the other process
// lets go, the player's completion is stored and answered.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startServer, HR, Player, solution } from './lib.mjs';

// Holds SQLite's write lock on file until release() (a BEGIN IMMEDIATE that writes a row and is
// rolled back); resolves once the lock is taken.
async function holdWriteLock(file) {
  const p = spawn('sqlite3', ['-batch', file], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '', err = '';
  p.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => p.on('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sqlite3 did not take the lock: ${err}`)), 10000);
    p.stdout.on('data', (d) => {
      out += d;
      if (out.includes('held')) { clearTimeout(timer); resolve(); }
    });
    p.stdin.write(".timeout 5000\nBEGIN IMMEDIATE;\nINSERT INTO meta(key, value) VALUES ('held', '1');\n.print held\n");
  });
  return {
    kill() { p.kill('SIGKILL'); },
    async release() {
      p.stdin.end('ROLLBACK;\n.quit\n');
      await exited;
    },
  };
}

// A GET on a connection of its own. NOT A BUG: not the HR class's fetch, whose kept-alive
// connection may belong to the HTTP thread that carries the held completion (libmicrohttpd's
// thread pool gives each connection to one thread for its life, and that thread waits with the
// completion); a new connection is taken by a free thread.
function getFresh(base, p, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.get(base + p, { agent: false, headers: { cookie } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, data: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
}

describe('HR reads while the players\' commit waits', () => {
  let server, lock;
  after(async () => {
    lock?.kill(); // when the test failed before it let go
    if (server) assert.equal((await server.stop()).code, 0, server.errors());
  });

  it('every HR page answers while the players\' commit waits for a held write lock, and the completion is stored after', async () => {
    server = await startServer();
    const hr = new HR(server.url);
    await hr.firstLogin(server);
    const done = new Player(server.url, (await hr.invite({ name: 'Valmis Virtanen' })).token);
    const first = await done.send(solution(done));
    assert.equal(first.status, 200, JSON.stringify(first.data));
    const people = await hr.get('/api/v1/hr/people?offset=0&limit=100');
    const id = people.data.people.find((p) => p.name === 'Valmis Virtanen').id;
    const db = path.join(server.data, 'pakopeli.db');

    const pages = ['/api/v1/hr/session', '/api/v1/hr/people?offset=0&limit=100', `/api/v1/hr/people/${id}`,
      '/api/v1/hr/stats', '/api/v1/hr/stats?q=virtanen', '/api/v1/hr/feedback', '/api/v1/hr/units', '/api/v1/hr/audit',
      '/api/v1/hr/report', '/api/v1/hr/users', '/api/v1/hr/mail', '/api/v1/hr/mail/templates'];
    // One held completion a page: the committer gives up after its busy timeout (5 s), so the
    // hold must not outlast it however slow a loaded machine is.
    for (const [i, page] of pages.entries()) {
      const waiting = await hr.invite({ name: `Odottava ${i}` });
      lock = await holdWriteLock(db);
      let answered = null;
      const player = new Player(server.url, waiting.token);
      const held = player.send(solution(player)).then((r) => { answered = r; return r; });
      // the completion reaches the committer, which now waits inside its BEGIN with the writer's lock
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(answered, null, 'the completion should wait for the held lock');
      const r = await getFresh(server.url, page, hr.cookie);
      assert.equal(r.status, 200, `${page}: ${JSON.stringify(r.data).slice(0, 200)}`);
      assert.equal(answered, null, `${page} answered only after the held completion`);
      if (page.includes('/people?')) { // what it said is what was committed before the hold
        assert.equal(r.data.people.find((p) => p.name === 'Valmis Virtanen').status, 'completed');
        assert.equal(r.data.people.find((p) => p.name === `Odottava ${i}`).status, 'invited');
      }
      await lock.release();
      lock = null;
      const stored = await held;
      assert.equal(stored.status, 200, JSON.stringify(stored.data));
      assert.equal(stored.data.completed, true);
    }
  });
});
