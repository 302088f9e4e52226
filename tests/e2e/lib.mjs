// lib.mjs - shared helpers for the browser tests: start a server and Debian's chromium, open
// the game, read it through the screen-reader mirror, and click or key through controls.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB = path.join(ROOT, 'build/web');
export const SCREENS = path.join(ROOT, 'build/screens');

// The flags this machine needs: no sandbox as root, no GPU, no network chatter.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startBrowser() {
  const server = await serve(WEB);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
  return page.$$eval('#sr-lines li', (lis) => lis.map((li) => li.textContent));
}

export async function focusText(page) {
  return page.$eval('#sr-focus', (el) => el.textContent);
}

// Waits until some mirrored line contains text (the engine draws on the next frame).
export async function waitForLine(page, text, timeout = 5000) {
  try {
    await page.waitForFunction((t) => [...document.querySelectorAll('#sr-lines li')]
      .some((li) => li.textContent.includes(t)), text, { timeout });
  } catch (e) {
    throw new Error(`no line "${text}" within ${timeout} ms; the mirror says:\n` +
      `${(await screenLines(page)).join('\n')}\nfocus: ${await focusText(page)}`);
  }
}

// Clicks the canvas in the middle of the control whose mirrored label contains text.
export async function clickControl(page, text) {
  await waitForLine(page, text);
  const box = await page.evaluate((t) => {
    const li = [...document.querySelectorAll('#sr-lines li[data-control]')].find((l) => l.textContent.includes(t));
    if (!li) return null;
    const [x, y, w, h] = li.dataset.rect.split(',').map(Number);
    return window.pakopeli.toPage(x, y, w, h);
  }, text);
  if (!box) throw new Error(`no control "${text}" in the mirror:\n${(await screenLines(page)).join('\n')}`);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await page.waitForTimeout(80); // one or two frames
}

// Presses Tab until the focused control's label contains text, then Enter.
export async function keyToControl(page, text, key = 'Enter') {
  await waitForLine(page, text);
  for (let i = 0; i < 60; i++) {
    if ((await focusText(page)).includes(text)) {
      await page.keyboard.press(key);
      await page.waitForTimeout(80);
      return;
    }
    await page.keyboard.press('Tab');
    await page.waitForTimeout(40);
  }
  throw new Error(`keyboard never reached "${text}"; focus is "${await focusText(page)}"`);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, name) });
}
