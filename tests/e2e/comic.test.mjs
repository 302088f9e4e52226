// The comic viewer in Chromium: the first comic read to the end panel by panel with the
// keyboard, through the screen-reader mirror, with a language switch on the way; closing and
// reopening where the reader was; taps, swipes and reduced motion; and screenshots of every
// page and some panels at text sizes 100 % and 150 %, wide and on a phone (build/screens/comic).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { openGame, clickControl, keyToControl, waitForLine, screenLines, focusText, SCREENS, WEB,
  CHROMIUM_ARGS } from './lib.mjs';

const COMIC = '?comic=digituki';
const SHOTS = path.join(SCREENS, 'comic');
const PHONE = { width: 390, height: 844 };
const PANELS = 13, PAGES = 4;

// Like lib.mjs's startBrowser, but serving a copy of build/web taken when the tests start:
// another build may rewrite build/web meanwhile, and a pakopeli.js that does not match its
// pakopeli.wasm stops the engine from starting.
async function startSnapshot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-comic-'));
  fs.cpSync(WEB, root, { recursive: true });
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    base: `http://127.0.0.1:${server.address().port}/`, browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

let env;
before(async () => { env = await startSnapshot(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await env.close(); });

async function shot(page, name) {
  await page.waitForTimeout(120); // the frame after the last change
  await page.screenshot({ path: path.join(SHOTS, name) });
}

// The mirror line that tells where the reader is: "Sivu 2/4, ruutu 5/13" (or sv, en).
async function place(page) {
  return (await screenLines(page)).find((l) => /^(Sivu|Sida|Page) \d/.test(l)) || '';
}

async function waitForPlace(page, re, timeout = 5000) {
  await page.waitForFunction((src) => [...document.querySelectorAll('#sr-lines [data-line]')]
    .some((li) => new RegExp(src).test(li.textContent)), re.source, { timeout })
    .catch(async () => { throw new Error(`no place ${re} in the mirror:\n${(await screenLines(page)).join('\n')}`); });
}

test('the comic is read to the end panel by panel with the keyboard, switching language on the way', async () => {
  const { page, context, errors } = await openGame(env, `${COMIC}&lang=fi`);
  await page.focus('#canvas');
  await waitForLine(page, 'Asiakkaan ohjaaminen digipalveluihin');
  // A wide screen opens on the whole first page: every panel of it in reading order.
  await waitForPlace(page, /^Sivu 1\/4$/);
  const first = await screenLines(page);
  const panelLines = first.filter((l) => /^Ruutu \d+:/.test(l)).map((l) => Number(/^Ruutu (\d+)/.exec(l)[1]));
  assert.deepEqual(panelLines, [1, 2, 3, 4]);
  assert.match(await focusText(page), /Seuraava/);

  // Into the guided view with the keyboard.
  await keyToControl(page, 'Ruutu kerrallaan');
  await waitForPlace(page, /ruutu 1\/13$/);
  // Esc closes at once; the card that says so offers to open it again, with the focus on that.
  await page.keyboard.press('Escape');
  await waitForLine(page, 'Sarjakuva on suljettu');
  await page.keyboard.press('Enter');
  await waitForPlace(page, /ruutu 1\/13$/);

  const heard = [];
  for (let n = 1; n <= PANELS; n++) {
    if (n === 6) {
      // Switch to Swedish in the middle: the same panel, now in Swedish.
      await clickControl(page, 'Svenska');
      await waitForPlace(page, /^Sida 2\/4, ruta 6\/13$/);
      await page.focus('#canvas');
    }
    const sv = n >= 6;
    await waitForPlace(page, sv ? new RegExp(`ruta ${n}/13$`) : new RegExp(`ruutu ${n}/13$`));
    const lines = await screenLines(page);
    const desc = lines.find((l) => l.startsWith(sv ? `Ruta ${n}: ` : `Ruutu ${n}: `));
    assert.ok(desc, `panel ${n} has its description in the mirror:\n${lines.join('\n')}`);
    const i = lines.indexOf(desc);
    // The bubbles follow the description, each with who speaks, until the controls.
    const bubbles = [];
    for (let k = i + 1; k < lines.length && /^(\S+ (sanoo|ajattelee|säger|tänker): |Kertoja: |Berättaren: )/.test(lines[k]); k++) {
      bubbles.push(lines[k]);
    }
    assert.ok(bubbles.length > 0, `panel ${n} has bubbles:\n${lines.join('\n')}`);
    heard.push(...bubbles);
    if (n < PANELS) await page.keyboard.press(n % 2 ? 'ArrowRight' : 'Space');
  }
  // The story's key moments were read out, in order.
  const at = (s) => heard.findIndex((l) => l.includes(s));
  assert.ok(at('Aino sanoo: Millä laitteella yritit?') >= 0);
  assert.ok(at('Eino säger: Kan inte du knappa in PIN-koden?') >= 0);
  assert.ok(at('Aino säger: Det får jag inte. PIN-koden är bara din.') > at('Eino säger: Kan inte du knappa in'));
  assert.ok(at('Suomi.fi-fullmakt') > 0 && at('digistöd') > at('Suomi.fi-fullmakt'));
  assert.ok(at('Aino tänker: ') > 0);
  assert.ok(!heard.some((l) => l.includes('\u00ad')), 'soft hyphens never reach the screen reader');
  await waitForLine(page, 'Serien slutar.');
  await waitForLine(page, 'Klar');
  // Past the end nothing moves.
  await page.keyboard.press('ArrowRight');
  await waitForPlace(page, /ruta 13\/13$/);

  // Close, then open again: where the reader was.
  await page.keyboard.press('Escape');
  await waitForLine(page, 'Serien är stängd');
  assert.match(await focusText(page), /Öppna serien/);
  await page.keyboard.press('Enter');
  await waitForPlace(page, /^Sida 4\/4, ruta 13\/13$/);
  await page.keyboard.press('ArrowLeft');
  await waitForPlace(page, /ruta 12\/13$/);
  // And after a reload too (in Finnish again: the address says lang=fi).
  await page.reload();
  await page.waitForFunction(() => window.pakopeli.marks.interactive, null, { timeout: 20000 });
  await waitForPlace(page, /^Sivu 4\/4, ruutu 12\/13$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('taps on the edges, a tap on a panel and swipes turn the comic', async () => {
  const { page, context, errors } = await openGame(env, `${COMIC}&lang=en`);
  await waitForPlace(page, /^Page 1 of 4$/);
  const box = await page.evaluate(() => {
    const r = document.getElementById('canvas').getBoundingClientRect();
    const { w, h } = window.pakopeli.logical;
    const s = Math.min(r.width / w, r.height / h);
    return { x: r.left + (r.width - w * s) / 2, y: r.top + (r.height - h * s) / 2, s };
  });
  const at = (x, y) => [box.x + x * box.s, box.y + y * box.s];
  await page.mouse.click(...at(1240, 360)); // the right edge
  await waitForPlace(page, /^Page 2 of 4$/);
  await page.mouse.click(...at(40, 360)); // the left edge
  await waitForPlace(page, /^Page 1 of 4$/);
  // A swipe to the left turns forward, to the right back.
  const swipe = async (x0, x1) => {
    await page.mouse.move(...at(x0, 360));
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(...at(x0 + ((x1 - x0) * i) / 5, 365));
    await page.mouse.up();
  };
  await swipe(800, 400);
  await waitForPlace(page, /^Page 2 of 4$/);
  await swipe(400, 800);
  await waitForPlace(page, /^Page 1 of 4$/);
  // A tap on the third panel (bottom left of the page) zooms into it.
  await page.mouse.click(...at(450, 520));
  await waitForPlace(page, /^Page 1 of 4, panel 3 of 13$/);
  await waitForLine(page, 'Panel 3: ');
  await swipe(800, 400);
  await waitForPlace(page, /panel 4 of 13$/);
  // Page buttons jump.
  await clickControl(page, 'Page 3');
  await waitForPlace(page, /^Page 3 of 4, panel 9 of 13$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with reduced motion the guided view cuts from panel to panel without a zoom', async () => {
  const frames = async (reducedMotion) => {
    const { page, context } = await openGame(env, `${COMIC}&lang=fi`, { width: 1280, height: 760 }, { reducedMotion });
    await page.focus('#canvas');
    await keyToControl(page, 'Ruutu kerrallaan');
    await waitForPlace(page, /ruutu 1\/13$/);
    await page.waitForTimeout(600);
    await page.keyboard.press('ArrowRight');
    // the engine has taken the key and shown the next panel's first frame (the mirror is
    // published with the frame that is shown); read at once, a busy machine's screenshot could
    // still be the panel before, which is no frame "in between" (failed so in make test at 02:40)
    await waitForPlace(page, /ruutu 2\/13$/);
    const soon = await page.screenshot();
    await page.waitForTimeout(700);
    const later = await page.screenshot();
    await context.close();
    return soon.equals(later);
  };
  assert.equal(await frames('reduce'), true, 'no frame in between with reduced motion');
  // Without it the first frame after the key is still on its way (not asserted: timing).
  await frames('no-preference');
});

// The rectangles of the mirrored controls, by label.
async function controlRects(page) {
  return page.$$eval('#sr-lines [data-control]', (lis) => Object.fromEntries(lis.map((li) =>
    [li.textContent, li.dataset.rect.split(',').map(Number)])));
}

// A laptop at 200 % zoom is 640 x 380 CSS px. The top bar (title, then settings and languages)
// and the toolbar took 267 of them, and a panel was drawn 113 px tall, its lettering 5 px. Now
// the screen scrolls as a whole there, as a room does: the comic and its toolbar fill the screen,
// and the top bar is a scroll (or a Tab) above.
test('at 200 % zoom the comic and its toolbar fill the screen, the top bar above them', async () => {
  for (const zoom of [100, 150]) {
    const { page, context, errors } = await openGame(env, `${COMIC}&lang=sv&zoom=${zoom}`, { width: 640, height: 380 },
      { deviceScaleFactor: 2 });
    await waitForPlace(page, /ruta 1\/13$/);
    await page.waitForTimeout(300);
    const r = await controlRects(page);
    const next = r['Nästa → – knapp'], settings = r['Inställningar – knapp'];
    assert.ok(next && settings, Object.keys(r).join('\n'));
    assert.ok(next[1] + next[3] <= 380, `the toolbar is on the screen: Nästa at ${next}`);
    assert.ok(settings[1] + settings[3] <= 0, `the top bar is scrolled above: Inställningar at ${settings}`);
    // the comic's stage, between the screen's top and the toolbar, is most of the screen
    assert.ok(next[1] - 10 >= 380 / 2, `the comic has ${next[1] - 10} px of the screen's 380`);
    await page.screenshot({ path: path.join(SHOTS, `zoom200-panel1-sv-${zoom}.png`) });
    // the keyboard reaches the top bar: the screen scrolls to it
    await page.focus('#canvas');
    await keyToControl(page, 'Inställningar', 'Shift'); // reached: Shift alone does nothing
    const s2 = (await controlRects(page))['Inställningar – knapp'];
    assert.ok(s2[1] >= 0 && s2[1] + s2[3] <= 380, `Inställningar with the focus at ${s2}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('screenshots: every page and some panels, at 100 % and 150 %, wide and on a phone', async () => {
  for (const zoom of [100, 150]) {
    for (const lang of ['fi', 'sv']) {
      const { page, context, errors } = await openGame(env, `${COMIC}&lang=${lang}&zoom=${zoom}`);
      await page.focus('#canvas');
      for (let p = 1; p <= PAGES; p++) {
        await waitForPlace(page, new RegExp(`^(Sivu|Sida) ${p}/4$`));
        await shot(page, `page${p}-${lang}-${zoom}.png`);
        await page.keyboard.press('PageDown');
      }
      // A few panels in the guided view, then mid-zoom for a look at the motion.
      await page.keyboard.press('Home');
      await keyToControl(page, lang === 'fi' ? 'Ruutu kerrallaan' : 'En ruta i taget');
      for (const n of [1, 7, 8, 12]) {
        await page.keyboard.press('End');
        await page.keyboard.press('Home');
        for (let i = 1; i < n; i++) await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(600);
        await shot(page, `guided-panel${n}-${lang}-${zoom}.png`);
      }
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SHOTS, `guided-moving-${lang}-${zoom}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
    // A phone held upright opens panel by panel.
    const { page, context, errors } = await openGame(env, `${COMIC}&lang=fi&zoom=${zoom}`, PHONE, { hasTouch: true, isMobile: true });
    await waitForPlace(page, /ruutu 1\/13$/);
    await page.focus('#canvas');
    for (const n of [1, 3, 7, 8, 12, 13]) {
      while (!(await place(page)).endsWith(` ${n}/13`)) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(60);
      }
      await page.waitForTimeout(600);
      await shot(page, `phone-panel${n}-fi-${zoom}.png`);
    }
    await clickControl(page, 'Koko sivu');
    await waitForPlace(page, /^Sivu 4\/4$/);
    await page.waitForTimeout(600); // the zoom out
    await shot(page, `phone-page4-fi-${zoom}.png`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
