// hr_under_load.mjs - what an HR user waits for while people play: report server binaries side
// by side, each with its own data folder, each running 16 clients of completions (as
// tests/bench/server.mjs) while one HR user reads the dashboard's pages in a loop on a connection
// of its own, one page every PACE_MS at most (so a faster server is not asked more often, which
// would take more of the shared cores from the players). Prints each page's median and slowest time, and the players' rate and p99, per
// binary; the runs alternate (A, B, A, B ...) so both see the same minutes of a shared machine.
//
//   node tests/bench/hr_under_load.mjs OLD-BINARY NEW-BINARY    (ROUNDS=2 SECS=4 PACE_MS=100)
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/lib.mjs';
import { median } from './measure.mjs';
import { addPlayers, completions } from './server.mjs';

const bins = process.argv.slice(2).map((b) => path.resolve(b));
if (bins.length < 2) throw new Error('usage: node tests/bench/hr_under_load.mjs BINARY BINARY [...]');
const ROUNDS = Number(process.env.ROUNDS || 2), SECS = Number(process.env.SECS || 4);
const PACE_MS = Number(process.env.PACE_MS || 100);
const PAGES = ['/api/v1/hr/session', '/api/v1/hr/people?offset=0&limit=100', '/api/v1/hr/stats', '/api/v1/hr/audit',
  '/api/v1/hr/units', '/api/v1/hr/report', '/api/v1/hr/users'];

function get(base, p, cookie, agent) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http.get(base + p, { agent, headers: { cookie } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t }));
    }).on('error', reject);
  });
}

const servers = [];
for (const [i, bin] of bins.entries()) {
  const data = path.join(ROOT, `build/bench/hr-${i}`);
  fs.rmSync(data, { recursive: true, force: true });
  fs.mkdirSync(data, { recursive: true });
  process.env.PAKOPELI_SERVER = bin;
  const lib = await import(`../server/lib.mjs?binary=${i}`);
  let server = await lib.startServer({ data, args: ['--threads=16'] });
  const password = await new lib.HR(server.url).firstLogin(server);
  await server.stop();
  const players = addPlayers(path.join(data, 'pakopeli.db'), 7000 * ROUNDS);
  server = await lib.startServer({ data, args: ['--threads=16'] });
  const hr = new lib.HR(server.url);
  await hr.login('admin', password);
  const bodies = players.map(({ token }) => {
    const p = new lib.Player(server.url, token);
    return { token, body: JSON.stringify({ play: p.play, events: lib.solution(p) }) };
  });
  servers.push({ bin, server, hr, bodies, data, runs: [], times: Object.fromEntries(PAGES.map((p) => [p, []])) });
}
const load0 = os.loadavg()[0];
for (let r = 0; r < ROUNDS; r++) {
  for (const s of servers) {
    let stop = false;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const reader = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the players' load first
      while (!stop) {
        for (const p of PAGES) {
          const x = await get(s.server.url, p, s.hr.cookie, agent);
          if (x.status !== 200) throw new Error(`${p}: ${x.status}`);
          if (!stop) s.times[p].push(x.ms);
          if (x.ms < PACE_MS) await new Promise((resolve) => setTimeout(resolve, PACE_MS - x.ms));
        }
      }
    })();
    s.runs.push(await completions(s.server, s.bodies, 16, SECS));
    stop = true;
    await reader;
    agent.destroy();
  }
}
for (const s of servers) {
  await s.server.stop();
  console.log(`${s.bin}: players ${median(s.runs.map((x) => x.rate)).toFixed(0)}/s, p99 ${median(s.runs.map((x) => x.p99)).toFixed(0)} ms`);
  for (const p of PAGES) {
    const t = s.times[p];
    console.log(`  ${p.padEnd(40)} median ${median(t).toFixed(1)} ms, slowest ${Math.max(...t).toFixed(0)} ms (${t.length} reads)`);
  }
  fs.rmSync(s.data, { recursive: true, force: true });
}
console.log(`load ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`);
