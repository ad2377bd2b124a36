// Stored results: one SQLite file per dedupe or link run under the workspace's dedupe/ folder, with
// the run's config, blocking report, model and threshold curve, its pairs scoring ≥ 0.01 (row ids,
// score, pattern of levels, term-frequency adjustments), every candidate pattern's count (for re-fits)
// and the reviewer's labels. A review survives a restart; deleting the file deletes the result.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BlockingReport, CurvePoint, DedupeConfig, Model, ResultInfo } from '../../../shared/api/dedupe';
import { openDb, type Db } from '../db/open';
import { HistoryRepo } from '../db/repos/history';
import type { StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';
import { tfBonus, scorer, unpackLevels } from './model';
import { probability, type RunOutput } from './run';

/** Pairs scoring below this are not stored (nor reviewable). */
export const MIN_STORED = 0.01;

export interface ResultMeta {
  id: string;
  kind: 'dedupe' | 'link';
  dataset: string;
  datasetB: string | null;
  config: DedupeConfig;
  createdAt: string;
  records: number;
  recordsB: number | null;
  comparisons: number;
  storedPairs: number;
  seconds: number;
  /** The dataset(s) as the run saw them: rows and last history step. */
  state: string;
  stateB: string | null;
  columns: string[];
  columnsB: string[];
  blocking: BlockingReport;
  model: Model;
  curve: CurvePoint[];
}

/** Rows and the last applied history step: a result is current while these are unchanged. */
export function datasetState(ws: Workspace, ds: StoredDataset): string {
  const done = new HistoryRepo(ws.catalog).list(ds.id).filter((e) => e.state === 'done');
  return `${ds.rows}:${done.at(-1)?.seq ?? 0}`;
}

function dir(ws: Workspace): string {
  return path.join(ws.dir, 'dedupe');
}

function fileOf(ws: Workspace, id: string): string {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new TidysetError('NOT_FOUND', `no dedupe result ${JSON.stringify(id)}`);
  return path.join(dir(ws), `${id}.sqlite`);
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL, logodds REAL NOT NULL, pat INTEGER NOT NULL, tf TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX pairs_score ON pairs (score DESC);
CREATE INDEX pairs_b ON pairs (b);
CREATE TABLE patterns (pat INTEGER PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE labels (a INTEGER NOT NULL, b INTEGER NOT NULL, match INTEGER NOT NULL, pat INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
`;

/** Writes a run's result; returns its id. `ridsB` only in a link (record indexes ≥ nA are B's). */
export function saveResult(ws: Workspace, meta: Omit<ResultMeta, 'id' | 'storedPairs' | 'createdAt'>, out: RunOutput, ridsA: ArrayLike<number>, ridsB: ArrayLike<number> | null): string {
  mkdirSync(dir(ws), { recursive: true });
  const id = randomUUID();
  const file = fileOf(ws, id);
  const tmp = `${file}.tmp-${process.pid}`;
  const db = openDb(tmp);
  try {
    db.exec(SCHEMA);
    const s = scorer(out.model);
    const insert = db.prepare('INSERT OR REPLACE INTO pairs (a, b, score, logodds, pat, tf) VALUES (?, ?, ?, ?, ?, ?)');
    let stored = 0;
    db.transaction(() => {
      for (let k = 0; k < out.comparisons; k++) {
        const lo = out.logOdds[k]!;
        const p = probability(lo);
        if (p < MIN_STORED) continue;
        const i = out.a[k]!;
        const j = out.b[k]!;
        const pat = out.patterns.patterns[out.pat[k]!]!;
        const lv = unpackLevels(pat, out.cols.length);
        let tf: number[] | null = null;
        lv.forEach((l, c) => {
          if (l !== 0 || !s.tf[c]) return;
          tf ??= lv.map(() => 0);
          tf[c] = Math.round(tfBonus(out.cols[c]!, s.uExact[c]!, i) * 1000) / 1000;
        });
        const ra = i < (out.nA ?? Infinity) ? ridsA[i]! : ridsB![i - out.nA!]!;
        const rb = out.nA === null ? ridsA[j]! : ridsB![j - out.nA]!;
        const [x, y] = out.nA === null && ra > rb ? [rb, ra] : [ra, rb];
        insert.run(x, y, p, lo, pat, tf ? JSON.stringify(tf) : null);
        stored++;
      }
      const pi = db.prepare('INSERT INTO patterns (pat, count) VALUES (?, ?)');
      out.patterns.patterns.forEach((p, g) => pi.run(p, out.patterns.counts[g]!));
      const full: ResultMeta = { ...meta, id, storedPairs: stored, createdAt: new Date().toISOString() };
      db.prepare("INSERT INTO meta (key, value) VALUES ('meta', ?)").run(JSON.stringify(full));
    })();
  } finally {
    db.close();
  }
  renameSync(tmp, file);
  for (const x of ['-wal', '-shm']) rmSync(`${tmp}${x}`, { force: true });
  return id;
}

/** An open stored result. */
export class ResultStore {
  readonly db: Db;
  meta: ResultMeta;

  constructor(ws: Workspace, readonly id: string) {
    const file = fileOf(ws, id);
    if (!existsSync(file)) throw new TidysetError('NOT_FOUND', `no dedupe result ${JSON.stringify(id)} (it may have been deleted)`);
    this.db = openDb(file, { mustExist: true });
    this.meta = JSON.parse(this.db.prepare("SELECT value FROM meta WHERE key = 'meta'").pluck().get() as string) as ResultMeta;
  }

  close(): void {
    this.db.close();
  }

  saveMeta(): void {
    this.db.prepare("UPDATE meta SET value = ? WHERE key = 'meta'").run(JSON.stringify(this.meta));
  }

  labelCounts(): { match: number; nonMatch: number } {
    const r = this.db.prepare('SELECT coalesce(sum(match), 0) AS m, count(*) AS n FROM labels').get() as { m: number; n: number };
    return { match: r.m, nonMatch: r.n - r.m };
  }

  labels(): Array<{ a: number; b: number; match: boolean; pat: number }> {
    return (this.db.prepare('SELECT a, b, match, pat FROM labels').all() as Array<{ a: number; b: number; match: number; pat: number }>).map((r) => ({ ...r, match: r.match === 1 }));
  }

  /** Pairs scoring at least `threshold`, best first. */
  pairsAbove(threshold: number): { a: number[]; b: number[]; score: number[] } {
    const a: number[] = [];
    const b: number[] = [];
    const score: number[] = [];
    for (const r of this.db.prepare('SELECT a, b, score FROM pairs WHERE score >= ? ORDER BY score DESC, a, b').raw(true).iterate(threshold) as Iterable<[number, number, number]>) {
      a.push(r[0]);
      b.push(r[1]);
      score.push(r[2]);
    }
    return { a, b, score };
  }

  pair(a: number, b: number): { a: number; b: number; score: number; logodds: number; pat: number; tf: string | null } | undefined {
    return this.db.prepare('SELECT a, b, score, logodds, pat, tf FROM pairs WHERE a = ? AND b = ?').get(a, b) as never;
  }

  info(ws: Workspace): ResultInfo {
    const { id, kind, dataset, datasetB, config, createdAt, records, recordsB, comparisons, storedPairs, seconds } = this.meta;
    return { id, kind, dataset, datasetB, config, createdAt, records, recordsB, comparisons, storedPairs, seconds, labels: this.labelCounts(), current: isCurrent(ws, this.meta) };
  }
}

/** Whether the dataset(s) are still as the run saw them. */
export function isCurrent(ws: Workspace, meta: ResultMeta): boolean {
  const a = ws.datasets.find(meta.dataset);
  if (!a || datasetState(ws, a) !== meta.state) return false;
  if (meta.datasetB === null) return true;
  const b = ws.datasets.find(meta.datasetB);
  return !!b && datasetState(ws, b) === meta.stateB;
}

/** Runs `fn` on an open result and closes it. */
export function withResult<T>(ws: Workspace, id: string, fn: (r: ResultStore) => T): T {
  const r = new ResultStore(ws, id);
  try {
    return fn(r);
  } finally {
    r.close();
  }
}

/** Stored results, newest first (of one dataset, as A or B, when given). */
export function listResults(ws: Workspace, dataset?: string): ResultInfo[] {
  if (!existsSync(dir(ws))) return [];
  const out: ResultInfo[] = [];
  for (const name of readdirSync(dir(ws))) {
    const m = /^([0-9a-f-]{36})\.sqlite$/.exec(name);
    if (!m) continue;
    try {
      const info = withResult(ws, m[1]!, (r) => r.info(ws));
      if (!dataset || info.dataset === dataset || info.datasetB === dataset) out.push(info);
    } catch {
      // A result being written or damaged is not listed.
    }
  }
  return out.sort((x, y) => y.createdAt.localeCompare(x.createdAt));
}

export function deleteResult(ws: Workspace, id: string): void {
  const file = fileOf(ws, id);
  if (!existsSync(file)) throw new TidysetError('NOT_FOUND', `no dedupe result ${JSON.stringify(id)}`);
  for (const x of ['', '-wal', '-shm']) rmSync(`${file}${x}`, { force: true });
}
