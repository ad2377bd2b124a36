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

/**
 * Clusters records 0…n-1 over the pairs (a[k], b[k]) whose score is at least `threshold`.
 * `order` may give the pairs' indexes sorted by score, best first (reused across thresholds).
 */
export function clusterPairs(n: number, a: ArrayLike<number>, b: ArrayLike<number>, score: ArrayLike<number>, threshold: number, maxSize: number, decisions: readonly Decision[] = [], order?: Int32Array): Clustering {
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
  const idx = order ?? sortByScore(score);
  let refused = 0;
  for (let t = 0; t < idx.length; t++) {
    const k = idx[t]!;
    if (score[k]! < threshold) break;
    const ra = uf.find(a[k]!);
    const rb = uf.find(b[k]!);
    if (ra === rb) continue;
    if (uf.size[ra]! + uf.size[rb]! > maxSize || uf.forbidden(ra, rb)) {
      refused++;
      continue;
    }
    uf.union(ra, rb);
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

/** Pair indexes by score, best first. */
export function sortByScore(score: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: score.length }, (_, i) => i);
  return idx.sort((x, y) => score[y]! - score[x]! || x - y);
}

/** Link: the pairs kept when each record links at most once, best score first (indexes into the pairs). */
export function oneToOne(a: ArrayLike<number>, b: ArrayLike<number>, score: ArrayLike<number>, threshold: number, order?: Int32Array): number[] {
  const idx = order ?? sortByScore(score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const kept: number[] = [];
  for (let t = 0; t < idx.length; t++) {
    const k = idx[t]!;
    if (score[k]! < threshold) break;
    if (usedA.has(a[k]!) || usedB.has(b[k]!)) continue;
    usedA.add(a[k]!);
    usedB.add(b[k]!);
    kept.push(k);
  }
  return kept;
}

/** The threshold slider's counts: pairs, clusters and records in clusters at each threshold. */
export function curve(n: number, a: ArrayLike<number>, b: ArrayLike<number>, score: ArrayLike<number>, maxSize: number, decisions: readonly Decision[], thresholds: readonly number[]): Array<{ threshold: number; pairs: number; clusters: number; records: number }> {
  const order = sortByScore(score);
  return thresholds.map((t) => {
    const c = clusterPairs(n, a, b, score, t, maxSize, decisions, order);
    let pairs = 0;
    for (let k = 0; k < score.length; k++) if (score[k]! >= t) pairs++;
    return { threshold: t, pairs, clusters: c.clusters, records: c.records };
  });
}
