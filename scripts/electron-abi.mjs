// Builds better-sqlite3 for Electron's ABI once, into node_modules/.cache/tidyset/electron-abi/, for
// running the unpackaged desktop window (`npm start`), and leaves the Node-ABI addon in place for
// tests, serve mode and the CLI. Needs Electron's headers (network), like `npm ci` needed Electron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const addon = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = path.join(root, 'node_modules/.cache/tidyset/electron-abi', `better_sqlite3-electron-${electronVersion}.node`);
const backup = path.join(root, 'node_modules/.cache/tidyset/node-abi/better_sqlite3.node');
const bin = path.join(root, 'node_modules/.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');

if (existsSync(target)) {
  console.log(target);
  process.exit(0);
}
mkdirSync(path.dirname(target), { recursive: true });
mkdirSync(path.dirname(backup), { recursive: true });
copyFileSync(addon, backup);
let status = 1;
try {
  console.error(`tidyset: building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const r = spawnSync(bin, ['install-app-deps'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  status = r.status ?? 1;
  if (status === 0) copyFileSync(addon, target);
} finally {
  copyFileSync(backup, addon); // the Node-ABI addon back, as a copy (works offline)
}
if (status !== 0) {
  console.error('tidyset: could not build better-sqlite3 for Electron (electron-builder install-app-deps failed)');
  process.exit(status);
}
console.log(target);
