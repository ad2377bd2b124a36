// Row keys for duplicate detection, in one pass over a row's characters without building strings:
// values normalised (case folded, whitespace collapsed and trimmed, missing as empty, fields apart),
// the normalised text hashed to a 53-bit number (cyrb53's mixing) and, optionally, its character
// 3-grams fed to a MinHash signature (minhash.ts).
import { mix53 } from '../../../shared/util/hash53';
import { BINS, finishSignature, gramHash } from './minhash';

export { hash53 } from '../../../shared/util/hash53';

/** Lower case of one UTF-16 unit: ASCII by arithmetic, the rest through toLowerCase (first unit), remembered. */
const lowerMemo = new Map<number, number>();
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerMemo.get(c);
  if (l === undefined) lowerMemo.set(c, (l = String.fromCharCode(c).toLowerCase().charCodeAt(0)));
  return l;
}

function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const SEP = 0x1f;

/** Scratch buffer of normalised character codes, grown as rows need. */
let buf = new Uint16Array(4096);

/**
 * Writes the normalised text of a row into `buf` (fields separated by U+001F, a missing value as an
 * empty field) and returns its length.
 */
function normalise(values: ReadonlyArray<string | null>): number {
  let n = 0;
  for (let f = 0; f < values.length; f++) {
    const v = values[f];
    const need = n + 2 + (v ? v.length : 0);
    if (need > buf.length) {
      const bigger = new Uint16Array(Math.max(need, buf.length * 2));
      bigger.set(buf.subarray(0, n));
      buf = bigger;
    }
    if (f) buf[n++] = SEP;
    if (!v) continue;
    let started = false;
    let space = false;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (isSpace(c)) {
        space = started;
        continue;
      }
      if (space) buf[n++] = 32;
      space = false;
      started = true;
      buf[n++] = lower(c);
    }
  }
  return n;
}

/** The normalised text of a row (for tests and the exact check of near-duplicate candidates). */
export function normalisedRow(values: ReadonlyArray<string | null>): string {
  const n = normalise(values);
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...buf.subarray(i, Math.min(n, i + 8192)));
  return s;
}

// Local bindings: module imports compiled to CommonJS are getters, too slow for a per-character loop.
const GRAM = gramHash;
const FINISH = finishSignature;
const NBINS = BINS;

/**
 * The 53-bit hash of a row's normalised text; with `sig`, also its MinHash signature written at `at`.
 * This runs for every row of a split.
 */
export function digestRow(values: ReadonlyArray<string | null>, sig?: Uint32Array, at = 0): number {
  const n = normalise(values);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  if (sig) {
    sig.fill(0xffffffff, at, at + NBINS);
    for (let i = 2; i < n; i++) GRAM(sig, at, buf[i - 2]!, buf[i - 1]!, buf[i]!);
    FINISH(sig, at, n, n >= 2 ? buf[n - 2]! : 0, n >= 1 ? buf[n - 1]! : 0);
  }
  return mix53(h1, h2);
}
