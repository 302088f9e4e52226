// HR downloads the game as a SCORM package of the current release from the dashboard
// (GET /api/v1/hr/scorm, game/server/scorm_pkg.c), so a volunteer's publish reaches the learning
// platform without a developer's `make scorm`. Seeded from the shipped levels, release 1's package
// holds exactly the files of `make scorm`'s zip, byte for byte (tests/e2e/scorm.test.mjs plays that
// one in an LMS runtime); after a publish the package carries the new release. Only admins may
// download; content whose resume state could outgrow SCORM 1.2 is refused, saying by how much,
// and fits the 2004 package.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { startServer, tempDir, HR, ROOT, sql, runCommand } from './lib.mjs';

const LEVELS = path.join(ROOT, 'levels');
const SHIPPED = { '1.2': path.join(ROOT, 'build/pakopeli-scorm12.zip'), 2004: path.join(ROOT, 'build/pakopeli-scorm2004.zip') };
const SHOTS = path.join(ROOT, 'build/screens');
const PASSWORD = 'correct horse battery staple';

// {name: base64 bytes} of a zip, read by Python's zipfile (which checks every CRC on the way).
function unzip(file) {
  const out = execFileSync('python3', ['-c', `import base64,json,sys,zipfile
z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip()
assert bad is None, bad
print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))`, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return Object.entries(JSON.parse(out)).map(([name, b64]) => ({ name, bytes: Buffer.from(b64, 'base64') }));
}

// A learning platform on loopback: a page with scorm-again's SCORM 2004 runtime (npm, the real
// implementation tests/e2e/scorm.test.mjs plays packages in) and the unzipped package in a frame.
function hostLms(dir) {
  const dist = path.join(ROOT, 'tests/e2e/node_modules/scorm-again/dist');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
    '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST') { // the runtime's commits
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true,"errorCode":0}'));
      return;
    }
    if (url.pathname === '/host') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="fi"><head><meta charset="utf-8">
<title>Oppimisympäristö</title><script src="/runtime/scorm2004.js"></script>
<script>window.API_1484_11 = new Scorm2004API({ lmsCommitUrl: '/commit', dataCommitFormat: 'flattened', autocommit: false, logLevel: 5 });</script>
</head><body style="margin:0"><iframe title="Pakopeli" style="border:0;width:1280px;height:760px" src="/pkg/index.html?lang=fi"></iframe></body></html>`);
      return;
    }
    const [prefix, root] = url.pathname.startsWith('/runtime/') ? ['/runtime/', dist] : ['/pkg/', dir];
    const f = path.normalize(path.join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!url.pathname.startsWith(prefix) || !f.startsWith(root)) { res.writeHead(404).end(); return; }
    fs.readFile(f, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function download(server, who, version) {
  const res = await fetch(`${server.url}/api/v1/hr/scorm?version=${version}`, { headers: who.cookie ? { cookie: who.cookie } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
}

describe('the SCORM package of the current release, from the dashboard', () => {
  let server, admin, data, browser;
  const tmp = tempDir('pk-scorm-dl-');
  before(async () => {
    data = tempDir();
    server = await startServer({ data, levels: LEVELS });
    admin = new HR(server.url);
    await admin.firstLogin(server, PASSWORD);
  });
  after(async () => {
    await browser?.close();
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  it('says no package has been downloaded yet', async () => {
    const st = await admin.get('/api/v1/hr/scorm/status');
    assert.equal(st.status, 200);
    assert.deepEqual(st.data, { current: 1, last: null });
  });

  for (const version of ['1.2', '2004']) {
    it(`release 1 as SCORM ${version}: the files of make scorm's package, byte for byte`, async () => {
      const { res, body } = await download(server, admin, version);
      assert.equal(res.status, 200, body.toString().slice(0, 300));
      assert.equal(res.headers.get('content-type'), 'application/zip');
      assert.equal(res.headers.get('content-disposition'),
        `attachment; filename="pakopeli-scorm${version === '1.2' ? '12' : '2004'}-julkaisu-1.zip"`);
      const file = path.join(tmp, `r1-${version}.zip`);
      fs.writeFileSync(file, body);
      const got = unzip(file), want = unzip(SHIPPED[version]);
      assert.deepEqual(got.map((f) => f.name), want.map((f) => f.name), 'the same files, imsmanifest.xml first');
      for (const [i, f] of got.entries()) {
        if (f.name === 'levels/game.json') // the same manifest (the seal tool ends its text with a newline)
          assert.deepEqual(JSON.parse(f.bytes), JSON.parse(want[i].bytes), f.name);
        else assert.ok(f.bytes.equals(want[i].bytes), `${f.name} differs from make scorm's`);
      }
      const game = JSON.parse(got.find((f) => f.name === 'levels/game.json').bytes);
      assert.equal(game.release, undefined, 'a package is one release for good: its game pins nothing');
    });
  }

  it('is for admins only, and says which versions there are', async () => {
    assert.equal((await download(server, {}, '1.2')).res.status, 401);
    const out = runCommand(['user', 'add', 'katsoja', '--role=viewer', '--password-stdin', `--data=${data}`], { input: 'viewer password 1\n' });
    assert.match(out, /katsoja/);
    const viewer = new HR(server.url);
    assert.equal((await viewer.login('katsoja', 'viewer password 1')).status, 200);
    assert.equal((await download(server, viewer, '1.2')).res.status, 403, 'a viewer may not');
    const bad = await download(server, admin, '3');
    assert.equal(bad.res.status, 400);
    assert.equal(JSON.parse(bad.body).error.field, 'version');
    assert.match(sql(path.join(data, 'pakopeli.db'), "SELECT detail FROM audit WHERE action = 'scorm-package' ORDER BY id LIMIT 1"),
      /^SCORM 1\.2, release 1, \d+ bytes$/);
  });

  it('carries a volunteer\'s publish: the next package is the new release\'s', async () => {
    const f = (await admin.get('/api/v1/studio/file?name=outlook.json')).data;
    const body = structuredClone(f.published.body);
    body.title = { fi: 'Outlook: posti ja kalenteri (uusi)', sv: 'Outlook: e-post och kalender (ny)', en: 'Outlook: mail and calendar (new)' };
    const d = await admin.post('/api/v1/studio/draft', { name: 'outlook.json', revision: f.revision, body });
    assert.equal(d.status, 200, JSON.stringify(d.data));
    const p = await admin.post('/api/v1/studio/publish', { names: ['outlook.json'], revisions: { 'outlook.json': d.data.revision },
      note: 'Uusi otsikko' });
    assert.equal(p.status, 200, JSON.stringify(p.data));
    // the platform still has release 1: the studio's answer says so, and HR's status
    assert.equal(p.data.release, 2);
    assert.equal(p.data.package_release, 1);
    const st = (await admin.get('/api/v1/hr/scorm/status')).data;
    assert.equal(st.current, 2);
    assert.deepEqual({ release: st.last.release, version: st.last.version, user: st.last.user }, { release: 1, version: '2004', user: 'admin' });
    const { res, body: zip } = await download(server, admin, '2004');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition'), /pakopeli-scorm2004-julkaisu-2\.zip/);
    const file = path.join(tmp, 'r2.zip');
    fs.writeFileSync(file, zip);
    const files = unzip(file);
    const room = JSON.parse(files.find((x) => x.name === 'levels/outlook.json').bytes);
    assert.deepEqual(room.title, body.title);
    assert.ok(room.sealed, 'the room is sealed, as in the web build');
    const game = JSON.parse(files.find((x) => x.name === 'levels/game.json').bytes);
    assert.deepEqual(game.rooms.find((r) => r.id === 'outlook').title, body.title, 'the lobby lists the new title');
    const manifest = files[0];
    assert.equal(manifest.name, 'imsmanifest.xml');
    fs.writeFileSync(path.join(tmp, 'imsmanifest.xml'), manifest.bytes);
    execFileSync('xmllint', ['--noout', path.join(tmp, 'imsmanifest.xml')]);
    const hrefs = [...manifest.bytes.toString().matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURI(m[1]));
    assert.deepEqual(hrefs, files.slice(1).map((x) => x.name), 'the manifest lists every file of the zip');
    const page = files.find((x) => x.name === 'index.html').bytes.toString();
    assert.match(page, /<script src="scorm\.js" data-scorm="2004"><\/script>/);
    assert.ok(!page.includes('report.js') && !files.some((x) => /(^|\/)(report|dev)\.js$|\.(br|gz)$/.test(x.name)));

    // and the learning platform plays it: unzipped under an LMS page whose runtime is scorm-again,
    // the lobby lists the title the volunteer published
    const pkg = path.join(tmp, 'r2');
    execFileSync('python3', ['-m', 'zipfile', '-e', file, pkg]);
    const lms = await hostLms(pkg);
    browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const host = await context.newPage();
    const errors = [];
    host.on('pageerror', (e) => errors.push(e.message));
    await host.goto(`http://127.0.0.1:${lms.address().port}/host`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction((t) => [...document.querySelectorAll('#sr-lines [data-line]')].some((l) => l.textContent.includes(t)),
      body.title.fi, { timeout: 30000 });
    assert.equal(await frame.evaluate(() => typeof window.API_1484_11 === 'undefined' && typeof window.parent.API_1484_11), 'object',
      'the game found the platform\'s SCORM 2004 runtime');
    assert.deepEqual(errors, []);
    await context.close();
    await new Promise((r) => lms.close(r));
  });

  it('HR downloads it from the reports view', async () => {
    browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI', acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/hr/');
    await page.locator('#login-form').getByLabel('Käyttäjätunnus').fill('admin');
    await page.locator('#login-form').getByLabel('Salasana').fill(PASSWORD);
    await page.keyboard.press('Enter');
    // a volunteer publishes release 3: the platform's package (release 2) is older, and HR is told
    const f = (await admin.get('/api/v1/studio/file?name=outlook.json')).data;
    const body = structuredClone(f.published.body);
    body.title.fi = 'Outlook: sähköposti ja kalenteri';
    const d = await admin.post('/api/v1/studio/draft', { name: 'outlook.json', revision: f.revision, body });
    const p = await admin.post('/api/v1/studio/publish', { names: ['outlook.json'], revisions: { 'outlook.json': d.data.revision },
      note: 'Otsikko takaisin' });
    assert.equal(p.data.release, 3);
    await page.getByRole('link', { name: 'Raportit' }).click();
    await page.locator('#scorm-release', { hasText: /^Nyt julkaistu: julkaisu 3\. Viimeksi ladattu paketti: julkaisu 2 \(SCORM 2004\), .*, admin\.$/ }).waitFor();
    assert.match(await page.locator('#scorm-stale').textContent(), /^Oppimisympäristön paketti on vanhempi/);
    await page.locator('#scorm').scrollIntoViewIfNeeded();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'hr-scorm-stale-fi.png') });
    const [dl] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa SCORM 1.2 -paketti (suositus)' }).click()]);
    assert.equal(dl.suggestedFilename(), 'pakopeli-scorm12-julkaisu-3.zip');
    const saved = path.join(tmp, 'from-dashboard.zip');
    await dl.saveAs(saved);
    assert.ok(unzip(saved).some((x) => x.name === 'imsmanifest.xml'));
    await page.locator('#scorm-out', { hasText: /^Ladattu: pakopeli-scorm12-julkaisu-3\.zip \(\d+ kt\)\.$/ }).waitFor();
    // now the platform can have the newest: the warning goes
    await page.locator('#scorm-release', { hasText: /Viimeksi ladattu paketti: julkaisu 3 \(SCORM 1\.2\)/ }).waitFor();
    assert.equal(await page.locator('#scorm-stale').isHidden(), true);
    await page.locator('#scorm').scrollIntoViewIfNeeded();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'hr-scorm-fi.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('content whose resume state could outgrow SCORM 1.2', () => {
  let server, admin;
  before(async () => {
    // the shipped game with twelve large choices added to Outlook (publishable: hints, lessons,
    // reasons), so only the package's bound speaks
    const dir = tempDir('pk-big-game-');
    fs.cpSync(LEVELS, dir, { recursive: true });
    const text = (en) => ({ fi: `${en} (fi)`, sv: `${en} (sv)`, en });
    const room = JSON.parse(fs.readFileSync(path.join(dir, 'outlook.json'), 'utf8'));
    let last = room.puzzles[room.puzzles.length - 1].id;
    for (let n = 0; n < 12; n++) {
      room.puzzles.push({
        id: `big-${n}`, kind: 'choice', requires: [last], prompt: text(`Choose the safe ones (${n}).`),
        options: Array.from({ length: 24 }, (_, i) => ({ id: `o${i}`, correct: i % 2 === 1, text: text(`Option number ${i}`),
          explain: text(i % 2 === 1 ? 'This one is safe.' : 'This one is not safe.') })),
        hints: [text('Hint one.'), text('Hint two.'), text('Hint three.')], solved: text('Well done: you chose the safe ones.'),
      });
      last = `big-${n}`;
    }
    fs.writeFileSync(path.join(dir, 'outlook.json'), JSON.stringify(room, null, 1));
    server = await startServer({ levels: dir });
    admin = new HR(server.url);
    await admin.firstLogin(server, PASSWORD);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('is refused for 1.2, saying by how much, and packed for 2004', async () => {
    const { res, body } = await download(server, admin, '1.2');
    assert.equal(res.status, 422);
    const r = JSON.parse(body);
    assert.equal(r.error.code, 'lint_errors');
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error').map((p) => p.code), ['too-many'], JSON.stringify(r.problems));
    const over = r.problems.find((p) => p.severity === 'error');
    assert.match(over.messages.en, /can reach \d+ characters, \d+ more than SCORM 1\.2 keeps .*, or the SCORM 2004 package$/);
    // in each language whole (its last words were once pasted in English)
    assert.match(over.messages.fi, /^pelin jatkotila voi kasvaa \d+ merkkiin, \d+ enemmän kuin SCORM 1\.2 säilyttää .*tai käytä SCORM 2004 -pakettia$/);
    assert.match(over.messages.sv, /eller SCORM 2004-paketet$/);
    const fits = await download(server, admin, '2004');
    assert.equal(fits.res.status, 200, fits.body.toString().slice(0, 400));
  });
});
