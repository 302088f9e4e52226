// serve.mjs - a small static file server for build/web, used by the browser tests and, until
// the report server (game/server) serves the game, by `make run`.
// Usage: node serve.mjs ROOT [HOST] [PORT]   (PORT 0 picks a free one and prints it)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.ttf': 'font/ttf', '.otf': 'font/otf',
};

// gzip -9 once per file version, as the report server does (game/server/files.c), so a
// benchmark's page load measures the browser, not this server compressing on every request.
const gzCache = new Map();
function gzipped(file, data) {
  const key = `${file}:${data.length}:${fs.statSync(file).mtimeMs}`;
  let gz = gzCache.get(key);
  if (!gz) {
    gz = zlib.gzipSync(data, { level: 9 });
    gzCache.set(key, gz);
  }
  return gz;
}

// FILE.br made by the build (brotli -q 11, Makefile), when the browser accepts br and it is not
// older than FILE: as the report server does (game/server/files.c).
export function brotliSidecar(file, req) {
  if (!/(^|[ ,])br($|[ ,;])/.test(req.headers['accept-encoding'] || '')) return null;
  try {
    const b = fs.statSync(`${file}.br`), f = fs.statSync(file);
    if (Math.floor(b.mtimeMs / 1000) < Math.floor(f.mtimeMs / 1000) || b.size >= f.size) return null; // to the second, as files.c
    return fs.readFileSync(`${file}.br`);
  } catch {
    return null;
  }
}

export function serve(root, host = '127.0.0.1', port = 0) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache' };
      const br = brotliSidecar(file, req);
      if (br) {
        data = br;
        headers['content-encoding'] = 'br';
      } else if (/gzip/.test(req.headers['accept-encoding'] || '') && !/png|jpeg/.test(type)) {
        data = gzipped(file, data);
        headers['content-encoding'] = 'gzip';
      }
      if (!/png|jpeg/.test(type)) headers.vary = 'accept-encoding';
      res.writeHead(200, headers).end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = '.', host = '127.0.0.1', port = '8080'] = process.argv.slice(2);
  const server = await serve(root, host, Number(port));
  console.log(`serving ${root} at http://${host}:${server.address().port}/`);
}
