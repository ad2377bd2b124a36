// Column operations: split, merge, rename, drop, duplicate, reorder. Renames, drops and reorders
// only change the column list; new columns get physical columns of their own, kept across undo.
// Split and merge take a `where`: the new columns are filled in the matching rows and stay missing in
// the others. Rename, drop, duplicate and reorder change whole columns and take none.
import type { Op } from '../../../shared/ops/schema';
import { splitValue } from '../../../shared/ops/transforms';
import type { StoredColumn } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import { cancelTicker, col, scopeOf, type OpEnv, type RowScope } from './opEnv';
import { reinfer } from './undoLog';

export type ColumnOp = Extract<Op, { op: 'split' | 'merge' | 'rename' | 'drop' | 'duplicate' | 'reorder' }>;

/** The physical columns this operation adds: the same ones on redo, fresh ones otherwise. */
export function newPhysicals(env: OpEnv, count: number): string[] {
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

/** A new text column of this name stored in `physical`. */
export function newColumnOf(name: string, physical: string): StoredColumn {
  return { position: 0, name, originalName: name, physical, type: 'text', detail: null, description: '', unit: '' };
}

function fillNew(env: OpEnv, physicals: string[], values: (row: Array<string | null>) => Array<string | null>, sources: string[], scope: RowScope | null): void {
  const tick = cancelTicker(env);
  // One UPDATE computes every new column from the source columns; the last row's result is cached
  // so that a row's parts are computed once however many columns they fill.
  let lastKey: unknown[] | null = null;
  let lastOut: Array<string | null> = [];
  env.db.function('tidyset_part', { deterministic: true, varargs: true }, (i: unknown, ...src: unknown[]) => {
    if (!lastKey || lastKey.length !== src.length || lastKey.some((v, k) => v !== src[k])) {
      tick();
      lastKey = src;
      lastOut = values(src as Array<string | null>);
    }
    return lastOut[i as number] ?? null;
  });
  const sets = physicals.map((p, i) => `${p} = tidyset_part(${i}, ${sources.join(', ')})`).join(', ');
  env.db.prepare(`UPDATE rows SET ${sets} WHERE ${scope?.sql ?? '1'}`).run(...(scope?.params ?? []));
}

/** Under a filter the rows left out keep their values only in the original columns: those must stay. */
function keepsOriginals(scope: RowScope | null, keep: boolean, what: string): void {
  if (scope && !keep) {
    throw new TidysetError('BAD_INPUT', `${what} under a filter must keep the original column${what === 'merge' ? 's' : ''}: the rows outside the filter have their values only there`);
  }
}

/** Runs a column operation. */
export function columnOp(env: OpEnv, op: ColumnOp): void {
  if ((op.op === 'rename' || op.op === 'drop' || op.op === 'duplicate' || op.op === 'reorder') && op.where?.length) {
    throw new TidysetError('BAD_INPUT', `${op.op} changes the whole column, not some rows: remove "where"`);
  }
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
      env.columns.splice(env.columns.indexOf(c) + 1, 0, { ...newColumnOf(op.name, p), type: c.type, detail: c.detail, unit: c.unit });
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
      const scope = scopeOf(env, op.where);
      keepsOriginals(scope, op.keepOriginal, 'split');
      const parts = (v: string | null) => (v === null ? [] : splitValue(v, op.by, op.separator, op.maxParts));
      let width = op.names?.length ?? 0;
      if (!width) {
        for (const v of env.db.prepare(`SELECT ${c.physical} FROM rows WHERE ${scope?.sql ?? '1'}`).pluck().iterate(...(scope?.params ?? []))) width = Math.max(width, parts(v as string | null).length);
      }
      width = Math.max(width, 1);
      const names = Array.from({ length: width }, (_, i) => op.names?.[i] ?? `${op.column} ${i + 1}`);
      names.forEach((n) => freshName(env, n));
      const phys = newPhysicals(env, width);
      fillNew(env, phys, (src) => parts(src[0] ?? null), [c.physical], scope);
      const added = names.map((n, i) => newColumnOf(n, phys[i]!));
      env.columns.splice(env.columns.indexOf(c) + 1, 0, ...added);
      if (!op.keepOriginal) env.columns = env.columns.filter((x) => x !== c);
      for (const a of added) reinfer(env, a);
      env.detail.changed = env.rows;
      return;
    }
    case 'merge': {
      const cols = op.columns.map((n) => col(env, n));
      const scope = scopeOf(env, op.where);
      keepsOriginals(scope, op.keepOriginals, 'merge');
      freshName(env, op.name);
      const [p] = newPhysicals(env, 1) as [string];
      fillNew(env, [p], (src) => {
        const present = src.filter((v): v is string => v !== null && v !== '');
        return [present.length ? present.join(op.separator) : src.every((v) => v === null) ? null : ''];
      }, cols.map((c) => c.physical), scope);
      const merged = newColumnOf(op.name, p);
      env.columns.splice(env.columns.indexOf(cols[cols.length - 1]!) + 1, 0, merged);
      if (!op.keepOriginals) env.columns = env.columns.filter((x) => !cols.includes(x));
      reinfer(env, merged);
      env.detail.changed = env.rows;
      return;
    }
  }
}
