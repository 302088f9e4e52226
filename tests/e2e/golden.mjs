// golden.mjs - screens compared with approved images, pixel by pixel.
//
// A test makes `const screens = goldenSet()`, calls `await screens.check(page, 'lobby-fi-desktop-100')`
// at each state: the page is screenshotted and compared with tests/screens/lobby-fi-desktop-100.png,
// the image a person approved; and ends with `screens.assertAll()`, which fails naming every screen
// that differs (all of a journey's screens are compared, not only the first). A difference leaves
// files in build/screens/golden/ to look at: NAME.png (what the
// screen shows now), NAME.diff.png (the changed pixels in red over a faded copy) and, in the
// message, how many pixels changed and where. `make approve-screens` copies the NAME.png files of
// the last run over the approved ones, after a person has opened each of them and its diff.
//
// The tolerance, and why it is not zero:
// - threshold 0.1 (pixelmatch's YIQ colour distance, 0-1): a pixel counts as changed when a person
//   could tell; smaller differences are rounding in Chromium's software rasteriser.
// - antialiased pixels are not counted (pixelmatch's includeAA: false): the edge pixels of a glyph
//   or a rounded corner may be shaded one step differently by another CPU's SIMD path in Skia or
//   SwiftShader, which is not a change anyone can see.
// - at most MAX_CHANGED pixels may still differ (a few stray edge pixels of the same kind). Every
//   change worth catching is far larger: a button moved by 2 px changes ~2 x its outline (a
//   150x40 button: 300+ pixels); one glyph's spacing broken in a line changes every later letter
//   (hundreds); a colour role changed, thousands.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { ROOT, SCREENS } from './lib.mjs';

export const APPROVED = path.join(ROOT, 'tests/screens');
export const GOLDEN_OUT = path.join(SCREENS, 'golden');
export const MAX_CHANGED = 40;

// Waits until the engine has drawn everything it is going to: no new pass for 250 ms, and no
// frame left for later (window.pakopeli.held: a new screen's texts still coming).
async function quiet(page) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const [passes, held] = await page.evaluate(() => (window.pakopeli ? [window.pakopeli.passes, window.pakopeli.held] : [0, false]));
    if (passes === last && !held) return;
    last = passes;
    await page.waitForTimeout(250);
  }
}

export function goldenSet() {
  const problems = [];
  return {
    async check(page, name, opts) {
      const problem = await golden(page, name, opts);
      if (problem) problems.push(problem);
    },
    assertAll() {
      if (problems.length) throw new Error(`${problems.length} screen(s) differ:\n${problems.join('\n')}`);
    },
  };
}

// Screenshot + comparison. Returns null when the screen is as approved, else what differs.
// opts.mask: locators painted over (things that differ each run, such as dates).
async function golden(page, name, { mask = [], fullPage = false } = {}) {
  await quiet(page);
  fs.mkdirSync(GOLDEN_OUT, { recursive: true });
  const now = await page.screenshot({ caret: 'hide', animations: 'disabled', mask, maskColor: '#FF00FF', fullPage });
  const approvedFile = path.join(APPROVED, `${name}.png`);
  const outFile = path.join(GOLDEN_OUT, `${name}.png`);
  const diffFile = path.join(GOLDEN_OUT, `${name}.diff.png`);
  fs.rmSync(diffFile, { force: true });
  if (!fs.existsSync(approvedFile)) {
    fs.writeFileSync(outFile, now);
    return `no approved image for "${name}": look at ${path.relative(ROOT, outFile)}, ` +
      'then `make approve-screens` keeps it';
  }
  const a = PNG.sync.read(fs.readFileSync(approvedFile));
  const b = PNG.sync.read(now);
  if (a.width !== b.width || a.height !== b.height) {
    fs.writeFileSync(outFile, now);
    return `"${name}" is ${b.width}x${b.height}, the approved image ${a.width}x${a.height}: ` +
      `look at ${path.relative(ROOT, outFile)}`;
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height,
    { threshold: 0.1, includeAA: false, alpha: 0.2, diffColor: [255, 0, 0] });
  if (changed > MAX_CHANGED) {
    fs.writeFileSync(outFile, now);
    fs.writeFileSync(diffFile, PNG.sync.write(diff));
    // Where: the bounding box of the changed pixels, so the message says which part moved.
    let x0 = a.width, y0 = a.height, x1 = -1, y1 = -1;
    for (let y = 0; y < a.height; y++) {
      for (let x = 0; x < a.width; x++) {
        const i = (y * a.width + x) * 4;
        if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 0) {
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
        }
      }
    }
    return `"${name}" differs from the approved image in ${changed} pixels ` +
      `(at most ${MAX_CHANGED}), within x ${x0}-${x1}, y ${y0}-${y1}: look at ` +
      `${path.relative(ROOT, diffFile)} and ${path.relative(ROOT, outFile)}; if the change is ` +
      'right, `make approve-screens` keeps it';
  }
  fs.rmSync(outFile, { force: true });
  return null;
}
