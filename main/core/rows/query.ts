// Grid paging over a dataset file: sort and filter by column, constant-time pages at any offset
// through keyset seeks from cached anchors, sort indexes built on demand, and single-cell edits.
import type { Filter, RowBlock, RowsPageIn, Sort } from '../../../shared/api/contract';
import type { ColumnType } from '../../../shared/api/catalog';
import { parseDate } from '../../../shared/util/dates';
import { valueFitsType } from '../ingest/infer';
import { openDb, type Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';
import type { Workspace } from '../workspace';
import { selectList } from './datasetDb';
import { smallClassWhere } from '../protect/kanon';
import { registerProtectFunctions } from '../protect/sqlFunctions';
import { registerRuleFunctions, ruleFailSql } from '../profile/ruleSql';

/** Rows between two cached anchors: a page never skips more than this many index entries. */
const ANCHOR_EVERY = 2000;

interface Conn {
  db: Db;
  /** Bumped when another connection committed (every write goes through the operation engine's own). */
  version: number;
  dataVersion: number;
  anchors: Map<string, { version: number; keys: Array<[unknown, number]> }>;
  counts: Map<string, { version: number; total: number }>;
  /** Sorted row-id lists (temp tables) for orders of several keys, which keyset seeks cannot serve. */
  orders: Map<string, { version: number; table: string }>;
  /** How often each such order was asked for: the list is built from the second time on. */
  orderRequests: Map<string, number>;
}

let orderTables = 0;

const conns = new Map<string, Conn>();
/** Set in the API's reader thread: its cached connections are read-only (temp tables still work). */
let readOnlyConns = false;

/**
 * Makes this thread's cached grid connections read-only. For a thread that only reads (serve's
 * reader worker): its caches stay right because every write happens on another connection, which
 * bumps this one's data_version.
 */
export function useReadOnlyConnections(): void {
  readOnlyConns = true;
}

/** SQL functions the filters use; registered on every connection that runs filter queries. */
export function registerFunctions(db: Db): void {
  // Used in WHERE clauses only (never in an index, so other tools can still open the file).
  db.function('tidyset_date', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? parseDate(v) : null));
  db.function('tidyset_text_match', { deterministic: true }, (v: unknown, op: unknown, q: unknown) => {
    if (typeof v !== 'string') return 0;
    const a = v.toLocaleLowerCase();
    const b = String(q).toLocaleLowerCase();
    return (op === 'startsWith' ? a.startsWith(b) : op === 'endsWith' ? a.endsWith(b) : a.includes(b)) ? 1 : 0;
  });
  db.function('tidyset_misfit', { deterministic: true }, (v: unknown, type: unknown) =>
    typeof v === 'string' && v !== '' && !valueFitsType(v, type as ColumnType) ? 1 : 0);
  registerProtectFunctions(db);
  registerRuleFunctions(db);
}

/** The cached read-write connection of a dataset file in this process. */
function conn(ws: Workspace, ds: StoredDataset): Conn {
  const file = ws.dataPath(ds.file);
  let c = conns.get(file);
  if (!c) {
    if (!ws.hasFile(ds.file)) throw new TidysetError('NOT_FOUND', `the data file of dataset ${JSON.stringify(ds.name)} is missing`);
    const db = openDb(file, { mustExist: true, readonly: readOnlyConns });
    registerFunctions(db);
    c = { db, version: 0, dataVersion: db.pragma('data_version', { simple: true }) as number, anchors: new Map(), counts: new Map(), orders: new Map(), orderRequests: new Map() };
    conns.set(file, c);
    if (conns.size > 16) {
      const [oldest, old] = conns.entries().next().value as [string, Conn];
      old.db.close();
      conns.delete(oldest);
    }
  }
  const dv = c.db.pragma('data_version', { simple: true }) as number;
  if (dv !== c.dataVersion) {
    c.dataVersion = dv;
    c.version++;
  }
  return c;
}

/** Closes the cached connection of a dataset file (before it is deleted or replaced). */
export function closeDataset(ws: Workspace, ds: StoredDataset): void {
  const file = ws.dataPath(ds.file);
  conns.get(file)?.db.close();
  conns.delete(file);
}

function column(ds: StoredDataset, name: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}

const isNumeric = (c: StoredColumn) => c.type === 'integer' || c.type === 'decimal';

/** The never-NULL sort key of a column: numbers sort as numbers, text case-insensitively; missing first. */
export function sortKey(c: StoredColumn): string {
  const p = c.physical;
  if (isNumeric(c)) {
    const v = c.detail?.decimalSeparator === ',' ? `replace(${p}, ',', '.')` : p;
    return `iif(${p} IS NULL OR ${p} = '', -1e308, CAST(${v} AS REAL))`;
  }
  return `ifnull(${p}, -1) COLLATE NOCASE`;
}

/** The name of the index that serves sorting by this column. */
export function indexName(c: StoredColumn): string {
  return `ix_sort_${c.physical}_${isNumeric(c) ? (c.detail?.decimalSeparator === ',' ? 'numc' : 'num') : 'txt'}`;
}

function hasIndex(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

/** Builds the WHERE clause of the filters: physical names and bound values only. */
export function whereClause(ds: StoredDataset, filters: Filter[]): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const f of filters) {
    if (f.kind === 'rule') {
      const r = ruleFailSql(ds, f.rule);
      parts.push(r.sql);
      params.push(...r.params);
      continue;
    }
    const c = column(ds, f.column);
    const p = c.physical;
    switch (f.kind) {
      case 'text': {
        const like = { contains: ['%', '%'], notContains: ['%', '%'], startsWith: ['', '%'], endsWith: ['%', ''] } as const;
        // On text columns the sort key (case-folded, never NULL) narrows equals and startsWith to an
        // index range when the column's sort index exists; the exact test follows it.
        const key = isNumeric(c) ? null : sortKey(c);
        if (f.op === 'equals') {
          parts.push(key ? `${key} = ? AND ${p} = ?` : `${p} = ?`);
          params.push(...(key ? [f.value, f.value] : [f.value]));
        } else if (f.op === 'notEqual') {
          parts.push(`${p} IS NOT ?`);
          params.push(f.value);
        } else if (/[^\x00-\x7f]/.test(f.value)) {
          // SQLite's LIKE folds ASCII only: 'mün' must find 'MÜNCHEN' too.
          parts.push(`tidyset_text_match(${p}, ?, ?) = ${f.op === 'notContains' ? 0 : 1}`);
          params.push(f.op === 'notContains' ? 'contains' : f.op, f.value);
        } else {
          const [pre, post] = like[f.op];
          if (f.op === 'startsWith' && key && f.value !== '') {
            parts.push(`${key} >= ? AND ${key} < ?`);
            params.push(f.value, f.value + '\uffff');
          }
          parts.push(`${f.op === 'notContains' ? `ifnull(${p}, '') NOT LIKE` : `${p} LIKE`} ? ESCAPE '\\'`);
          params.push(pre + escapeLike(f.value) + post);
        }
        break;
      }
      case 'blank':
        parts.push(f.blank ? `(${p} IS NULL OR ${p} = '')` : `(${p} IS NOT NULL AND ${p} <> '')`);
        break;
      case 'number': {
        const key = isNumeric(c) ? sortKey(c) : `CAST(${p} AS REAL)`;
        parts.push(`(${p} IS NOT NULL AND ${p} <> '')`);
        if (f.min !== null) {
          parts.push(`${key} >= ?`);
          params.push(f.min);
        }
        if (f.max !== null) {
          parts.push(`${key} <= ?`);
          params.push(f.max);
        }
        break;
      }
      case 'in': {
        const values = f.values.filter((v): v is string => v !== null);
        const ors: string[] = [];
        if (values.length) {
          ors.push(`${p} IN (SELECT value FROM json_each(?))`);
          params.push(JSON.stringify(values));
        }
        if (values.length < f.values.length) ors.push(`${p} IS NULL`);
        parts.push(`(${ors.join(' OR ')})`);
        break;
      }
      case 'mismatch':
        parts.push(`tidyset_misfit(${p}, ?)`);
        params.push(c.type);
        break;
      case 'rows':
        parts.push('_rid IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(f.rids));
        break;
      case 'smallClass': {
        const w = smallClassWhere(ds, f);
        parts.push(`(${w.sql})`);
        params.push(...w.params);
        break;
      }
      case 'date': {
        const key = `tidyset_date(${p})`;
        parts.push(`${key} IS NOT NULL`);
        if (f.from !== null) {
          parts.push(`${key} >= ?`);
          params.push(f.from);
        }
        if (f.to !== null) {
          parts.push(`${key} <= ?`);
          params.push(f.to);
        }
        break;
      }
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/**
 * True if a page costs a few index seeks whatever the dataset's size: no filters (their count is a
 * scan) and at most one sort key, which has its index. Anything else may scan or sort the whole table.
 */
export function isCheapPage(ws: Workspace, ds: StoredDataset, q: RowsPageIn): boolean {
  const sorts = q.sort ?? [];
  if ((q.filters ?? []).length > 0 || sorts.length > 1) return false;
  if (sorts.length === 0) return true;
  return hasIndex(conn(ws, ds).db, indexName(column(ds, sorts[0]!.column)));
}

/** A page of rows in the requested order and filter; `total` counts the filtered rows. */
export function pageRows(ws: Workspace, ds: StoredDataset, q: RowsPageIn): RowBlock {
  const c = conn(ws, ds);
  const sorts: Sort[] = q.sort ?? [];
  const filters: Filter[] = q.filters ?? [];
  const where = whereClause(ds, filters);
  const keys = sorts.map((s) => ({ expr: sortKey(column(ds, s.column)), dir: s.dir === 'desc' ? 'DESC' : 'ASC', col: column(ds, s.column) }));
  const unindexed = keys.filter((k) => !hasIndex(c.db, indexName(k.col))).map((k) => k.col.name);
  const select = selectList(ds);

  // Total (cached per data version and filter).
  const countKey = JSON.stringify(filters);
  let counted = c.counts.get(countKey);
  if (!counted || counted.version !== c.version) {
    const total = filters.length
      ? (c.db.prepare(`SELECT count(*) AS n FROM rows WHERE ${where.sql}`).get(...where.params) as { n: number }).n
      : (c.db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n;
    counted = { version: c.version, total };
    c.counts.set(countKey, counted);
  }

  // Keyset paging works on one sort key plus the row id; several sort keys page through a sorted row-id list.
  const order = keys.length ? `${keys.map((k) => `${k.expr} ${k.dir}`).join(', ')}, _rid ${keys[0]!.dir}` : '_rid ASC';
  const offsetQuery = () =>
    c.db.prepare(`SELECT _rid, ${select} FROM rows WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).raw(true)
      .all(...where.params, q.limit, q.offset) as unknown[][];
  let rows: unknown[][];
  if (keys.length === 0 && filters.length === 0 && isDense(c, counted.total)) {
    // Row ids 1…N with no gaps: the page is a range of ids.
    rows = c.db.prepare(`SELECT _rid, ${select} FROM rows WHERE _rid > ? ORDER BY _rid LIMIT ?`).raw(true).all(q.offset, q.limit) as unknown[][];
  } else if (keys.length > 1 && (q.offset >= ANCHOR_EVERY || wantsOrderTable(c, `${countKey}|${order}`))) {
    // Several sort keys: sort once into a row-id list (from the second page asked for in this order,
    // so that a first look stays a quick top-N sort), then every page is a range of it.
    const table = orderTable(c, where, order, `${countKey}|${order}`);
    rows = c.db.prepare(`SELECT r._rid, ${select.split(', ').map((p) => (p === 'NULL' ? p : `r.${p}`)).join(', ')} FROM ${table} AS o JOIN rows AS r ON r._rid = o.rid WHERE o.rowid > ? ORDER BY o.rowid LIMIT ?`)
      .raw(true).all(q.offset, q.limit) as unknown[][];
  } else if (q.offset < ANCHOR_EVERY) {
    rows = offsetQuery();
  } else {
    const key = keys[0];
    const anchors = anchorsFor(c, key?.expr ?? '_rid', where, order, `${countKey}|${order}`);
    const i = Math.min(Math.floor(q.offset / ANCHOR_EVERY), anchors.length) - 1;
    if (i < 0) rows = offsetQuery();
    else {
      const [k, rid] = anchors[i]!;
      const skip = q.offset - (i + 1) * ANCHOR_EVERY;
      rows = seekFrom(c, select, where, key ? { expr: key.expr, dir: key.dir } : null, k, rid, skip, q.limit);
    }
  }
  return {
    rids: rows.map((r) => r[0] as number),
    rows: rows.map((r) => (r.slice(1) as Array<string | null>).slice(0, ds.columns.length)),
    total: counted.total,
    unindexed,
  };
}

/** True once an order of several keys is asked for a second time (or its row-id list exists). */
function wantsOrderTable(c: Conn, cacheKey: string): boolean {
  const hit = c.orders.get(cacheKey);
  if (hit && hit.version === c.version) return true;
  const n = (c.orderRequests.get(cacheKey) ?? 0) + 1;
  c.orderRequests.set(cacheKey, n);
  if (c.orderRequests.size > 64) c.orderRequests.delete(c.orderRequests.keys().next().value as string);
  return n > 1;
}

/** The temp table of row ids in `order` under `where` (rowid = position + 1), rebuilt when the data changed. */
function orderTable(c: Conn, where: { sql: string; params: unknown[] }, order: string, cacheKey: string): string {
  const hit = c.orders.get(cacheKey);
  if (hit && hit.version === c.version) return hit.table;
  if (hit) c.db.exec(`DROP TABLE IF EXISTS ${hit.table}`);
  const table = `temp.tidyset_order_${++orderTables}`;
  c.db.prepare(`CREATE TABLE ${table} AS SELECT _rid AS rid FROM rows WHERE ${where.sql} ORDER BY ${order}`).run(...where.params);
  c.orders.set(cacheKey, { version: c.version, table });
  if (c.orders.size > 4) {
    const [oldKey, old] = c.orders.entries().next().value as [string, { table: string }];
    c.db.exec(`DROP TABLE IF EXISTS ${old.table}`);
    c.orders.delete(oldKey);
  }
  return table;
}

function isDense(c: Conn, total: number): boolean {
  const max = (c.db.prepare('SELECT max(_rid) AS m FROM rows').get() as { m: number | null }).m ?? 0;
  return max === total;
}

/**
 * Rows from the anchor (key k, row id rid) on, skipping `skip`: first the rows that tie with the anchor's
 * key (by row id), then those past it. Two index range searches; a row-value comparison would scan.
 */
function seekFrom(
  c: Conn, select: string, where: { sql: string; params: unknown[] }, key: { expr: string; dir: string } | null,
  k: unknown, rid: number, skip: number, limit: number,
): unknown[][] {
  const asc = (key?.dir ?? 'ASC') === 'ASC';
  const ridCmp = asc ? '>=' : '<=';
  if (!key) {
    return c.db.prepare(`SELECT _rid, ${select} FROM rows WHERE ${where.sql} AND _rid ${ridCmp} ? ORDER BY _rid ${asc ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`)
      .raw(true).all(...where.params, rid, limit, skip) as unknown[][];
  }
  const dir = asc ? 'ASC' : 'DESC';
  const ties = c.db.prepare(`SELECT _rid, ${select} FROM rows WHERE ${where.sql} AND ${key.expr} = ? AND _rid ${ridCmp} ? ORDER BY _rid ${dir} LIMIT ?`)
    .raw(true).all(...where.params, k, rid, skip + limit) as unknown[][];
  const out = ties.slice(skip);
  if (out.length >= limit) return out;
  const rest = c.db.prepare(`SELECT _rid, ${select} FROM rows WHERE ${where.sql} AND ${key.expr} ${asc ? '>' : '<'} ? ORDER BY ${key.expr} ${dir}, _rid ${dir} LIMIT ? OFFSET ?`)
    .raw(true).all(...where.params, k, limit - out.length, Math.max(0, skip - ties.length)) as unknown[][];
  return out.concat(rest);
}

/** The sort key and row id of every ANCHOR_EVERY-th row (positions ANCHOR_EVERY, 2·ANCHOR_EVERY, …). */
function anchorsFor(c: Conn, keyExpr: string, where: { sql: string; params: unknown[] }, order: string, cacheKey: string): Array<[unknown, number]> {
  const hit = c.anchors.get(cacheKey);
  if (hit && hit.version === c.version) return hit.keys;
  // Walk the row ids in order (an index-only scan when the sort index exists), then look up the keys.
  const rids: number[] = [];
  let n = 0;
  for (const rid of c.db.prepare(`SELECT _rid FROM rows WHERE ${where.sql} ORDER BY ${order}`).pluck().iterate(...where.params)) {
    if (++n % ANCHOR_EVERY === 1 && n > 1) rids.push(rid as number);
  }
  const keyOf = c.db.prepare(`SELECT ${keyExpr} AS k FROM rows WHERE _rid = ?`).pluck();
  const keys = rids.map((rid) => [keyOf.get(rid), rid] as [unknown, number]);
  c.anchors.set(cacheKey, { version: c.version, keys });
  if (c.anchors.size > 32) c.anchors.delete(c.anchors.keys().next().value as string);
  return keys;
}

/** Reads one cell (recipes read a row's key with it). */
export function readCell(ws: Workspace, ds: StoredDataset, rid: number, columnName: string): string | null | undefined {
  const c = conn(ws, ds);
  const row = c.db.prepare(`SELECT ${column(ds, columnName).physical} AS v FROM rows WHERE _rid = ?`).get(rid) as { v: string | null } | undefined;
  return row?.v;
}

/** Builds the sort index of a column (a job: runs in a worker with its own connection). */
export async function buildIndex(ws: Workspace, p: { dataset: string; column: string }, ctx: JobContext): Promise<{ dataset: string; column: string }> {
  const ds = ws.datasets.get(p.dataset);
  const col = column(ds, p.column);
  const db = openDb(ws.dataPath(ds.file), { mustExist: true });
  try {
    ctx.progress(0, 0, `indexing ${col.name}`);
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'index build cancelled');
    db.exec(`CREATE INDEX IF NOT EXISTS ${indexName(col)} ON rows (${sortKey(col)}, _rid)`);
    db.exec('ANALYZE');
    ctx.progress(1, 1, `indexed ${col.name}`);
  } finally {
    db.close();
  }
  return { dataset: ds.name, column: col.name };
}
