// The web build ships sealed rooms (issue 15, game/core/seal.h): build/web/levels holds no
// answer of levels/ in sight: no "correct" flag, no accepted answer or code, no code part, no
// use's item and place, no ordering task in its order, no pair beside its right-hand text.
// The browser tests (game.test.mjs and the others) play these files to the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, WEB } from './lib.mjs';
import { sealedProblems } from './sealed-check.mjs';

test('the web build ships every room sealed, with no answer in sight', () => {
  const game = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/game.json'), 'utf8'));
  assert.ok(game.rooms.length > 1);
  const problems = [];
  for (const r of game.rooms) {
    const plain = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels', r.file), 'utf8'));
    const sealed = JSON.parse(fs.readFileSync(path.join(WEB, 'levels', r.file), 'utf8'));
    problems.push(...sealedProblems(r.file, plain, sealed));
    assert.equal(sealed.id, plain.id);
  }
  assert.deepEqual(problems, []);
});

test('the built game.json lists each room with its own title, for a new player\'s lobby before the rooms come', () => {
  const plain = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/game.json'), 'utf8'));
  const built = JSON.parse(fs.readFileSync(path.join(WEB, 'levels/game.json'), 'utf8'));
  assert.deepEqual(built.rooms.map((r) => r.id), plain.rooms.map((r) => r.id));
  for (const r of built.rooms) {
    const room = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels', r.file), 'utf8'));
    assert.deepEqual(r.title, room.title, r.file);
  }
  assert.deepEqual({ ...built, rooms: built.rooms.map(({ title, ...rest }) => rest) }, plain, 'nothing else changed');
});

test('the check finds the key in a plain room', () => {
  const plain = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/outlook.json'), 'utf8'));
  assert.ok(sealedProblems('outlook.json', plain, plain).length >= 4);
});
