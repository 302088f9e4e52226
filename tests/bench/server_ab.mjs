// server_ab.mjs - two or more report server binaries compared side by side on this machine, as
// docs/performance.md's "paired runs": each binary serves its own data folder (players written
// in, tests/bench/server.mjs), and their 16-client runs alternate with the disk's floor (floor,
// A, floor, B, floor, A, ...), each run divided by the floors just before and after it. Prints
// each binary's median ratio, rate, p50/p99, CPU, and its own account of its commits.
//
//   node tests/bench/server_ab.mjs OLD-BINARY NEW-BINARY    (ROUNDS=3 SECS=3 FLOOR_SECS=2 CLIENTS=16)
//
// Build an older binary from a commit with `git archive COMMIT | tar -x -C DIR` and the
// Makefile's compile line; build/bench/sqlite_floor must exist (make bench builds it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/lib.mjs';
import { median } from './measure.mjs';
import { addPlayers, completions, diskFloor } from './server.mjs';

const bins = process.argv.slice(2).map((b) => path.resolve(b));
if (bins.length < 2) throw new Error('usage: node tests/bench/server_ab.mjs BINARY BINARY [...]');
const ROUNDS = Number(process.env.ROUNDS || 3), SECS = Number(process.env.SECS || 3);
const FLOOR_SECS = Number(process.env.FLOOR_SECS || 2), CLIENTS = Number(process.env.CLIENTS || 16);
const servers = [];
for (const [i, bin] of bins.entries()) {
  const data = path.join(ROOT, `build/bench/ab-${i}`);
  fs.rmSync(data, { recursive: true, force: true });
  fs.mkdirSync(data, { recursive: true });
  process.env.PAKOPELI_SERVER = bin; // lib.mjs takes it when imported: one instance a binary
  const lib = await import(`../server/lib.mjs?binary=${i}`);
  let server = await lib.startServer({ data, args: ['--threads=16'] });
  await new lib.HR(server.url).firstLogin(server);
  await server.stop();
  const players = addPlayers(path.join(data, 'pakopeli.db'), 6000 * ROUNDS);
  server = await lib.startServer({ data, args: ['--threads=16'] });
  const bodies = players.map(({ token }) => {
    const p = new lib.Player(server.url, token);
    return { token, body: JSON.stringify({ play: p.play, events: lib.solution(p) }) };
  });
  servers.push({ bin, server, bodies, data, runs: [] });
}
const floorDir = servers[0].data;
const load0 = os.loadavg()[0];
let floor = diskFloor(floorDir, FLOOR_SECS);
for (let r = 0; r < ROUNDS; r++) {
  for (const s of servers) {
    const x = await completions(s.server, s.bodies, CLIENTS, SECS);
    const next = diskFloor(floorDir, FLOOR_SECS);
    // the rate against the floor's rate, the p99 against the floor's p99 (one commit's), both
    // the mean of the slices just before and after the run
    const rate = (floor.rate + next.rate) / 2, p99 = (floor.p99 + next.p99) / 2;
    s.runs.push({ ...x, floor: rate, ratio: x.rate / rate, floorP99: p99, p99Ratio: x.p99 / p99 });
    floor = next;
  }
}
const list = (xs, d = 2) => xs.map((x) => x.toFixed(d)).join(', ');
for (const s of servers) {
  await s.server.stop();
  const m = (k) => median(s.runs.map((x) => x[k]));
  console.log(`${s.bin}\n  ratio ${m('ratio').toFixed(2)}× (${list(s.runs.map((x) => x.ratio))}), ${m('rate').toFixed(0)}/s, ` +
    `p50 ${m('p50').toFixed(1)} ms, p99 ${m('p99').toFixed(0)} ms (${list(s.runs.map((x) => x.p99), 0)}; ` +
    `÷ the floor's p99 ${m('p99Ratio').toFixed(2)}×: ${list(s.runs.map((x) => x.p99Ratio))}; floor p99 ${list(s.runs.map((x) => x.floorP99), 1)} ms), ` +
    `CPU server ${(100 * m('serverCpu')).toFixed(0)} %, clients ${(100 * m('clientCpu')).toFixed(0)} %, floors ${list(s.runs.map((x) => x.floor), 0)}`);
  for (const line of s.server.errors().split('\n').filter((l) => /group commit|checkpoints:|http: \d/.test(l))) console.log(`  ${line}`);
  fs.rmSync(s.data, { recursive: true, force: true });
}
console.log(`load ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`);
