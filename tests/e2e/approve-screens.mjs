// approve-screens.mjs - `make approve-screens`: keeps the screens of the last `make test` (or
// `make test-screens`) that differed from the approved images, as the new approved images.
// Run it only after opening each listed build/screens/golden/NAME.png and its NAME.diff.png;
// the commit that changes tests/screens/ must say what changed on screen and why.
import fs from 'node:fs';
import path from 'node:path';
import { APPROVED, GOLDEN_OUT } from './golden.mjs';

const pending = fs.existsSync(GOLDEN_OUT)
  ? fs.readdirSync(GOLDEN_OUT).filter((f) => f.endsWith('.png') && !f.endsWith('.diff.png')).sort() : [];
if (pending.length === 0) {
  console.log('approve-screens: nothing to approve (every screen of the last run was as approved)');
  process.exit(0);
}
fs.mkdirSync(APPROVED, { recursive: true });
for (const f of pending) {
  const was = fs.existsSync(path.join(APPROVED, f));
  fs.copyFileSync(path.join(GOLDEN_OUT, f), path.join(APPROVED, f));
  fs.rmSync(path.join(GOLDEN_OUT, f));
  fs.rmSync(path.join(GOLDEN_OUT, f.replace(/\.png$/, '.diff.png')), { force: true });
  console.log(`approved ${was ? 'changed' : 'new'}: tests/screens/${f}`);
}
console.log(`approve-screens: ${pending.length} image(s); look at them once more in \`git diff --stat tests/screens\` before committing`);
