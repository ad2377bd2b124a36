// What a run predicts at a threshold (the pairs its clusters or its one-to-one links hold), the
// active-learning order (the unlabelled pairs scored nearest even odds first), and a review loop
// that labels pairs in that order and re-fits — the path the review screen takes, used by the
// quality benchmark with labels from the truth.
import type { DedupeConfig } from '../../../shared/api/dedupe';
import { clusterPairs, oneToOne } from './cluster';
import { refitModel } from './model';
import { probability, scorePairs, type RunOutput } from './run';

/** Match probabilities of a run's pairs. */
export function probabilities(out: Pick<RunOutput, 'logOdds'>): Float64Array {
  return out.logOdds.map(probability);
}

/** The predicted matching pairs ("i,j", i < j, record indexes) at `threshold`. */
export function predictedPairs(out: RunOutput, config: DedupeConfig, threshold: number): Set<string> {
  const p = probabilities(out);
  const set = new Set<string>();
  if (out.nA !== null) {
    const kept = config.oneToOne ? oneToOne(out.a, out.b, p, threshold) : [...p.keys()].filter((k) => p[k]! >= threshold);
    for (const k of kept) set.add(`${out.a[k]},${out.b[k]}`);
    return set;
  }
  const c = clusterPairs(out.n, out.a, out.b, p, threshold, config.maxClusterSize);
  const members = new Map<number, number[]>();
  c.clusterOf.forEach((cl, i) => {
    if (cl < 0) return;
    let m = members.get(cl);
    if (!m) members.set(cl, (m = []));
    m.push(i);
  });
  for (const m of members.values()) for (let x = 0; x < m.length; x++) for (let y = x + 1; y < m.length; y++) set.add(`${m[x]},${m[y]}`);
  return set;
}

/** Indexes of the `limit` unlabelled pairs whose log odds are nearest 0 (probability nearest 0.5). */
export function mostUncertain(logOdds: ArrayLike<number>, labelled: (k: number) => boolean, limit: number): number[] {
  // A bounded max-heap on |log odds| would do; `limit` is small, so a sorted insertion list is enough.
  const best: Array<{ k: number; d: number }> = [];
  for (let k = 0; k < logOdds.length; k++) {
    const d = Math.abs(logOdds[k]!);
    if (best.length === limit && d >= best[best.length - 1]!.d) continue;
    if (labelled(k)) continue;
    let pos = best.length;
    while (pos > 0 && best[pos - 1]!.d > d) pos--;
    best.splice(pos, 0, { k, d });
    if (best.length > limit) best.pop();
  }
  return best.map((x) => x.k);
}

/** Labels `count` pairs in the active-learning order (batches of 10, re-fit after each) and returns the re-scored run. */
export function reviewLoop(out: RunOutput, _config: DedupeConfig, count: number, isMatch: (i: number, j: number) => boolean): RunOutput {
  const labels = new Map<number, boolean>();
  let cur = out;
  while (labels.size < count) {
    const next = mostUncertain(cur.logOdds, (k) => labels.has(k), Math.min(10, count - labels.size));
    if (!next.length) break;
    for (const k of next) labels.set(k, isMatch(out.a[k]!, out.b[k]!));
    const model = refitModel(cur.model, out.patterns.patterns, out.patterns.counts, [...labels].map(([k, match]) => ({ pat: out.pat[k]!, match })));
    cur = { ...cur, model, logOdds: scorePairs(out.cols, model, out.a, out.b, out.pat, out.patterns.patterns) };
  }
  return cur;
}
