// Bundles main (CLI, job worker, server, Electron shell) and the renderer with esbuild.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist');
const watch = process.argv.includes('--watch');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

const nodeEntries = {
  cli: 'main/cli/index.ts',
  worker: 'main/core/jobs/worker.ts',
  reader: 'main/api/readerWorker.ts',
};
const optional = [
  ['electron', 'main/electron/main.ts'],
  ['preload', 'main/electron/preload.ts'],
];
import { existsSync } from 'node:fs';
for (const [name, file] of optional) if (existsSync(path.join(root, file))) nodeEntries[name] = file;

async function buildMain() {
  await build({
    absWorkingDir: root,
    entryPoints: nodeEntries,
    outdir: path.join(out, 'main'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['better-sqlite3', 'electron', '@duckdb/*'],
    logLevel: 'warning',
    define: { 'process.env.TIDYSET_BUNDLED': '"1"' },
  });
}

async function buildRenderer() {
  const entry = path.join(root, 'renderer/app/index.tsx');
  if (!existsSync(entry)) return;
  await rm(path.join(out, 'renderer'), { recursive: true, force: true });
  await mkdir(path.join(out, 'renderer'), { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { app: entry },
    outdir: path.join(out, 'renderer'),
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    loader: { '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await cp(path.join(root, 'renderer/app/index.html'), path.join(out, 'renderer/index.html'));
}

if (!only || only === 'main') await buildMain();
if (!only || only === 'renderer') await buildRenderer();
if (watch) console.log('watch mode is not implemented; rerun the build');
