// String similarity measures used by the comparisons, chosen by measurement (RESULTS.md § dedupe):
// Jaro-Winkler is talisman's (a typed-array rewrite of ours was no faster: 1.51 vs 1.63 µs a call on
// short names, under load), Levenshtein is fastest-levenshtein's (0.59 µs).
import { distance } from 'fastest-levenshtein';

export { distance as levenshtein };

// talisman ships no types; its metrics are CommonJS (they run under tsx and in the bundle).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const talismanJw = require('talisman/metrics/jaro-winkler') as { similarity: (a: string, b: string) => number };

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters): talisman's. */
export const jaroWinkler: (a: string, b: string) => number = talismanJw.similarity;

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
