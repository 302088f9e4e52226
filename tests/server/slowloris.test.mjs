// Connections that trickle (issue 15): a client sending a header byte every few seconds used to
// keep its connection, and with 128 of them its address, for as long as it liked (the idle
// timeout counts from the last byte). Now a request's headers must be complete 10 s after the
// connection opened, whatever trickles in, and an address has at most 128 connections.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './lib.mjs';

const open = (port) => new Promise((resolve, reject) => {
  const s = net.connect(port, '127.0.0.1', () => resolve(s));
  s.on('error', reject);
});
const closed = (s) => new Promise((resolve) => { if (s.destroyed) resolve(); else s.on('close', resolve); });

describe('connections that trickle', () => {
  let server;
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('cuts a connection whose headers trickle past 10 s, and serves others meanwhile', async () => {
    server = await startServer();
    const port = Number(new URL(server.url).port);
    const socks = await Promise.all(Array.from({ length: 20 }, () => open(port)));
    const t0 = Date.now();
    const ends = socks.map((s) => closed(s).then(() => Date.now() - t0));
    for (const s of socks) { s.on('error', () => {}); s.write('GET / HTTP/1.1\r\n'); }
    const timer = setInterval(() => { for (const s of socks) if (!s.destroyed) s.write('X'); }, 2000);
    try {
      const res = await fetch(server.url + '/api/v1/config');
      assert.equal(res.status, 200, 'a new client is served while they trickle');
      const times = await Promise.race([Promise.all(ends),
        new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 20 s')), 20000))]);
      for (const ms of times) assert.ok(ms >= 8000 && ms < 14000, `cut after ${ms} ms`);
    } finally { clearInterval(timer); for (const s of socks) s.destroy(); }
  });

  it('takes at most 128 connections from one address', async () => {
    // Which connections are refused depends on what the address already holds: a connection of
    // the test before (fetch keeps its socket a few seconds; the server reaps a cut one a moment
    // after the client sees it closed) counts until it goes, so "the 129th is refused" was luck
    // under load (CI once saw the 128th refused and the 129th kept, a leftover having gone in
    // between). What must hold: of 160 opened, no more than 128 are kept, and all but the few
    // that leftovers can take are.
    const port = Number(new URL(server.url).port);
    const socks = [];
    try {
      for (let i = 0; i < 160; i++) { const s = await open(port); s.on('error', () => {}); socks.push(s); }
      const deadline = Date.now() + 5000;
      let kept;
      while ((kept = socks.filter((s) => !s.destroyed).length) > 128 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      assert.ok(kept <= 128, `${kept} of 160 connections from one address kept`);
      assert.ok(kept >= 120, `only ${kept} kept: the limit refused more than it should`);
    } finally { for (const s of socks) s.destroy(); }
    // and the address is served again once they are gone
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await fetch(server.url + '/api/v1/config')).status, 200);
  });
});
