// What an operation works on: the dataset file, the column list it turns into the one after it,
// and what it reports; shared by every operation family.
import type { Db } from '../db/open';
import type { OpDetail } from '../db/repos/history';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';

export interface OpEnv {
  db: Db;
  ds: StoredDataset;
  /** The column list being changed into the one after the operation. */
  columns: StoredColumn[];
  seq: number;
  detail: OpDetail;
  /** What the same operation produced before (on redo): reuse its physical columns. */
  prior: OpDetail | null;
  /** Rows of the dataset before the operation; the operation sets `rows` to the count after it. */
  rows: number;
  /** Replaying a recipe: an edited cell is found by its key column, not its row id. */
  byKey: boolean;
}

/** The column of this name in the list being changed; NOT_FOUND names the dataset. */
export function col(env: OpEnv, name: string): StoredColumn {
  const c = env.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(env.ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}
