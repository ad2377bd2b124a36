// Recipes: a dataset's applied history saved as JSON, and replayed on another dataset with a
// column mapping; cell edits find their row by a key column the user picks.
import type { Filter } from '../../../shared/api/filters';
import { missingColumns } from '../../../shared/ops/columns';
import { RECIPE_VERSION, RecipeSchema, type Op, type Recipe } from '../../../shared/ops/schema';
import { HistoryRepo, type HistoryEntry } from '../db/repos/history';
import { TidysetError } from '../errors';
import { readCell } from '../rows/query';
import type { Workspace } from '../workspace';
import { quietContext, type JobContext } from '../jobs/context';
import { describeOp } from './describe';
import { recipeTags, restoreRecipeTags } from '../protect/tagStore';
import { applyOp, jumpTo, listHistory, type OpOutcome } from './engine';

/**
 * The applied operations of a dataset as a recipe. Cell edits carry `rowKey`'s value in their row
 * so that they can be replayed elsewhere (without a key they replay on this dataset only).
 */
export function exportRecipe(ws: Workspace, dataset: string, rowKey?: string): Recipe {
  const ds = ws.datasets.get(dataset);
  if (rowKey !== undefined && !ds.columns.some((c) => c.name === rowKey)) {
    throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(dataset)} has no column ${JSON.stringify(rowKey)} to use as the row key`);
  }
  const operations = listHistory(ws, dataset)
    .filter((e) => e.state === 'done')
    .map((e) => {
      const op = e.op as Op;
      if (op.op === 'editCell' && rowKey !== undefined) {
        const value = readCell(ws, ds, op.rid, rowKey);
        return { ...op, key: { column: rowKey, value: value ?? null } };
      }
      return op;
    });
  const tags = recipeTags(ws, ds);
  return { tidysetRecipe: RECIPE_VERSION, createdAt: new Date().toISOString(), source: { dataset: ds.name, sha256: ds.source.sha256 }, operations, ...(tags.length ? { tags } : {}) };
}

/** Renames the column references of an operation through `map` (old name → new name). */
export function mapOp(op: Op, map: Record<string, string>): Op {
  const m = (n: string) => map[n] ?? n;
  const o = structuredClone(op) as Op & Record<string, unknown>;
  if ('column' in o && typeof o.column === 'string') o.column = m(o.column);
  if (o.op === 'merge' || o.op === 'reorder') o.columns = o.columns.map(m);
  if (o.op === 'deleteRows') o.filters = o.filters.map((f) => mapFilter(f, m));
  if (o.op === 'editCell' && o.key) o.key = { ...o.key, column: m(o.key.column) };
  // The rows an operation applies to are named by columns too.
  if ('where' in o && Array.isArray(o.where)) o.where = o.where.map((f) => mapFilter(f, m));
  return o;
}

/** A filter with its column references renamed (a smallClass filter names several, and keys its actions by them). */
function mapFilter(f: Filter, m: (n: string) => string): Filter {
  if (f.kind !== 'smallClass') return { ...f, column: m(f.column) };
  const keys = <T>(r: Record<string, T> | undefined) => (r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [m(k), v])) : undefined);
  return { ...f, column: m(f.column), columns: f.columns.map(m), actions: keys(f.actions), kinds: keys(f.kinds) };
}

/** Checks, before anything runs, that every column the recipe reads will exist when it is read. */
function checkColumns(ops: Op[], start: string[]): void {
  const missing = missingColumns(ops, start);
  if (missing.length) {
    throw new TidysetError('BAD_INPUT', `the recipe uses column${missing.length > 1 ? 's' : ''} ${missing.map((c) => JSON.stringify(c)).join(', ')} ` +
      `that the dataset does not have; map them with --map old=new (in the app: the column-mapping dialog)`);
  }
}

/**
 * Applies a recipe to a dataset, each operation a history step, reporting "step n of N" to `ctx`. If one
 * fails, or the caller cancels (between steps or during one), the steps this call applied are undone
 * and the error (CANCELLED) is thrown: the dataset is left as it was, history included.
 */
export function applyRecipe(ws: Workspace, dataset: string, recipe: unknown, map: Record<string, string> = {}, ctx: JobContext = quietContext): OpOutcome[] {
  const parsed = RecipeSchema.safeParse(recipe);
  if (!parsed.success) {
    throw new TidysetError('BAD_INPUT', `not a Tidyset recipe: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'recipe'}: ${i.message}`).join('; ')}`);
  }
  const ds = ws.datasets.get(dataset);
  const ops = parsed.data.operations.map((op) => mapOp(op, map));
  checkColumns(ops, ds.columns.map((c) => c.name));
  const history = new HistoryRepo(ws.catalog);
  const entries = history.list(ds.id);
  const before = entries.filter((e) => e.state === 'done').at(-1)?.seq ?? 0;
  // The redo stack the recipe's first step drops; a failed or cancelled replay puts it back.
  const redoable = entries.filter((e) => e.state === 'undone');
  const sameDataset = parsed.data.source?.dataset === ds.name;
  const outcomes: OpOutcome[] = [];
  const stop = () => {
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', `applying the recipe was cancelled; ${JSON.stringify(ds.name)} is as it was before`);
  };
  const pauseAt = testPauseStep();
  try {
    for (const [i, op] of ops.entries()) {
      const report = () => ctx.progress(i, ops.length, `step ${i + 1} of ${ops.length}: ${describeOp(op)}`);
      report();
      if (pauseAt === i + 1) waitForCancel(ctx, report);
      stop();
      if (op.op === 'editCell' && op.key === null && !sameDataset) {
        throw new TidysetError('BAD_INPUT', `the recipe edits row ${op.rid} of column ${JSON.stringify(op.column)} without a row key; save the recipe with a row key column to replay cell edits on another dataset`);
      }
      outcomes.push(applyOp(ws, dataset, op, { byKey: op.op === 'editCell' && op.key !== null, isCancelled: () => ctx.isCancelled() }));
    }
    // A cancel that came during the last step still takes the whole recipe back.
    stop();
    // The recipe's personal-data tags (and export actions) land on the columns as they now stand.
    if (parsed.data.tags?.length) restoreRecipeTags(ws, dataset, parsed.data.tags, map);
    ctx.progress(ops.length, ops.length, `applied ${ops.length} step${ops.length === 1 ? '' : 's'}`);
  } catch (e) {
    // Nothing stays applied, and nothing stays redoable either: the failed replay leaves no trace.
    if (outcomes.length) {
      jumpTo(ws, dataset, before);
      for (const o of outcomes) history.remove(ds.id, o.seq);
      restoreRedo(history, ds.id, redoable);
    }
    throw e;
  }
  return outcomes;
}

/**
 * Puts back the undone steps a replay's first step dropped, with the same numbers (they follow the
 * last applied step again), as redoable as before: redo re-runs each from its definition and detail.
 */
function restoreRedo(history: HistoryRepo, datasetId: number, undone: HistoryEntry[]): void {
  if (!undone.length) return;
  // The dataset stays where it is (before the first undone step): its columns are that step's "before".
  const { columnsBefore: columns, rowsBefore: rows } = undone[0]!;
  // Each is recorded as done first (beginning a step drops every undone one), then all turn undone.
  for (const e of undone) {
    const seq = history.begin(datasetId, e.op, e.description, e.columnsBefore, e.rowsBefore);
    if (seq !== e.seq) throw new TidysetError('INTERNAL', `restoring the redo stack gave step ${seq} instead of ${e.seq}`);
    history.finish(datasetId, seq, 'done', columns, rows, { columns: e.columnsAfter ?? e.columnsBefore, rows: e.rowsAfter ?? e.rowsBefore, detail: e.detail ?? { changed: 0 } });
  }
  for (const e of undone) history.setState(datasetId, e.seq, 'undone');
}

/**
 * Test hook (TIDYSET_TEST=1 only): TIDYSET_TEST_RECIPE_PAUSE=n holds a recipe before its step n until
 * it is cancelled, so that an end-to-end test cancels mid-recipe deterministically.
 */
function testPauseStep(): number | null {
  if (process.env.TIDYSET_TEST !== '1') return null;
  const n = Number(process.env.TIDYSET_TEST_RECIPE_PAUSE);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function waitForCancel(ctx: JobContext, report: () => void): void {
  const tick = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + 120_000;
  // Reported again while it waits: a job's progress messages are thinned to a few a second.
  while (!ctx.isCancelled() && Date.now() < until) {
    report();
    Atomics.wait(tick, 0, 0, 20);
  }
}
