// Enforces the layering rule: renderer never reaches main; shared reaches neither main, renderer,
// electron nor node:*; the engine (main/core) never reaches electron, the transports or React; the two
// faces (main/server, main/electron) never reach each other — what they share is in main/transport.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const NODE_BUILTINS = /^(node:|fs$|path$|os$|http$|https$|net$|child_process$|worker_threads$|crypto$|stream$|url$)/;

const rules = [
  { dir: 'renderer', deny: [/^(\.\.\/)+main\//, /^electron$/, NODE_BUILTINS, /^better-sqlite3$/], why: 'renderer talks to main only through the contract client' },
  { dir: 'shared', deny: [/^(\.\.\/)+(main|renderer)\//, /^electron$/, NODE_BUILTINS, /^react/, /^better-sqlite3$/], why: 'shared is pure: no main, renderer, electron or node:*' },
  { dir: 'main/core', deny: [/^electron$/, /(^|\/)(server|electron|api|cli)\//, /^(node:)?(http|https|net)$/, /^react/, /^ws$/], why: 'the engine knows nothing of Electron, transports or React' },
  { dir: 'main/api', deny: [/^electron$/, /(^|\/)(server|electron|cli)\//, /^react/], why: 'the dispatcher is transport-agnostic' },
  { dir: 'main/server', deny: [/^electron$/, /(^|\/)electron\//], why: 'serve mode shares policy with the desktop face through main/transport, never imports it' },
  { dir: 'main/electron', deny: [/(^|\/)server\//], why: 'the desktop face shares policy with serve mode through main/transport, never imports it' },
  { dir: 'main/transport', deny: [/^electron$/, /(^|\/)(server|electron|cli|api)\//, /^react/], why: 'shared transport policy is pure: no face, no dispatcher' },
];

function walk(dir) {
  let out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    const f = path.join(dir, n);
    if (statSync(f).isDirectory()) out = out.concat(walk(f));
    else if (/\.(ts|tsx)$/.test(n)) out.push(f);
  }
  return out;
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;
let failures = 0;
for (const rule of rules) {
  for (const file of walk(path.join(root, rule.dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      // Resolve relative specifiers against the repo so `../../server/x` is judged by where it lands.
      const landed = spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) : spec;
      const relLanded = spec.startsWith('.') ? landed.replace(/\\/g, '/') : spec;
      for (const deny of rule.deny) {
        const hit = spec.startsWith('.')
          ? (rule.dir === 'renderer' && relLanded.startsWith('main/')) ||
            (rule.dir === 'shared' && /^(main|renderer)\//.test(relLanded)) ||
            ((rule.dir === 'main/core' || rule.dir === 'main/api') && /^main\/(server|electron|cli)\//.test(relLanded)) ||
            (rule.dir === 'main/core' && /^main\/api\//.test(relLanded)) ||
            (rule.dir === 'main/server' && /^main\/electron\//.test(relLanded)) ||
            (rule.dir === 'main/electron' && /^main\/server\//.test(relLanded)) ||
            (rule.dir === 'main/transport' && /^main\/(server|electron|cli|api)\//.test(relLanded))
          : deny.test(spec);
        if (hit) {
          console.error(`${path.relative(root, file)}: imports '${spec}' — ${rule.why}`);
          failures++;
          break;
        }
      }
    }
  }
}
if (failures) process.exit(1);
console.log('import boundaries ok');
