// The report server serves the game's rooms sealed (issue 15, game/core/seal.h): its /levels/
// answers with no answer of the published release in sight, while the studio's preview of
// drafts and the server's own replay keep the plain text. (browser.test.mjs plays the sealed
// rooms in Chromium and the replay scores the play.) The manifest gets only the rooms' titles
// (titles.test.mjs).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer } from './lib.mjs';
import { sealedProblems } from '../e2e/sealed-check.mjs';

let server;
after(async () => { if (server) assert.equal((await server.stop()).code, 0); });

test('the server serves the published rooms sealed and the manifest with their titles only', async () => {
  const levels = path.join(ROOT, 'levels');
  server = await startServer({ levels });
  const game = JSON.parse(fs.readFileSync(path.join(levels, 'game.json'), 'utf8'));
  const served = await (await fetch(`${server.url}/levels/game.json`)).json();
  const titled = { ...game, rooms: game.rooms.map((r) => ({ ...r, title: JSON.parse(fs.readFileSync(path.join(levels, r.file), 'utf8')).title })),
    release: 1 };
  assert.deepEqual(served, titled);
  const problems = [];
  for (const r of game.rooms) {
    const res = await fetch(`${server.url}/levels/${r.file}`);
    assert.equal(res.status, 200);
    const plain = JSON.parse(fs.readFileSync(path.join(levels, r.file), 'utf8'));
    problems.push(...sealedProblems(r.file, plain, await res.json()));
  }
  assert.deepEqual(problems, []);
});
