// Value operations (trim, case, replace, casts, … mass edit) and fill: the cells of one column — every
// row, or the rows the operation's `where` selects — rewritten through a pure transform from
// shared/ops/transforms.
//
// Fill under a filter works on the matching rows only: the empty cells it fills are theirs, the mean,
// median and most frequent value are those of their non-empty cells, and previous/next carry a value
// from the nearest matching row before/after (rows the filter leaves out are skipped, never read).
import type { Op, ValueOp } from '../../../shared/ops/schema';
import { castNumber, valueTransform } from '../../../shared/ops/transforms';
import { TidysetError } from '../errors';
import { cancelTicker, col, scopeOf, type OpEnv } from './opEnv';
import { rewriteColumn, rewriteWholeColumn, reinfer, saveCells } from './undoLog';

/** The transform of a value operation; a bad definition (an invalid regex) is the user's input error. */
export function transformOf(op: ValueOp): ReturnType<typeof valueTransform> {
  try {
    return valueTransform(op);
  } catch (e) {
    throw new TidysetError('BAD_INPUT', e instanceof Error ? e.message : String(e));
  }
}

export function valueOp(env: OpEnv, op: ValueOp): void {
  const c = col(env, op.column);
  const t = transformOf(op);
  const scope = scopeOf(env, op.where);
  if (t.failed) {
    // Counted on the values before the change: those the cast could not convert and leaves as they are.
    const failed = t.failed;
    env.db.function('tidyset_failed', { deterministic: true }, (v: unknown) => (typeof v === 'string' && failed(v) ? 1 : 0));
    env.detail.failed = (env.db.prepare(`SELECT count(*) AS n FROM rows WHERE ${scope?.sql ?? '1'} AND tidyset_failed(${c.physical})`).get(...(scope?.params ?? [])) as { n: number }).n;
  }
  rewriteWholeColumn(env, c, (v) => (v === null ? null : t.apply(v)), scope);
}

export function fill(env: OpEnv, op: Extract<Op, { op: 'fill' }>): void {
  const c = col(env, op.column);
  const p = c.physical;
  const scope = scopeOf(env, op.where);
  const inScope = scope?.sql ?? '1';
  const params = scope?.params ?? [];
  const empty = `(${p} IS NULL OR ${p} = '')`;
  if (op.method === 'previous' || op.method === 'next') {
    // Carry the nearest non-empty value in row order into each empty cell.
    const values = new Map<number, string>();
    let carry: string | null = null;
    const order = op.method === 'previous' ? 'ASC' : 'DESC';
    const tick = cancelTicker(env);
    for (const [rid, v] of env.db.prepare(`SELECT _rid, ${p} FROM rows WHERE ${inScope} ORDER BY _rid ${order}`).raw(true).iterate(...params) as IterableIterator<[number, string | null]>) {
      tick();
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
  const whose = scope ? ' in the filtered rows' : '';
  if (op.method === 'constant') value = op.value ?? '';
  else if (op.method === 'mode') {
    const top = env.db.prepare(`SELECT ${p} AS v, count(*) AS n FROM rows WHERE ${inScope} AND NOT ${empty} GROUP BY ${p} ORDER BY n DESC, ${p} LIMIT 1`).get(...params) as { v: string } | undefined;
    if (!top) throw new TidysetError('BAD_INPUT', `column ${JSON.stringify(c.name)} has no values${whose} to take the most frequent from`);
    value = top.v;
  } else {
    const nums: number[] = [];
    for (const v of env.db.prepare(`SELECT ${p} FROM rows WHERE ${inScope} AND NOT ${empty}`).pluck().iterate(...params)) {
      const n = castNumber(v as string, 'auto');
      if (n !== null) nums.push(Number(n));
    }
    if (!nums.length) throw new TidysetError('BAD_INPUT', `column ${JSON.stringify(c.name)} has no numbers${whose} to take the ${op.method} of`);
    let x: number;
    if (op.method === 'mean') x = nums.reduce((a, b) => a + b, 0) / nums.length;
    else {
      nums.sort((a, b) => a - b);
      const m = nums.length >> 1;
      x = nums.length % 2 ? nums[m]! : (nums[m - 1]! + nums[m]!) / 2;
    }
    value = String(Number(x.toPrecision(12)));
  }
  rewriteColumn(env, c, () => value, `${inScope} AND ${empty}`, false, params);
}
