// Results integrity (issue 15) against the real server: a play is timed by the server's own
// clock, the client's t only places events inside a batch sent after an offline spell and is
// bounded by the server's times, a t that goes back is refused, and a room solved faster than
// its plausible minimum is flagged for HR (the score stands). Time passing is the server
// restarted on the same data with its clock moved forward (clock_offset, tests only).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, HR, Player, solution, sql, tempDir } from './lib.mjs';

const PASSWORD = 'correct horse battery staple';

// The Outlook room's seven answers with the client's t spread over `span` ms from `t0`.
function spread(p, span, t0 = 1000) {
  const items = solution(p);
  items.forEach((it, i) => { it.event.t = Math.round(t0 + (span * i) / (items.length - 1)); });
  p.t = items[items.length - 1].event.t;
  return items;
}

async function admin(server, first) {
  const hr = new HR(server.url);
  if (first) await hr.firstLogin(server, PASSWORD);
  else assert.equal((await hr.login('admin', PASSWORD)).status, 200);
  return hr;
}

describe('the server times plays by its own clock', () => {
  const data = tempDir();
  let server, port = 0;
  // the same address after each restart: the players' pages keep talking to it
  const restart = async (args = []) => {
    if (server) assert.equal((await server.stop()).code, 0, server.errors());
    server = await startServer({ data, port, args });
    port = Number(new URL(server.url).port);
  };
  after(async () => { if (server) assert.equal((await server.stop()).code, 0, server.errors()); });

  it('flags a play sent at once with made-up times, and keeps its score', async () => {
    await restart();
    const hr = await admin(server, true);
    const inv = await hr.invite({ name: 'Kalle Kiire' });
    const p = new Player(server.url, inv.token);
    // the attack: the whole key in one request, every t zero ...
    const zero = solution(p).map((it) => ({ ...it, event: { ...it.event, t: 0 } }));
    const r = await p.send(zero);
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.completed, true);
    const who = await hr.person(inv.id);
    assert.equal(who.score, 90, 'the score stands');
    assert.equal(who.time_ms, 0);
    assert.deepEqual(who.fast, ['outlook'], 'HR sees the room flagged');
    const v = await hr.get('/api/v1/hr/verify?code=' + encodeURIComponent(r.data.completion_code));
    assert.deepEqual(v.data.person.fast, ['outlook'], 'the completion check shows the flag too');

    // ... and with plausible-looking times: ten claimed minutes are not believed
    const inv2 = await hr.invite({ name: 'Liisa Liukas' });
    const q = new Player(server.url, inv2.token);
    assert.equal((await q.me()).status, 200);
    const r2 = await q.send(spread(q, 10 * 60 * 1000));
    assert.equal(r2.status, 200, JSON.stringify(r2.data));
    const who2 = await hr.person(inv2.id);
    assert.ok(who2.time_ms < 5000, `claimed 10 min, the server saw ${who2.time_ms} ms`);
    assert.deepEqual(who2.fast, ['outlook']);
  });

  it('refuses a time that goes back, within a batch and after a stored event', async () => {
    const hr = await admin(server, false);
    const inv = await hr.invite({ name: 'Taisto Taaksepäin' });
    const p = new Player(server.url, inv.token);
    const items = solution(p);
    items[2].event.t = items[1].event.t - 1;
    const r = await p.send(items.slice(0, 3));
    assert.equal(r.status, 422, JSON.stringify(r.data));
    assert.equal(r.data.error.index, 2);
    assert.match(r.data.error.message, /goes back/);
    assert.equal(r.data.accepted, 2, 'the events before it stand');
    items[2].event.t = 1; // earlier than the stored ones
    const again = await p.send([items[2]]);
    assert.equal(again.status, 422);
    assert.match(again.data.error.message, /goes back/);
  });

  it('believes an offline batch as far as the server saw time pass, across a page reload', async () => {
    const hr = await admin(server, false);
    const inv = await hr.invite({ name: 'Outi Offline' });
    const p = new Player(server.url, inv.token);
    assert.equal((await p.me()).status, 200); // the page loads, then the ward's network drops
    await restart(['--clock_offset=600']); // ten minutes later
    assert.equal((await p.me()).status, 200, 'the page reloads online: this must not move the bound');
    const r = await p.send(spread(p, 8 * 60 * 1000)); // eight minutes of play, sent at once
    assert.equal(r.status, 200, JSON.stringify(r.data));
    const who = await (await admin(server, false)).person(inv.id);
    assert.ok(Math.abs(who.time_ms - 8 * 60 * 1000) < 2000, `8 min played offline, counted ${who.time_ms} ms`);
    assert.deepEqual(who.fast, []);
    const db = path.join(data, 'pakopeli.db');
    const at = sql(db, `SELECT MIN(at_ms), MAX(at_ms), MAX(received) FROM events e JOIN people p ON p.id = e.person_id WHERE p.name = 'Outi Offline'`)
      .split('|').map(Number);
    assert.ok(at[1] - at[0] > 7 * 60 * 1000 && at[1] <= at[2], 'the events are placed back from their receipt');
  });

  it('does not count a night with the page closed, nor a pause longer than really passed', async () => {
    const hr = await admin(server, false);
    const inv = await hr.invite({ name: 'Yrjö Yövuoro' });
    const p = new Player(server.url, inv.token);
    assert.equal((await p.me()).status, 200);
    const items = solution(p);
    items.forEach((it, i) => { it.event.t = 1000 + i * 20000; }); // 20 s per answer as claimed
    const first = await p.send(items.slice(0, 1));
    assert.equal(first.status, 200);
    await restart(['--clock_offset=43200']); // twelve hours later
    for (let i = 1; i < items.length; i++) assert.equal((await p.send([items[i]])).status, 200);
    const who = await (await admin(server, false)).person(inv.id);
    // the night counts only as the client's 20 s; the rest were sent at once: the server saw ~0 s
    assert.ok(who.time_ms >= 20000 && who.time_ms < 25000, `counted ${who.time_ms} ms`);
    assert.deepEqual(who.fast, [], '20 s is the default minimum');
  });

  it('takes each room\'s minimum from min_room_seconds', async () => {
    await restart(['--min_room_seconds=5 outlook=3600', '--clock_offset=43200']);
    const hr = await admin(server, false);
    const inv = await hr.invite({ name: 'Veera Vakaa' });
    const p = new Player(server.url, inv.token);
    assert.equal((await p.me()).status, 200);
    await restart(['--min_room_seconds=5 outlook=3600', '--clock_offset=44100']);
    assert.equal((await p.send(spread(p, 14 * 60 * 1000))).status, 200);
    const who = await (await admin(server, false)).person(inv.id);
    assert.ok(who.time_ms > 13 * 60 * 1000, `counted ${who.time_ms}`);
    assert.deepEqual(who.fast, ['outlook'], 'fourteen minutes is under this room\'s hour');
    const bad = await startServer({ args: ['--min_room_seconds=soon'] }).catch((e) => e);
    assert.match(String(bad), /min_room_seconds: a number of seconds/);
  });
});
