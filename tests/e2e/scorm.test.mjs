// The SCORM packages (make scorm, docs/lms.md) inside a learning platform: an LMS page on
// loopback hosts each package, unzipped, in an iframe, with scorm-again (npm) as the platform's
// runtime API and a commit endpoint that keeps what the platform would store. The fixture game
// is played to the end inside the frame; the platform then holds the status, the score, the
// session time and the resume state, and a second launch on a clean browser resumes in the
// middle of a room from that state alone. A platform that refuses commits gets the warning
// and the browser keeps everything. The manifests are checked with xmllint and against the
// zips, and the linter refuses a game whose resume state could outgrow SCORM 1.2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM_ARGS, clickControl, waitForLine, screenLines, screenshot } from './lib.mjs';
import { playAll, typeKeys } from './e2e-game.mjs';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-scorm-'));
const LINT = path.join(ROOT, 'build/native/pakopeli-lint');
const SHIPPED = { '1.2': path.join(ROOT, 'build/pakopeli-scorm12.zip'), 2004: path.join(ROOT, 'build/pakopeli-scorm2004.zip') };
const FIXTURE = {};
let lms, browser, base;

const zipNames = (zip) => JSON.parse(execFileSync('python3', ['-c',
  'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', zip], { encoding: 'utf8' }));

// ---- the LMS: a host page, scorm-again, a commit endpoint, the packages ------------------------

const commits = new Map(); // session id -> the last committed cmi (scorm-again's flattened form)

function hostPage(version, sid, cmi) {
  const v12 = version === '1.2';
  return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Oppimisympäristö</title>
<style>body{margin:0;font:15px system-ui,sans-serif;background:#eef1f5}
header{height:48px;display:flex;align-items:center;padding:0 16px;background:#1f3b57;color:#fff}
iframe{display:block;border:0;width:1280px;height:760px;margin:12px 16px;background:#fff}</style>
<script src="/scorm-again/${v12 ? 'scorm12' : 'scorm2004'}.js"></script>
<script>
  // A platform's runtime: commits go to this server synchronously, as Moodle's do.
  const api = new ${v12 ? 'Scorm12API' : 'Scorm2004API'}({ lmsCommitUrl: '/commit/${sid}', dataCommitFormat: 'flattened',
    autocommit: false, logLevel: 5 });
  api.loadFromFlattenedJSON(${JSON.stringify(cmi)}, '');
  window.${v12 ? 'API' : 'API_1484_11'} = api;
</script></head>
<body><header>Perehdytys › Pakopeli (SCORM ${version})</header>
<iframe title="Pakopeli" src="/pkg${v12 ? '12' : '2004'}/index.html?lang=en"></iframe></body></html>`;
}

function startLms(dirs) {
  const dist = path.join(ROOT, 'tests/e2e/node_modules/scorm-again/dist');
  const statics = { '/pkg12/': dirs['1.2'], '/pkg2004/': dirs['2004'], '/scorm-again/': dist };
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
    '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.otf': 'font/otf' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname.startsWith('/commit/')) {
      const sid = url.pathname.slice(8);
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        if (sid.startsWith('refuse')) { // a platform whose storage fails
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"result":false,"errorCode":101}');
          return;
        }
        try { commits.set(sid, JSON.parse(body)); } catch (e) { /* a beacon's text body */ }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true,"errorCode":0}');
      });
      return;
    }
    if (url.pathname === '/host') {
      const q = url.searchParams;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(hostPage(q.get('v'), q.get('sid'), JSON.parse(q.get('cmi') || '{}')));
      return;
    }
    const prefix = Object.keys(statics).find((p) => url.pathname.startsWith(p));
    if (!prefix) { res.writeHead(404).end(); return; }
    const file = path.normalize(path.join(statics[prefix], decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file.startsWith(statics[prefix])) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  // The fixture game packed as both versions, unzipped as a platform would.
  const dirs = {};
  for (const v of ['1.2', '2004']) {
    FIXTURE[v] = path.join(TMP, `fixture-${v}.zip`);
    execFileSync(process.execPath, [path.join(ROOT, 'game/tools/scorm.mjs'), '--version', v, '--web', path.join(ROOT, 'build/web'),
      '--levels', path.join(ROOT, 'tests/fixtures/e2e-game'), '--assets', path.join(ROOT, 'assets'), '--out', FIXTURE[v]]);
    dirs[v] = path.join(TMP, `pkg-${v}`);
    execFileSync('python3', ['-m', 'zipfile', '-e', FIXTURE[v], dirs[v]]);
  }
  lms = await startLms(dirs);
  base = `http://127.0.0.1:${lms.address().port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser.close();
  await new Promise((r) => lms.close(r));
  fs.rmSync(TMP, { recursive: true, force: true });
});

// ---- the game in the frame, read and pressed as lib.mjs does on a page -------------------------

// A stand-in for a page that lib.mjs's helpers use: the game's frame for reading, the page's
// mouse (moved by where the frame is) and keyboard for input. `at` can be pointed at another
// launch in the middle of a play-through.
function frameDriver() {
  const at = { page: null, frame: null, x: 0, y: 0 };
  const shift = (fn) => (x, y, o) => fn(x + at.x, y + at.y, o);
  return {
    at,
    evaluate: (...a) => at.frame.evaluate(...a),
    waitForFunction: (...a) => at.frame.waitForFunction(...a),
    $$eval: (...a) => at.frame.$$eval(...a),
    $eval: (...a) => at.frame.$eval(...a),
    get mouse() {
      const m = at.page.mouse;
      return { click: shift(m.click.bind(m)), move: shift(m.move.bind(m)), wheel: m.wheel.bind(m),
        down: m.down.bind(m), up: m.up.bind(m) };
    },
    get keyboard() { return at.page.keyboard; },
  };
}

// Opens the LMS page with this session's data and waits for the game in its frame.
async function launch(driver, version, sid, cmi = {}, context = null) {
  context = context || await browser.newContext({ viewport: { width: 1320, height: 840 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}host?v=${version}&sid=${sid}&cmi=${encodeURIComponent(JSON.stringify(cmi))}`);
  const frame = page.frames().find((f) => f.url().includes('/pkg'));
  await frame.waitForFunction(() => window.pakopeli && window.pakopeli.marks && window.pakopeli.marks.interactive,
    null, { timeout: 20000 });
  const box = await page.$eval('iframe', (f) => { const r = f.getBoundingClientRect(); return { x: r.left, y: r.top }; });
  Object.assign(driver.at, { page, frame, x: box.x, y: box.y });
  return { context, page, frame, errors };
}

// What the platform's API holds now (read in the LMS page, as the platform's own code would).
const readApi = (page, version, names) => page.evaluate(([v, list]) => {
  const api = v === '1.2' ? window.API : window.API_1484_11;
  const get = v === '1.2' ? (n) => api.LMSGetValue(n) : (n) => api.GetValue(n);
  return Object.fromEntries(list.map((n) => [n, get(n)]));
}, [version, names]);

const typeByKeypad = async (p, text) => {
  if (!/^\d+$/.test(text)) return typeKeys(p, text);
  for (let i = 0; i < 4; i++) await clickControl(p, /^Erase/);
  for (const ch of text) await clickControl(p, new RegExp(`^${ch} – button$`));
};

const SESSION_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/; // CMITimespan
const SESSION_2004 = /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/; // timeinterval (second, 10, 2)

for (const version of ['1.2', '2004']) {
  const v12 = version === '1.2';
  const K = v12
    ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max',
      session: 'cmi.core.session_time', learner: 'cmi.core.student_id', name: 'cmi.core.student_name' }
    : { status: 'cmi.completion_status', success: 'cmi.success_status', raw: 'cmi.score.raw', scaled: 'cmi.score.scaled',
      min: 'cmi.score.min', max: 'cmi.score.max', session: 'cmi.session_time', learner: 'cmi.learner_id', name: 'cmi.learner_name' };
  const learner = { [K.learner]: 'u1234', [K.name]: 'Virtanen, Aino' };

  test(`SCORM ${version}: played to the end in the platform's frame, resumed mid-room on a clean browser`, async () => {
    const driver = frameDriver();
    let run = await launch(driver, version, `play-${version}`, learner);
    const first = run;
    let stored = null;
    await playAll(driver, clickControl, {
      type: typeByKeypad,
      midMail: async () => {
        // What the platform has after a place found and a decoy: the state so far, incomplete.
        const now = await readApi(first.page, version, [K.status, 'cmi.suspend_data', K.raw]);
        assert.equal(now[K.status], 'incomplete');
        assert.equal(now[K.raw], '', 'no score before the game is done');
        assert.match(now['cmi.suspend_data'], /^1[0-9A-Za-z_-]+/);
        stored = commits.get(`play-${version}`);
        assert.equal(stored['cmi.suspend_data'], now['cmi.suspend_data'], 'committed after the answer, not at unload');
        await screenshot(first.page, `scorm${v12 ? 12 : 2004}-mid-room.png`);
        await first.context.close();
        // Another computer: nothing in this browser, only what the platform kept.
        const resumeCmi = { ...learner, 'cmi.suspend_data': stored['cmi.suspend_data'] };
        if (!v12) resumeCmi['cmi.entry'] = 'resume';
        run = await launch(driver, version, `resume-${version}`, resumeCmi);
        await waitForLine(driver, 'Found 1 of 2');      // in the mail room, its first place found
        const lines = await screenLines(driver);
        assert.ok(!lines.includes('Welcome to the lobby.'), lines.join('\n'));
        assert.ok(!lines.some((l) => /^Mail room, solved/.test(l)), 'the mail room is not solved yet');
        await screenshot(run.page, `scorm${v12 ? 12 : 2004}-resumed.png`);
      },
    });
    // The ending shows the same score the platform now holds.
    const summary = (await screenLines(driver)).find((l) => /Score: \d+\/100/.test(l));
    const score = /Score: (\d+)\/100/.exec(summary)[1];
    const got = await readApi(run.page, version, Object.values(K).filter((k) => k !== K.session).concat('cmi.suspend_data'));
    if (v12) {
      assert.equal(got[K.status], 'passed');
    } else {
      assert.equal(got[K.status], 'completed');
      assert.equal(got[K.success], 'passed');
      assert.equal(Number(got[K.scaled]), Number(score) / 100);
    }
    assert.equal(got[K.raw], score);
    assert.equal(got[K.min], '0');
    assert.equal(got[K.max], '100');
    assert.ok(got['cmi.suspend_data'].length > 0 && got['cmi.suspend_data'].length <= (v12 ? 4096 : 64000));
    // and the platform's storage has it: the last commit carries the same values
    const last = commits.get(`resume-${version}`);
    assert.equal(last[K.raw], score);
    assert.equal(last[K.status], v12 ? 'passed' : 'completed');
    assert.equal(last['cmi.suspend_data'], got['cmi.suspend_data']);
    assert.equal(last[v12 ? 'cmi.core.exit' : 'cmi.exit'], 'suspend');
    // session time is write-only for the content: the platform's commit shows it
    assert.match(last[K.session], v12 ? SESSION_12 : SESSION_2004);
    assert.equal(await run.frame.$eval('#lms-status', (el) => el.hidden), true, 'no warning while commits go through');
    await screenshot(run.page, `scorm${v12 ? 12 : 2004}-ending.png`);
    // The rating at the end becomes the learner's comment in the platform.
    await clickControl(driver, /^4 – button/);
    await clickControl(driver, /^Send/);
    await waitForLine(driver, /Thank/);
    const comment = v12 ? 'cmi.comments' : 'cmi.comments_from_learner.0.comment';
    assert.equal((await readApi(run.page, version, [comment]))[comment], '4/5');
    assert.equal(commits.get(`resume-${version}`)[comment], '4/5');
    assert.deepEqual(run.errors, []);
    await run.context.close();
  });
}

test('a platform that refuses commits: the player is told, and the browser keeps every answer', async () => {
  const driver = frameDriver();
  const run = await launch(driver, '1.2', 'refuse-1', { 'cmi.core.student_id': 'u77' });
  await clickControl(driver, 'Start');
  await clickControl(driver, 'Mail room');
  await clickControl(driver, 'Start');
  await clickControl(driver, 'Sender');
  await waitForLine(driver, 'Found 1 of 2');
  await run.frame.waitForFunction(() => !document.getElementById('lms-status').hidden);
  const warning = await run.frame.$eval('#lms-status', (el) => el.textContent);
  assert.match(warning, /not reaching the learning platform/);
  assert.match(warning, /LMSCommit/); // the platform's own error, for its support
  await screenshot(run.page, 'scorm-commit-refused.png');
  // Nothing reached the platform; this browser has the answers, under this learner's key.
  assert.equal(commits.get('refuse-1'), undefined);
  const saved = await run.frame.evaluate(() => localStorage.getItem(`${window.pakopeli.storePrefix}pakopeli.save`));
  assert.match(saved, /"puzzle":"spot","answer":\["from"\]/);
  // Launched again (the platform still has nothing): the game goes on from the browser's save.
  const page2 = await run.context.newPage();
  await run.page.close();
  await page2.goto(`${base}host?v=1.2&sid=refuse-2&cmi=${encodeURIComponent(JSON.stringify({ 'cmi.core.student_id': 'u77' }))}`);
  const frame2 = page2.frames().find((f) => f.url().includes('/pkg'));
  await frame2.waitForFunction(() => window.pakopeli && window.pakopeli.marks && window.pakopeli.marks.interactive);
  Object.assign(driver.at, { page: page2, frame: frame2 });
  await waitForLine(driver, 'Found 1 of 2');
  assert.deepEqual(run.errors, []);
  await run.context.close();
});

test('without a platform the package still plays and says its result goes nowhere', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${base}pkg2004/index.html?lang=en`);
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks && window.pakopeli.marks.interactive);
  assert.match(await page.$eval('#lms-status', (el) => (el.hidden ? '' : el.textContent)), /learning platform was not found/);
  await clickControl(page, 'Start');
  await clickControl(page, 'Mail room');
  await waitForLine(page, /Mail room/);
  await context.close();
});

// ---- the packages themselves --------------------------------------------------------------

function checkPackage(zip, version) {
  const names = zipNames(zip);
  assert.ok(names.includes('imsmanifest.xml'), `${zip}: imsmanifest.xml at the root`);
  const dir = fs.mkdtempSync(path.join(TMP, 'check-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
  const manifest = path.join(dir, 'imsmanifest.xml');
  const lint = spawnSync('xmllint', ['--noout', manifest], { encoding: 'utf8' });
  assert.equal(lint.status, 0, `${zip}: xmllint: ${lint.stderr}`);
  const xml = fs.readFileSync(manifest, 'utf8');
  assert.match(xml, /<schema>ADL SCORM<\/schema>/);
  if (version === '1.2') {
    assert.match(xml, /<schemaversion>1\.2<\/schemaversion>/);
    assert.match(xml, /xmlns="http:\/\/www\.imsproject\.org\/xsd\/imscp_rootv1p1p2"/);
    assert.match(xml, /xmlns:adlcp="http:\/\/www\.adlnet\.org\/xsd\/adlcp_rootv1p2"/);
    assert.match(xml, /<resource [^>]*adlcp:scormtype="sco"[^>]*href="index\.html"/);
  } else {
    assert.match(xml, /<schemaversion>2004 4th Edition<\/schemaversion>/);
    assert.match(xml, /xmlns="http:\/\/www\.imsglobal\.org\/xsd\/imscp_v1p1"/);
    assert.match(xml, /xmlns:adlcp="http:\/\/www\.adlnet\.org\/xsd\/adlcp_v1p3"/);
    assert.match(xml, /<resource [^>]*adlcp:scormType="sco"[^>]*href="index\.html"/);
  }
  assert.match(xml, /<organizations default="([^"]+)">\s*<organization identifier="\1">/);
  assert.match(xml, /<item identifier="[^"]+" identifierref="pakopeli-sco"/);
  // one <file> per file of the zip, each once, and nothing listed that is not there
  const listed = [...xml.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURI(m[1].replace(/&amp;/g, '&')));
  const files = names.filter((n) => n !== 'imsmanifest.xml');
  assert.deepEqual([...listed].sort(), [...files].sort());
  assert.equal(new Set(listed).size, listed.length);
  assert.ok(!names.some((n) => n.endsWith('/')), 'no folder entries');
  for (const f of ['index.html', 'scorm.js', 'shell.js', 'style.css', 'pakopeli.js', 'pakopeli.wasm',
    'fonts/ui-regular.ttf', 'fonts/ui-bold.ttf', 'fonts/comic.ttf', 'levels/game.json']) assert.ok(files.includes(f), `${zip}: ${f}`);
  assert.ok(!files.includes('report.js') && !files.includes('dev.js'), 'no report-server client, no live preview');
  assert.deepEqual(files.filter((f) => /\.(br|gz)$/.test(f)), [], 'no precompressed copies: the platform serves files as they are');
  const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.match(page, new RegExp(`<script src="scorm.js" data-scorm="${version}"></script>`));
  return files;
}

test('each package carries a well-formed manifest listing every file, and the shipped ones the real game', () => {
  for (const v of ['1.2', '2004']) {
    checkPackage(FIXTURE[v], v);
    const files = checkPackage(SHIPPED[v], v);
    const game = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/game.json'), 'utf8'));
    for (const room of game.rooms) assert.ok(files.includes(`levels/${room.file}`), `shipped ${v}: levels/${room.file}`);
    for (const comic of game.comics || []) assert.ok(files.includes(`levels/${comic.file}`), `shipped ${v}: levels/${comic.file}`);
    // every picture a room or comic names is in the package
    for (const f of files.filter((n) => n.startsWith('levels/') && n.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/"(assets\/[^"]+)"/g)) assert.ok(files.includes(m[1]), `shipped ${v}: ${m[1]} (${f})`);
    }
  }
});

test('the linter refuses a game whose resume state could outgrow SCORM 1.2, saying by how much', () => {
  // The fixture game with many large puzzles: 32 options, 16 right, 6 hints each.
  const dir = path.join(TMP, 'big-game');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/e2e-game'), dir, { recursive: true });
  const text = (en) => ({ fi: en, sv: en, en });
  for (const file of ['mail.json', 'office.json']) {
    const room = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    while (room.puzzles.length < 24) {
      const n = room.puzzles.length;
      room.puzzles.push({
        id: `big-${n}`, kind: 'choice', prompt: text(`Choose the safe ones (${n}).`),
        options: Array.from({ length: 32 }, (_, i) => ({ id: `o${i}`, correct: i % 2 === 0, text: text(`Option ${i}`),
          explain: text(i % 2 === 0 ? 'This one is safe.' : 'This one is not safe.') })),
        hints: Array.from({ length: 6 }, (_, i) => text(`Hint ${i + 1}.`)),
      });
    }
    fs.writeFileSync(path.join(dir, file), JSON.stringify(room, null, 2));
  }
  const run = (v) => spawnSync(LINT, ['--no-text', '--json', '--scorm', v, '--root', ROOT, dir], { encoding: 'utf8' });
  const r12 = run('1.2');
  assert.equal(r12.status, 1, r12.stderr);
  const problems = JSON.parse(r12.stdout);
  const over = problems.find((p) => p.code === 'too-many' && /resume state/.test(p.message));
  assert.ok(over, JSON.stringify(problems, null, 1));
  const m = /can reach (\d+) characters, (\d+) more than SCORM 1\.2 keeps/.exec(over.message);
  assert.ok(m && Number(m[1]) - Number(m[2]) === 4096, over.message);
  assert.match(over.file, /game\.json$/);
  // the same game fits a SCORM 2004 package
  const r2004 = run('2004');
  assert.ok(!JSON.parse(r2004.stdout).some((p) => /resume state/.test(p.message)), r2004.stdout);
  assert.match(r2004.stderr, /resume state at most \d+ characters \(SCORM 2004\)/);
  // in Finnish too
  const fi = spawnSync(LINT, ['--no-text', '--lang', 'fi', '--scorm', '1.2', '--root', ROOT, dir], { encoding: 'utf8' });
  assert.match(fi.stdout, /jatkotila voi kasvaa \d+ merkkiin, \d+ enemmän kuin SCORM 1\.2 säilyttää/);
});
