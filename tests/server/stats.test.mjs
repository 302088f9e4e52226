// The dashboard's statistics for everyone or one unit come from tables kept up to date as
// results arrive (game/server/db.c): they must say exactly what the results themselves say,
// after plays, a second play, a revocation, a change of unit, an erasure, and a rebuild.
// A name filter matching everyone makes the server compute the same figures from the results.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, HR, Player, solution, tempDir } from './lib.mjs';

// The figures of a statistics answer; medians are kept to the second (±500 ms).
function figures(data) {
  const rows = [];
  for (const r of data.rooms) {
    for (const x of [r, ...r.puzzles]) {
      const { attempted, solved, rate, mistakes, hints, mistakes_avg: ma, hints_avg: ha, median_ms: med } = x;
      rows.push({ id: `${r.id}/${x === r ? '' : x.id}`, attempted, solved, rate, mistakes, hints, ma, ha,
        median: med === null ? null : Math.round(med / 1000) });
    }
  }
  return { rows, completions: data.completions, status: data.status, total: data.total };
}

describe('kept statistics', () => {
  const data = tempDir();
  let server, hr;
  after(async () => { await server?.stop(); });

  async function same(unit = '') {
    const u = unit ? `&unit=${encodeURIComponent(unit)}` : '';
    const kept = await hr.get(`/api/v1/hr/stats?${u.slice(1)}`);
    const computed = await hr.get(`/api/v1/hr/stats?q=testi${u}`);
    assert.equal(kept.status, 200, JSON.stringify(kept.data));
    assert.equal(computed.status, 200, JSON.stringify(computed.data));
    const k = figures(kept.data), c = figures(computed.data);
    // medians: whole seconds kept, exact computed; they may differ by one rounding step
    for (let i = 0; i < c.rows.length; i++) {
      if (c.rows[i].median !== null && k.rows[i]?.median !== null) {
        assert.ok(Math.abs(c.rows[i].median - k.rows[i].median) <= 1, `${c.rows[i].id} median`);
        k.rows[i].median = c.rows[i].median;
      }
    }
    assert.deepEqual(k, c);
    return kept.data;
  }

  it('agree with the results through plays, revocation, a unit change, erasure and a rebuild', async () => {
    server = await startServer({ data });
    hr = new HR(server.url);
    const password = await hr.firstLogin(server);
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await hr.invite({ name: `Testi ${i}`, unit: i % 2 ? 'Pohjoinen' : 'Etelä' }));
    // 0-3 complete; 4 stops half-way; 5 plays twice (a half play after completing); 6 revoked; 7 never starts
    for (const i of [0, 1, 2, 3, 5]) {
      const p = new Player(server.url, people[i].token);
      const r = await p.send(solution(p));
      assert.equal(r.data.completed, true);
    }
    const half = new Player(server.url, people[4].token);
    assert.equal((await half.send(solution(half).slice(0, 3))).status, 200);
    const again = new Player(server.url, people[5].token);
    assert.equal((await again.send(solution(again).slice(0, 2))).status, 200);
    assert.equal((await hr.post(`/api/v1/hr/people/${people[6].id}/revoke`)).status, 200);
    const all = await same();
    assert.equal(all.status.completed, 5);
    assert.equal(all.rooms.find((r) => r.id === 'outlook').attempted, 6);
    await same('Etelä');
    await same('Pohjoinen');

    const moved = await hr.post(`/api/v1/hr/people/${people[1].id}/edit`, { unit: 'Etelä' });
    assert.equal(moved.status, 200, JSON.stringify(moved.data));
    assert.equal((await same('Etelä')).status.completed, 3);
    await same('Pohjoinen');
    assert.equal((await hr.post(`/api/v1/hr/people/${people[2].id}/erase`)).status, 200);
    assert.equal((await same()).status.completed, 4);
    await same('Etelä');

    // A database written behind the server's back: without meta 'stats' the next start rebuilds.
    const before = await same();
    await server.stop();
    // (and names without their folded form, as rows from before it was kept: folded at start,
    // or the name search of same() would find nobody)
    execFileSync('sqlite3', [path.join(data, 'pakopeli.db'), "DELETE FROM stat_cell; DELETE FROM meta WHERE key = 'stats'; UPDATE people SET name_fold = ''"]);
    server = await startServer({ data });
    hr = new HR(server.url);
    assert.equal((await hr.login('admin', password)).status, 200);
    assert.deepEqual(figures(await same()), figures(before));
  });
});
