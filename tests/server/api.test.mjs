// The report server's API against a real server and a real SQLite file: invitations, play
// events and their replay, duplicates, expiry, revocation, erasure, retention, backup and
// restore, CSV in and out, roles, sessions.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, HR, Player, solution, sql, runCommand, tempDir, WEB } from './lib.mjs';

const DAY = 86400;

describe('an invited person plays, and HR sees the replayed result', () => {
  let server, hr, invite, player, code;
  before(async () => {
    server = await startServer();
    hr = new HR(server.url);
    await hr.firstLogin(server);
    invite = await hr.invite({ name: 'Maija Meikäläinen', email: 'maija@example.fi' });
    player = new Player(server.url, invite.token);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('gives each invitation a personal link whose token travels in the fragment', () => {
    assert.match(invite.link, /^\/#t=[A-Za-z0-9_-]{43}$/);
    assert.equal(invite.status, 'invited');
    assert.equal(sql(path.join(server.data, 'pakopeli.db'), `SELECT COUNT(*) FROM people WHERE token_hash = '${invite.token}'`), '0',
      'only the hash of the token is stored');
  });

  it('lets the player read their own status, and only that', async () => {
    const me = await player.me();
    assert.equal(me.status, 200);
    assert.equal(me.data.status, 'invited');
    assert.equal(me.data.completion_code, null);
    const hrOnly = await fetch(server.url + '/api/v1/hr/people', { headers: { authorization: `Bearer ${invite.token}` } });
    assert.equal(hrOnly.status, 401, 'a player token opens nothing on the HR side');
  });

  it('accepts the play-through, replays it, and returns a completion code', async () => {
    const r = await player.send(solution(player));
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.accepted, 7);
    assert.equal(r.data.duplicates, 0);
    assert.equal(r.data.completed, true);
    assert.match(r.data.completion_code, /^PK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    code = r.data.completion_code;
    const me = await player.me();
    assert.equal(me.data.completion_code, code);
  });

  it('scores from its own replay: 100 minus 5 per mistake', async () => {
    const p = await hr.person(invite.id);
    assert.equal(p.status, 'completed');
    assert.equal(p.mistakes, 2);
    assert.equal(p.hints, 0);
    assert.equal(p.score, 90);
    assert.equal(p.code, code);
    assert.ok(p.completed >= p.started);
  });

  it('treats a resend of the same events as harmless duplicates', async () => {
    const again = new Player(server.url, invite.token, player.play);
    const r = await again.send(solution(again));
    assert.equal(r.status, 200);
    assert.equal(r.data.accepted, 7);
    assert.equal(r.data.duplicates, 7);
    assert.equal(sql(path.join(server.data, 'pakopeli.db'), 'SELECT COUNT(*) FROM events'), '7');
  });

  it('refuses a key reused for a different event', async () => {
    const p = new Player(server.url, invite.token, player.play);
    const r = await p.send([{ key: `${player.play}:1`, event: { v: 1, seq: 1, room: 'outlook', puzzle: 'signs', answer: ['link'], t: 1 } }]);
    assert.equal(r.status, 409);
    assert.equal(r.data.error.code, 'conflict');
  });

  it('verifies a completion code however it is typed', async () => {
    const ok = await hr.get('/api/v1/hr/verify?code=' + encodeURIComponent(code.toLowerCase().replace(/-/g, ' ')));
    assert.equal(ok.status, 200);
    assert.equal(ok.data.valid, true);
    assert.equal(ok.data.person.name, 'Maija Meikäläinen');
    const bad = await hr.get('/api/v1/hr/verify?code=PK-0000-0000-0000');
    assert.equal(bad.status, 404);
    assert.equal(bad.data.valid, false);
    const junk = await hr.get('/api/v1/hr/verify?code=' + encodeURIComponent("' OR 1=1 --"));
    assert.equal(junk.status, 400);
  });

  it('counts hints from hint events (10 points each)', async () => {
    const inv = await hr.invite({ name: 'Vihje Virtanen' });
    const p = new Player(server.url, inv.token);
    const items = [p.event('signs', null, { hint: true }), ...['sender', 'urgency', 'link', 'attachment'].map((a) => p.event('signs', [a])),
      p.event('what-to-do', ['report'])];
    const r = await p.send(items);
    assert.equal(r.status, 200, JSON.stringify(r.data));
    const person = await hr.person(inv.id);
    assert.equal(person.hints, 1);
    assert.equal(person.score, 90);
  });

  it('reports per room and per puzzle: completion rate, median time, mistakes, hints', async () => {
    const r = await hr.get('/api/v1/hr/stats');
    assert.equal(r.status, 200);
    const room = r.data.rooms.find((x) => x.id === 'outlook');
    assert.equal(room.attempted, 2);
    assert.equal(room.solved, 2);
    assert.equal(room.rate, 1);
    assert.ok(room.median_ms > 0);
    const signs = room.puzzles.find((x) => x.id === 'signs');
    assert.equal(signs.mistakes, 1);
    assert.equal(signs.hints, 1);
    assert.ok(signs.median_ms > 0);
    assert.equal(r.data.completions.reduce((s, d) => s + d.count, 0), 2);
    assert.equal(r.data.status.completed, 2);
  });

  it('keeps learners\' feedback, shown to HR without names', async () => {
    const res = await fetch(server.url + '/api/v1/feedback', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${invite.token}` },
      body: JSON.stringify({ room: 'outlook', rating: 4, text: 'Hyvä peli!\nLisää huoneita.' }),
    });
    assert.equal(res.status, 201);
    const r = await hr.get('/api/v1/hr/feedback');
    assert.equal(r.data.feedback.length, 1);
    assert.equal(r.data.feedback[0].text, 'Hyvä peli!\nLisää huoneita.');
    assert.equal(r.data.feedback[0].rating, 4);
    assert.equal(r.data.feedback[0].name, undefined);
  });

  it('filters by unit, status, start date and name (case-folded, with ä and ö)', async () => {
    await hr.invite({ name: 'Örjan Äijälä', unit: 'Kotihoito', start_date: '2025-06-15' });
    const byUnit = await hr.get('/api/v1/hr/people?unit=Kotihoito');
    assert.deepEqual(byUnit.data.people.map((p) => p.name), ['Örjan Äijälä']);
    const byName = await hr.get('/api/v1/hr/people?q=' + encodeURIComponent('äIJÄ'));
    assert.deepEqual(byName.data.people.map((p) => p.name), ['Örjan Äijälä']);
    const byStatus = await hr.get('/api/v1/hr/people?status=completed');
    assert.equal(byStatus.data.people.length, 2);
    const byDate = await hr.get('/api/v1/hr/people?from=2025-06-01&to=2025-06-30');
    assert.deepEqual(byDate.data.people.map((p) => p.name), ['Örjan Äijälä']);
  });

  it('exports the current view as CSV for Finnish Excel, and the audit log records it', async () => {
    const r = await hr.request('POST', '/api/v1/hr/export', { status: 'completed', lang: 'fi' });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(r.headers.get('content-disposition'), /attachment; filename="pakopeli-\d{4}-\d\d-\d\d\.csv"/);
    const text = r.data;
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for Excel');
    const lines = text.slice(1).split('\r\n');
    assert.equal(lines[0], 'Nimi;Yksikkö;Aloituspäivä;Sähköposti;Tila;Kutsuttu;Aloitettu;Suoritettu;Peliaika (min);Pisteet;Virheet;Vihjeet;Suorituskoodi;Epätavallisen nopeat huoneet;Sisältöversio');
    const maija = lines.find((l) => l.startsWith('Maija Meikäläinen;'));
    assert.ok(maija, text);
    const cells = maija.split(';');
    assert.equal(cells[2], '1.3.2025');
    assert.equal(cells[4], 'suoritettu');
    assert.match(cells[8], /^\d+,\d$/, 'decimal comma');
    assert.equal(cells[9], '90');
    assert.equal(cells[12], code);
    assert.equal(cells[13], 'outlook', 'her answers came at once: the room is flagged for HR in the export too');
    assert.equal(cells[14], '1', 'the content release she played');
    assert.equal(lines.length, 2 + 2); // header, two people, and the empty string after the last CRLF
    const audit = await hr.get('/api/v1/hr/audit');
    assert.ok(audit.data.audit.some((a) => a.action === 'export' && /2 rows/.test(a.detail)));
  });
});

describe('invitations: CSV import, expiry, revocation, resend', () => {
  let server, hr, data;
  const password = 'a long enough password';
  before(async () => {
    data = tempDir();
    server = await startServer({ data });
    hr = new HR(server.url);
    await hr.firstLogin(server, password);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('imports a CSV as Finnish Excel saves it (BOM, semicolons, d.m.yyyy)', async () => {
    const csv = '\uFEFFNimi;Yksikkö;Aloituspäivä;Sähköposti\r\nAino Ääkkönen;Sisätautien osasto;1.3.2025;aino@example.fi\r\n' +
      '"Virtanen; Ville";Päivystys;2025-03-15;\r\n\r\n';
    const r = await hr.post('/api/v1/hr/people/import', { csv });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    assert.equal(r.data.created.length, 2);
    assert.equal(r.data.created[0].start_date, '2025-03-01');
    assert.equal(r.data.created[1].name, 'Virtanen; Ville');
    assert.match(r.data.created[1].link, /^\/#t=/);
  });

  it('imports nothing when a row is wrong, and names the line', async () => {
    const before = (await hr.get('/api/v1/hr/people')).data.people.length;
    const csv = 'name,unit,start_date,email\nOk Person,Unit,2025-01-01,\n,Unit,2025-01-01,\nBad Date,Unit,31.2.2025,\n';
    const r = await hr.post('/api/v1/hr/people/import', { csv });
    assert.equal(r.status, 422);
    assert.deepEqual(r.data.rows.map((x) => x.line), [3, 4]);
    assert.equal((await hr.get('/api/v1/hr/people')).data.people.length, before);
  });

  it('expires links that were never used, but lets someone mid-game finish', async () => {
    const idle = await hr.invite({ name: 'Idle Ilona', valid_days: 1 });
    const busy = await hr.invite({ name: 'Busy Bertta', valid_days: 1 });
    const bp = new Player(server.url, busy.token);
    const all = solution(bp);
    assert.equal((await bp.send(all.slice(0, 3))).status, 200);
    await server.stop();
    server = await startServer({ data, args: [`--clock_offset=${2 * DAY}`] });
    hr = new HR(server.url);
    await hr.login('admin', password);
    const ip = new Player(server.url, idle.token);
    const r = await ip.send(solution(ip));
    assert.equal(r.status, 403);
    assert.equal(r.data.error.code, 'link_expired');
    assert.equal((await hr.person(idle.id)).status, 'expired');
    bp.base = server.url;
    const rest = await bp.send(all.slice(3));
    assert.equal(rest.status, 200, JSON.stringify(rest.data));
    assert.equal(rest.data.completed, true);
  });

  it('refuses a revoked link, and a resend gives a new one that replaces it', async () => {
    const inv = await hr.invite({ name: 'Peruttu Pekka' });
    const rv = await hr.post(`/api/v1/hr/people/${inv.id}/revoke`);
    assert.equal(rv.status, 200);
    assert.equal(rv.data.status, 'revoked');
    const p = new Player(server.url, inv.token);
    const r = await p.send(solution(p));
    assert.equal(r.status, 403);
    assert.equal(r.data.error.code, 'link_revoked');
    const rs = await hr.post(`/api/v1/hr/people/${inv.id}/resend`, { valid_days: 7 });
    assert.equal(rs.status, 200);
    assert.notEqual(rs.data.token, inv.token);
    assert.equal((await p.send(solution(new Player(server.url, inv.token)))).status, 401, 'the old token is gone');
    const fresh = new Player(server.url, rs.data.token);
    assert.equal((await fresh.send(solution(fresh))).status, 200);
    const audit = (await hr.get('/api/v1/hr/audit')).data.audit.map((a) => a.action);
    assert.ok(audit.includes('revoke') && audit.includes('resend') && audit.includes('import'));
  });
});

describe('erasure, retention, backup and restore', () => {
  let server, hr, data;
  const password = 'another long password';
  before(async () => {
    data = tempDir();
    server = await startServer({ data });
    hr = new HR(server.url);
    await hr.firstLogin(server, password);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('erases a person and everything recorded about them, and logs it', async () => {
    const inv = await hr.invite({ name: 'Poistettava Paula' });
    const p = new Player(server.url, inv.token);
    assert.equal((await p.send(solution(p))).status, 200);
    await fetch(server.url + '/api/v1/feedback', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${inv.token}` },
      body: JSON.stringify({ text: 'palautetta' }),
    });
    const e = await hr.post(`/api/v1/hr/people/${inv.id}/erase`);
    assert.equal(e.status, 200);
    assert.equal((await hr.get(`/api/v1/hr/people/${inv.id}`)).status, 404);
    const db = path.join(data, 'pakopeli.db');
    assert.equal(sql(db, `SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM plays) + (SELECT COUNT(*) FROM feedback) + (SELECT COUNT(*) FROM puzzle_results)`), '0');
    assert.equal((await p.me()).status, 401);
    const audit = (await hr.get('/api/v1/hr/audit')).data.audit;
    assert.ok(audit.some((a) => a.action === 'erase' && a.detail === `person #${inv.id}`));
    assert.ok(!JSON.stringify(audit).includes('Paula'), 'the audit log keeps no name of an erased person');
  });

  it('backs up online, and a restore brings the records back', async () => {
    const inv = await hr.invite({ name: 'Varmuus Veikko' });
    const p = new Player(server.url, inv.token);
    assert.equal((await p.send(solution(p))).status, 200);
    const backup = path.join(tempDir(), 'backup.db');
    const out = runCommand(['backup', `--data=${data}`, backup]);
    assert.match(out, /integrity ok/);
    const inv2 = await hr.invite({ name: 'Myöhempi Mikko' }); // after the backup: not in it
    await server.stop();
    assert.throws(() => runCommand(['restore', `--data=${data}`, '/nonexistent.db']));
    const restored = runCommand(['restore', `--data=${data}`, backup]);
    assert.match(restored, /restored/);
    assert.ok(fs.readdirSync(data).some((f) => /before-restore/.test(f)), 'the replaced database is kept');
    server = await startServer({ data });
    hr = new HR(server.url);
    await hr.login('admin', password);
    assert.equal((await hr.person(inv.id)).status, 'completed');
    assert.equal((await hr.get(`/api/v1/hr/people/${inv2.id}`)).status, 404);
    assert.match(runCommand(['check', `--data=${data}`]), /: ok/);
  });

  it('refuses to restore while the server runs on the same data', () => {
    assert.throws(() => runCommand(['restore', `--data=${data}`, path.join(data, 'pakopeli.db')]), /running/);
  });

  it('removes records older than the retention period by itself', async () => {
    const inv = await hr.invite({ name: 'Vanha Ville' });
    await server.stop();
    server = await startServer({ data, args: ['--retention_days=30', `--clock_offset=${31 * DAY}`] });
    hr = new HR(server.url);
    await hr.login('admin', password);
    assert.equal((await hr.get(`/api/v1/hr/people/${inv.id}`)).status, 404);
    assert.equal((await hr.get('/api/v1/hr/people')).data.people.length, 0);
    const audit = (await hr.get('/api/v1/hr/audit')).data.audit;
    assert.ok(audit.some((a) => a.action === 'retention'));
  });
});

describe('HR accounts, sessions and roles', () => {
  let server, hr, data;
  before(async () => {
    data = tempDir();
    server = await startServer({ data });
    hr = new HR(server.url);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('makes the first admin change the one-time password before anything else', async () => {
    const r = await hr.login('admin', server.adminPassword);
    assert.equal(r.status, 200);
    assert.equal(r.data.must_change, true);
    assert.equal((await hr.get('/api/v1/hr/people')).data.error.code, 'password_change_required');
    const weak = await hr.post('/api/v1/hr/password', { old: server.adminPassword, new: 'short' });
    assert.equal(weak.status, 400);
    assert.equal((await hr.post('/api/v1/hr/password', { old: server.adminPassword, new: 'hallinnon salasana 123' })).status, 200);
    assert.equal((await hr.get('/api/v1/hr/people')).status, 200);
  });

  it('sets an HttpOnly SameSite=Strict cookie (Secure off only on plain loopback) and a new id at each login', async () => {
    const a = await fetch(server.url + '/api/v1/hr/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'admin', password: 'hallinnon salasana 123' }) });
    const b = await fetch(server.url + '/api/v1/hr/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'admin', password: 'hallinnon salasana 123' }) });
    const ca = a.headers.getSetCookie()[0], cb = b.headers.getSetCookie()[0];
    assert.match(ca, /^pk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.notEqual(ca.split(';')[0], cb.split(';')[0]);
    const proxied = await fetch(server.url + '/api/v1/hr/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ user: 'admin', password: 'hallinnon salasana 123' }) });
    const pc = proxied.headers.getSetCookie()[0];
    assert.match(pc, /^__Host-pk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/,
      'behind a proxy the cookie is Secure and __Host- prefixed (no subdomain can set or shadow it)');
    const id = pc.split(';')[0];
    const viaProxy = await fetch(server.url + '/api/v1/hr/session', { headers: { cookie: id, 'x-forwarded-proto': 'https' } });
    assert.equal(viaProxy.status, 200, 'the prefixed cookie opens the session');
    const plainOnHttps = await fetch(server.url + '/api/v1/hr/session', { headers: { cookie: 'pk_session=' + id.split('=')[1], 'x-forwarded-proto': 'https' } });
    assert.equal(plainOnHttps.status, 401, 'on an HTTPS site an unprefixed cookie (a sibling subdomain could set one) is ignored');
  });

  it('needs the CSRF token and a same-origin request for every change', async () => {
    const noToken = await fetch(server.url + '/api/v1/hr/people', { method: 'POST', headers: { 'content-type': 'application/json', cookie: hr.cookie }, body: JSON.stringify({ name: 'X', unit: 'Y' }) });
    assert.equal(noToken.status, 403);
    assert.equal((await noToken.json()).error.code, 'csrf');
    const crossSite = await hr.request('POST', '/api/v1/hr/people', JSON.stringify({ name: 'X', unit: 'Y' }), { raw: true, headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
    assert.equal(crossSite.status, 403);
    const form = await hr.request('POST', '/api/v1/hr/people', 'name=X&unit=Y', { raw: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415, 'a cross-site HTML form cannot post JSON');
    assert.equal((await hr.get('/api/v1/hr/people')).data.people.length, 0);
  });

  it('gives viewers read access only', async () => {
    const out = runCommand(['user', 'add', 'katsoja', '--role=viewer', '--password-stdin', `--data=${data}`], { input: 'viewer password 1\n' });
    assert.match(out, /password set/);
    const v = new HR(server.url);
    assert.equal((await v.login('katsoja', 'viewer password 1')).status, 200);
    assert.equal((await v.get('/api/v1/hr/people')).status, 200);
    const w = await v.post('/api/v1/hr/people', { name: 'X', unit: 'Y' });
    assert.equal(w.status, 403);
    assert.equal(w.data.error.code, 'forbidden');
    assert.equal((await v.get('/api/v1/hr/audit')).status, 403);
    assert.throws(() => runCommand(['user', 'remove', 'admin', `--data=${data}`]), /last admin/);
    assert.match(runCommand(['user', 'list', `--data=${data}`]), /katsoja\s+viewer/);
  });

  it('slows down password guessing', async () => {
    const g = new HR(server.url);
    for (let i = 0; i < 5; i++) assert.equal((await g.login('admin', 'wrong ' + i)).status, 401);
    const r = await g.login('admin', 'hallinnon salasana 123');
    assert.equal(r.status, 429, 'locked even with the right password');
    assert.ok(Number(r.headers.get('retry-after')) > 0);
  });

  it('ends a session after the idle timeout', async () => {
    const s = new HR(server.url);
    assert.equal((await s.login('katsoja', 'viewer password 1')).status, 200);
    await server.stop();
    server = await startServer({ data, args: ['--session_idle_minutes=5', '--clock_offset=360'] });
    s.base = server.url;
    const r = await s.get('/api/v1/hr/session');
    assert.equal(r.status, 401);
    assert.equal(r.data.error.code, 'login_required');
  });

  it('ends a session at logout', async () => {
    const s = new HR(server.url);
    assert.equal((await s.login('katsoja', 'viewer password 1')).status, 200);
    const cookie = s.cookie;
    assert.equal((await s.post('/api/v1/hr/logout')).status, 200);
    assert.equal(s.cookie, null, 'the cookie is cleared');
    const old = await fetch(server.url + '/api/v1/hr/people', { headers: { cookie } });
    assert.equal(old.status, 401);
  });
});

describe('anonymous mode and static files', () => {
  let server;
  before(async () => { server = await startServer({ args: ['--anonymous=true', '--org=Hyvinvointialue'] }); });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('lets a player give name and unit instead of an invitation', async () => {
    const cfg = await (await fetch(server.url + '/api/v1/config')).json();
    assert.deepEqual(cfg, { api: 1, org: 'Hyvinvointialue', anonymous: true, sso: false, content: 1 });
    const res = await fetch(server.url + '/api/v1/players', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Anna Anonyymi', unit: 'Neuvola' }) });
    assert.equal(res.status, 201);
    const { token } = await res.json();
    const p = new Player(server.url, token);
    const r = await p.send(solution(p));
    assert.equal(r.data.completed, true);
  });

  it('serves the game with the WebAssembly type, gzip, and a CSP that allows wasm only', async () => {
    const wasm = await fetch(server.url + '/pakopeli.wasm', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'gzip');
    const page = await fetch(server.url + '/');
    assert.match(page.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(page.headers.get('content-security-policy'), /unsafe-inline/);
    const etag = page.headers.get('etag');
    assert.equal((await fetch(server.url + '/', { headers: { 'if-none-match': etag } })).status, 304);
    const hr = await fetch(server.url + '/hr/');
    assert.equal(hr.status, 200);
    assert.match(hr.headers.get('content-security-policy'), /script-src 'self';/);
  });

  it('sends the build\'s brotli file to browsers that accept br, gzip to the rest', async () => {
    const raw = fs.readFileSync(path.join(WEB, 'pakopeli.wasm'));
    const br = await fetch(server.url + '/pakopeli.wasm', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.ok(Buffer.from(await br.arrayBuffer()).equals(raw)); // fetch decodes it
    const refused = await fetch(server.url + '/pakopeli.wasm', { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    assert.equal(refused.headers.get('content-encoding'), 'gzip');
    await refused.arrayBuffer();
  });

  it('never sends a brotli file older than the file it compresses', async () => {
    const web = tempDir();
    fs.writeFileSync(path.join(web, 'old.js'), 'console.log("new text");\n'.repeat(50));
    fs.writeFileSync(path.join(web, 'old.js.br'), zlib.brotliCompressSync('console.log("old text");\n'.repeat(50)));
    const past = new Date(Date.now() - 60000);
    fs.utimesSync(path.join(web, 'old.js.br'), past, past);
    const other = await startServer({ web });
    try {
      const r = await fetch(other.url + '/old.js', { headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(r.headers.get('content-encoding'), 'gzip');
      assert.match(await r.text(), /new text/);
    } finally {
      await other.stop();
    }
  });

  it('serves nothing outside its folders', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/.content', '/hr/../../../etc/passwd', '/levels/../../Makefile']) {
      const r = await fetch(server.url + p);
      assert.ok(r.status === 404, `${p}: ${r.status}`);
    }
    assert.equal((await fetch(server.url + '/', { method: 'DELETE' })).status, 405);
  });
});

describe('invitation mode', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));
  it('refuses anonymous players', async () => {
    const res = await fetch(server.url + '/api/v1/players', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'A', unit: 'B' }) });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'anonymous_disabled');
  });
});
