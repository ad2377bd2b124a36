// Opens a dataset's own SQLite file and reads rows and rejects from it by physical column names.
import type { Reject } from '../../../shared/api/catalog';
import { openDb, type Db } from '../db/open';
import type { StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';

/** Opens the dataset's file (read-only unless `write`); throws NOT_FOUND if the file is gone. */
export function openDataset(ws: Workspace, ds: StoredDataset, write = false): Db {
  if (!ws.hasFile(ds.file)) {
    throw new TidysetError('NOT_FOUND', `the data file of dataset ${JSON.stringify(ds.name)} is missing (${ws.dataPath(ds.file)})`);
  }
  return openDb(ws.dataPath(ds.file), { readonly: !write, mustExist: true });
}

/** The SELECT list of a dataset's columns in display order: physical names, never user text. */
export function selectList(ds: StoredDataset): string {
  return ds.columns.length ? ds.columns.map((c) => c.physical).join(', ') : 'NULL';
}

export interface RowsSlice {
  columns: string[];
  rows: Array<Array<string | null>>;
}

/** Rows in storage order, `offset` and `limit` in rows. */
export function readRows(ws: Workspace, ds: StoredDataset, offset: number, limit: number): RowsSlice {
  const db = openDataset(ws, ds);
  try {
    const rows = db
      .prepare(`SELECT ${selectList(ds)} FROM rows ORDER BY _rid LIMIT ? OFFSET ?`)
      .raw(true)
      .all(limit, offset) as Array<Array<string | null>>;
    return { columns: ds.columns.map((c) => c.name), rows: ds.columns.length ? rows : rows.map(() => []) };
  } finally {
    db.close();
  }
}

/** Rejected records of an import, by line. */
export function readRejects(ws: Workspace, ds: StoredDataset, offset: number, limit: number): { total: number; rejects: Reject[] } {
  const db = openDataset(ws, ds);
  try {
    const total = (db.prepare('SELECT count(*) AS n FROM _rejects').get() as { n: number }).n;
    const rejects = db.prepare('SELECT line, raw, reason FROM _rejects ORDER BY line LIMIT ? OFFSET ?').all(limit, offset) as Reject[];
    return { total, rejects };
  } finally {
    db.close();
  }
}
