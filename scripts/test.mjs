// Runs the test suites with node's test runner (TypeScript through tsx). Usage: node scripts/test.mjs [unit|integration|e2e ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = suites.length ? suites : ['unit', 'integration', 'e2e'];

function walk(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...walk(full));
    else if (/\.test\.tsx?$/.test(name)) found.push(full);
  }
  return found;
}

const files = wanted.flatMap((s) => {
  const dir = path.join(root, 'test', s);
  try { return walk(dir).sort(); } catch { return []; }
});
if (files.length === 0) {
  console.error('no test files found for', wanted.join(', '));
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TIDYSET_TEST: '1' },
});
process.exit(r.status ?? 1);
