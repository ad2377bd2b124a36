// What an operation works on: the dataset file, the column list it turns into the one after it,
// and what it reports; shared by every operation family.
import type { Db } from '../db/open';
import type { OpDetail } from '../db/repos/history';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { whereClause } from '../rows/query';
import type { Filter } from '../../../shared/api/filters';
import type { Workspace } from '../workspace';

/** What a step reports: the history's detail, and with a `where` how many rows it matched. */
export type StepDetail = OpDetail & { matched?: number };

export interface OpEnv {
  db: Db;
  ds: StoredDataset;
  /** The column list being changed into the one after the operation. */
  columns: StoredColumn[];
  seq: number;
  detail: StepDetail;
  /** What the same operation produced before (on redo): reuse its physical columns. */
  prior: OpDetail | null;
  /** Rows of the dataset before the operation; the operation sets `rows` to the count after it. */
  rows: number;
  /** Replaying a recipe: an edited cell is found by its key column, not its row id. */
  byKey: boolean;
  /** True once the caller (a recipe job) asked to stop: long steps check it and throw CANCELLED. */
  isCancelled?: () => boolean;
  /** The workspace (steps that read a stored dedupe result or another dataset). */
  ws?: Workspace;
}

/** The rows an operation's `where` selects, as SQL over physical names with bound values. */
export interface RowScope {
  sql: string;
  params: unknown[];
}

/** The operation's `where` compiled against the columns as they are before it (null: every row). */
export function scopeOf(env: OpEnv, where: readonly Filter[] | undefined): RowScope | null {
  if (!where?.length) return null;
  const scope = whereClause({ ...env.ds, columns: env.columns }, [...where]);
  env.detail.matched = (env.db.prepare(`SELECT count(*) AS n FROM rows WHERE ${scope.sql}`).get(...scope.params) as { n: number }).n;
  return scope;
}

/** Rows a cancel check waits between (inside a SQL function that runs once per row). */
const CANCEL_EVERY = 4096;

/** A per-row tick that throws CANCELLED every CANCEL_EVERY rows once the caller has asked to stop. */
export function cancelTicker(env: OpEnv): () => void {
  const cancelled = env.isCancelled;
  if (!cancelled) return () => undefined;
  let n = 0;
  return () => {
    if (++n % CANCEL_EVERY === 0 && cancelled()) throw new TidysetError('CANCELLED', 'cancelled');
  };
}

/** The column of this name in the list being changed; NOT_FOUND names the dataset. */
export function col(env: OpEnv, name: string): StoredColumn {
  const c = env.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(env.ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}
