// A rule's failing rows as a SQL condition over physical column names: the rules report counts
// them and the grid's `rule` filter shows them with the same condition, so the two always agree.
// The value tests that SQL lacks (numbers, dates, types, regular expressions) are SQL functions
// calling the profile's readers.
import type { Rule } from '../../../shared/rules/schema';
import type { Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { fitsType, memoized, readDateMs, readNumber } from './readValue';

const regexes = new Map<string, RegExp>();

function regexOf(pattern: string): RegExp {
  let re = regexes.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    if (regexes.size > 256) regexes.clear();
    regexes.set(pattern, re);
  }
  return re;
}

/** Compares two present values: as numbers when both read as numbers, as dates when both do, else as text. */
export function compareValues(a: string, b: string): number {
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return x - y;
  const s = dateMs(a);
  const t = dateMs(b);
  if (s !== null && t !== null) return s - t;
  return a < b ? -1 : a > b ? 1 : 0;
}

const num = memoized((v) => readNumber(v));
const numComma = memoized((v) => readNumber(v, true));
const dateMs = memoized(readDateMs);
const fits = new Map<string, (v: string) => boolean>();
function fitsOf(type: string, comma: boolean): (v: string) => boolean {
  const key = `${type}${comma ? ',' : '.'}`;
  let f = fits.get(key);
  if (!f) fits.set(key, (f = memoized((v) => fitsType(v, type as 'integer', comma))));
  return f;
}

const OPS: Record<string, (c: number) => boolean> = {
  '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0, '=': (c) => c === 0, '!=': (c) => c !== 0,
};

/** Registers the functions rule conditions use on a connection (the grid's and the report's). */
export function registerRuleFunctions(db: Db): void {
  const det = { deterministic: true };
  db.function('tidyset_num', det, (v: unknown, comma: unknown) => (typeof v === 'string' ? (comma === 1 ? numComma : num)(v) : null));
  db.function('tidyset_datems', det, (v: unknown) => (typeof v === 'string' ? dateMs(v) : null));
  db.function('tidyset_fits', det, (v: unknown, type: unknown, comma: unknown) => (typeof v === 'string' && fitsOf(String(type), comma === 1)(v) ? 1 : 0));
  db.function('tidyset_regex', det, (v: unknown, p: unknown) => (typeof v === 'string' && regexOf(String(p)).test(v) ? 1 : 0));
  db.function('tidyset_compare', det, (a: unknown, b: unknown, op: unknown) =>
    (typeof a === 'string' && typeof b === 'string' && OPS[String(op)]!(compareValues(a, b)) ? 1 : 0));
}

function col(ds: StoredDataset, name: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}

/**
 * SQL for the number a cell reads as: plain unsigned integers without leading zeros in SQL itself
 * (C speed), anything else through readNumber — the same answer either way.
 */
function numSql(p: string, comma: number): string {
  return `CASE WHEN ${p} NOT GLOB '*[^0-9]*' AND ${p} <> '' AND (${p} = '0' OR ${p} NOT GLOB '0*') AND length(${p}) < 16 THEN CAST(${p} AS INTEGER) ELSE tidyset_num(${p}, ${comma}) END`;
}

/**
 * SQL for the ms time of a cell: ISO dates and datetimes that SQLite reads the same way (a calendar
 * date that date() gives back unchanged) in SQL, the other forms through readDateMs.
 */
function dateMsSql(p: string): string {
  return `coalesce(CASE WHEN ${p} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND date(${p}) = substr(${p}, 1, 10) ` +
    `THEN round((julianday(${p}) - 2440587.5) * 86400000.0) END, tidyset_datems(${p}))`;
}

const isDate = (c: StoredColumn) => c.type === 'date' || c.type === 'datetime';
const isNum = (c: StoredColumn) => c.type === 'integer' || c.type === 'decimal';

const present = (p: string) => `(${p} IS NOT NULL AND ${p} <> '')`;
const blank = (p: string) => `(${p} IS NULL OR ${p} = '')`;
const comma = (c: StoredColumn) => (c.detail?.decimalSeparator === ',' ? 1 : 0);

/**
 * The condition a failing row meets (display names resolved against `ds`). A row-count rule has no
 * failing rows ('0'); a missing-share rule's rows are the missing ones.
 */
export function ruleFailSql(ds: StoredDataset, r: Rule): { sql: string; params: unknown[] } {
  switch (r.rule) {
    case 'notNull':
    case 'missingShare':
      return { sql: blank(col(ds, r.column).physical), params: [] };
    case 'unique': {
      const ps = r.columns.map((n) => col(ds, n).physical);
      const all = ps.map(present).join(' AND ');
      const tuple = ps.length === 1 ? ps[0]! : `(${ps.join(', ')})`;
      return { sql: `(${all} AND ${tuple} IN (SELECT ${ps.join(', ')} FROM rows WHERE ${all} GROUP BY ${ps.join(', ')} HAVING count(*) > 1))`, params: [] };
    }
    case 'range': {
      const c = col(ds, r.column);
      const dates = typeof r.min === 'string' || typeof r.max === 'string';
      const bound = (b: number | string | null | undefined, dflt: number) => {
        if (b === null || b === undefined) return dflt;
        if (typeof b === 'number') return b;
        const t = readDateMs(b);
        if (t === null) throw new TidysetError('BAD_INPUT', `range rule on ${JSON.stringify(r.column)}: ${JSON.stringify(b)} is not a date`);
        return t;
      };
      const v = dates ? dateMsSql(c.physical) : numSql(c.physical, comma(c));
      return { sql: `(${present(c.physical)} AND NOT coalesce(${v} BETWEEN ? AND ?, 0))`, params: [bound(r.min, -Number.MAX_VALUE), bound(r.max, Number.MAX_VALUE)] };
    }
    case 'regex': {
      const p = col(ds, r.column).physical;
      return { sql: `(${present(p)} AND NOT tidyset_regex(${p}, ?))`, params: [r.pattern] };
    }
    case 'allowed': {
      const p = col(ds, r.column).physical;
      return { sql: `(${present(p)} AND ${p} NOT IN (SELECT value FROM json_each(?)))`, params: [JSON.stringify(r.values)] };
    }
    case 'type': {
      const c = col(ds, r.column);
      const p = c.physical;
      if (r.type === 'date') return { sql: `(${present(p)} AND ${dateMsSql(p)} IS NULL)`, params: [] };
      if (r.type === 'decimal') return { sql: `(${present(p)} AND (${numSql(p, comma(c))}) IS NULL)`, params: [] };
      return { sql: `(${present(p)} AND NOT tidyset_fits(${p}, ?, ${comma(c)}))`, params: [r.type] };
    }
    case 'compare': {
      const ca = col(ds, r.left);
      const cb = col(ds, r.right);
      const a = ca.physical;
      const b = cb.physical;
      // Two typed columns compare by their type: values that do not read as it fail.
      const sqlOp = r.op === '!=' ? '<>' : r.op;
      if ((isDate(ca) && isDate(cb)) || (isNum(ca) && isNum(cb))) {
        const va = isDate(ca) ? dateMsSql(a) : numSql(a, comma(ca));
        const vb = isDate(cb) ? dateMsSql(b) : numSql(b, comma(cb));
        return { sql: `(${present(a)} AND ${present(b)} AND NOT coalesce((${va}) ${sqlOp} (${vb}), 0))`, params: [] };
      }
      return { sql: `(${present(a)} AND ${present(b)} AND NOT tidyset_compare(${a}, ${b}, ?))`, params: [r.op] };
    }
    case 'rows':
      return { sql: '0', params: [] };
  }
}
