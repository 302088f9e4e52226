// Embedding the served game (issue 16): by default no other page may frame it; with
// frame_ancestors the listed origins may (an intranet or a learning platform page), others
// still may not, and the dashboard and the API stay unframeable whatever the setting.
// Chromium is the judge: a page on one loopback origin frames the game served on another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { startServer, webWithFixture } from './lib.mjs';

let browser, web;
const hosts = [];

// A page on its own origin (another loopback port) that frames the game at gameUrl.
function hostPage() {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><title>Intra</title><iframe style="width:1280px;height:720px" src="${src}"></iframe>`);
  });
  hosts.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

// True when the game started inside a frame of the host page.
async function framed(host, gameUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${host}/?src=${encodeURIComponent(gameUrl)}`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  let started = false;
  await page.waitForLoadState('load');
  // A refused frame shows the browser's error page instead (and would never start).
  if (frame.url().startsWith('chrome-error:')) {
    await context.close();
    return false;
  }
  try {
    await frame.waitForFunction(() => window.pakopeli && window.pakopeli.marks && window.pakopeli.marks.started,
      null, { timeout: 8000 });
    started = true;
  } catch (e) { started = false; }
  await context.close();
  return started;
}

before(async () => {
  web = await webWithFixture();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser.close();
  for (const h of hosts) await new Promise((r) => h.close(r));
});

test('by default the game refuses every frame', async () => {
  const server = await startServer({ web });
  const res = await fetch(`${server.url}/`);
  assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(await framed(await hostPage(), `${server.url}/`), false);
  assert.equal((await server.stop()).code, 0, server.errors());
});

test('frame_ancestors lets the listed origins frame the game, and only the game', async () => {
  const intra = await hostPage(), other = await hostPage();
  const server = await startServer({ web, args: [`--frame_ancestors=${intra}, https://*.example.fi`] });
  const res = await fetch(`${server.url}/`);
  assert.match(res.headers.get('content-security-policy'), new RegExp(`frame-ancestors ${intra} https://\\*\\.example\\.fi;`));
  assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options cannot list origins: CSP decides');
  assert.equal(await framed(intra, `${server.url}/`), true, 'a listed origin frames the game');
  assert.equal(await framed(other, `${server.url}/`), false, 'an origin not listed does not');
  for (const p of ['/hr/', '/api/v1/config']) {
    const r = await fetch(server.url + p);
    assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/, p);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', p);
  }
  assert.equal((await server.stop()).code, 0, server.errors());
});

test('a frame_ancestors value that is not a list of origins is refused at start', async () => {
  for (const bad of ['https://intra.example.fi/path', "https://x; script-src 'unsafe-inline'", 'intra.example.fi', 'https://']) {
    await assert.rejects(startServer({ web, args: [`--frame_ancestors=${bad}`] }), /frame_ancestors: .* is not an origin/, bad);
  }
});
