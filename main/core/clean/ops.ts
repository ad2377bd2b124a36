// The operations themselves: each changes a dataset file's rows and the column list, and leaves in
// the file exactly what undo needs (old cell values, deleted rows); structural changes are mappings.
import type { Op, ValueOp } from '../../../shared/ops/schema';
import { splitValue, valueTransform, castNumber } from '../../../shared/ops/transforms';
import type { Db } from '../db/open';
import type { OpDetail } from '../db/repos/history';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { TypeInferrer, valueFitsType } from '../ingest/infer';
import { whereClause } from '../rows/query';

export interface OpEnv {
  db: Db;
  ds: StoredDataset;
  /** The column list being changed into the one after the operation. */
  columns: StoredColumn[];
  seq: number;
  detail: OpDetail;
  /** What the same operation produced before (on redo): reuse its physical columns. */
  prior: OpDetail | null;
  /** Rows of the dataset before the operation; the operation sets `rows` to the count after it. */
  rows: number;
  /** Replaying a recipe: an edited cell is found by its key column, not its row id. */
  byKey: boolean;
}

/** The transform of a value operation; a bad definition (an invalid regex) is the user's input error. */
export function transformOf(op: ValueOp): ReturnType<typeof valueTransform> {
  try {
    return valueTransform(op);
  } catch (e) {
    throw new TidysetError('BAD_INPUT', e instanceof Error ? e.message : String(e));
  }
}

export function col(env: OpEnv, name: string): StoredColumn {
  const c = env.columns.find((x) => x.name === name);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(env.ds.name)} has no column ${JSON.stringify(name)}`);
  return c;
}

/**
 * Old cell values of small steps (a cell edit, filling a few blanks) by history step in `_undo_cells`;
 * a whole-column step keeps its own table `_undo_<seq>` (row id → old and new value), which is faster
 * to fill, to join back on undo, and to drop. `_undo_steps` says which column and table each step used.
 */
function ensureUndoTables(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _undo_cells (seq INTEGER NOT NULL, rid INTEGER NOT NULL, old TEXT, PRIMARY KEY (seq, rid)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS _undo_steps (seq INTEGER PRIMARY KEY, physical TEXT NOT NULL, tbl TEXT)`);
}

function saveCells(env: OpEnv, physical: string, selectOld: string, params: unknown[]): number {
  ensureUndoTables(env.db);
  env.db.prepare('INSERT OR REPLACE INTO _undo_steps (seq, physical, tbl) VALUES (?, ?, NULL)').run(env.seq, physical);
  return env.db.prepare(`INSERT INTO _undo_cells (seq, rid, old) ${selectOld}`).run(env.seq, ...params).changes;
}

/** Re-infers a column's type from its values (after its values changed). */
function reinfer(env: OpEnv, c: StoredColumn): void {
  const inf = new TypeInferrer(1);
  for (const v of env.db.prepare(`SELECT ${c.physical} FROM rows`).pluck().iterate()) inf.addValue(0, v as string | null);
  const r = inf.results()[0]!;
  c.type = r.type;
  c.detail = r.detail;
}

/** Rewrites some cells of one column through `fn` (null stays null unless fn maps it), saving their old values. */
function rewriteColumn(env: OpEnv, c: StoredColumn, fn: (v: string | null) => string | null, where: string, typeStillFits = false): void {
  const { db, seq } = env;
  db.function('tidyset_apply', { deterministic: true }, (v: unknown) => fn(v as string | null));
  const p = c.physical;
  const changed = saveCells(env, p, `SELECT ?, _rid, ${p} FROM rows WHERE ${where} AND tidyset_apply(${p}) IS NOT ${p}`, []);
  db.prepare(`UPDATE rows SET ${p} = tidyset_apply(${p}) WHERE _rid IN (SELECT rid FROM _undo_cells WHERE seq = ?)`).run(seq);
  env.detail.changed = changed;
  // A single edit whose value fits the column's type leaves the type as it is: no need to read 1M values.
  if (changed > 0 && !typeStillFits) reinfer(env, c);
}

/**
 * Rewrites every cell of one column through `fn` in one pass: each value is transformed once, the
 * changed ones go to the step's undo table with their new value, and the column's type is inferred
 * from the new values on the way (no second read of the column).
 */
function rewriteWholeColumn(env: OpEnv, c: StoredColumn, fn: (v: string | null) => string | null): void {
  const { db, seq } = env;
  const p = c.physical;
  const table = `_undo_${seq}`;
  const inferrer = new TypeInferrer(1);
  // Called twice for a changed row (filter, then value): the row id keys a one-row cache.
  let lastRid = -1;
  let lastOut: string | null = null;
  db.function('tidyset_apply_row', { deterministic: true }, (rid: unknown, v: unknown) => {
    if (rid !== lastRid) {
      lastRid = rid as number;
      lastOut = fn(v as string | null);
      inferrer.addValue(0, lastOut);
    }
    return lastOut;
  });
  ensureUndoTables(db);
  db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (_rid INTEGER PRIMARY KEY, old TEXT, new TEXT)`);
  db.prepare('INSERT OR REPLACE INTO _undo_steps (seq, physical, tbl) VALUES (?, ?, ?)').run(seq, p, table);
  const changed = db.prepare(`INSERT INTO ${table} (_rid, old, new)
    SELECT _rid, old, new FROM (SELECT _rid, ${p} AS old, tidyset_apply_row(_rid, ${p}) AS new FROM rows ORDER BY _rid) WHERE new IS NOT old`).run().changes;
  if (changed > 0) {
    db.exec(`UPDATE rows SET ${p} = u.new FROM ${table} AS u WHERE rows._rid = u._rid`);
    const r = inferrer.results()[0]!;
    c.type = r.type;
    c.detail = r.detail;
  }
  env.detail.changed = changed;
}

function valueOp(env: OpEnv, op: ValueOp): void {
  const c = col(env, op.column);
  const t = transformOf(op);
  if (t.failed) {
    // Counted on the values before the change: those the cast could not convert and leaves as they are.
    const failed = t.failed;
    env.db.function('tidyset_failed', { deterministic: true }, (v: unknown) => (typeof v === 'string' && failed(v) ? 1 : 0));
    env.detail.failed = (env.db.prepare(`SELECT count(*) AS n FROM rows WHERE tidyset_failed(${c.physical})`).get() as { n: number }).n;
  }
  rewriteWholeColumn(env, c, (v) => (v === null ? null : t.apply(v)));
}

function fill(env: OpEnv, op: Extract<Op, { op: 'fill' }>): void {
  const c = col(env, op.column);
  const p = c.physical;
  const empty = `(${p} IS NULL OR ${p} = '')`;
  if (op.method === 'previous' || op.method === 'next') {
    // Carry the nearest non-empty value in row order into each empty cell.
    const values = new Map<number, string>();
    let carry: string | null = null;
    const order = op.method === 'previous' ? 'ASC' : 'DESC';
    for (const [rid, v] of env.db.prepare(`SELECT _rid, ${p} FROM rows ORDER BY _rid ${order}`).raw(true).iterate() as IterableIterator<[number, string | null]>) {
      if (v === null || v === '') {
        if (carry !== null) values.set(rid, carry);
      } else carry = v;
    }
    env.db.function('tidyset_rid_value', { deterministic: true }, (rid: unknown) => values.get(rid as number) ?? null);
    const changed = saveCells(env, p, `SELECT ?, _rid, ${p} FROM rows WHERE ${empty} AND tidyset_rid_value(_rid) IS NOT NULL`, []);
    env.db.prepare(`UPDATE rows SET ${p} = tidyset_rid_value(_rid) WHERE _rid IN (SELECT rid FROM _undo_cells WHERE seq = ?)`).run(env.seq);
    env.detail.changed = changed;
    if (changed) reinfer(env, c);
    return;
  }
  let value: string;
  if (op.method === 'constant') value = op.value ?? '';
  else if (op.method === 'mode') {
    const top = env.db.prepare(`SELECT ${p} AS v, count(*) AS n FROM rows WHERE NOT ${empty} GROUP BY ${p} ORDER BY n DESC, ${p} LIMIT 1`).get() as { v: string } | undefined;
    if (!top) throw new TidysetError('BAD_INPUT', `column ${JSON.stringify(c.name)} has no values to take the most frequent from`);
    value = top.v;
  } else {
    const nums: number[] = [];
    for (const v of env.db.prepare(`SELECT ${p} FROM rows WHERE NOT ${empty}`).pluck().iterate()) {
      const n = castNumber(v as string, 'auto');
      if (n !== null) nums.push(Number(n));
    }
    if (!nums.length) throw new TidysetError('BAD_INPUT', `column ${JSON.stringify(c.name)} has no numbers to take the ${op.method} of`);
    let x: number;
    if (op.method === 'mean') x = nums.reduce((a, b) => a + b, 0) / nums.length;
    else {
      nums.sort((a, b) => a - b);
      const m = nums.length >> 1;
      x = nums.length % 2 ? nums[m]! : (nums[m - 1]! + nums[m]!) / 2;
    }
    value = String(Number(x.toPrecision(12)));
  }
  rewriteColumn(env, c, () => value, empty);
}

/** The physical columns this operation adds: the same ones on redo, fresh ones otherwise. */
function newPhysicals(env: OpEnv, count: number): string[] {
  const existing = new Set((env.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('rows') as string[]));
  const out: string[] = [];
  const prior = env.prior?.physicals ?? [];
  let next = Math.max(0, ...[...existing].map((n) => (/^c(\d+)$/.exec(n) ? Number(n.slice(1)) : 0))) + 1;
  for (let i = 0; i < count; i++) {
    let p = prior[i];
    if (!p) p = `c${next++}`;
    if (!existing.has(p)) {
      env.db.exec(`ALTER TABLE rows ADD COLUMN ${p} TEXT`);
      existing.add(p);
    }
    out.push(p);
  }
  env.detail.physicals = out;
  return out;
}

function freshName(env: OpEnv, name: string): void {
  if (env.columns.some((c) => c.name === name)) throw new TidysetError('ALREADY_EXISTS', `dataset ${JSON.stringify(env.ds.name)} already has a column ${JSON.stringify(name)}`);
}

function newColumn(name: string, physical: string): StoredColumn {
  return { position: 0, name, originalName: name, physical, type: 'text', detail: null, description: '', unit: '' };
}

function fillNew(env: OpEnv, physicals: string[], values: (row: Array<string | null>) => Array<string | null>, sources: string[]): void {
  // One UPDATE computes every new column from the source columns; the last row's result is cached
  // so that a row's parts are computed once however many columns they fill.
  let lastKey: unknown[] | null = null;
  let lastOut: Array<string | null> = [];
  env.db.function('tidyset_part', { deterministic: true, varargs: true }, (i: unknown, ...src: unknown[]) => {
    if (!lastKey || lastKey.length !== src.length || lastKey.some((v, k) => v !== src[k])) {
      lastKey = src;
      lastOut = values(src as Array<string | null>);
    }
    return lastOut[i as number] ?? null;
  });
  const sets = physicals.map((p, i) => `${p} = tidyset_part(${i}, ${sources.join(', ')})`).join(', ');
  env.db.exec(`UPDATE rows SET ${sets}`);
}

function structural(env: OpEnv, op: Exclude<Op, ValueOp | { op: 'fill' }>): void {
  switch (op.op) {
    case 'rename': {
      const c = col(env, op.column);
      if (op.to !== op.column) freshName(env, op.to);
      c.name = op.to;
      env.detail.changed = 1;
      return;
    }
    case 'drop':
      col(env, op.column);
      env.columns = env.columns.filter((c) => c.name !== op.column);
      env.detail.changed = 1;
      return;
    case 'duplicate': {
      const c = col(env, op.column);
      freshName(env, op.name);
      const [p] = newPhysicals(env, 1) as [string];
      env.db.exec(`UPDATE rows SET ${p} = ${c.physical}`);
      env.columns.splice(env.columns.indexOf(c) + 1, 0, { ...newColumn(op.name, p), type: c.type, detail: c.detail, unit: c.unit });
      env.detail.changed = env.rows;
      return;
    }
    case 'reorder': {
      for (const n of op.columns) col(env, n);
      const named = op.columns.map((n) => col(env, n));
      env.columns = [...named, ...env.columns.filter((c) => !op.columns.includes(c.name))];
      env.detail.changed = 1;
      return;
    }
    case 'split': {
      const c = col(env, op.column);
      const parts = (v: string | null) => (v === null ? [] : splitValue(v, op.by, op.separator, op.maxParts));
      let width = op.names?.length ?? 0;
      if (!width) for (const v of env.db.prepare(`SELECT ${c.physical} FROM rows`).pluck().iterate()) width = Math.max(width, parts(v as string | null).length);
      width = Math.max(width, 1);
      const names = Array.from({ length: width }, (_, i) => op.names?.[i] ?? `${op.column} ${i + 1}`);
      names.forEach((n) => freshName(env, n));
      const phys = newPhysicals(env, width);
      fillNew(env, phys, (src) => parts(src[0] ?? null), [c.physical]);
      const added = names.map((n, i) => newColumn(n, phys[i]!));
      env.columns.splice(env.columns.indexOf(c) + 1, 0, ...added);
      if (!op.keepOriginal) env.columns = env.columns.filter((x) => x !== c);
      for (const a of added) reinfer(env, a);
      env.detail.changed = env.rows;
      return;
    }
    case 'merge': {
      const cols = op.columns.map((n) => col(env, n));
      freshName(env, op.name);
      const [p] = newPhysicals(env, 1) as [string];
      fillNew(env, [p], (src) => {
        const present = src.filter((v): v is string => v !== null && v !== '');
        return [present.length ? present.join(op.separator) : src.every((v) => v === null) ? null : ''];
      }, cols.map((c) => c.physical));
      const merged = newColumn(op.name, p);
      env.columns.splice(env.columns.indexOf(cols[cols.length - 1]!) + 1, 0, merged);
      if (!op.keepOriginals) env.columns = env.columns.filter((x) => !cols.includes(x));
      reinfer(env, merged);
      env.detail.changed = env.rows;
      return;
    }
    case 'deleteRows': {
      const where = whereClause({ ...env.ds, columns: env.columns }, op.filters);
      env.db.exec(`DROP TABLE IF EXISTS _undo_rows_${env.seq}`);
      env.db.prepare(`CREATE TABLE _undo_rows_${env.seq} AS SELECT * FROM rows WHERE ${where.sql}`).run(...where.params);
      const del = env.db.prepare(`DELETE FROM rows WHERE _rid IN (SELECT _rid FROM _undo_rows_${env.seq})`).run();
      env.detail.changed = del.changes;
      env.rows -= del.changes;
      return;
    }
    case 'editCell': {
      const c = col(env, op.column);
      let rid = op.rid;
      if (env.byKey) {
        if (!op.key) throw new TidysetError('BAD_INPUT', `the cell edit of row ${op.rid} has no row key, so it cannot be replayed on another dataset`);
        const k = col(env, op.key.column);
        const rids = env.db.prepare(`SELECT _rid FROM rows WHERE ${k.physical} IS ? LIMIT 2`).pluck().all(op.key.value) as number[];
        if (rids.length !== 1) {
          throw new TidysetError('NOT_FOUND', `row key ${op.key.column} = ${JSON.stringify(op.key.value)} matches ${rids.length === 0 ? 'no row' : 'more than one row'} in ${JSON.stringify(env.ds.name)}`);
        }
        rid = rids[0]!;
      } else if (!env.db.prepare('SELECT 1 FROM rows WHERE _rid = ?').get(rid)) {
        throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(env.ds.name)} has no row ${rid}`);
      }
      rewriteColumn(env, c, () => op.value, `_rid = ${Number(rid)}`, op.value === null || op.value === '' || valueFitsType(op.value, c.type));
      return;
    }
  }
}

/** Runs one operation inside the caller's transaction on the dataset file. */
export function runOp(env: OpEnv, op: Op): void {
  switch (op.op) {
    case 'fill':
      return fill(env, op);
    case 'split': case 'merge': case 'rename': case 'drop': case 'duplicate': case 'reorder': case 'deleteRows': case 'editCell':
      return structural(env, op);
    default:
      return valueOp(env, op);
  }
}

/** Reverts the data a history step changed, from what it saved in the file (cells or rows). */
export function undoData(db: Db, seq: number): void {
  const hasSteps = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_undo_steps'").get();
  const step = hasSteps ? (db.prepare('SELECT physical, tbl FROM _undo_steps WHERE seq = ?').get(seq) as { physical: string; tbl: string | null } | undefined) : undefined;
  if (step?.tbl) {
    db.exec(`UPDATE rows SET ${step.physical} = u.old FROM ${step.tbl} AS u WHERE rows._rid = u._rid; DROP TABLE ${step.tbl}`);
  } else if (step) {
    db.prepare(`UPDATE rows SET ${step.physical} = u.old FROM (SELECT rid, old FROM _undo_cells WHERE seq = ?) AS u WHERE rows._rid = u.rid`).run(seq);
    db.prepare('DELETE FROM _undo_cells WHERE seq = ?').run(seq);
  }
  if (step) db.prepare('DELETE FROM _undo_steps WHERE seq = ?').run(seq);
  const table = `_undo_rows_${seq}`;
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) {
    const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).join(', ');
    db.exec(`INSERT INTO rows (${cols}) SELECT ${cols} FROM ${table}; DROP TABLE ${table}`);
  }
}
