// Order statistics and histograms of a sorted numeric sample: quantiles by linear interpolation
// between order statistics (Hyndman & Fan type 7, as R's default, NumPy's 'linear', DuckDB's
// quantile_cont and Excel's PERCENTILE.INC), equal-width bins.

/** The p-quantile (0 ≤ p ≤ 1) of ascending values: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export const QUANTILES = { p1: 0.01, p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;
export type Quantiles = { [K in keyof typeof QUANTILES]: number };

export function quantiles(sorted: ArrayLike<number>): Quantiles {
  const q = (p: number) => quantileSorted(sorted, p);
  return { p1: q(QUANTILES.p1), p5: q(QUANTILES.p5), p25: q(QUANTILES.p25), p50: q(QUANTILES.p50), p75: q(QUANTILES.p75), p95: q(QUANTILES.p95), p99: q(QUANTILES.p99) };
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * `bins` equal-width bins over [min, max] of ascending values (each bin [from, to), the last one
 * closed); a constant sample gives one bin. Integer samples with a small span get one bin per value.
 */
export function histogramSorted(sorted: ArrayLike<number>, bins = 20, integers = false): Bin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (min === max) return [{ from: min, to: max, count: n }];
  let count = bins;
  let width = (max - min) / bins;
  if (integers && max - min + 1 <= bins) {
    count = max - min + 1;
    width = 1;
  }
  const out: Bin[] = Array.from({ length: count }, (_, i) => ({ from: min + i * width, to: i === count - 1 && !(integers && width === 1) ? max : min + (i + 1) * width, count: 0 }));
  // One walk over the sorted values: advance the bin while the value passes its upper edge.
  let b = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    while (b < count - 1 && v >= out[b]!.to) b++;
    out[b]!.count++;
  }
  return out;
}

/** Mean and sample standard deviation (n − 1; null below two values), two-pass for accuracy. */
export function meanStd(values: ArrayLike<number>): { mean: number | null; std: number | null } {
  const n = values.length;
  if (n === 0) return { mean: null, std: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  if (n < 2) return { mean, std: null };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}
