// What a value operation would change, without changing anything: counted over the rows its `where`
// selects, with the counts the operation dialog shows ("applies to 1,585 filtered rows of 20,000").
import { OpSchema, type ValueOp } from '../../../shared/ops/schema';
import { openDb } from '../db/open';
import { TidysetError } from '../errors';
import { registerFunctions, whereClause } from '../rows/query';
import type { Workspace } from '../workspace';
import { transformOf } from './valueOps';

export interface Preview {
  changed: number;
  failed: number;
  samples: Array<{ rid: number; before: string | null; after: string | null }>;
  /** Rows the operation's `where` matches (every row without one). */
  matching: number;
  /** Rows of the dataset. */
  total: number;
}

const NO_PREVIEW = new Set(['fill', 'split', 'merge', 'rename', 'drop', 'duplicate', 'reorder', 'deleteRows', 'editCell']);

/** What a value operation would change: how many cells, how many would not convert, the first changes. */
export function previewOp(ws: Workspace, dataset: string, input: unknown, limit = 20): Preview {
  const r = OpSchema.safeParse(input);
  if (!r.success) throw new TidysetError('BAD_INPUT', `not a valid operation: ${r.error.issues.map((i) => `${i.path.join('.') || 'op'}: ${i.message}`).join('; ')}`);
  const op = r.data;
  if (NO_PREVIEW.has(op.op)) throw new TidysetError('BAD_INPUT', `a preview is offered for value operations; ${op.op} has none`);
  const v = op as ValueOp;
  const ds = ws.datasets.get(dataset);
  const c = ds.columns.find((x) => x.name === v.column);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(dataset)} has no column ${JSON.stringify(v.column)}`);
  const scope = whereClause(ds, v.where ?? []);
  const t = transformOf(v);
  const db = openDb(ws.dataPath(ds.file), { readonly: true, mustExist: true });
  try {
    registerFunctions(db);
    db.function('tidyset_apply', { deterministic: true }, (x: unknown) => (x === null ? null : t.apply(x as string)));
    const failed = t.failed;
    db.function('tidyset_failed', { deterministic: true }, (x: unknown) => (typeof x === 'string' && failed?.(x) ? 1 : 0));
    const p = c.physical;
    const where = `(${scope.sql})`;
    const count = (sql: string) => (db.prepare(sql).get(...scope.params) as { n: number }).n;
    const changed = count(`SELECT count(*) AS n FROM rows WHERE ${where} AND tidyset_apply(${p}) IS NOT ${p}`);
    const nFailed = failed ? count(`SELECT count(*) AS n FROM rows WHERE ${where} AND tidyset_failed(${p})`) : 0;
    const samples = (db.prepare(`SELECT _rid, ${p}, tidyset_apply(${p}) FROM rows WHERE ${where} AND tidyset_apply(${p}) IS NOT ${p} ORDER BY _rid LIMIT ?`)
      .raw(true).all(...scope.params, limit) as Array<[number, string | null, string | null]>)
      .map(([rid, before, after]) => ({ rid, before, after }));
    const total = (db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n;
    const matching = v.where?.length ? count(`SELECT count(*) AS n FROM rows WHERE ${where}`) : total;
    return { changed, failed: nFailed, samples, matching, total };
  } finally {
    db.close();
  }
}
