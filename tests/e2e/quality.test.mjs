// quality.test.mjs - the budgets that hold on any machine (docs/performance.md): bytes of the
// first load as served, WebAssembly memory after a playthrough, no text rasterised in a steady
// frame, every text of the content covered by the subset fonts; and accessibility audits
// (axe-core, WCAG 2.1 A/AA rules) of the game page in each state and of every HR dashboard page:
// no serious or critical violation. Timing budgets are `make bench`'s (tests/bench), not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, WEB, startBrowser, waitForLine } from './lib.mjs';
import {
  BUDGETS, firstLoad, newPage, waitInteractive, wasmMemory, playMailRoom, playOfficeAndEnd, steadyRenders, pressControl,
} from '../bench/measure.mjs';
import { subsetGaps } from '../bench/fonts.mjs';

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const LINT = path.join(ROOT, 'build/native/pakopeli-lint');

// Runs axe on the page; returns the serious and critical violations, readable.
async function audit(page, state) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
}

let env;
before(async () => { env = await startBrowser({ levels: 'tests/fixtures/e2e-game' }); });
after(async () => { await env.close(); });

test('the first load is within its budget as served (gzip)', async () => {
  const shipped = await startBrowser();
  try {
    const load = await firstLoad(shipped.browser, shipped.base, WEB);
    const list = load.files.map((f) => `${f.name} ${kB(f.gzip)}`).join(', ');
    assert.ok(load.files.some((f) => f.name === 'pakopeli.wasm'), `the engine was loaded: ${list}`);
    assert.ok(load.gzip <= BUDGETS.firstLoadServed.max,
      `first load ${kB(load.gzip)} as served > ${kB(BUDGETS.firstLoadServed.max)}: ${list}`);
    // The budget is a content rule, so authors meet it in the linter (code "first-load"): its
    // count of the first load is the browser's, and its budget is this one.
    const linted = JSON.parse(execFileSync(LINT, ['--budget', '--web', WEB, 'levels/'], { cwd: ROOT, encoding: 'utf8' }));
    assert.equal(linted.budget, BUDGETS.firstLoadServed.max);
    assert.ok(linted.engine_measured);
    assert.ok(Math.abs(linted.total - load.gzip) <= 0.01 * load.gzip,
      `the linter counts ${kB(linted.total)}, the browser fetched ${kB(load.gzip)}: ${list}`);
    // Before a build (`make lint` on a fresh checkout, the studio's server without build/web) the
    // linter counts the engine as ENGINE_ESTIMATE: it follows the measurement, so the story an
    // author hears then is the one a build tells.
    const unbuilt = JSON.parse(execFileSync(LINT, ['--budget', '--web', path.join(ROOT, 'build/no-such-web'), 'levels/'],
      { cwd: ROOT, encoding: 'utf8' }));
    assert.equal(unbuilt.engine_measured, false);
    assert.ok(Math.abs(unbuilt.engine - linted.engine) <= 0.05 * linted.engine,
      `ENGINE_ESTIMATE in game/tools/lint_budget.c is ${kB(unbuilt.engine)}, the built engine ${kB(linted.engine)} ` +
      '(page, engine and interface fonts, gzip): set it to the measurement');
    // The page preloads exactly what the engine then loads (web/index.html, game/tools/preload.mjs):
    // a file it misses costs a round trip on a slow network, a file it adds costs bandwidth.
    const page = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
    const preloaded = [...page.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => decodeURI(m[1])).sort();
    const direct = new Set(['index.html', 'style.css', 'shell.js', 'report.js']);
    assert.deepEqual(preloaded, load.files.map((f) => f.name).filter((n) => !direct.has(n)).sort(),
      'the preloads in build/web/index.html are the files of the first load');
  } finally {
    await shipped.close();
  }
});

test('every letter of the interface is in the subset fonts, and the linter finds none outside them in the content', () => {
  const gaps = subsetGaps();
  assert.deepEqual(gaps, [], `letters missing from build/web/fonts (widen FONT_SUBSET in game/front/font_subset.h):\n${gaps.join('\n')}`);
  const r = spawnSync(LINT, ['--json', 'levels/'], { cwd: ROOT, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(r.stdout).filter((p) => p.code === 'letter'), []);
});

// The canvas is opaque to axe, so the engine's colours are checked here, from their one table
// (game/front/gfx.c palette, normal and high contrast): text 4.5:1 (WCAG 1.4.3) on every
// background role, the focus ring 3:1 (1.4.11).
test('the engine\'s colour roles meet the contrast minimums in both palettes', () => {
  const src = fs.readFileSync(path.join(ROOT, 'game/front/gfx.c'), 'utf8');
  const table = src.slice(src.indexOf('palette[2][GFX_COLOR_COUNT]'));
  const palettes = [];
  for (const m of table.matchAll(/\[GFX_(\w+)\]\s*=\s*\{0x(\w\w),\s*0x(\w\w),\s*0x(\w\w)/g)) {
    if (m[1] === 'BG') palettes.push({});
    if (palettes.length > 2) break;
    palettes[palettes.length - 1][m[1]] = [m[2], m[3], m[4]].map((h) => parseInt(h, 16));
  }
  assert.equal(palettes.length, 2, 'two palettes in gfx.c');
  const lum = (c) => {
    const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const low = [];
  palettes.forEach((p, i) => {
    const name = i ? 'high contrast' : 'normal';
    for (const bg of ['BG', 'SURFACE', 'SURFACE_ALT']) {
      for (const fg of ['TEXT', 'MUTED', 'ACCENT', 'OK', 'BAD']) if (ratio(p[fg], p[bg]) < 4.5) low.push(`${name}: ${fg} on ${bg} ${ratio(p[fg], p[bg]).toFixed(2)}`);
      if (ratio(p.FOCUS, p[bg]) < 3) low.push(`${name}: FOCUS on ${bg} ${ratio(p.FOCUS, p[bg]).toFixed(2)}`);
    }
    if (ratio(p.ON_ACCENT, p.ACCENT) < 4.5) low.push(`${name}: ON_ACCENT on ACCENT ${ratio(p.ON_ACCENT, p.ACCENT).toFixed(2)}`);
  });
  assert.deepEqual(low, []);
});

test('every state of the game passes the accessibility audit, and memory and steady frames are within budget', async () => {
  const problems = [];
  // Loading: the engine is held back until the audit has run.
  {
    const { context, page } = await newPage(env.browser);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/pakopeli.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${env.base}?lang=fi`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#status');
    problems.push(...await audit(page, 'loading'));
    release();
    await context.close();
  }
  const { context, page, errors } = await newPage(env.browser);
  await page.goto(`${env.base}?lang=en`);
  await waitInteractive(page);
  const onState = async (state) => { problems.push(...await audit(page, state)); };
  await playMailRoom(page, pressControl, { onState });
  await pressControl(page, 'Settings');
  await waitForLine(page, 'Text size');
  await onState('settings dialog');
  await pressControl(page, 'Close');
  await playOfficeAndEnd(page, pressControl, { onState });

  const memory = await wasmMemory(page);
  assert.ok(memory <= BUDGETS.wasmMemory.max, `WebAssembly memory ${memory} B > ${BUDGETS.wasmMemory.max} B`);
  const steady = await steadyRenders(page, 'Settings');
  assert.ok(steady.frames > 0, 'hovering a control redraws');
  assert.equal(steady.renders, 0, `a steady frame rasterised ${steady.renders} texts (the text cache missed)`);
  assert.deepEqual(errors, []);
  await context.close();
  assert.deepEqual(problems, [], `accessibility violations:\n${problems.join('\n')}`);
});

test('the error screen passes the accessibility audit', async () => {
  // A copy of the fixture game with a broken room.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pakopeli-broken-'));
  fs.cpSync(path.join(ROOT, 'tests/fixtures/e2e-game'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'mail.json'), '{ "id": "mail", "title": ');
  const broken = await startBrowser({ levels: dir });
  try {
    const { context, page } = await newPage(broken.browser);
    await page.goto(`${broken.base}?lang=en`);
    await waitForLine(page, 'A content file has an error', 20000);
    const problems = await audit(page, 'error screen');
    await context.close();
    assert.deepEqual(problems, [], `accessibility violations:\n${problems.join('\n')}`);
  } finally {
    await broken.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every page of the HR dashboard passes the accessibility audit', async (t) => {
  const server = process.env.PAKOPELI_SERVER || path.join(ROOT, 'build/native/pakopeli-server');
  if (!fs.existsSync(server)) { t.skip('the report server is not built (make server)'); return; }
  const { auditDashboard } = await import('../bench/dashboard.mjs');
  const problems = await auditDashboard(env.browser, server, audit);
  assert.deepEqual(problems, [], `accessibility violations:\n${problems.join('\n')}`);
});
