// Drift: how the distribution of each column differs between two sets of rows — two datasets, or
// two parts of a split. Numbers and dates: two-sample Kolmogorov–Smirnov D (with its asymptotic
// p-value) and PSI over the first side's deciles; categories (text, booleans): Jensen–Shannon
// distance and PSI over the most common values of both sides; for every column the change in the
// missing share and the categories one side has and the other never does. Flags: PSI < 0.1 none,
// 0.1 ≤ PSI < 0.25 moderate, PSI ≥ 0.25 major.
//
// API (the split manifest calls it with two parts of one dataset):
//   driftBetween(a: DriftSide, b: DriftSide, opts?: { columns?: string[] }, ctx?): DriftReport
//     Compares the columns both sides have (by display name; `columns` picks some), side a being
//     the reference (train). Reads each side once per batch of 96 columns, never all of it at once.
//   datasetSide(ws, dataset, where?: RowFilter, name?): DriftSide
//     A dataset, or the rows `where` selects ({ sql, params } over physical names — e.g.
//     { sql: '_rid IN (SELECT rid FROM split WHERE part = ?)', params: ['test'] }); the caller keeps
//     the workspace open while driftBetween runs.
//   arraySide(name, columns: Array<{ name, type }>, rows: Array<Array<string | null>>): DriftSide
//     Rows held in memory (tests, small parts).
//   splitDrift(ws, dataset, parts: Array<{ name, where }>, opts?, ctx?): DriftReport[]
//     For a split: every part after the first against the first (train), one report each, in order.
import type { ColumnType } from '../../../shared/api/catalog';
import type { DriftColumn, DriftReport } from '../../../shared/api/profile';
import type { Db } from '../db/open';
import { TidysetError } from '../errors';
import { quietContext, type JobContext } from '../jobs/context';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { ColumnAccumulator, kindOf } from './columnAccumulator';
import { isoOfMs } from './readValue';
import { ALL_ROWS, COLUMNS_PER_PASS, scanColumns, type RowFilter } from './scanColumns';
import { quantileSorted } from './stats';

export interface DriftSide {
  name: string;
  rows: number;
  columns: Array<{ name: string; type: ColumnType; comma?: boolean }>;
  /** Feeds chunks of the named columns' cells (values[i] for names[i]) in row order. */
  scan(names: string[], onChunk: (values: Array<Array<string | null>>) => void, ctx: JobContext): void;
  /** Releases what the side holds open (a database connection). */
  close?(): void;
}

export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
const CATEGORIES = 20;
const BINS = 20;
const EPS = 1e-4;

export function datasetSide(ws: Workspace, dataset: string, where: RowFilter = ALL_ROWS, name?: string): DriftSide {
  const ds = ws.datasets.get(dataset);
  let db: Db | null = null;
  const open = () => (db ??= openDataset(ws, ds));
  const rows = where === ALL_ROWS ? ds.rows : (open().prepare(`SELECT count(*) AS n FROM rows WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  return {
    name: name ?? ds.name,
    rows,
    columns: ds.columns.map((c) => ({ name: c.name, type: c.type, comma: c.detail?.decimalSeparator === ',' })),
    scan(names, onChunk, ctx) {
      const physicals = names.map((n) => ds.columns.find((c) => c.name === n)!.physical);
      scanColumns(open(), physicals, where, onChunk, ctx);
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

export function arraySide(name: string, columns: Array<{ name: string; type: ColumnType }>, rows: Array<Array<string | null>>): DriftSide {
  return {
    name, rows: rows.length, columns,
    scan(names, onChunk) {
      const idx = names.map((n) => columns.findIndex((c) => c.name === n));
      onChunk(idx.map((i) => rows.map((r) => r[i] ?? null)));
    },
  };
}

/** Drift of every part after the first against the first (the training part), for a split's manifest. */
export function splitDrift(ws: Workspace, dataset: string, parts: Array<{ name: string; where: RowFilter }>, opts: { columns?: string[] } = {}, ctx: JobContext = quietContext): DriftReport[] {
  if (parts.length < 2) return [];
  const ref = datasetSide(ws, dataset, parts[0]!.where, parts[0]!.name);
  try {
    return parts.slice(1).map((p) => {
      const side = datasetSide(ws, dataset, p.where, p.name);
      try {
        return driftBetween(ref, side, opts, ctx);
      } finally {
        side.close?.();
      }
    });
  } finally {
    ref.close?.();
  }
}

export function flagOf(psi: number): DriftColumn['flag'] {
  return psi >= PSI_MAJOR ? 'major' : psi >= PSI_MODERATE ? 'moderate' : 'none';
}

/** Compares two sides column by column (see the module comment). */
export function driftBetween(a: DriftSide, b: DriftSide, opts: { columns?: string[] } = {}, ctx: JobContext = quietContext): DriftReport {
  const t0 = performance.now();
  const inB = new Map(b.columns.map((c) => [c.name, c]));
  let common = a.columns.filter((c) => inB.has(c.name));
  if (opts.columns?.length) {
    for (const n of opts.columns) {
      if (!common.some((c) => c.name === n)) throw new TidysetError('NOT_FOUND', `column ${JSON.stringify(n)} is not in both ${JSON.stringify(a.name)} and ${JSON.stringify(b.name)}`);
    }
    common = common.filter((c) => opts.columns!.includes(c.name));
  }
  const out: DriftColumn[] = [];
  for (let p = 0; p < common.length; p += COLUMNS_PER_PASS) {
    const batch = common.slice(p, p + COLUMNS_PER_PASS);
    const names = batch.map((c) => c.name);
    // A column typed differently on the two sides is compared as the reference side reads it.
    const accsA = batch.map((c) => new ColumnAccumulator(kindOf(c.type), c.comma, a.rows));
    const accsB = batch.map((c) => new ColumnAccumulator(kindOf(c.type), c.comma, b.rows));
    ctx.progress(p, common.length, `reading ${a.name}`);
    a.scan(names, (vals) => vals.forEach((v, i) => accsA[i]!.add(v)), ctx);
    ctx.progress(p + batch.length / 2, common.length, `reading ${b.name}`);
    b.scan(names, (vals) => vals.forEach((v, i) => accsB[i]!.add(v)), ctx);
    batch.forEach((c, i) => out.push(compareColumn(c.name, accsA[i]!, accsB[i]!)));
  }
  ctx.progress(common.length, common.length, 'done');
  return { a: { name: a.name, rows: a.rows }, b: { name: b.name, rows: b.rows }, columns: out, ms: Math.round(performance.now() - t0) };
}

function missingShare(acc: ColumnAccumulator): number {
  const all = acc.present + acc.missing + acc.empty;
  return all ? (acc.missing + acc.empty) / all : 0;
}

/** PSI of two share vectors, each share floored at EPS so an empty bin does not make it infinite. */
export function psiOf(pa: number[], pb: number[]): number {
  let psi = 0;
  for (let i = 0; i < pa.length; i++) {
    const x = Math.max(pa[i]!, EPS);
    const y = Math.max(pb[i]!, EPS);
    psi += (y - x) * Math.log(y / x);
  }
  return psi;
}

/** Jensen–Shannon distance (square root of the divergence, base 2: 0 same, 1 disjoint). */
export function jsDistance(pa: number[], pb: number[]): number {
  let d = 0;
  for (let i = 0; i < pa.length; i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const m = (x + y) / 2;
    if (x > 0) d += 0.5 * x * Math.log2(x / m);
    if (y > 0) d += 0.5 * y * Math.log2(y / m);
  }
  return Math.sqrt(Math.max(0, Math.min(1, d)));
}

/** Two-sample KS statistic D = sup |F_a − F_b| of ascending samples. */
export function ksStatistic(sa: Float64Array, sb: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < sa.length && j < sb.length) {
    const x = Math.min(sa[i]!, sb[j]!);
    while (i < sa.length && sa[i] === x) i++;
    while (j < sb.length && sb[j] === x) j++;
    d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
  }
  return d;
}

/** Asymptotic p-value of D for sample sizes n, m (Kolmogorov distribution, Stephens' correction). */
export function ksPValue(d: number, n: number, m: number): number {
  const en = Math.sqrt((n * m) / (n + m));
  const lambda = (en + 0.12 + 0.11 / en) * d;
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-10) break;
  }
  return Math.max(0, Math.min(1, sum));
}

function shares(sorted: Float64Array, edges: number[]): number[] {
  // Bin k holds edges[k-1] < v ≤ edges[k] (first: v ≤ edges[0], last: v > the last edge).
  const counts = new Array<number>(edges.length + 1).fill(0);
  let k = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (k < edges.length && sorted[i]! > edges[k]!) k++;
    counts[k] = counts[k]! + 1;
  }
  return counts.map((c) => (sorted.length ? c / sorted.length : 0));
}

function compareColumn(column: string, a: ColumnAccumulator, b: ColumnAccumulator): DriftColumn {
  const base = { column, missingA: missingShare(a), missingB: missingShare(b) };
  if (a.kind === 'number' || a.kind === 'date') {
    const sa = a.sorted();
    const sb = b.sorted();
    const isDate = a.kind === 'date';
    const fmt = (v: number) => (isDate ? isoOfMs(v) : v);
    if (!sa.length || !sb.length) {
      return { ...base, test: 'ks', statistic: sa.length === sb.length ? 0 : 1, pValue: null, psi: 0, flag: 'none', newInB: [], unseenInB: [], bins: [] };
    }
    const d = ksStatistic(sa, sb);
    const edges = [...new Set(Array.from({ length: 9 }, (_, i) => quantileSorted(sa, (i + 1) / 10)))];
    const psi = psiOf(shares(sa, edges), shares(sb, edges));
    const lo = Math.min(sa[0]!, sb[0]!);
    const hi = Math.max(sa[sa.length - 1]!, sb[sb.length - 1]!);
    const width = (hi - lo) / BINS || 1;
    const binEdges = Array.from({ length: BINS - 1 }, (_, i) => lo + (i + 1) * width);
    const ha = shares(sa, binEdges);
    const hb = shares(sb, binEdges);
    const bins = ha.map((x, i) => ({ label: String(fmt(lo + i * width)), from: fmt(lo + i * width), to: fmt(i === BINS - 1 ? hi : lo + (i + 1) * width), a: x, b: hb[i]! }));
    return { ...base, test: 'ks', statistic: d, pValue: ksPValue(d, sa.length, sb.length), psi, flag: flagOf(psi), newInB: [], unseenInB: [], bins: hi === lo ? bins.slice(0, 1) : bins };
  }
  // Categories: the most common values of either side, the rest as one "other".
  const cats = [...new Set([...a.counts.top(CATEGORIES), ...b.counts.top(CATEGORIES)].map((t) => t.value))];
  const na = a.present || 1;
  const nb = b.present || 1;
  const pa = cats.map((c) => a.counts.countOf(c) / na);
  const pb = cats.map((c) => b.counts.countOf(c) / nb);
  const restA = Math.max(0, 1 - pa.reduce((s, x) => s + x, 0));
  const restB = Math.max(0, 1 - pb.reduce((s, x) => s + x, 0));
  if (restA > 1e-12 || restB > 1e-12) {
    pa.push(restA);
    pb.push(restB);
  }
  const psi = a.present && b.present ? psiOf(pa, pb) : 0;
  const newInB = newValues(b, a);
  const unseenInB = newValues(a, b);
  const bins = pa.map((x, i) => ({ label: i < cats.length ? cats[i]! : '(other values)', from: null, to: null, a: x, b: pb[i]! }));
  return { ...base, test: 'js', statistic: jsDistance(pa, pb), pValue: null, psi, flag: flagOf(psi), newInB, unseenInB, bins };
}

/** Up to 20 values of `side` (its most common first) that `other` never has. */
function newValues(side: ColumnAccumulator, other: ColumnAccumulator): string[] {
  const entries = side.counts.entries();
  const candidates = entries ? [...entries].sort((x, y) => y[1] - x[1]).map(([v]) => v) : side.counts.top(200).map((t) => t.value);
  const out: string[] = [];
  for (const v of candidates) {
    if (other.counts.countOf(v) === 0) out.push(v);
    if (out.length >= CATEGORIES) break;
  }
  return out;
}
