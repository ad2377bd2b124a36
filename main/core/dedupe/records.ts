// Reads the records a run compares from a dataset file: row ids and the compared columns' values
// (by physical name), plus the key column's values, and a sample for column suggestions.
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import type { RecordSet } from './run';

export interface LoadedRecords extends RecordSet {
  rids: Int32Array;
  keys: Array<string | null> | null;
}

/** The column of this name; NOT_FOUND names the dataset and lists what it has. */
export function columnOf(ds: StoredDataset, name: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)} (it has ${ds.columns.map((x) => JSON.stringify(x.name)).join(', ')})`);
  return c;
}

/** Every record's row id and values of `columns` (and of `key`), in row-id order. */
export function loadRecords(ws: Workspace, ds: StoredDataset, columns: string[], key?: string | null): LoadedRecords {
  const phys = columns.map((c) => columnOf(ds, c).physical);
  const keyPhys = key ? columnOf(ds, key).physical : null;
  const db = openDataset(ws, ds);
  try {
    const n = (db.prepare('SELECT count(*) FROM rows').pluck().get() as number) ?? 0;
    const rids = new Int32Array(n);
    const values = phys.map(() => new Array<string | null>(n));
    const keys = keyPhys ? new Array<string | null>(n) : null;
    const sel = [...phys, ...(keyPhys ? [keyPhys] : [])].join(', ');
    let i = 0;
    for (const row of db.prepare(`SELECT _rid${sel ? `, ${sel}` : ''} FROM rows ORDER BY _rid`).raw(true).iterate() as Iterable<unknown[]>) {
      if (i >= n) break;
      rids[i] = row[0] as number;
      for (let c = 0; c < phys.length; c++) values[c]![i] = row[c + 1] as string | null;
      if (keys) keys[i] = row[phys.length + 1] as string | null;
      i++;
    }
    return { rids: rids.subarray(0, i), values: values.map((v) => v.slice(0, i)), keys: keys ? keys.slice(0, i) : null };
  } finally {
    db.close();
  }
}

/** Up to `limit` records' values of every column, spread over the dataset, for suggestions. */
export function sampleColumns(ws: Workspace, ds: StoredDataset, limit = 20000): Array<Array<string | null>> {
  const db = openDataset(ws, ds);
  try {
    const n = db.prepare('SELECT count(*) FROM rows').pluck().get() as number;
    const step = Math.max(1, Math.floor(n / limit));
    const sel = ds.columns.map((c) => c.physical).join(', ') || 'NULL';
    const out = ds.columns.map(() => [] as Array<string | null>);
    const stmt = step === 1 ? db.prepare(`SELECT ${sel} FROM rows LIMIT ?`) : db.prepare(`SELECT ${sel} FROM rows WHERE _rid % ${step} = 0 LIMIT ?`);
    for (const row of stmt.raw(true).iterate(limit) as Iterable<Array<string | null>>) row.forEach((v, k) => out[k]?.push(v));
    return out;
  } finally {
    db.close();
  }
}
