// server.mjs - the report server's part of `make bench`: durable completions per second and
// their latency with 1 and 16 concurrent clients on loopback, and the dashboard's queries with
// 130,000 people stored.
//
// A completion is one POST /api/v1/events carrying a whole play-through of the fixture room
// (tests/fixtures/first-room: 7 answers, as the report server tests send it) that the server
// replays through the core, commits (WAL, synchronous=FULL; requests that arrive meanwhile share
// one commit, game/server/db.h) and answers with completed: true.
//
// The disk's floor (tests/bench/sqlite_floor.c: single-row transactions with the server's
// settings, in the same folder) moves several-fold from second to second on a shared machine, so
// it is measured in slices alternated with the server's runs (floor, 16 clients, floor, 16
// clients, ...), each run is divided by the mean of the floors just before and after it, and the
// median of those ratios is the figure; the load average is printed beside it. The clients run
// in this Node process on the same cores as the server: their CPU time is measured and printed
// (node:http with kept-alive connections and bodies made before the clock starts, so they take
// as little as they can). Durability is checked, not assumed: the server is killed with SIGKILL
// in the middle of a burst and every acknowledged completion must be in the database. The data
// folder is on the build disk (build/bench/), so fsync is real.
//
//   BENCH_SERVER_SECONDS=3 (each run), BENCH_SERVER_PAIRS=3 (floor/server pairs),
//   BENCH_SERVER_PLAYERS=60000 (players for all the runs)
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../e2e/lib.mjs';
import { median, percentile } from './measure.mjs';

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS || 3);
// Server runs of 16 clients, each between two slices of the floor: floor, server, floor, server ...
const PAIRS = Number(process.env.BENCH_SERVER_PAIRS || 3);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

// Players straight into the database (the server stopped), with tokens whose hashes are the
// server's (auth_token_hash: BLAKE2b-256, hex; Python's hashlib has it, Node's crypto has not):
// inviting them through the API is a commit each and took most of this part's time.
export function addPlayers(db, n) {
  const tokens = Array.from({ length: n }, () => crypto.randomBytes(32).toString('base64url'));
  const hashes = execFileSync('python3', ['-c',
    'import sys, hashlib\nfor t in sys.stdin.read().split():\n    print(hashlib.blake2b(t.encode(), digest_size=32).hexdigest())'],
  { input: tokens.join('\n'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n');
  const now = Date.now();
  const rows = hashes.map((h, i) => `('Pelaaja ${i}', 'pelaaja ${i}', 'Yksikkö ${i % 8}', '2025-03-01', '${h}', ${now}, ${now + 86400000 * 30})`);
  execFileSync('sqlite3', [db], { input: `PRAGMA journal_mode=WAL; BEGIN;
INSERT INTO people(name, name_fold, unit, start_date, token_hash, invited, expires) VALUES ${rows.join(',\n')};
COMMIT; PRAGMA wal_checkpoint(TRUNCATE);` });
  return tokens.map((token, i) => ({ token, hash: hashes[i] }));
}

// The load: `clients` loops, each taking the next unused player and posting its whole play-through
// over a kept-alive connection (node:http: a third of fetch's CPU a request, so the clients take
// less of the two cores from the server). Bodies are made before the clock starts. The CPU time
// of this process (the clients) and of the server is measured over the run.
export async function completions(server, bodies, clients, seconds, { killAfter = 0 } = {}) {
  const u = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const post = ({ token, body }) => new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/api/v1/events', method: 'POST', agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, completed: res.statusCode === 200 && JSON.parse(text).completed === true }));
      res.on('error', () => resolve({ status: 0, completed: false }));
    });
    req.on('error', () => resolve({ status: 0, completed: false })); // e.g. the server killed mid-request
    req.end(body);
  });
  const lat = [];
  let ok = 0, failed = 0;
  const acked = [];
  const cpu0 = process.cpuUsage(), srv0 = cpuSeconds(server.child.pid);
  const t0 = performance.now(), end = t0 + seconds * 1000;
  const killer = killAfter ? setTimeout(() => server.kill9(), killAfter * 1000) : null;
  async function client() {
    while (performance.now() < end && bodies.length && server.child.exitCode === null && !server.child.signalCode) {
      const b = bodies.shift();
      const t = performance.now();
      const r = await post(b);
      lat.push(performance.now() - t);
      if (r.completed) { ok++; acked.push(b.token); } else failed++;
    }
  }
  await Promise.all(Array.from({ length: clients }, client));
  const wall = (performance.now() - t0) / 1000;
  clearTimeout(killer);
  const cpu = process.cpuUsage(cpu0);
  const srv = killAfter ? null : cpuSeconds(server.child.pid) - srv0;
  agent.destroy();
  if (!bodies.length) throw new Error('ran out of players: add more (BENCH_SERVER_PLAYERS)');
  return {
    rate: ok / wall, p50: median(lat), p99: percentile(lat, 99), ok, failed, acked,
    clientCpu: (cpu.user + cpu.system) / 1e6 / wall, serverCpu: srv === null ? null : srv / wall,
  };
}

// CPU seconds a process has used (Linux: /proc/PID/stat, utime + stime in clock ticks of 1/100 s).
function cpuSeconds(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
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
export function diskFloor(folder, seconds = 2) {
  const bin = path.join(ROOT, 'build/bench/sqlite_floor');
  return JSON.parse(execFileSync(bin, [folder, String(seconds)], { encoding: 'utf8' }));
}

// People straight into the database (the server stopped): 70 % completed with one play and its
// room and puzzle results, the rest invited or started, in 8 units over a year. With the runs'
// players, 130,000 people (the figure).
export function fillPeople(db, n = 100000) {
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
  const { startServer, HR, Player, solution } = lib;
  const data = path.join(ROOT, 'build/bench/server-data');
  fs.rmSync(data, { recursive: true, force: true });
  fs.mkdirSync(data, { recursive: true });
  const rows = [];
  // the server's default thread count (16, game/server/cfg.c), not the tests' 4
  const args = ['--threads=16'];
  const db = path.join(data, 'pakopeli.db');
  let server = await startServer({ data, args });
  try {
    const hr = new HR(server.url);
    const password = await hr.firstLogin(server);
    await server.stop();
    // Players for the runs, taken in turn by every run: 60,000 (the people filled in below make
    // 130,000 in all), enough for ~5,000 completions/s on an idle machine (30,000 ran out at
    // 22:13 UTC with the load at 1.5); a run that runs out says so.
    const players = addPlayers(db, Number(process.env.BENCH_SERVER_PLAYERS || 60000));
    const hashOf = new Map(players.map((x) => [x.token, x.hash]));
    server = await startServer({ data, args });
    // each player's whole play-through, as the game sends it (lib.mjs: solution)
    const bodies = players.map(({ token }) => {
      const player = new Player(server.url, token);
      return { token, body: JSON.stringify({ play: player.play, events: solution(player) }) };
    });
    const loadBefore = load();
    const floors = [diskFloor(data)];
    const one = await completions(server, bodies, 1, SECONDS);
    floors.push(diskFloor(data));
    const runs = [];
    for (let i = 0; i < PAIRS; i++) {
      runs.push(await completions(server, bodies, 16, SECONDS));
      floors.push(diskFloor(data));
    }
    const loadAfter = load();
    // each run against the mean of the floors just before and just after it
    const ratios = runs.map((r, i) => r.rate / ((floors[i + 1].rate + floors[i + 2].rate) / 2));
    const ratio = median(ratios);
    const mid = runs.find((r, i) => ratios[i] === ratio) || runs[0];
    const floor = median(floors.map((f) => f.rate));
    const list = (xs, d = 0) => xs.map((x) => x.toFixed(d)).join(', ');
    rows.push({ what: 'floor: single-row transactions/s (WAL, synchronous=FULL)', value: floor, unit: '/s',
      note: `median of ${list(floors.map((f) => f.rate))} (${floors.length} slices of 2 s around the runs; same folder)` });
    rows.push({ what: 'completions/s, 1 client', value: one.rate, floor: (floors[0].rate + floors[1].rate) / 2, unit: '/s',
      note: `p50 ${one.p50.toFixed(1)} ms, ${one.failed} refused` });
    rows.push({ what: 'completion p99, 1 client', value: one.p99, unit: 'ms' });
    rows.push({ what: 'completions/s, 16 clients', value: mid.rate, floor, unit: '/s', budget: 'serverRate16',
      note: `runs ${list(runs.map((r) => r.rate))}; the run of the median ratio: ${(mid.rate * 7).toFixed(0)} answers/s, p50 ${mid.p50.toFixed(1)} ms, ${runs.reduce((a, r) => a + r.failed, 0)} refused` });
    rows.push({ what: 'completions/s ÷ floor, 16 clients (median of the runs)', value: ratio, unit: '×', budget: 'serverFloorRatio16',
      note: `${list(ratios, 2)} (each run ÷ the floor before and after it); load ${loadBefore} → ${loadAfter}` });
    // The latency's floor: one single-row commit's p99 in the slices around each run (a completion
    // waits for at least one commit, with group commit for up to two: the one in flight when it
    // came, and its own group's). Each run's p99 ÷ the mean of the floor's p99 before and after it.
    const p99Ratios = runs.map((r, i) => r.p99 / ((floors[i + 1].p99 + floors[i + 2].p99) / 2));
    rows.push({ what: 'floor: one commit\'s latency, p50 / p99 (same slices)', value: `${median(floors.map((f) => f.p50)).toFixed(2)} / ${median(floors.map((f) => f.p99)).toFixed(1)} ms`,
      note: `p99 of each slice ${list(floors.map((f) => f.p99), 1)} ms, max ${list(floors.map((f) => f.max))} ms` });
    rows.push({ what: 'completion p99, 16 clients (median of the runs)', value: median(runs.map((r) => r.p99)), floor: median(floors.map((f) => f.p99)), unit: 'ms', budget: 'serverP99Ms16',
      note: `runs ${list(runs.map((r) => r.p99))} ms; p50 ${list(runs.map((r) => r.p50), 1)} ms` });
    rows.push({ what: 'completion p99 ÷ the floor\'s p99, 16 clients (median of the runs)', value: median(p99Ratios), unit: '×',
      note: `${list(p99Ratios, 2)} (each run ÷ the floor's p99 before and after it)` });
    rows.push({ what: 'CPU during the 16-client runs, % of one core (of 2)', value: `server ${(100 * median(runs.map((r) => r.serverCpu))).toFixed(0)} %, clients ${(100 * median(runs.map((r) => r.clientCpu))).toFixed(0)} %`,
      note: `medians; server ${(1000 * median(runs.map((r) => r.serverCpu / r.rate))).toFixed(2)} ms a completion, clients ${(1000 * median(runs.map((r) => r.clientCpu / r.rate))).toFixed(2)} ms` });

    // The server's own account of the runs, said when it stops (db.c: requests a commit, where a
    // group's time goes): how much the grouping saves does not depend on the machine's load.
    await server.stop();
    const account = (/group commit: (.*)/.exec(server.errors()) || [])[1];
    rows.push({ what: 'the server\'s account of its commits (said when it stops)', value: account ? `${/\(([\d.]+) a commit\)/.exec(account)?.[1]} a commit` : '–',
      note: account || 'not said' });
    const waits = (/group commit, a request's wait: (.*)/.exec(server.errors()) || [])[1];
    rows.push({ what: 'the server\'s account: a request\'s wait for its commit', value: waits ? 'p50, p99, max' : '–', note: waits || 'not said' });
    const spent = (/http: (.*)/.exec(server.errors()) || [])[1];
    rows.push({ what: 'the server\'s account: a request in the server', value: spent ? 'p50, p99, max' : '–', note: spent || 'not said' });
    server = await startServer({ data, args });

    // Durability: SIGKILL in the middle of a burst of 16 clients; every acknowledged completion
    // must be stored (those cut off were not acknowledged and are the clients' to send again).
    const burst = await completions(server, bodies, 16, 3, { killAfter: 1 });
    await server.exited;
    const acked = [...one.acked, ...runs.flatMap((r) => r.acked), ...burst.acked];
    const hashes = new Set(execFileSync('sqlite3', [db, 'SELECT token_hash FROM people WHERE completed > 0'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n'));
    const stored = Number(execFileSync('sqlite3', [db, 'SELECT COUNT(*) FROM people WHERE completed > 0'], { encoding: 'utf8' }).trim());
    const lost = acked.filter((t) => !hashes.has(hashOf.get(t)));
    rows.push({ what: 'acknowledged completions in the database after kill -9 mid-burst', value: `${acked.length - lost.length} of ${acked.length}`,
      note: `${lost.length ? 'LOST RECORDS' : 'durable'}; ${burst.ok} acknowledged in the burst before the kill, ${stored} stored in all` });
    if (lost.length) throw new Error(`kill -9 lost ${lost.length} acknowledged completions`);

    // The dashboard with 130,000 people.
    fillPeople(db, Math.max(0, 130000 - players.length));
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
