// Issue 14, e-mail: invitations, reminders and managers' summaries through a real SMTP server on
// loopback (Debian's python3-aiosmtpd, tests/server/smtp_sink.py), read as a mailbox would show
// them. Authentication, STARTTLS with the relay's certificate, a refused recipient retried and
// then shown as failed, templates HR edits, and never the same reminder twice.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, SCREENS } from '../e2e/lib.mjs';
import { startServer, HR, Player, runCommand, tempDir } from './lib.mjs';
import { startSink, until } from './peers.mjs';

const PUBLIC = 'https://pakopeli.example.fi';

function mailArgs(sink, more = []) {
  const pw = path.join(tempDir(), 'smtp-password');
  fs.writeFileSync(pw, 'relay secret\n', { mode: 0o600 });
  return [`--smtp-url=smtp://127.0.0.1:${sink.port}`, '--smtp-starttls=false', '--smtp-user=pakopeli',
    `--smtp-password-file=${pw}`, '--mail-from=perehdytys@example.fi', `--public-url=${PUBLIC}`,
    '--mail-poll-seconds=1', '--mail-retry-seconds=1', '--mail-attempts=2', '--mail-langs=fi,sv', ...more];
}

const linkOf = (body) => { const m = /https:\/\/pakopeli\.example\.fi\/#t=([A-Za-z0-9_-]{43})/.exec(body); return m && m[1]; };

describe('e-mail through a real SMTP server', () => {
  let sink, server, hr, data, people = {};
  before(async () => {
    sink = await startSink(['--user', 'pakopeli', '--password', 'relay secret']);
    data = tempDir();
    server = await startServer({ data, args: mailArgs(sink) });
    hr = new HR(server.url);
    await hr.firstLogin(server);
  });
  after(async () => {
    assert.equal((await server.stop()).code, 0, server.errors());
    sink.stop();
  });

  it('e-mails each imported person their personal link, in Finnish and Swedish, after authenticating', async () => {
    const csv = 'nimi;yksikkö;aloituspäivä;sähköposti\nAino Aalto;Päivystys;2025-03-01;aino@example.fi\n' +
      'Bertta Berg;Päivystys;2025-03-01;bertta@example.fi\nVäärä Osoite;Päivystys;2025-03-01;refuse@example.fi\n' +
      'Ei Postia;Päivystys;2025-03-01;\n';
    const r = await hr.post('/api/v1/hr/people/import', { csv });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    for (const p of r.data.created) people[p.name] = p;
    const got = await until('two invitations', () => { const m = sink.messages(); return m.length >= 2 && m; });
    const aino = got.find((m) => m.to[0] === 'aino@example.fi');
    assert.equal(aino.from, 'perehdytys@example.fi');
    assert.equal(aino.auth, true, 'the relay required authentication');
    assert.match(aino.subject, /^Tervetuloa: perehdytyksen pakopeli \/ Välkommen/);
    assert.match(aino.body, /Hei Aino Aalto!/);
    assert.match(aino.body, /Hej Aino Aalto!/);
    assert.equal(linkOf(aino.body), people['Aino Aalto'].token, 'the link of the invitation');
    // what the game's security room teaches, the invitation makes possible: where the link goes
    assert.match(aino.body, /linkki vie osoitteeseen pakopeli\.example\.fi\. Jos epäilet viestiä/);
    assert.match(aino.body, /länken att den går till pakopeli\.example\.fi\./);
    const me = await new Player(server.url, linkOf(aino.body)).me();
    assert.equal(me.status, 200);
  });

  it('retries a recipient the relay refuses, then shows the mail as failed on the dashboard', async () => {
    const failed = await until('the refused mail to fail', async () => {
      const list = (await hr.get('/api/v1/hr/mail')).data.mail;
      return list.find((m) => m.rcpt === 'refuse@example.fi' && m.state === 'failed');
    });
    assert.equal(failed.attempts, 2);
    assert.match(failed.error, /550/);
    assert.equal(failed.error_kind, 'recipient', failed.error); // the dashboard: check the address
    const list = (await hr.get('/api/v1/hr/mail')).data.mail;
    assert.equal(list.filter((m) => m.state === 'sent').length, 2);
    assert.ok(!list.some((m) => m.name === 'Ei Postia'), 'no address, no mail');
    assert.ok(!JSON.stringify(list).includes(people['Aino Aalto'].token), 'the dashboard never sees a link');
  });

  it('lets HR edit a template and uses it for the next mail', async () => {
    const t = await hr.post('/api/v1/hr/mail/templates', { kind: 'invitation', lang: 'fi', subject: 'Oma kutsu {name}', body: 'Hei {name}, pelaa: {link}\n' });
    assert.equal(t.status, 200, JSON.stringify(t.data));
    const tpl = (await hr.get('/api/v1/hr/mail/templates')).data.templates.find((x) => x.kind === 'invitation' && x.lang === 'fi');
    assert.equal(tpl.edited, true);
    const bad = await hr.post('/api/v1/hr/mail/templates', { kind: 'spam', lang: 'fi', subject: 'x', body: 'y' });
    assert.equal(bad.status, 400);
    const c = await hr.invite({ name: 'Cecilia Cox', unit: 'Kotihoito', email: 'cecilia@example.fi' });
    people['Cecilia Cox'] = c;
    const m = await until('the edited invitation', () => sink.messages().find((x) => x.to[0] === 'cecilia@example.fi'));
    assert.match(m.subject, /^Oma kutsu Cecilia Cox \/ Välkommen/);
    assert.equal(linkOf(m.body), c.token);
    await hr.post('/api/v1/hr/mail/templates', { kind: 'invitation', lang: 'fi', reset: true });
  });

  it('lets a manager remind their own people once a day, and no one else', async () => {
    runCommand(['user', 'add', 'esihenkilo', '--role=manager', '--password-stdin', `--data=${data}`], { input: 'manager password 1\n' });
    const units = (await hr.get('/api/v1/hr/units')).data.list;
    const kotihoito = units.find((u) => u.name === 'Kotihoito').id;
    assert.equal((await hr.post('/api/v1/hr/users/esihenkilo', { units: [kotihoito], email: 'esihenkilo@example.fi' })).status, 200);
    const m = new HR(server.url);
    assert.equal((await m.login('esihenkilo', 'manager password 1')).status, 200);
    assert.equal((await m.post(`/api/v1/hr/people/${people['Aino Aalto'].id}/remind`, {})).status, 404, 'not their unit');
    const before = sink.messages().length;
    const r = await m.post(`/api/v1/hr/people/${people['Cecilia Cox'].id}/remind`, {});
    assert.equal(r.status, 200, JSON.stringify(r.data));
    const again = await m.post(`/api/v1/hr/people/${people['Cecilia Cox'].id}/remind`, {});
    assert.equal(again.data.error.code, 'reminded_today');
    const mail = await until('the reminder', () => sink.messages().length > before && sink.messages().at(-1));
    assert.equal(mail.to[0], 'cecilia@example.fi');
    assert.match(mail.subject, /^Muistutus/);
    const fresh = linkOf(mail.body);
    assert.ok(fresh && fresh !== people['Cecilia Cox'].token, 'a fresh link');
    assert.equal((await new Player(server.url, fresh).me()).status, 200);
    assert.equal((await new Player(server.url, people['Cecilia Cox'].token).me()).status, 401, 'the old link no longer works');
    const seen = (await m.get('/api/v1/hr/mail')).data.mail;
    assert.ok(seen.length >= 1 && seen.every((x) => x.name === 'Cecilia Cox'), 'a manager sees only mail to their people');
    assert.ok(seen.every((x) => !('rcpt' in x)), 'and no addresses');
  });

  it('reminds those who have not started or finished after N days, never twice, and sends managers a summary', async () => {
    // Bertta starts playing; then a week passes (the server restarts with its clock 8 days ahead)
    const bertta = new Player(server.url, people['Bertta Berg'].token);
    assert.equal((await bertta.send([bertta.event('signs', ['sender'])])).status, 200);
    assert.equal((await server.stop()).code, 0, server.errors());
    const before = sink.messages().length;
    server = await startServer({ data, args: mailArgs(sink, ['--clock-offset=' + 8 * 86400, '--manager-summary=true']) });
    await until('the reminders and the summary', () => sink.messages().length - before >= 4);
    await new Promise((r) => setTimeout(r, 3000)); // a few more passes of the sender
    const after = sink.messages().slice(before);
    // Aino and Cecilia have not started (Cecilia's manual reminder was another reason), Bertta has
    // not finished, and the manager gets a summary: one each, however many passes
    assert.deepEqual(after.map((m) => m.to[0]).sort(),
      ['aino@example.fi', 'bertta@example.fi', 'cecilia@example.fi', 'esihenkilo@example.fi'],
      after.map((m) => m.to[0] + ' ' + m.subject).join('; '));
    const aino = after.find((m) => m.to[0] === 'aino@example.fi');
    assert.match(aino.subject, /^Muistutus: perehdytyksen pakopeli odottaa/);
    assert.ok(linkOf(aino.body), 'not started: a fresh link');
    const b = after.find((m) => m.to[0] === 'bertta@example.fi');
    assert.match(b.subject, /^Muistutus: pakopeli on vielä kesken/);
    assert.equal(linkOf(b.body), null, 'started: continue where you were, no new link');
    const summary = after.find((m) => m.to[0] === 'esihenkilo@example.fi');
    assert.match(summary.subject, /^Viikkokooste/);
    assert.match(summary.body, /- Kotihoito: 0\/1 suorittanut \(0 %\)/);
    assert.ok(!summary.body.includes('Päivystys'), 'only their units');
  });
});

describe('e-mail over STARTTLS', () => {
  it('sends only after STARTTLS with the relay certificate it was told to trust', async () => {
    const dir = tempDir();
    const cert = path.join(dir, 'cert.pem'), key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const sink = await startSink(['--tls', cert, key]);
    const args = [`--smtp-url=smtp://127.0.0.1:${sink.port}`, '--mail-from=perehdytys@example.fi', `--public-url=${PUBLIC}`,
      '--mail-poll-seconds=1', '--mail-retry-seconds=1', '--mail-attempts=1'];
    const trusted = await startServer({ args: [...args, `--smtp-ca-file=${cert}`] });
    const hr = new HR(trusted.url);
    await hr.firstLogin(trusted);
    await hr.invite({ name: 'Turvallinen', email: 'tls@example.fi' });
    const m = await until('the mail over TLS', () => sink.messages()[0]);
    assert.equal(m.tls, true);
    assert.equal((await trusted.stop()).code, 0, trusted.errors());
    const untrusted = await startServer({ args });
    const hr2 = new HR(untrusted.url);
    await hr2.firstLogin(untrusted);
    await hr2.invite({ name: 'Epäluotettu', email: 'notls@example.fi' });
    const failed = await until('the refused certificate', async () => (await hr2.get('/api/v1/hr/mail')).data.mail.find((x) => x.state === 'failed'));
    assert.match(failed.error, /certificate|SSL/i);
    assert.equal(failed.error_kind, 'tls', failed.error);
    assert.equal(sink.messages().length, 1, 'nothing went out without TLS');
    assert.equal((await untrusted.stop()).code, 0, untrusted.errors());
    sink.stop();
  });
});

describe('e-mail when the relay does not answer', () => {
  it('keeps trying, then shows the mail as failed because the mail server could not be reached', async () => {
    // a port nobody listens on: the relay is down, or smtp_url points to the wrong place
    const closed = await new Promise((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    });
    const server = await startServer({ args: [`--smtp-url=smtp://127.0.0.1:${closed}`, '--smtp-starttls=false',
      '--mail-from=perehdytys@example.fi', `--public-url=${PUBLIC}`, '--mail-poll-seconds=1', '--mail-retry-seconds=1',
      '--mail-attempts=2'] });
    const hr = new HR(server.url);
    const password = await hr.firstLogin(server);
    await hr.invite({ name: 'Odottava', email: 'odottava@example.fi' });
    const failed = await until('the unreachable relay', async () => (await hr.get('/api/v1/hr/mail')).data.mail.find((x) => x.state === 'failed'));
    assert.equal(failed.attempts, 2);
    assert.equal(failed.error_kind, 'unreachable', failed.error);
    // the dashboard says it in HR's language with what to do, the relay's words below for the administrator
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      for (const [lang, says] of [['fi', /^Sähköpostipalvelimeen ei saatu yhteyttä\. Pyydä ylläpitoa tarkistamaan palvelin \(smtp_url\)\./],
        ['sv', /^Det gick inte att nå e-postservern\./], ['en', /^The mail server could not be reached\./]]) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang });
        const page = await context.newPage();
        await page.addInitScript((l) => localStorage.setItem('pakopeli.hr.lang', l), lang);
        await page.goto(server.url + '/hr/');
        await page.locator('#login-form input[name=user]').fill('admin');
        await page.locator('#login-form input[name=password]').fill(password);
        await page.keyboard.press('Enter');
        await page.locator('#people-table tbody tr').first().waitFor();
        await page.locator('#nav a[href="#mail"]').click();
        const row = page.locator('#mail-table tbody tr', { hasText: 'Odottava' });
        await row.waitFor();
        const cell = row.locator('td').last();
        assert.match(await cell.innerText(), says);
        assert.equal(await cell.locator('.mail-detail[lang=en]').innerText(), failed.error);
        await page.screenshot({ path: path.join(SCREENS, `hr-mail-failed-${lang}.png`) });
        await context.close();
      }
    } finally {
      await browser.close();
    }
    assert.equal((await server.stop()).code, 0, server.errors());
  });
});

describe('the reminder before a link expires', () => {
  // Only this reason is on (the others are 0 = off), so every mail after the invitations is one.
  const args = (sink, days) => mailArgs(sink, ['--remind-not-started-days=0', '--remind-not-finished-days=0',
    '--remind-expiry-days=3', ...(days ? ['--clock-offset=' + days * 86400] : [])]);
  const dateOf = (ms) => { const d = new Date(ms); return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`; };

  it('warns once whose link expires within the days set, with a working link, never twice; a new link gets its own warning', async () => {
    const sink = await startSink();
    const data = tempDir();
    let server = await startServer({ data, args: args(sink) });
    try {
      const hr = new HR(server.url);
      await hr.firstLogin(server);
      const eeva = await hr.invite({ name: 'Eeva Eronen', unit: 'Kotihoito', email: 'eeva@example.fi', valid_days: 10 });
      await hr.invite({ name: 'Fredrik Fors', unit: 'Kotihoito', email: 'fredrik@example.fi', valid_days: 30 });
      const greta = await hr.invite({ name: 'Greta Grön', unit: 'Kotihoito', email: 'greta@example.fi', valid_days: 10 });
      const gp = new Player(server.url, greta.token);
      assert.equal((await gp.send([gp.event('signs', ['sender'])])).status, 200, 'Greta has started: no warning');
      await until('the three invitations', () => sink.messages().length >= 3);
      const expires = (await hr.person(eeva.id)).expires;

      // eight days later: Eeva's link (10 days) expires within three days, Fredrik's (30) does not
      const restart = async (days) => {
        assert.equal((await server.stop()).code, 0, server.errors());
        server = await startServer({ data, args: args(sink, days) });
      };
      await restart(8);
      await until('the warning', () => sink.messages().length >= 4);
      await new Promise((r) => setTimeout(r, 3000)); // a few more passes of the sender (1 s apart)
      const after = sink.messages().slice(3);
      assert.deepEqual(after.map((m) => m.to[0]), ['eeva@example.fi'], after.map((m) => m.to[0] + ' ' + m.subject).join('; '));
      const warn = after[0];
      assert.equal(warn.subject, 'Linkkisi vanhenee pian / Din länk går snart ut');
      assert.match(warn.body, new RegExp(`Hei Eeva Eronen!\\r?\\n\\r?\\nPerehdytyksen pakopelin linkkisi vanhenee ${dateOf(expires).replace(/\./g, '\\.')}\\.`));
      assert.match(warn.body, /Din länk till introduktionens escape room går ut/);
      const link = linkOf(warn.body);
      assert.ok(link && link !== eeva.token, 'a link in the warning (the invitation\'s token is kept only as its hash)');
      const hr2 = new HR(server.url);
      assert.equal((await hr2.login('admin', 'correct horse battery staple')).status, 200);
      const me = await new Player(server.url, link).me();
      assert.equal(me.status, 200, 'the link in the warning works');
      assert.equal(me.data.name, 'Eeva Eronen');
      assert.equal((await hr2.person(eeva.id)).expires, expires, 'and is valid as long as the invitation was');
      const shown = (await hr2.get('/api/v1/hr/mail')).data.mail.filter((m) => m.reason === 'expiring');
      assert.deepEqual(shown.map((m) => [m.name, m.state]), [['Eeva Eronen', 'sent']], 'the dashboard shows the send');

      // a day later, still not played: no second warning for the same link
      await restart(9);
      await new Promise((r) => setTimeout(r, 3000));
      assert.equal(sink.messages().length, 4, sink.messages().slice(4).map((m) => m.to[0] + ' ' + m.subject).join('; '));

      // HR gives her a new link for ten more days: its invitation, and later its own warning
      const hr3 = new HR(server.url);
      assert.equal((await hr3.login('admin', 'correct horse battery staple')).status, 200);
      assert.equal((await hr3.post(`/api/v1/hr/people/${eeva.id}/resend`, { valid_days: 10 })).status, 200);
      await until('the new invitation', () => sink.messages().length >= 5);
      await restart(17);
      await until('the warning of the new link', () => sink.messages().length >= 6);
      await new Promise((r) => setTimeout(r, 3000));
      const later = sink.messages().slice(5);
      assert.deepEqual(later.map((m) => m.to[0] + ' ' + m.subject), ['eeva@example.fi Linkkisi vanhenee pian / Din länk går snart ut']);
      assert.ok(!sink.messages().some((m) => m.to[0] === 'fredrik@example.fi' && /vanhenee/.test(m.subject)), 'Fredrik\'s link is far from expiring');
    } finally {
      assert.equal((await server.stop()).code, 0, server.errors());
      sink.stop();
    }
  });
});
