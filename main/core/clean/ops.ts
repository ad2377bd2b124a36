// Runs an operation by its family (value, column, row); each leaves in the dataset file exactly what
// undo needs (old cell values, deleted rows), and structural changes are column-list mappings.
import type { Op } from '../../../shared/ops/schema';
import { columnOp } from './columnOps';
import type { OpEnv } from './opEnv';
import { rowOp } from './rowOps';
import { dedupeOp, linkKeyOp } from '../dedupe/resolve';
import { fill, valueOp } from './valueOps';

export type { OpEnv } from './opEnv';
export { transformOf } from './valueOps';
export { undoData } from './undoLog';

/** Runs one operation inside the caller's transaction on the dataset file. */
export function runOp(env: OpEnv, op: Op): void {
  switch (op.op) {
    case 'fill':
      return fill(env, op);
    case 'split': case 'merge': case 'rename': case 'drop': case 'duplicate': case 'reorder':
      return columnOp(env, op);
    case 'deleteRows': case 'editCell':
      return rowOp(env, op);
    case 'dedupe':
      return dedupeOp(env, op, env.ws);
    case 'linkKey':
      return linkKeyOp(env, op, env.ws);
    default:
      return valueOp(env, op);
  }
}
