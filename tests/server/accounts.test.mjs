// Accounts behind a reverse proxy (issue 15): login throttles count the client's own address,
// taken from X-Forwarded-For only when the request comes from a configured trusted proxy, so
// made-up names from one client cannot lock everyone out; common passwords are refused at the
// command line as on the dashboard.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCommand, tempDir, HR } from './lib.mjs';

const login = (server, user, password, xff) => fetch(server.url + '/api/v1/hr/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
  body: JSON.stringify({ user, password }),
});

// 30 failed logins with made-up names from one client: the lock-out
async function guess(server, xff) {
  for (let i = 0; i < 30; i++) {
    const r = await login(server, `keksitty${i}`, 'väärä salasana', xff);
    assert.equal(r.status, 401, `attempt ${i}`);
  }
  return (await login(server, 'keksitty99', 'väärä salasana', xff)).status;
}

describe('login throttling per client address behind a trusted proxy', () => {
  const servers = [];
  after(async () => { for (const s of servers) assert.equal((await s.stop()).code, 0, s.errors()); });

  it('counts the address the trusted proxy names, not the proxy\'s own', async () => {
    const server = await startServer({ args: ['--trusted_proxies=127.0.0.1, ::1'] });
    servers.push(server);
    await new HR(server.url).firstLogin(server, 'ylläpidon oma salasana');
    assert.equal(await guess(server, '203.0.113.9'), 429, 'the guessing client waits');
    // the client's own claim in front of the proxy's entry changes nothing
    assert.equal((await login(server, 'keksitty', 'x', '198.51.100.1, 203.0.113.9')).status, 429);
    const real = await login(server, 'admin', 'ylläpidon oma salasana', '198.51.100.7');
    assert.equal(real.status, 200, 'the real user, from another address, gets in');
    // without the header the request is the proxy's own (the machine itself): not throttled either
    assert.equal((await login(server, 'admin', 'ylläpidon oma salasana')).status, 200);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const server = await startServer();
    servers.push(server);
    await new HR(server.url).firstLogin(server, 'ylläpidon oma salasana');
    assert.equal(await guess(server, '203.0.113.10'), 429);
    const other = await login(server, 'admin', 'ylläpidon oma salasana', '198.51.100.8');
    assert.equal(other.status, 429, 'a made-up header cannot escape the throttle: the address is the peer\'s');
  });

  it('refuses a trusted proxy that is not an address', async () => {
    const bad = await startServer({ args: ['--trusted_proxies=proxy.example.fi'] }).catch((e) => e);
    assert.match(String(bad), /trusted_proxies: "proxy.example.fi" is not an IP address/);
  });

  it('refuses a common password at the command line too', () => {
    const data = tempDir();
    const r = (() => {
      try { runCommand(['user', 'add', 'maija', '--password-stdin', `--data=${data}`], { input: 'Password1234!\n' }); return ''; }
      catch (e) { return String(e.stderr || e.message); }
    })();
    assert.match(r, /not on the list of common and leaked passwords/);
  });
});

describe('a password change is throttled per client address too', () => {
  let server;
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('counts wrong current passwords from one address across the sessions of several users', async () => {
    server = await startServer({ args: ['--trusted_proxies=127.0.0.1'] });
    await new HR(server.url).firstLogin(server, 'ylläpidon oma salasana');
    const data = server.data;
    const sessions = [];
    for (let i = 0; i < 8; i++) {
      runCommand(['user', 'add', `katsoja${i}`, '--password-stdin', `--data=${data}`], { input: `katsojan oma salasana ${i}\n` });
      // signed in through the proxy too (its cookie is then the __Host- one)
      const h = new HR(server.url);
      const r = await h.request('POST', '/api/v1/hr/login', { user: `katsoja${i}`, password: `katsojan oma salasana ${i}` },
        { headers: { 'x-forwarded-for': '203.0.113.50' } });
      assert.equal(r.status, 200);
      h.csrf = r.data.csrf;
      sessions.push(h);
    }
    // four wrong guesses per account (under the per-user limit of 5), from one address
    const statuses = [];
    for (const h of sessions)
      for (let k = 0; k < 4; k++)
        statuses.push((await h.request('POST', '/api/v1/hr/password', { old: `arvaus ${k}`, new: 'uusi pitkä salasana' },
          { headers: { 'x-forwarded-for': '203.0.113.50' } })).status);
    assert.ok(statuses.includes(429), `the address is throttled after 30 wrong guesses: ${statuses.join(',')}`);
    assert.equal(statuses.indexOf(429), 30, statuses.join(','));
  });
});
