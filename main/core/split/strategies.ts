// The split strategies: which part each row goes to. Random (seeded), stratified (class shares kept
// in every part), group-aware (no group in two parts), stratified + grouped, and chronological
// (cut-offs on time, an optional gap, ties on one side). Pure functions of the row keys and the seed.
import { TidysetError } from '../errors';
import { Prng, shuffledRange } from './prng';

/** Part index of a row left out of every part (in a chronological gap, or an unparseable time). */
export const EXCLUDED = 255;

export type Strategy = 'random' | 'stratified' | 'grouped' | 'stratified-grouped' | 'chronological';

/** What the strategies know of the rows: per row (in storage order) a class, a group and a time. */
export interface SplitKeys {
  n: number;
  /** Class index per row (a missing value is a class of its own); with `classLabels`. */
  classOf?: Int32Array;
  classLabels?: Array<string | null>;
  /** Group index per row, 0 … groupCount−1. */
  groupOf?: Int32Array;
  groupCount?: number;
  /** Time per row as a number (epoch ms for dates), NaN when the value does not parse. */
  timeOf?: Float64Array;
}

export interface Assignment {
  strategy: Strategy;
  /** Part index per row, or EXCLUDED. */
  part: Uint8Array;
  /** Rows per part. */
  rows: number[];
  /** Rows left out: inside a chronological gap, or with a time that does not parse. */
  excluded: { gap: number; unparseableTime: number };
  /** Classes with fewer rows than there are parts: they cannot be in every part. */
  rareClasses: Array<{ label: string | null; rows: number }>;
  /** Chronological: the last time of each part but the last (ties stay on that side). */
  cutoffs: number[];
}

export function strategyOf(k: SplitKeys): Strategy {
  if (k.timeOf) return 'chronological';
  if (k.classOf && k.groupOf) return 'stratified-grouped';
  if (k.groupOf) return 'grouped';
  if (k.classOf) return 'stratified';
  return 'random';
}

/**
 * Assigns every row to a part. `targets` are the wanted rows per part (shares.ts targetCounts, for
 * the rows that can be placed); `gap` is the chronological gap in time units (0: none).
 */
export function assignParts(k: SplitKeys, targets: number[], seed: number, gap = 0): Assignment {
  const strategy = strategyOf(k);
  const part = new Uint8Array(k.n);
  const prng = new Prng(seed);
  const out: Assignment = { strategy, part, rows: [], excluded: { gap: 0, unparseableTime: 0 }, rareClasses: [], cutoffs: [] };
  if (k.classOf) out.rareClasses = rareClasses(k, targets.length);
  switch (strategy) {
    case 'random':
      deal(shuffledRange(k.n, prng), targets, part);
      break;
    case 'stratified':
      deal(classOrder(k, prng), targets, part);
      break;
    case 'grouped':
    case 'stratified-grouped':
      assignGroups(k, targets, prng, part);
      break;
    case 'chronological':
      chronological(k, targets, gap, out);
      break;
  }
  out.rows = targets.map(() => 0);
  for (let i = 0; i < k.n; i++) if (part[i] !== EXCLUDED) out.rows[part[i]!]!++;
  return out;
}

/**
 * Deals rows in `order` to parts so that every prefix of the order is shared out as the targets
 * are (each part within one row of its share of the prefix, Bresenham-like), and the totals are
 * exact. Any run of consecutive rows (a class, in stratified order) is then split within ±2 rows
 * of the shares.
 */
function deal(order: Int32Array, targets: number[], part: Uint8Array): void {
  const n = order.length;
  const given = new Float64Array(targets.length);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDeficit = -Infinity;
    for (let p = 0; p < targets.length; p++) {
      const deficit = (targets[p]! * (i + 1)) / n - given[p]!;
      if (deficit > bestDeficit + 1e-12) {
        best = p;
        bestDeficit = deficit;
      }
    }
    given[best]!++;
    part[order[i]!] = best;
  }
}

/** Rows ordered by class (classes in index order), each class's rows in seeded random order. */
function classOrder(k: SplitKeys, prng: Prng): Int32Array {
  const order = shuffledRange(k.n, prng);
  const cls = k.classOf!;
  const start = new Int32Array(k.classLabels!.length + 1);
  for (let i = 0; i < k.n; i++) start[cls[i]! + 1]!++;
  for (let c = 1; c < start.length; c++) start[c]! += start[c - 1]!;
  const out = new Int32Array(k.n);
  for (const i of order) out[start[cls[i]!]!++] = i; // a stable bucket sort keeps the shuffled order in each class
  return out;
}

function rareClasses(k: SplitKeys, parts: number): Assignment['rareClasses'] {
  const counts = new Int32Array(k.classLabels!.length);
  for (let i = 0; i < k.n; i++) counts[k.classOf![i]!]!++;
  const rare: Assignment['rareClasses'] = [];
  counts.forEach((rows, c) => {
    if (rows > 0 && rows < parts) rare.push({ label: k.classLabels![c]!, rows });
  });
  return rare;
}

/**
 * Whole groups to parts: largest groups first (equal sizes in seeded random order), each to the part
 * that lacks most of its target, relative to that target. With classes, the lack is counted per class
 * too, so that each part gets its share of every class as nearly as whole groups allow.
 */
function assignGroups(k: SplitKeys, targets: number[], prng: Prng, part: Uint8Array): void {
  const G = k.groupCount!;
  const P = targets.length;
  if (G < P) {
    throw new TidysetError('BAD_INPUT', `the group column has ${G} group${G === 1 ? '' : 's'}, fewer than the ${P} parts: a group-aware split keeps each group in one part, so it needs at least one group per part`);
  }
  const size = new Int32Array(G);
  for (let i = 0; i < k.n; i++) size[k.groupOf![i]!]!++;
  const rank = new Int32Array(G);
  shuffledRange(G, prng).forEach((g, r) => (rank[g] = r));
  const order = Array.from({ length: G }, (_, g) => g).sort((a, b) => size[b]! - size[a]! || rank[a]! - rank[b]!);
  const given = new Float64Array(P);
  const groupPart = new Uint8Array(G);
  // Per group its class counts, and per part and class the wanted and given rows.
  const C = k.classLabels?.length ?? 0;
  const groupClasses = C ? classesByGroup(k) : null;
  const classTotal = new Float64Array(C);
  if (C) for (let i = 0; i < k.n; i++) classTotal[k.classOf![i]!]!++;
  const classGiven = new Float64Array(P * C);
  const n = k.n;
  for (const g of order) {
    let best = 0;
    let bestScore = -Infinity;
    for (let p = 0; p < P; p++) {
      let score = ((targets[p]! - given[p]!) / targets[p]!) * size[g]!;
      if (groupClasses) {
        for (const [c, cnt] of groupClasses[g]!) {
          const want = (classTotal[c]! * targets[p]!) / n;
          score += (cnt * (want - classGiven[p * C + c]!)) / Math.max(want, 1);
        }
      }
      if (score > bestScore + 1e-12) {
        best = p;
        bestScore = score;
      }
    }
    groupPart[g] = best;
    given[best]! += size[g]!;
    if (groupClasses) for (const [c, cnt] of groupClasses[g]!) classGiven[best * C + c]! += cnt;
  }
  for (let i = 0; i < k.n; i++) part[i] = groupPart[k.groupOf![i]!]!;
}

/** Per group, its classes and their row counts. */
function classesByGroup(k: SplitKeys): Array<Map<number, number>> {
  const out = Array.from({ length: k.groupCount! }, () => new Map<number, number>());
  for (let i = 0; i < k.n; i++) {
    const m = out[k.groupOf![i]!]!;
    const c = k.classOf![i]!;
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  return out;
}

/**
 * Earliest rows to the first part, latest to the last. A part ends after its target count, extended
 * over rows with the same time as its last row (ties stay on one side); rows less than `gap` after a
 * cut-off are left out. Rows whose time does not parse are left out (counted). `targets` are for the
 * rows with a time; later parts take what the gaps leave.
 */
function chronological(k: SplitKeys, targets: number[], gap: number, out: Assignment): void {
  const t = k.timeOf!;
  const part = out.part;
  const timed: number[] = [];
  for (let i = 0; i < k.n; i++) {
    if (Number.isNaN(t[i]!)) {
      part[i] = EXCLUDED;
      out.excluded.unparseableTime++;
    } else timed.push(i);
  }
  const order = Int32Array.from(timed).sort((a, b) => t[a]! - t[b]! || a - b);
  let at = 0;
  for (let p = 0; p < targets.length; p++) {
    const last = p === targets.length - 1;
    let end = last ? order.length : Math.min(order.length, at + targets[p]!);
    while (!last && end > at && end < order.length && t[order[end]!] === t[order[end - 1]!]) end++;
    if (end <= at) throw new TidysetError('BAD_INPUT', `part ${p + 1} of the chronological split would be empty (ties and the gap leave no rows for it)`);
    for (let j = at; j < end; j++) part[order[j]!] = p;
    at = end;
    if (last) break;
    const cut = t[order[end - 1]!]!;
    out.cutoffs.push(cut);
    while (gap > 0 && at < order.length && t[order[at]!]! < cut + gap) {
      part[order[at]!] = EXCLUDED;
      out.excluded.gap++;
      at++;
    }
  }
}
