// Row operations: deleting the rows that match filters (kept whole for undo) and editing one cell.
import type { Op } from '../../../shared/ops/schema';
import { TidysetError } from '../errors';
import { valueFitsType } from '../ingest/infer';
import { whereClause } from '../rows/query';
import { col, type OpEnv } from './opEnv';
import { rewriteColumn } from './undoLog';

export type RowOp = Extract<Op, { op: 'deleteRows' | 'editCell' }>;

/** Runs a row operation. */
export function rowOp(env: OpEnv, op: RowOp): void {
  switch (op.op) {
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
