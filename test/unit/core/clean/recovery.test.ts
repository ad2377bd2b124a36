// Recovery under the dataset lease: a half-done step found by the next writer is never rolled back
// once later steps exist on top of it (a workspace left so by a version without the lease).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyOp, listHistory, undo } from '../../../../main/core/clean/engine';
import { openDb } from '../../../../main/core/db/open';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { Workspace } from '../../../../main/core/workspace';
import { assertAgrees, snapshot } from '../../../helpers/integrity';

let dir: string;
let source: string;
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-recovery-'));
  source = path.join(dir, 'p.csv');
  writeFileSync(source, 'id,name\n1, anna \n2, bo \n3,cecilia\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a pending step with a later step on top keeps its data and is recorded done; undo stays exact', async () => {
  const wsDir = path.join(dir, 'ws');
  let ws = Workspace.open(wsDir);
  await importFile(ws, source, { name: 'p' }, quietContext);
  const original = snapshot(ws, 'p');
  applyOp(ws, 'p', { op: 'case', column: 'name', mode: 'upper' });
  const afterUpper = snapshot(ws, 'p');
  applyOp(ws, 'p', { op: 'trim', column: 'name' });
  // As a version without the lease left it: step 1 still pending (its writer killed after its data),
  // step 2 applied on top by another process, and no outcome of step 1 recorded in the file.
  const ds = ws.datasets.get('p');
  ws.catalog.prepare("UPDATE history SET state = 'pending', columns_after = NULL WHERE dataset_id = ? AND seq = 1").run(ds.id);
  const db = openDb(ws.dataPath(ds.file));
  db.prepare("DELETE FROM _meta WHERE key = 'last_step'").run();
  db.close();
  const withBoth = snapshot(ws, 'p');
  ws.close();
  // Reopening recovers it (its lease is free): the data stays, the history says both steps are done.
  assert.deepEqual(await assertAgrees(wsDir, 'p', source), withBoth);
  ws = Workspace.open(wsDir);
  try {
    assert.deepEqual(listHistory(ws, 'p').map((e) => [e.seq, e.state]), [[1, 'done'], [2, 'done']]);
    undo(ws, 'p');
    assert.deepEqual(snapshot(ws, 'p').rows, afterUpper.rows);
    undo(ws, 'p');
    assert.deepEqual(snapshot(ws, 'p').rows, original.rows);
  } finally {
    ws.close();
  }
});
