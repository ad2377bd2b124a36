// Jaro-Winkler similarity on UTF-16 code units (the usual definition: boost threshold 0.7, prefix of
// up to 4 characters, scaling 0.1), written here because talisman's allocates four arrays per call;
// this one reuses stamped buffers (measured side by side in test/bench/clusterBench.ts).

let stampB = new Int32Array(256);
let hitsA = new Int32Array(256);
let stamp = 0;

function room(n: number): void {
  if (stampB.length < n) {
    stampB = new Int32Array(n * 2);
    stamp = 0;
  }
  if (hitsA.length < n) hitsA = new Int32Array(n * 2);
}

/** Jaro similarity in [0, 1]: 1 for equal strings, 0 when nothing matches. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  // The shorter string looks for its characters in the longer one, as talisman and OpenRefine do.
  if (a.length > b.length) {
    const t = a;
    a = b;
    b = t;
  }
  const la = a.length;
  const lb = b.length;
  if (la === 0) return 0;
  room(lb);
  if (++stamp === 0x7fffffff) {
    stampB.fill(0);
    stamp = 1;
  }
  const s = stamp;
  const range = Math.max((lb >> 1) - 1, 0);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const hi = Math.min(i + range + 1, lb);
    for (let j = i > range ? i - range : 0; j < hi; j++) {
      if (stampB[j] !== s && b.charCodeAt(j) === c) {
        stampB[j] = s;
        hitsA[m++] = i;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let x = 0; x < m; x++) {
    while (stampB[k] !== s) k++;
    if (a.charCodeAt(hitsA[x]!) !== b.charCodeAt(k)) t++;
    k++;
  }
  t >>= 1;
  return (m / la + m / lb + (m - t) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < 0.7 || j === 1) return j;
  const n = Math.min(4, a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return j + p * 0.1 * (1 - j);
}
