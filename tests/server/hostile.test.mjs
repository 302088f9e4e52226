// What a security audit and a fuzzer did to the report server (issue 15), each a test that
// failed before its fix: quadratic time from one player's request, NUL and direction
// characters in stored text, and an HR account that got more rights than it asked for.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, runCommand, tempDir, HR, Player, ROOT } from './lib.mjs';

describe('hostile input', () => {
  let server, hr, token;

  before(async () => {
    server = await startServer();
    hr = new HR(server.url);
    await hr.firstLogin(server);
    token = (await hr.invite({ name: 'Testi Pelaaja' })).token;
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  const post = (body) => fetch(server.url + '/api/v1/events', {
    method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });

  // The fastest of a few requests: the server's own time, as little of the machine's as can be.
  async function best(body, runs = 4) {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const res = await post(body);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      assert.equal(res.status, 400);
      const json = await res.json();
      assert.equal(json.error.code, 'unknown_field');
      min = Math.min(min, ms);
    }
    return min;
  }

  it('refuses many unknown fields in time linear in the request (10x the fields, at most 15x the time)', async () => {
    const body = (n) => {
      const o = { play: 'p1', events: [] };
      for (let i = 0; i < n; i++) o[`f${i}`] = 1;
      return JSON.stringify(o);
    };
    const small = body(2000), large = body(20000); // about 20 kB and 230 kB, under the 256 kB limit
    await best(small, 1); // warm up
    const t1 = await best(small), t10 = await best(large);
    const ratio = t10 / t1, grew = large.length / small.length;
    console.log(`  ${small.length} bytes ${t1.toFixed(1)} ms, ${large.length} bytes ${t10.toFixed(1)} ms: ${ratio.toFixed(1)}x for ${grew.toFixed(1)}x`);
    assert.ok(ratio <= 1.5 * grew, `${ratio.toFixed(1)}x the time for ${grew.toFixed(1)}x the input`);
  });

  it('refuses a NUL inside a string anywhere in a request', async () => {
    const p = new Player(server.url, token);
    const item = p.event('signs', ['sender']);
    item.event.room = 'outlook\u0000evil';
    const r = await p.send([item]);
    assert.equal(r.status, 400, JSON.stringify(r.data));
    assert.match(r.data.error.message, /NUL/);
    const inv = await hr.post('/api/v1/hr/people', { name: 'a\u0000b', unit: 'Testiyksikkö', start_date: '2025-03-01' });
    assert.equal(inv.status, 400, JSON.stringify(inv.data));
  });

  it('takes a bounded number of comments from one player', async () => {
    const { token: tok } = await hr.invite({ name: 'Kommentoija' });
    const send = () => fetch(server.url + '/api/v1/feedback', { method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
      body: JSON.stringify({ rating: 4, text: 'x'.repeat(1900) }) });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await send()).status);
    assert.equal(statuses.filter((s) => s === 201).length, 30, statuses.join(','));
    assert.ok(statuses.slice(30).every((s) => s === 429), statuses.join(','));
  });

  it('refuses direction marks and line separators in names', async () => {
    for (const name of ['Aino\u200f Kallio', 'Aino\u2028Kallio', 'Aino\u061cKallio']) {
      const r = await hr.post('/api/v1/hr/people', { name, unit: 'Testiyksikkö', start_date: '2025-03-01' });
      assert.equal(r.status, 400, `${JSON.stringify(name)}: ${JSON.stringify(r.data)}`);
    }
  });

  it('gives a new HR account the least rights unless a role is asked for', () => {
    const data = tempDir();
    runCommand(['user', 'add', 'uusi', '--password-stdin', `--data=${data}`], { input: 'a long new password 1\n' });
    const list = runCommand(['user', 'list', `--data=${data}`]);
    assert.match(list, /^uusi\s+viewer/m, list);
  });

  it('refuses common passwords and the own name, and throttles guessing the current one', async () => {
    runCommand(['user', 'add', 'tarkastaja', '--password-stdin', `--data=${server.data}`], { input: 'vanha hyvä salasana\n' });
    const h = new HR(server.url);
    assert.equal((await h.login('tarkastaja', 'vanha hyvä salasana')).status, 200);
    // the last four are in the breached-password list (zxcvbn-ts's), bare or dressed up
    for (const weak of ['123456789012', 'aaaaaaaaaaaa', 'qwertyuiopas', 'Tarkastaja2025!', 'password1234',
      '1qaz2wsx3edc', 'Sunshine2025!', '!!Liverpool1892']) {
      const r = await h.post('/api/v1/hr/password', { old: 'vanha hyvä salasana', new: weak });
      assert.equal(r.status, 400, `${weak}: ${JSON.stringify(r.data)}`);
      assert.equal(r.data.error.code, 'weak_password');
    }
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await h.post('/api/v1/hr/password', { old: `arvaus ${i}`, new: 'uusi pitkä salasana' })).status);
    assert.deepEqual(statuses.slice(0, 5), [403, 403, 403, 403, 403]);
    assert.equal(statuses[6], 429, statuses.join(','));
  });

  it('documents a systemd unit that systemd-analyze rates below 3 (exposure)', (t) => {
    try { execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' }); } catch { t.skip('no systemd-analyze'); return; }
    const doc = fs.readFileSync(path.join(ROOT, 'docs/operating.md'), 'utf8');
    const unit = /```ini\n(\[Unit\][^`]*)```/.exec(doc);
    assert.ok(unit, 'operating.md has a systemd unit');
    const file = path.join(tempDir(), 'pakopeli.service');
    fs.writeFileSync(file, unit[1]);
    // --threshold is on the 0..100 scale of the 0.0..10.0 rating: 30 is 3.0
    const out = execFileSync('systemd-analyze', ['security', '--offline=true', '--threshold=30', file], { encoding: 'utf8' });
    const level = /Overall exposure level for pakopeli.service: ([\d.]+)/.exec(out);
    assert.ok(level && Number(level[1]) < 3, out.slice(-200));
  });
});
