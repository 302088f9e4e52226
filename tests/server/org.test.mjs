// Issue 14, the organisation: units HR keeps (NFC, no duplicates, a hierarchy), managers who see
// only their units, e-mail addresses hidden from viewers and managers, corrections with an audit
// trail, and the reports HR expects (completion dates, overdue, per unit and month, paging, an
// export of any size). Against a real server and a real SQLite file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, HR, Player, solution, sql, runCommand, tempDir } from './lib.mjs';

const NFD = 'Pa\u0308ivystys', NFC = 'P\u00e4ivystys';
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);

async function account(server, data, name, role) {
  runCommand(['user', 'add', name, `--role=${role}`, '--password-stdin', `--data=${data}`], { input: `pitkä salasana 12\n` });
  const h = new HR(server.url);
  const r = await h.login(name, `pitkä salasana 12`);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  return h;
}

describe('units, managers and corrections', () => {
  let server, hr, data, ids = {}, units = {};
  before(async () => {
    data = tempDir();
    server = await startServer({ data });
    hr = new HR(server.url);
    await hr.firstLogin(server);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('keeps one unit however its name is written (NFC, case, spaces)', async () => {
    const csv = `nimi;yksikkö;aloituspäivä;sähköposti\nAino Aalto;${NFC};1.3.2025;aino@example.fi\n` +
      `Bertta Berg;${NFD};2025-03-02;bertta@example.fi\nCecilia Cox;  KOTIHOITO ;2020-01-01;cecilia@example.fi\n` +
      `Daniel Dahl;Kotihoito;;\n`;
    const r = await hr.post('/api/v1/hr/people/import', { csv });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    for (const p of r.data.created) ids[p.name] = p.id;
    const list = (await hr.get('/api/v1/hr/units')).data;
    assert.deepEqual(list.units, ['KOTIHOITO', NFC], 'the decomposed Päivystys is the same unit');
    for (const u of list.list) units[u.name] = u.id;
    assert.equal(list.list.find((u) => u.name === NFC).people, 2);
    assert.equal(sql(path.join(data, 'pakopeli.db'), `SELECT COUNT(*) FROM people WHERE unit = '${NFD}'`), '0');
  });

  it('refuses a second unit with the same name and builds a hierarchy without cycles', async () => {
    const dup = await hr.post('/api/v1/hr/units', { name: 'p\u00c4ivystys' });
    assert.equal(dup.status, 409);
    assert.equal(dup.data.error.code, 'duplicate_unit');
    const area = await hr.post('/api/v1/hr/units', { name: 'Akuuttipalvelut' });
    assert.equal(area.status, 201);
    units.area = area.data.id;
    const moved = await hr.post(`/api/v1/hr/units/${units[NFC]}`, { parent: units.area });
    assert.equal(moved.status, 200);
    assert.equal(moved.data.parent, units.area);
    const cycle = await hr.post(`/api/v1/hr/units/${units.area}`, { parent: units[NFC] });
    assert.equal(cycle.data.error.code, 'unit_cycle');
    const renamed = await hr.post(`/api/v1/hr/units/${units.KOTIHOITO}`, { name: 'Kotihoito' });
    assert.equal(renamed.status, 200);
    assert.equal((await hr.person(ids['Daniel Dahl'])).unit, 'Kotihoito', 'people move with a renamed unit');
    const inUse = await hr.post(`/api/v1/hr/units/${units.KOTIHOITO}/remove`, {});
    assert.equal(inUse.data.error.code, 'unit_in_use');
  });

  it('shows a manager only the people of their units and sub-units, without e-mail addresses', async () => {
    const m = await account(server, data, 'esihenkilo', 'manager');
    const set = await hr.post('/api/v1/hr/users/esihenkilo', { units: [units.area] });
    assert.equal(set.status, 200, JSON.stringify(set.data));
    assert.deepEqual(set.data.units, [units.area]);
    const people = (await m.get('/api/v1/hr/people')).data;
    assert.deepEqual(people.people.map((p) => p.name).sort(), ['Aino Aalto', 'Bertta Berg']);
    assert.ok(people.people.every((p) => !('email' in p)), 'no e-mail addresses for managers');
    assert.equal((await m.get(`/api/v1/hr/people/${ids['Cecilia Cox']}`)).status, 404, 'not their unit');
    assert.deepEqual((await m.get('/api/v1/hr/units')).data.units.sort(), ['Akuuttipalvelut', NFC]);
    const report = (await m.get('/api/v1/hr/report')).data;
    assert.deepEqual(report.units.map((u) => u.key), [NFC]);
    const csv = (await m.post('/api/v1/hr/export', {})).data;
    assert.equal(csv.trim().split('\n').length, 3, 'the header and their two people');
    assert.ok(!csv.includes('@example.fi'));
    assert.equal((await m.post(`/api/v1/hr/people/${ids['Aino Aalto']}/edit`, { name: 'X' })).status, 403);
  });

  it('hides e-mail addresses from viewers unless the organisation enables it', async () => {
    const v = await account(server, data, 'katsoja', 'viewer');
    const p = (await v.get('/api/v1/hr/people')).data.people;
    assert.equal(p.length, 4);
    assert.ok(p.every((x) => !('email' in x)));
    assert.ok((await hr.get('/api/v1/hr/people')).data.people.some((x) => x.email === 'aino@example.fi'), 'admins see them');
  });

  it('corrects a name, unit, start date and e-mail and writes each change to the audit log', async () => {
    const r = await hr.post(`/api/v1/hr/people/${ids['Cecilia Cox']}/edit`,
      { name: 'Cecilia Cox-Berg', unit: 'pa\u0308ivystys', start_date: '2025-04-01', email: 'cecilia.cox@example.fi' });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.name, 'Cecilia Cox-Berg');
    assert.equal(r.data.unit, NFC);
    assert.equal(r.data.start_date, '2025-04-01');
    // the name search finds the corrected name (its folded form is kept with it)
    const found = (q) => hr.get('/api/v1/hr/people?q=' + encodeURIComponent(q)).then((x) => x.data.people.map((p) => p.id));
    assert.deepEqual(await found('COX-BERG'), [ids['Cecilia Cox']]);
    assert.deepEqual(await found('Cecilia Cox'), [ids['Cecilia Cox']]);
    assert.equal((await hr.get('/api/v1/hr/people?q=cox-berg')).data.total, 1, 'the count agrees');
    const entry = (await hr.get('/api/v1/hr/audit')).data.audit.find((a) => a.action === 'edit');
    assert.match(entry.detail, new RegExp(`person #${ids['Cecilia Cox']}; name changed; unit: "Kotihoito" -> "${NFC}"; start_date: "2020-01-01" -> "2025-04-01"; email changed`));
    assert.ok(!entry.detail.includes('Cecilia'), 'the log names the change, not the personal data');
    const bad = await hr.post(`/api/v1/hr/people/${ids['Cecilia Cox']}/edit`, { start_date: '31.2.2025' });
    assert.equal(bad.status, 400);
    assert.equal(bad.data.error.field, 'start_date');
  });

  it('refuses the role change that would leave no admin', async () => {
    const r = await hr.post('/api/v1/hr/users/admin', { role: 'viewer' });
    assert.equal(r.data.error.code, 'last_admin');
  });
});

describe('reports HR expects', () => {
  let server, hr;
  before(async () => {
    server = await startServer({ args: ['--overdue-days=30'] });
    hr = new HR(server.url);
    await hr.firstLogin(server);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('filters by completion date, finds the overdue, and rates units and months', async () => {
    const done = await hr.invite({ name: 'Valmis', unit: 'A', start_date: '2025-01-10' });
    await hr.invite({ name: 'Myöhässä', unit: 'A', start_date: '2025-01-20' });
    await hr.invite({ name: 'Tuore', unit: 'B', start_date: today() });
    const player = new Player(server.url, done.token);
    assert.equal((await player.send(solution(player))).data.completed, true);
    const byCompletion = (await hr.get(`/api/v1/hr/people?cfrom=${today()}&cto=${today()}`)).data.people;
    assert.deepEqual(byCompletion.map((p) => p.name), ['Valmis']);
    assert.equal((await hr.get('/api/v1/hr/people?cto=2025-01-01')).data.people.length, 0);
    const overdue = (await hr.get('/api/v1/hr/people?status=overdue')).data.people;
    assert.deepEqual(overdue.map((p) => p.name), ['Myöhässä']);
    const report = (await hr.get('/api/v1/hr/report')).data;
    assert.deepEqual(report.units, [
      { key: 'A', total: 2, completed: 1, overdue: 1, rate: 0.5 },
      { key: 'B', total: 1, completed: 0, overdue: 0, rate: 0 }]);
    assert.deepEqual(report.months.map((m) => [m.key, m.total, m.completed]), [['2025-01', 2, 1], [today().slice(0, 7), 1, 0]]);
    assert.equal((await hr.get('/api/v1/hr/people?cfrom=1.1.2025')).status, 400);
  });

  it('pages the list on the server and exports 6,000 people with every row, saying how many', async () => {
    for (let k = 0; k < 3; k++) {
      const rows = Array.from({ length: 2000 }, (_, i) => `Henkilö ${k}-${i};Iso yksikkö;2025-02-01;`).join('\n');
      const r = await hr.post('/api/v1/hr/people/import', { csv: rows });
      assert.equal(r.status, 201);
    }
    const page = (await hr.get('/api/v1/hr/people?unit=Iso%20yksikk%C3%B6&offset=100&limit=50')).data;
    assert.equal(page.total, 6000);
    assert.equal(page.people.length, 50);
    assert.equal(page.truncated, true);
    const r = await hr.request('POST', '/api/v1/hr/export', { unit: 'Iso yksikkö' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-export-rows'), '6000');
    assert.equal(r.data.trim().split('\n').length, 6001, 'a header and 6,000 rows: no cap');
    const audit = (await hr.get('/api/v1/hr/audit')).data.audit.find((a) => a.action === 'export');
    assert.match(audit.detail, /^6000 rows/);
    const sv = await hr.request('POST', '/api/v1/hr/export', { unit: 'Iso yksikkö', status: 'invited', lang: 'sv' });
    assert.ok(sv.data.startsWith('\uFEFFNamn;Enhet;Startdatum;E-post;Status;'), sv.data.slice(0, 60));
    assert.match(sv.data.split('\r\n')[1], /;1\.2\.2025;;inbjuden;\d+\.\d+\.20\d\d \d+:\d\d;/, 'dates as Finland writes them, in Swedish too');
    assert.ok(sv.data.split('\r\n')[0].endsWith(';Innehållsversion'));
    assert.equal(sv.headers.get('x-export-rows'), '6000');
  });
});
