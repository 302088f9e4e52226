// dev-server.mjs - the live preview behind `make dev` (docs/authoring.md).
//
// Serves the game from the working folder: the engine from build/web, the content (levels/ and
// assets/) straight from the given folders, and web/dev.js put into index.html (only here: the
// production page never loads it). When a content file is saved it runs pakopeli-lint over the
// content and tells every open page through Server-Sent Events (/__dev/events, event "lint"):
//   { changed: ["levels/teams.json"], kind: "content" | "comic" | "asset", ok, errors, warnings,
//     lines: ["levels/teams.json:3:5: error: ..."], problems: [ {file, line, ...} ] }
// The page then reloads the content in place (the engine keeps the player in the room) or,
// for images and a comic shown alone, the whole page; and it shows the problems over the game.
// levels/game.json gets each room's title in its entry, as the built game's and the report
// server's do (pakopeli-seal --titles: seal_manifest_titles, one rule), so the lobby waits for no
// other room's file here either.
//
// Usage: node dev-server.mjs [--levels DIR] [--assets DIR] [--host H] [--port P] [--lang fi|en]
//        [--lint PROGRAM] [--seal PROGRAM]
// (PORT 0 picks a free port and prints it). Tests import startDevServer().
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brotliSidecar } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.ttf': 'font/ttf', '.otf': 'font/otf',
};
const WATCHED = /\.(json|png|jpe?g|svg)$/i;

// Runs the linter over the content; resolves to the "lint" event's body.
function runLint({ lint, levels, assets, lang }) {
  return new Promise((resolve) => {
    if (!fs.existsSync(lint)) {
      resolve({ ok: true, errors: 0, warnings: 0, problems: [],
        lines: [`${path.relative(ROOT, lint)} is not built: run make dev (it builds the linter too)`] });
      return;
    }
    // file names relative to the content's parent, as authors know them: levels/teams.json
    const cwd = path.dirname(levels);
    const args = ['--json', '--lang', lang, '--root', path.dirname(assets), path.basename(levels)];
    const child = spawn(lint, args, { cwd });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', () => {
      let problems = [];
      try { problems = JSON.parse(out || '[]'); } catch (e) { problems = []; }
      const lines = problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.severity}: ` +
        `${p.path ? `${p.path}: ` : ''}${p.message} [${p.code}]`);
      const errors = problems.filter((p) => p.severity === 'error').length;
      resolve({ ok: errors === 0, errors, warnings: problems.length - errors, problems, lines,
        summary: err.trim() });
    });
  });
}

// The content's game.json with the rooms' titles as they are saved now, or null: the tool not
// built, or the titles cannot be added (a file that is no JSON while being edited), when the plain
// file is served and the game shows that file's error as before.
function titledManifest(seal, levels) {
  return new Promise((resolve) => {
    if (!fs.existsSync(seal)) { resolve(null); return; }
    execFile(seal, ['--titles', levels], { encoding: 'utf8', maxBuffer: 4 << 20 }, (err, out) => resolve(err ? null : out));
  });
}

export async function startDevServer({
  levels = path.join(ROOT, 'levels'), assets, web = path.join(ROOT, 'build/web'),
  lint = path.join(ROOT, 'build/native/pakopeli-lint'), seal = path.join(ROOT, 'build/native/pakopeli-seal'),
  host = '127.0.0.1', port = 0,
  lang = (process.env.LANG || '').startsWith('fi') ? 'fi' : 'en', quiet = false,
} = {}) {
  levels = path.resolve(levels);
  // the content's own assets/ beside it (a copy for a test), else the repository's
  assets = path.resolve(assets || (fs.existsSync(path.join(levels, '../assets')) ? path.join(levels, '../assets')
    : path.join(ROOT, 'assets')));
  web = path.resolve(web);
  const log = quiet ? () => {} : (...a) => console.log(...a);
  const clients = new Set();
  let last = await runLint({ lint, levels, assets, lang });
  last.changed = [];

  function send(res, body) { res.write(`event: lint\ndata: ${JSON.stringify(body)}\n\n`); }

  function serveFile(res, file, extra = {}, req = null) {
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      // the engine's build brotli-compressed (Makefile); levels and assets being edited as they are
      const br = req && file.startsWith(web + path.sep) ? brotliSidecar(file, req) : null;
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store', ...(br ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}), ...extra })
        .end(br || data);
    });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const p = decodeURIComponent(url.pathname);
    if (p === '/__dev/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      send(res, { ...last, changed: [] }); // the state now: the page shows problems at once
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (p === '/__dev/lint') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(last));
      return;
    }
    if (p === '/' || p === '/index.html') {
      fs.readFile(path.join(web, 'index.html'), 'utf8', (err, html) => {
        if (err) { res.writeHead(500).end('build/web/index.html is missing: run make dev'); return; }
        // dev.js must run before the engine (async) reads the URL and the page's Module
        const tag = '<script src="dev.js"></script>\n  ';
        html = html.includes('<script src="pakopeli.js"') ? html.replace('<script src="pakopeli.js"', `${tag}<script src="pakopeli.js"`)
          : html.replace('</body>', `${tag}</body>`);
        res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(html);
      });
      return;
    }
    if (p === '/levels/game.json') {
      titledManifest(seal, levels).then((text) => {
        if (text === null) serveFile(res, path.join(levels, 'game.json'));
        else res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' }).end(text);
      });
      return;
    }
    const route = (prefix, dir) => {
      if (!p.startsWith(prefix)) return null;
      const file = path.normalize(path.join(dir, p.slice(prefix.length)));
      return file.startsWith(dir) ? file : '';
    };
    const file = p === '/dev.js' ? path.join(ROOT, 'web/dev.js')
      : route('/levels/', levels) ?? route('/assets/', assets) ?? route('/', web);
    if (!file) { res.writeHead(403).end(); return; }
    serveFile(res, file, {}, req);
  });

  // Saves come as bursts of events (an editor writes, renames, touches): wait for quiet.
  let pending = new Set(), timer = null, running = false;
  async function flush() {
    timer = null;
    if (running) { timer = setTimeout(flush, 50); return; }
    running = true;
    const changed = [...pending];
    pending = new Set();
    const result = await runLint({ lint, levels, assets, lang });
    const kind = changed.some((f) => f.startsWith('assets/')) ? 'asset'
      : changed.some((f) => f.startsWith('levels/comics/')) ? 'comic' : 'content';
    last = { ...result, changed, kind };
    log(`${new Date().toLocaleTimeString()} ${changed.join(', ')}: ${result.ok ? 'ok' : `${result.errors} error(s)`}` +
      `${result.warnings ? `, ${result.warnings} warning(s)` : ''}`);
    for (const l of result.lines) log(`  ${l}`);
    for (const c of clients) send(c, last);
    running = false;
  }
  const watchers = [];
  for (const [dir, name] of [[levels, 'levels'], [assets, 'assets']]) {
    try {
      watchers.push(fs.watch(dir, { recursive: true }, (ev, f) => {
        if (!f || !WATCHED.test(f) || /(^|\/)\.|~$/.test(f)) return;
        pending.add(`${name}/${f.split(path.sep).join('/')}`);
        clearTimeout(timer);
        timer = setTimeout(flush, 120);
      }));
    } catch (e) {
      log(`cannot watch ${dir}: ${e.message}`);
    }
  }
  // SSE connections stay open; a comment now and then keeps proxies from closing them
  const ping = setInterval(() => { for (const c of clients) c.write(': ping\n\n'); }, 15000);

  await new Promise((resolve) => server.listen(port, host, resolve));
  const base = `http://${host}:${server.address().port}/`;
  return {
    base, server, last: () => last,
    async close() {
      clearInterval(ping);
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      await new Promise((r) => server.close(r));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opt = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '');
    if (['levels', 'assets', 'web', 'lint', 'seal', 'host', 'port', 'lang'].includes(k)) opt[k] = argv[++i];
  }
  if (opt.port) opt.port = Number(opt.port);
  else opt.port = 8080;
  const dev = await startDevServer(opt);
  const l = dev.last();
  console.log(`Pakopeli preview: ${dev.base}  (content ${path.relative(process.cwd(), opt.levels || 'levels') || '.'}, ` +
    'saved files reload the game; Ctrl+C stops)');
  console.log(l.ok ? `lint: ok${l.warnings ? `, ${l.warnings} warning(s)` : ''}` : `lint: ${l.errors} error(s)`);
  for (const line of l.lines) console.log(`  ${line}`);
}
