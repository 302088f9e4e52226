// PNG and JPEG pictures in a room: the web build has no decoder of its own for them (the
// browser decodes them, game/platform/platform_web.c, plat_decode_image; docs/performance.md,
// issue 18), so this proves an author's photo or screenshot still reaches the screen, its
// transparent parts transparent. The shipped rooms use only SVG, so no other test sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import { ROOT, WEB, SCREENS, CHROMIUM_ARGS } from './lib.mjs';
import { serve } from './serve.mjs';

const MAGENTA = [200, 30, 160];
const GREEN = [30, 170, 90];
const HIDDEN = [10, 200, 240]; // the colour of the PNG's transparent pixels: never on screen

// A w x h RGBA PNG: the left half opaque MAGENTA, the right half HIDDEN but fully transparent.
function halfPng(w, h) {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      if (x < w / 2) png.data.set([...MAGENTA, 255], i);
      else png.data.set([...HIDDEN, 0], i);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

let root, server, browser, base;
before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-raster-'));
  for (const name of fs.readdirSync(WEB)) {
    if (name !== 'levels' && name !== 'assets') fs.symlinkSync(path.join(WEB, name), path.join(root, name));
  }
  fs.cpSync(path.join(WEB, 'assets'), path.join(root, 'assets'), { recursive: true, dereference: true });
  fs.mkdirSync(path.join(root, 'assets/raster'));
  fs.writeFileSync(path.join(root, 'assets/raster/half.png'), halfPng(120, 80));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // A JPEG of one colour, made by another encoder than the decoder under test (Chromium's
  // canvas encodes with libjpeg-turbo's encoder; quality 1: the colour comes back within a step).
  const maker = await browser.newPage();
  const jpeg = await maker.evaluate(async (rgb) => {
    const c = document.createElement('canvas');
    c.width = 96; c.height = 64;
    const x = c.getContext('2d');
    x.fillStyle = `rgb(${rgb.join(',')})`;
    x.fillRect(0, 0, 96, 64);
    return c.toDataURL('image/jpeg', 1).split(',')[1];
  }, GREEN);
  await maker.close();
  fs.writeFileSync(path.join(root, 'assets/raster/green.jpg'), Buffer.from(jpeg, 'base64'));
  // first-room's one room with two picture widgets over its scene
  fs.cpSync(path.join(ROOT, 'tests/fixtures/first-room'), path.join(root, 'levels'), { recursive: true });
  const file = path.join(root, 'levels/outlook.json');
  const room = JSON.parse(fs.readFileSync(file, 'utf8'));
  room.scene.widgets.push(
    { id: 'photo-png', type: 'image', rect: [300, 150, 240, 160], image: 'assets/raster/half.png' },
    { id: 'photo-jpg', type: 'image', rect: [300, 330, 192, 128], image: 'assets/raster/green.jpg' });
  fs.writeFileSync(file, JSON.stringify(room));
  // a comic of two pages, the PNG on the first and the JPEG on the second: turning the page
  // drops the other page's texture (comic_view.c), so turning back decodes the PNG again
  const panel = (image, en) => ({ rect: [24, 24, 1152, 752], image, description: { fi: en, sv: en, en },
    bubbles: [{ kind: 'caption', at: [2, 2], width: 40, text: { fi: en, sv: en, en } }] });
  fs.mkdirSync(path.join(root, 'levels/comics'));
  fs.writeFileSync(path.join(root, 'levels/comics/photos.json'), JSON.stringify({
    id: 'photos', title: { fi: 'Kuvat', sv: 'Bilder', en: 'Photos' }, characters: [], page_size: [1200, 800],
    pages: [{ panels: [panel('assets/raster/half.png', 'A PNG.')] }, { panels: [panel('assets/raster/green.jpg', 'A JPEG.')] }],
  }));
  server = await serve(root);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server.close(r));
  fs.rmSync(root, { recursive: true, force: true });
});

async function open(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + query);
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
  return { context, page, errors };
}

// Screenshots of the canvas until want(shot) holds (a picture is decoded while it is fetched).
async function until(page, want) {
  let shot;
  for (let i = 0; i < 40; i++) {
    shot = PNG.sync.read(await page.locator('#canvas').screenshot());
    if (want(shot)) break;
    await page.waitForTimeout(250);
  }
  return shot;
}

// Pixels of the screenshot within tol of rgb in every channel.
function count(png, rgb, tol) {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i] - rgb[0]) <= tol && Math.abs(png.data[i + 1] - rgb[1]) <= tol &&
        Math.abs(png.data[i + 2] - rgb[2]) <= tol) n++;
  }
  return n;
}

test('a room\'s PNG and JPEG pictures are drawn, a PNG\'s transparent parts transparent', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive, null, { timeout: 20000 });
  // close the room's intro if it shows, then wait for the pictures (decoded while fetched)
  let shot, magenta = 0, green = 0;
  for (let i = 0; i < 40 && (magenta < 1000 || green < 1000); i++) {
    await page.waitForTimeout(250);
    shot = PNG.sync.read(await page.locator('#canvas').screenshot());
    magenta = count(shot, MAGENTA, 0);
    green = count(shot, GREEN, 3);
    if (i === 4 && (magenta < 1000 || green < 1000)) await page.keyboard.press('Escape');
  }
  fs.mkdirSync(path.join(SCREENS, 'raster'), { recursive: true });
  fs.writeFileSync(path.join(SCREENS, 'raster/png-jpeg-fi-desktop.png'), PNG.sync.write(shot)); // to look at
  // the widgets are 240 x 160 and 192 x 128 scene units, scaled into the window: a picture
  // fitted to its rect keeps its aspect, so the PNG's opaque half is about 120 x 80 units
  assert.ok(magenta >= 1000, `the PNG's opaque half is on the screen (${magenta} pixels of it)`);
  assert.ok(green >= 1000, `the JPEG is on the screen (${green} pixels within 3 steps of its colour)`);
  // its transparent half shows what is behind it, not the colour of its pixels
  const hidden = count(shot, HIDDEN, 8);
  assert.equal(hidden, 0, `the PNG's transparent half is transparent (${hidden} pixels of its colour show)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a comic\'s PNG panel is drawn again after its page was turned away and back', async () => {
  const { context, page, errors } = await open('?comic=photos&lang=en');
  await page.focus('#canvas');
  let shot = await until(page, (sh) => count(sh, MAGENTA, 0) >= 1000);
  assert.ok(count(shot, MAGENTA, 0) >= 1000, 'page 1: the PNG');
  await page.keyboard.press('ArrowRight');
  shot = await until(page, (sh) => count(sh, GREEN, 3) >= 1000);
  assert.ok(count(shot, GREEN, 3) >= 1000, 'page 2: the JPEG');
  await page.keyboard.press('ArrowLeft');
  shot = await until(page, (sh) => count(sh, MAGENTA, 0) >= 1000);
  fs.writeFileSync(path.join(SCREENS, 'raster/comic-png-again-en-desktop.png'), PNG.sync.write(shot)); // to look at
  assert.ok(count(shot, MAGENTA, 0) >= 1000, 'page 1 again: the PNG, decoded again');
  assert.equal(count(shot, HIDDEN, 8), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
