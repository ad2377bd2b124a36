// Tests that an export is a unit under SIGKILL: a real child process is killed at each phase of the
// write; afterwards no data file is without its manifest entry and the next export leaves no debris.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportDataset } from '../../../../main/core/export/exportDataset';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { Workspace } from '../../../../main/core/workspace';

const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = path.join(__dirname, 'exportChild.ts');
let tmp: string;
let wsDir: string;
let ws: Workspace;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-export-crash-'));
  wsDir = path.join(tmp, 'ws');
  ws = Workspace.open(wsDir);
  const big = path.join(tmp, 'big.csv');
  writeFileSync(big, 'n,word\n' + Array.from({ length: 5000 }, (_, i) => `${i},w${i}`).join('\n') + '\n');
  await importFile(ws, big, { name: 'big' }, quietContext);
  writeFileSync(path.join(tmp, 'small.csv'), 'a\n1\n');
  await importFile(ws, path.join(tmp, 'small.csv'), { name: 'small' }, quietContext);
});
after(() => {
  ws.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs an export in a child process that kills itself at `phase`. */
function killedExport(phase: string, out: string, dataset = 'big'): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, wsDir, dataset, 'jsonl', out], {
    cwd: ROOT, env: { ...process.env, TIDYSET_TEST_EXPORT_KILL_AT: phase }, encoding: 'utf8',
  });
  assert.equal(r.signal, 'SIGKILL', `the child was killed at ${phase} (stdout ${r.stdout}, stderr ${r.stderr})`);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const visible = (dir: string) => readdirSync(dir).filter((n) => !n.startsWith('.')).sort();

/** Every file in the folder is manifest.json or listed in it with its real hash; nothing hidden is left. */
function assertConsistent(dir: string): string[] {
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no temporary files, folders or lock');
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const listed = new Map<string, string>();
  for (const e of m.exports) for (const f of e.files) listed.set(f.path, f.sha256);
  for (const name of visible(dir).filter((n) => n !== 'manifest.json')) {
    assert.ok(listed.has(name), `${name} is listed in the manifest`);
    assert.equal(sha256(path.join(dir, name)), listed.get(name), `${name} has the hash the manifest says`);
  }
  for (const name of listed.keys()) assert.ok(existsSync(path.join(dir, name)), `${name} of the manifest exists`);
  return visible(dir);
}

for (const phase of ['write', 'commit-before']) {
  test(`killed before the commit (${phase}): no data file and no manifest appear; the next export removes the partial staging folder`, async () => {
    const dir = path.join(tmp, `out-${phase}`);
    killedExport(phase, dir);
    assert.deepEqual(visible(dir), [], 'nothing visible: neither big.jsonl nor manifest.json');
    const hidden = readdirSync(dir).filter((n) => n.startsWith('.tidyset-export-'));
    assert.ok(hidden.length >= 1, 'the dead export left its staging folder (and lock) behind');
    await exportDataset(ws, { dataset: 'small', format: 'csv', outDir: dir }, quietContext);
    assert.deepEqual(assertConsistent(dir), ['manifest.json', 'small.csv']);
    // The killed export can be repeated without --force: nothing of it was left.
    await exportDataset(ws, { dataset: 'big', format: 'jsonl', outDir: dir }, quietContext);
    assert.deepEqual(assertConsistent(dir), ['big.jsonl', 'manifest.json', 'small.csv']);
  });
}

for (const phase of ['commit', 'publish']) {
  test(`killed after the commit (${phase}): the next export finishes the dead export, so its file comes with its manifest entry`, async () => {
    const dir = path.join(tmp, `out-${phase}`);
    killedExport(phase, dir);
    await exportDataset(ws, { dataset: 'small', format: 'csv', outDir: dir }, quietContext);
    assert.deepEqual(assertConsistent(dir), ['big.jsonl', 'manifest.json', 'small.csv']);
    assert.equal(readFileSync(path.join(dir, 'big.jsonl'), 'utf8').split('\n').length, 5001);
  });
}

test('temporary files of dead exports (also the old `.<file>.<pid>.tmp` kind) are removed; a live writer\'s staging folder is kept', async () => {
  const dir = path.join(tmp, 'out-stale');
  mkdirSync(dir);
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  writeFileSync(path.join(dir, `.big.jsonl.${dead}.tmp`), 'partial');
  mkdirSync(path.join(dir, `.tidyset-export-${dead}-0a0a0a`));
  writeFileSync(path.join(dir, `.tidyset-export-${dead}-0a0a0a`, 'big.jsonl'), 'partial');
  const live = path.join(dir, `.tidyset-export-${process.ppid}-0b0b0b`);
  mkdirSync(live);
  await exportDataset(ws, { dataset: 'small', format: 'csv', outDir: dir }, quietContext);
  assert.deepEqual(readdirSync(dir).sort(), [path.basename(live), 'manifest.json', 'small.csv']);
});

test('a second export into a folder another live process is exporting into is BUSY, and leaves that export alone', async () => {
  const dir = path.join(tmp, 'out-busy');
  mkdirSync(dir);
  writeFileSync(path.join(dir, '.tidyset-export.lock'), JSON.stringify({ pid: process.ppid, host: os.hostname(), token: 'other' }));
  await assert.rejects(exportDataset(ws, { dataset: 'small', format: 'csv', outDir: dir }, quietContext), (e: unknown) => (e as { code?: string }).code === 'BUSY');
  assert.deepEqual(readdirSync(dir), ['.tidyset-export.lock']);
  // A lock whose owner is dead is taken over.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  writeFileSync(path.join(dir, '.tidyset-export.lock'), JSON.stringify({ pid: dead, host: os.hostname(), token: 'dead' }));
  await exportDataset(ws, { dataset: 'small', format: 'csv', outDir: dir }, quietContext);
  assert.deepEqual(assertConsistent(dir), ['manifest.json', 'small.csv']);
});
