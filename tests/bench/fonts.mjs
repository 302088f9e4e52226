// fonts.mjs - are the subset fonts (build/web/fonts, made by the Makefile from the full Debian
// fonts with FONT_SUBSET, game/front/font_subset.h) enough for every letter the game can draw?
// Reads the fonts' cmap tables and compares them with the front end's C sources (string
// literals). A letter outside the subset would be drawn as an empty box, so the CI test fails and
// names the file and the letter. The content's letters are the linter's rule ("letter", checked
// against the same FONT_SUBSET), which tests/e2e/quality.test.mjs asks.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, WEB } from '../e2e/lib.mjs';

// Code points a TrueType/OpenType font maps (cmap formats 4 and 12).
export function fontCodePoints(file) {
  const b = fs.readFileSync(file);
  const n = b.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    if (b.toString('latin1', rec, rec + 4) === 'cmap') cmap = b.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error(`${file}: no cmap table`);
  const points = new Set();
  const count = b.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const platform = b.readUInt16BE(cmap + 4 + i * 8);
    const off = cmap + b.readUInt32BE(cmap + 4 + i * 8 + 4);
    if (platform !== 0 && platform !== 3) continue;
    const format = b.readUInt16BE(off);
    if (format === 4) {
      const segs = b.readUInt16BE(off + 6) / 2;
      const ends = off + 14, starts = ends + segs * 2 + 2, deltas = starts + segs * 2, ranges = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const end = b.readUInt16BE(ends + s * 2), start = b.readUInt16BE(starts + s * 2);
        const delta = b.readInt16BE(deltas + s * 2), ro = b.readUInt16BE(ranges + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph;
          if (ro === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = ranges + s * 2 + ro + (c - start) * 2;
            glyph = b.readUInt16BE(at);
            if (glyph) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph) points.add(c);
        }
      }
    } else if (format === 12) {
      const groups = b.readUInt32BE(off + 12);
      for (let g = 0; g < groups; g++) {
        const at = off + 16 + g * 12;
        const start = b.readUInt32BE(at), end = b.readUInt32BE(at + 4), glyph = b.readUInt32BE(at + 8);
        for (let c = start; c <= end; c++) if (glyph + (c - start)) points.add(c);
      }
    }
  }
  return points;
}

function cStrings(source) {
  const out = [];
  const re = /"((?:[^"\\\n]|\\.)*)"/g;
  for (let m; (m = re.exec(source));) out.push(m[1].replace(/\\(.)/g, '$1'));
  return out;
}

function walk(dir, ext) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

// Letters the game may draw that a subset font lacks: ["levels/x.json: 'ŋ' U+014B not in comic.ttf", ...].
export function subsetGaps({ fontsDir = path.join(WEB, 'fonts') } = {}) {
  const fonts = fs.readdirSync(fontsDir).filter((f) => /\.(ttf|otf)$/.test(f))
    .map((f) => ({ name: f, points: fontCodePoints(path.join(fontsDir, f)) }));
  const sources = [
    ...walk(path.join(ROOT, 'game/front'), '.c').map((f) => [f, cStrings(fs.readFileSync(f, 'utf8'))]),
  ];
  const gaps = new Set();
  for (const [file, strings] of sources) {
    for (const s of strings) {
      for (const ch of s) {
        const c = ch.codePointAt(0);
        if (c < 0x20 || c === 0x25b6 /* the mirror's focus mark, never drawn */) continue;
        for (const f of fonts) {
          // the comic face draws the comics' own texts only (game/front/comic_view.c)
          if (f.name.startsWith('comic') && !file.includes(`${path.sep}comics${path.sep}`)) continue;
          if (!f.points.has(c)) gaps.add(`${path.relative(ROOT, file)}: '${ch}' U+${c.toString(16).toUpperCase().padStart(4, '0')} not in ${f.name}`);
        }
      }
    }
  }
  return [...gaps].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gaps = subsetGaps();
  console.log(gaps.length ? gaps.join('\n') : 'every letter is in the subset fonts');
  process.exit(gaps.length ? 1 : 0);
}
