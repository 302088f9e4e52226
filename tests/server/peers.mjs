// peers.mjs - the real peers the report server talks to, on loopback, for the tests: an SMTP
// server (Debian's python3-aiosmtpd, smtp_sink.py) and an OpenID provider (npm oidc-provider,
// oidc/provider.mjs), and a browser's way through a sign-in (redirects and cookies per site).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, tempDir } from './lib.mjs';

export async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function spawnReady(cmd, args, what, timeout = 30000) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  process.on('exit', () => child.kill('SIGKILL'));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${err}`)), timeout);
    child.stdout.on('data', (d) => { if (String(d).includes('listening')) { clearTimeout(timer); resolve(); } });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${what} exited ${code}: ${err}`)); });
  });
  return { child, ready, errors: () => err };
}

// The SMTP server; messages() reads what arrived, decoded as a mailbox shows it.
export async function startSink(extra = []) {
  const dir = tempDir('pk-mail-'), port = await freePort();
  const p = spawnReady('/usr/bin/python3', [path.join(ROOT, 'tests/server/smtp_sink.py'), dir, String(port), ...extra], 'smtp sink');
  await p.ready;
  return {
    port, dir, errors: p.errors,
    messages: () => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
    stop: () => p.child.kill('SIGTERM'),
  };
}

// The OpenID provider at a fixed port (its issuer URL), signing with the key in keyFile.
export async function startProvider(port, redirect, keyFile) {
  const p = spawnReady(process.execPath, [path.join(ROOT, 'tests/server/oidc/provider.mjs'), String(port), redirect, keyFile], 'provider');
  await p.ready;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => { p.child.on('exit', r); p.child.kill('SIGTERM'); }) };
}

// A browser's cookies for one site.
export class Jar {
  constructor() { this.c = new Map(); }
  take(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim(), value = pair.slice(i + 1);
      if (!value || /max-age=0/i.test(line)) this.c.delete(name); else this.c.set(name, value);
    }
  }
  header() { return [...this.c].map(([k, v]) => `${k}=${v}`).join('; '); }
}

// Signs in at server as the provider's account (purpose "player" or "hr"), following the
// redirects like a browser; returns the callback's answer and our site's cookies.
export async function signIn(server, provider, purpose, account, { tamper, otherBrowser } = {}) {
  await fetch(`${provider}/test/login?account=${account}`, { method: 'POST' });
  if (tamper) await fetch(`${provider}/test/tamper?mode=${tamper}`, { method: 'POST' });
  const ours = new Jar(), theirs = new Jar();
  let res = await fetch(`${server}/api/v1/oidc/login?for=${purpose}`, { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  ours.take(res);
  let url = res.headers.get('location');
  const authorize = new URL(url);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256', 'PKCE with SHA-256');
  assert.match(authorize.searchParams.get('code_challenge') || '', /^[A-Za-z0-9_-]{43}$/);
  assert.ok(authorize.searchParams.get('nonce') && authorize.searchParams.get('state'));
  for (let hops = 0; url.startsWith(provider); hops++) {
    assert.ok(hops < 12, 'too many redirects at the provider');
    res = await fetch(url, { redirect: 'manual', headers: { cookie: theirs.header() } });
    theirs.take(res);
    assert.ok([302, 303].includes(res.status), `${url}: ${res.status} ${await res.text()}`);
    url = new URL(res.headers.get('location'), url).href;
  }
  assert.ok(url.startsWith(`${server}/api/v1/oidc/callback?`), url);
  const cb = await fetch(url, { redirect: 'manual', headers: otherBrowser ? {} : { cookie: ours.header() } });
  ours.take(cb);
  return { status: cb.status, location: cb.headers.get('location'), body: await cb.text(), jar: ours, callback: url };
}

export async function until(what, fn, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}
