// server.mjs - the report server's part of `make bench`: durable completions per second and
// their latency with 1 and 16 concurrent clients on loopback, and the dashboard's queries with
// 100,000 people stored.
//
// A completion is one POST /api/v1/events carrying a whole play-through of the fixture room
// (tests/fixtures/first-room: 7 answers, as the report server tests send it) that the server
// replays through the core, commits (WAL, synchronous=FULL; requests that arrive meanwhile share
// one commit, game/server/db.h) and answers with completed: true. Beside it, in the same run
// and folder, the floor: single-row transactions with the server's settings
// (tests/bench/sqlite_floor.c), measured before and after the server's runs; the server's
// rate is printed as a ratio to it, because both move with the disk and the machine's load. Durability is checked, not assumed: after the 16-client run
// the server is killed with SIGKILL and every acknowledged completion must be in the database.
// The data folder is on the build disk (build/bench/), so fsync is real. The clients run in this
// Node process on the same two cores as the server: the figures are a floor, not a ceiling.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../e2e/lib.mjs';
import { median, percentile } from './measure.mjs';

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS || 4);

// Runs `clients` loops for `seconds`, each taking the next unused player and sending its play-through.
async function completions(server, players, clients, seconds, { Player, solution }) {
  const lat = [];
  let next = 0, ok = 0, failed = 0;
  const acked = [];
  const end = performance.now() + seconds * 1000;
  async function client() {
    while (performance.now() < end && next < players.length) {
      const p = players[next++];
      const player = new Player(server.url, p.token);
      const t = performance.now();
      const r = await player.send(solution(player));
      lat.push(performance.now() - t);
      if (r.status === 200 && r.data.completed) { ok++; acked.push(p.id); } else failed++;
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const wall = (performance.now() - t0) / 1000;
  if (next >= players.length) throw new Error('ran out of invited players: invite more');
  return { rate: ok / wall, p50: median(lat), p99: percentile(lat, 99), ok, failed, acked };
}

async function timeGets(hr, url, n = 15) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const r = await hr.get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`);
    t.push(performance.now() - s);
  }
  return median(t.slice(2)); // the first two warm the caches
}

// The disk's floor in the server's data folder (tests/bench/sqlite_floor.c, built by bench.mk).
function diskFloor(folder, seconds = 2) {
  const bin = path.join(ROOT, 'build/bench/sqlite_floor');
  return JSON.parse(execFileSync(bin, [folder, String(seconds)], { encoding: 'utf8' }));
}

// 100,000 people straight into the database (the server stopped): 70 % completed with one play
// and its room and puzzle results, the rest invited or started, in 8 units over a year.
function fillPeople(db, n = 100000) {
  const now = Date.now(); // the server keeps milliseconds
  execFileSync('sqlite3', [db], { input: `
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
INSERT INTO people(name, unit, start_date, token_hash, invited, expires, started, last, completed, code, score, mistakes, hints, time_ms)
SELECT 'Henkilö ' || i, 'Yksikkö ' || (i % 8), date('2025-01-01', '+' || (i % 365) || ' days'), 'bench' || i,
       ${now} - i * 300000, ${now} + 86400000 * 30, CASE WHEN i % 10 < 9 THEN ${now} - i * 300000 + 600000 ELSE 0 END,
       ${now} - i * 300000 + 1800000, CASE WHEN i % 10 < 7 THEN ${now} - i * 300000 + 1800000 ELSE 0 END,
       CASE WHEN i % 10 < 7 THEN 'PK-B' || printf('%011d', i) ELSE NULL END,
       100 - (i % 7) * 5, i % 7, i % 3, 600000 + (i % 900) * 1000
FROM k;
INSERT INTO plays(person_id, play_key, started, last, last_seq, escaped, score, mistakes, hints, time_ms)
SELECT id, 'b' || id, started, last, 7, completed > 0, score, mistakes, hints, time_ms FROM people WHERE started > 0 AND token_hash LIKE 'bench%';
UPDATE people SET completed_play = (SELECT id FROM plays WHERE person_id = people.id) WHERE completed > 0 AND token_hash LIKE 'bench%';
INSERT INTO room_results(play_id, room, solved, mistakes, hints, time_ms, score)
SELECT id, 'outlook', escaped, mistakes, hints, time_ms, score FROM plays WHERE play_key LIKE 'b%';
INSERT INTO puzzle_results(play_id, room, puzzle, solved, mistakes, hints, solve_ms)
SELECT id, 'outlook', 'signs', escaped, mistakes, hints, time_ms / 2 FROM plays WHERE play_key LIKE 'b%';
INSERT INTO puzzle_results(play_id, room, puzzle, solved, mistakes, hints, solve_ms)
SELECT id, 'outlook', 'what-to-do', escaped, 0, 0, time_ms / 2 FROM plays WHERE play_key LIKE 'b%';
-- written behind the server's back: its kept statistics are rebuilt when it starts (db.c)
DELETE FROM meta WHERE key = 'stats';
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
` });
}

// Rows for bench.mjs: { what, value, unit, budget, note }.
export async function benchServer(binary) {
  process.env.PAKOPELI_SERVER ||= binary;
  const lib = await import('../server/lib.mjs');
  const { startServer, HR } = lib;
  const data = path.join(ROOT, 'build/bench/server-data');
  fs.rmSync(data, { recursive: true, force: true });
  fs.mkdirSync(data, { recursive: true });
  const rows = [];
  // the server's default thread count (16, game/server/cfg.c), not the tests' 4
  const args = ['--threads=16'];
  let server = await startServer({ data, args });
  try {
    const hr = new HR(server.url);
    const password = await hr.firstLogin(server);
    // Enough invitations for the runs (16 at a time).
    const players = [];
    // 1 client waits for one fsync per completion (at most the disk's floor, ~1,000/s on a fast
    // disk: 5,000 last its 4 s); 16 clients get the other 11,000. Each invitation is a commit of
    // its own, so more would only lengthen the bench (its runs stay under 5 minutes).
    const want = Number(process.env.BENCH_SERVER_PLAYERS || 16000);
    let n = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (n < want) {
        const i = n++;
        players.push(await hr.invite({ name: `Pelaaja ${i}`, unit: `Yksikkö ${i % 8}` }));
      }
    }));
    // The disk's speed moves from second to second on a shared machine: the floor is measured
    // in slices around and between the runs, and its median is the one the runs are compared with.
    const floors = [diskFloor(data)];
    const one = await completions(server, players.slice(0, 5000), 1, SECONDS, lib);
    floors.push(diskFloor(data));
    const many = await completions(server, players.slice(5000), 16, SECONDS, lib);
    floors.push(diskFloor(data));
    const floor = median(floors.map((f) => f.rate));
    rows.push({ what: 'floor: single-row transactions/s (WAL, synchronous=FULL)', value: floor, unit: '/s',
      note: `median of ${floors.map((f) => f.rate.toFixed(0)).join(', ')} (before, between, after; same folder)` });
    rows.push({ what: 'completions/s, 1 client', value: one.rate, floor, unit: '/s', note: `p50 ${one.p50.toFixed(1)} ms, ${one.failed} refused` });
    rows.push({ what: 'completion p99, 1 client', value: one.p99, unit: 'ms' });
    rows.push({ what: 'completions/s, 16 clients', value: many.rate, floor, unit: '/s', budget: 'serverRate16',
      note: `${(many.rate * 7).toFixed(0)} answers/s, p50 ${many.p50.toFixed(1)} ms, ${many.failed} refused` });
    rows.push({ what: 'completions/s ÷ floor, 16 clients', value: many.rate / floor, unit: '×', budget: 'serverFloorRatio16' });
    rows.push({ what: 'completion p99, 16 clients', value: many.p99, unit: 'ms', budget: 'serverP99Ms16' });

    // Durability: SIGKILL, then every acknowledged completion must be stored.
    await server.kill9();
    const db = path.join(data, 'pakopeli.db');
    const stored = Number(execFileSync('sqlite3', [db, 'SELECT COUNT(*) FROM people WHERE completed > 0'], { encoding: 'utf8' }).trim());
    const acked = one.ok + many.ok;
    rows.push({ what: 'acknowledged completions in the database after kill -9', value: `${stored} of ${acked}`,
      note: stored >= acked ? 'durable' : 'LOST RECORDS' });

    // The dashboard with 100,000 people.
    fillPeople(db);
    server = await startServer({ data, args });
    const hr2 = new HR(server.url);
    const r = await hr2.login('admin', password);
    if (r.status !== 200) throw new Error(`login after restart: ${r.status}`);
    const people = Number(execFileSync('sqlite3', [db, 'SELECT COUNT(*) FROM people'], { encoding: 'utf8' }).trim());
    // The floor of a dashboard call in this run: the same server, HTTP and session check, no list.
    const callFloor = await timeGets(hr2, '/api/v1/hr/session');
    rows.push({ what: 'floor: an authenticated dashboard call (/hr/session)', value: callFloor, unit: 'ms', note: 'median of 13' });
    // The pages as the dashboard asks for them (game/server/hr/hr.js: 100 rows, counted by the server).
    const page = (q) => `/api/v1/hr/people?${q}${q ? '&' : ''}offset=0&limit=100`;
    rows.push({ what: `dashboard: people list (first page), ${people.toLocaleString('en')} people`,
      value: await timeGets(hr2, page('')), floor: callFloor, unit: 'ms', budget: 'peopleMs', note: 'median of 13' });
    rows.push({ what: 'dashboard: people list filtered by unit and status (first page)',
      value: await timeGets(hr2, page('unit=Yksikk%C3%B6%203&status=completed')), floor: callFloor, unit: 'ms', budget: 'peopleMs', note: 'median of 13' });
    rows.push({ what: 'dashboard: people list, overdue (first page; counted from the people)',
      value: await timeGets(hr2, page('status=overdue')), floor: callFloor, unit: 'ms', note: 'median of 13' });
    rows.push({ what: 'dashboard: people list, name search (first page; counted from the people)',
      value: await timeGets(hr2, page('q=henkil%C3%B6%2012')), floor: callFloor, unit: 'ms', note: 'median of 13' });
    rows.push({ what: 'dashboard: people list, page at offset 100,000',
      value: await timeGets(hr2, '/api/v1/hr/people?offset=100000&limit=100'), floor: callFloor, unit: 'ms', note: 'median of 13' });
    rows.push({ what: 'dashboard: rooms and puzzles statistics', value: await timeGets(hr2, '/api/v1/hr/stats'), unit: 'ms',
      budget: 'statsMs', note: 'median of 13; kept as results arrive' });
    rows.push({ what: 'dashboard: statistics of one unit', value: await timeGets(hr2, '/api/v1/hr/stats?unit=Yksikk%C3%B6%203'), unit: 'ms',
      budget: 'statsMs', note: 'median of 13; kept as results arrive' });
    rows.push({ what: 'dashboard: statistics with a name search (computed from the results)',
      value: await timeGets(hr2, '/api/v1/hr/stats?q=henkil%C3%B6%201', 5), unit: 'ms', note: 'median of 3' });
  } finally {
    await server.stop();
    if (!process.env.PAKOPELI_KEEP_TEMP) fs.rmSync(data, { recursive: true, force: true });
  }
  return rows;
}
