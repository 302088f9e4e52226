// An operator's first start, with the real server binary installed as docs/operating.md says
// (pakopeli-server, pakopeli-lint, web/, hr/ and levels/ side by side in one folder) and the
// settings file it documents as the least: data, web and hr, no levels. The server finds the
// plain content beside itself and starts; before, the default was the web build's sealed copy
// and a first start stopped. Content that is truly missing, or sealed, stops it with a message
// in English and Finnish that names the folder and the one thing to do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SERVER, WEB, HR_DIR, tempDir } from './lib.mjs';

// The install of docs/operating.md ("Install"), in a temporary /opt/pakopeli.
function install({ levels = true } = {}) {
  const opt = path.join(tempDir('pk-opt-'), 'pakopeli');
  fs.mkdirSync(opt);
  fs.copyFileSync(SERVER, path.join(opt, 'pakopeli-server'));
  fs.chmodSync(path.join(opt, 'pakopeli-server'), 0o755);
  fs.copyFileSync(path.join(path.dirname(SERVER), 'pakopeli-lint'), path.join(opt, 'pakopeli-lint'));
  fs.chmodSync(path.join(opt, 'pakopeli-lint'), 0o755);
  fs.cpSync(WEB, path.join(opt, 'web'), { recursive: true, preserveTimestamps: true });
  fs.cpSync(HR_DIR, path.join(opt, 'hr'), { recursive: true });
  if (levels) fs.cpSync(path.join(ROOT, 'levels'), path.join(opt, 'levels'), { recursive: true });
  const data = tempDir('pk-var-');
  const conf = path.join(opt, 'pakopeli.conf');
  fs.writeFileSync(conf, `# the least docs/operating.md asks for\ndata = ${data}\nweb = ${opt}/web\nhr = ${opt}/hr\n` +
    'address = 127.0.0.1\nport = 0\n');
  return { opt, conf, data };
}

// Runs the installed server; resolves with its address once it listens, or with how it stopped.
function run(opt, args) {
  const child = spawn(path.join(opt, 'pakopeli-server'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve({ timeout: true, out, err }); }, 30000);
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/[^ ]+?)\/ /.exec(out);
      if (m) { clearTimeout(timer); resolve({ url: m[1], child, out: () => out, err: () => err }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, out, err }); });
  });
}

describe('a first start as docs/operating.md installs it', () => {
  it('takes the plain content beside the server with only data, web and hr set', async () => {
    const { opt, conf } = install();
    const printed = execFileSync(path.join(opt, 'pakopeli-server'), ['config', `--config=${conf}`], { encoding: 'utf8' });
    assert.match(printed, new RegExp(`^levels = ${opt}/levels$`, 'm'), 'config says where the content comes from');
    const s = await run(opt, [`--config=${conf}`]);
    assert.ok(s.url, `the server did not start: ${s.err}`);
    try {
      assert.match(s.out(), /one-time password: \S+/, 'the first admin is made');
      const served = await (await fetch(`${s.url}/levels/game.json`)).json();
      const plain = JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/game.json'), 'utf8'));
      assert.deepEqual(served.rooms.map((r) => r.id), plain.rooms.map((r) => r.id), 'release 1 is the shipped content');
      const room = await (await fetch(`${s.url}/levels/${plain.rooms[1].file}`)).json();
      assert.ok(room.sealed, 'and the game gets it sealed');
    } finally {
      s.child.kill('SIGTERM');
    }
  });

  it('says in English and Finnish which folder has no content and what to do', async () => {
    const { opt, conf } = install({ levels: false });
    const s = await run(opt, [`--config=${conf}`]);
    assert.notEqual(s.code, 0, 'no start without content');
    assert.ok(!s.url && !s.timeout, s.out);
    assert.match(s.err, new RegExp(`${opt}/levels: no content to start with \\(no game\\.json there\\)`));
    assert.match(s.err, /Copy the game's plain content there \(the repository's levels\/ folder\), or set levels =/);
    assert.match(s.err, new RegExp(`Sisältöä ei ole: kansiossa ${opt}/levels ei ole game\\.json-tiedostoa\\. Kopioi pelin sisältö`));
    // the one step it names is all: copied, the next start takes it and makes the first admin
    fs.cpSync(path.join(ROOT, 'levels'), path.join(opt, 'levels'), { recursive: true });
    const again = await run(opt, [`--config=${conf}`]);
    assert.ok(again.url, `the second start: ${again.err}`);
    try {
      assert.match(again.out(), /one-time password: \S+/);
      assert.equal((await fetch(`${again.url}/levels/game.json`)).status, 200);
    } finally {
      again.child.kill('SIGTERM');
    }
  });

  it('refuses the web build\'s sealed copy in English and Finnish, saying to point at the plain content', async () => {
    const { opt, conf } = install({ levels: false });
    const s = await run(opt, [`--config=${conf}`, `--levels=${opt}/web/levels`]);
    assert.notEqual(s.code, 0);
    assert.match(s.err, /is sealed: the web build's copy has no answers to check plays against/);
    assert.match(s.err, /Set levels = the plain content/);
    assert.match(s.err, /Sisältö on sinetöity: .*Aseta levels = pelin alkuperäinen sisältö/s);
  });
});
