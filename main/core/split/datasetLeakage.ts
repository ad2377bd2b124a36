// `tidyset leakage A B`: the leakage check between two datasets (a train set and a test set made
// elsewhere, say) over the columns they share by name, or the ones named.
import type { LeakageReport } from '../../../shared/api/split';
import type { StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { rowSource } from '../export/exportDataset';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { columnOf } from './keys';
import { LeakageCheck, type LeakRows } from './leakage';

/** Checks dataset `b` against dataset `a` (a is the earlier side: its rows "leak" into b). */
export function datasetLeakage(ws: Workspace, a: string, b: string, columns?: string[]): { report: LeakageReport; rows: LeakRows } {
  const da = ws.datasets.get(a);
  const db_ = ws.datasets.get(b);
  if (da.id === db_.id) throw new TidysetError('BAD_INPUT', 'give two different datasets');
  const names = columns ?? da.columns.map((c) => c.name).filter((n) => db_.columns.some((c) => c.name === n));
  if (names.length === 0) throw new TidysetError('BAD_INPUT', `datasets ${JSON.stringify(da.name)} and ${JSON.stringify(db_.name)} share no column name; name the columns to compare with --columns`);
  const sides = [da.name, db_.name];
  const check = new LeakageCheck(sides, da.rows + db_.rows, { columns: names });
  [da, db_].forEach((ds, side) => feed(ws, ds, names, (rid, values) => check.add(side, rid, values)));
  return check.report();
}

function feed(ws: Workspace, ds: StoredDataset, names: string[], add: (rid: number, values: Array<string | null>) => void): void {
  const cols = names.map((n) => columnOf(ds, n, '--columns'));
  const db = openDataset(ws, ds);
  try {
    const select = ['_rid', ...cols.map((c) => c.physical)].join(', ');
    for (const r of rowSource(db, select, { sql: '1', params: [] }, '_rid', false)) add(Number(r[0]), r.slice(1));
  } finally {
    db.close();
  }
}
