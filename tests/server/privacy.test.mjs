// Privacy (issue 15) against the real server: feedback cannot be searched by person and a unit's
// comments show only from enough respondents; an erasure takes the person's name out of the
// audit log and their number is never given again; retention counts a re-sent link and prunes
// the audit log; names are stored in NFC, so the two ways of writing "ä" are one name.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, HR, sql, tempDir, runCommand } from './lib.mjs';

const DAY = 86400;
const PASSWORD = 'ylläpidon oma salasana';

async function comment(server, token, text) {
  const r = await fetch(server.url + '/api/v1/feedback', {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text, rating: 4 }),
  });
  assert.equal(r.status, 201, await r.text());
}

describe('privacy', () => {
  const data = tempDir();
  let server, hr, firstId;
  const start = async (args = []) => {
    if (server) assert.equal((await server.stop()).code, 0, server.errors());
    server = await startServer({ data, args: ['--feedback_min_respondents=5', ...args] });
    hr = new HR(server.url);
  };
  after(async () => { if (server) assert.equal((await server.stop()).code, 0, server.errors()); });

  it('never narrows feedback to a person, and holds back units with fewer than 5 respondents', async () => {
    await start();
    await hr.firstLogin(server, PASSWORD);
    for (let i = 1; i <= 5; i++) {
      const inv = await hr.invite({ name: `Hoitaja ${i}`, unit: 'Päivystys' });
      firstId ??= inv.id;
      await comment(server, inv.token, `Päivystyksen palaute ${i}`);
    }
    const vaino = await hr.invite({ name: 'Väinö Öhman', unit: 'Kotihoito' });
    await comment(server, vaino.token, 'Väinön oma palaute');

    const q = await hr.get('/api/v1/hr/feedback?q=' + encodeURIComponent('Väinö'));
    assert.equal(q.status, 200);
    assert.equal(q.data.filter_ignored, true, 'the name search is not applied, and the answer says so');
    assert.ok(!q.data.feedback.some((f) => f.text.includes('Väinö')), 'his comment is not found by his name');
    assert.equal(q.data.feedback.length, 5, 'the search changes nothing: the same list as without it');
    assert.equal(q.data.withheld, 1);
    const byDate = await hr.get('/api/v1/hr/feedback?status=completed&from=2025-03-01&to=2025-03-01');
    assert.equal(byDate.data.filter_ignored, true);
    assert.equal(byDate.data.feedback.length, 5);

    const small = await hr.get('/api/v1/hr/feedback?unit=Kotihoito');
    assert.deepEqual(small.data.feedback, [], 'a unit of one respondent shows nothing');
    assert.equal(small.data.withheld, 1);
    assert.equal(small.data.min_respondents, 5);
    const big = await hr.get('/api/v1/hr/feedback?unit=' + encodeURIComponent('Päivystys'));
    assert.equal(big.data.feedback.length, 5);
    assert.equal(big.data.withheld, 0);
  });

  it('takes an erased person\'s name out of the audit log and never gives their number again', async () => {
    const exp = await hr.post('/api/v1/hr/export', { q: 'Väinö Öhman', lang: 'fi' });
    assert.equal(exp.status, 200);
    const exp2 = await hr.post('/api/v1/hr/export', { q: 'öhm', lang: 'fi' });
    assert.equal(exp2.status, 200);
    const before = (await hr.get('/api/v1/hr/audit')).data.audit;
    assert.ok(before.some((a) => a.detail.includes('q=Väinö Öhman')), 'the export was logged with its search');
    const people = (await hr.get('/api/v1/hr/people')).data.people;
    const vaino = people.find((p) => p.name === 'Väinö Öhman');
    assert.ok(vaino.id === Math.max(...people.map((p) => p.id)), 'he has the highest number');
    assert.equal((await hr.post(`/api/v1/hr/people/${vaino.id}/erase`)).status, 200);
    const audit = (await hr.get('/api/v1/hr/audit')).data.audit;
    const text = JSON.stringify(audit);
    assert.ok(!/Väinö|Öhman|q=öhm/i.test(text), `no trace of his name: ${text}`);
    assert.ok(audit.some((a) => a.action === 'erase' && a.detail === `person #${vaino.id}`));
    const next = await hr.invite({ name: 'Uusi Ulla', unit: 'Kotihoito' });
    assert.ok(next.id > vaino.id, `the next invitation got #${next.id}, after the erased #${vaino.id}`);
  });

  it('keeps whoever got a new link within the retention period, and prunes the audit log', async () => {
    const db = path.join(data, 'pakopeli.db');
    const old = await hr.invite({ name: 'Uudelleen Kutsuttu', unit: 'Kotihoito' });
    await start([`--clock_offset=${360 * DAY}`]);
    assert.equal((await hr.login('admin', PASSWORD)).status, 200);
    const resent = await hr.post(`/api/v1/hr/people/${old.id}/resend`, { valid_days: 30 });
    assert.equal(resent.status, 200, JSON.stringify(resent.data));
    await start(['--retention_days=365', `--clock_offset=${366 * DAY}`]);
    assert.equal((await hr.login('admin', PASSWORD)).status, 200);
    assert.equal((await hr.get(`/api/v1/hr/people/${old.id}`)).status, 200, 'the re-invited person is kept');
    assert.equal((await hr.get(`/api/v1/hr/people/${firstId}`)).status, 404, 'the others are gone');
    const oldest = Number(sql(db, 'SELECT MIN(at) FROM audit'));
    const first = Number(sql(db, "SELECT MAX(at) FROM audit WHERE action = 'resend'"));
    assert.ok(oldest >= first - 2 * DAY * 1000, 'audit entries older than the retention period are gone');
    assert.equal(sql(db, "SELECT COUNT(*) FROM audit WHERE action = 'invite'"), '0');
  });

  it('stores names in NFC: the decomposed and composed "Päivi" are one name and one search', async () => {
    const nfd = 'Pa\u0308ivi  Ha\u0308ma\u0308la\u0308inen', nfc = 'Päivi Hämäläinen';
    const a = await hr.invite({ name: nfd, unit: 'Kotihoito' });
    const b = await hr.invite({ name: nfc, unit: 'Kotihoito' });
    assert.equal((await hr.person(a.id)).name, nfc);
    assert.equal((await hr.person(b.id)).name, nfc);
    const found = (await hr.get('/api/v1/hr/people?q=' + encodeURIComponent('ha\u0308ma\u0308'))).data.people;
    assert.deepEqual(found.map((p) => p.id).sort(), [a.id, b.id].sort(), 'an NFD search finds both');
  });
});

describe('restore run as root', () => {
  it('gives the restored database to the owner of the one it replaces', async (t) => {
    if (process.getuid() !== 0) { t.skip('needs root to own files as another user'); return; }
    const data = tempDir();
    runCommand(['user', 'add', 'tarkastaja', '--password-stdin', `--data=${data}`], { input: 'vanha hyvä salasana\n' });
    const backup = path.join(tempDir(), 'backup.db');
    runCommand(['backup', `--data=${data}`, backup]);
    for (const f of [data, ...fs.readdirSync(data).map((n) => path.join(data, n))]) fs.chownSync(f, 65534, 65534);
    runCommand(['restore', `--data=${data}`, backup]);
    const st = fs.statSync(path.join(data, 'pakopeli.db'));
    assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [65534, 65534, 0o600], 'owned by the server\'s user, not root');
  });
});
