// orca.mjs - the game read by a real screen reader: Orca (GNOME's) reading Debian's Chromium over
// AT-SPI, on a private X server (Xvfb) and D-Bus session. A Finnish player's journey, played
// with real key presses (xdotool, so Orca hears them as a person's keys): the game opens in
// Finnish, the first door is entered, its title and intro heard, Start pressed, a wrong place
// chosen and then a right one (the verdict and its reason heard), and, as a player who has solved
// every room, the last door opened with a wrong code and then the right one.
//
// What Orca speaks is taken from its own debug log (the "SPEECH OUTPUT" lines: the text Orca hands
// to its speech server; no synthesiser or sound card is needed). It is printed step by step and
// asserted: the room's title and intro are spoken, each control is announced with its name and
// role, each answer's verdict and explanation are spoken, nothing is spoken twice in a row, and
// none of the game's Swedish or English texts is spoken to a Finnish player.
//
//   tests/a11y/orca.sh            (make test-screenreader; after make web native)
//   ORCA_KEEP=1 tests/a11y/orca.sh   keeps the run's folder (Orca's whole debug log) and says where
//
// Needs Debian's orca, xvfb, xdotool, dbus and chromium (orca.sh checks and says how to install).
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startBrowser, openGame, waitForLine, CHROMIUM_ARGS, WEB } from '../e2e/lib.mjs';
import { rooms, game, solutions, UI, tr, press, answer, PLAYED, LANGS } from '../e2e/content-lib.mjs';
import { serve } from '../e2e/serve.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const LANG = 'fi';
const ROOM = PLAYED[0];                       // the first door (Outlook today)
const room = rooms[ROOM];
const hub = rooms[game.hub];
const started = Date.now();
const log = (...a) => console.log(...a);

// ---- the set-up: a private X server, D-Bus session and Orca --------------------------------

const run = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-orca-'));
const children = [];
function start(cmd, args, env, name) {
  const out = fs.openSync(path.join(run, `${name}.log`), 'w');
  const child = spawn(cmd, args, { env, stdio: ['ignore', out, out], detached: true });
  children.push({ child, name });
  return child;
}
function stopAll() {
  // our own children only, by their process group (each was started detached, as its own group)
  for (const { child } of children.reverse()) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch (e) { /* already gone */ }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

function freeDisplay() {
  for (let n = 90; n < 140; n++) {
    if (!fs.existsSync(`/tmp/.X11-unix/X${n}`) && !fs.existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('no free X display between :90 and :139');
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, test, ms = 15000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) { if (await test()) return; await sleep(100); }
  throw new Error(`${what}: not within ${ms} ms (logs in ${run})`);
}

// ---- what Orca speaks: its debug log, read as it grows --------------------------------------

const ORCA_LOG = path.join(run, 'orca-debug.out');
let readAt = 0;
let partial = '';
const heard = [];                             // every utterance: { t, text }
function readSpeech() {
  let buf;
  try { buf = fs.readFileSync(ORCA_LOG); } catch (e) { return; }
  if (buf.length <= readAt) return;
  partial += buf.subarray(readAt).toString('utf8').replace(/\r\n/g, '\n');
  readAt = buf.length;
  // entries start with "HH:MM:SS.micro - "; an utterance may hold line breaks, so an entry runs
  // to the next such start (the last, maybe unfinished, entry waits for the next read)
  const starts = [...partial.matchAll(/^\d\d:\d\d:\d\d\.\d{6} - /gm)].map((m) => m.index);
  for (let i = 0; i + 1 < starts.length; i++) {
    const entry = partial.slice(starts[i], starts[i + 1]);
    const m = /^(\d\d:\d\d:\d\d\.\d{6}) - SPEECH OUTPUT: '([\s\S]*)'(?: voice=\S+)?(?:\{[\s\S]*\})?\s*$/.exec(entry);
    if (m) heard.push({ t: m[1], text: m[2].replace(/\s+/g, ' ').trim() });
  }
  partial = starts.length ? partial.slice(starts[starts.length - 1]) : partial;
}
// Waits until Orca has been quiet for `quiet` ms after the action (and has said something, or
// `most` ms have gone by), then returns what it said since `from`.
async function speechAfter(from, { quiet = 1500, most = 12000, want = null } = {}) {
  const t0 = Date.now();
  let count = -1, since = Date.now();
  for (;;) {
    await sleep(150);
    readSpeech();
    if (heard.length !== count) { count = heard.length; since = Date.now(); }
    const said = heard.slice(from).map((u) => u.text).join(' ');
    const done = want ? want.test(said) : heard.length > from;
    if (done && Date.now() - since >= quiet) break;
    if (Date.now() - t0 > most) break;
  }
  return heard.slice(from).map((u) => u.text);
}

// ---- the journey's steps: each a real key press, and what Orca said after it ----------------

const steps = [];
let env, page;
function xkey(...keys) { execFileSync('xdotool', ['key', '--clearmodifiers', ...keys], { env }); }
function xtype(text) { execFileSync('xdotool', ['type', '--delay', '60', text], { env }); }
const focusText = () => page.$eval('#sr-focus', (el) => el.textContent);
async function step(name, act, opts = {}) {
  readSpeech();
  const from = heard.length;
  const focusBefore = await focusText().catch(() => '');
  await act();
  const said = await speechAfter(from, opts);
  const focus = await focusText().catch(() => '');
  const s = { name, said, focus, focusChanged: focus !== focusBefore };
  steps.push(s);
  log(`\n-- ${name}${focus ? `   [game's focus: ${focus}]` : ''}`);
  for (const u of said) log(`   « ${u} »`);
  if (!said.length) log('   (nothing)');
  return s;
}
// Tab until the game's focus (#sr-focus) starts with `label`; each Tab is a step of its own
// (what Orca says for each control is checked), unless it is part of a bigger step.
async function tabTo(label, { record = true, most = 30 } = {}) {
  for (let i = 0; i < most; i++) {
    const now = await focusText();
    if (now.startsWith(label)) return;
    if (record) await step('Tab', () => xkey('Tab'), { quiet: 900, most: 5000 });
    else {
      xkey('Tab');
      await page.waitForFunction((f) => document.getElementById('sr-focus').textContent !== f, now, { timeout: 3000 }).catch(() => {});
    }
  }
  throw new Error(`Tab never reached "${label}"`);
}

// ---- a save of every room solved (the last door's state), played without Orca first --------

async function solvedSave() {
  const t0 = Date.now();
  const b = await startBrowser();
  try {
    const { page: p, context } = await openGame(b, `?room=${PLAYED[0]}&lang=en`);
    for (const id of PLAYED) {
      const r = rooms[id];
      if (id !== PLAYED[0]) {
        await p.goto(`${b.base}?room=${id}&lang=en`);
        await p.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive);
      }
      // a returning player enters the room at its task, a new one at its intro and Start
      await p.waitForFunction((t) => /^\s*$/.test(t) ? false : [...document.querySelectorAll('#sr-lines [data-line]')].some((li) => li.textContent.startsWith(t)), UI.start.en, { timeout: 1500 }).then(() => press(p, UI.start.en), () => {});
      for (const [n, pz] of r.puzzles.entries()) {
        if (n > 0) { await press(p, UI.next.en); await waitForLine(p, tr(pz.prompt, 'en').slice(0, 30)); }
        for (const ev of solutions[id].filter((e) => e.puzzle === pz.id)) await answer(p, r, ev, 'en');
        await waitForLine(p, UI.next.en);
      }
    }
    const save = await p.evaluate(() => localStorage.getItem('pakopeli.save'));
    await context.close();
    log(`(every room solved without Orca, for the last door, in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    return save;
  } finally { await b.close(); }
}

// ---- run ------------------------------------------------------------------------------------

// kept between runs for the same content and engine (build/a11y), as it takes most of a minute
const hash = crypto.createHash('sha1');
for (const f of [path.join(WEB, 'pakopeli.wasm'), ...fs.readdirSync(path.join(WEB, 'levels')).filter((n) => n.endsWith('.json'))
  .sort().map((n) => path.join(WEB, 'levels', n))]) hash.update(fs.readFileSync(f));
const saveFile = path.join(WEB, '..', 'a11y', `solved-${hash.digest('hex').slice(0, 16)}.json`);
let save;
if (fs.existsSync(saveFile)) save = fs.readFileSync(saveFile, 'utf8');
else {
  save = await solvedSave();
  fs.mkdirSync(path.dirname(saveFile), { recursive: true });
  fs.writeFileSync(saveFile, save);
}

const display = freeDisplay();
const home = path.join(run, 'home');
const xdg = path.join(run, 'xdg');
fs.mkdirSync(home, { recursive: true });
fs.mkdirSync(xdg, { recursive: true, mode: 0o700 });
env = {
  PATH: process.env.PATH, DISPLAY: `:${display}`, HOME: home, XDG_RUNTIME_DIR: xdg,
  XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
  XDG_CACHE_HOME: path.join(home, '.cache'),
  // a Finnish player's Orca speaks Finnish (its own words: roles, "page loaded")
  LANG: 'C.UTF-8', LANGUAGE: LANG,
};
start('Xvfb', [`:${display}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], env, 'xvfb');
await until('Xvfb', () => fs.existsSync(`/tmp/.X11-unix/X${display}`));
const bus = start('dbus-daemon', ['--session', '--nofork', '--print-address=1'], env, 'dbus');
const busAddress = await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error('dbus-daemon gave no address')), 10000);
  const f = path.join(run, 'dbus.log');
  const poll = setInterval(() => {
    const a = fs.readFileSync(f, 'utf8').split('\n')[0];
    if (a.startsWith('unix:')) { clearInterval(poll); clearTimeout(t); resolve(a.trim()); }
  }, 50);
  bus.on('exit', () => reject(new Error('dbus-daemon exited')));
});
env.DBUS_SESSION_BUS_ADDRESS = busAddress;
// Toolkits (GTK, Chromium's ATK bridge) ask this before they speak AT-SPI
spawnSync('gsettings', ['set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'], { env });
// Orca's settings: the defaults, but no key echo (it would say "sarkain" before each answer)
const prefs = path.join(run, 'orca-prefs');
fs.mkdirSync(prefs, { recursive: true });
fs.writeFileSync(path.join(prefs, 'user-settings.conf'), JSON.stringify({
  general: { enableKeyEcho: false, enableEchoByWord: false, enableEchoByCharacter: false },
  profiles: { default: { profile: ['Default', 'default'], enableKeyEcho: false, enableEchoByWord: false,
    enableEchoByCharacter: false } },
  pronunciations: {}, keybindings: {},
}));
// Orca's debug file is block-buffered (a plain open()), so its speech would reach the file
// seconds late, or at exit; written to a terminal, Python flushes each line: util-linux's
// `script` gives Orca one and copies it to ORCA_LOG as it comes (-f).
const orcaPid = path.join(run, 'orca.pid');
start('script', ['-q', '-f', '-c', `echo $$ > ${orcaPid}; exec orca --replace -u ${prefs} --debug-file /dev/tty`, ORCA_LOG],
  env, 'orca');
await until('Orca to start', () => fs.existsSync(orcaPid) && fs.readFileSync(orcaPid, 'utf8').trim());
// Orca runs in the terminal's own session, not in script's process group: stopped by its pid
const orca = Number(fs.readFileSync(orcaPid, 'utf8').trim());
children.push({ child: { pid: -orca }, name: 'orca itself' });
await until('Orca to start speaking', () => { readSpeech(); return heard.length > 0; }, 30000);
log(`Orca is up (display :${display}); its first words: « ${heard[0].text} »`);

const server = await serve(WEB);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: false, env,
  args: [...CHROMIUM_ARGS, '--force-renderer-accessibility', `--lang=${LANG}`, '--window-position=0,0', '--window-size=1280,800'],
});
let failed = null;
try {
  const context = await browser.newContext({ viewport: null, locale: 'fi-FI' });
  await context.addInitScript(() => {
    try { if (!localStorage.getItem('pakopeli.seed')) localStorage.setItem('pakopeli.seed', '1'); } catch (e) { /* none */ }
  });
  page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // 1. The game opens in Finnish (a new player: the lobby)
  await step('the game opens (Finnish, a new player)', async () => {
    await page.goto(`${base}?lang=${LANG}`);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 30000 });
  }, { quiet: 2500, most: 20000 });
  const doorLabel = (await page.$$eval('#sr-lines [data-control]', (l) => l.map((x) => x.textContent)))
    .find((t) => t.includes(tr(game.rooms.find((r) => r.id === ROOM).title || room.title, LANG).split(':')[0]));
  assert.ok(doorLabel, `no door to ${ROOM} in the lobby`);
  await tabTo(doorLabel);

  // 2. Enter the room: its title and intro
  const enter = await step(`Enter on "${doorLabel}"`, () => xkey('Return'), { quiet: 2500, most: 20000 });
  // 3. Start
  await tabTo(UI.start[LANG]);
  const startStep = await step(`Enter on "${UI.start[LANG]}"`, () => xkey('Return'), { quiet: 2500, most: 20000 });

  // 4. A wrong place first, then a right one (the room's first task; a search on the scene)
  const task = room.puzzles[0];
  assert.equal(task.kind, 'hotspots', `${ROOM}'s first task is ${task.kind}; this journey expects a search`);
  const wrongPlace = task.places.find((p) => p.correct === false);
  const rightPlace = task.places.find((p) => p.correct !== false);
  await tabTo(tr(wrongPlace.label, LANG));
  const wrong = await step(`Enter on the wrong place "${tr(wrongPlace.label, LANG)}"`, () => xkey('Return'), { quiet: 2500 });
  await tabTo(tr(rightPlace.label, LANG));
  const right = await step(`Enter on the right place "${tr(rightPlace.label, LANG)}"`, () => xkey('Return'), { quiet: 2500 });

  // 5. Later: every room solved, the last door (a code typed into the page's own text field)
  const reopen = await step('the game reopened by a player who has solved every room', async () => {
    await page.evaluate(([s, hub]) => {
      localStorage.setItem('pakopeli.save', s);
      localStorage.setItem('pakopeli.where', hub); // back in the lobby, where the last door is
    }, [save, game.hub]);
    await page.goto(`${base}?lang=${LANG}`);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 30000 });
  }, { quiet: 2500, most: 20000 });
  // the last door's task is open at once (every code part found), its answer field focused
  const field = await focusText();
  const fieldName = field.split(' – ')[0].trim();
  const finalTask = hub.puzzles.find((p) => p.final) || hub.puzzles[0];
  const code = solutions[game.hub][0].answer[0];
  const wrongCode = [...code].reverse().join('') === code ? '0'.repeat(code.length) : [...code].reverse().join('');
  // each Tab a step of its own (Orca is given the time to say where the focus is); the typing
  // is heard as the field's new value
  const codeStep = async (digits, erase) => {
    await tabTo(fieldName);
    await step(`${erase ? `${erase} × BackSpace, ` : ''}${digits} typed`, async () => {
      for (let i = 0; i < erase; i++) xkey('BackSpace');
      xtype(digits);
    }, { quiet: 1200, want: new RegExp(digits) });
    await tabTo(UI.check[LANG]);
    return step(`Enter on "${UI.check[LANG]}"`, () => xkey('Return'), { quiet: 3000 });
  };
  const codeWrong = await codeStep(wrongCode, 0);
  const codeRight = await codeStep(code, wrongCode.length);

  // ---- what a player relies on ----
  const said = (s) => s.said.join(' ');
  const norm = (t) => t.replace(/\s+/g, ' ').trim();
  const hears = (s, text, why) => assert.ok(norm(said(s)).includes(norm(text)),
    `${why}: Orca did not say «${text}» after "${s.name}"; it said: ${JSON.stringify(s.said)}`);

  hears(enter, tr(room.title, LANG), "the room's title");
  hears(enter, tr(room.intro, LANG), "the room's intro");
  // the title before the intro, with nothing between them
  hears(enter, `${tr(room.title, LANG)}. ${tr(room.intro, LANG)}`, "the room's title, then its intro");
  hears(startStep, tr(task.prompt, LANG), 'the task');
  hears(wrong, tr(wrongPlace.explain, LANG), 'why the wrong place is wrong');
  hears(right, tr(rightPlace.explain, LANG), 'why the right place is right');
  hears(reopen, tr(finalTask.prompt, LANG), "the last door's task");
  // the answer field is said as a text field (Finnish Orca's users hear the game's own role words)
  assert.ok(reopen.said.some((u) => /^Vastauksesi: .*– tekstikenttä$/.test(u)),
    `the answer field is not announced as a text field: ${JSON.stringify(reopen.said)}`);
  hears(codeWrong, tr(finalTask.wrong, LANG), 'a wrong code');
  hears(codeRight, UI.escaped[LANG], 'the last door opens');
  hears(codeRight, tr(game.ending, LANG), 'the ending');
  // every control the game's focus reached was announced with its name and its role
  for (const s of steps.filter((x) => x.focusChanged && x.focus)) hears(s, s.focus, 'the focused control');
  // nothing twice in a row
  const all = heard.map((u) => norm(u.text));
  for (let i = 1; i < all.length; i++) {
    assert.ok(all[i] !== all[i - 1] || all[i].length < 3, `Orca said «${all[i]}» twice in a row`);
  }
  // nothing in the wrong language: none of the game's Swedish or English texts (those that are
  // not the same in Finnish; the language buttons name themselves in their own language)
  const foreign = new Set();
  const collect = (v) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      if (typeof v.fi === 'string' && LANGS.every((l) => typeof v[l] === 'string')) {
        for (const l of LANGS) if (l !== LANG && v[l] !== v[LANG] && v[l].length >= 12) foreign.add(norm(tr(v[l], l)));
      } else Object.values(v).forEach(collect);
    }
  };
  collect([room, hub, game]);
  for (const k of Object.values(UI)) for (const l of LANGS) if (l !== LANG && k[l] !== k[LANG] && k[l].length >= 5) foreign.add(k[l]);
  const spokenAll = all.join(' ');
  for (const f of foreign) assert.ok(!spokenAll.includes(f), `Orca spoke «${f}», which is not Finnish`);
  assert.deepEqual(errors, []);
  await context.close();
} catch (e) { failed = e; } finally {
  await browser.close().catch(() => {});
  await new Promise((r) => server.close(r));
}
readSpeech();
log(`\n(${heard.length} utterances in ${((Date.now() - started) / 1000).toFixed(0)} s; Orca's log: ${process.env.ORCA_KEEP ? ORCA_LOG : 'removed, ORCA_KEEP=1 keeps it'})`);
stopAll();
children.length = 0;
if (!process.env.ORCA_KEEP) fs.rmSync(run, { recursive: true, force: true });
if (failed) { console.error(`\nFAIL: ${failed.message}`); process.exit(1); }
log('ok: Orca spoke the title, the intro, each control with its role, the verdicts and their reasons, once each, in Finnish');
