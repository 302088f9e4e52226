// waterfall.mjs - where the time to the first interactive frame goes: every request's start and
// end (resource timing), the engine's marks, and the main thread's long tasks, for the game and
// the floor, unthrottled or on Slow 4G. A tool for docs/performance.md, not part of make bench.
// Usage: node tests/bench/waterfall.mjs [slow4g] [runs]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { serve } from '../e2e/serve.mjs';
import { newPage, waitInteractive, SLOW_4G } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const throttle = process.argv[2] === 'slow4g' ? SLOW_4G : null;
const runs = Number(process.argv[3] || 1);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [name, root, file] of [['game', 'build/web', ''], ['floor', 'build/bench/floor', '']]) {
  const server = await serve(path.join(ROOT, root));
  for (let run = 0; run < runs; run++) {
    const { context, page, cdp } = await newPage(browser, { throttle });
    const reqs = new Map();
    cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, t0: e.timestamp }));
    cdp.on('Network.responseReceived', (e) => { const r = reqs.get(e.requestId); if (r) { r.tr = e.timestamp; r.timing = e.response.timing; } });
    cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) { r.t1 = e.timestamp; r.bytes = e.encodedDataLength; } });
    await page.goto(`http://127.0.0.1:${server.address().port}/${file}`, { waitUntil: 'commit' });
    await waitInteractive(page, 120000);
    await page.waitForTimeout(300);
    const info = await page.evaluate(() => ({
      marks: { ...window.pakopeli.marks },
      res: performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(location.origin + '/', ''),
        start: r.startTime, reqStart: r.requestStart, resStart: r.responseStart, end: r.responseEnd, init: r.initiatorType, size: r.transferSize })),
      nav: (() => { const n = performance.getEntriesByType('navigation')[0]; return { resStart: n.responseStart, end: n.responseEnd, dcl: n.domContentLoadedEventEnd }; })(),
    }));
    console.log(`\n== ${name} run ${run + 1}${throttle ? ' (Slow 4G)' : ''}: marks ${JSON.stringify(Object.fromEntries(Object.entries(info.marks).map(([k, v]) => [k, Math.round(v)])))}`);
    console.log(`   document: response start ${info.nav.resStart.toFixed(0)}, end ${info.nav.end.toFixed(0)}, DOMContentLoaded ${info.nav.dcl.toFixed(0)}`);
    for (const r of info.res.sort((a, b) => a.start - b.start))
      console.log(`   ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)}  (first byte ${r.resStart.toFixed(0).padStart(6)})  ${String(r.size).padStart(7)} B  ${r.init.padEnd(6)} ${r.name}`);
    const dup = [...reqs.values()].map((r) => r.url).filter((u, i, a) => a.indexOf(u) !== i);
    if (dup.length) console.log(`   fetched twice: ${dup.join(', ')}`);
    await context.close();
  }
  server.close();
}
await browser.close();
