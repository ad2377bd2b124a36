// MinHash signatures of row texts for near-duplicate search: one-permutation hashing (Li, Owen &
// Zhang 2012) of character 3-grams into 16 bins, empty bins filled by rotation (Shrivastava & Li
// 2014), and LSH over 4 bands of 4 bins; a candidate pair is kept when its estimated Jaccard
// similarity reaches the threshold.

export const BINS = 16;
export const BANDS = 4;
const ROWS_PER_BAND = BINS / BANDS;
const EMPTY = 0xffffffff;

/** Writes the signature of `text` into `out` at `at` (BINS words). */
export function signature(text: string, out: Uint32Array, at: number): void {
  out.fill(EMPTY, at, at + BINS);
  const len = text.length;
  if (len === 0) {
    out.fill(0, at, at + BINS);
    return;
  }
  const grams = Math.max(1, len - 2);
  for (let i = 0; i < grams; i++) {
    let h = text.charCodeAt(i);
    if (i + 1 < len) h = Math.imul(h, 31) + text.charCodeAt(i + 1);
    if (i + 2 < len) h = Math.imul(h, 31) + text.charCodeAt(i + 2);
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    h = Math.imul(h ^ (h >>> 13), 0x45d9f3b);
    h ^= h >>> 16;
    const bin = at + (h >>> 28);
    const v = h & 0x0fffffff;
    if (v < out[bin]!) out[bin] = v;
  }
  // Rotation: an empty bin takes the next non-empty bin's value, offset by the distance.
  for (let b = 0; b < BINS; b++) {
    if (out[at + b] !== EMPTY) continue;
    for (let d = 1; d < BINS; d++) {
      const v = out[at + ((b + d) % BINS)]!;
      if (v !== EMPTY && v < 0x0fffffff) {
        out[at + b] = 0x10000000 * d + v;
        break;
      }
    }
  }
}

/** The LSH key of band `band` of a signature (bins from `at`). */
export function bandKey(sig: Uint32Array, at: number, band: number): number {
  let h1 = 0x9e3779b9 ^ band;
  let h2 = 0x85ebca6b ^ band;
  for (let j = 0; j < ROWS_PER_BAND; j++) {
    const v = sig[at + band * ROWS_PER_BAND + j]!;
    h1 = Math.imul(h1 ^ v, 2654435761);
    h2 = Math.imul(h2 ^ v, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Estimated Jaccard similarity of two signatures: the share of equal bins. */
export function similarity(sig: Uint32Array, a: number, b: number): number {
  let same = 0;
  for (let j = 0; j < BINS; j++) if (sig[a + j] === sig[b + j]) same++;
  return same / BINS;
}
