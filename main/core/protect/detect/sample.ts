// Reads a spread sample of a dataset's rows (blocks at evenly spaced row ids) and keeps each column's
// distinct non-blank values, so detection looks at the whole table in milliseconds whatever its size.
import type { StoredDataset } from '../../db/repos/datasets';
import { openDataset, selectList } from '../../rows/datasetDb';
import type { Workspace } from '../../workspace';

/** Rows read per block, and blocks spread over the table. */
const BLOCK = 50;
const BLOCKS = 100;
/** At most this many distinct values per column are kept. */
export const MAX_DISTINCT = 1000;

/** Values that stand for "missing" and say nothing about a column. */
const NULL_TOKENS = new Set(['', 'n/a', 'na', 'null', 'none', 'nan', '-', '--', '?', 'unknown', 'nil', '#n/a', 'missing', 'undefined']);

export function isBlank(v: string): boolean {
  return NULL_TOKENS.has(v.toLowerCase());
}

export interface ColumnSample {
  /** Distinct non-blank values (trimmed), at most MAX_DISTINCT, in the order met. */
  values: string[];
  /** How many sampled cells held each of `values`. */
  counts: number[];
  /** Rows read, and non-blank cells among them. */
  rows: number;
  nonBlank: number;
}

/** Distinct values of each row column, from arrays of cells. */
export function sampleFromRows(rows: ReadonlyArray<ReadonlyArray<string | null>>, columns: number): ColumnSample[] {
  const out: Array<{ set: Map<string, number>; nonBlank: number }> = Array.from({ length: columns }, () => ({ set: new Map<string, number>(), nonBlank: 0 }));
  for (const row of rows) {
    for (let c = 0; c < columns; c++) {
      const raw = row[c];
      if (raw === null || raw === undefined) continue;
      const v = raw.trim();
      if (isBlank(v)) continue;
      const o = out[c]!;
      o.nonBlank++;
      const n = o.set.get(v);
      if (n !== undefined) o.set.set(v, n + 1);
      else if (o.set.size < MAX_DISTINCT) o.set.set(v, 1);
    }
  }
  return out.map((o) => ({ values: [...o.set.keys()], counts: [...o.set.values()], rows: rows.length, nonBlank: o.nonBlank }));
}

/** Samples a dataset: up to BLOCKS × BLOCK rows, in blocks at evenly spaced row ids. */
export function sampleDataset(ws: Workspace, ds: StoredDataset): ColumnSample[] {
  if (ds.columns.length === 0) return [];
  const db = openDataset(ws, ds);
  try {
    const { lo, hi } = db.prepare('SELECT min(_rid) AS lo, max(_rid) AS hi FROM rows').get() as { lo: number | null; hi: number | null };
    if (lo === null || hi === null) return sampleFromRows([], ds.columns.length);
    const block = db.prepare(`SELECT ${selectList(ds)} FROM rows WHERE _rid >= ? ORDER BY _rid LIMIT ${BLOCK}`).raw(true);
    const rows: Array<Array<string | null>> = [];
    const span = hi - lo + 1;
    if (span <= BLOCK * BLOCKS) rows.push(...(db.prepare(`SELECT ${selectList(ds)} FROM rows`).raw(true).all() as Array<Array<string | null>>));
    else {
      for (let b = 0; b < BLOCKS; b++) rows.push(...(block.all(lo + Math.floor((b * span) / BLOCKS)) as Array<Array<string | null>>));
    }
    return sampleFromRows(rows, ds.columns.length);
  } finally {
    db.close();
  }
}
