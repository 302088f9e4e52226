// Bad input gets a clear 4xx and leaves nothing behind: malformed JSON, wrong types, huge
// bodies, unknown and reused tokens, forged scores, and SQL and HTML injection in every field.
// After every case the database is compared with how it was before.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { startServer, HR, Player, solution, sql } from './lib.mjs';

const SQLI = ["'); DROP TABLE people; --", "' OR '1'='1", '1; DELETE FROM events', "Robert'); DROP TABLE users;--"];
const HTMLI = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '&lt;b&gt;&amp;'];

describe('bad input', () => {
  let server, hr, db, token, player;

  // Everything the database holds about people and play, as one string to compare.
  const snapshot = () => sql(db, `SELECT (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM events),
    (SELECT COUNT(*) FROM plays), (SELECT COUNT(*) FROM feedback), (SELECT COUNT(*) FROM puzzle_results),
    (SELECT group_concat(score || '/' || completed, ',') FROM people)`);

  // Sends a raw request; returns {status, body}.
  async function raw(method, p, body, headers = {}) {
    const res = await fetch(server.url + p, { method, headers, body });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, json, text };
  }

  const events = (body, tok = token) => raw('POST', '/api/v1/events', typeof body === 'string' ? body : JSON.stringify(body),
    { 'content-type': 'application/json', authorization: `Bearer ${tok}` });

  // Asserts a 4xx with an error code (and field), and that nothing changed.
  async function refused(promise, status, code, field) {
    const before = snapshot();
    const r = await promise;
    const json = r.json ?? r.data, text = r.text ?? JSON.stringify(r.data);
    assert.equal(r.status, status, text);
    if (code) assert.equal(json?.error?.code, code, text);
    if (field) assert.equal(json?.error?.field, field, text);
    assert.ok(!/sqlite|SELECT|INSERT|\.c:\d+|Segmentation|AddressSanitizer/i.test(text), `internals leaked: ${text}`);
    assert.equal(snapshot(), before, 'nothing stored');
    return r;
  }

  before(async () => {
    server = await startServer();
    db = path.join(server.data, 'pakopeli.db');
    hr = new HR(server.url);
    await hr.firstLogin(server);
    const inv = await hr.invite({ name: 'Testi Pelaaja' });
    token = inv.token;
    player = new Player(server.url, token);
    assert.equal((await player.send(solution(player).slice(0, 2))).status, 200);
  });
  after(async () => assert.equal((await server.stop()).code, 0, server.errors()));

  it('refuses malformed JSON with its place', async () => {
    const r = await refused(events('{"play":"x","events":[{"key":"k",'), 400, 'bad_json');
    assert.match(r.json.error.message, /syntax|end/i);
    await refused(events('not json at all'), 400, 'bad_json');
    await refused(events('{"play":"x"} trailing'), 400, 'bad_json');
    await refused(events('[' .repeat(5000) + ']'.repeat(5000)), 400);
    await refused(events('{"play":"a\u0000b","events":[]}'.replace('\\u0000', '\u0000')), 400);
  });

  it('refuses wrong types and names the field', async () => {
    await refused(events({ play: 42, events: [] }), 400, 'wrong_type', 'play');
    await refused(events({ play: 'x', events: {} }), 400, 'wrong_type', 'events');
    await refused(events({ play: 'x', events: [] }), 400, 'too_many', 'events');
    await refused(events({ play: 'x', events: ['e'] }), 400, 'wrong_type', 'events[0]');
    const p = new Player(server.url, token, 'typed');
    const ev = p.event('signs', ['sender']);
    await refused(events({ play: 'typed', events: [{ key: 'typed:1', event: { ...ev.event, seq: '1' } }] }), 400, 'wrong_type', 'events[0].event.seq');
    await refused(events({ play: 'typed', events: [{ key: 'typed:1', event: { ...ev.event, answer: 'sender' } }] }), 400, 'wrong_type', 'events[0].event.answer');
    await refused(events({ play: 'typed', events: [{ key: 'typed:1', event: { ...ev.event, answer: [1] } }] }), 400, 'bad_value', 'events[0].event.answer[0]');
    await refused(events({ play: 'typed', events: [{ key: 'typed:1', event: { ...ev.event, v: 2 } }] }), 400, 'bad_value', 'events[0].event.v');
    await refused(events({ play: 'typed', events: [{ key: 'typed:1', event: { ...ev.event, seq: -1 } }] }), 400, 'bad_value');
    await refused(events({ play: 'typed', events: [{ key: 'typed:1', event: { ...ev.event, room: 'x'.repeat(5000) } }] }), 400, 'bad_value');
    await refused(events({ play: 'typed', events: Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, event: ev.event })) }), 400, 'too_many');
    await refused(raw('POST', '/api/v1/hr/people', JSON.stringify({ name: ['x'], unit: 'y' }),
      { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 400, 'wrong_type', 'name');
    await refused(raw('POST', '/api/v1/hr/people', JSON.stringify({ name: 'x', unit: 'y', start_date: '2025-02-30' }),
      { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 400, 'bad_value', 'start_date');
    await refused(raw('POST', '/api/v1/hr/people', JSON.stringify({ name: 'x', unit: 'y', email: 'not an address' }),
      { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 400, 'bad_value', 'email');
    await refused(raw('POST', '/api/v1/hr/people', JSON.stringify({ name: 'tab\there', unit: 'y' }),
      { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 400, 'bad_value', 'name');
    await refused(raw('POST', '/api/v1/hr/people', JSON.stringify({ name: 'bidi \u202Eevil', unit: 'y' }),
      { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 400, 'bad_value', 'name');
    await refused(raw('POST', '/api/v1/hr/people', JSON.stringify({ name: 'x', unit: 'y', admin: true }),
      { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 400, 'unknown_field', 'admin');
  });

  it('refuses huge bodies without reading them, with or without a length', async () => {
    await refused(events('{"play":"x","events":[' + '"x",'.repeat(100000) + '"x"]}'), 413, 'too_large');
    // chunked: no Content-Length, so the server must count as it reads
    const before = snapshot();
    const status = await new Promise((resolve, reject) => {
      const u = new URL(server.url + '/api/v1/events');
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' } },
      (res) => { res.resume(); resolve(res.statusCode); });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 8; i++) req.write(chunk);
      req.end();
    });
    assert.equal(status, 413);
    assert.equal(snapshot(), before);
    await refused(raw('POST', '/api/v1/hr/login', 'x'.repeat(20000), { 'content-type': 'application/json' }), 413);
  });

  it('refuses other content types', async () => {
    await refused(raw('POST', '/api/v1/events', JSON.stringify({ play: 'x', events: [] }),
      { 'content-type': 'text/plain', authorization: `Bearer ${token}` }), 415, 'unsupported_type');
  });

  it('refuses unknown, malformed, missing and revoked tokens', async () => {
    const p = new Player(server.url, token, 'tok');
    const body = { play: 'tok', events: [p.event('signs', ['sender'])] };
    await refused(events(body, 'A'.repeat(43)), 401, 'unknown_token');
    await refused(events(body, "' OR 1=1 --"), 401, 'unknown_token');
    await refused(events(body, ''), 401);
    await refused(raw('POST', '/api/v1/events', JSON.stringify(body), { 'content-type': 'application/json' }), 401, 'token_required');
    const inv = await hr.invite({ name: 'Peruttava' });
    await hr.post(`/api/v1/hr/people/${inv.id}/revoke`);
    await refused(events(body, inv.token), 403, 'link_revoked');
  });

  it('never takes a claimed score: unknown fields are refused, answers are replayed', async () => {
    const p = new Player(server.url, token, 'forged');
    const ev = p.event('signs', ['sender']);
    await refused(events({ play: 'forged', score: 100, events: [ev] }), 400, 'unknown_field', 'score');
    await refused(events({ play: 'forged', events: [{ ...ev, completed: true }] }), 400, 'unknown_field');
    await refused(events({ play: 'forged', events: [{ key: ev.key, event: { ...ev.event, score: 100 } }] }), 400, 'unknown_field');
    // a play that jumps straight to the last puzzle does not replay
    const q = new Player(server.url, token, 'skip');
    await refused(q.send([q.event('what-to-do', ['report'])]), 422, 'replay_refused');
    // nor does an answer the room does not have, or a hint that does not exist
    const r = new Player(server.url, token, 'wrong');
    await refused(r.send([r.event('signs', ['the-boss-said-so'])]), 422, 'replay_refused');
    r.seq = 0;
    await refused(r.send([r.event('lobby', ['x'], { room: 'no-such-room' })]), 422, 'replay_refused');
    const h = new Player(server.url, token, 'hints');
    assert.equal((await h.send([1, 2].map(() => h.event('signs', null, { hint: true })))).status, 200, 'the room has two hints');
    await refused(h.send([h.event('signs', null, { hint: true })]), 422, 'replay_refused');
    // events out of order or numbered twice
    const g = new Player(server.url, token, 'gap');
    g.seq = 4;
    await refused(g.send([g.event('signs', ['sender'])]), 409, 'seq_gap');
  });

  it('stores SQL and HTML in names verbatim and harmlessly, and refuses them in ids', async () => {
    for (const evil of [...SQLI, ...HTMLI]) {
      const inv = await hr.invite({ name: evil, unit: evil, email: 'ok@example.fi' });
      const got = await hr.person(inv.id);
      assert.equal(got.name, evil);
      assert.equal(got.unit, evil);
      const byName = await hr.get('/api/v1/hr/people?q=' + encodeURIComponent(evil));
      assert.ok(byName.data.people.some((p) => p.id === inv.id));
      const p = new Player(server.url, token, 'inj');
      p.seq = 0;
      await refused(events({ play: 'inj', events: [{ key: evil, event: p.event('signs', ['sender']).event }] }), 400, 'bad_value', 'events[0].key');
      await refused(events({ play: evil, events: [p.event('signs', ['sender'])] }), 400, 'bad_value', 'play');
      p.seq = 0;
      await refused(p.send([p.event(evil, ['sender'])]), 422, 'replay_refused');
      p.seq = 0;
      await refused(p.send([p.event('signs', [evil])]), 422, 'replay_refused');
      p.seq = 0;
      await refused(p.send([p.event('signs', ['sender'], { room: evil })]), 422, 'replay_refused');
      await refused(hr.get('/api/v1/hr/people?status=' + encodeURIComponent(evil)), 400, 'bad_value', 'status');
      await refused(hr.get('/api/v1/hr/people?from=' + encodeURIComponent(evil)), 400, 'bad_value');
      const unitFilter = await hr.get('/api/v1/hr/people?unit=' + encodeURIComponent(evil));
      assert.equal(unitFilter.status, 200);
      await refused(hr.get('/api/v1/hr/verify?code=' + encodeURIComponent(evil)), 400, 'bad_code');
      await refused(raw('POST', '/api/v1/hr/login', JSON.stringify({ user: evil, password: evil }), { 'content-type': 'application/json' }), 401, 'bad_login');
    }
    const tables = sql(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)");
    assert.equal(tables, 'audit,content_asset,content_draft,content_head,content_package,content_release,content_release_file,content_version,events,feedback,mail,mail_templates,meta,oidc_states,people,person_tokens,plays,puzzle_results,room_results,sessions,stat_cell,stat_day,stat_rep,stat_status,stat_time,stat_time_all,units,user_units,users');
    assert.equal(sql(db, 'SELECT COUNT(*) FROM users'), '1');
  });

  it('answers unknown API addresses and methods with JSON errors', async () => {
    await refused(raw('GET', '/api/v1/nothing'), 404, 'not_found');
    await refused(raw('GET', '/api/v2/events'), 404, 'not_found');
    await refused(raw('GET', '/api/v1/events', undefined, { authorization: `Bearer ${token}` }), 405, 'method_not_allowed');
    await refused(raw('PUT', '/api/v1/hr/people/1/erase'), 405);
    await refused(raw('POST', '/api/v1/hr/people/1/delete', '{}', { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 404);
    await refused(raw('POST', '/api/v1/hr/people/999999/erase', '{}', { 'content-type': 'application/json', cookie: hr.cookie, 'x-csrf-token': hr.csrf }), 404, 'not_found');
  });
});
