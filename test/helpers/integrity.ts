// Checks that a workspace survived a crash: both databases pass integrity_check, no history step is
// left half done, the dataset file's position matches its history, and its data is exactly what
// replaying its applied history on a fresh import of the same source gives.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyOp, listHistory } from '../../main/core/clean/engine';
import { recoverAbandoned } from '../../main/core/clean/writer';
import { openDb } from '../../main/core/db/open';
import { HistoryRepo } from '../../main/core/db/repos/history';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { Workspace } from '../../main/core/workspace';

export interface Snapshot {
  columns: string[];
  rows: unknown[][];
}

/** Every row (row id first) under the catalog's current columns, and the columns as name:type. */
export function snapshot(ws: Workspace, name: string): Snapshot {
  const ds = ws.datasets.get(name);
  const db = openDb(ws.dataPath(ds.file), { readonly: true, mustExist: true });
  try {
    const rows = db.prepare(`SELECT _rid${ds.columns.map((c) => ', ' + c.physical).join('')} FROM rows ORDER BY _rid`).raw(true).all() as unknown[][];
    return { columns: ds.columns.map((c) => `${c.name}:${c.type}`), rows };
  } finally {
    db.close();
  }
}

function integrity(file: string): void {
  const db = openDb(file, { readonly: true, mustExist: true });
  try {
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }], `integrity_check of ${file}`);
  } finally {
    db.close();
  }
}

/** What replaying the dataset's applied steps on a fresh import of `source` gives. */
export async function replayed(ws: Workspace, name: string, source: string): Promise<Snapshot> {
  const ops = listHistory(ws, name).filter((e) => e.state === 'done').map((e) => e.op);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-replay-'));
  const fresh = Workspace.open(dir);
  try {
    await importFile(fresh, source, { name }, quietContext);
    for (const op of ops) applyOp(fresh, name, op);
    return snapshot(fresh, name);
  } finally {
    fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Asserts that the workspace in `dir` (opened as a process starts: maintenance and recovery of
 * abandoned steps) is intact and that dataset `name` agrees with its history; returns its snapshot.
 */
export async function assertAgrees(dir: string, name: string, source: string): Promise<Snapshot> {
  const ws = Workspace.open(dir);
  try {
    recoverAbandoned(ws);
    integrity(path.join(dir, 'catalog.sqlite'));
    const ds = ws.datasets.get(name);
    integrity(ws.dataPath(ds.file));
    const history = new HistoryRepo(ws.catalog);
    assert.deepEqual(history.unfinished().filter((e) => e.datasetId === ds.id).map((e) => [e.seq, e.state]), [], 'no step is left half done');
    const done = history.list(ds.id).filter((e) => e.state === 'done');
    const db = openDb(ws.dataPath(ds.file), { readonly: true, mustExist: true });
    try {
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = '_meta'").get();
      const pos = hasMeta ? Number((db.prepare("SELECT value FROM _meta WHERE key = 'history_position'").pluck().get() as string | undefined) ?? 0) : 0;
      assert.equal(pos, done.at(-1)?.seq ?? 0, 'the data file is at the last applied step of the history');
    } finally {
      db.close();
    }
    const now = snapshot(ws, name);
    assert.deepEqual(now, await replayed(ws, name, source), 'the data is what replaying the history gives');
    return now;
  } finally {
    ws.close();
  }
}
