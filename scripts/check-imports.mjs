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

// No import circles inside main/core (type-only imports count too: a circle of types is still a
// tangle of responsibilities). Depth-first search over the relative imports between its files.
function resolveTs(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try { if (statSync(c).isFile()) return c; } catch { /* next */ }
  }
  return null;
}
const coreDir = path.join(root, 'main/core');
const graph = new Map();
for (const file of walk(coreDir)) {
  const deps = [];
  for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (!spec.startsWith('.')) continue;
    const to = resolveTs(file, spec);
    if (to && to.startsWith(coreDir + path.sep)) deps.push(to);
  }
  graph.set(file, deps);
}
const state = new Map(); // 1: on the stack, 2: finished
const stack = [];
const seen = new Set();
function visit(f) {
  state.set(f, 1);
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (state.get(d) === 1) {
      const cycle = stack.slice(stack.indexOf(d)).concat(d).map((x) => path.relative(root, x));
      const key = [...cycle.slice(0, -1)].sort().join('|');
      if (!seen.has(key)) {
        seen.add(key);
        console.error(`import circle: ${cycle.join(' -> ')}`);
        failures++;
      }
    } else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 2);
}
for (const f of graph.keys()) if (!state.has(f)) visit(f);

if (failures) process.exit(1);
console.log('import boundaries ok, no import circles in main/core');
