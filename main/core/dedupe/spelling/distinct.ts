// The distinct non-blank values of one column with their row counts (one GROUP BY over the dataset
// file), kept in the workspace's cache folder per data version so that switching methods, or running
// the same method again, does not read the dataset again. Results are cached there the same way.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDb } from '../../db/open';
import type { StoredColumn, StoredDataset } from '../../db/repos/datasets';
import { HistoryRepo } from '../../db/repos/history';
import { TidysetError } from '../../errors';
import type { Workspace } from '../../workspace';

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
export function dataVersion(ws: Workspace, ds: StoredDataset, c: StoredColumn): string {
  const last = new HistoryRepo(ws.catalog).list(ds.id).filter((e) => e.state === 'done').at(-1);
  const text = JSON.stringify([ds.file, c.physical, ds.rows, last?.seq ?? 0, last?.createdAt ?? '']);
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
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(value));
  renameSync(temp, file);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }));
  files.sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP_FILES)) rmSync(path.join(dir, f), { force: true });
}

/** A cached file by name, or null. */
export function cached<T>(ws: Workspace, name: string): T | null {
  return readCache<T>(path.join(cacheDir(ws), name));
}

/** Reads the distinct values of a column from the dataset file (one GROUP BY). */
export function readDistinct(ws: Workspace, ds: StoredDataset, c: StoredColumn): DistinctValues {
  const db = openDb(ws.dataPath(ds.file), { readonly: true, mustExist: true });
  try {
    const p = c.physical;
    const rows = db.prepare(`SELECT ${p}, count(*) AS n FROM rows WHERE ${p} IS NOT NULL AND ${p} <> '' GROUP BY ${p} ORDER BY n DESC, ${p}`).raw(true).all() as Array<[string, number]>;
    const blank = (db.prepare(`SELECT count(*) FROM rows WHERE ${p} IS NULL OR ${p} = ''`).pluck().get() as number) ?? 0;
    const values = new Array<string>(rows.length);
    const counts = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      values[i] = String(rows[i]![0]);
      counts[i] = rows[i]![1];
    }
    return { values, counts, blank };
  } finally {
    db.close();
  }
}

/** The distinct values of a column at this data version: from the cache, or read and cached. */
export function distinctValues(ws: Workspace, ds: StoredDataset, c: StoredColumn, version: string): { distinct: DistinctValues; reused: boolean } {
  const name = `values-${version}.json`;
  const hit = cached<DistinctValues>(ws, name);
  if (hit && Array.isArray(hit.values) && Array.isArray(hit.counts)) return { distinct: hit, reused: true };
  const distinct = readDistinct(ws, ds, c);
  writeCache(ws, name, distinct);
  return { distinct, reused: false };
}
