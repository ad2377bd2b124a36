// `tidyset leakage A B`: the leakage check between two datasets (a train set and a test set made
// elsewhere, say) over the columns they share by name, or the ones named.
import type { LeakageReport } from '../../../shared/api/split';
import type { Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { rowSource } from '../export/exportDataset';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { columnOf } from './keys';
import { LeakageCheck, type LeakRows, type RowFetch } from './leakage';

/** Reads rows of a dataset file by row id (the near-duplicate candidates), these columns only. */
export function fetchRows(db: Db, cols: readonly StoredColumn[]): (rids: number[]) => Map<number, ReadonlyArray<string | null>> {
  const stmt = db.prepare(`SELECT _rid, ${cols.length ? cols.map((c) => c.physical).join(', ') : 'NULL'} FROM rows WHERE _rid IN (SELECT value FROM json_each(?))`).raw(true);
  return (rids) => {
    const out = new Map<number, ReadonlyArray<string | null>>();
    for (let i = 0; i < rids.length; i += 10_000) {
      for (const r of stmt.all(JSON.stringify(rids.slice(i, i + 10_000))) as Array<Array<string | number | null>>) out.set(Number(r[0]), r.slice(1) as Array<string | null>);
    }
    return out;
  };
}

/** Checks dataset `b` against dataset `a` (a is the earlier side: its rows "leak" into b). */
export function datasetLeakage(ws: Workspace, a: string, b: string, columns?: string[]): { report: LeakageReport; rows: LeakRows } {
  const da = ws.datasets.get(a);
  const db_ = ws.datasets.get(b);
  if (da.id === db_.id) throw new TidysetError('BAD_INPUT', 'give two different datasets');
  const names = columns ?? da.columns.map((c) => c.name).filter((n) => db_.columns.some((c) => c.name === n));
  if (names.length === 0) throw new TidysetError('BAD_INPUT', `datasets ${JSON.stringify(da.name)} and ${JSON.stringify(db_.name)} share no column name; name the columns to compare with --columns`);
  const sides = [da.name, db_.name];
  const check = new LeakageCheck(sides, da.rows + db_.rows, { columns: names });
  const dbs = [da, db_].map((ds) => openDataset(ws, ds));
  try {
    const fetchers = [da, db_].map((ds, side) => {
      const cols = names.map((n) => columnOf(ds, n, '--columns'));
      const select = ['_rid', ...cols.map((c) => c.physical)].join(', ');
      for (const r of rowSource(dbs[side]!, select, { sql: '1', params: [] }, '_rid', false)) check.add(side, Number(r[0]), r.slice(1));
      return fetchRows(dbs[side]!, cols);
    });
    const fetch: RowFetch = (side, rids) => fetchers[side]!(rids);
    return check.report(fetch);
  } finally {
    for (const d of dbs) d.close();
  }
}
