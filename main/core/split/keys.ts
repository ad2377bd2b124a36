// Reads what a split needs of every row (row id, class, group, time) from a dataset file, in storage
// order, and turns values into class and group indexes and times into numbers.
import { parseDateTime } from '../../../shared/util/dates';
import type { Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { digestRow } from './rowKey';
import type { SplitKeys } from './strategies';

/** The column name that means "the duplicate clusters": the dedupe column when present, else computed here. */
export const CLUSTER_COLUMN = 'cluster_id';

export interface KeyOptions {
  stratify?: string;
  group?: string;
  time?: string;
}

export interface LoadedKeys extends SplitKeys {
  /** Row id per row, in storage order. */
  rids: Float64Array;
  /** Where the groups came from: a column, or duplicate clusters computed from the rows. */
  groupSource: 'column' | 'clusters' | null;
  /** Rows whose group value is missing: each is a group of its own. */
  ungroupedRows: number;
  /** A few time values that did not parse, for the message. */
  unparseableSamples: string[];
}

/** The named column of the dataset, or NOT_FOUND naming the option. */
export function columnOf(ds: StoredDataset, name: string, what: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)} (${what})`);
  return c;
}

/** Reads the keys of every row. */
export function loadKeys(db: Db, ds: StoredDataset, o: KeyOptions): LoadedKeys {
  const strat = o.stratify !== undefined ? columnOf(ds, o.stratify, '--stratify') : null;
  const clusters = o.group === CLUSTER_COLUMN && !ds.columns.some((c) => c.name === CLUSTER_COLUMN);
  const group = o.group !== undefined && !clusters ? columnOf(ds, o.group, '--group') : null;
  const time = o.time !== undefined ? columnOf(ds, o.time, '--time') : null;
  const cols = clusters ? ds.columns : [strat, group, time].filter((c): c is StoredColumn => c !== null);
  const select = ['_rid', ...cols.map((c) => c.physical)].join(', ');
  const n = ds.rows;
  const rids = new Float64Array(n);
  const classOf = strat ? new Int32Array(n) : undefined;
  const groupOf = group || clusters ? new Int32Array(n) : undefined;
  const timeOf = time ? new Float64Array(n) : undefined;
  const classIndex = new Map<string | null, number>();
  const groupIndex = new Map<string | number, number>();
  let groupCount = 0;
  let ungrouped = 0;
  const toTime = time ? timeParser(time) : null;
  const samples: string[] = [];
  const at = (c: StoredColumn | null) => (c ? cols.indexOf(c) + 1 : -1);
  const [si, gi, ti] = [at(strat), at(group), at(time)];
  let i = 0;
  for (const r of db.prepare(`SELECT ${select} FROM rows ORDER BY _rid`).raw(true).iterate() as IterableIterator<Array<string | number | null>>) {
    if (i >= n) throw new TidysetError('INTERNAL', `dataset ${ds.name} has more rows than its catalog entry says (${n}); reopen it`);
    rids[i] = r[0] as number;
    if (classOf) {
      const v = r[si] as string | null;
      let c = classIndex.get(v);
      if (c === undefined) classIndex.set(v, (c = classIndex.size));
      classOf[i] = c;
    }
    if (groupOf) {
      const key = clusters ? digestRow(r.slice(1) as Array<string | null>) : (r[gi] as string | null);
      if (key === null || key === '') {
        groupOf[i] = groupCount++;
        ungrouped++;
      } else {
        let g = groupIndex.get(key);
        if (g === undefined) groupIndex.set(key, (g = groupCount++));
        groupOf[i] = g;
      }
    }
    if (timeOf) {
      const v = r[ti] as string | null;
      const t = v === null || v === '' ? NaN : toTime!(v);
      if (Number.isNaN(t) && samples.length < 5) samples.push(v ?? '(missing)');
      timeOf[i] = t;
    }
    i++;
  }
  const keys: LoadedKeys = { n: i, rids: i === n ? rids : rids.subarray(0, i), groupSource: clusters ? 'clusters' : group ? 'column' : null, ungroupedRows: ungrouped, unparseableSamples: samples };
  if (classOf) {
    keys.classOf = classOf.subarray(0, i);
    keys.classLabels = [...classIndex.keys()];
  }
  if (groupOf) {
    keys.groupOf = groupOf.subarray(0, i);
    keys.groupCount = groupCount;
  }
  if (timeOf) keys.timeOf = timeOf.subarray(0, i);
  return keys;
}

/** Parses a time value: numbers in numeric columns, dates and datetimes (to epoch ms, UTC when no offset) in others. */
export function timeParser(c: StoredColumn): (v: string) => number {
  if (c.type === 'integer' || c.type === 'decimal') {
    const comma = c.detail?.decimalSeparator === ',';
    return (v) => {
      const s = (comma ? v.replace(',', '.') : v).trim();
      return s === '' ? NaN : Number(s);
    };
  }
  const memo = new Map<string, number>();
  return (v) => {
    let t = memo.get(v);
    if (t === undefined) {
      t = epochMs(v);
      if (memo.size >= 65_536) memo.clear();
      memo.set(v, t);
    }
    return t;
  };
}

/** Epoch milliseconds of a date or datetime (UTC unless it carries an offset), NaN when it does not parse. */
export function epochMs(v: string): number {
  const p = parseDateTime(v);
  if (!p) return NaN;
  if (!p.time) return Date.UTC(p.year, p.month - 1, p.day);
  const { hour, minute, second, fraction, offset } = p.time;
  let ms = Date.UTC(p.year, p.month - 1, p.day, hour, minute, second) + (fraction ? Number(`0.${fraction}`) * 1000 : 0);
  if (offset && offset !== 'Z') {
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
    if (m) ms -= (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  }
  return ms;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A gap in the time column's units: a duration like `7d`, `12h`, `30m`, `2w` for date columns (in ms),
 * a plain number for numeric time columns.
 */
export function parseGap(text: string, numeric: boolean): number {
  const t = text.trim();
  if (numeric) {
    const n = Number(t);
    if (t === '' || !Number.isFinite(n) || n < 0) throw new TidysetError('BAD_INPUT', `--gap for a numeric time column is a number ≥ 0 in its units, got ${JSON.stringify(text)}`);
    return n;
  }
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/i.exec(t);
  if (!m) throw new TidysetError('BAD_INPUT', `--gap must be a duration like 7d, 12h, 30m or 2w, got ${JSON.stringify(text)}`);
  return Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
}
