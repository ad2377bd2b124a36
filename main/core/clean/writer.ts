// One writer at a time per dataset, across threads and processes: every history change runs under
// the dataset's lease (main/core/lock/lease.ts), and whoever takes the lease first finishes or
// rolls back a step that a dead writer left half done — before its own change starts.
import { HistoryRepo } from '../db/repos/history';
import type { StoredDataset } from '../db/repos/datasets';
import { acquireLease, tryLease, type Lease } from '../lock/lease';
import type { Workspace } from '../workspace';
import { openData, position, readOutcome, setPosition } from './dataFile';
import { undoData } from './undoLog';

/** Leases this thread holds, so that a change made of changes (jumpTo) takes its lease once. */
const held = new Map<string, Lease>();

/**
 * Runs `fn` as the only writer of the dataset: takes its lease (waiting a bounded time, then a
 * DATASET_BUSY error naming the holder), recovers what a dead writer left, and hands `fn` the
 * dataset as the catalog has it now (another writer may have changed it while this one waited).
 */
export function withWriter<T>(ws: Workspace, dataset: string, what: string, fn: (ds: StoredDataset) => T): T {
  const before = ws.datasets.get(dataset);
  const key = ws.lockPath(before.file);
  if (held.has(key)) return fn(ws.datasets.get(before.id));
  const lease = acquireLease(key, what, `dataset ${JSON.stringify(before.name)}`);
  held.set(key, lease);
  try {
    recoverDataset(ws, before.id);
    return fn(ws.datasets.get(before.id));
  } finally {
    held.delete(key);
    lease.release();
  }
}

/**
 * Whether no writer holds the dataset right now (a probe: the answer may change at once). A caller
 * that must not block its thread — serve's request thread — hands a busy dataset's change to a worker.
 */
export function writerFree(ws: Workspace, ds: StoredDataset): boolean {
  const key = ws.lockPath(ds.file);
  if (held.has(key)) return true;
  const probe = tryLease(key, 'checking whether the dataset is free', 0);
  probe?.release();
  return probe !== null;
}

/**
 * Finishes the history steps of a dataset that a writer left between its two phases; the caller
 * holds the dataset's lease, so their writer is gone. The dataset file says whether the data half
 * happened: if it did, the step is rolled forward from the outcome the file recorded with the data
 * (never rolled back once later steps exist on top of it); if not, the catalog half is undone.
 */
export function recoverDataset(ws: Workspace, datasetId: number): void {
  const history = new HistoryRepo(ws.catalog);
  const unfinished = history.unfinished().filter((e) => e.datasetId === datasetId);
  if (!unfinished.length) return;
  const ds = ws.datasets.find(datasetId);
  if (!ds || !ws.hasFile(ds.file)) return;
  const db = openData(ws, ds);
  try {
    for (const e of unfinished) {
      const pos = position(db);
      const entries = history.list(datasetId);
      const next = entries.find((x) => x.seq > e.seq && (x.state === 'done' || x.state === 'undone'));
      if (e.state === 'undoing') {
        if (pos < e.seq) history.finish(datasetId, e.seq, 'undone', e.columnsBefore, e.rowsBefore);
        else history.setState(datasetId, e.seq, 'done');
        continue;
      }
      // pending (a new step) or redoing.
      if (pos < e.seq) {
        if (e.state === 'pending') history.remove(datasetId, e.seq);
        else history.setState(datasetId, e.seq, 'undone');
        continue;
      }
      const outcome = readOutcome(db, e.seq);
      if (outcome) {
        history.finish(datasetId, e.seq, 'done', outcome.columns, outcome.rows, { columns: outcome.columns, rows: outcome.rows, detail: outcome.detail });
      } else if (!next) {
        // Written by a version that did not record outcomes, and the top step: take its data back.
        db.transaction(() => {
          undoData(db, e.seq);
          setPosition(db, e.seq - 1);
        }).immediate();
        if (e.state === 'pending') history.remove(datasetId, e.seq);
        else history.finish(datasetId, e.seq, 'undone', e.columnsBefore, e.rowsBefore);
      } else {
        // Older versions without the lease could put steps on top of it: its data stays, it is done.
        const cols = next.columnsBefore;
        history.finish(datasetId, e.seq, 'done', ws.datasets.get(datasetId).columns, ws.datasets.get(datasetId).rows, { columns: cols, rows: next.rowsBefore, detail: e.detail ?? { changed: 0 } });
      }
    }
  } finally {
    db.close();
  }
}

/**
 * Recovers, at start-up, the datasets whose half-finished step has no live writer: those whose
 * lease is free right now (a busy one is being changed, and its next writer recovers it).
 */
export function recoverAbandoned(ws: Workspace): void {
  const ids = new Set(new HistoryRepo(ws.catalog).unfinished().map((e) => e.datasetId));
  for (const id of ids) {
    const ds = ws.datasets.find(id);
    if (!ds) continue;
    const lease = tryLease(ws.lockPath(ds.file), 'recovering its history', 0);
    if (!lease) continue;
    try {
      recoverDataset(ws, id);
    } finally {
      lease.release();
    }
  }
}
