// The one operation engine the UI, the CLI and recipes go through: apply, undo, redo and preview,
// each a two-phase change (catalog entry, then dataset file, then catalog) that a crash cannot tear,
// made under the dataset's lease (./writer.ts) so that one writer at a time changes a dataset.
import { OpSchema, type Op, type OpInput } from '../../../shared/ops/schema';
import type { StoredDataset } from '../db/repos/datasets';
import { HistoryRepo, type HistoryEntry, type OpDetail } from '../db/repos/history';
import { TidysetError } from '../errors';
import { killPoint } from '../lock/killPoint';
import type { Workspace } from '../workspace';
import { openData, recordOutcome, setPosition } from './dataFile';
import { describeOp } from './describe';
import { runOp, undoData, type OpEnv } from './ops';
import { withWriter } from './writer';

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

/** Applies (or, with `redoOf`, re-applies) an operation to the dataset file; returns what it did. */
function execute(ws: Workspace, ds: StoredDataset, op: Op, seq: number, prior: OpDetail | null, byKey: boolean, isCancelled?: () => boolean): { env: OpEnv } {
  const db = openData(ws, ds);
  try {
    const env: OpEnv = { db, ds, columns: ds.columns.map((c) => ({ ...c })), seq, detail: { changed: 0 }, prior, rows: ds.rows, byKey, isCancelled, ws };
    db.transaction(() => {
      runOp(env, op);
      setPosition(db, seq);
      recordOutcome(db, { seq, columns: env.columns, rows: env.rows, detail: env.detail });
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
  return withWriter(ws, dataset, `applying ${op.op}`, (ds) => applyLocked(ws, ds, op, opts.byKey ?? false, opts.isCancelled));
}

function applyLocked(ws: Workspace, ds: StoredDataset, op: Op, byKey: boolean, isCancelled?: () => boolean): OpOutcome {
  const history = new HistoryRepo(ws.catalog);
  const description = describeOp(op);
  const seq = history.begin(ds.id, op, description, ds.columns, ds.rows);
  killPoint('apply:begun');
  let env: OpEnv;
  try {
    env = execute(ws, ds, op, seq, null, byKey, isCancelled).env;
  } catch (e) {
    history.remove(ds.id, seq);
    throw e;
  }
  killPoint('apply:data');
  history.finish(ds.id, seq, 'done', env.columns, env.rows, { columns: env.columns, rows: env.rows, detail: env.detail });
  return { seq, description, detail: env.detail };
}

/** Undoes the latest applied operation; returns it, or null when there is nothing to undo. */
export function undo(ws: Workspace, dataset: string): HistoryEntry | null {
  return withWriter(ws, dataset, 'undoing a step', (ds) => undoLocked(ws, ds));
}

function undoLocked(ws: Workspace, ds: StoredDataset): HistoryEntry | null {
  const history = new HistoryRepo(ws.catalog);
  const top = history.list(ds.id).filter((e) => e.state === 'done').at(-1);
  if (!top) return null;
  // An erasure (GDPR Art. 17) and the steps whose undo data it purged cannot come back.
  if (top.detail?.erased) throw new TidysetError('BAD_INPUT', `step ${top.seq} of dataset ${JSON.stringify(ds.name)} cannot be undone: ${(top.op as { op?: string }).op === 'erase' ? 'it erased a data subject' : 'an erasure removed its undo data'}`);
  history.setState(ds.id, top.seq, 'undoing');
  killPoint('undo:begun');
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
  killPoint('undo:data');
  history.finish(ds.id, top.seq, 'undone', top.columnsBefore, top.rowsBefore);
  return { ...top, state: 'undone' };
}

/** Redoes the earliest undone operation; returns it, or null when there is nothing to redo. */
export function redo(ws: Workspace, dataset: string): HistoryEntry | null {
  return withWriter(ws, dataset, 'redoing a step', (ds) => redoLocked(ws, ds));
}

function redoLocked(ws: Workspace, ds: StoredDataset): HistoryEntry | null {
  const history = new HistoryRepo(ws.catalog);
  const next = history.list(ds.id).find((e) => e.state === 'undone');
  if (!next) return null;
  history.setState(ds.id, next.seq, 'redoing');
  killPoint('redo:begun');
  let env: OpEnv;
  try {
    env = execute(ws, ds, parseOp(next.op), next.seq, next.detail, false).env;
  } catch (e) {
    history.setState(ds.id, next.seq, 'undone');
    throw e;
  }
  killPoint('redo:data');
  history.finish(ds.id, next.seq, 'done', env.columns, env.rows, { columns: env.columns, rows: env.rows, detail: env.detail });
  return { ...next, state: 'done', detail: env.detail };
}

/** Undoes or redoes until the operation `seq` is the last applied one (0: before all). */
export function jumpTo(ws: Workspace, dataset: string, seq: number): void {
  withWriter(ws, dataset, `moving the history to step ${seq}`, (ds) => jumpLocked(ws, ds, dataset, seq));
}

function jumpLocked(ws: Workspace, ds: StoredDataset, dataset: string, seq: number): void {
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

