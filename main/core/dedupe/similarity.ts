// String similarity measures used by the comparisons. Jaro-Winkler is our own (measured ~3x faster than
// talisman's on short names, see test/bench/RESULTS.md § dedupe); Levenshtein is fastest-levenshtein's.
import { distance } from 'fastest-levenshtein';

export { distance as levenshtein };

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let p = 0;
  const maxP = Math.min(4, la, lb);
  while (p < maxP && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

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
