// measure.mjs - what `make bench` (bench.mjs) and the CI budget checks (tests/e2e/quality.test.mjs)
// measure in Chromium: the files of the first load, milestones from navigation, frame times and
// texts rasterised per drawn frame (window.pakopeli.frames, from plat_frame_stats), WebAssembly
// memory, and CPU while idle. The numbers are compared with BUDGETS (also in docs/performance.md).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { clickControl, waitForLine, settle, controlBox } from '../e2e/lib.mjs';

export const KB = 1000;
export const MB = 1024 * 1024;

// The written budgets (docs/performance.md). CI checks those marked stable; the rest are timing
// budgets, checked by `make bench` only (they depend on the machine).
export const BUDGETS = {
  firstLoadBrotli: { max: 360 * KB, unit: 'B', what: 'first load, as served to browsers that accept br' },
  firstLoadServed: { max: 600 * KB, unit: 'B', stable: true, what: 'first load, as served (gzip)' },
  interactiveMs: { max: 1000, unit: 'ms', what: 'first interactive frame, unthrottled' },
  interactiveSlow4gMs: { max: 4000, unit: 'ms', what: 'first interactive frame, Slow 4G' },
  frameP99Ms: { max: 4, unit: 'ms', what: 'frame CPU p99, unthrottled' },
  textsPerFrame: { max: 2, unit: '', what: 'texts rasterised in the busiest frame' },
  idleCpuPct: { max: 1, unit: '%', what: 'CPU while idle (share of one core)' },
  steadyRenders: { max: 0, unit: '', stable: true, what: 'texts rasterised in a steady frame' },
  wasmMemory: { max: 64 * MB, unit: 'B', stable: true, what: 'WebAssembly memory after a playthrough' },
  serverRate16: { min: 1000, unit: '/s', what: 'durable completions per second, 16 clients' },
  serverFloorRatio16: { min: 2, unit: '×', what: 'durable completions/s with 16 clients ÷ the disk floor of the same run' },
  serverP99Ms16: { max: 20, unit: 'ms', what: 'completion p99 latency, 16 clients' },
  statsMs: { max: 100, unit: 'ms', what: 'dashboard statistics (everyone, or one unit), 130,000 people' },
  dashboardMs: { max: 100, unit: 'ms', what: 'dashboard main query, 100,000 records' },
  peopleMs: { max: 50, unit: 'ms', what: 'dashboard people list, first page (everyone, or a unit and status), 130,000 people' },
};

export function meets(name, value) {
  const b = BUDGETS[name];
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  return (b.max === undefined || value <= b.max) && (b.min === undefined || value >= b.min);
}

// Lighthouse's "Slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower.
export const SLOW_4G = { latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8, cpu: 4 };

// Types the report server compresses (game/server/files.c, compressible()): gzip -9 when smaller.
const COMPRESSIBLE = /\.(html|js|css|json|wasm|svg|ttf|otf|txt)$/;
// br: the build's FILE.br (brotli -q 11, Makefile) that the servers send when the browser
// accepts br, or for a folder without them (the floor) the same compression done here.
export function servedSize(file) {
  const raw = fs.readFileSync(file);
  if (!COMPRESSIBLE.test(file)) return { raw: raw.length, gzip: raw.length, br: raw.length };
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  let br;
  try {
    const side = fs.statSync(`${file}.br`);
    if (Math.floor(side.mtimeMs / 1000) >= Math.floor(fs.statSync(file).mtimeMs / 1000)) br = side.size;
  } catch { /* none */ }
  br ??= zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length;
  return { raw: raw.length, gzip: Math.min(gz, raw.length), br: Math.min(br, raw.length) };
}

// A fresh browser context (empty cache) with a DevTools session; optional Slow 4G throttling.
export async function newPage(browser, { throttle = null, viewport = { width: 1280, height: 760 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: throttle.latency,
      downloadThroughput: throttle.download, uploadThroughput: throttle.upload, connectionType: 'cellular4g' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, cdp, errors };
}

export async function waitInteractive(page, timeout = 60000) {
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks && window.pakopeli.marks.interactive,
    null, { timeout, polling: 20 });
}

// Opens url and lists the files it loaded from root (the served folder) up to the first
// interactive frame, with their raw and served sizes.
export async function firstLoad(browser, base, root, query = '') {
  const { context, page, cdp } = await newPage(browser);
  const seen = new Map();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.url.startsWith(base) && e.response.status === 200) seen.set(e.requestId, e.response.url);
  });
  await page.goto(base + query);
  await waitInteractive(page);
  await page.waitForTimeout(200); // responses already under way
  // Only what was requested before the interactive frame: what the engine fetches after it (the
  // comics, other rooms' pictures: app.c, request_rest) is not waited for by the player. Resource
  // timing's startTime and the engine's marks share the page's clock.
  const before = new Set(await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => r.startTime <= window.pakopeli.marks.interactive).map((r) => r.name)));
  const names = new Set();
  for (const url of seen.values()) {
    if (url !== page.url() && !before.has(url)) continue; // page.url(): the page itself
    let p = decodeURIComponent(new URL(url).pathname.slice(1)) || 'index.html';
    if (p.endsWith('/')) p += 'index.html';
    names.add(p);
  }
  await context.close();
  const files = [...names].sort().map((name) => ({ name, ...servedSize(path.join(root, name)) }));
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    br: files.reduce((s, f) => s + f.br, 0),
  };
}

// Milliseconds from navigation to the page's milestones (marks), in a fresh context.
export async function loadTimes(browser, url, throttle = null) {
  const { context, page } = await newPage(browser, { throttle });
  await page.goto(url, { waitUntil: 'commit' });
  await waitInteractive(page, throttle ? 120000 : 30000);
  const marks = await page.evaluate(() => ({ ...window.pakopeli.marks }));
  await context.close();
  return marks;
}

export function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}
export const median = (values) => percentile(values, 50);

export async function resetFrames(page) {
  await page.evaluate(() => {
    const f = window.pakopeli.frames;
    f.drawn = 0; f.ms.length = 0; f.renders.length = 0;
  });
}
export const readFrames = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.pakopeli.frames)));

// Bytes of WebAssembly memory; it only grows, so at the end it is the peak.
export const wasmMemory = (page) => page.evaluate(() => (typeof wasmMemory !== 'undefined' ? wasmMemory.buffer.byteLength
  : typeof HEAP8 !== 'undefined' ? HEAP8.length : null));

// Clicks the control whose mirrored label matches text, once it is a control (lib.mjs's
// clickControl fails at once when the label is still plain text, e.g. a place before an item
// is chosen; on a busy machine the engine may be a frame behind).
export async function pressControl(page, text, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!(await controlBox(page, text))) {
    if (Date.now() > end) return clickControl(page, text); // fails with the mirror in the message
    await page.waitForTimeout(50);
  }
  return clickControl(page, text);
}

const typeKeys = async (page, text) => {
  await settle(page, async () => {
    for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 20 });
  });
};

// The fixture game (tests/fixtures/e2e-game): its mail room, with the mouse, from the lobby's
// welcome to "Room solved!" (hotspots with a decoy, a choice, a text answer with a typo).
export async function playMailRoom(page, press = pressControl, { onState = async () => {} } = {}) {
  await waitForLine(page, 'Welcome to the lobby.');
  await onState('lobby, welcome');
  await press(page, 'Start');
  await press(page, 'Mail room');
  await press(page, 'Start');
  await press(page, 'Sender');
  await waitForLine(page, 'Found 1 of 2');
  await onState('mail room, hotspots');
  await press(page, 'Day');
  await waitForLine(page, 'The day is ordinary.');
  await press(page, 'Link');
  await waitForLine(page, 'Found 2 of 2');
  await press(page, 'Continue');
  await waitForLine(page, 'Open the link');
  await onState('mail room, choice');
  await press(page, 'Open the link');
  await waitForLine(page, 'The link is dangerous.');
  await press(page, 'Report it');
  await press(page, 'Continue');
  await waitForLine(page, 'Who helps? Type Support.');
  await onState('mail room, text answer');
  await typeKeys(page, 'suport');
  await press(page, 'Check');
  await waitForLine(page, 'Type the word in the task.');
  await typeKeys(page, 'SUPPORT');
  await press(page, 'Check');
  await press(page, 'Continue');
  await waitForLine(page, 'Room solved!');
  await onState('mail room, solved');
  await press(page, 'To the lobby');
  await waitForLine(page, 'Mail room, solved');
}

const STEPS = ['Sign in', 'Read mail', 'Meeting'];
async function stepOrder(page) {
  const lines = await page.$$eval('#sr-lines [data-line]', (lis) => lis.map((li) => li.textContent));
  return lines.map((l) => /^Step (\d+): (.*) – option$/.exec(l)).filter(Boolean)
    .sort((a, b) => a[1] - b[1]).map((m) => m[2]);
}

// The fixture's office room (multiple choice, ordering, matching, a code, using an item), then
// the last door and the ending. Call after playMailRoom.
export async function playOfficeAndEnd(page, press = pressControl, { onState = async () => {} } = {}) {
  await press(page, 'Office');
  await press(page, 'Start');
  await waitForLine(page, 'Lock the screen');
  await onState('office, multiple choice');
  await press(page, 'Lock the screen');
  await press(page, 'Wear the badge');
  await press(page, 'Check');
  await waitForLine(page, 'The note says: 7-7');
  await press(page, 'Continue');
  await waitForLine(page, /^Step 1: /);
  await onState('office, ordering');
  for (let guard = 0; guard < 10; guard++) {
    const order = await stepOrder(page);
    const i = order.findIndex((s, k) => s !== STEPS[k]);
    if (i < 0) break;
    await press(page, `Move up: ${STEPS[i]}`);
  }
  await press(page, 'Check');
  await press(page, 'Continue');
  await waitForLine(page, '1. Chat');
  await onState('office, matching');
  await press(page, '1. Chat');
  await press(page, /^Quick question/);
  await press(page, '2. Channel');
  await press(page, /^Team topic/);
  await press(page, 'Check');
  await press(page, 'Continue');
  await onState('office, code');
  await typeKeys(page, '77');
  await press(page, 'Check');
  await press(page, 'Continue');
  await waitForLine(page, 'Key card');
  await onState('office, using an item');
  await press(page, 'Key card');
  await press(page, 'Door');
  await press(page, 'Continue');
  await waitForLine(page, 'Room solved!');
  await press(page, 'To the lobby');
  await waitForLine(page, 'Enter the code.');
  await onState('last door');
  await typeKeys(page, '358');
  await press(page, 'Check');
  await waitForLine(page, 'You escaped!');
  await onState('ending');
}

// Texts rasterised by redraws that change nothing on screen but the hover: the pointer goes
// onto a control and off it twice; the later two redraws must find every text in the cache.
export async function steadyRenders(page, label) {
  const box = await controlBox(page, label);
  if (!box) throw new Error(`no control "${label}" to hover`);
  const on = () => page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  const off = () => page.mouse.move(2, 2);
  await settle(page, off);
  await settle(page, on);
  await settle(page, off);
  await resetFrames(page);
  await settle(page, on);
  await settle(page, off);
  const f = await readFrames(page);
  return { frames: f.drawn, renders: f.renders.reduce((s, n) => s + n, 0) };
}

// Share of one core (%) the page's main thread used over `seconds` of doing nothing, from the
// DevTools protocol (Performance.getMetrics TaskDuration), and the frames drawn meanwhile.
export async function idleCpu(page, cdp, seconds = 10) {
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.waitForTimeout(1000); // let the last redraw finish
  const drawnBefore = await page.evaluate(() => window.pakopeli.frames ? window.pakopeli.frames.drawn : 0);
  const a = await metric();
  await page.waitForTimeout(seconds * 1000);
  const b = await metric();
  const drawnAfter = await page.evaluate(() => window.pakopeli.frames ? window.pakopeli.frames.drawn : 0);
  const wall = b.Timestamp - a.Timestamp;
  return {
    cpuPct: (100 * (b.TaskDuration - a.TaskDuration)) / wall,
    scriptPct: (100 * (b.ScriptDuration - a.ScriptDuration)) / wall,
    threadPct: b.ThreadTime !== undefined ? (100 * (b.ThreadTime - a.ThreadTime)) / wall : null,
    drawn: drawnAfter - drawnBefore,
    seconds: wall,
  };
}
