// scorm.mjs - packs the built game as a SCORM package for a learning platform (docs/lms.md).
//
// Usage: node game/tools/scorm.mjs --version 1.2|2004 --out build/pakopeli-scorm12.zip
//                                  [--web build/web] [--levels levels] [--assets assets]
//                                  [--seal build/native/pakopeli-seal]
//
// The package is the whole game as build/web has it (engine, fonts, page), with the content of
// --levels and --assets, and web/scorm.js on the page in place of report.js (a package reports
// to the platform, not to a report server). imsmanifest.xml at the root lists every file of
// the zip under the one SCO. The rooms are sealed in the package as in the web build
// (pakopeli-seal, game/core/seal.h). The linter checks the content first (`make scorm` runs
// pakopeli-lint --scorm VERSION): its resume state must fit the version's suspend data.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const version = args.version === '2004' ? '2004' : args.version === '1.2' || args.version === '12' ? '1.2' : null;
if (!version || !args.out) {
  console.error('usage: node game/tools/scorm.mjs --version 1.2|2004 --out FILE.zip [--web DIR] [--levels DIR] [--assets DIR]');
  process.exit(2);
}
const web = args.web || 'build/web';
const levels = args.levels || 'levels';
const seal = args.seal || path.join(path.dirname(new URL(import.meta.url).pathname), '../../build/native/pakopeli-seal');
const assets = args.assets || 'assets';
const out = path.resolve(args.out);
const stage = `${out.replace(/\.zip$/, '')}.stage`;

// What the served game has that a package must not: the report server's client, the live
// preview's glue, build stamps, the precompressed copies (FILE.br: a platform serves the files
// as they are), and the authoring-only parts of levels/.
const SKIP_WEB = new Set(['report.js', 'dev.js', 'levels', 'assets']);
const PRECOMPRESSED = /\.(br|gz)$/;
const SKIP_LEVELS = new Set(['schema', 'templates']);

function copyTree(from, to, skip = new Set()) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name.startsWith('.') || skip.has(e.name) || PRECOMPRESSED.test(e.name)) continue;
    const src = path.join(from, e.name), dst = path.join(to, e.name);
    if (e.isDirectory()) copyTree(src, dst);
    else fs.copyFileSync(fs.realpathSync(src), dst);
  }
}

function listFiles(dir, base = '') {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, rel) : [rel];
  }).sort();
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

fs.rmSync(stage, { recursive: true, force: true });
copyTree(web, stage, SKIP_WEB);
copyTree(levels, path.join(stage, 'levels'), SKIP_LEVELS);
copyTree(assets, path.join(stage, 'assets'));
// The rooms ship sealed, as in the web build (game/core/seal.h: the answer key as salted tags).
execFileSync(seal, [path.join(stage, 'levels')], { stdio: ['ignore', 'inherit', 'inherit'] });

// The page: scorm.js where report.js was, and the preloads of this content.
const page = path.join(stage, 'index.html');
const REPORT = '<script src="report.js"></script>';
let html = fs.readFileSync(page, 'utf8');
if (!html.includes(REPORT)) throw new Error(`${page}: no "${REPORT}" to put scorm.js in place of`);
html = html.replace(REPORT, `<script src="scorm.js" data-scorm="${version}"></script>`);
fs.writeFileSync(page, html);
// (--lms: in a platform the engine loads every room before its first frame, app.c new_player)
execFileSync(process.execPath, [path.join(path.dirname(new URL(import.meta.url).pathname), 'preload.mjs'), stage, '--lms']);

const game = JSON.parse(fs.readFileSync(path.join(levels, 'game.json'), 'utf8'));
const title = typeof game.title === 'string' ? game.title : (game.title && (game.title.fi || game.title.en)) || 'Pakopeli';
const files = listFiles(stage).filter((f) => f !== 'imsmanifest.xml');
const fileList = files.map((f) => `      <file href="${xml(encodeURI(f))}"/>`).join('\n');

const manifest = version === '1.2' ? `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pakopeli-scorm12" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="pakopeli-org">
    <organization identifier="pakopeli-org">
      <title>${xml(title)}</title>
      <item identifier="pakopeli-item" identifierref="pakopeli-sco" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="pakopeli-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
` : `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pakopeli-scorm2004" version="1.0"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="pakopeli-org">
    <organization identifier="pakopeli-org">
      <title>${xml(title)}</title>
      <item identifier="pakopeli-item" identifierref="pakopeli-sco" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="pakopeli-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
fs.writeFileSync(path.join(stage, 'imsmanifest.xml'), manifest);

// -X: no extra file attributes (uid, times beyond the DOS ones); -D: no folder entries, so
// every entry in the zip is a file the manifest lists.
fs.rmSync(out, { force: true });
execFileSync('zip', ['-q', '-X', '-D', '-r', out, 'imsmanifest.xml', ...files], { cwd: stage });
fs.rmSync(stage, { recursive: true, force: true });
console.log(`${path.relative(process.cwd(), out)}: SCORM ${version}, ${files.length + 1} files, ${fs.statSync(out).size} bytes`);
