// `tidyset erase` and `tidyset audit` as a child process: the refusal without a terminal, the JSON
// shapes, the audit entry (hash, never the value), and SIGKILLs at each phase of an erasure: the
// workspace opens, agrees with its history, and the next `tidyset audit` finishes the erasure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ensureBuilt, jsonOut, runCli, type CliResult } from '../helpers/cli';
import { filesUnder } from '../../main/core/protect/erase/physical';
import { applyOp, listHistory } from '../../main/core/clean/engine';
import { openDb } from '../../main/core/db/open';
import { Workspace } from '../../main/core/workspace';
import { AuditLog } from '../../main/core/protect/audit';
import { Dispatcher } from '../../main/api/dispatch';

const VALUE = 'erase.me.subject@kill-test.example';
const ROW_CELLS = ['Quinbert Vexholm', 'Zanzibar-Quay-99'];

let tmp: string;

function people(): string {
  return ['id,name,email,town', `1,Quinbert Vexholm,${VALUE},Zanzibar-Quay-99`, '2,Ann,ann@example.com,Oslo', '3,Bo,bo@example.com,Bergen'].join('\n') + '\n';
}
function orders(): string {
  return ['order,email,total', `A-1,${VALUE},10`, 'A-2,ann@example.com,20'].join('\n') + '\n';
}

function ok(r: CliResult): CliResult {
  assert.equal(r.status, 0, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

/** A fresh workspace with the two datasets imported. */
function setup(name: string): string {
  const ws = path.join(tmp, name);
  const data = path.join(tmp, `${name}-data`);
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(data, 'people.csv'), people());
  writeFileSync(path.join(data, 'orders.csv'), orders());
  ok(runCli(['import', path.join(data, 'people.csv'), path.join(data, 'orders.csv'), '--json'], ws));
  ok(runCli(['op', 'people', JSON.stringify({ op: 'editCell', column: 'town', rid: 1, value: 'Zanzibar-Quay-99' }), '--json'], ws));
  return ws;
}

function holding(ws: string, needle: string): string[] {
  return filesUnder(ws).filter((f) => readFileSync(f).includes(Buffer.from(needle, 'utf8')));
}

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-erase-cli-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('erase refuses without a terminal and --yes, then erases in every dataset; audit shows the hash', () => {
  const ws = setup('plain');
  const refused = runCli(['erase', '--value', VALUE, '--reason', 'request 7'], ws);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /not erasing 2 rows in 2 datasets without confirmation: pass --yes/);
  assert.equal(runCli(['erase', '--value', VALUE, '--dataset', 'people', '--all', '--reason', 'x', '--yes'], ws).status, 1);
  const r = jsonOut<{ auditId: number; datasets: Array<{ dataset: string; rows: number }>; purge: { verified: boolean } }>(
    ok(runCli(['erase', '--value', ` ${VALUE} `, '--all', '--reason', 'request 7', '--yes', '--json'], ws)));
  assert.deepEqual(r.datasets.map((d) => [d.dataset, d.rows]), [['orders', 1], ['people', 1]]);
  assert.equal(r.purge.verified, true);
  const audit = ok(runCli(['audit', '--json'], ws));
  assert.ok(!audit.stdout.includes(VALUE), 'the audit output never shows the value');
  const a = jsonOut<{ entries: Array<{ valueSha256: string; reason: string; user: string; state: string; datasets: Array<{ dataset: string; rows: number }> }> }>(audit);
  assert.equal(a.entries[0]?.valueSha256, createHash('sha256').update(VALUE).digest('hex'));
  assert.equal(a.entries[0]?.reason, 'request 7');
  assert.equal(a.entries[0]?.state, 'done');
  assert.match(ok(runCli(['audit'], ws)).stdout, /request 7/);
  for (const v of [VALUE, ...ROW_CELLS]) assert.deepEqual(holding(ws, v), [], `${v} is gone from every file`);
  const undo = runCli(['undo', 'people'], ws);
  assert.equal(undo.status, 1);
  assert.match(undo.stderr, /cannot be undone/);
});

for (const point of ['erase:begun', 'erase:data', 'erase:purge']) {
  test(`a SIGKILL at ${point} leaves a workspace that opens, agrees with its history, and finishes the erasure`, () => {
    const ws = setup(point.replace(':', '-'));
    const killed = spawnSync(process.execPath, [BIN, 'erase', '--value', VALUE, '--reason', 'kill test', '--yes'], {
      encoding: 'utf8', env: { ...process.env, TIDYSET_WORKSPACE: ws, TIDYSET_TEST_KILL_AT: point },
    });
    assert.equal(killed.signal, 'SIGKILL', `expected a kill at ${point}: ${killed.stderr}`);
    // The workspace opens and every dataset's row count agrees with its rows.
    for (const name of ['people', 'orders']) {
      const shown = jsonOut<{ rows: unknown[] }>(ok(runCli(['show', name, '--json', '--limit', '100'], ws)));
      const listed = jsonOut<{ datasets: Array<{ name: string; rows: number }> }>(ok(runCli(['datasets', '--json'], ws))).datasets.find((d) => d.name === name);
      assert.equal(shown.rows.length, listed?.rows, `${name}: the catalog's row count is the file's`);
    }
    const a = jsonOut<{ entries: Array<{ state: string; datasets: Array<{ rows: number }> }> }>(ok(runCli(['audit', '--json'], ws)));
    assert.equal(a.entries[0]?.state, 'done', 'audit finished the erasure');
    assert.equal(a.entries[0]?.datasets.reduce((n, d) => n + d.rows, 0), 2);
    const { history } = jsonOut<{ history: Array<{ description: string; state: string }> }>(ok(runCli(['history', 'people', '--json'], ws)));
    assert.equal(history.filter((h) => /Erased a data subject/.test(h.description)).length, 1, 'one erase step');
    for (const v of [VALUE, ...ROW_CELLS]) assert.deepEqual(holding(ws, v), [], `${v} is gone from every file`);
  });
}

test('the app finishes an erasure a killed process left as soon as it opens the workspace, before any call', async () => {
  const ws = setup('erase-app-start');
  const killed = spawnSync(process.execPath, [BIN, 'erase', '--value', VALUE, '--reason', 'kill test', '--yes'], {
    encoding: 'utf8', env: { ...process.env, TIDYSET_WORKSPACE: ws, TIDYSET_TEST_KILL_AT: 'erase:data' },
  });
  assert.equal(killed.signal, 'SIGKILL', killed.stderr);
  const before = Workspace.open(ws, { maintenance: false });
  assert.equal(new AuditLog(before.catalog).unfinished().length, 1, 'the kill left the erasure unfinished');
  before.close();
  const d = new Dispatcher({ workspaceDir: ws, face: 'test' });
  try {
    assert.deepEqual(new AuditLog(d.ws.catalog).unfinished(), []);
    for (const v of [VALUE, ...ROW_CELLS]) assert.deepEqual(holding(ws, v), [], `${v} is gone from every file`);
  } finally {
    await d.close();
  }
});

/** Runs `tidyset erase` and SIGKILLs it after `ms` (it may finish first). */
function eraseKilledAfter(ws: string, ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'erase', '--value', VALUE, '--reason', 'random kill', '--yes'], { env: { ...process.env, TIDYSET_WORKSPACE: ws }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

test('random SIGKILLs of erase while another process holds the workspace open and writes: every file passes integrity_check and the history agrees', async () => {
  for (const [i, ms] of [250, 500, 800, 1200, 1700].entries()) {
    const ws = setup(`random-${i}`);
    // This process keeps the workspace open, as the app would, and writes after the kill.
    const app = Workspace.open(ws);
    try {
      await eraseKilledAfter(ws, ms);
      applyOp(app, 'orders', { op: 'trim', column: 'total' });
      for (const d of app.datasets.list()) {
        for (const f of [path.join(ws, 'catalog.sqlite'), app.dataPath(d.file)]) {
          const db = openDb(f, { readonly: true, mustExist: true });
          try {
            assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }], f);
            if (f !== path.join(ws, 'catalog.sqlite')) {
              assert.equal(db.prepare('SELECT count(*) FROM rows').pluck().get(), app.datasets.get(d.name).rows, `${d.name}: rows agree with the catalog`);
            }
          } finally {
            db.close();
          }
        }
        assert.ok(listHistory(app, d.name).every((e) => e.state === 'done' || e.state === 'undone'), 'no half-done step');
      }
    } finally {
      app.close();
    }
    const a = jsonOut<{ entries: Array<{ state: string }> }>(ok(runCli(['audit', '--json'], ws)));
    assert.ok(a.entries.every((e) => e.state === 'done'));
    if (a.entries.length) for (const v of [VALUE, ...ROW_CELLS]) assert.deepEqual(holding(ws, v), [], `${v} gone after the kill at ${ms} ms`);
  }
});
