// The distinct non-blank values of one column with their row counts (one pass over the dataset
// file), kept in the workspace's cache folder per data version so that switching methods, or running
// the same method again, does not read the dataset again. Results are cached there the same way.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Filter } from '../../../../shared/api/filters';
import { openDb } from '../../db/open';
import { registerFunctions, whereClause } from '../../rows/query';
import type { StoredColumn, StoredDataset } from '../../db/repos/datasets';
import { HistoryRepo } from '../../db/repos/history';
import { TidysetError } from '../../errors';
import type { Workspace } from '../../workspace';
import { quietContext, type JobContext } from '../../jobs/context';

/** A column's distinct values, most frequent first, with their counts; `blank` rows are missing or empty. */
export interface DistinctValues {
  values: string[];
  counts: number[];
  blank: number;
}

/** Cache files kept (values and results together); the least recently used go first. */
const KEEP_FILES = 40;

export function cacheDir(ws: Workspace): string {
  return path.join(ws.dir, 'cache', 'cluster');
}

export function columnOf(ds: StoredDataset, name: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}

/**
 * Names one state of one column's data: the dataset file, the column's physical name, and the last
 * applied history step (seq and time, since an undone step's seq is reused by the next one).
 */
export function dataVersion(ws: Workspace, ds: StoredDataset, c: StoredColumn, where: readonly Filter[] = []): string {
  const last = new HistoryRepo(ws.catalog).list(ds.id).filter((e) => e.state === 'done').at(-1);
  const text = JSON.stringify([ds.file, c.physical, ds.rows, last?.seq ?? 0, last?.createdAt ?? '', ...(where.length ? [where] : [])]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function readCache<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as T;
    const now = new Date();
    utimesSync(file, now, now);
    return v;
  } catch {
    // A torn or foreign file is no cache: read the data again and write it anew.
    rmSync(file, { force: true });
    return null;
  }
}

/** Writes a cache file whole (temporary file, then rename) and drops the least recently used beyond KEEP_FILES. */
export function writeCache(ws: Workspace, name: string, value: unknown): void {
  const dir = cacheDir(ws);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  // Jobs of one process run in threads of one pid: the thread id and a random part keep their temporary files apart.
  const temp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, JSON.stringify(value));
  renameSync(temp, file);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => {
    // Another job may have dropped it meanwhile.
    try {
      return [{ f, t: statSync(path.join(dir, f)).mtimeMs }];
    } catch {
      return [];
    }
  });
  files.sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP_FILES)) rmSync(path.join(dir, f), { force: true });
}

/** A cached file by name, or null. */
export function cached<T>(ws: Workspace, name: string): T | null {
  return readCache<T>(path.join(cacheDir(ws), name));
}

/** Rows read per statement: bounds memory, and lets the count report progress and stop on cancel. */
const CHUNK = 65_536;

/**
 * Counts the distinct values of a column in one pass over the dataset file, in row-id ranges (measured
 * on 1M rows: faster than SQLite's GROUP BY, which sorts, and it can report progress and be cancelled).
 * Most frequent first; ties in code-unit order.
 */
export function readDistinct(ws: Workspace, ds: StoredDataset, c: StoredColumn, ctx: JobContext = quietContext, where: readonly Filter[] = []): DistinctValues {
  const db = openDb(ws.dataPath(ds.file), { readonly: true, mustExist: true });
  try {
    const p = c.physical;
    const span = db.prepare('SELECT min(_rid) AS lo, max(_rid) AS hi FROM rows').get() as { lo: number | null; hi: number | null };
    // Only the rows the filters match (the grid's filters and facet selections), when there are any.
    const w = where.length ? whereClause(ds, [...where]) : null;
    if (w) registerFunctions(db);
    const read = db.prepare(`SELECT ${p} FROM rows WHERE _rid >= ? AND _rid < ?${w ? ` AND (${w.sql})` : ''}`).pluck();
    const params = w?.params ?? [];
    const counts = new Map<string, number>();
    let blank = 0;
    const lo = span.lo ?? 0;
    const hi = span.hi ?? -1;
    for (let from = lo; from <= hi; from += CHUNK) {
      if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
      ctx.progress(from - lo, hi - lo + 1, 'counting distinct values');
      for (const raw of read.all(from, from + CHUNK, ...params) as Array<string | number | null>) {
        if (raw === null || raw === '') {
          blank++;
          continue;
        }
        const v = typeof raw === 'string' ? raw : String(raw);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    }
    const entries = [...counts.entries()];
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { values: entries.map((e) => e[0]), counts: entries.map((e) => e[1]), blank };
  } finally {
    db.close();
  }
}

/** The distinct values of a column at this data version: from the cache, or read and cached. */
export function distinctValues(ws: Workspace, ds: StoredDataset, c: StoredColumn, version: string, ctx: JobContext = quietContext, where: readonly Filter[] = []): { distinct: DistinctValues; reused: boolean } {
  const name = `values-${version}.json`;
  const hit = cached<DistinctValues>(ws, name);
  if (hit && Array.isArray(hit.values) && Array.isArray(hit.counts)) return { distinct: hit, reused: true };
  const distinct = readDistinct(ws, ds, c, ctx, where);
  writeCache(ws, name, distinct);
  return { distinct, reused: false };
}
