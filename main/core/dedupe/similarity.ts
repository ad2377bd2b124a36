// String similarity measures used by the comparisons, chosen by measurement (RESULTS.md § dedupe):
// Jaro-Winkler is the spelling clusters' own (no allocation per call; equal to talisman's on 200,000
// generated surname pairs and 1.6–2.7x faster on 2M of them), Levenshtein is
// fastest-levenshtein's (0.59 µs a call).
import { distance } from 'fastest-levenshtein';

export { distance as levenshtein };
export { jaroWinkler } from './spelling/jaroWinkler';

/** Weighted Jaccard of two sorted token-id lists: the weight of the shared tokens over the weight of all. */
export function weightedJaccard(x: Int32Array, y: Int32Array, w: Float64Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  let union = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      inter += w[a]!;
      union += w[a]!;
      i++;
      j++;
    } else if (a < b) {
      union += w[a]!;
      i++;
    } else {
      union += w[b]!;
      j++;
    }
  }
  for (; i < x.length; i++) union += w[x[i]!]!;
  for (; j < y.length; j++) union += w[y[j]!]!;
  return union > 0 ? inter / union : 0;
}
