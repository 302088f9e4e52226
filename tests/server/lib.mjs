// lib.mjs - helpers for the report server tests: a real pakopeli-server on a free loopback port
// with a temporary data folder, an HR client that keeps its cookie and CSRF token, a player
// client, and the known solution of the Outlook room.
//
// Every server started here is killed when the test process ends, even on failure.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = process.env.PAKOPELI_SERVER || path.join(ROOT, 'build/native/pakopeli-server');
export const WEB = process.env.PAKOPELI_WEB || path.join(ROOT, 'build/web');
export const HR_DIR = path.join(ROOT, 'game/server/hr');
// The tests play a fixed copy of the first room (the shipped levels/ keep changing).
export const LEVELS = path.join(ROOT, 'tests/fixtures/first-room');

// A copy of build/web whose levels/ is LEVELS, so the game in the browser and the server's
// replay read the same files. Copied, not linked: the server serves no symlinks out of its root.
// Others may be rebuilding build/web while the tests run: copy only a settled build (the
// engine's .js and .wasm unchanged for a few seconds, and the same after the copy).
export async function webWithFixture(levels = LEVELS) {
  const stamp = () => ['pakopeli.js', 'pakopeli.wasm'].map((f) => {
    const st = fs.statSync(path.join(WEB, f));
    return `${st.size}:${st.mtimeMs}`;
  }).join('|');
  for (let tries = 0; tries < 60; tries++) {
    const before = stamp();
    const age = Date.now() - fs.statSync(path.join(WEB, 'pakopeli.wasm')).mtimeMs;
    if (age > 3000 && !before.startsWith('0:') && !before.includes('|0:')) {
      const root = tempDir('pk-web-');
      // timestamps kept: a FILE.br is served only when it is not older than FILE (files.c)
      fs.cpSync(WEB, root, { recursive: true, preserveTimestamps: true, filter: (src) => !src.startsWith(path.join(WEB, 'levels')) });
      fs.cpSync(levels, path.join(root, 'levels'), { recursive: true });
      if (stamp() === before) return root;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('build/web kept changing; is a build running?');
}

const running = new Set(), temps = [];
process.on('exit', () => {
  for (const child of running) try { child.kill('SIGKILL'); } catch { /* gone */ }
  if (!process.env.PAKOPELI_KEEP_TEMP) for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

// A temporary folder, removed when the tests end (set PAKOPELI_KEEP_TEMP=1 to look inside).
export function tempDir(name = 'pk-server-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
  temps.push(dir);
  return dir;
}

// Runs a pakopeli-server command (user, backup, restore, check) to completion.
export function runCommand(args, { input } = {}) {
  return execFileSync(SERVER, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PAKOPELI_TEST_CLOCK: '1' } });
}

// Starts `pakopeli-server serve`; resolves when it listens. opts.args adds flags.
export async function startServer({ data = tempDir(), args = [], web = WEB, port = 0, levels = LEVELS } = {}) {
  // feedback_min_respondents=1: the tests' few players see their comments; privacy.test.mjs
  // tests the default (and a test's own args come later, so they win)
  const child = spawn(SERVER, ['--address=127.0.0.1', `--port=${port}`, `--data=${data}`, `--levels=${levels}`,
    `--web=${web}`, `--hr=${HR_DIR}`, '--threads=4', '--feedback_min_respondents=1', ...args],
  // PAKOPELI_TEST_CLOCK: the tests may move the server's clock (clock_offset); production may not
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PAKOPELI_TEST_CLOCK: '1' } });
  running.add(child);
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    running.delete(child);
    resolve({ code, signal });
  }));
  const started = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 20000);
    const check = () => {
      const m = /listening on (http:\/\/[^ ]+?)\/ /.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', check);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}\n${err}`));
    });
  });
  const pw = /one-time password: (\S+)/.exec(out);
  return {
    url: started, data, child, adminPassword: pw ? pw[1] : null,
    output: () => out, errors: () => err, exited,
    // Graceful stop; resolves with the exit code (ASan reports leaks and errors through it).
    async stop() {
      if (child.exitCode !== null || child.signalCode) return exited;
      child.kill('SIGTERM');
      return exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

// An HR user's browser: keeps the session cookie and the CSRF token.
export class HR {
  constructor(base) { this.base = base; this.cookie = null; this.csrf = null; this.session = null; }

  async request(method, p, body, { raw = false, headers = {} } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method === 'POST') h['x-csrf-token'] = this.csrf;
    if (body !== undefined && !raw) h['content-type'] = 'application/json';
    const res = await fetch(this.base + p, { method, headers: h, body: raw || body === undefined ? body : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const m = /^((?:__Host-)?pk_session)=([^;]*)/.exec(c);
      if (m) this.cookie = m[2] ? `${m[1]}=${m[2]}` : null;
    }
    const type = res.headers.get('content-type') || '';
    // ignoreBOM: keep a byte-order mark, so tests can see that exports start with one
    const data = type.includes('json') ? await res.json() : new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    return { status: res.status, data, headers: res.headers };
  }

  get(p) { return this.request('GET', p); }
  post(p, body = {}) { return this.request('POST', p, body); }

  async login(user, password) {
    const r = await this.post('/api/v1/hr/login', { user, password });
    if (r.status === 200) { this.csrf = r.data.csrf; this.session = r.data; }
    return r;
  }

  // Logs in as the first admin and replaces the one-time password; returns the new one.
  async firstLogin(server, newPassword = 'correct horse battery staple') {
    const r = await this.login('admin', server.adminPassword);
    if (r.status !== 200) throw new Error(`first login failed: ${JSON.stringify(r.data)}`);
    const c = await this.post('/api/v1/hr/password', { old: server.adminPassword, new: newPassword });
    if (c.status !== 200) throw new Error(`password change failed: ${JSON.stringify(c.data)}`);
    return newPassword;
  }

  async invite(fields) {
    const r = await this.post('/api/v1/hr/people', { unit: 'Testiyksikkö', start_date: '2025-03-01', ...fields });
    if (r.status !== 201) throw new Error(`invite failed: ${r.status} ${JSON.stringify(r.data)}`);
    return r.data;
  }

  async person(id) { return (await this.get(`/api/v1/hr/people/${id}`)).data; }
}

// A player's game: numbers its events and sends them like web/report.js does.
export class Player {
  constructor(base, token, play = 'p' + Math.random().toString(36).slice(2, 10)) {
    this.base = base; this.token = token; this.play = play; this.seq = 0; this.t = 0;
  }

  event(puzzle, answer, extra = {}) {
    this.seq += 1;
    this.t += 1500;
    const ev = { v: 1, seq: this.seq, room: 'outlook', puzzle, t: this.t, ...extra };
    if (answer !== null) ev.answer = answer;
    return { key: `${this.play}:${this.seq}`, event: ev };
  }

  async send(items, { token = this.token, play = this.play } = {}) {
    const res = await fetch(this.base + '/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ play, events: items }),
    });
    return { status: res.status, data: await res.json() };
  }

  async me() {
    const res = await fetch(this.base + '/api/v1/me', { headers: { authorization: `Bearer ${this.token}` } });
    return { status: res.status, data: await res.json() };
  }
}

// The Outlook room played through: one mistake (the date) before the four signs, then a
// wrong choice and the right one. Score: 100 - 2 mistakes * 5 = 90.
export function solution(p) {
  return [
    p.event('signs', ['date']),
    p.event('signs', ['sender']),
    p.event('signs', ['urgency']),
    p.event('signs', ['link']),
    p.event('signs', ['attachment']),
    p.event('what-to-do', ['reply']),
    p.event('what-to-do', ['report']),
  ];
}

// Runs SQL on a database file with Debian's sqlite3 (read-only).
export function sql(dbFile, query) {
  return execFileSync('sqlite3', ['-readonly', '-batch', dbFile, query], { encoding: 'utf8' }).trim();
}
