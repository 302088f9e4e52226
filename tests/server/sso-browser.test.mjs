// Issue 14, a player's sign-in with the work account, end to end in Chromium against a real
// OpenID provider on loopback (npm oidc-provider, tests/server/oidc/provider.mjs): the game page
// offers "Kirjaudu työtilillä" when the server has SSO set up, the browser goes to the provider
// and back, and what the player plays is recorded for the invited person matched by e-mail,
// including what they played before signing in. Without SSO the page offers no such button.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, clickControl, waitForLine } from '../e2e/lib.mjs';
import { startServer, webWithFixture, tempDir, HR } from './lib.mjs';
import { freePort, startProvider } from './peers.mjs';

const SIGNS = ['Lähettäjän osoite', 'Viestin teksti', 'Kirjautumislinkki', 'Liite Salasanaohje.zip'];

describe('a player signs in with the work account in the browser and plays', () => {
  let server, provider, browser, web, hr, invited, port;

  before(async () => {
    web = await webWithFixture();
    port = await freePort();
    const pport = await freePort();
    const dir = tempDir();
    const secretFile = path.join(dir, 'client-secret');
    fs.writeFileSync(secretFile, 'client secret for the tests\n', { mode: 0o600 });
    provider = await startProvider(pport, `http://127.0.0.1:${port}/api/v1/oidc/callback`, path.join(dir, 'key.json'));
    server = await startServer({ web, port, args: [`--public-url=http://127.0.0.1:${port}`,
      `--oidc-issuer=${provider.url}`, '--oidc-client-id=pakopeli', `--oidc-client-secret-file=${secretFile}`,
      '--oidc-scopes=openid email profile'] });
    hr = new HR(server.url);
    await hr.firstLogin(server);
    // invited with the address in another case than the provider's: matched all the same
    invited = await hr.invite({ name: 'Maija Meikäläinen', unit: 'Päivystys', email: 'Maija@Example.fi' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    assert.equal((await server.stop()).code, 0, server.errors());
    await provider.stop();
  });

  it('offers the sign-in on the game page, comes back signed in, and records the play for the invited person', async () => {
    await fetch(`${provider.url}/test/login?account=maija`, { method: 'POST' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: 'fi-FI' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/?lang=fi');
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    const button = page.getByRole('link', { name: 'Kirjaudu työtilillä' });
    await button.waitFor({ timeout: 10000 });
    assert.match(await page.locator('#report-sso').textContent(), /suorituksesi tallentuu/);

    // played before signing in: kept in this browser, and the player's once they have signed in
    await clickControl(page, 'Aloita');
    await clickControl(page, 'Lähetysaika'); // a decoy: one mistake
    await clickControl(page, SIGNS[0]);
    assert.equal((await page.evaluate(() => window.pakopeli.reportState())).token, 'no');

    const visited = [];
    page.on('request', (r) => { if (r.isNavigationRequest()) visited.push(r.url()); });
    // through the provider's redirects, back to the game with a token in the fragment
    await Promise.all([page.waitForURL((u) => u.hash.startsWith('#t='), { waitUntil: 'commit', timeout: 20000 }), button.click()]);
    assert.ok(visited.some((u) => u.startsWith(provider.url + '/auth?')), visited.join('\n'));
    assert.ok(visited.some((u) => u.startsWith(server.url + '/api/v1/oidc/callback?')), visited.join('\n'));
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    assert.equal((await page.evaluate(() => window.pakopeli.reportState())).token, 'yes');
    await page.locator('#report-who', { hasText: 'Pelaat nimellä Maija M.' }).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('#report-sso').isHidden(), true, 'signed in: no sign-in button');

    // the game resumed where it was: the rest of the room
    for (const sign of SIGNS.slice(1)) await clickControl(page, sign);
    await waitForLine(page, 'Löydetty 4/4');
    await clickControl(page, 'Jatka');
    await clickControl(page, 'Välitän viestin kollegoille'); // second mistake
    await clickControl(page, 'Ilmoitan viestin');
    await page.locator('#report-status', { hasText: /Suorituskoodisi: PK-/ }).waitFor({ timeout: 30000 });
    const state = await page.evaluate(() => window.pakopeli.reportState());
    assert.equal(state.queued, 0);
    assert.deepEqual(errors, []);

    const person = await hr.person(invited.id);
    assert.equal(person.status, 'completed', JSON.stringify(person));
    assert.equal(person.code, state.completion);
    assert.equal(person.mistakes, 2, JSON.stringify(person));
    assert.equal(person.score, 90, 'both mistakes counted: the one before the sign-in too');
    const people = (await hr.get('/api/v1/hr/people?q=Maija')).data.people;
    assert.equal(people.length, 1, 'matched to the invitation, not a new person');
    await context.close();
  });

  it('comes back in the language the game was played in (a Swedish invitation stays Swedish)', async () => {
    await fetch(`${provider.url}/test/login?account=maija`, { method: 'POST' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: 'fi-FI' });
    const page = await context.newPage();
    await page.goto(server.url + '/?lang=sv');
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    const button = page.getByRole('link', { name: 'Logga in med jobbkontot' });
    await button.waitFor({ timeout: 10000 });
    await Promise.all([page.waitForURL((u) => u.hash.startsWith('#t='), { waitUntil: 'commit', timeout: 20000 }), button.click()]);
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'sv', page.url());
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
    assert.equal((await page.evaluate(() => window.pakopeli.reportState())).token, 'yes');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    await waitForLine(page, 'Börja');
    await context.close();
  });

  it('shows no sign-in button when the server has no SSO', async () => {
    const plain = await startServer({ web });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: 'fi-FI' });
      const page = await context.newPage();
      await page.goto(plain.url + '/?lang=fi');
      await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
      await page.waitForFunction(() => window.pakopeli.reportState().mode === 'online', null, { timeout: 10000 });
      assert.equal(await page.locator('#report-sso').isHidden(), true);
      assert.equal(await page.getByRole('link', { name: 'Kirjaudu työtilillä' }).count(), 0);
      await context.close();
    } finally {
      assert.equal((await plain.stop()).code, 0, plain.errors());
    }
  });
});
