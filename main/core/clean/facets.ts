// Facets: value counts, numeric histograms, blank counts and type mismatches of one column, under the
// grid's current filters — what the facet panel shows and clicks turn into filters.
import type { Filter } from '../../../shared/api/contract';
import { castNumber } from '../../../shared/ops/transforms';
import { openDb, type Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { valueFitsType } from '../ingest/infer';
import { registerFunctions, whereClause } from '../rows/query';
import type { Workspace } from '../workspace';

export interface TextFacet {
  values: Array<{ value: string | null; count: number }>;
  /** Distinct values in all (the list may be cut at `limit`). */
  distinct: number;
  /** Rows under the filters. */
  total: number;
}

export interface NumericFacet {
  min: number | null;
  max: number | null;
  bins: Array<{ from: number; to: number; count: number }>;
  numeric: number;
  nonNumeric: number;
  blank: number;
}

export interface TypeFacet {
  type: string;
  mismatches: number;
  values: Array<{ value: string; count: number }>;
}

function withDb<T>(ws: Workspace, ds: StoredDataset, fn: (db: Db) => T): T {
  const db = openDb(ws.dataPath(ds.file), { readonly: true, mustExist: true });
  try {
    registerFunctions(db);
    return fn(db);
  } finally {
    db.close();
  }
}

function column(ds: StoredDataset, name: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}

/** Value counts of a column, by count (default) or by value. */
export function textFacet(ws: Workspace, ds: StoredDataset, name: string, filters: Filter[], sort: 'count' | 'value' = 'count', limit = 500): TextFacet {
  const c = column(ds, name);
  const w = whereClause(ds, filters);
  return withDb(ws, ds, (db) => {
    const order = sort === 'count' ? 'n DESC, v' : 'v COLLATE NOCASE, n DESC';
    const values = db.prepare(`SELECT ${c.physical} AS v, count(*) AS n FROM rows WHERE ${w.sql} GROUP BY ${c.physical} ORDER BY ${order} LIMIT ?`)
      .raw(true).all(...w.params, limit) as Array<[string | null, number]>;
    const totals = db.prepare(`SELECT count(DISTINCT ${c.physical}) + max(${c.physical} IS NULL) AS d, count(*) AS t FROM rows WHERE ${w.sql}`).get(...w.params) as { d: number | null; t: number };
    return { values: values.map(([value, count]) => ({ value, count })), distinct: totals.d ?? 0, total: totals.t };
  });
}

/** Plain numbers read the same in every locale: the fast path before castNumber. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** A histogram of the values that read as numbers (any locale), with counts of the rest. */
export function numericFacet(ws: Workspace, ds: StoredDataset, name: string, filters: Filter[], binCount = 24): NumericFacet {
  const c = column(ds, name);
  const w = whereClause(ds, filters);
  return withDb(ws, ds, (db) => {
    const nums: number[] = [];
    let nonNumeric = 0;
    let blank = 0;
    const locale = c.detail?.decimalSeparator === ',' ? 'comma' : 'auto';
    // all() over iterate(): one crossing into SQLite instead of one per row.
    for (const v of db.prepare(`SELECT ${c.physical} FROM rows WHERE ${w.sql}`).pluck().all(...w.params) as Array<string | null>) {
      if (v === null || v.trim() === '') blank++;
      else if (PLAIN_NUMBER.test(v) && (locale !== 'comma' || !v.includes('.'))) nums.push(Number(v));
      else {
        const n = castNumber(v, locale);
        if (n === null) nonNumeric++;
        else nums.push(Number(n));
      }
    }
    if (!nums.length) return { min: null, max: null, bins: [], numeric: 0, nonNumeric, blank };
    let min = Infinity;
    let max = -Infinity;
    for (const n of nums) {
      if (n < min) min = n;
      if (n > max) max = n;
    }
    const span = max - min || 1;
    const bins = Array.from({ length: binCount }, (_, i) => ({ from: min + (span * i) / binCount, to: min + (span * (i + 1)) / binCount, count: 0 }));
    for (const n of nums) bins[Math.min(binCount - 1, Math.floor(((n - min) / span) * binCount))]!.count++;
    return { min, max, bins, numeric: nums.length, nonNumeric, blank };
  });
}

/** Counts of blank (missing or empty) and non-blank cells. */
export function blankFacet(ws: Workspace, ds: StoredDataset, name: string, filters: Filter[]): { blank: number; nonBlank: number } {
  const c = column(ds, name);
  const w = whereClause(ds, filters);
  return withDb(ws, ds, (db) => {
    const r = db.prepare(`SELECT sum(${c.physical} IS NULL OR ${c.physical} = '') AS b, count(*) AS t FROM rows WHERE ${w.sql}`).get(...w.params) as { b: number | null; t: number };
    return { blank: r.b ?? 0, nonBlank: r.t - (r.b ?? 0) };
  });
}

/** Non-empty values that do not fit the column's inferred type, most frequent first. */
export function typeFacet(ws: Workspace, ds: StoredDataset, name: string, filters: Filter[], limit = 200): TypeFacet {
  const c = column(ds, name);
  const w = whereClause(ds, filters);
  return withDb(ws, ds, (db) => {
    db.function('tidyset_misfit', { deterministic: true }, (v: unknown) => (typeof v === 'string' && v !== '' && !valueFitsType(v, c.type) ? 1 : 0));
    const values = db.prepare(`SELECT ${c.physical} AS v, count(*) AS n FROM rows WHERE ${w.sql} AND tidyset_misfit(${c.physical}) GROUP BY v ORDER BY n DESC, v LIMIT ?`)
      .raw(true).all(...w.params, limit) as Array<[string, number]>;
    const total = (db.prepare(`SELECT count(*) AS n FROM rows WHERE ${w.sql} AND tidyset_misfit(${c.physical})`).get(...w.params) as { n: number }).n;
    return { type: c.type, mismatches: total, values: values.map(([value, count]) => ({ value, count })) };
  });
}
