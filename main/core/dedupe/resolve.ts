// The history steps that resolve a result: a cluster-id column, one surviving record per cluster
// (survivorship per column), or the linked record's key from another dataset. While the dataset is as
// the stored result saw it the step takes the result's clusters (with the review's labels); otherwise
// — a recipe replayed elsewhere, or data changed since — it recomputes them with the step's model.
import type { z } from 'zod';
import type { SurvivorRule } from '../../../shared/api/dedupe';
import type { DedupeOpSchema, LinkKeyOpSchema } from '../../../shared/ops/dedupe';
import type { StoredColumn } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { OpEnv } from '../clean/opEnv';
import { col } from '../clean/opEnv';
import { newColumnOf, newPhysicals } from '../clean/columnOps';
import { saveCellsMulti } from '../clean/undoLog';
import { clusterPairs, oneToOne } from './cluster';
import { loadRecords } from './records';
import { run, probability, type RecordSet } from './run';
import { clustersAt, linkPairsAt } from './review';
import { isCurrent, ResultStore } from './store';
import { readDays } from './compare';
import { columnsB } from './jobs';
import type { Workspace } from '../workspace';

type DedupeOp = z.infer<typeof DedupeOpSchema>;
type LinkKeyOp = z.infer<typeof LinkKeyOpSchema>;

const quiet = (env: OpEnv) => ({ progress: () => undefined, isCancelled: () => env.isCancelled?.() ?? false });

/** The compared columns' values of every row of the dataset being changed, read in its own transaction. */
function recordsOf(env: OpEnv, columns: StoredColumn[]): RecordSet & { rids: Int32Array } {
  const rows = env.db.prepare(`SELECT _rid${columns.map((c) => `, ${c.physical}`).join('')} FROM rows ORDER BY _rid`).raw(true).all() as unknown[][];
  return { rids: Int32Array.from(rows, (r) => r[0] as number), values: columns.map((_, k) => rows.map((r) => r[k + 1] as string | null)) };
}

/** A stored result usable for this step: named by it, of this dataset, and still current. */
function currentResult(ws: Workspace | undefined, env: OpEnv, id: string | undefined): ResultStore | null {
  if (!ws || !id || env.byKey) return null;
  try {
    const r = new ResultStore(ws, id);
    if (r.meta.dataset === env.ds.name && isCurrent(ws, r.meta)) return r;
    r.close();
  } catch {
    // Deleted or unreadable: recompute.
  }
  return null;
}

/** The clusters (row-id groups of two or more) the step resolves. */
function clustersOf(ws: Workspace | undefined, env: OpEnv, op: DedupeOp): number[][] {
  const stored = currentResult(ws, env, op.result);
  if (stored) {
    try {
      return clustersAt(stored, op.threshold);
    } finally {
      stored.close();
    }
  }
  const recs = recordsOf(env, op.config.comparisons.map((c) => col(env, c.column)));
  if (recs.rids.length < 2) return [];
  const out = run(op.config, recs, undefined, quiet(env), op.model);
  const index = new Map<number, number>();
  recs.rids.forEach((rid, i) => index.set(rid, i));
  // The reviewer's decisions name rows of the dataset they were made on; replayed elsewhere they do not apply.
  const decisions = env.byKey || op.origin !== env.ds.name ? [] : op.decisions.filter((d) => index.has(d.a) && index.has(d.b)).map((d) => ({ a: index.get(d.a)!, b: index.get(d.b)!, match: d.match }));
  const c = clusterPairs(out.n, out.a, out.b, out.logOdds.map(probability), op.threshold, op.config.maxClusterSize, decisions);
  const groups = new Map<number, number[]>();
  c.clusterOf.forEach((cl, i) => {
    if (cl < 0) return;
    let g = groups.get(cl);
    if (!g) groups.set(cl, (g = []));
    g.push(recs.rids[i]!);
  });
  return [...groups.values()];
}

/** Fills a new physical column from a row-id → value map (other rows stay missing). */
function fillColumn(env: OpEnv, physical: string, values: Map<number, string>): void {
  env.db.exec('CREATE TEMP TABLE IF NOT EXISTS _dd_fill (rid INTEGER PRIMARY KEY, v TEXT); DELETE FROM _dd_fill');
  const ins = env.db.prepare('INSERT INTO _dd_fill (rid, v) VALUES (?, ?)');
  for (const [rid, v] of values) ins.run(rid, v);
  env.db.exec(`UPDATE rows SET ${physical} = NULL; UPDATE rows SET ${physical} = f.v FROM _dd_fill AS f WHERE rows._rid = f.rid; DROP TABLE _dd_fill`);
}

function addNamedColumn(env: OpEnv, name: string, values: Map<number, string>, after?: StoredColumn): void {
  if (env.columns.some((c) => c.name === name)) throw new TidysetError('ALREADY_EXISTS', `dataset ${JSON.stringify(env.ds.name)} already has a column ${JSON.stringify(name)}`);
  const [p] = newPhysicals(env, 1) as [string];
  fillColumn(env, p, values);
  const c = newColumnOf(name, p);
  env.columns.splice(after ? env.columns.indexOf(after) + 1 : env.columns.length, 0, c);
  env.detail.changed = values.size;
}

/** Runs a `dedupe` step. */
export function dedupeOp(env: OpEnv, op: DedupeOp, ws?: Workspace): void {
  for (const c of op.config.comparisons) col(env, c.column);
  const clusters = clustersOf(ws, env, op).map((g) => [...g].sort((x, y) => x - y));
  if (op.action === 'addColumn') {
    // Every record gets an id: its cluster's smallest row id (its own for a record in no cluster), so that
    // a split keeping the ids' groups together keeps each cluster together and every other record apart.
    const ids = new Map<number, string>();
    for (const rid of env.db.prepare('SELECT _rid FROM rows').pluck().iterate() as Iterable<number>) ids.set(rid, String(rid));
    for (const g of clusters) for (const rid of g) ids.set(rid, String(g[0]));
    addNamedColumn(env, op.name, ids);
    env.detail.changed = clusters.reduce((s, g) => s + g.length, 0);
    return;
  }
  keepOne(env, op.rules, clusters);
}

/** The value a rule picks from a cluster's values (rid order), or undefined to keep the survivor's. */
function survivorValue(rule: SurvivorRule, values: Array<string | null>, dates: Array<string | null>): string | null | undefined {
  const present = values.filter((v): v is string => v !== null && v.trim() !== '');
  if (!present.length) return undefined;
  switch (rule.rule) {
    case 'firstNonEmpty':
      return present[0];
    case 'longest':
      return present.reduce((best, v) => (v.length > best.length ? v : best));
    case 'mostFrequent': {
      const counts = new Map<string, number>();
      for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
      let best = present[0]!;
      for (const v of present) if (counts.get(v)! > counts.get(best)!) best = v;
      return best;
    }
    case 'mostRecent': {
      let best: string | null | undefined = undefined;
      let bestDay = -Infinity;
      values.forEach((v, k) => {
        const d = dates[k] ? readDays(dates[k]!.trim()) : NaN;
        if (v !== null && v.trim() !== '' && !Number.isNaN(d) && d > bestDay) [best, bestDay] = [v, d];
      });
      return best;
    }
  }
}

/** Keeps each cluster's first record (smallest row id), its columns set by the rules, and deletes the others. */
function keepOne(env: OpEnv, rules: SurvivorRule[], clusters: number[][]): void {
  const ruled = rules.map((r) => {
    if (r.rule === 'mostRecent' && !r.by) throw new TidysetError('BAD_INPUT', `the "mostRecent" rule of column ${JSON.stringify(r.column)} needs "by": the date column that says which record is the most recent`);
    return { rule: r, c: col(env, r.column), by: r.by ? col(env, r.by) : null };
  });
  const changes: Array<{ rid: number; physical: string; value: string | null }> = [];
  const del: number[] = [];
  for (const g of clusters) {
    const survivor = g[0]!;
    del.push(...g.slice(1));
    for (const { rule, c, by } of ruled) {
      const sel = env.db.prepare(`SELECT ${c.physical} AS v, ${by ? by.physical : 'NULL'} AS d FROM rows WHERE _rid = ?`);
      const rows = g.map((rid) => sel.get(rid) as { v: string | null; d: string | null });
      const v = survivorValue(rule, rows.map((r) => r.v), rows.map((r) => r.d));
      if (v !== undefined && v !== rows[0]!.v) changes.push({ rid: survivor, physical: c.physical, value: v });
    }
  }
  saveCellsMulti(env, changes);
  const seq = env.seq;
  env.db.exec(`DROP TABLE IF EXISTS _undo_rows_${seq}; CREATE TEMP TABLE _dd_del (rid INTEGER PRIMARY KEY)`);
  const ins = env.db.prepare('INSERT OR IGNORE INTO _dd_del (rid) VALUES (?)');
  for (const rid of del) ins.run(rid);
  env.db.exec(`CREATE TABLE _undo_rows_${seq} AS SELECT * FROM rows WHERE _rid IN (SELECT rid FROM _dd_del)`);
  const n = env.db.prepare('DELETE FROM rows WHERE _rid IN (SELECT rid FROM _dd_del)').run().changes;
  env.db.exec('DROP TABLE _dd_del');
  env.rows -= n;
  env.detail.changed = n;
}

/** Runs a `linkKey` step: B's key of each linked record lands in a new column of this dataset. */
export function linkKeyOp(env: OpEnv, op: LinkKeyOp, ws?: Workspace): void {
  if (!ws) throw new TidysetError('INTERNAL', 'a link step needs the workspace');
  for (const c of op.config.comparisons) col(env, c.column);
  const dsB = ws.datasets.get(op.other);
  let pairs: Array<{ a: number; b: number }>;
  const stored = currentResult(ws, env, op.result);
  if (stored) {
    try {
      pairs = linkPairsAt(stored, op.threshold);
    } finally {
      stored.close();
    }
  } else {
    const a = recordsOf(env, op.config.comparisons.map((c) => col(env, c.column)));
    const b = loadRecords(ws, dsB, columnsB(op.config));
    const out = run(op.config, a, b, quiet(env), op.model);
    const p = out.logOdds.map(probability);
    const kept = op.config.oneToOne ? oneToOne(out.a, out.b, p, op.threshold) : [...p.keys()].filter((k) => p[k]! >= op.threshold);
    pairs = kept.map((k) => ({ a: a.rids[out.a[k]!]!, b: b.rids[out.b[k]! - out.nA!]! }));
  }
  const keys = loadRecords(ws, dsB, [], op.keyB);
  const keyOf = new Map<number, string | null>();
  keys.rids.forEach((rid, i) => keyOf.set(rid, keys.keys![i] ?? null));
  const values = new Map<number, string>();
  for (const p of pairs) {
    const k = keyOf.get(p.b);
    if (k !== undefined && k !== null && !values.has(p.a)) values.set(p.a, k);
  }
  addNamedColumn(env, op.name, values);
}
