// The first load of a SCORM package from the dashboard, in a learning platform: the package's page
// preloads exactly what the engine then loads of the content the package carries (the current
// release), every preload is in the package, and nothing is fetched twice or for nothing.
//
// Before, the server's package kept the web build's preloads: after a volunteer gave the lobby
// another picture in the studio, the package's page still preloaded the build's lobby picture,
// fetched and never used (Chromium: "preloaded but not used"), while the new one came a round
// trip later. The platform here is scorm-again's SCORM 1.2 runtime
// (npm, as tests/e2e/scorm.test.mjs) on loopback, and it serves the engine as Moodle does a type it
// does not know, application/octet-stream: the game still starts, from one download of the engine.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { startServer, tempDir, HR, ROOT } from './lib.mjs';

const LEVELS = path.join(ROOT, 'levels');

// A platform on loopback: the host page with the runtime, the unzipped package under /pkg/.
function hostLms(dir) {
  const dist = path.join(ROOT, 'tests/e2e/node_modules/scorm-again/dist');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf' }; // no .wasm: octet-stream, as an LMS may
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST') {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true,"errorCode":0}'));
      return;
    }
    if (url.pathname === '/host') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="fi"><head><meta charset="utf-8">
<title>Oppimisympäristö</title><script src="/runtime/scorm12.js"></script>
<script>window.API = new Scorm12API({ lmsCommitUrl: '/commit', dataCommitFormat: 'flattened', autocommit: false, logLevel: 5 });</script>
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

describe('a SCORM package\'s first load in a learning platform', () => {
  let server, admin, browser, lms;
  const tmp = tempDir('pk-scorm-fl-');
  before(async () => {
    server = await startServer({ levels: LEVELS });
    admin = new HR(server.url);
    await admin.firstLogin(server);
    // a volunteer's publish: the lobby gets another picture
    const f = (await admin.get('/api/v1/studio/file?name=hub.json')).data;
    const body = structuredClone(f.published.body);
    assert.equal(body.scene.background, 'assets/scenes/lobby.svg', 'the build\'s lobby picture, preloaded by its page');
    body.scene.background = 'assets/scenes/clinic.svg';
    const d = await admin.post('/api/v1/studio/draft', { name: 'hub.json', revision: f.revision, body });
    assert.equal(d.status, 200, JSON.stringify(d.data));
    const p = await admin.post('/api/v1/studio/publish', { names: ['hub.json'], revisions: { 'hub.json': d.data.revision }, note: 'Uusi aula' });
    assert.equal(p.status, 200, JSON.stringify(p.data));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    if (lms) await new Promise((r) => lms.close(r));
    assert.equal((await server.stop()).code, 0, server.errors());
  });

  it('preloads what the engine loads of the release it carries, all of it in the package, each file once', async () => {
    const res = await fetch(`${server.url}/api/v1/hr/scorm?version=1.2`, { headers: { cookie: admin.cookie } });
    assert.equal(res.status, 200, res.status === 200 ? '' : JSON.stringify(await res.clone().json()).slice(0, 6000));
    const zip = path.join(tmp, 'pkg.zip'), dir = path.join(tmp, 'pkg');
    fs.writeFileSync(zip, Buffer.from(await res.arrayBuffer()));
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
    const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const preloaded = [...page.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => decodeURI(m[1]));
    const missing = preloaded.filter((f) => !fs.existsSync(path.join(dir, f)));
    assert.deepEqual(missing, [], 'every preload is a file of the package');

    lms = await hostLms(dir);
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const host = await context.newPage();
    const requests = [], failed = [], warnings = [], errors = [];
    host.on('request', (r) => { if (r.url().includes('/pkg/')) requests.push(new URL(r.url()).pathname.slice(5)); });
    host.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    host.on('console', (m) => { if (/preload/i.test(m.text())) warnings.push(m.text()); });
    host.on('pageerror', (e) => errors.push(e.message));
    await host.goto(`http://127.0.0.1:${lms.address().port}/host`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 30000, polling: 20 });
    // what was asked for before the first interactive frame (as tests/bench/measure.mjs firstLoad):
    // the rest (other rooms, comics) comes after it, and the player does not wait for it
    const fetchedBefore = await frame.evaluate(() => performance.getEntriesByType('resource')
      .filter((r) => r.startTime <= window.pakopeli.marks.interactive)
      .map((r) => decodeURIComponent(new URL(r.name).pathname.replace(/^\/pkg\//, '')))
      .filter((f) => /^(levels|assets)\//.test(f)));
    // Chromium says "preloaded but not used" a few seconds after the load
    await host.waitForTimeout(3500);
    assert.deepEqual(failed, [], 'nothing the page asks for is missing');
    assert.deepEqual(warnings, [], 'no preload goes unused');
    assert.deepEqual(errors, []);
    const content = preloaded.filter((f) => /^(levels|assets)\//.test(f));
    assert.deepEqual([...new Set(fetchedBefore)].sort(), [...content].sort(),
      'before the game is playable the content fetched is the preloads, and nothing comes a round trip later');
    // the page fetches every preload whether the engine wants it or not: what the engine itself
    // asked for (web/shell.js pakopeli.asked) tells a preload fetched for nothing
    const asked = await frame.evaluate(() => Object.keys(window.pakopeli.asked));
    assert.deepEqual(content.filter((f) => !asked.includes(f)), [], 'every preload is one the engine uses');
    const twice = requests.filter((f, i) => requests.indexOf(f) !== i);
    assert.deepEqual(twice, [], 'no file is fetched twice (a preload the engine did not reuse)');
    assert.equal(requests.filter((f) => f === 'pakopeli.wasm').length, 1, 'the engine once, though served as octet-stream');
    assert.ok(content.includes('assets/scenes/clinic.svg') && !content.includes('assets/scenes/lobby.svg'),
      `the lobby's new picture, not the build's: ${content}`);
    await context.close();
  });
});
