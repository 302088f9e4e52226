#!/usr/bin/env node
// Can a player pass a choice puzzle without reading it? Over every choice puzzle of the game
// (levels/game.json), in each language, this counts how often the longest option is a right one
// and how often the first option is a right one. With options of even length in a shuffled-looking
// order both shares stay low; a share near 100 % means the content gives the answer away.
//
//   node game/tools/choice_stats.mjs [levels-dir] [--list]
//
// Lengths are counted in characters after the organisation's {settings} are filled in, as the
// player sees them. A tie for the longest counts as "the longest is right" when any of the tied
// options is right, since a player who always picks a longest one cannot lose on it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const list = args.includes('--list');
const dir = args.find((a) => !a.startsWith('--')) || path.join(here, '..', '..', 'levels');
const LANGS = ['fi', 'sv', 'en'];

const game = JSON.parse(fs.readFileSync(path.join(dir, 'game.json'), 'utf8'));
const settings = game.settings || {};

function text(t, lang) {
  if (t === undefined || t === null) return '';
  const s = typeof t === 'string' ? t : (t[lang] || t.fi || '');
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in settings ? text(settings[k], lang) : m));
}

const rows = [];
for (const ref of game.rooms) {
  const room = JSON.parse(fs.readFileSync(path.join(dir, ref.file), 'utf8'));
  for (const p of room.puzzles || []) {
    if (p.kind !== 'choice' || !Array.isArray(p.options) || p.options.length < 2) continue;
    for (const lang of LANGS) {
      const lens = p.options.map((o) => [...text(o.text, lang)].length);
      const max = Math.max(...lens);
      const longestRight = p.options.some((o, i) => o.correct === true && lens[i] === max);
      const firstRight = p.options[0].correct === true;
      rows.push({ where: `${room.id}/${p.id}`, lang, longestRight, firstRight, lens });
    }
  }
}

const pct = (n, d) => (d ? Math.round((100 * n) / d) : 0);
const puzzles = rows.length / LANGS.length;
console.log(`choice puzzles: ${puzzles} (${rows.length} in ${LANGS.length} languages)`);
for (const lang of [...LANGS, 'all']) {
  const r = lang === 'all' ? rows : rows.filter((x) => x.lang === lang);
  const l = r.filter((x) => x.longestRight).length;
  const f = r.filter((x) => x.firstRight).length;
  console.log(`${lang.padEnd(4)} longest option is right: ${String(l).padStart(3)}/${r.length} = ${pct(l, r.length)} %   ` +
    `first option is right: ${String(f).padStart(3)}/${r.length} = ${pct(f, r.length)} %`);
}
if (list) {
  for (const x of rows) {
    if (x.longestRight || x.firstRight)
      console.log(`  ${x.where} (${x.lang}): ${x.longestRight ? 'longest ' : ''}${x.firstRight ? 'first ' : ''}[${x.lens.join(', ')}]`);
  }
}
