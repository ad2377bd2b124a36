// k-anonymity and distinct l-diversity of a dataset over chosen quasi-identifiers, on the data as it
// is and after the export actions of those columns (generalise, mask, suppress, drop): one SQL
// GROUP BY over the dataset file each, and the grid filter of the rows in classes smaller than k.
import type { Filter } from '../../../shared/api/filters';
import type { PdAction, PdKind } from '../../../shared/api/personal';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { datasetTags } from './policy';
import { registerProtectFunctions } from './sqlFunctions';

export interface KanonOptions {
  dataset: string;
  /** Quasi-identifier columns (display names); default: the columns tagged `quasi`. */
  quasi?: string[];
  /** The k to reach: classes smaller than this are reported (default 5). */
  k?: number;
  /** A sensitive column for distinct l-diversity. */
  sensitive?: string | null;
}

/** Equivalence classes of one size range. */
export interface SizeBucket {
  from: number;
  /** Inclusive; null for the open top bucket. */
  to: number | null;
  classes: number;
  rows: number;
}

export interface KanonStats {
  /** The smallest equivalence class (0 for an empty dataset). */
  k: number;
  classes: number;
  /** Rows in classes smaller than the target k, and those classes. */
  rowsBelow: number;
  classesBelow: number;
  rows: number;
  /** Distinct l-diversity: the fewest distinct sensitive values in a class (null without a sensitive column). */
  l: number | null;
  /** Classes whose rows all share one sensitive value (null without a sensitive column). */
  classesL1: number | null;
  sizes: SizeBucket[];
  /** The grid filter of the rows below k (null when there are none). */
  filter: Filter | null;
}

export interface KanonResult {
  dataset: string;
  quasi: string[];
  targetK: number;
  sensitive: string | null;
  /** The data as it is. */
  before: KanonStats;
  /** After the export actions of the quasi-identifiers (the same as before when all are keep). */
  after: KanonStats;
  /** The action of each quasi-identifier used for `after` (CLI spelling is the caller's business). */
  actions: Array<{ column: string; action: PdAction | null }>;
}

const BUCKETS: Array<[number, number | null]> = [[1, 1], [2, 2], [3, 4], [5, 9], [10, 19], [20, 49], [50, 99], [100, 999], [1000, null]];

export type SmallClassFilter = Extract<Filter, { kind: 'smallClass' }>;

function col(ds: StoredDataset, name: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}

/**
 * The GROUP BY key expressions of the quasi-identifiers under their actions (bound parameters in
 * `params`); a dropped or suppressed column is constant and leaves the key.
 */
export function classKeys(ds: StoredDataset, f: Pick<SmallClassFilter, 'columns' | 'actions' | 'kinds'>): { exprs: string[]; params: unknown[] } {
  const exprs: string[] = [];
  const params: unknown[] = [];
  for (const name of f.columns) {
    const c = col(ds, name);
    const a = f.actions?.[name];
    if (!a || a.action === 'keep') exprs.push(c.physical);
    else if (a.action === 'drop' || a.action === 'suppress') continue;
    else {
      exprs.push(`tidyset_protect(${c.physical}, ?, ?)`);
      params.push(JSON.stringify(a), f.kinds?.[name] ?? null);
    }
  }
  return { exprs, params };
}

/** The WHERE clause of a smallClass filter: rows whose class (under the actions) has fewer than k rows. */
export function smallClassWhere(ds: StoredDataset, f: SmallClassFilter): { sql: string; params: unknown[] } {
  const { exprs, params } = classKeys(ds, f);
  if (exprs.length === 0) return { sql: '(SELECT count(*) FROM rows) < ?', params: [f.k] };
  // json_array keys a class in one value and keeps NULL apart from the text "null".
  const key = `json_array(${exprs.join(', ')})`;
  return { sql: `${key} IN (SELECT ${key} FROM rows GROUP BY ${exprs.join(', ')} HAVING count(*) < ?)`, params: [...params, ...params, f.k] };
}

interface SizeRow { n: number; c: number; lmin: number | null; l1: number | null }

function stats(ds: StoredDataset, db: ReturnType<typeof openDataset>, f: SmallClassFilter, sensitive: StoredColumn | null): KanonStats {
  const { exprs, params } = classKeys(ds, f);
  const lExpr = sensitive ? `, count(DISTINCT ${sensitive.physical}) AS l` : '';
  const inner = exprs.length
    ? `SELECT count(*) AS n${lExpr} FROM rows GROUP BY ${exprs.join(', ')}`
    : `SELECT count(*) AS n${lExpr} FROM rows HAVING count(*) > 0`;
  const outer = `SELECT n, count(*) AS c${sensitive ? ', min(l) AS lmin, sum(l < 2) AS l1' : ', NULL AS lmin, NULL AS l1'} FROM (${inner}) GROUP BY n ORDER BY n`;
  const rows = db.prepare(outer).all(...params) as SizeRow[];
  let classes = 0;
  let total = 0;
  let rowsBelow = 0;
  let classesBelow = 0;
  let l: number | null = sensitive ? Infinity : null;
  let l1: number | null = sensitive ? 0 : null;
  const sizes: SizeBucket[] = BUCKETS.map(([from, to]) => ({ from, to, classes: 0, rows: 0 }));
  for (const r of rows) {
    classes += r.c;
    total += r.n * r.c;
    if (r.n < f.k) {
      rowsBelow += r.n * r.c;
      classesBelow += r.c;
    }
    if (l !== null && r.lmin !== null) l = Math.min(l, r.lmin);
    if (l1 !== null) l1 += r.l1 ?? 0;
    const b = sizes.find((s) => r.n >= s.from && (s.to === null || r.n <= s.to))!;
    b.classes += r.c;
    b.rows += r.n * r.c;
  }
  if (l === Infinity) l = 0;
  return { k: rows[0]?.n ?? 0, classes, rowsBelow, classesBelow, rows: total, l, classesL1: l1, sizes, filter: rowsBelow > 0 ? f : null };
}

/** The columns tagged as quasi-identifiers, in column order: the suggestion for `quasi`. */
export function suggestedQuasi(ws: Workspace, ds: StoredDataset): string[] {
  const quasi = new Set(datasetTags(ws, ds).filter((t) => t.category === 'quasi').map((t) => t.column));
  return ds.columns.filter((c) => quasi.has(c.name)).map((c) => c.name);
}

/** k-anonymity and l-diversity before and after the quasi-identifiers' export actions. */
export function kAnonymity(ws: Workspace, opts: KanonOptions): KanonResult {
  const ds = ws.datasets.get(opts.dataset);
  const quasi = opts.quasi && opts.quasi.length ? opts.quasi : suggestedQuasi(ws, ds);
  if (quasi.length === 0) throw new TidysetError('BAD_INPUT', `choose the quasi-identifiers of dataset ${JSON.stringify(ds.name)} (--quasi col1,col2); none is tagged quasi`);
  if (new Set(quasi).size !== quasi.length) throw new TidysetError('BAD_INPUT', 'a quasi-identifier is listed twice');
  if (quasi.length > 16) throw new TidysetError('BAD_INPUT', 'at most 16 quasi-identifiers');
  quasi.forEach((q) => col(ds, q));
  const k = opts.k ?? 5;
  if (!Number.isInteger(k) || k < 1) throw new TidysetError('BAD_INPUT', `k must be a whole number ≥ 1, got ${k}`);
  const sensitive = opts.sensitive ? col(ds, opts.sensitive) : null;
  if (sensitive && quasi.includes(sensitive.name)) throw new TidysetError('BAD_INPUT', `the sensitive column ${JSON.stringify(sensitive.name)} is also a quasi-identifier`);

  const tags = new Map(datasetTags(ws, ds).map((t) => [t.column, t]));
  const actions: Record<string, PdAction> = {};
  const kinds: Record<string, PdKind> = {};
  for (const q of quasi) {
    const t = tags.get(q);
    if (t?.action && t.action.action !== 'keep') actions[q] = t.action;
    if (t) kinds[q] = t.kind;
  }
  const base: SmallClassFilter = { kind: 'smallClass', column: quasi[0]!, columns: quasi, k };
  const db = openDataset(ws, ds);
  try {
    registerProtectFunctions(db);
    // GROUP BY over many distinct classes sorts: let the sorter use a helper thread and more memory.
    db.pragma('threads = 2');
    db.pragma('cache_size = -65536');
    const before = stats(ds, db, base, sensitive);
    const generalised = Object.keys(actions).length > 0;
    const after = generalised ? stats(ds, db, { ...base, actions, kinds }, sensitive) : before;
    return {
      dataset: ds.name, quasi, targetK: k, sensitive: sensitive?.name ?? null, before, after,
      actions: quasi.map((q) => ({ column: q, action: tags.get(q)?.action ?? null })),
    };
  } finally {
    db.close();
  }
}
