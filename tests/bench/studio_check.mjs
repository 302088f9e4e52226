// studio_check.mjs - how long an author's save takes while other authors' checks run (issue 12).
//
// The studio's checker runs pakopeli-lint on every draft (GET /api/v1/studio/lint), about a
// second of CPU for the shipped game. It once ran on the server's request threads: four
// authors checking at once held all four, and a fifth author's save waited for a check to end.
// This starts a real server on loopback (the shipped levels, 4 request threads), and measures
//   - a save alone (the floor),
//   - a save sent while CHECKS checks are in flight (the time the author waits for "Tallennettu"),
//   - how long the checks themselves took, and how many were answered 503 "busy, try again".
// Figures only, never a pass/fail on time: the machine is shared.
//
//   make build/native/pakopeli-server build/native/pakopeli-lint web
//   PAKOPELI_SERVER=build/native/pakopeli-server node tests/bench/studio_check.mjs [rounds]
import path from 'node:path';
import { startServer, HR, runCommand, ROOT } from '../server/lib.mjs';
import { median } from './measure.mjs';

const ROUNDS = Number(process.argv[2] || 5);
const CHECKS = Number(process.env.CHECKS || 4);
const PASSWORD = 'Author-password-2024';

async function signIn(server, name) {
  runCommand([`--data=${server.data}`, 'user', 'add', name, '--role=author', '--password-stdin'], { input: PASSWORD + '\n' });
  const u = new HR(server.url);
  const r = await u.login(name, PASSWORD);
  if (r.status !== 200) throw new Error(JSON.stringify(r.data));
  return u;
}

const server = await startServer({ levels: path.join(ROOT, 'levels') });
try {
  const checkers = [];
  for (let i = 0; i < CHECKS; i++) checkers.push(await signIn(server, `tarkistaja${i}`));
  const saver = await signIn(server, 'tallentaja');
  const f = (await saver.get('/api/v1/studio/file?name=teams.json')).data;
  let revision = f.revision;
  const body = f.published.body;
  const save = async (k) => {
    body.title.fi = `Teams ${k}`;
    const t = performance.now();
    const r = await saver.post('/api/v1/studio/draft', { name: 'teams.json', revision, body });
    if (r.status !== 200) throw new Error(`save: ${r.status} ${JSON.stringify(r.data)}`);
    revision = r.data.revision;
    return performance.now() - t;
  };
  const alone = [], during = [], checkMs = [];
  let busy = 0, done = 0;
  for (let k = 0; k < ROUNDS; k++) {
    alone.push(await save(`a${k}`));
    const runs = checkers.map(async (c) => {
      const t = performance.now();
      const r = await c.get('/api/v1/studio/lint?lang=fi');
      if (r.status === 503) busy++;
      else if (r.status === 200) { done++; checkMs.push(performance.now() - t); } else throw new Error(`lint: ${r.status}`);
    });
    await new Promise((res) => setTimeout(res, 150)); // the checks have started
    during.push(await save(`b${k}`));
    await Promise.all(runs);
  }
  const ms = (x) => `${Math.round(x)} ms`;
  console.log(`studio save while ${CHECKS} checks run (${ROUNDS} rounds, median):`);
  console.log(`  save alone              ${ms(median(alone))}`);
  console.log(`  save during the checks  ${ms(median(during))}   (max ${ms(Math.max(...during))})`);
  console.log(`  a check                 ${checkMs.length ? ms(median(checkMs)) : '-'}   (${done} answered, ${busy} "busy, try again")`);
} finally {
  await server.stop();
}
