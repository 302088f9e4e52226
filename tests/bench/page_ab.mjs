// page_ab.mjs - two builds of the web game side by side with the floor: each round loads A, B
// and the floor once (fresh context, empty cache), so all three see the same machine load; prints
// the median time to the engine's marks and the ratios to the floor. For measuring one change of
// the first load at a time (docs/performance.md, issue 18's fifth round); make bench is the table.
// Usage: node tests/bench/page_ab.mjs DIR_A DIR_B [rounds=7] [slow4g]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { serve } from '../e2e/serve.mjs';
import { loadTimes, median, SLOW_4G } from './measure.mjs';
import os from 'node:os';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [a, b, rounds = '7', net = ''] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node tests/bench/page_ab.mjs DIR_A DIR_B [rounds] [slow4g]');
const throttle = net === 'slow4g' ? SLOW_4G : null;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const sides = [['A', a], ['B', b], ['floor', path.join(ROOT, 'build/bench/floor')]];
const servers = await Promise.all(sides.map(([, dir]) => serve(dir)));
const marks = sides.map(() => []);
const load0 = os.loadavg()[0];
for (let r = 0; r < Number(rounds); r++) {
  for (let i = 0; i < sides.length; i++)
    marks[i].push(await loadTimes(browser, `http://127.0.0.1:${servers[i].address().port}/`, throttle));
}
const med = (i, k) => median(marks[i].map((m) => m[k]).filter((x) => x !== undefined));
console.log(`${throttle ? 'Slow 4G' : 'unthrottled'}, median of ${rounds}, load ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`);
for (const k of ['started', 'first-frame', 'interactive']) {
  const f = med(2, k);
  console.log(`  ${k.padEnd(12)} A ${med(0, k).toFixed(0).padStart(5)} ms (${(med(0, k) / f).toFixed(2)}×)  B ${med(1, k).toFixed(0).padStart(5)} ms (${(med(1, k) / f).toFixed(2)}×)  floor ${f.toFixed(0)} ms`);
}
await browser.close();
servers.forEach((s) => s.close());
