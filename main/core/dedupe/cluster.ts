// Clusters pairs above a threshold: connected components, strongest links first, with a guard
// against chaining — a link that would join two groups into one larger than maxSize is not followed —
// and the reviewer's decisions: a labelled match always links, a labelled non-match keeps its two
// records in different clusters.
export interface Decision {
  a: number;
  b: number;
  match: boolean;
}

export interface Clustering {
  /** Cluster number per record (-1: in no cluster); clusters are numbered 0… by their smallest record. */
  clusterOf: Int32Array;
  clusters: number;
  /** Records in clusters. */
  records: number;
  /** Links the size guard refused. */
  refused: number;
}

const NO_JOIN: [number, number] = [0, 0];

class UnionFind {
  parent: Int32Array;
  size: Int32Array;
  /** Records each root must never join (from non-match decisions). */
  apart = new Map<number, Set<number>>();
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  forbidden(ra: number, rb: number): boolean {
    const sa = this.apart.get(ra);
    const sb = this.apart.get(rb);
    if (!sa || !sb) return false;
    const [small, big] = sa.size < sb.size ? [sa, sb] : [sb, sa];
    for (const x of small) if (big.has(x)) return true;
    return false;
  }
  /**
   * Follows the link (i, j) unless it would make a group larger than maxSize or join records kept apart:
   * returns the sizes of the two groups joined ([0, 0] when already one), or null when refused.
   */
  link(i: number, j: number, maxSize: number): [number, number] | null {
    const ra = this.find(i);
    const rb = this.find(j);
    if (ra === rb) return NO_JOIN;
    const sa = this.size[ra]!;
    const sb = this.size[rb]!;
    if (sa + sb > maxSize || this.forbidden(ra, rb)) return null;
    this.union(ra, rb);
    return [sa, sb];
  }
  union(ra: number, rb: number): void {
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    const sb = this.apart.get(rb);
    if (sb) {
      const sa = this.apart.get(ra);
      if (!sa) this.apart.set(ra, sb);
      else for (const x of sb) sa.add(x);
      this.apart.delete(rb);
    }
  }
}

/** A union-find over n records with the reviewer's decisions applied: matches joined, non-matches kept apart. */
function seeded(n: number, decisions: readonly Decision[]): UnionFind {
  const uf = new UnionFind(n);
  // Each non-match decision gives both records a tag (its index) that no cluster may hold twice.
  decisions.forEach((d, k) => {
    if (d.match) return;
    for (const x of [d.a, d.b]) {
      let s = uf.apart.get(x);
      if (!s) uf.apart.set(x, (s = new Set()));
      s.add(k);
    }
  });
  for (const d of decisions) {
    if (!d.match) continue;
    const ra = uf.find(d.a);
    const rb = uf.find(d.b);
    if (ra !== rb && !uf.forbidden(ra, rb)) uf.union(ra, rb);
  }
  return uf;
}

/**
 * Clusters records 0…n-1 over the pairs (a[k], b[k]) whose score is at least `threshold`.
 * `order` may give the pairs' indexes sorted by score, best first (reused across thresholds).
 */
export function clusterPairs(n: number, a: ArrayLike<number>, b: ArrayLike<number>, score: ArrayLike<number>, threshold: number, maxSize: number, decisions: readonly Decision[] = [], order?: Int32Array): Clustering {
  const uf = seeded(n, decisions);
  const idx = order ?? sortByScore(score);
  let refused = 0;
  for (let t = 0; t < idx.length; t++) {
    const k = idx[t]!;
    if (!(score[k]! >= threshold)) break;
    if (uf.link(a[k]!, b[k]!, maxSize) === null) refused++;
  }
  const clusterOf = new Int32Array(n).fill(-1);
  const numberOf = new Map<number, number>();
  let records = 0;
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    if (uf.size[r]! < 2) continue;
    let c = numberOf.get(r);
    if (c === undefined) numberOf.set(r, (c = numberOf.size));
    clusterOf[i] = c;
    records++;
  }
  return { clusterOf, clusters: numberOf.size, records, refused };
}

/**
 * Pair indexes by score, best first, equal scores by index: a stable LSD radix sort on the scores' IEEE
 * bits (16 a pass; a pass whose digit is the same for all is skipped), linear in the pairs — a comparator
 * sort of 16M pairs took 15 s of a 1M-record dedupe. NaN sorts last.
 */
export function sortByScore(score: ArrayLike<number>): Int32Array {
  const n = score.length;
  const f = score instanceof Float64Array ? score : Float64Array.from(score);
  const w = new Uint32Array(f.buffer, f.byteOffset, n * 2);
  // The descending key of element k, word 1 (high) or 0 (low): non-negative doubles order by their bits,
  // negative ones by their bits inverted; inverting the ascending key gives the descending one.
  const key = (k: number, word: number): number => {
    const hi = w[2 * k + 1]!;
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | w[2 * k]!) !== 0) return 0xffffffff;
    if (hi & 0x80000000) return word ? hi : w[2 * k]!;
    return word ? ~hi & 0x7fffffff : ~w[2 * k]! >>> 0;
  };
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let out = new Int32Array(n);
  const pos = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    pos.fill(0);
    for (let k = 0; k < n; k++) pos[(key(k, word) >>> shift) & 0xffff]!++;
    if (n === 0 || pos[(key(0, word) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = pos[d]!;
      pos[d] = sum;
      sum += c;
    }
    for (let t = 0; t < n; t++) {
      const k = idx[t]!;
      out[pos[(key(k, word) >>> shift) & 0xffff]!++] = k;
    }
    const swap = idx;
    idx = out;
    out = swap;
  }
  return idx;
}

/** Link: the pairs kept when each record links at most once, best score first (indexes into the pairs). */
export function oneToOne(a: ArrayLike<number>, b: ArrayLike<number>, score: ArrayLike<number>, threshold: number, order?: Int32Array): number[] {
  const idx = order ?? sortByScore(score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const kept: number[] = [];
  for (let t = 0; t < idx.length; t++) {
    const k = idx[t]!;
    if (!(score[k]! >= threshold)) break;
    if (usedA.has(a[k]!) || usedB.has(b[k]!)) continue;
    usedA.add(a[k]!);
    usedB.add(b[k]!);
    kept.push(k);
  }
  return kept;
}

/**
 * The threshold slider's counts: pairs, clusters and records in clusters at each threshold. One pass over
 * the pairs best first, noting the counts as it passes each threshold: the same clusters as clusterPairs
 * at that threshold, which follows the same links in the same order.
 */
export function curve(n: number, a: ArrayLike<number>, b: ArrayLike<number>, score: ArrayLike<number>, maxSize: number, decisions: readonly Decision[], thresholds: readonly number[]): Array<{ threshold: number; pairs: number; clusters: number; records: number }> {
  const order = sortByScore(score);
  const uf = seeded(n, decisions);
  let clusters = 0;
  let records = 0;
  for (let i = 0; i < n; i++) {
    if (uf.find(i) !== i || uf.size[i]! < 2) continue;
    clusters++;
    records += uf.size[i]!;
  }
  const byThreshold = thresholds.map((t, i) => ({ t, i })).sort((x, y) => y.t - x.t);
  const out = new Array<{ threshold: number; pairs: number; clusters: number; records: number }>(thresholds.length);
  let t = 0;
  for (const { t: threshold, i } of byThreshold) {
    for (; t < order.length; t++) {
      const k = order[t]!;
      if (!(score[k]! >= threshold)) break;
      const joined = uf.link(a[k]!, b[k]!, maxSize);
      if (joined === null || joined === NO_JOIN) continue;
      const [sa, sb] = joined;
      // Two groups become one: each was a cluster if it held two or more records.
      clusters += 1 - (sa >= 2 ? 1 : 0) - (sb >= 2 ? 1 : 0);
      records += (sa >= 2 ? 0 : sa) + (sb >= 2 ? 0 : sb);
    }
    out[i] = { threshold, pairs: t, clusters, records };
  }
  return out;
}
