// Review of a stored result: clusters at a threshold (labels honoured) least sure first, labels and
// splits, re-fit with the labels, the next most uncertain pairs, and link pairs — all read from the
// result file plus the records' values from the dataset.
import type { Cluster, Pair, PairDetail, ResultSummary } from '../../../shared/api/dedupe';
import type { StoredDataset } from '../db/repos/datasets';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { clusterPairs, oneToOne, type Decision } from './cluster';
import { refitModel, scorer, unpackLevels } from './model';
import { probability } from './run';
import { columnOf } from './records';
import { isCurrent, withResult, type ResultStore } from './store';
import { CURVE_THRESHOLDS } from './jobs';
import { curve } from './cluster';

type Member = { rid: number; values: Array<string | null>; key: string | null };

/** The values of `columns` (and `key`) of the rows with these ids. */
export function membersOf(ws: Workspace, ds: StoredDataset, columns: string[], rids: number[], key?: string | null): Map<number, Member> {
  const phys = columns.map((c) => columnOf(ds, c).physical);
  const kp = key && ds.columns.some((c) => c.name === key) ? columnOf(ds, key).physical : null;
  const db = openDataset(ws, ds);
  const out = new Map<number, Member>();
  try {
    const stmt = db.prepare(`SELECT ${[...phys, kp ?? 'NULL'].join(', ')} FROM rows WHERE _rid = ?`).raw(true);
    for (const rid of new Set(rids)) {
      const row = stmt.get(rid) as Array<string | null> | undefined;
      if (row) out.set(rid, { rid, values: row.slice(0, phys.length), key: row[phys.length] ?? null });
      else out.set(rid, { rid, values: phys.map(() => null), key: null });
    }
  } finally {
    db.close();
  }
  return out;
}

/** A stored pair with its per-column weights and label. */
function pairOf(r: ResultStore, row: { a: number; b: number; score: number; logodds: number; pat: number; tf: string | null }, labels: Map<string, boolean>): Pair {
  const s = scorer(r.meta.model);
  const lv = unpackLevels(row.pat, r.meta.model.columns.length);
  const tf = row.tf ? (JSON.parse(row.tf) as number[]) : null;
  const weights = r.meta.model.columns.map((c, k) => {
    const l = lv[k]!;
    if (l < 0) return { column: c.column, level: 'missing', weight: 0 };
    return { column: c.column, level: c.levels[l]!, weight: Math.round((s.weights[k]![l]! + (tf?.[k] ?? 0)) * 100) / 100 };
  });
  const lab = labels.get(`${row.a},${row.b}`);
  return { a: row.a, b: row.b, score: row.score, weight: Math.round(row.logodds * 100) / 100, weights, label: lab === undefined ? null : lab ? 'match' : 'nonMatch' };
}

function labelMap(r: ResultStore): Map<string, boolean> {
  return new Map(r.labels().map((l) => [`${l.a},${l.b}`, l.match]));
}

/** Clusters of a dedupe result at `threshold` as row-id groups (labels honoured), in order of their smallest row id. */
export function clustersAt(r: ResultStore, threshold: number): number[][] {
  const { a, b, score } = r.pairsAbove(threshold);
  const ids = new Map<number, number>();
  const rids: number[] = [];
  const idx = (rid: number) => {
    let i = ids.get(rid);
    if (i === undefined) {
      ids.set(rid, (i = rids.length));
      rids.push(rid);
    }
    return i;
  };
  const decisions: Decision[] = r.labels().map((l) => ({ a: idx(l.a), b: idx(l.b), match: l.match }));
  const ia = a.map(idx);
  const ib = b.map(idx);
  const c = clusterPairs(rids.length, ia, ib, score, threshold, r.meta.config.maxClusterSize, decisions);
  const groups = new Map<number, number[]>();
  c.clusterOf.forEach((cl, i) => {
    if (cl < 0) return;
    let g = groups.get(cl);
    if (!g) groups.set(cl, (g = []));
    g.push(rids[i]!);
  });
  return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

export function clustersPage(ws: Workspace, id: string, q: { threshold: number; offset: number; limit: number; order: 'uncertainty' | 'size' }): { total: number; columns: string[]; clusters: Cluster[] } {
  return withResult(ws, id, (r) => {
    const groups = clustersAt(r, q.threshold);
    const labels = labelMap(r);
    const pairStmt = r.db.prepare('SELECT a, b, score, logodds, pat, tf FROM pairs WHERE a = ? AND b = ?');
    const scored = groups.map((g, n) => {
      const rows: Array<{ a: number; b: number; score: number; logodds: number; pat: number; tf: string | null }> = [];
      for (let x = 0; x < g.length && rows.length < 2000; x++) for (let y = x + 1; y < g.length; y++) {
        const row = pairStmt.get(g[x], g[y]) as (typeof rows)[number] | undefined;
        if (row) rows.push(row);
      }
      // A labelled pair is certain: a match counts as score 1 (a cluster all labelled has uncertainty 0).
      const linked = rows.filter((p) => labels.get(`${p.a},${p.b}`) !== false && (p.score >= q.threshold || labels.get(`${p.a},${p.b}`) === true));
      const sure = (p: (typeof rows)[number]) => (labels.get(`${p.a},${p.b}`) === true ? 1 : p.score);
      const min = linked.length ? Math.min(...linked.map(sure)) : 1;
      const max = linked.length ? Math.max(...linked.map((p) => p.score)) : 1;
      return { id: n + 1, g, rows, min, max, uncertainty: 1 - Math.abs(min - 0.5) * 2 };
    });
    if (q.order === 'uncertainty') scored.sort((x, y) => y.uncertainty - x.uncertainty || x.id - y.id);
    else scored.sort((x, y) => y.g.length - x.g.length || x.id - y.id);
    const page = scored.slice(q.offset, q.offset + q.limit);
    const ds = ws.datasets.get(r.meta.dataset);
    const members = membersOf(ws, ds, r.meta.columns, page.flatMap((c) => c.g), r.meta.config.key);
    return {
      total: groups.length,
      columns: r.meta.columns,
      clusters: page.map((c) => ({
        id: c.id, size: c.g.length, uncertainty: c.uncertainty, minScore: c.min, maxScore: c.max,
        members: c.g.map((rid) => members.get(rid)!),
        pairs: c.rows.map((row) => pairOf(r, row, labels)),
      })),
    };
  });
}

/** Sets or removes the label of a pair (its pattern is kept with it for re-fits). */
export function setLabel(r: ResultStore, a: number, b: number, label: 'match' | 'nonMatch' | null): void {
  const [x, y] = r.meta.kind === 'dedupe' && a > b ? [b, a] : [a, b];
  if (label === null) {
    r.db.prepare('DELETE FROM labels WHERE a = ? AND b = ?').run(x, y);
    return;
  }
  const pat = (r.db.prepare('SELECT pat FROM pairs WHERE a = ? AND b = ?').pluck().get(x, y) as number | undefined) ?? 0;
  r.db.prepare('INSERT OR REPLACE INTO labels (a, b, match, pat, at) VALUES (?, ?, ?, ?, ?)').run(x, y, label === 'match' ? 1 : 0, pat, new Date().toISOString());
}

export function label(ws: Workspace, id: string, a: number, b: number, lab: 'match' | 'nonMatch' | null): { match: number; nonMatch: number } {
  return withResult(ws, id, (r) => {
    setLabel(r, a, b, lab);
    return r.labelCounts();
  });
}

/** Labels every pair between `apart` and the other members as not a match. */
export function split(ws: Workspace, id: string, members: number[], apart: number[]): { match: number; nonMatch: number } {
  return withResult(ws, id, (r) => {
    const away = new Set(apart);
    const rest = members.filter((m) => !away.has(m));
    r.db.transaction(() => {
      for (const x of away) for (const y of rest) setLabel(r, x, y, 'nonMatch');
    })();
    return r.labelCounts();
  });
}

/** Re-fits the model with the labels and rescores every stored pair. */
export function refit(ws: Workspace, id: string): ResultSummary {
  withResult(ws, id, (r) => {
    const pats = r.db.prepare('SELECT pat, count FROM patterns').all() as Array<{ pat: number; count: number }>;
    const index = new Map(pats.map((p, g) => [p.pat, g]));
    const labels = r.labels().filter((l) => l.pat !== 0 && index.has(l.pat)).map((l) => ({ pat: index.get(l.pat)!, match: l.match }));
    const model = refitModel(r.meta.model, pats.map((p) => p.pat), pats.map((p) => p.count), labels);
    const s = scorer(model);
    const C = model.columns.length;
    const upd = r.db.prepare('UPDATE pairs SET score = ?, logodds = ? WHERE a = ? AND b = ?');
    r.db.transaction(() => {
      for (const row of r.db.prepare('SELECT a, b, pat, tf FROM pairs').all() as Array<{ a: number; b: number; pat: number; tf: string | null }>) {
        const lv = unpackLevels(row.pat, C);
        const tf = row.tf ? (JSON.parse(row.tf) as number[]) : null;
        let w = s.prior;
        for (let c = 0; c < C; c++) if (lv[c]! >= 0) w += s.weights[c]![lv[c]!]! + (tf?.[c] ?? 0);
        upd.run(probability(w), w, row.a, row.b);
      }
    })();
    r.meta.model = model;
    r.meta.curve = resultCurve(r);
    r.saveMeta();
  });
  return summary(ws, id);
}

/** The threshold curve of the stored pairs (labels honoured). */
export function resultCurve(r: ResultStore): ResultSummary['curve'] {
  const { a, b, score } = r.pairsAbove(0);
  if (r.meta.kind === 'link') {
    return CURVE_THRESHOLDS.map((t) => {
      const pairs = r.meta.config.oneToOne ? oneToOne(a, b, score, t).length : score.filter((s) => s >= t).length;
      return { threshold: t, pairs, clusters: pairs, records: pairs };
    });
  }
  const ids = new Map<number, number>();
  const idx = (rid: number) => {
    let i = ids.get(rid);
    if (i === undefined) ids.set(rid, (i = ids.size));
    return i;
  };
  const ia = a.map(idx);
  const ib = b.map(idx);
  const decisions = r.labels().map((l) => ({ a: idx(l.a), b: idx(l.b), match: l.match }));
  return curve(ids.size, ia, ib, score, r.meta.config.maxClusterSize, decisions, CURVE_THRESHOLDS);
}

export function summary(ws: Workspace, id: string): ResultSummary {
  return withResult(ws, id, (r) => ({ ...r.info(ws), blocking: r.meta.blocking, model: r.meta.model, curve: r.meta.curve }));
}

/** Pair details with both records' values. */
function details(ws: Workspace, r: ResultStore, rows: Array<{ a: number; b: number; score: number; logodds: number; pat: number; tf: string | null }>): PairDetail[] {
  const labels = labelMap(r);
  const dsA = ws.datasets.get(r.meta.dataset);
  const dsB = r.meta.datasetB ? ws.datasets.get(r.meta.datasetB) : dsA;
  const ma = membersOf(ws, dsA, r.meta.columns, rows.map((x) => x.a), r.meta.config.key);
  const mb = r.meta.datasetB ? membersOf(ws, dsB, r.meta.columnsB, rows.map((x) => x.b), r.meta.config.keyB) : ma;
  if (!r.meta.datasetB) for (const [k, v] of membersOf(ws, dsA, r.meta.columns, rows.map((x) => x.b), r.meta.config.key)) ma.set(k, v);
  return rows.map((row) => ({ ...pairOf(r, row, labels), recordA: ma.get(row.a)!, recordB: mb.get(row.b)! }));
}

/** The unlabelled stored pairs whose score is nearest 0.5. */
export function uncertain(ws: Workspace, id: string, limit: number): PairDetail[] {
  return withResult(ws, id, (r) => {
    const rows = r.db.prepare(`SELECT p.a, p.b, p.score, p.logodds, p.pat, p.tf FROM pairs p
      WHERE NOT EXISTS (SELECT 1 FROM labels l WHERE l.a = p.a AND l.b = p.b) ORDER BY abs(p.logodds), p.a, p.b LIMIT ?`).all(limit) as never;
    return details(ws, r, rows);
  });
}

/** Link pairs at a threshold, one-to-one if configured (labelled non-matches out, labelled matches in). */
export function linkPairsAt(r: ResultStore, threshold: number): Array<{ a: number; b: number; score: number }> {
  const labels = labelMap(r);
  const all = r.pairsAbove(0);
  const score = all.score.map((s, k) => {
    const l = labels.get(`${all.a[k]},${all.b[k]}`);
    return l === true ? 1 + s : l === false ? -1 : s;
  });
  const keep = r.meta.config.oneToOne ? oneToOne(all.a, all.b, score, threshold) : [...score.keys()].filter((k) => score[k]! >= threshold);
  return keep.map((k) => ({ a: all.a[k]!, b: all.b[k]!, score: all.score[k]! }));
}

export function linkPairs(ws: Workspace, id: string, q: { threshold: number; offset: number; limit: number }): { total: number; columns: string[]; columnsB: string[]; pairs: PairDetail[] } {
  return withResult(ws, id, (r) => {
    const kept = linkPairsAt(r, q.threshold);
    const page = kept.slice(q.offset, q.offset + q.limit).map((p) => r.pair(p.a, p.b)!);
    return { total: kept.length, columns: r.meta.columns, columnsB: r.meta.columnsB, pairs: details(ws, r, page) };
  });
}

export { isCurrent };
