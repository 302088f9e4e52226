// content-lib.mjs - playing the shipped content through the interface, as a player would:
// its rooms and known solutions (the linter's solver, pakopeli-lint --solution), the engine's own words, and
// pressing a control by its spoken label (scrolling to it first). Used by content.test.mjs and
// layout.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, SCREENS, waitForLine, screenLines, settle } from './lib.mjs';

export const LEVELS = path.join(ROOT, 'levels');
export const OUT = path.join(SCREENS, 'content');
export const game = JSON.parse(fs.readFileSync(path.join(LEVELS, 'game.json'), 'utf8'));
export const rooms = Object.fromEntries(game.rooms.map((r) =>
  [r.id, JSON.parse(fs.readFileSync(path.join(LEVELS, r.file), 'utf8'))]));
// What a player clicks to solve each room, from the linter that checks the rooms (make test-e2e
// builds it): a new room needs no hand-written entry here.
export const solutions = JSON.parse(execFileSync(path.join(ROOT, 'build/native/pakopeli-lint'), ['--solution', 'levels/'],
  { cwd: ROOT, encoding: 'utf8' }));
export const LANGS = ['fi', 'sv', 'en'];
export const PLAYED = game.rooms.map((r) => r.id).filter((id) => id !== game.hub);

// The engine's own words (game/front/strings.c) that the test presses or waits for.
export const UI = {
  start: { fi: 'Aloita', sv: 'Börja', en: 'Start' },
  next: { fi: 'Jatka', sv: 'Fortsätt', en: 'Continue' },
  check: { fi: 'Tarkista', sv: 'Kontrollera', en: 'Check' },
  solved: { fi: 'Huone ratkaistu!', sv: 'Rummet är löst!', en: 'Room solved!' },
  moveUp: { fi: 'Siirrä ylös', sv: 'Flytta upp', en: 'Move up' },
  step: { fi: 'Vaihe', sv: 'Steg', en: 'Step' },
  selected: { fi: 'valittu', sv: 'vald', en: 'selected' },
  lobby: { fi: '← Aulaan', sv: '← Till lobbyn', en: '← To the lobby' },
  escaped: { fi: 'Pääsit ulos!', sv: 'Du tog dig ut!', en: 'You escaped!' },
};

// A content text in one language, with the organisation's settings filled in as the core does.
export function tr(t, lang) {
  if (t === undefined || t === null) return '';
  const s = typeof t === 'string' ? t : (t[lang] || t.fi);
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in game.settings ? tr(game.settings[k], lang) : m));
}

export async function controls(page) {
  return page.$$eval('#sr-lines [data-control]', (lis) => lis.map((li) => ({ text: li.textContent, rect: li.dataset.rect,
    clip: li.dataset.clip })));
}

// Presses the first control whose spoken label starts with `start`: a click in its middle, or,
// when the panel has scrolled it out of sight, Tab until it has the focus (the engine scrolls
// the focus into view) and Enter.
export async function press(page, start, what = start) {
  let found = null;
  for (let i = 0; i < 50 && !found; i++) {
    found = (await controls(page)).find((c) => c.text.startsWith(start));
    if (!found) await page.waitForTimeout(100);
  }
  if (!found) throw new Error(`no control "${what}"; the mirror says:\n${(await screenLines(page)).join('\n')}`);
  const [x, y, w, h] = found.rect.split(',').map(Number);
  // in a scrolling area (the panel, the column of a narrow screen, a panned scene) the mirror
  // says which part of the screen shows it
  const [cx, cy, cw, ch] = found.clip ? found.clip.split(',').map(Number) : [x, y, w, h];
  if (y < cy || y + h > cy + ch || x + w / 2 < cx || x + w / 2 > cx + cw) {
    await page.focus('#canvas');
    for (let i = 0; i < 80; i++) {
      const focus = await page.$eval('#sr-focus', (el) => el.textContent);
      if (focus.startsWith(start)) {
        await settle(page, () => page.keyboard.press('Enter'));
        return;
      }
      // the next Tab only once the engine has drawn this one: the focus read above is then never
      // a frame old (a fixed 30 ms was one on a busy machine, and Enter pressed the wrong control)
      await settle(page, () => page.keyboard.press('Tab'));
    }
    throw new Error(`the keyboard never reached "${what}"`);
  }
  const box = await page.evaluate(([x, y, w, h]) => window.pakopeli.toPage(x, y, w, h), [x, y, w, h]);
  // until the engine has drawn the click (a fixed 160 ms was slower, and too short when busy)
  await settle(page, () => page.mouse.click(box.x + box.w / 2, box.y + box.h / 2));
}

export async function shot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, name) });
}

// What a screen reader says for a widget: its label, else its text.
export function spoken(room, widgetId, lang) {
  const w = room.scene.widgets.find((x) => x.id === widgetId);
  return tr(w.label || w.text, lang);
}

// Gives one recorded answer through the interface, as a player would.
export async function answer(page, room, ev, lang) {
  const p = room.puzzles.find((q) => q.id === ev.puzzle);
  switch (p.kind) {
    case 'choice': {
      for (const id of ev.answer) await press(page, tr(p.options.find((o) => o.id === id).text, lang));
      if (p.options.filter((o) => o.correct).length > 1) await press(page, UI.check[lang]);
      break;
    }
    case 'hotspots': {
      const place = p.places.find((o) => o.id === ev.answer[0]);
      await press(page, tr(place.label, lang));
      break;
    }
    case 'order': {
      const re = new RegExp(`^${UI.step[lang]} (\\d+): (.*) – `);
      for (let i = 0; i < ev.answer.length; i++) {
        const want = tr(p.steps.find((s) => s.id === ev.answer[i]).text, lang);
        for (let guard = 0; guard < p.steps.length; guard++) {
          const row = (await controls(page)).map((c) => re.exec(c.text)).find((m) => m && m[2] === want);
          assert.ok(row, `step "${want}" is not shown`);
          if (Number(row[1]) - 1 <= i) break;
          await press(page, `${UI.moveUp[lang]}: ${want}`);
        }
      }
      await press(page, UI.check[lang]);
      break;
    }
    case 'match': {
      for (const pair of ev.answer) {
        const [l, r] = pair.split('=');
        const li = p.pairs.findIndex((x) => x.id === l);
        const left = `${li + 1}. ${tr(p.pairs[li].left, lang)}`;
        await press(page, left);
        // the left item is picked before its partner is chosen (a busy machine draws late)
        await page.waitForFunction(([t, sel]) => [...document.querySelectorAll('#sr-lines [data-line]')]
          .some((li) => li.textContent.startsWith(t) && li.textContent.includes(sel)), [left, UI.selected[lang]], { timeout: 5000 });
        await press(page, tr(p.pairs.find((x) => x.id === r).right, lang));
      }
      await press(page, UI.check[lang]);
      break;
    }
    case 'code':
    case 'text': {
      await page.focus('#canvas');
      await page.keyboard.type(ev.answer[0]);
      await page.waitForTimeout(120);
      await press(page, UI.check[lang]);
      break;
    }
    case 'use': {
      const item = room.items.find((x) => x.id === ev.answer[0]);
      await press(page, tr(item.name, lang));
      await press(page, spoken(room, ev.answer[1], lang));
      break;
    }
    default: throw new Error(`unknown kind ${p.kind}`);
  }
}

// Plays a room that is open on screen (its intro closed), screenshotting each puzzle open and solved.
export async function playRoom(page, id, lang, tag) {
  const room = rooms[id];
  const events = solutions[id];
  for (const [n, p] of room.puzzles.entries()) {
    const mine = events.filter((e) => e.puzzle === p.id);
    assert.ok(mine.length > 0, `${id}/${p.id} has no known answer`);
    await waitForLine(page, tr(p.prompt, lang));
    const num = String(n + 1).padStart(2, '0');
    if (tag) await shot(page, `${tag}-${num}-${p.id}-open.png`);
    for (const ev of mine) await answer(page, room, ev, lang);
    await waitForLine(page, UI.next[lang]);
    if (tag) await shot(page, `${tag}-${num}-${p.id}-solved.png`);
    if (p.final) return;
    await press(page, UI.next[lang]);
  }
  await waitForLine(page, UI.solved[lang]);
  await waitForLine(page, tr(room.outro, lang).slice(0, 40));
  if (tag) await shot(page, `${tag}-99-solved.png`);
}

