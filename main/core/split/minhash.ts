// MinHash signatures of row texts for near-duplicate search: one-permutation hashing (Li, Owen &
// Zhang 2012) of character 3-grams into 16 bins, empty bins filled by rotation (Shrivastava & Li
// 2014), and LSH over 4 bands of 4 bins; a candidate pair is kept when its estimated Jaccard
// similarity reaches the threshold.

export const BINS = 16;
export const BANDS = 4;
const ROWS_PER_BAND = BINS / BANDS;
const EMPTY = 0xffffffff;

/** Puts the 3-gram (a, b, c) of character codes into the signature at `at` (its bins start all ones). */
export function gramHash(sig: Uint32Array, at: number, a: number, b: number, c: number): void {
  let h = Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 13;
  const bin = at + (h >>> 28);
  const v = h & 0x0fffffff;
  if (v < sig[bin]!) sig[bin] = v;
}

/**
 * Completes a signature after `n` characters (the last two were `a`, `b`): a text shorter than three
 * characters is one gram; an empty text is all zeros; empty bins are filled by rotation.
 */
export function finishSignature(sig: Uint32Array, at: number, n: number, a: number, b: number): void {
  if (n === 0) {
    sig.fill(0, at, at + BINS);
    return;
  }
  if (n < 3) gramHash(sig, at, n === 2 ? a : 0, b, 0);
  // Rotation: an empty bin takes the next non-empty bin's value, offset by the distance.
  for (let k = 0; k < BINS; k++) {
    if (sig[at + k] !== EMPTY) continue;
    for (let d = 1; d < BINS; d++) {
      const v = sig[at + ((k + d) % BINS)]!;
      if (v !== EMPTY && v < 0x0fffffff) {
        sig[at + k] = 0x10000000 * d + v;
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

/** The sorted distinct 3-gram hashes of a text (for the exact Jaccard similarity of two rows). */
export function gramHashes(text: string): Int32Array {
  const len = text.length;
  const grams = Math.max(1, len - 2);
  const out = new Int32Array(grams);
  for (let i = 0; i < grams; i++) {
    const a = text.charCodeAt(i);
    const b = i + 1 < len ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < len ? text.charCodeAt(i + 2) : 0;
    out[i] = Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c, 0xc2b2ae3d);
  }
  out.sort();
  let k = 0;
  for (let i = 0; i < grams; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i]!;
  return out.subarray(0, k);
}

/** Jaccard similarity of two sorted distinct hash sets. */
export function jaccard(x: Int32Array | undefined, y: Int32Array | undefined): number {
  if (!x || !y) return 0;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      both++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return both / (x.length + y.length - both);
}

/** Estimated Jaccard similarity of two signatures: the share of equal bins. */
export function similarity(sig: Uint32Array, a: number, b: number): number {
  let same = 0;
  for (let j = 0; j < BINS; j++) if (sig[a + j] === sig[b + j]) same++;
  return same / BINS;
}
