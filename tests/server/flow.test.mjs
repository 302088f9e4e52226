// Issue 14's whole story against the real peers: HR imports people, the server e-mails their
// invitations (a real SMTP server), a player signs in with the work account (a real OpenID
// provider) and plays, a reminder goes once to one who has not finished, a manager who signed in
// with the work account sees only their units, HR corrects a name and the audit log shows it, and
// an export of 6,000 people has 6,000 rows.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, HR, Player, solution, tempDir } from './lib.mjs';
import { freePort, startSink, startProvider, signIn, Jar, until } from './peers.mjs';

describe('an organisation runs onboarding without copying a link by hand', () => {
  let sink, provider, server, hr, data, port, args;
  const people = {};
  before(async () => {
    sink = await startSink();
    port = await freePort();
    const pport = await freePort(), dir = tempDir();
    fs.writeFileSync(path.join(dir, 'secret'), 'client secret for the tests\n');
    provider = await startProvider(pport, `http://127.0.0.1:${port}/api/v1/oidc/callback`, path.join(dir, 'key.json'));
    data = tempDir();
    args = [`--public-url=http://127.0.0.1:${port}`, `--smtp-url=smtp://127.0.0.1:${sink.port}`, '--smtp-starttls=false',
      '--mail-from=perehdytys@example.fi', '--mail-poll-seconds=1', '--mail-retry-seconds=1',
      `--oidc-issuer=http://127.0.0.1:${pport}`, '--oidc-client-id=pakopeli', `--oidc-client-secret-file=${path.join(dir, 'secret')}`,
      '--oidc-scopes=openid email profile groups', '--oidc-admin-groups=pakopeli-hr-admins', '--oidc-manager-groups=pakopeli-managers'];
    server = await startServer({ data, port, args });
    hr = new HR(server.url);
    await hr.firstLogin(server);
  });
  after(async () => {
    assert.equal((await server.stop()).code, 0, server.errors());
    await provider.stop();
    sink.stop();
  });

  it('imports people and e-mails each their invitation', async () => {
    const csv = 'nimi;yksikkö;aloituspäivä;sähköposti\nMaija Meikäläinen;Päivystys;1.3.2025;maija@example.fi\n' +
      'Bertta Berg;Päivystys;1.3.2025;bertta@example.fi\nKalle Koti;Kotihoito;1.3.2025;kalle@example.fi\n';
    const r = await hr.post('/api/v1/hr/people/import', { csv });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    for (const p of r.data.created) people[p.name] = p;
    const mails = await until('three invitations', () => sink.messages().length >= 3 && sink.messages());
    assert.deepEqual(mails.map((m) => m.to[0]).sort(), ['bertta@example.fi', 'kalle@example.fi', 'maija@example.fi']);
    const bertta = mails.find((m) => m.to[0] === 'bertta@example.fi');
    assert.ok(bertta.body.includes(`http://127.0.0.1:${port}/#t=${people['Bertta Berg'].token}`));
  });

  it('lets a player sign in with the work account and play', async () => {
    const r = await signIn(server.url, provider.url, 'player', 'maija');
    assert.equal(r.status, 302, r.body);
    const player = new Player(server.url, /#t=(.*)$/.exec(r.location)[1]);
    assert.equal((await player.send(solution(player))).data.completed, true);
    assert.equal((await hr.person(people['Maija Meikäläinen'].id)).status, 'completed');
  });

  it('shows a manager who signed in with the work account only their units', async () => {
    const first = await signIn(server.url, provider.url, 'hr', 'esko');
    assert.equal(first.status, 200, first.body);
    const units = (await hr.get('/api/v1/hr/units')).data.list;
    const set = await hr.post('/api/v1/hr/users/sso:esko.esihenkilo', { units: [units.find((u) => u.name === 'Kotihoito').id] });
    assert.equal(set.status, 200, JSON.stringify(set.data));
    const res = await fetch(`${server.url}/api/v1/hr/people`, { headers: { cookie: first.jar.header() } });
    const seen = (await res.json()).people;
    assert.deepEqual(seen.map((p) => p.name), ['Kalle Koti']);
    assert.ok(!('email' in seen[0]));
  });

  it('reminds the one who has not finished, once', async () => {
    const bertta = new Player(server.url, people['Bertta Berg'].token);
    assert.equal((await bertta.send([bertta.event('signs', ['sender'])])).status, 200);
    assert.equal((await server.stop()).code, 0, server.errors());
    const before = sink.messages().length;
    server = await startServer({ data, port, args: [...args, '--clock-offset=' + 8 * 86400] }); // a week later
    await hr.login('admin', 'correct horse battery staple');
    await until('the reminders', () => sink.messages().length >= before + 2);
    await new Promise((r) => setTimeout(r, 3000)); // more passes of the sender: nothing new
    const after = sink.messages().slice(before);
    assert.deepEqual(after.map((m) => `${m.to[0]} ${m.subject}`).sort(), [
      'bertta@example.fi Muistutus: pakopeli on vielä kesken', 'kalle@example.fi Muistutus: perehdytyksen pakopeli odottaa']);
    const log = (await hr.get('/api/v1/hr/mail')).data.mail;
    assert.equal(log.filter((m) => m.reason !== 'invitation').length, 2, 'every send is on the dashboard');
  });

  it('corrects a name and the audit log shows it', async () => {
    const r = await hr.post(`/api/v1/hr/people/${people['Kalle Koti'].id}/edit`, { name: 'Kalle Kotilainen' });
    assert.equal(r.status, 200);
    const audit = (await hr.get('/api/v1/hr/audit')).data.audit;
    assert.ok(audit.some((a) => a.action === 'edit' && a.detail === `person #${people['Kalle Koti'].id}; name changed`));
  });

  it('exports 6,000 people with 6,000 rows', async () => {
    for (let k = 0; k < 3; k++) {
      const rows = Array.from({ length: 2000 }, (_, i) => `Uusi ${k}-${i};Ensihoito;2025-04-01;`).join('\n');
      assert.equal((await hr.post('/api/v1/hr/people/import', { csv: rows })).status, 201);
    }
    const r = await hr.request('POST', '/api/v1/hr/export', { unit: 'Ensihoito' });
    assert.equal(r.headers.get('x-export-rows'), '6000');
    assert.equal(r.data.trim().split('\r\n').length, 6001);
  });
});
