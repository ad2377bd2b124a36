// Leakage between the parts of a split (or between any two datasets): rows that are exact duplicates
// across parts after normalising case and whitespace, near-duplicates (MinHash), groups found in
// more than one part, and times of a later part that are not after every time of an earlier one.
// Rows are added in one pass; the report counts them per pair of parts and keeps the offending row
// ids for the grid.
import { BANDS, BINS, bandKey, gramHashes, jaccard, similarity } from './minhash';
import { digestRow, hash53, normalisedRow } from './rowKey';

export interface PairCount {
  /** The earlier and the later part; `rows` counts rows of the later part that leak from the earlier one. */
  parts: [string, string];
  rows: number;
}

export interface LeakageReport {
  /** Compared columns (exact and near duplicates). */
  columns: string[];
  /** True when no kind of leakage was found. */
  clean: boolean;
  exactDuplicates: { rows: number; pairs: PairCount[] };
  nearDuplicates: { rows: number; threshold: number; method: string; pairs: PairCount[] } | null;
  groupOverlap: { column: string; groups: number; rows: number; pairs: PairCount[] } | null;
  timeOverlap: { column: string; rows: number; pairs: Array<PairCount & { latestEarlier: number | string; earliestLater: number | string }> } | null;
}

/** Offending row ids per kind and part, for the grid (at most SAMPLE per kind and part). */
export type LeakRows = Record<'exact' | 'near' | 'group' | 'time', Record<string, number[]>>;

const SAMPLE = 10_000;
/** Candidate pairs checked at most (a dataset of near-copies would otherwise pair everything). */
const MAX_CANDIDATES = 200_000;

/** The compared values of rows of part `side`, by row id. */
export type RowFetch = (side: number, rids: number[]) => Map<number, ReadonlyArray<string | null>>;

export const NEAR_THRESHOLD = 0.8;

export interface LeakageOptions {
  columns: string[];
  groupColumn?: string;
  timeColumn?: string;
  /** Near duplicates by MinHash (default true). */
  near?: boolean;
  threshold?: number;
}

/** The group key of a group value (NaN for a missing one, which never overlaps). */
export function groupKey(v: string | null | undefined): number {
  return v === null || v === undefined || v === '' ? NaN : hash53(v, 7);
}

/** Collects rows of the parts and reports their leakage. `capacity` is the number of rows to come. */
export class LeakageCheck {
  private n = 0;
  private readonly side: Uint8Array;
  private readonly rid: Float64Array;
  private readonly exact: Float64Array;
  private readonly group: Float64Array | null;
  private readonly time: Float64Array | null;
  private readonly sig: Uint32Array | null;

  constructor(private readonly sides: string[], capacity: number, private readonly o: LeakageOptions) {
    this.side = new Uint8Array(capacity);
    this.rid = new Float64Array(capacity);
    this.exact = new Float64Array(capacity);
    this.group = o.groupColumn ? new Float64Array(capacity) : null;
    this.time = o.timeColumn ? new Float64Array(capacity) : null;
    this.sig = o.near === false ? null : new Uint32Array(capacity * BINS);
  }

  /** Adds a row of part `side`: its compared values, a group key (NaN: none; groupKey() of a value) and time (NaN: none). */
  add(side: number, rid: number, values: ReadonlyArray<string | null>, group = NaN, time = NaN): void {
    const i = this.n++;
    this.side[i] = side;
    this.rid[i] = rid;
    this.exact[i] = digestRow(values, this.sig ?? undefined, i * BINS);
    if (this.group) this.group[i] = group;
    if (this.time) this.time[i] = time;
  }

  /** The report; `fetch` (the compared values of rows by part and row id) makes near-duplicates exact. */
  report(fetch?: RowFetch): { report: LeakageReport; rows: LeakRows } {
    const rows: LeakRows = { exact: {}, near: {}, group: {}, time: {} };
    const exact = this.overlap(this.exact, rows.exact);
    const near = this.sig ? this.nearDuplicates(exact.flagged, rows.near, fetch) : null;
    const group = this.group ? this.overlap(this.group, rows.group) : null;
    const time = this.time ? this.timeOverlap(rows.time) : null;
    const report: LeakageReport = {
      columns: this.o.columns,
      clean: exact.rows === 0 && (near?.rows ?? 0) === 0 && (group?.rows ?? 0) === 0 && (time?.rows ?? 0) === 0,
      exactDuplicates: { rows: exact.rows, pairs: exact.pairs },
      nearDuplicates: near ? {
        rows: near.rows, threshold: this.o.threshold ?? NEAR_THRESHOLD, pairs: near.pairs,
        method: `minhash (one-permutation, ${BINS} bins, ${BANDS} LSH bands) over character 3-grams${fetch ? ', candidates confirmed by exact Jaccard' : ''}${near.capped ? `; only the first ${MAX_CANDIDATES} candidate pairs were checked` : ''}`,
      } : null,
      groupOverlap: group ? { column: this.o.groupColumn!, groups: group.keys, rows: group.rows, pairs: group.pairs } : null,
      timeOverlap: time ? { column: this.o.timeColumn!, rows: time.rows, pairs: time.pairs } : null,
    };
    return { report, rows };
  }

  private record(out: Record<string, number[]>, i: number): void {
    const list = (out[this.sides[this.side[i]!]!] ??= []);
    if (list.length < SAMPLE) list.push(this.rid[i]!);
  }

  /**
   * Keys (row hashes, group hashes) seen in more than one part. The key map holds the rows of every
   * part but the largest, which then only probes it: memory follows the smaller parts.
   */
  private overlap(keys: Float64Array, out: Record<string, number[]>) {
    const n = this.n;
    const largest = this.largestSide();
    const masks = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (this.side[i] === largest || Number.isNaN(k)) continue;
      masks.set(k, (masks.get(k) ?? 0) | (1 << this.side[i]!));
    }
    for (let i = 0; i < n; i++) {
      if (this.side[i] !== largest) continue;
      const m = masks.get(keys[i]!);
      if (m !== undefined) masks.set(keys[i]!, m | (1 << largest));
    }
    const flagged = new Uint8Array(n);
    const pairs = new Map<string, PairCount>();
    let rows = 0;
    for (let i = 0; i < n; i++) {
      const m = masks.get(keys[i]!);
      const s = this.side[i]!;
      if (m === undefined || (m & ~(1 << s)) === 0) continue;
      flagged[i] = 1;
      this.record(out, i);
      const earlier = m & ((1 << s) - 1);
      if (earlier === 0) continue; // counted where it reappears
      rows++;
      for (let a = 0; a < s; a++) if (earlier & (1 << a)) this.countPair(pairs, a, s);
    }
    let multi = 0;
    for (const m of masks.values()) if (m & (m - 1)) multi++;
    return { rows, pairs: [...pairs.values()], flagged, keys: multi };
  }

  private countPair(pairs: Map<string, PairCount>, a: number, b: number, by = 1): void {
    const key = `${a}:${b}`;
    const p = pairs.get(key) ?? { parts: [this.sides[a]!, this.sides[b]!] as [string, string], rows: 0 };
    p.rows += by;
    pairs.set(key, p);
  }

  private largestSide(): number {
    const counts = new Float64Array(this.sides.length);
    for (let i = 0; i < this.n; i++) counts[this.side[i]!]!++;
    let best = 0;
    counts.forEach((c, s) => {
      if (c > counts[best]!) best = s;
    });
    return best;
  }

  /**
   * Rows of different parts whose signatures share an LSH band and whose estimated similarity comes
   * near the threshold are candidates; with `fetch`, each candidate pair is then decided by the exact
   * Jaccard similarity of its rows' character 3-grams (short rows fool a 16-bin estimate).
   */
  private nearDuplicates(exactRows: Uint8Array, out: Record<string, number[]>, fetch?: RowFetch) {
    const sig = this.sig!;
    const threshold = this.o.threshold ?? NEAR_THRESHOLD;
    const loose = fetch ? threshold - 2 / BINS : threshold;
    const largest = this.largestSide();
    const candidates: Array<[number, number]> = [];
    const seen = new Set<number>();
    const consider = (i: number, j: number) => {
      if (this.side[i] === this.side[j] || this.exact[i] === this.exact[j]) return;
      if (candidates.length >= MAX_CANDIDATES || similarity(sig, i * BINS, j * BINS) < loose) return;
      const key = i < j ? i * this.n + j : j * this.n + i;
      if (seen.has(key)) return;
      seen.add(key);
      candidates.push([i, j]);
    };
    for (let band = 0; band < BANDS; band++) {
      const first = new Map<number, number>();
      for (let i = 0; i < this.n; i++) {
        if (this.side[i] === largest || exactRows[i]) continue;
        const k = bandKey(sig, i * BINS, band);
        const j = first.get(k);
        if (j === undefined) first.set(k, i);
        else consider(j, i);
      }
      for (let i = 0; i < this.n; i++) {
        if (this.side[i] !== largest || exactRows[i]) continue;
        const j = first.get(bandKey(sig, i * BINS, band));
        if (j !== undefined) consider(j, i);
      }
    }
    const grams = fetch ? this.gramsOf(candidates, fetch) : null;
    const flagged = new Uint8Array(this.n);
    const pairs = new Map<string, PairCount>();
    const later = new Uint8Array(this.n);
    for (const [i, j] of candidates) {
      if (grams && jaccard(grams.get(i), grams.get(j)) < threshold) continue;
      for (const r of [i, j]) {
        if (!flagged[r]) {
          flagged[r] = 1;
          this.record(out, r);
        }
      }
      const [a, b] = this.side[i]! < this.side[j]! ? [i, j] : [j, i];
      if (!later[b]) {
        later[b] = 1;
        this.countPair(pairs, this.side[a]!, this.side[b]!);
      }
    }
    let rows = 0;
    for (let i = 0; i < this.n; i++) rows += later[i]!;
    return { rows, pairs: [...pairs.values()], capped: candidates.length >= MAX_CANDIDATES };
  }

  /** The 3-gram sets of the candidates' rows, fetched by part and row id. */
  private gramsOf(candidates: Array<[number, number]>, fetch: RowFetch): Map<number, Int32Array> {
    const bySide = new Map<number, Map<number, number>>();
    for (const pair of candidates) {
      for (const i of pair) {
        const s = this.side[i]!;
        let m = bySide.get(s);
        if (!m) bySide.set(s, (m = new Map()));
        m.set(this.rid[i]!, i);
      }
    }
    const out = new Map<number, Int32Array>();
    for (const [side, rids] of bySide) {
      for (const [rid, values] of fetch(side, [...rids.keys()])) out.set(rids.get(rid)!, gramHashes(normalisedRow(values)));
    }
    return out;
  }

  /** For each earlier part a and later part b: rows of b whose time is not after a's latest time. */
  private timeOverlap(out: Record<string, number[]>) {
    const t = this.time!;
    const P = this.sides.length;
    const max = new Float64Array(P).fill(-Infinity);
    const min = new Float64Array(P).fill(Infinity);
    for (let i = 0; i < this.n; i++) {
      const v = t[i]!;
      if (Number.isNaN(v)) continue;
      const s = this.side[i]!;
      if (v > max[s]!) max[s] = v;
      if (v < min[s]!) min[s] = v;
    }
    // The latest time of all earlier parts, per part.
    const before = new Float64Array(P).fill(-Infinity);
    for (let s = 1; s < P; s++) before[s] = Math.max(before[s - 1]!, max[s - 1]!);
    const counts = new Float64Array(P * P);
    let rows = 0;
    for (let i = 0; i < this.n; i++) {
      const v = t[i]!;
      const s = this.side[i]!;
      if (Number.isNaN(v) || s === 0 || v > before[s]!) continue;
      rows++;
      this.record(out, i);
      for (let a = 0; a < s; a++) if (v <= max[a]!) counts[a * P + s]!++;
    }
    const pairs: Array<PairCount & { latestEarlier: number; earliestLater: number }> = [];
    for (let a = 0; a < P; a++) {
      for (let b = a + 1; b < P; b++) {
        const c = counts[a * P + b]!;
        if (c > 0) pairs.push({ parts: [this.sides[a]!, this.sides[b]!], rows: c, latestEarlier: max[a]!, earliestLater: min[b]! });
      }
    }
    return { rows, pairs };
  }
}
