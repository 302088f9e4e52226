// transcript.mjs - a room's screen-reader transcript, for an accessibility review (issue 13):
// the game's text mirror (#sr-screen) read the way a screen reader presents it (headings,
// dialogs and groups with their names, buttons, the current item), then what is announced
// (#sr-news) while a player enters the room and solves each task with the fixture answers.
//
//   node tests/e2e/transcript.mjs [ROOM] [LANG]      (after `make web`; default: outlook fi)
//
// Not a test (layout.test.mjs asserts the rules: each new thing once, nothing stale); this
// prints what a person would hear, so that someone can read it through.
import { startBrowser, openGame, waitForLine } from './lib.mjs';
import { rooms, solutions, UI, tr, press, answer } from './content-lib.mjs';

const [id = 'outlook', lang = 'fi'] = process.argv.slice(2);
const room = rooms[id];
if (!room) { console.error(`transcript.mjs: no room ${id}`); process.exit(2); }

// The mirror as a screen reader's browse mode reads it, one item per line.
function readMirror() {
  const out = [];
  const walk = (el, depth) => {
    for (const c of el.children) {
      const pad = '  '.repeat(depth);
      const role = c.getAttribute('role');
      if (/^H[1-6]$/.test(c.tagName)) out.push(`${pad}[otsikko ${c.tagName[1]}] ${c.textContent}`);
      else if (role === 'dialog' || role === 'group') {
        out.push(`${pad}[${role === 'dialog' ? 'valintaikkuna' : 'ryhmä'}: ${c.getAttribute('aria-label')}]`);
        walk(c, depth + 1);
        out.push(`${pad}[/${role === 'dialog' ? 'valintaikkuna' : 'ryhmä'}]`);
      } else if (c.dataset && c.dataset.line !== undefined) {
        // the engine's label already says "– painike" / "– kohta" (the role, in the game's language)
        const kind = c.dataset.control !== undefined && !/ – \S+$/.test(c.textContent) ? ' [painike]' : '';
        const cur = c.hasAttribute('aria-current') ? ' [nykyinen]' : '';
        const l = c.lang ? ` [kieli ${c.lang}]` : '';
        out.push(`${pad}${c.textContent}${kind}${cur}${l}`);
      } else walk(c, depth);
    }
  };
  walk(document.getElementById('sr-lines'), 0);
  return out;
}

const env = await startBrowser();
try {
  const { page, context } = await openGame(env, `?room=${id}&lang=${lang}`);
  await waitForLine(page, tr(room.intro, lang).slice(0, 30));
  console.log(`== ${id} (${lang}): the page on entering, as browse mode reads it\n`);
  console.log((await page.evaluate(readMirror)).join('\n'));
  let seen = 0;
  const news = async (what) => {
    const all = await page.evaluate(() => window.pakopeli.news.slice());
    console.log(`\n-- announced ${what}:`);
    for (const n of all.slice(seen)) console.log(`   « ${n} »`);
    seen = all.length;
  };
  await news('on entering');
  await press(page, UI.start[lang]);
  await waitForLine(page, tr(room.puzzles[0].prompt, lang).slice(0, 30));
  await news(`after "${UI.start[lang]}"`);
  console.log(`\n== the first task, as browse mode reads it\n`);
  console.log((await page.evaluate(readMirror)).join('\n'));
  for (const [n, p] of room.puzzles.entries()) {
    if (n > 0) {
      await press(page, UI.next[lang]);
      await waitForLine(page, tr(p.prompt, lang).slice(0, 30));
      await news(`after "${UI.next[lang]}"`);
    }
    for (const ev of solutions[id].filter((e) => e.puzzle === p.id)) await answer(page, room, ev, lang);
    await waitForLine(page, UI.next[lang]);
    await news(`after answering "${p.id}"`);
  }
  await press(page, UI.next[lang]);
  await waitForLine(page, UI.solved[lang]);
  await news('at the end');
  console.log(`\n== the solved room, as browse mode reads it\n`);
  console.log((await page.evaluate(readMirror)).join('\n'));
  await context.close();
} finally { await env.close(); }
