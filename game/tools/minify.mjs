// minify.mjs - makes the shipped JavaScript smaller with terser (Debian's node-terser), in place.
//
// Usage: node game/tools/minify.mjs FILE.js...
//
// Why: every player downloads the engine's glue (build/web/pakopeli.js, emcc's output) and the
// page's shell.js and report.js before the first frame; Debian's Emscripten has no Closure, and
// emcc only strips their whitespace. Minified and brotli'd they are 11 kB smaller
// (docs/performance.md, issue 18).
//
// emcc's glue is minified with its top-level names mangled, except the names that code outside
// it reads: Module (the page's shell.js and dev.js set it; SDL reads Module.canvas), and
// wasmMemory / HEAP8, which the bench and the quality test read for the WebAssembly memory. Our
// own scripts are wrapped in a function already, so only their local names are mangled. The
// floor of `make bench` is minified the same way, so the ratio stays the engine's own cost.
import fs from 'node:fs';
import { createRequire } from 'node:module';

// node-terser lives in /usr/share/nodejs (CommonJS, found through NODE_PATH like emcc's acorn)
const require = createRequire(import.meta.url);
let terser;
try {
  terser = require('terser');
} catch {
  console.error('minify.mjs: terser not found; run game/deps/deps.sh (Debian package node-terser) '
    + 'with NODE_PATH=/usr/share/nodejs');
  process.exit(1);
}

for (const file of process.argv.slice(2)) {
  const src = fs.readFileSync(file, 'utf8');
  const glue = /^var Module=/.test(src); // emcc's output: safe to mangle its top level
  const out = await terser.minify(src, {
    toplevel: glue,
    compress: { passes: 2 },
    mangle: glue ? { reserved: ['Module', 'wasmMemory', 'HEAP8'] } : true,
    format: { comments: false },
  });
  if (!out.code) {
    console.error(`minify.mjs: ${file}: terser gave no output`);
    process.exit(1);
  }
  fs.writeFileSync(file, out.code);
}
