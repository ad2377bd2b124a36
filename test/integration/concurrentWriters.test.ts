// Two real processes on one workspace: this test process keeps the workspace open and writes to it
// (as serve or the app does, through the same engine) while `tidyset op|undo|redo` runs beside it
// and SIGKILLs itself at each phase of the two-phase write (TIDYSET_TEST_KILL_AT). Afterwards the
// data agrees with the history and undo/redo stay exact. And a writer that finds the dataset busy
// waits a bounded time, then fails with DATASET_BUSY naming the holder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyOp, listHistory, redo, undo } from '../../main/core/clean/engine';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { tryLease } from '../../main/core/lock/lease';
import { Workspace } from '../../main/core/workspace';
import { BIN, ROOT, ensureBuilt } from '../helpers/cli';
import { assertAgrees, snapshot } from '../helpers/integrity';

let tmp: string;
let source: string;

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-writers-'));
  source = path.join(tmp, 'people.csv');
  const lines = ['id,name,city'];
  for (let i = 1; i <= 300; i++) lines.push(`${i}, person ${i} ,${i % 3 ? 'Lund' : 'malmö'}`);
  writeFileSync(source, lines.join('\n') + '\n');
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function freshWorkspace(label: string): Promise<{ dir: string; ws: Workspace }> {
  const dir = path.join(tmp, label.replace(/[^a-z]/g, '-'));
  const ws = Workspace.open(dir);
  await importFile(ws, source, { name: 'p' }, quietContext);
  return { dir, ws };
}

const UPPER = { op: 'case', column: 'name', mode: 'upper' };
const TRIM = { op: 'trim', column: 'name' };

// The repro first (apply:data), then every other phase of apply, undo and redo.
const phases: Array<{ at: string; command: string[]; setup: (ws: Workspace) => void; killedIsDone: boolean }> = [
  { at: 'apply:data', command: ['op', 'p', JSON.stringify(UPPER)], setup: () => {}, killedIsDone: true },
  { at: 'apply:begun', command: ['op', 'p', JSON.stringify(UPPER)], setup: () => {}, killedIsDone: false },
  { at: 'undo:begun', command: ['undo', 'p'], setup: (ws) => void applyOp(ws, 'p', UPPER), killedIsDone: true },
  { at: 'undo:data', command: ['undo', 'p'], setup: (ws) => void applyOp(ws, 'p', UPPER), killedIsDone: false },
  { at: 'redo:begun', command: ['redo', 'p'], setup: (ws) => (applyOp(ws, 'p', UPPER), void undo(ws, 'p')), killedIsDone: false },
  { at: 'redo:data', command: ['redo', 'p'], setup: (ws) => (applyOp(ws, 'p', UPPER), void undo(ws, 'p')), killedIsDone: true },
];

for (const phase of phases) {
  test(`tidyset ${phase.command[0]} killed at ${phase.at} while another process has the workspace open: data and history agree, undo of the later step is exact`, async () => {
    const { dir, ws } = await freshWorkspace(phase.at);
    let open = ws;
    try {
      phase.setup(open);
      const killed = await cli([...phase.command, '--workspace', dir], { TIDYSET_TEST_KILL_AT: phase.at });
      assert.equal(killed.signal, 'SIGKILL', `the command killed itself at ${phase.at}:\n${killed.stdout}\n${killed.stderr}`);
      // The other process applies another step: it takes the dataset's lease and first finishes the killed step.
      const beforeLater = snapshot(open, 'p');
      const later = applyOp(open, 'p', TRIM);
      const history = listHistory(open, 'p');
      assert.deepEqual(history.map((e) => e.state), [...(phase.killedIsDone ? ['done'] : []), 'done'], JSON.stringify(history.map((e) => [e.seq, e.state])));
      assert.equal(history.at(-1)!.seq, later.seq);
      const afterLater = snapshot(open, 'p');
      // Reopen (as a new process would) and check data against history, then undo/redo exactness.
      open.close();
      assert.deepEqual(await assertAgrees(dir, 'p', source), afterLater);
      open = Workspace.open(dir);
      assert.equal(undo(open, 'p')?.seq, later.seq);
      assert.deepEqual(snapshot(open, 'p'), beforeLater, 'undoing the later step gives back exactly the data before it');
      if (phase.killedIsDone) {
        undo(open, 'p');
        assert.deepEqual(snapshot(open, 'p').rows.map((r) => r[2]), Array.from({ length: 300 }, (_, i) => ` person ${i + 1} `), 'undoing the killed step gives back the import');
        redo(open, 'p');
      }
      redo(open, 'p');
      assert.deepEqual(snapshot(open, 'p'), afterLater, 'redo is exact');
    } finally {
      open.close();
    }
  });
}

test('a writer that finds the dataset busy waits its bounded time, then fails with DATASET_BUSY naming the holder', async () => {
  const { dir, ws } = await freshWorkspace('busy');
  const before = snapshot(ws, 'p');
  const lease = tryLease(ws.lockPath(ws.datasets.get('p').file), 'a long step in the test', 0);
  assert.ok(lease);
  try {
    const r = await cli(['op', 'p', JSON.stringify(UPPER), '--workspace', dir, '--json'], { TIDYSET_LOCK_TIMEOUT_MS: '200' });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    assert.equal(out.error.code, 'DATASET_BUSY');
    assert.match(out.error.message, new RegExp(`dataset "p" is being changed by a long step in the test by process ${process.pid}`));
    assert.match(out.error.message, /waited 0\.2 s/);
  } finally {
    lease.release();
  }
  assert.deepEqual(listHistory(ws, 'p'), []);
  assert.deepEqual(snapshot(ws, 'p'), before);
  // Free again: the same command goes through.
  const r = await cli(['op', 'p', JSON.stringify(UPPER), '--workspace', dir, '--json']);
  assert.equal(r.code, 0, r.stderr);
  ws.close();
  await assertAgrees(dir, 'p', source);
});

test('an import killed between renaming its file into place and recording it leaves no orphan on the next open', async () => {
  const dir = path.join(tmp, 'orphan');
  const killed = await cli(['import', source, '--workspace', dir], { TIDYSET_TEST_KILL_AT: 'import:renamed' });
  assert.equal(killed.signal, 'SIGKILL', killed.stderr);
  assert.equal(readdirSync(path.join(dir, 'data')).filter((f) => /^ds-.*\.sqlite$/.test(f)).length, 1, 'the renamed file was left behind');
  const ws = Workspace.open(dir);
  try {
    assert.deepEqual(ws.datasets.list(), []);
    assert.deepEqual(readdirSync(path.join(dir, 'data')), [], 'the reopen removed the orphan at once');
  } finally {
    ws.close();
  }
});

test('an import in flight in another thread or process keeps its file: its lease is held from before the rename', async () => {
  const dir = path.join(tmp, 'inflight');
  const ws = Workspace.open(dir);
  try {
    const file = 'ds-00000000-0000-0000-0000-000000000001.sqlite';
    const temp = ws.tempPathFor(file);
    writeFileSync(ws.dataPath(file), '');
    assert.ok(temp.endsWith('.tmp'));
    // Another opener (as another process would be) finds the file unknown to the catalog but claimed.
    Workspace.open(dir).close();
    assert.ok(readdirSync(path.join(dir, 'data')).includes(file), 'a claimed file is not an orphan');
  } finally {
    ws.close();
  }
  Workspace.open(dir).close();
  assert.deepEqual(readdirSync(path.join(dir, 'data')), [], 'once its claimant is gone it is');
});
