// upgrade.test.mjs - an operator installs a newer pakopeli-server over an older one's data folder:
// nothing saved is lost, and everyone carries on where they were.
//
// Each fixture in upgrade/ is a database written by an older server through its own API
// (upgrade/seed.mjs says how it was made): schema 1 (the first report server), schema 3 (work-account
// sign-in, before the content store) and schema 4 before the columns added within it. Aino had
// completed the room and left feedback, Bertil was half-way through it, Cecilia had not started.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, tempDir, runCommand, HR, Player, solution } from './lib.mjs';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'upgrade');
const fixtures = fs.readdirSync(here).filter((f) => f.endsWith('.json')).sort();

for (const file of fixtures) {
  const fx = JSON.parse(fs.readFileSync(path.join(here, file), 'utf8'));
  const name = file.replace(/\.json$/, '');
  const [aino, bertil, cecilia] = fx.people;

  describe(`a database from an older server (${name}: ${fx.commit}, schema ${fx.schema})`, () => {
    let server, hr, data;
    // The server's clock is put a day after the fixture was made, so the invitations it holds
    // are as fresh as they were then, whenever this test runs (clock_offset: tests only).
    const offset = () => Math.round((fx.madeAt + 86400000 - Date.now()) / 1000);
    const start = () => startServer({ data, args: [`--clock_offset=${offset()}`] });

    before(async () => {
      data = tempDir('pk-upgrade-');
      execFileSync('sqlite3', ['-batch', path.join(data, 'pakopeli.db')],
        { input: fs.readFileSync(path.join(here, `${name}.sql`)) });
      server = await start();
      hr = new HR(server.url);
      const r = await hr.login('admin', fx.password);
      assert.equal(r.status, 200, `the admin's password still works: ${JSON.stringify(r.data)}`);
    });
    after(async () => { if (server) assert.equal((await server.stop()).code, 0, server.errors()); });

    it('keeps everyone, their progress, the completion code and the feedback', async () => {
      const people = (await hr.get('/api/v1/hr/people')).data.people;
      assert.deepEqual(people.map((p) => [p.name, p.status]).sort(),
        fx.people.map((p) => [p.name, p.status]).sort());
      const a = await hr.person(aino.id);
      assert.equal(a.code, aino.code);
      assert.equal(a.score, aino.score);
      const v = await hr.get('/api/v1/hr/verify?code=' + encodeURIComponent(aino.code));
      assert.equal(v.status, 200);
      assert.equal(v.data.valid, true);
      assert.equal(v.data.person.name, aino.name);
      const fb = (await hr.get('/api/v1/hr/feedback')).data.feedback;
      assert.ok(fb.some((f) => f.text === fx.feedback && f.rating === 4), JSON.stringify(fb));
      const audit = (await hr.get('/api/v1/hr/audit')).data.audit;
      assert.ok(audit.filter((x) => x.action === 'invite').length >= 3, 'the old event log is kept');
    });

    it('counts the old completion in the statistics', async () => {
      const s = (await hr.get('/api/v1/hr/stats')).data;
      assert.equal(s.status.completed, 1, JSON.stringify(s.status));
      const room = s.rooms.find((x) => x.id === 'outlook');
      assert.equal(room.solved, 1);
    });

    it('lets the player who was half-way finish the same game with the old link', async () => {
      const me = await new Player(server.url, bertil.token).me();
      assert.equal(me.status, 200, JSON.stringify(me.data));
      const p = new Player(server.url, bertil.token, bertil.play);
      const r = await p.send(solution(p).slice(bertil.sent));
      assert.equal(r.status, 200, JSON.stringify(r.data));
      assert.equal(r.data.completed, true, JSON.stringify(r.data));
      assert.match(r.data.completion_code, /^PK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const b = await hr.person(bertil.id);
      assert.equal(b.status, 'completed');
      assert.equal(b.score, 90, 'his first three answers (one of them wrong) still count');
    });

    it('lets the one who had not started play with the old link', async () => {
      const p = new Player(server.url, cecilia.token);
      const r = await p.send(solution(p));
      assert.equal(r.status, 200, JSON.stringify(r.data));
      assert.equal(r.data.completed, true);
      assert.equal((await hr.post('/api/v1/hr/units', { name: 'Kotihoito' })).status, 201);
      const inv = await hr.invite({ name: 'Uusi Ulla', unit: 'Kotihoito' });
      const u = new Player(server.url, inv.token);
      assert.equal((await u.send(solution(u))).data.completed, true, 'and new people are invited and play as usual');
    });

    it('makes the units in use a list, and a manager of one sees only its people', async () => {
      const units = (await hr.get('/api/v1/hr/units')).data.list;
      const unit = units.find((u) => u.name === 'Testiyksikkö');
      assert.ok(unit, JSON.stringify(units));
      runCommand(['user', 'add', 'esihenkilo', '--role=manager', '--password-stdin', `--data=${data}`],
        { input: 'pitkä salasana 12\n' });
      assert.equal((await hr.post('/api/v1/hr/users/esihenkilo', { units: [unit.id] })).status, 200);
      const m = new HR(server.url);
      assert.equal((await m.login('esihenkilo', 'pitkä salasana 12')).status, 200);
      const seen = (await m.get('/api/v1/hr/people')).data.people.map((p) => p.name).sort();
      assert.deepEqual(seen, fx.people.map((p) => p.name).sort(), 'not Uusi Ulla of Kotihoito');
    });

    it('exports everyone, and opens the same after a restart, its check clean', async () => {
      await server.stop();
      server = await start();
      hr = new HR(server.url);
      assert.equal((await hr.login('admin', fx.password)).status, 200);
      const csv = (await hr.request('POST', '/api/v1/hr/export', { lang: 'fi' })).data;
      for (const p of fx.people) assert.match(csv, new RegExp(`^${p.name};.*;suoritettu;`, 'm'), csv);
      assert.equal((await hr.get('/api/v1/hr/stats')).data.status.completed, 4);
      await server.stop();
      assert.match(runCommand(['check', path.join(data, 'pakopeli.db')]), /ok/i);
      server = null;
    });
  });
}
