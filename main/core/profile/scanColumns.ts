// Reads the raw values of some columns of a dataset chunk by chunk, fast: one statement per chunk of
// row ids aggregates each column into one string (SQLite's group_concat, in C), which JavaScript
// splits — a few string conversions a chunk instead of one per cell. A chunk whose values contain
// the separators falls back to a JSON array for that column, so every value comes back exactly.
import type { Db } from '../db/open';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';

/** Row ids per chunk: ~65k rows keep each aggregated string at a few MB. */
const CHUNK = 65_536;
/** Columns per statement (SQLite allows 2,000 result columns; 3 per column here). */
export const COLUMNS_PER_PASS = 96;
const NULL_MARK = '\x1e';
const SEP = '\x1f';

export interface RowFilter {
  /** A WHERE condition over physical names and bound parameters ('1' for every row). */
  sql: string;
  params: unknown[];
}

export const ALL_ROWS: RowFilter = { sql: '1', params: [] };

/**
 * Calls `onChunk(values)` for each chunk of rows in row-id order, with `values[i]` the cells of
 * `physicals[i]` (null for a missing cell), all of equal length. `progress(rowsDone)` after each
 * chunk; throws CANCELLED when `ctx` is cancelled.
 */
export function scanColumns(
  db: Db, physicals: string[], filter: RowFilter,
  onChunk: (values: Array<Array<string | null>>) => void, ctx?: JobContext, progress?: (ridDone: number, ridMax: number) => void,
): void {
  if (physicals.length > COLUMNS_PER_PASS) throw new TidysetError('INTERNAL', `scanColumns reads at most ${COLUMNS_PER_PASS} columns at a time`);
  const bounds = db.prepare('SELECT min(_rid) AS lo, max(_rid) AS hi FROM rows').get() as { lo: number | null; hi: number | null };
  if (bounds.lo === null || bounds.hi === null) return;
  const aggs = physicals.map((p) => `group_concat(ifnull(${p}, char(30)), char(31)), count(${p})`).join(', ');
  const stmt = db.prepare(`SELECT count(*)${aggs ? `, ${aggs}` : ''} FROM rows WHERE _rid >= ? AND _rid < ? AND (${filter.sql})`).raw(true);
  const json = new Map<string, { get(...params: unknown[]): unknown }>();
  const jsonOf = (p: string) => {
    let s = json.get(p);
    if (!s) json.set(p, (s = db.prepare(`SELECT json_group_array(${p}) FROM rows WHERE _rid >= ? AND _rid < ? AND (${filter.sql})`).pluck()));
    return s;
  };
  for (let lo = bounds.lo; lo <= bounds.hi; lo += CHUNK) {
    if (ctx?.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
    const r = stmt.get(lo, lo + CHUNK, ...filter.params) as unknown[];
    const n = r[0] as number;
    if (n > 0) {
      const values: Array<Array<string | null>> = [];
      for (let i = 0; i < physicals.length; i++) {
        const joined = r[1 + 2 * i] as string | null;
        const present = r[2 + 2 * i] as number;
        let vals = joined === null ? null : splitChunk(joined, n, present);
        // A value holding a separator, or exactly the null mark: read this chunk as JSON instead.
        if (!vals) vals = JSON.parse(jsonOf(physicals[i]!).get(lo, lo + CHUNK, ...filter.params) as string) as Array<string | null>;
        values.push(vals);
      }
      onChunk(values);
    }
    progress?.(Math.min(bounds.hi, lo + CHUNK - 1) - bounds.lo + 1, bounds.hi - bounds.lo + 1);
  }
}

/** The n cells of a group_concat, or null when the count of cells or of missing ones does not add up. */
function splitChunk(joined: string, n: number, present: number): Array<string | null> | null {
  const parts: Array<string | null> = joined.split(SEP);
  if (parts.length !== n) return null;
  let missing = 0;
  if (present < n || joined.includes(NULL_MARK)) {
    for (let i = 0; i < n; i++) {
      if (parts[i] === NULL_MARK) {
        parts[i] = null;
        missing++;
      }
    }
  }
  return missing === n - present ? parts : null;
}
