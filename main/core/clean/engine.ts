// The one operation engine the UI, the CLI and recipes go through: apply, undo, redo and preview,
// each a two-phase change (catalog entry, then dataset file, then catalog) that a crash cannot tear.
import { OpSchema, type Op, type OpInput } from '../../../shared/ops/schema';
import { openDb, type Db } from '../db/open';
import type { StoredDataset } from '../db/repos/datasets';
import { HistoryRepo, type HistoryEntry, type OpDetail } from '../db/repos/history';
import { TidysetError } from '../errors';
import { registerFunctions } from '../rows/query';
import { pidAlive, type Workspace } from '../workspace';
import { describeOp } from './describe';
import { runOp, undoData, type OpEnv } from './ops';

export interface OpOutcome {
  seq: number;
  description: string;
  detail: OpDetail;
}

export { previewOp, type Preview } from './preview';

function parseOp(input: OpInput | unknown): Op {
  const r = OpSchema.safeParse(input);
  if (!r.success) throw new TidysetError('BAD_INPUT', `not a valid operation: ${r.error.issues.map((i) => `${i.path.join('.') || 'op'}: ${i.message}`).join('; ')}`);
  return r.data;
}

function openData(ws: Workspace, ds: StoredDataset): Db {
  const db = openDb(ws.dataPath(ds.file), { mustExist: true });
  registerFunctions(db);
  db.exec('CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT) STRICT');
  return db;
}

function position(db: Db): number {
  const v = db.prepare("SELECT value FROM _meta WHERE key = 'history_position'").pluck().get() as string | undefined;
  return v === undefined ? 0 : Number(v);
}

function setPosition(db: Db, seq: number): void {
  db.prepare("INSERT OR REPLACE INTO _meta (key, value) VALUES ('history_position', ?)").run(String(seq));
}

/** Applies (or, with `redoOf`, re-applies) an operation to the dataset file; returns what it did. */
function execute(ws: Workspace, ds: StoredDataset, op: Op, seq: number, prior: OpDetail | null, byKey: boolean, isCancelled?: () => boolean): { env: OpEnv } {
  const db = openData(ws, ds);
  try {
    const env: OpEnv = { db, ds, columns: ds.columns.map((c) => ({ ...c })), seq, detail: { changed: 0 }, prior, rows: ds.rows, byKey, isCancelled };
    db.transaction(() => {
      runOp(env, op);
      setPosition(db, seq);
    }).immediate();
    return { env };
  } finally {
    db.close();
  }
}

/**
 * Applies an operation to a dataset and records it in the history. `isCancelled` lets a long step stop
 * (CANCELLED, nothing changed); a recipe job passes its cancel flag.
 */
export function applyOp(ws: Workspace, dataset: string, input: OpInput | unknown, opts: { byKey?: boolean; isCancelled?: () => boolean } = {}): OpOutcome {
  const op = parseOp(input);
  const ds = ws.datasets.get(dataset);
  const history = new HistoryRepo(ws.catalog);
  const description = describeOp(op);
  const seq = history.begin(ds.id, op, description, ds.columns, ds.rows);
  let env: OpEnv;
  try {
    env = execute(ws, ds, op, seq, null, opts.byKey ?? false, opts.isCancelled).env;
  } catch (e) {
    history.remove(ds.id, seq);
    throw e;
  }
  history.finish(ds.id, seq, 'done', env.columns, env.rows, { columns: env.columns, rows: env.rows, detail: env.detail });
  return { seq, description, detail: env.detail };
}

/** Undoes the latest applied operation; returns it, or null when there is nothing to undo. */
export function undo(ws: Workspace, dataset: string): HistoryEntry | null {
  const ds = ws.datasets.get(dataset);
  const history = new HistoryRepo(ws.catalog);
  const top = history.list(ds.id).filter((e) => e.state === 'done').at(-1);
  if (!top) return null;
  history.setState(ds.id, top.seq, 'undoing');
  const db = openData(ws, ds);
  try {
    db.transaction(() => {
      undoData(db, top.seq);
      setPosition(db, top.seq - 1);
    }).immediate();
  } catch (e) {
    history.setState(ds.id, top.seq, 'done');
    throw e;
  } finally {
    db.close();
  }
  history.finish(ds.id, top.seq, 'undone', top.columnsBefore, top.rowsBefore);
  return { ...top, state: 'undone' };
}

/** Redoes the earliest undone operation; returns it, or null when there is nothing to redo. */
export function redo(ws: Workspace, dataset: string): HistoryEntry | null {
  const ds = ws.datasets.get(dataset);
  const history = new HistoryRepo(ws.catalog);
  const next = history.list(ds.id).find((e) => e.state === 'undone');
  if (!next) return null;
  history.setState(ds.id, next.seq, 'redoing');
  let env: OpEnv;
  try {
    env = execute(ws, ds, parseOp(next.op), next.seq, next.detail, false).env;
  } catch (e) {
    history.setState(ds.id, next.seq, 'undone');
    throw e;
  }
  history.finish(ds.id, next.seq, 'done', env.columns, env.rows, { columns: env.columns, rows: env.rows, detail: env.detail });
  return { ...next, state: 'done', detail: env.detail };
}

/** Undoes or redoes until the operation `seq` is the last applied one (0: before all). */
export function jumpTo(ws: Workspace, dataset: string, seq: number): void {
  const ds = ws.datasets.get(dataset);
  const history = new HistoryRepo(ws.catalog);
  const entries = history.list(ds.id);
  if (seq !== 0 && !entries.some((e) => e.seq === seq)) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(dataset)} has no history step ${seq}`);
  for (;;) {
    const done = history.list(ds.id).filter((e) => e.state === 'done');
    const last = done.at(-1)?.seq ?? 0;
    if (last > seq) undo(ws, dataset);
    else if (last < seq) {
      if (!redo(ws, dataset)) break;
    } else break;
  }
}

/** The history of a dataset, oldest first. */
export function listHistory(ws: Workspace, dataset: string): HistoryEntry[] {
  return new HistoryRepo(ws.catalog).list(ws.datasets.get(dataset).id);
}

/**
 * Finishes or rolls back history steps caught mid-change by a crash: the dataset file's recorded
 * position says whether its half happened. Runs when a workspace opens.
 */
export function recoverHistory(ws: Workspace): void {
  const history = new HistoryRepo(ws.catalog);
  for (const e of history.unfinished()) {
    // A live process (this one included, whose worker threads open the workspace too) is mid-change.
    if (e.ownerPid !== null && pidAlive(e.ownerPid)) continue;
    const ds = ws.datasets.find(e.datasetId);
    if (!ds || !ws.hasFile(ds.file)) continue;
    const db = openData(ws, ds);
    try {
      const pos = position(db);
      if (e.state === 'undoing') {
        if (pos < e.seq) history.finish(e.datasetId, e.seq, 'undone', e.columnsBefore, e.rowsBefore);
        else history.setState(e.datasetId, e.seq, 'done');
      } else {
        // pending or redoing: if the data changed, take it back (the catalog lacks what it produced).
        if (pos >= e.seq) {
          db.transaction(() => {
            undoData(db, e.seq);
            setPosition(db, e.seq - 1);
          }).immediate();
        }
        if (e.state === 'pending') history.remove(e.datasetId, e.seq);
        else history.finish(e.datasetId, e.seq, 'undone', e.columnsBefore, e.rowsBefore);
      }
    } finally {
      db.close();
    }
  }
}
