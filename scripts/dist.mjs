// Packages the desktop app: rebuilds better-sqlite3 for Electron's ABI, runs electron-builder, then
// restores the Node-ABI addon so tests, serve mode and the CLI keep working. Usage: npm run dist [-- --linux]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const addon = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const backup = path.join(root, 'node_modules/.cache/tidyset/node-abi/better_sqlite3.node');
const bin = (name) => path.join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(cmd, args) {
  console.error(`dist: ${path.basename(cmd)} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args[0] ?? ''} failed with exit code ${r.status}`);
}

// The pinned electronVersion must match the optional dependency, or the rebuilt addon would not load.
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const wanted = String(pkg.optionalDependencies?.electron ?? '').replace(/^[\^~=v]/, '');
const pinned = /^electronVersion:\s*([\d.]+)/m.exec(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'))?.[1];
if (!wanted || wanted !== pinned) {
  console.error(`dist: electron-builder.yml has electronVersion ${pinned}, package.json wants electron ${wanted}; make them agree`);
  process.exit(1);
}

run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
if (!existsSync(addon)) {
  console.error(`dist: ${addon} is missing; run npm ci first`);
  process.exit(1);
}
mkdirSync(path.dirname(backup), { recursive: true });
copyFileSync(addon, backup);
let failed = false;
try {
  run(bin('electron-builder'), ['install-app-deps']);
  run(bin('electron-builder'), ['--config', 'electron-builder.yml', ...process.argv.slice(2)]);
} catch (e) {
  console.error(`dist: ${e.message}`);
  failed = true;
} finally {
  // Put the Node-ABI addon back (a copy, not a rebuild: works offline).
  copyFileSync(backup, addon);
  console.error('dist: restored the Node-ABI better-sqlite3 addon');
}
process.exit(failed ? 1 : 0);
