// preload.mjs - lists the content files the engine loads before its first interactive frame as
// <link rel="preload"> in the built page, so the browser fetches them beside the engine instead
// of one step after another (each step is a round trip: about 0.4 s of 3.8 s on Slow 4G, see
// docs/performance.md).
//
// Usage: node game/tools/preload.mjs build/web     (rewrites build/web/index.html in place)
//        node game/tools/preload.mjs STAGE --lms   (a SCORM package's page: every room, see below)
//
// What the engine loads before a new player's first interactive frame (game/front/app.c,
// pump_manifest and pump_rooms): the room they start in, the hub, and its pictures (background,
// widget images, item icons: every "assets/..." string in it). The other rooms come after that
// frame when the built game.json carries every room's title (pakopeli-seal writes them) and the
// hub is its first room (can_defer_rooms); else every room file comes before it. The comics'
// files and the other rooms' pictures come after the first frame (request_rest), comic images
// and the comic font when a comic opens. A returning player's rooms are not preloaded: their
// saved answers need every room, which then come one round trip later.
// tests/e2e/quality.test.mjs checks that this list is exactly what the engine loads.
import fs from 'node:fs';
import path from 'node:path';

const MARK = '<!-- content preloads (game/tools/preload.mjs) -->';

// lms: the page of a SCORM package (game/tools/scorm.mjs; the server's scorm_pkg.c writes the same
// lines). In a learning platform the engine never defers rooms (app.c new_player: the platform may
// hold a resume state in any room), so every room comes before the first interactive frame.
export function contentFiles(web, { lms = false } = {}) {
  const game = JSON.parse(fs.readFileSync(path.join(web, 'levels/game.json'), 'utf8'));
  const start = (game.rooms || []).find((r) => r.id === game.hub) || (game.rooms || [])[0];
  const deferred = !lms && (game.rooms || []).length > 1 && game.hub && game.rooms[0].id === game.hub &&
    game.rooms.every((r) => r.title && (typeof r.title === 'string' || Object.keys(r.title).length > 0));
  const rooms = (deferred ? [start] : game.rooms || []).map((r) => `levels/${r.file}`);
  const assets = new Set();
  const walk = (v) => {
    if (typeof v === 'string') { if (v.startsWith('assets/')) assets.add(v); } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  if (start) walk(JSON.parse(fs.readFileSync(path.join(web, 'levels', start.file), 'utf8')));
  return [...rooms, ...[...assets].sort()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const web = process.argv[2] || 'build/web';
  const lms = process.argv.includes('--lms');
  const page = path.join(web, 'index.html');
  const html = fs.readFileSync(page, 'utf8');
  const at = html.indexOf(MARK);
  if (at < 0) throw new Error(`${page}: no "${MARK}" line to put the preloads after`);
  const end = at + MARK.length;
  const links = contentFiles(web, { lms }).map((f) => `\n  <link rel="preload" href="${encodeURI(f)}" as="fetch" crossorigin>`).join('');
  // Idempotent: drop preloads a previous run added right after the mark.
  const rest = html.slice(end).replace(/^(\n  <link rel="preload" href="(levels|assets)\/[^"]*" as="fetch" crossorigin>)*/, '');
  fs.writeFileSync(page, html.slice(0, end) + links + rest);
}
