// Cell rewrites that keep exactly what undo needs in the dataset file, and the undo that puts it back.
import type { Db } from '../db/open';
import type { StoredColumn } from '../db/repos/datasets';
import { TypeInferrer } from '../ingest/infer';
import { cancelTicker, type OpEnv, type RowScope } from './opEnv';

/**
 * Old cell values of small steps (a cell edit, filling a few blanks) by history step in `_undo_cells`;
 * a whole-column step keeps its own table `_undo_<seq>` (row id → old and new value), which is faster
 * to fill, to join back on undo, and to drop. `_undo_steps` says which column and table each step used.
 */
function ensureUndoTables(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _undo_cells (seq INTEGER NOT NULL, rid INTEGER NOT NULL, old TEXT, PRIMARY KEY (seq, rid)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS _undo_steps (seq INTEGER PRIMARY KEY, physical TEXT NOT NULL, tbl TEXT)`);
}

/** Records that step `env.seq` changed `physical`, and saves the old values `selectOld` yields as (seq, rid, old). */
export function saveCells(env: OpEnv, physical: string, selectOld: string, params: unknown[]): number {
  ensureUndoTables(env.db);
  env.db.prepare('INSERT OR REPLACE INTO _undo_steps (seq, physical, tbl) VALUES (?, ?, NULL)').run(env.seq, physical);
  return env.db.prepare(`INSERT INTO _undo_cells (seq, rid, old) ${selectOld}`).run(env.seq, ...params).changes;
}

/** Re-infers a column's type from its values (after its values changed). */
export function reinfer(env: OpEnv, c: StoredColumn): void {
  const inf = new TypeInferrer(1);
  for (const v of env.db.prepare(`SELECT ${c.physical} FROM rows`).pluck().iterate()) inf.addValue(0, v as string | null);
  const r = inf.results()[0]!;
  c.type = r.type;
  c.detail = r.detail;
}

/**
 * Rewrites some cells of one column through `fn` (null stays null unless fn maps it), saving their old
 * values; `where` is SQL over physical names, its values bound from `params`.
 */
export function rewriteColumn(env: OpEnv, c: StoredColumn, fn: (v: string | null) => string | null, where: string, typeStillFits = false, params: unknown[] = []): void {
  const { db, seq } = env;
  const tick = cancelTicker(env);
  db.function('tidyset_apply', { deterministic: true }, (v: unknown) => {
    tick();
    return fn(v as string | null);
  });
  const p = c.physical;
  const changed = saveCells(env, p, `SELECT ?, _rid, ${p} FROM rows WHERE ${where} AND tidyset_apply(${p}) IS NOT ${p}`, params);
  db.prepare(`UPDATE rows SET ${p} = tidyset_apply(${p}) WHERE _rid IN (SELECT rid FROM _undo_cells WHERE seq = ?)`).run(seq);
  env.detail.changed = changed;
  // A single edit whose value fits the column's type leaves the type as it is: no need to read 1M values.
  if (changed > 0 && !typeStillFits) reinfer(env, c);
}

/**
 * Rewrites every cell of one column (or those of the rows `scope` selects) through `fn` in one pass:
 * each value is transformed once, the changed ones go to the step's undo table with their new value,
 * and — over the whole column — the type is inferred from the new values on the way (no second read).
 */
export function rewriteWholeColumn(env: OpEnv, c: StoredColumn, fn: (v: string | null) => string | null, scope: RowScope | null = null): void {
  const { db, seq } = env;
  const tick = cancelTicker(env);
  const p = c.physical;
  const table = `_undo_${seq}`;
  const inferrer = new TypeInferrer(1);
  // Called twice for a changed row (filter, then value): the row id keys a one-row cache.
  let lastRid = -1;
  let lastOut: string | null = null;
  db.function('tidyset_apply_row', { deterministic: true }, (rid: unknown, v: unknown) => {
    if (rid !== lastRid) {
      tick();
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
    SELECT _rid, old, new FROM (SELECT _rid, ${p} AS old, tidyset_apply_row(_rid, ${p}) AS new FROM rows WHERE ${scope?.sql ?? '1'} ORDER BY _rid) WHERE new IS NOT old`)
    .run(...(scope?.params ?? [])).changes;
  if (changed > 0) {
    db.exec(`UPDATE rows SET ${p} = u.new FROM ${table} AS u WHERE rows._rid = u._rid`);
    // The inferrer saw the new values of the scoped rows only: the others still count.
    if (scope) reinfer(env, c);
    else {
      const r = inferrer.results()[0]!;
      c.type = r.type;
      c.detail = r.detail;
    }
  }
  env.detail.changed = changed;
}

/**
 * Saves the old values of cells in several columns that step `env.seq` is about to set, and sets them
 * (`_undo_multi_<seq>`: row id, physical column, old value); undo puts them back.
 */
export function saveCellsMulti(env: OpEnv, changes: ReadonlyArray<{ rid: number; physical: string; value: string | null }>): void {
  const table = `_undo_multi_${env.seq}`;
  env.db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (rid INTEGER NOT NULL, physical TEXT NOT NULL, old TEXT, PRIMARY KEY (rid, physical)) WITHOUT ROWID`);
  const byColumn = new Map<string, Array<{ rid: number; value: string | null }>>();
  for (const c of changes) {
    let list = byColumn.get(c.physical);
    if (!list) byColumn.set(c.physical, (list = []));
    list.push(c);
  }
  for (const [p, list] of byColumn) {
    const save = env.db.prepare(`INSERT OR REPLACE INTO ${table} (rid, physical, old) SELECT _rid, ?, ${p} FROM rows WHERE _rid = ?`);
    const set = env.db.prepare(`UPDATE rows SET ${p} = ? WHERE _rid = ?`);
    for (const c of list) {
      save.run(p, c.rid);
      set.run(c.value, c.rid);
    }
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
  const multi = `_undo_multi_${seq}`;
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(multi)) {
    for (const p of db.prepare(`SELECT DISTINCT physical FROM ${multi}`).pluck().all() as string[]) {
      if (!/^c\d+$/.test(p)) continue;
      db.prepare(`UPDATE rows SET ${p} = u.old FROM (SELECT rid, old FROM ${multi} WHERE physical = ?) AS u WHERE rows._rid = u.rid`).run(p);
    }
    db.exec(`DROP TABLE ${multi}`);
  }
  const table = `_undo_rows_${seq}`;
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) {
    const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).join(', ');
    db.exec(`INSERT INTO rows (${cols}) SELECT ${cols} FROM ${table}; DROP TABLE ${table}`);
  }
}
