// The threshold curve the engine returns (counts at a few thresholds: 0.01, 0.05, 0.1 … 0.95, 0.99)
// read two ways: counts at any threshold, interpolated between its points for the live slider, and a
// histogram of pair scores (one band between each two points) for the chart.
import type { CurvePoint } from '../../../shared/api/dedupe';
import type { ScoreBin, ThresholdCounts } from './reviewTypes';

function sorted(curve: readonly CurvePoint[]): CurvePoint[] {
  return [...curve].sort((a, b) => a.threshold - b.threshold);
}

/** Counts at `t`, linear between the two curve points around it (the end points outside them). */
export function countsAt(curve: readonly CurvePoint[], t: number): ThresholdCounts | null {
  if (curve.length === 0) return null;
  const s = sorted(curve);
  const hi = s.findIndex((c) => c.threshold >= t - 1e-9);
  const pick = (p: CurvePoint): ThresholdCounts => ({ pairs: p.pairs, clusters: p.clusters, records: p.records });
  if (hi === 0) return pick(s[0]!);
  if (hi < 0) return pick(s[s.length - 1]!);
  const a = s[hi - 1]!;
  const b = s[hi]!;
  const f = (t - a.threshold) / (b.threshold - a.threshold || 1);
  const mix = (x: number, y: number) => Math.round(x + (y - x) * f);
  return { pairs: mix(a.pairs, b.pairs), clusters: mix(a.clusters, b.clusters), records: mix(a.records, b.records) };
}

/** Pairs per score band: between each two curve points, and from the last point to 1. */
export function scoreBins(curve: readonly CurvePoint[]): ScoreBin[] {
  const s = sorted(curve);
  return s.map((p, i) => {
    const next = s[i + 1];
    return { from: p.threshold, to: next ? next.threshold : 1, count: Math.max(0, p.pairs - (next ? next.pairs : 0)) };
  });
}
