// Issue 14, sign-in with the work account: OpenID Connect (authorization code + PKCE) against a
// real OpenID provider on loopback (npm oidc-provider, tests/server/oidc/provider.mjs). The test
// is the browser: it follows the redirects and keeps each site's cookies. Players are matched to
// their invitation by e-mail or created with the unit claim; HR roles come from the group claim;
// a wrong signature, audience, issuer or nonce, an expired or malformed token and a replayed state
// are each refused with a clear message; rotated keys are fetched again.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, HR, Player, solution, tempDir } from './lib.mjs';
import { freePort, startProvider, signIn as browserSignIn } from './peers.mjs';

const CLIENT_SECRET = 'client secret for the tests';

describe('sign-in with the work account against a real OpenID provider', () => {
  let server, provider, hr, port, pport, keyFile, invited;
  const args = () => [`--public-url=http://127.0.0.1:${port}`, `--oidc-issuer=http://127.0.0.1:${pport}`,
    '--oidc-client-id=pakopeli', `--oidc-client-secret-file=${secretFile}`, '--oidc-scopes=openid email profile groups unit',
    '--oidc-unit-claim=unit', '--oidc-admin-groups=pakopeli-hr-admins', '--oidc-manager-groups=pakopeli-managers, other'];
  let secretFile;

  before(async () => {
    port = await freePort();
    pport = await freePort();
    const dir = tempDir();
    keyFile = path.join(dir, 'key.json');
    secretFile = path.join(dir, 'client-secret');
    fs.writeFileSync(secretFile, CLIENT_SECRET + '\n', { mode: 0o600 });
    provider = await startProvider(pport, `http://127.0.0.1:${port}/api/v1/oidc/callback`, keyFile);
    server = await startServer({ port, args: args() });
    hr = new HR(server.url);
    await hr.firstLogin(server);
    invited = await hr.invite({ name: 'Maija Meikäläinen', unit: 'Päivystys', email: 'Maija@Example.fi' });
  });
  after(async () => {
    assert.equal((await server.stop()).code, 0, server.errors());
    await provider.stop();
  });

  const signIn = async (purpose, account, opts) => {
    const r = await browserSignIn(server.url, provider.url, purpose, account, opts);
    return r;
  };

  const reason = (body) => (/<p id="reason" lang="en">([^<]*)<\/p>/.exec(body) || [])[1];

  it('matches a player to their invitation by e-mail and lets them play', async () => {
    const r = await signIn('player', 'maija');
    assert.equal(r.status, 302, r.body);
    const m = /^\/#t=([A-Za-z0-9_-]{43})$/.exec(r.location);
    assert.ok(m, r.location);
    const player = new Player(server.url, m[1]);
    const me = await player.me();
    assert.equal(me.status, 200);
    assert.equal(me.data.name, 'Maija Meikäläinen');
    assert.equal((await new Player(server.url, invited.token).me()).status, 200, 'the personal link keeps working');
    const played = await player.send(solution(player));
    assert.equal(played.data.completed, true);
    assert.equal((await hr.person(invited.id)).status, 'completed');
  });

  it('creates a player who has no invitation with the unit of the unit claim (in NFC)', async () => {
    const r = await signIn('player', 'uusi');
    assert.equal(r.status, 302, r.body);
    const people = (await hr.get('/api/v1/hr/people?q=Uusi')).data.people;
    assert.equal(people.length, 1);
    assert.equal(people[0].unit, 'Päivystys', 'the decomposed claim is the existing unit');
    assert.equal(people[0].email, 'uusi@example.fi');
  });

  it('gives HR their role from the group claim and a dashboard session', async () => {
    const r = await signIn('hr', 'hanna');
    assert.equal(r.status, 200, r.body);
    assert.match(r.body, /http-equiv="refresh" content="0;url=\/hr\/"/);
    const s = await fetch(`${server.url}/api/v1/hr/session`, { headers: { cookie: r.jar.header() } });
    const session = await s.json();
    assert.equal(session.user, 'sso:hanna.hr');
    assert.equal(session.role, 'admin');
    const m = await signIn('hr', 'esko');
    const ms = await (await fetch(`${server.url}/api/v1/hr/session`, { headers: { cookie: m.jar.header() } })).json();
    assert.equal(ms.role, 'manager');
    const none = await signIn('hr', 'nobody');
    assert.equal(none.status, 403);
    assert.match(reason(none.body), /none of the groups/);
    // and in Finnish and Swedish too, not English under a Finnish heading
    assert.match(none.body, /<h1>Kirjautuminen ei onnistunut<\/h1><p>Työtilisi ei kuulu mihinkään ryhmään, jolla on pääsy HR-näkymään\./);
    assert.match(none.body, /<p lang="sv">Ditt arbetskonto hör inte till någon grupp som har tillgång till HR-vyn\./);
    const local = await hr.login('sso:hanna.hr', '!');
    assert.equal(local.status, 401, 'a work-account user has no password to guess');
  });

  it('refuses a bad identity token with a message that says why', async () => {
    const cases = {
      signature: /signature of the identity token does not match/, audience: /another application \(audience\)/,
      expired: /has expired/, issuer: /another issuer/, nonce: /does not belong to this sign-in \(nonce\)/,
      malformed: /malformed/,
    };
    for (const [mode, message] of Object.entries(cases)) {
      const r = await signIn('player', 'maija', { tamper: mode });
      assert.equal(r.status, 403, mode);
      assert.match(reason(r.body), message, mode);
    }
    const refused = (await hr.get('/api/v1/hr/audit')).data.audit.filter((a) => a.action === 'login-refused');
    assert.equal(refused.length, 6);
  });

  it('refuses a replayed callback (state) and a callback in another browser', async () => {
    const r = await signIn('player', 'maija');
    assert.equal(r.status, 302);
    const again = await fetch(r.callback, { redirect: 'manual', headers: { cookie: r.jar.header() } });
    assert.equal(again.status, 400);
    assert.match(reason(await again.text()), /already used or has expired \(state\)/);
    const elsewhere = await signIn('player', 'maija', { otherBrowser: true });
    assert.equal(elsewhere.status, 400);
    assert.match(reason(elsewhere.body), /started in another browser/);
  });

  it('fetches the keys again when the provider rotates them', async () => {
    await provider.stop();
    fs.rmSync(keyFile);
    provider = await startProvider(pport, `http://127.0.0.1:${port}/api/v1/oidc/callback`, keyFile);
    await new Promise((res) => setTimeout(res, 5000)); // keys are fetched again at most every 5 s
    const r = await signIn('player', 'maija');
    assert.equal(r.status, 302, reason(r.body));
  });
});
