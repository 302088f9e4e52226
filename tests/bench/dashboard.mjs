// dashboard.mjs - the HR dashboard (game/server/hr) with some data in it, for the accessibility
// audit of its every page (tests/e2e/quality.test.mjs) and its approved screens
// (tests/e2e/screens.test.mjs). Uses the report server tests' helpers
// (tests/server/lib.mjs): a real pakopeli-server on a free loopback port, temporary data.
import { startServer, runCommand, HR, Player, solution } from '../server/lib.mjs';

// Serious and critical axe violations on each dashboard page, via audit(page, state).
export async function auditDashboard(browser, binary, audit) {
  const problems = [];
  await visitDashboard(browser, binary, async (page, state) => problems.push(...await audit(page, `HR ${state}`)));
  return problems;
}

// Starts a server with three invited people (one completed, with feedback), logs in through the
// browser and calls visit(page, state) on every page: login, password, people, stats, feedback,
// verify, invite, audit.
export async function visitDashboard(browser, binary, visit) {
  process.env.PAKOPELI_SERVER ||= binary;
  // The server's clock at a fixed hour of a fixed day (clock_offset, tests only): the pages'
  // dates and times are painted over in the approved screens, but their length still sets the
  // tables' column widths, and "klo 0.18" after midnight is narrower than "klo 22.47" (the
  // approved screens failed from 00:00 to 09:59 UTC).
  const clock = `--clock_offset=${Math.round((Date.UTC(2026, 10, 28, 12, 0, 0) - Date.now()) / 1000)}`;
  const server = await startServer({ args: [clock] });
  try {
    // Some content: three invitations, one completed with feedback.
    const hr = new HR(server.url);
    await hr.firstLogin(server);
    const people = [];
    for (const [name, unit] of [['Aino Aaltonen', 'Päivystys'], ['Bertil Berg', 'Kotihoito'], ['Chen Li', 'Päivystys']]) {
      people.push(await hr.invite({ name, unit }));
    }
    const player = new Player(server.url, people[0].token);
    await player.send(solution(player));
    await fetch(`${server.url}/api/v1/feedback`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${people[0].token}` },
      body: JSON.stringify({ room: 'outlook', rating: 4, text: 'Selkeä ja hauska.' }),
    });
    // A second admin with a one-time password, so the browser sees the password page too.
    const out = runCommand(['user', 'add', 'auditor', '--role=admin', `--data=${server.data}`, clock]);
    const otp = /password:\s*(\S+)/.exec(out)?.[1];
    if (!otp) throw new Error(`no one-time password in: ${out}`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
    const page = await context.newPage();
    const visible = (name) => page.waitForSelector(`#view-${name}:not([hidden])`, { timeout: 10000 });
    await page.goto(`${server.url}/hr/`);
    await visible('login');
    await visit(page, 'login');
    await page.locator('#login-form input[name=user]').fill('auditor');
    await page.locator('#login-form input[name=password]').fill(otp);
    await page.locator('#login-form button[type=submit]').click();
    await visible('password');
    await visit(page, 'password');
    await page.locator('#password-form input[name=old]').fill(otp);
    await page.locator('#password-form input[name=new]').fill('a long passphrase for the audit');
    await page.locator('#password-form button[type=submit]').click();
    await visible('people');
    for (const name of ['people', 'stats', 'feedback', 'verify', 'invite', 'audit']) {
      await page.goto(`${server.url}/hr/#${name}`);
      await visible(name);
      await page.waitForLoadState('networkidle');
      await visit(page, name);
    }
    await context.close();
  } finally {
    await server.stop();
  }
}
