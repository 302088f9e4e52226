// Crash safety: kill -9 the server in the middle of a burst of submissions; after a restart
// every record it acknowledged is there, plays are whole, and PRAGMA integrity_check passes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, HR, Player, solution, sql, runCommand, tempDir, SERVER } from './lib.mjs';

const run = promisify(execFile);

const PLAYERS = 16;
const ROUNDS = 3;         // kill -9, restart, repeat
const BURST_MS = 1500;    // how long each burst runs before the kill

describe('crash safety', () => {
  it('keeps every acknowledged record through kill -9 during a burst of submissions', async () => {
    const data = tempDir();
    const db = path.join(data, 'pakopeli.db');
    let server = await startServer({ data });
    const hr = new HR(server.url);
    const password = await hr.firstLogin(server);
    const tokens = [];
    for (let i = 0; i < PLAYERS; i++) tokens.push((await hr.invite({ name: `Pelaaja ${i}` })).token);

    const acked = new Set();
    const finished = new Set(); // players the server told that they completed
    let totalAcked = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let stop = false;
      const base = server.url;
      // Each player plays through again and again, one event per request, like a live game.
      const workers = tokens.map(async (token, i) => {
        for (let play = 0; !stop; play++) {
          const p = new Player(base, token, `r${round}w${i}p${play}`);
          for (const item of solution(p)) {
            if (stop) return;
            let r;
            try { r = await p.send([item]); } catch { return; } // the server is gone
            if (r.status === 200) acked.add(item.key);
            else throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.data)}`);
            if (r.data.completed) finished.add(i);
          }
        }
      });
      await sleep(BURST_MS / 2);
      if (round === 1) {
        // an online backup in the middle of the burst is consistent
        const copy = path.join(tempDir(), 'during-burst.db');
        const { stdout } = await run(SERVER, ['backup', `--data=${data}`, copy]);
        assert.match(stdout, /integrity ok/);
        assert.ok(Number(sql(copy, 'SELECT COUNT(*) FROM events')) > 0);
      }
      await sleep(BURST_MS / 2);
      await server.kill9();
      stop = true;
      const results = await Promise.allSettled(workers);
      for (const r of results) if (r.status === 'rejected') throw r.reason;

      // The file must be sound before any server touches it again (WAL replays on open).
      assert.match(runCommand(['check', `--data=${data}`]), /: ok$/m);
      server = await startServer({ data });
      const stored = new Set(sql(db, 'SELECT idem_key FROM events').split('\n'));
      const missing = [...acked].filter((k) => !stored.has(k));
      assert.deepEqual(missing, [], `${missing.length} acknowledged events lost`);
      assert.equal(sql(db, 'PRAGMA integrity_check'), 'ok');
      // every play is whole: its events are 1..last_seq, and its summary matches them
      assert.equal(sql(db, `SELECT COUNT(*) FROM plays p WHERE last_seq != (SELECT COUNT(*) FROM events e WHERE e.play_id = p.id)
        OR last_seq != (SELECT MAX(seq) FROM events e WHERE e.play_id = p.id)`), '0');
      // a completion is recorded with the play that earned it
      assert.equal(sql(db, "SELECT COUNT(*) FROM people WHERE (completed > 0) != (code IS NOT NULL)"), '0');
      totalAcked = acked.size;
    }
    assert.ok(totalAcked > 50, `the burst should acknowledge plenty of events (got ${totalAcked})`);
    console.log(`crash test: ${totalAcked} acknowledged events over ${ROUNDS} kill -9 rounds, none lost`);

    // Resending everything after the crashes is harmless.
    const h = new HR(server.url);
    assert.equal((await h.login('admin', password)).status, 200);
    const completed = (await h.get('/api/v1/hr/people?status=completed')).data.people.length;
    assert.ok(finished.size > 0 && completed >= finished.size && completed <= PLAYERS, `${completed} vs ${finished.size}`);
    assert.equal((await server.stop()).code, 0, server.errors());
  });
});
