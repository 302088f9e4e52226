// bench.mjs - `make bench`: how the shipped game does against its written budgets
// (docs/performance.md), side by side in the same run with the floor of this stack (an SDL2 +
// SDL_ttf program that draws one text, built with the same flags: build/bench/floor).
//
// Prints one table and writes it as JSON to build/bench/bench.json (and one line per run to
// build/bench/history.jsonl, so earlier figures are not lost). Timings are medians of
// BENCH_RUNS page loads (default 5); compare them as ratios within one run, not across machines.
// BENCH_ONLY=size,time,frames,load,server runs only those parts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, WEB, CHROMIUM_ARGS, startBrowser } from '../e2e/lib.mjs';
import { serve } from '../e2e/serve.mjs';
import {
  BUDGETS, meets, SLOW_4G, KB, MB, firstLoad, loadTimes, median, percentile, newPage, waitInteractive,
  resetFrames, readFrames, wasmMemory, playMailRoom, playOfficeAndEnd, steadyRenders, idleCpu,
} from './measure.mjs';
import { benchServer } from './server.mjs';

// playwright-core is installed with the browser tests (tests/e2e/node_modules).
const { chromium } = createRequire(path.join(ROOT, 'tests/e2e/package.json'))('playwright-core');

const OUT = path.join(ROOT, 'build/bench');
const FLOOR = path.join(OUT, 'floor');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const PLAYS = Math.min(RUNS, 3);
const ONLY = (process.env.BENCH_ONLY || '').split(',').filter(Boolean);
const part = (name) => ONLY.length === 0 || ONLY.includes(name);

const rows = [];
// One row: what, the game's value, the floor's (or null), unit, budget key (or null).
function row(group, what, value, { floor = null, unit = '', budget = null, note = '' } = {}) {
  const r = { group, what, value, floor, unit, note };
  if (budget) {
    r.budget = BUDGETS[budget].max ?? BUDGETS[budget].min;
    r.budgetKind = BUDGETS[budget].max !== undefined ? 'max' : 'min';
    r.ok = meets(budget, value);
  }
  rows.push(r);
  return r;
}

const fmt = (v, unit) => {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  if (unit === 'B') return v >= MB ? `${(v / MB).toFixed(1)} MiB` : `${(v / KB).toFixed(1)} kB`;
  if (unit === 'ms') return `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
  if (unit === 'us') return `${v.toFixed(0)} µs`;
  if (unit === '%') return `${v.toFixed(2)} %`;
  if (unit === '/s') return `${v.toFixed(0)} /s`;
  return `${Number.isInteger(v) ? v : v.toFixed(2)}${unit ? ` ${unit}` : ''}`;
};

function printTable() {
  const lines = [['', 'game', 'floor', 'game/floor', 'budget', '', '']];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) { lines.push([`[${r.group}]`, '', '', '', '', '', '']); group = r.group; }
    const ratio = typeof r.value === 'number' && typeof r.floor === 'number' && r.floor > 0 ? `${(r.value / r.floor).toFixed(1)}×` : '';
    const budget = r.budget === undefined ? '' : `${r.budgetKind === 'max' ? '≤' : '≥'} ${fmt(r.budget, r.unit)}`;
    const ok = r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED';
    lines.push([`  ${r.what}`, fmt(r.value, r.unit), fmt(r.floor, r.unit), ratio, budget, ok, r.note]);
  }
  const w = lines[0].map((_, i) => Math.max(...lines.map((l) => [...l[i]].length)));
  for (const l of lines) console.log(l.map((c, i) => (i === 0 || i === 6 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd());
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  if (!fs.existsSync(path.join(FLOOR, 'floor.wasm'))) throw new Error('build/bench/floor is missing: run `make bench`');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const gameServer = await serve(WEB);
  const floorServer = await serve(FLOOR);
  const game = `http://127.0.0.1:${gameServer.address().port}/`;
  const floor = `http://127.0.0.1:${floorServer.address().port}/`;
  try {
    if (part('size')) {
      const g = await firstLoad(browser, game, WEB);
      const f = await firstLoad(browser, floor, FLOOR);
      for (const file of g.files) {
        const fl = f.files.find((x) => x.name === file.name || (file.name === 'pakopeli.wasm' && x.name === 'floor.wasm')
          || (file.name === 'pakopeli.js' && x.name === 'floor.js'));
        row('first load: bytes as served (gzip -9; raw in the note)', file.name, file.gzip,
          { unit: 'B', floor: fl ? fl.gzip : null, note: `raw ${fmt(file.raw, 'B')}` });
      }
      row('first load: bytes as served (gzip -9; raw in the note)', `sum of ${g.files.length} files`, g.gzip,
        { unit: 'B', floor: f.gzip, budget: 'firstLoadServed', note: `raw ${fmt(g.raw, 'B')}` });
      const brGroup = 'first load: bytes as served with brotli (Accept-Encoding: br; the build\'s FILE.br, -q 11)';
      for (const file of g.files.filter((x) => x.br < x.gzip)) {
        const fl = f.files.find((x) => (file.name === 'pakopeli.wasm' && x.name === 'floor.wasm')
          || (file.name === 'pakopeli.js' && x.name === 'floor.js'));
        if (fl || file.gzip > 8 * KB) row(brGroup, file.name, file.br, { unit: 'B', floor: fl ? fl.br : null,
          note: `gzip ${fmt(file.gzip, 'B')}` });
      }
      row(brGroup, `sum of ${g.files.length} files`, g.br, { unit: 'B', floor: f.br, budget: 'firstLoadBrotli',
        note: `gzip ${fmt(g.gzip, 'B')}; ${(g.br / f.br).toFixed(2)}× the floor (wanted ≤ 1.4×)` });
    }

    if (part('time')) {
      for (const [label, throttle] of [['unthrottled', null], ['Slow 4G (150 ms, 1.6 Mbit/s, CPU 4×)', SLOW_4G]]) {
        const gm = [], fm = [];
        for (let i = 0; i < RUNS; i++) { // alternate, so both see the same machine load
          gm.push(await loadTimes(browser, game, throttle));
          fm.push(await loadTimes(browser, floor, throttle));
        }
        const med = (list, k) => median(list.map((m) => m[k]).filter((x) => x !== undefined));
        row(`time from navigation, median of ${RUNS}: ${label}`, 'first frame drawn', med(gm, 'first-frame'),
          { unit: 'ms', floor: med(fm, 'first-frame') });
        row(`time from navigation, median of ${RUNS}: ${label}`, 'first interactive frame', med(gm, 'interactive'),
          { unit: 'ms', floor: med(fm, 'interactive'), budget: throttle ? 'interactiveSlow4gMs' : 'interactiveMs' });
      }
    }
  } finally {
    await new Promise((r) => gameServer.close(r));
    await new Promise((r) => floorServer.close(r));
  }

  if (part('frames')) {
    // The fixture game (tests/fixtures/e2e-game), so these figures do not move with the content.
    const env = await startBrowser({ levels: 'tests/fixtures/e2e-game' });
    try {
      // Several playthroughs (fresh pages): the median of their medians and 99th percentiles.
      const plays = [];
      let page, cdp, context;
      for (let i = 0; i < PLAYS; i++) {
        if (context) await context.close();
        ({ context, page, cdp } = await newPage(env.browser));
        await page.goto(`${env.base}?lang=en`);
        await waitInteractive(page);
        await resetFrames(page);
        await playMailRoom(page);
        await playOfficeAndEnd(page);
        plays.push(await readFrames(page));
      }
      const per = (fn) => median(plays.map(fn));
      const group = `frames: fixture game played through with the mouse (2 rooms, last door), median of ${PLAYS}`;
      row(group, 'drawn frames', per((f) => f.drawn));
      row(group, 'frame CPU median', per((f) => median(f.ms)), { unit: 'ms' });
      row(group, 'frame CPU p99', per((f) => percentile(f.ms, 99)), { unit: 'ms', budget: 'frameP99Ms' });
      row(group, 'frame CPU max', per((f) => Math.max(...f.ms)), { unit: 'ms' });
      row(group, 'frame CPU sum over the playthrough', per((f) => f.ms.reduce((s, n) => s + n, 0)), { unit: 'ms' });
      row(group, 'texts rasterised, whole playthrough', per((f) => f.renders.reduce((s, n) => s + n, 0)));
      // issue 18: no frame should rasterise more than two texts (a new screen's 10-17 at once were the slow frames)
      row(group, 'texts rasterised in the busiest frame', per((f) => Math.max(0, ...f.renders)), { budget: 'textsPerFrame' });
      row(group, 'frames that rasterised more than 2 texts', per((f) => f.renders.filter((n) => n > 2).length),
        { note: `of the drawn frames; texts per frame: ${(() => {
          const h = new Map(); for (const n of plays[0].renders) h.set(n, (h.get(n) || 0) + 1);
          return [...h].sort((a, b) => a[0] - b[0]).map(([n, c]) => `${n}: ${c}`).join(', ');
        })()} (first playthrough)` });
      const steady = await steadyRenders(page, 'Settings');
      row(group, 'texts rasterised in a steady frame', steady.renders, { budget: 'steadyRenders', note: `${steady.frames} redraws` });
      const mem = await wasmMemory(page);
      // The floor, for the idle and memory rows.
      const fl = await serve(FLOOR);
      const fp = await newPage(env.browser);
      await fp.page.goto(`http://127.0.0.1:${fl.address().port}/`);
      await waitInteractive(fp.page);
      const fmem = await wasmMemory(fp.page);
      row(group, 'WebAssembly memory at the end (peak)', mem, { unit: 'B', floor: fmem, budget: 'wasmMemory' });
      const idle = await idleCpu(page, cdp, 10);
      const fidle = await idleCpu(fp.page, fp.cdp, 10);
      row(group, 'CPU idling 10 s on the ending (% of a core)', idle.cpuPct, { unit: '%', floor: fidle.cpuPct, budget: 'idleCpuPct',
        note: `main thread's tasks (CPU time ${idle.threadPct?.toFixed(2)} %), ${idle.drawn} frames drawn` });
      await fp.context.close();
      await new Promise((r) => fl.close(r));
      await context.close();
    } finally {
      await env.close();
    }
  }
  await browser.close();

  if (part('load')) {
    const out = execFileSync(path.join(OUT, 'bench_load'), [path.join(WEB, 'levels')], { encoding: 'utf8' });
    for (const line of out.trim().split('\n')) {
      const r = JSON.parse(line);
      row('native: load and check each shipped file (median of 5 batches)', `${r.kind} ${r.file}`, r.us,
        { unit: 'us', note: `${(r.bytes / KB).toFixed(1)} kB, ${r.iterations} loads` });
    }
  }

  if (part('server')) {
    const binary = path.join(ROOT, 'build/native/pakopeli-server');
    if (!fs.existsSync(binary)) {
      row('report server', 'server not built', 'skipped', { note: 'make server' });
    } else {
      for (const r of await benchServer(binary)) row('report server (loopback, data on disk)', r.what, r.value, r);
    }
  }

  printTable();
  let commit = '';
  try { commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { /* no git */ }
  const result = {
    date: new Date().toISOString(), commit, runs: RUNS,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg().map((x) => +x.toFixed(2)), node: process.version },
    rows,
  };
  fs.writeFileSync(path.join(OUT, 'bench.json'), `${JSON.stringify(result, null, 1)}\n`);
  fs.appendFileSync(path.join(OUT, 'history.jsonl'), `${JSON.stringify(result)}\n`);
  const missed = rows.filter((r) => r.ok === false);
  console.log(`\nbuild/bench/bench.json written; ${missed.length ? `${missed.length} budget(s) missed: ${missed.map((r) => r.what).join(', ')}` : 'every budget met'}`);
  console.log(`machine: ${result.machine.cpus} cores, load ${result.machine.load.join(' ')} (timings are noisy when the load is high)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
