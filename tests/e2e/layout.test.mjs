// The game fits every screen and every zoom (issue 13): laid out in CSS pixels, so browser zoom
// and a phone enlarge text and controls; feedback is always in view; the keyboard goes on to
// the next task; the screen-reader mirror is structured and says each new thing once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openGame, waitForLine, screenLines, settle, screenshot } from './lib.mjs';
import { rooms, solutions, PLAYED, UI, tr, controls, press, answer } from './content-lib.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env.close(); });

const LAPTOP = { width: 1280, height: 760 };
const PHONE = [{ width: 390, height: 844 }, { deviceScaleFactor: 3, isMobile: true, hasTouch: true }];
// Browser zoom of a 1280 x 760 window: the page sees fewer CSS pixels at a higher pixel ratio.
const ZOOM200 = [{ width: 640, height: 380 }, { deviceScaleFactor: 2 }];
const ZOOM400 = [{ width: 320, height: 190 }, { deviceScaleFactor: 4 }];

// Every mirrored control's height in CSS pixels of the page, by its label.
async function controlHeights(page) {
  return page.$$eval('#sr-lines [data-control]', (lis) => Object.fromEntries(lis.map((li) => {
    const [x, y, w, h] = li.dataset.rect.split(',').map(Number);
    return [li.textContent, window.pakopeli.toPage(x, y, w, h).h];
  })));
}

// Opens a room as a new player (no progress kept from the room before) and starts it.
async function enterFresh(page, id) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(env.base + `?room=${id}&lang=en`);
  await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive);
  await press(page, UI.start.en);
}

async function firstTask(viewport, extra) {
  const { page, context, errors } = await openGame(env, '?room=outlook&lang=en', viewport, extra);
  await press(page, UI.start.en);
  await waitForLine(page, /^Task 1 of /);
  return { page, context, errors };
}

test('text and controls grow with browser zoom: at 200 % no control is smaller than at 100 %, at 400 % none under 24 px', async () => {
  const base = await firstTask(LAPTOP);
  const at100 = await controlHeights(base.page);
  await screenshot(base.page, 'layout-zoom100.png');
  await base.context.close();
  for (const [name, [vp, extra]] of [['200', ZOOM200], ['400', ZOOM400]]) {
    const z = await firstTask(vp, extra);
    const atZ = await controlHeights(z.page);
    await screenshot(z.page, `layout-zoom${name}.png`);
    let compared = 0;
    for (const [label, h] of Object.entries(at100)) {
      if (!(label in atZ)) continue;
      compared++;
      // 400 % of 1280 is a 320 px wide screen: a phone's layout, where the scene is fitted
      if (name === '200') assert.ok(atZ[label] >= 0.95 * h, `at ${name} % "${label}" is ${atZ[label]} px tall, at 100 % ${h} px`);
      else assert.ok(atZ[label] >= 24, `at ${name} % "${label}" is ${atZ[label]} px tall`);
    }
    assert.ok(compared >= 10, `only ${compared} controls on both screens`);
    assert.deepEqual(z.errors, []);
    await z.context.close();
  }
});

test('on a phone every control is at least 24 CSS px tall and the panel text at least 16 px', async () => {
  const [vp, extra] = PHONE;
  const { page, context, errors } = await openGame(env, '?lang=en', vp, extra);
  const check = async (where) => {
    for (const [label, h] of Object.entries(await controlHeights(page)))
      assert.ok(h >= 24, `${where}: "${label}" is ${h} CSS px tall`);
  };
  for (const id of PLAYED) {
    await page.evaluate(() => localStorage.clear());
    await page.goto(env.base + `?room=${id}&lang=en`);
    await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive);
    await waitForLine(page, UI.start.en);
    await check(`${id}, its intro`);
    await enterFresh(page, id);
    await waitForLine(page, /^Task 1 of /);
    await check(`${id}, its first task`);
  }
  await screenshot(page, 'layout-phone-task.png');
  assert.deepEqual(errors, []);
  await context.close();
});

// The newest verdict or hint: its rectangle on the page, and the part of the screen showing it.
async function newest(page, prefix) {
  return page.evaluate((prefix) => {
    const lines = [...document.querySelectorAll('#sr-lines [data-line][data-rect]:not([data-control])')]
      .filter((li) => li.textContent.startsWith(prefix));
    const li = lines[lines.length - 1];
    if (!li) return null;
    const box = window.pakopeli.toPage(...li.dataset.rect.split(',').map(Number));
    const clip = li.dataset.clip ? window.pakopeli.toPage(...li.dataset.clip.split(',').map(Number)) : null;
    const canvas = document.getElementById('canvas').getBoundingClientRect();
    return { text: li.textContent, box, clip, vw: window.innerWidth, vh: Math.min(window.innerHeight, canvas.bottom) };
  }, prefix);
}

function assertInView(r, what) {
  assert.ok(r, `${what}: no such line in the mirror`);
  const { box, clip, vw, vh } = r;
  const area = clip ? { x: Math.max(0, clip.x), y: Math.max(0, clip.y), r: Math.min(vw, clip.x + clip.w), b: Math.min(vh, clip.y + clip.h) }
    : { x: 0, y: 0, r: vw, b: vh };
  const tall = box.h > area.b - area.y; // taller than the screen: its top must show
  assert.ok(box.y >= area.y - 1 && (tall || box.y + box.h <= area.b + 1) && box.x >= area.x - 1 && box.x + box.w <= area.r + 1,
    `${what}: "${r.text.slice(0, 60)}" at ${JSON.stringify(box)} is not inside ${JSON.stringify(area)}`);
}

// A wrong answer to puzzle p through the interface, or false when the kind has none to give.
async function wrongAnswer(page, room, p) {
  switch (p.kind) {
    case 'choice': {
      const wrong = p.options.find((o) => !o.correct);
      if (!wrong) return false;
      await press(page, tr(wrong.text, 'en'));
      if (p.options.filter((o) => o.correct).length > 1) {
        await press(page, UI.check.en);
        await waitForLine(page, /^Not quite\./);
        await press(page, tr(wrong.text, 'en')); // untick it again: the right answer follows
      }
      return true;
    }
    case 'order': await press(page, UI.check.en); return true; // as shuffled: never already right
    case 'code': case 'text':
      await page.focus('#canvas');
      await page.keyboard.type('x');
      await press(page, UI.check.en);
      return true;
    default: return false; // places, pairs and items: a decoy needs knowledge the room may not have
  }
}

// Every shipped room on a laptop; on a phone (slower to play: it scrolls) the room with the
// longest panel, a matching task; at 200 % zoom (a short screen: the scene alone fills it) the
// room with the most tasks whose answer is in the panel.
for (const [name, [vp, extra], played] of [['1366 x 768', [{ width: 1366, height: 768 }, {}], PLAYED],
  ['a phone', PHONE, ['teams']], ['200 % zoom', ZOOM200, ['outlook']]]) {
  test(`on ${name} every task's prompt, wrong answer and hint in ${played.join(', ')} shows in view`, async () => {
    const { page, context, errors } = await openGame(env, '?lang=en', vp, extra);
    for (const id of played) {
      const room = rooms[id];
      await enterFresh(page, id);
      for (const p of room.puzzles) {
        await waitForLine(page, tr(p.prompt, 'en'));
        // the task that opened (after Start or Continue, both clicked) is read first: its prompt
        // shows without scrolling (at 200 % zoom the column showed the scene's top, 2026-11-28)
        await settle(page, () => page.waitForTimeout(50));
        assertInView(await newest(page, tr(p.prompt, 'en')), `${id}/${p.id} its prompt`);
        if (await wrongAnswer(page, room, p)) {
          await waitForLine(page, /^Not quite\./);
          await settle(page, () => page.waitForTimeout(50));
          assertInView(await newest(page, 'Not quite.'), `${id}/${p.id} wrong answer`);
        }
        for (let h = 1; h <= (p.hints || []).length; h++) {
          await press(page, 'Hint (');
          await waitForLine(page, `Hint ${h} of`);
          await settle(page, () => page.waitForTimeout(50));
          assertInView(await newest(page, `Hint ${h} of`), `${id}/${p.id} hint ${h}`);
        }
        for (const ev of solutions[id].filter((e) => e.puzzle === p.id)) await answer(page, room, ev, 'en');
        await waitForLine(page, UI.next.en);
        assertInView(await newest(page, 'Right.'), `${id}/${p.id} solved`);
        await press(page, UI.next.en);
      }
      await waitForLine(page, UI.solved.en);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A search on the scene, as it opens on a short screen (a laptop at 200 % zoom) and on a phone:
// the task's prompt and the first place to click (the topmost: where the eye starts) are both
// in view, without scrolling. (On 2026-11-29 at 200 % the column showed the prompt below the
// scene and the places had gone above the screen's top: a mouse user scrolled up to find them.)
const SEARCHES = PLAYED.filter((id) => rooms[id].puzzles.some((p) => p.kind === 'hotspots'));
for (const [name, [vp, extra]] of [['200 % zoom', ZOOM200], ['a phone', PHONE]]) {
  test(`on ${name} a search opens with its prompt and its first place in view (${SEARCHES.join(', ')})`, async () => {
    const lang = 'fi'; // the longest prompts
    const { page, context, errors } = await openGame(env, `?lang=${lang}`, vp, extra);
    let searches = 0;
    for (const id of SEARCHES) {
      const room = rooms[id];
      await page.evaluate(() => localStorage.clear());
      await page.goto(env.base + `?room=${id}&lang=${lang}`);
      await page.waitForFunction(() => window.pakopeli && window.pakopeli.marks.interactive);
      await press(page, UI.start[lang]);
      for (const p of room.puzzles) {
        await waitForLine(page, tr(p.prompt, lang));
        if (p.kind === 'hotspots') {
          await settle(page, () => page.waitForTimeout(50));
          assertInView(await newest(page, tr(p.prompt, lang)), `${id}/${p.id} its prompt`);
          const places = await page.evaluate((labels) => {
            const lis = [...document.querySelectorAll('#sr-lines [data-control][data-rect]')];
            return labels.map((label) => {
              const li = lis.find((l) => l.textContent.startsWith(label));
              if (!li) return { label, box: null };
              const box = window.pakopeli.toPage(...li.dataset.rect.split(',').map(Number));
              const clip = li.dataset.clip ? window.pakopeli.toPage(...li.dataset.clip.split(',').map(Number)) : null;
              return { label, box, clip, vw: window.innerWidth, vh: window.innerHeight };
            });
          }, p.places.map((o) => tr(o.label, lang)));
          for (const pl of places) assert.ok(pl.box, `${id}/${p.id}: the place "${pl.label}" is not in the mirror`);
          // the topmost place, whole from top to bottom (sideways the scene pans to where most of
          // the places are, rl_pan_to: on a phone the topmost may be beside the view), and a place
          // to click whole in view both ways
          const { vw, vh } = places[0];
          const first = places.reduce((a, b) => (b.box.y < a.box.y ? b : a));
          assert.ok(first.box.y >= -1 && first.box.y + first.box.h <= vh + 1,
            `${id}/${p.id}: its first place "${first.label}" at ${JSON.stringify(first.box)} is not in view (${vw} x ${vh})`);
          const whole = places.filter(({ box, clip }) => {
            const a = { x: Math.max(0, clip ? clip.x : 0), y: Math.max(0, clip ? clip.y : 0) };
            const b = { x: Math.min(vw, clip ? clip.x + clip.w : vw), y: Math.min(vh, clip ? clip.y + clip.h : vh) };
            return box.x >= a.x - 1 && box.y >= a.y - 1 && box.x + box.w <= b.x + 1 && box.y + box.h <= b.y + 1;
          });
          assert.ok(whole.length > 0, `${id}/${p.id}: no place whole in view: ${JSON.stringify(places.map((x) => x.box))}`);
          await screenshot(page, `layout-search-${name.startsWith('200') ? 'zoom200' : 'phone'}-${id}.png`);
          searches++;
          break;
        }
        for (const ev of solutions[id].filter((e) => e.puzzle === p.id)) await answer(page, room, ev, lang);
        await waitForLine(page, UI.next[lang]);
        await press(page, UI.next[lang]);
      }
    }
    assert.equal(searches, SEARCHES.length);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A search at 200 % zoom (its task in a card above the scene, see above), played with the mouse:
// after a find the next place to click is still on the screen, and what the find did (the count
// and the verdict) is in the card, on the screen too. (On 2026-11-29 each find took the view down
// to the verdict below the scene, ~500 px away: the player scrolled back up after every find.)
test('at 200 % zoom a find in a search keeps the next place in view and shows its count and verdict there too', async () => {
  const [vp, extra] = ZOOM200;
  const lang = 'fi', id = 'outlook', room = rooms[id];
  const FOUND = 'Löydetty', RIGHT = 'Oikein.'; // the engine's words (strings.c STR_FOUND_OF, STR_RIGHT)
  const { page, context, errors } = await openGame(env, `?room=${id}&lang=${lang}`, vp, extra);
  await press(page, UI.start[lang]);
  const search = room.puzzles.find((p) => p.kind === 'hotspots');
  for (const p of room.puzzles) {
    await waitForLine(page, tr(p.prompt, lang));
    if (p === search) break;
    for (const ev of solutions[id].filter((e) => e.puzzle === p.id)) await answer(page, room, ev, lang);
    await waitForLine(page, UI.next[lang]);
    await press(page, UI.next[lang]);
  }
  await settle(page, () => page.waitForTimeout(50));
  const finds = solutions[id].filter((e) => e.puzzle === search.id).map((e) => search.places.find((o) => o.id === e.answer[0]));
  // a place's box on the page and the part of the screen that shows it (the scene pans sideways)
  const placeBox = async (place) => {
    const label = tr(place.label, lang);
    const r = await page.evaluate((label) => {
      const li = [...document.querySelectorAll('#sr-lines [data-control][data-rect]')].find((l) => l.textContent.startsWith(label));
      if (!li) return null;
      const box = window.pakopeli.toPage(...li.dataset.rect.split(',').map(Number));
      const clip = li.dataset.clip ? window.pakopeli.toPage(...li.dataset.clip.split(',').map(Number)) : null;
      return { text: li.textContent, box, clip, vw: window.innerWidth, vh: window.innerHeight };
    }, label);
    assert.ok(r, `the place "${label}" is not in the mirror`);
    return r;
  };
  const [first, next] = finds;
  const at = await placeBox(first);
  assertInView(at, `${id}/${search.id}: the first place to find, before the click`);
  await screenshot(page, 'layout-find-zoom200-before.png');
  const { box, clip } = at;
  const x0 = Math.max(box.x, clip ? clip.x : 0), x1 = Math.min(box.x + box.w, clip ? clip.x + clip.w : at.vw);
  await settle(page, () => page.mouse.click((x0 + x1) / 2, box.y + box.h / 2));
  await waitForLine(page, `${FOUND} 1/${finds.length}`);
  await settle(page, () => page.waitForTimeout(50));
  await screenshot(page, 'layout-find-zoom200-after.png');
  // (1) the next place to find is on the screen without scrolling: whole from top to bottom (the
  // scene may be panned sideways: the part of it the scene's view shows)
  const n = await placeBox(next);
  assert.ok(n.box.y >= -1 && n.box.y + n.box.h <= n.vh + 1,
    `${id}/${search.id}: after the first find the next place "${n.text.slice(0, 40)}" at ${JSON.stringify(n.box)} is not on the screen (${n.vw} x ${n.vh})`);
  // (2) what the find did is on the screen: the count and the verdict with its reason
  assertInView(await newest(page, `${FOUND} 1/${finds.length}`), `${id}/${search.id}: the count after the first find`);
  assertInView(await newest(page, RIGHT), `${id}/${search.id}: the verdict of the first find`);
  // and the place clicked has not moved away from under the pointer
  assertInView(await placeBox(first), `${id}/${search.id}: the place found, after the click`);
  assert.deepEqual(errors, []);
  await context.close();
});

// How many Tab presses until the focus is on a control that matches test (at most limit).
async function tabsUntil(page, test, limit = 6) {
  for (let n = 0; n <= limit; n++) {
    if (await page.evaluate(test)) return n;
    await settle(page, () => page.keyboard.press('Tab'));
  }
  return Infinity;
}
const onContinue = () => (document.getElementById('sr-focus').textContent || '').startsWith('Continue');
const inTask = () => { // the focused control is in the open task, or in the scene of a search
  const li = document.querySelector('#sr-lines li[aria-current]');
  const g = li && li.closest('[role=group]');
  return !!g && /^Task \d+ of|^Screen$/.test(g.getAttribute('aria-label'));
};

test('by keyboard, the next task is at most 2 Tab presses away after each answer', async () => {
  const id = 'outlook', room = rooms[id];
  const { page, context, errors } = await openGame(env, `?room=${id}&lang=en`);
  await page.focus('#canvas');
  await waitForLine(page, UI.start.en);
  await settle(page, () => page.keyboard.press('Enter')); // the intro's Start has the focus
  for (const p of room.puzzles) {
    await waitForLine(page, tr(p.prompt, 'en'));
    const first = await tabsUntil(page, inTask);
    assert.ok(first <= 2, `${p.id}: ${first} Tab presses to the task`);
    for (const ev of solutions[id].filter((e) => e.puzzle === p.id)) await answer(page, room, ev, 'en');
    await waitForLine(page, UI.next.en);
    await page.focus('#canvas');
    const next = await tabsUntil(page, onContinue);
    assert.ok(next <= 2, `${p.id}: ${next} Tab presses to Continue`);
    await settle(page, () => page.keyboard.press('Enter'));
  }
  await waitForLine(page, UI.solved.en);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the mirror has a heading, the task as a group, the intro as a dialog, and says each new thing once', async () => {
  const { page, context, errors } = await openGame(env, '?room=outlook&lang=en');
  const room = rooms.outlook;
  await waitForLine(page, tr(room.intro, 'en').slice(0, 40));
  const structure = await page.evaluate(() => ({
    heading: [...document.querySelectorAll('#sr-lines h2')].map((h) => h.textContent),
    dialog: document.querySelector('#sr-lines [role=dialog]')?.getAttribute('aria-label'),
    langs: [...document.querySelectorAll('#sr-lines li[lang]')].map((li) => `${li.lang}:${li.textContent}`),
  }));
  assert.ok(structure.heading.includes(tr(room.title, 'en')), JSON.stringify(structure));
  assert.equal(structure.dialog, tr(room.title, 'en'));
  assert.ok(structure.langs.some((l) => l.startsWith('sv:Svenska')) && structure.langs.some((l) => l.startsWith('fi:Suomi')));
  let news = await page.evaluate(() => window.pakopeli.news.slice());
  // entering: the title and the intro, each once; nothing stale behind the dialog
  assert.deepEqual(news.filter((n) => n === tr(room.title, 'en')).length, 1, news.join('\n'));
  assert.equal(news.filter((n) => n === tr(room.intro, 'en')).length, 1, news.join('\n'));
  assert.ok(!news.some((n) => /^Task /.test(n)), `a task was announced behind the intro:\n${news.join('\n')}`);
  assert.ok(news.length <= 4, `entering the room said ${news.length} things:\n${news.join('\n')}`);

  await press(page, UI.start.en);
  const p = room.puzzles[0];
  await waitForLine(page, tr(p.prompt, 'en'));
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('#sr-lines [role=group]')]
    .some((g) => /^Task 1 of/.test(g.getAttribute('aria-label')))));
  // an answer: its verdict once, even though the screen is drawn again (hover, focus)
  const ev = solutions.outlook.find((e) => e.puzzle === p.id);
  await answer(page, room, ev, 'en');
  await waitForLine(page, /^Right\./);
  await page.mouse.move(10, 10);
  await page.mouse.move(600, 300);
  await page.waitForTimeout(200);
  news = await page.evaluate(() => window.pakopeli.news.slice());
  const counts = {};
  for (const n of news) counts[n] = (counts[n] || 0) + 1;
  for (const [n, c] of Object.entries(counts)) assert.equal(c, 1, `said ${c} times: ${n}`);
  assert.equal(news.filter((n) => n.startsWith('Task 1 of')).length, 1);
  assert.equal(news.filter((n) => /^Right\./.test(n)).length, 1);
  console.log(`# screen-reader transcript (news) of entering ${room.id} and one answer:\n# ${news.join('\n# ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
