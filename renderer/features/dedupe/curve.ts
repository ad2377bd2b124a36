// The threshold curve the engine returns (counts at 0.01 … 0.99) read two ways: the counts at any
// threshold, and a histogram of pair scores for the chart.
import type { CurvePoint } from '../../../shared/api/dedupe';
import type { ScoreBin, ThresholdCounts } from './reviewTypes';

/** The counts at `t`: the curve point at the nearest step at or above it (none above 0.99). */
export function countsAt(curve: readonly CurvePoint[], t: number): ThresholdCounts | null {
  if (curve.length === 0) return null;
  const sorted = [...curve].sort((a, b) => a.threshold - b.threshold);
  const p = sorted.find((c) => c.threshold >= t - 1e-9) ?? null;
  if (!p) return { pairs: 0, clusters: 0, records: 0 };
  return { pairs: p.pairs, clusters: p.clusters, records: p.records };
}

/** Pairs per score band of width `width`, from the cumulative pair counts. */
export function scoreBins(curve: readonly CurvePoint[], width = 0.04): ScoreBin[] {
  if (curve.length === 0) return [];
  const sorted = [...curve].sort((a, b) => a.threshold - b.threshold);
  const atLeast = (t: number) => sorted.find((c) => c.threshold >= t - 1e-9)?.pairs ?? 0;
  const bins: ScoreBin[] = [];
  const n = Math.round(1 / width);
  for (let i = 0; i < n; i++) {
    const from = Math.round(i * width * 100) / 100;
    const to = Math.round((i + 1) * width * 100) / 100;
    // The curve starts at 0.01: pairs stored below it are not kept, so the first band starts there.
    const lo = atLeast(Math.max(from, sorted[0]!.threshold));
    const hi = i === n - 1 ? 0 : atLeast(to);
    bins.push({ from, to, count: Math.max(0, lo - hi) });
  }
  return bins;
}
