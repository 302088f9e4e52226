// lib.mjs - shared helpers for the browser tests: start a server and Debian's chromium, open
// the game, read it through the screen-reader mirror, and click or key through controls.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB = path.join(ROOT, 'build/web');
export const SCREENS = path.join(ROOT, 'build/screens');

// The flags this machine needs: no sandbox as root, no GPU, no network chatter.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Serves build/web; with `levels`, a fixture folder (under tests/fixtures) takes the place of
// the shipped levels/, so engine tests do not change when the content does.
export async function startBrowser({ levels } = {}) {
  let root = WEB;
  if (levels) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-web-'));
    for (const name of fs.readdirSync(WEB)) {
      if (name !== 'levels') fs.symlinkSync(path.join(WEB, name), path.join(root, name));
    }
    fs.symlinkSync(path.resolve(ROOT, levels), path.join(root, 'levels'));
  }
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // Every page of these tests is one player with a fixed seed for the order of choice options
  // (the game makes a random one per player): the approved screens and the played answers stay
  // the same from run to run. Set again on each navigation, also after a test clears storage.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => {
      try { if (!localStorage.getItem('pakopeli.seed')) localStorage.setItem('pakopeli.seed', '1'); } catch (e) { /* no storage */ }
    });
    return context;
  };
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    base, browser,
    async close() { await browser.close(); await new Promise((r) => server.close(r)); },
  };
}

// Opens the game and waits until the engine marks its first interactive frame.
export async function openGame(env, query = '', viewport = { width: 1280, height: 760 }, extra = {}) {
  const context = await env.browser.newContext({ viewport, ...extra });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base + query);
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
  return { page, context, errors };
}

export async function screenLines(page) {
  return page.$$eval('#sr-lines [data-line]', (lis) => lis.map((li) => li.textContent));
}

export async function focusText(page) {
  return page.$eval('#sr-focus', (el) => el.textContent);
}

// A label to look for: a string that the line contains, or a RegExp that matches it.
const pattern = (text) => (text instanceof RegExp ? { re: text.source, flags: text.flags } : { s: text });
const MATCHES = (t, line) => (t.re ? new RegExp(t.re, t.flags).test(line) : line.includes(t.s));

// Waits until some mirrored line matches (the engine draws on the next frame).
export async function waitForLine(page, text, timeout = 10000) {
  try {
    // MATCHES written out, not rebuilt with new Function: the report server's game page forbids
    // eval (CSP), and the polls after the first run under it (an EvalError failed the wait).
    await page.waitForFunction((t) => [...document.querySelectorAll('#sr-lines [data-line]')]
      .some((li) => (t.re ? new RegExp(t.re, t.flags).test(li.textContent) : li.textContent.includes(t.s))),
    pattern(text), { timeout });
  } catch (e) {
    throw new Error(`no line "${text}" within ${timeout} ms; the mirror says:\n` +
      `${(await screenLines(page)).join('\n')}\nfocus: ${await focusText(page)}`);
  }
}

// Runs an input and waits until the engine has shown a frame after it (or a second has gone by:
// input that changes nothing draws nothing). Two animation frames after the input the engine has
// run a frame with it; a new screen's texts may then come over a few frames that are not shown
// (window.pakopeli.held, text.h's frame budget): the wait goes on while they do, so the mirror
// read next is the new screen's. (A frame shown between parts of the input, e.g. the hover of a
// click's move before its press, does not end the wait early.) Deterministic where sleeps are not.
export async function settle(page, input) {
  const before = await page.evaluate(() => window.pakopeli.passes);
  const t0 = await page.evaluate(() => performance.now());
  await input();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(([n, t]) => !window.pakopeli.held
    && (window.pakopeli.passes > n || performance.now() - t > 1000), [before, t0], { timeout: 10000 }).catch(() => {});
}

// Clicks the canvas in the middle of the control whose mirrored label contains text.
export async function clickControl(page, text) {
  const box = await findControl(page, text);
  await settle(page, () => page.mouse.click(box.x + box.w / 2, box.y + box.h / 2));
}

// Waits for the control whose mirrored label matches text, brings it into view as a person would
// (the wheel over its scrolling area) and returns its box on the page; throws if it never shows.
export async function findControl(page, text) {
  await waitForLine(page, text);
  let box = await controlBox(page, text);
  // Mirrored but not drawn: below the fold of a scrolling area. A person scrolls down to it.
  for (let i = 0; !box && i < 12; i++) {
    const area = await page.evaluate(() => {
      const clips = [...document.querySelectorAll('#sr-lines [data-clip]')].map((l) => l.dataset.clip);
      const best = clips.map((c) => c.split(',').map(Number)).sort((a, b) => b[2] * b[3] - a[2] * a[3])[0];
      return best ? window.pakopeli.toPage(...best) : null;
    });
    if (!area) break;
    await page.mouse.move(area.x + area.w / 2, area.y + area.h / 2);
    await settle(page, () => page.mouse.wheel(0, 300));
    box = await controlBox(page, text);
  }
  box = await scrollIntoView(page, text, box);
  if (!box) throw new Error(`no control "${text}" in the mirror:\n${(await screenLines(page)).join('\n')}`);
  return box;
}

// Where the control whose mirrored label matches text is on the page, or null.
export async function controlBox(page, text) {
  return page.evaluate((t) => {
    const match = (p, line) => (p.re ? new RegExp(p.re, p.flags).test(line) : line.includes(p.s)); // MATCHES
    const li = [...document.querySelectorAll('#sr-lines [data-control]')].find((l) => match(t, l.textContent));
    if (!li) return null;
    const [x, y, w, h] = li.dataset.rect.split(',').map(Number);
    const box = window.pakopeli.toPage(x, y, w, h);
    if (li.dataset.clip) { // in a scrolling area: the part of the screen where it can be seen
      const [cx, cy, cw, ch] = li.dataset.clip.split(',').map(Number);
      box.clip = window.pakopeli.toPage(cx, cy, cw, ch);
    }
    return box;
  }, pattern(text));
}

// Scrolls a control into view with the mouse wheel, as a person would, and returns its box.
export async function scrollIntoView(page, text, box) {
  for (let i = 0; box && box.clip && i < 30; i++) {
    const c = box.clip, mid = box.y + box.h / 2, cx = box.x + box.w / 2;
    const inY = mid > c.y + 4 && mid < c.y + c.h - 4, inX = cx > c.x + 4 && cx < c.x + c.w - 4;
    if (inY && inX) break;
    await page.mouse.move(c.x + c.w / 2, c.y + c.h / 2);
    // up and down, or sideways in a scene wider than the screen (it pans)
    // a wheel step is 100 px of delta and moves the game 48 px: as many steps as it takes
    const steps = (d) => Math.sign(d) * 100 * Math.max(1, Math.min(8, Math.ceil(Math.abs(d) / 48)));
    if (!inY) await settle(page, () => page.mouse.wheel(0, steps(mid - (c.y + c.h / 2))));
    else await settle(page, () => page.mouse.wheel(steps(cx - (c.x + c.w / 2)), 0));
    box = await controlBox(page, text);
  }
  return box;
}

// Presses Tab until the focused control's label matches text, then Enter.
export async function keyToControl(page, text, key = 'Enter') {
  await waitForLine(page, text);
  for (let i = 0; i < 60; i++) {
    if (MATCHES(pattern(text), await focusText(page))) {
      await settle(page, () => page.keyboard.press(key));
      return;
    }
    await settle(page, () => page.keyboard.press('Tab'));
  }
  throw new Error(`keyboard never reached "${text}"; focus is "${await focusText(page)}"`);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, name) });
}
