// pakopeli-lint and the JSON Schemas (levels/schema) on the corpus of broken files
// (tests/lint/cases, one mistake each), on the shipped content and on the templates.
// `make test-lint` runs it; tests/unit/test_lint_corpus.c checks the game's loader on the
// same corpus. A case is NAME.json or a folder NAME/ (a game.json with rooms and comics/),
// and NAME.expect holds "# by: loader|lint", "# schema: valid|invalid", optionally "# args: ..."
// (options for the linter, such as --web none for the first-load budget's estimate), and the
// exact lines. Every rule of the linter's table (pakopeli-lint --rules) has a case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LINT = path.join(ROOT, 'build/native/pakopeli-lint');
const CASES = 'tests/lint/cases';
const require = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
const Ajv = require('ajv');

function lint(...args) {
  const r = spawnSync(LINT, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

const cases = fs.readdirSync(path.join(ROOT, CASES)).filter((f) => f.endsWith('.expect')).sort().map((f) => {
  const name = f.slice(0, -'.expect'.length);
  const text = fs.readFileSync(path.join(ROOT, CASES, f), 'utf8').split('\n');
  const header = (key) => (text.find((l) => l.startsWith(`# ${key}: `)) || '').slice(key.length + 4);
  const folder = fs.existsSync(path.join(ROOT, CASES, name));
  return {
    name, folder, by: header('by'), schema: header('schema'), args: header('args').split(' ').filter(Boolean),
    target: `${CASES}/${name}${folder ? '' : '.json'}`,
    expected: text.filter((l) => l && !l.startsWith('#')),
  };
});

// ---- the linter on the corpus -------------------------------------------------------------

test('the corpus has a case for every rule of the linter\'s table', () => {
  assert.ok(cases.length >= 15, `${cases.length} cases`);
  const codes = new Set(cases.flatMap((c) => c.expected.map((l) => /\[([a-z-]+)\]$/.exec(l)[1])));
  const rules = JSON.parse(lint('--rules', '--json').lines.join('\n'));
  assert.ok(rules.length >= 29, `${rules.length} rules`);
  for (const r of rules) {
    assert.ok(codes.has(r.code), `no case reports [${r.code}]`);
    assert.ok(r.rule.fi && r.rule.en && r.rule.fi !== r.rule.en, `${r.code}: the rule in Finnish and English`);
    assert.ok(r.rule.sv && r.rule.sv !== r.rule.en && r.rule.sv !== r.rule.fi, `${r.code}: the rule in Swedish`);
  }
});

test('every case prints exactly its expected lines, and errors make the exit status 1', () => {
  for (const c of cases) {
    const r = lint(...c.args, c.target);
    assert.deepEqual(r.lines, c.expected, `${c.target}: pakopeli-lint printed\n${r.lines.join('\n')}`);
    const errors = c.expected.some((l) => /: error: /.test(l));
    assert.equal(r.status, errors ? 1 : 0, `${c.target}: exit status ${r.status}`);
  }
});

// A volunteer who uses the studio in Swedish reads the checker in Swedish (and one in Finnish
// in Finnish): no message of the corpus falls back to English behind "(på engelska)".
for (const [l, fallback] of [['fi', '(englanniksi)'], ['sv', '(på engelska)']]) {
  test(`every message of the corpus reads in ${l === 'fi' ? 'Finnish' : 'Swedish'} with --lang ${l}, at the same places`, () => {
    for (const c of cases) {
      const lines = lint('--lang', l, ...c.args, c.target).lines;
      assert.equal(lines.length, c.expected.length, c.target);
      lines.forEach((line, i) => {
        assert.ok(!line.includes(fallback), `${c.target}: no ${l} for\n${c.expected[i]}`);
        const place = (x) => x.split(': ')[0];
        assert.equal(place(line), place(c.expected[i]));
        assert.equal(/\[[a-z-]+\]$/.exec(line)[0], /\[[a-z-]+\]$/.exec(c.expected[i])[0]);
      });
    }
  });
}

test('--json gives the same problems as the lines: code, place, JSON path and all three languages', () => {
  for (const c of cases) {
    const r = spawnSync(LINT, ['--json', ...c.args, c.target], { cwd: ROOT, encoding: 'utf8' });
    const problems = JSON.parse(r.stdout);
    assert.equal(problems.length, c.expected.length, c.target);
    problems.forEach((p, i) => {
      const path = p.path ? `${p.path}: ` : '';
      assert.ok(c.expected[i].startsWith(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${path}`), c.expected[i]);
      assert.ok(c.expected[i].endsWith(` [${p.code}]`), c.expected[i]);
      assert.equal(p.messages.en, p.message);
      assert.ok(p.messages.fi && !p.messages.fi.includes('(englanniksi)'), `${c.target}: ${p.messages.fi}`);
      assert.notEqual(p.messages.fi, p.messages.en, `${c.target}: the Finnish message is the English one`);
      assert.ok(p.messages.sv && !p.messages.sv.includes('(på engelska)'), `${c.target}: ${p.messages.sv}`);
      assert.notEqual(p.messages.sv, p.messages.en, `${c.target}: the Swedish message is the English one`);
    });
  }
});

// The studio sizes a lobby door with "fit" (docs/authoring.md G): the size is the linter's own,
// so at that size the same check passes in every language, and no smaller width of that height does.
test('--json gives a widget whose text does not fit the size at which it does ("fit"), and that size lints clean', () => {
  const room = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/lint/cases/15-overflowing-text.json'), 'utf8'));
  const w = room.scene.widgets[1];
  w.text = { fi: 'Digipalvelut asiakkaille ja heidän läheisilleen', sv: 'Digitala tjänster för klienter och anhöriga', en: 'Digital services for clients and relatives' };
  w.rect = [40, 80, 116, 60];
  const run = (body) => {
    const r = spawnSync(LINT, ['--json', '--stdin', 'tests/lint/cases/15-overflowing-text.json'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(body) });
    return JSON.parse(r.stdout).filter((p) => p.code === 'overflow');
  };
  const found = run(room);
  assert.deepEqual(found.map((p) => p.path).sort(), ['scene.widgets[1].text.en', 'scene.widgets[1].text.fi', 'scene.widgets[1].text.sv']);
  const fit = found[0].fit;
  assert.ok(Array.isArray(fit) && fit.length === 2, JSON.stringify(found[0]));
  for (const p of found) assert.deepEqual(p.fit, fit, 'one size for every language');
  assert.ok(fit[0] >= 116 && fit[1] >= 60 && (fit[0] > 116 || fit[1] > 60), `${fit}`);
  assert.ok(fit[0] <= room.scene.size[0] - 16 && fit[1] <= room.scene.size[1] - 16, `${fit}: within the scene`);
  assert.match(found[0].message, new RegExp(`make the widget ${fit[0]} × ${fit[1]}\\)$`));
  w.rect = [40, 80, fit[0], fit[1]];
  assert.deepEqual(run(room), [], 'at the size given, the text fits and no word is broken');
  w.rect = [40, 80, fit[0] - 4, fit[1]];
  if (fit[0] - 4 >= 116) assert.ok(run(room).length > 0, 'a narrower one of the same height does not hold it');
  w.text.sv = 'Digitala tjänster '.repeat(200);
  assert.ok(run(room).every((p) => !p.fit), 'a text no widget of the scene holds gets no size');
});

test('--stdin checks a draft that is not saved, on the field it belongs to', () => {
  const draft = fs.readFileSync(path.join(ROOT, 'tests/lint/cases/36-requires-forward.json'), 'utf8');
  const r = spawnSync(LINT, ['--json', '--stdin', 'levels/outlook.json', 'levels/'], { cwd: ROOT, encoding: 'utf8', input: draft });
  const mine = JSON.parse(r.stdout).filter((p) => p.file === 'levels/outlook.json');
  assert.ok(mine.some((p) => p.code === 'requires-forward' && p.path === 'puzzles[0].requires'), r.stdout);
  assert.equal(r.status, 1);
  // the file on disk is untouched, and a --stdin file that is not checked is bad usage
  assert.equal(lint('levels/').status, 0);
  // a room that is not saved yet is checked too (with the game's ids), and told it is not listed
  const fresh = spawnSync(LINT, ['--json', '--stdin', 'levels/uusi.json', 'levels/'], { cwd: ROOT, encoding: 'utf8', input: draft });
  const found = JSON.parse(fresh.stdout).filter((p) => p.file === 'levels/uusi.json').map((p) => p.code);
  assert.ok(found.includes('requires-forward') && found.includes('unknown-ref'), fresh.stdout);
  assert.ok(!fs.existsSync(path.join(ROOT, 'levels/uusi.json')));
  const alone = spawnSync(LINT, ['--stdin', 'elsewhere/draft.json', 'levels/'], { cwd: ROOT, encoding: 'utf8', input: '{' });
  assert.match(alone.stdout, /^elsewhere\/draft\.json:1:1: error: .*\[syntax\]$/m);
});

test('--solution plays every room of the game, and a room alone, through the core', () => {
  const r = spawnSync(LINT, ['--solution', 'levels/'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const all = JSON.parse(r.stdout);
  const game = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/game.json'), 'utf8'));
  assert.deepEqual(Object.keys(all).sort(), game.rooms.map((x) => x.id).sort());
  for (const [id, events] of Object.entries(all)) {
    const room = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels', game.rooms.find((x) => x.id === id).file), 'utf8'));
    for (const p of room.puzzles) assert.ok(events.some((e) => e.puzzle === p.id), `${id}/${p.id} has no event`);
  }
  const one = spawnSync(LINT, ['--solution', 'levels/outlook.json'], { cwd: ROOT, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(one.stdout), all.outlook);
  const stuck = spawnSync(LINT, ['--solution', 'tests/lint/cases/09-item-given-too-late.json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(stuck.status, 1);
  assert.match(stuck.stderr, /cannot be solved/);
});

test('--guess-stats: no shipped choice puzzle has its right option first or longest (issue 17)', () => {
  const r = spawnSync(LINT, ['--guess-stats', 'levels/'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  assert.ok(stats.choice_puzzles >= 10, r.stdout);
  assert.equal(stats.first_right, 0, r.stdout);
  assert.deepEqual(stats.longest_right, { fi: 0, sv: 0, en: 0 });
  // the corpus case that the rule flags is counted as such (a room that ships in its own game)
  const flagged = JSON.parse(spawnSync(LINT, ['--guess-stats', 'tests/lint/cases/43-choice-first-right'],
    { cwd: ROOT, encoding: 'utf8' }).stdout);
  assert.equal(flagged.first_right, 1);
});

test('the rules in docs/authoring.md and docs/authoring.en.md are the linter\'s table (make rules-doc)', () => {
  for (const [doc, lang] of [['docs/authoring.md', 'fi'], ['docs/authoring.en.md', 'en']]) {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    const m = /<!-- rules: pakopeli-lint --rules[^>]*-->\n([\s\S]*?)<!-- \/rules -->/.exec(text);
    assert.ok(m, `${doc} has no rules block`);
    assert.equal(m[1], lint('--rules', '--lang', lang).lines.join('\n') + '\n', `${doc}: run make rules-doc`);
  }
});

// ---- the schemas --------------------------------------------------------------------------

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const schema = Object.fromEntries(['game', 'room', 'comic'].map((k) =>
  [k, ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, `levels/schema/${k}.schema.json`), 'utf8')))]));

// Which schema a content file follows: by its place, else by its fields.
function kindOf(file, doc) {
  if (path.basename(file) === 'game.json') return 'game';
  if (file.split(path.sep).includes('comics') || (doc && doc.pages)) return 'comic';
  return 'room';
}

// Validates one file; returns "" when valid, else why not.
function check(file) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  } catch (e) {
    return `not JSON: ${e.message}`;
  }
  const v = schema[kindOf(file, doc)];
  return v(doc) ? '' : ajv.errorsText(v.errors);
}

function filesOf(target) {
  const abs = path.join(ROOT, target);
  if (!fs.statSync(abs).isDirectory()) return [target];
  return fs.readdirSync(abs, { recursive: true }).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(target, f));
}

test('the schemas say of every case what the corpus says', () => {
  for (const c of cases) {
    const problems = filesOf(c.target).map((f) => check(f)).filter(Boolean);
    if (c.schema === 'valid') assert.deepEqual(problems, [], `${c.target}: the schema should accept it`);
    else assert.ok(problems.length > 0, `${c.target}: the schema should refuse it`);
  }
});

test('the schemas are never stricter than the linter: what they refuse, the linter calls an error', () => {
  for (const c of cases) {
    if (c.schema !== 'invalid') continue;
    assert.ok(c.expected.some((l) => /: error: /.test(l)), `${c.target}: the schema refuses, the linter only warns`);
  }
});

test('the schemas are written by game/tools/make_schemas.py and up to date', () => {
  const r = spawnSync('/usr/bin/python3', ['game/tools/make_schemas.py', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

// ---- the shipped content and the templates --------------------------------------------------

test('the shipped content lints without errors or warnings, and every file passes its schema', (t) => {
  const r = lint('levels/');
  t.diagnostic(r.stderr.trim()); // the time it took
  assert.deepEqual(r.lines, [], 'pakopeli-lint levels/ finds problems');
  assert.equal(r.status, 0);
  const shipped = ['levels/game.json', ...fs.readdirSync(path.join(ROOT, 'levels')).filter((f) => f.endsWith('.json') && f !== 'game.json').map((f) => `levels/${f}`),
    ...(fs.existsSync(path.join(ROOT, 'levels/comics')) ? fs.readdirSync(path.join(ROOT, 'levels/comics')).filter((f) => f.endsWith('.json')).map((f) => `levels/comics/${f}`) : [])];
  for (const f of shipped) assert.equal(check(f), '', f);
});

test('the templates lint clean (no errors, no warnings) and pass their schemas', () => {
  const r = lint('levels/templates/room.json', 'levels/templates/comic.json');
  assert.deepEqual(r.lines, []);
  assert.equal(r.status, 0);
  assert.equal(check('levels/templates/room.json'), '');
  assert.equal(check('levels/templates/comic.json'), '');
  const room = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/templates/room.json'), 'utf8'));
  const kinds = new Set(room.puzzles.map((p) => p.kind));
  for (const k of ['choice', 'hotspots', 'order', 'match', 'code', 'text', 'use']) assert.ok(kinds.has(k), `no ${k} puzzle`);
});

test('make new-room and new-comic copy the templates into a game that still lints clean', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-new-'));
  try {
    fs.cpSync(path.join(ROOT, 'levels'), path.join(tmp, 'levels'), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'));
    const before = JSON.parse(fs.readFileSync(path.join(tmp, 'levels/game.json'), 'utf8'));
    for (const [kind, name] of [['room', 'kalenteri'], ['comic', 'oma-sarjakuva']]) {
      const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'game/tools/new_content.py'), kind, name, 'levels'], { cwd: tmp, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    const after = JSON.parse(fs.readFileSync(path.join(tmp, 'levels/game.json'), 'utf8'));
    assert.deepEqual(after.rooms, [...before.rooms, { id: 'kalenteri', file: 'kalenteri.json' }]);
    assert.deepEqual({ ...after, rooms: null }, { ...before, rooms: null });
    // the lobby gets the room's door, and the last door's hint names it; the room has its code part
    const hub = JSON.parse(fs.readFileSync(path.join(tmp, 'levels', before.rooms.find((x) => x.id === before.hub).file), 'utf8'));
    const door = hub.scene.widgets.find((w) => w.opens === 'kalenteri');
    assert.ok(door, 'the lobby has a door to the new room');
    const hint = hub.puzzles.find((p) => p.final).hints.at(-1);
    for (const l of ['fi', 'sv', 'en']) assert.match(hint[l], /kalenteri/i, `the last door's hint (${l}) names the new room`);
    const room = JSON.parse(fs.readFileSync(path.join(tmp, 'levels/kalenteri.json'), 'utf8'));
    assert.ok(room.code_part);
    const r = spawnSync(LINT, ['levels'], { cwd: tmp, encoding: 'utf8' });
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), [], 'the whole game still lints clean');
    assert.equal(r.status, 0);
    // the game is still whole: the last door opens with the new room's part at its place in the code
    const sol = JSON.parse(spawnSync(LINT, ['--solution', 'levels'], { cwd: tmp, encoding: 'utf8' }).stdout);
    assert.ok(sol.kalenteri.length >= 5);
    const again = spawnSync('/usr/bin/python3', [path.join(ROOT, 'game/tools/new_content.py'), 'room', 'kalenteri', 'levels'], { cwd: tmp, encoding: 'utf8' });
    assert.notEqual(again.status, 0, 'a second room of the same name is refused');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
