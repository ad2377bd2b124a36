// Nearest-neighbour spelling clusters: pairs of values within a Levenshtein radius (found exactly with
// PassJoin's segment index, Li et al. 2011) or above a Jaro-Winkler threshold (candidates from sorted
// neighbourhoods over three orders), grouped around the most frequent value so that chains of
// near neighbours (Lund ~ Luna ~ Lima) do not merge into one giant cluster.
import { distance } from 'fastest-levenshtein';
import { TidysetError } from '../../errors';
import { jaroWinkler } from './jaroWinkler';
import { fingerprint } from './keys';

/** Forms longer than this are left out of nearest-neighbour comparison (edit distance is quadratic in length). */
export const NN_MAX_CHARS = 300;
/** Each form is compared with this many neighbours in each sorted order (Jaro-Winkler). */
export const JW_WINDOW = 12;

export interface Progress {
  (done: number, total: number): void;
}

/** Pairs of form ids (i < j not required) as two parallel growable arrays. */
export class Edges {
  a: number[] = [];
  b: number[] = [];
  /** Candidate pairs whose distance or similarity was computed. */
  compared = 0;
  add(x: number, y: number): void {
    this.a.push(x);
    this.b.push(y);
  }
  get size(): number {
    return this.a.length;
  }
}

function checkEvery(i: number, total: number, progress: Progress, cancelled: () => boolean): void {
  if ((i & 1023) !== 0) return;
  if (cancelled()) throw new TidysetError('CANCELLED', 'cancelled');
  progress(i, total);
}

/** Segment lengths and starts of a string of length `l` cut into `k` parts (the shorter parts first). */
function segments(l: number, k: number): { start: number[]; len: number[] } {
  const base = Math.floor(l / k);
  const longer = l % k;
  const start: number[] = [];
  const len: number[] = [];
  let p = 0;
  for (let i = 0; i < k; i++) {
    const n = i < k - longer ? base : base + 1;
    start.push(p);
    len.push(n);
    p += n;
  }
  return { start, len };
}

/**
 * The kinds of character in a string as 32 bits (code unit mod 32). A bit set in one mask and not the
 * other stands for at least one character kind the other string lacks, so the count of such bits is a
 * lower bound of the edit distance (collisions only lower it further).
 */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Every pair of forms whose Levenshtein distance is at most `radius`, both longer than `radius` (two
 * one-letter values are always within one edit, and mean nothing). Exact: no pair is missed.
 */
export function levenshteinPairs(forms: readonly string[], radius: number, progress: Progress, cancelled: () => boolean): Edges {
  const r = radius;
  const k = r + 1;
  const order = forms.map((_, i) => i).filter((i) => forms[i]!.length > r && forms[i]!.length <= NN_MAX_CHARS);
  order.sort((x, y) => forms[x]!.length - forms[y]!.length || x - y);
  // Segment index: length → "segment number \u0001 segment text" → ids of the forms already probed.
  const index = new Map<number, Map<string, number[]>>();
  const schemes = new Map<number, { start: number[]; len: number[] }>();
  const scheme = (l: number) => {
    let s = schemes.get(l);
    if (!s) schemes.set(l, (s = segments(l, k)));
    return s;
  };
  const seen = new Int32Array(forms.length).fill(-1);
  const masks = new Int32Array(forms.length);
  for (const i of order) masks[i] = charMask(forms[i]!);
  const edges = new Edges();
  for (let n = 0; n < order.length; n++) {
    checkEvery(n, order.length, progress, cancelled);
    const id = order[n]!;
    const t = forms[id]!;
    const lt = t.length;
    for (let l = Math.max(k, lt - r); l <= lt; l++) {
      const byKey = index.get(l);
      if (!byKey) continue;
      const { start, len } = scheme(l);
      const delta = lt - l;
      for (let i = 0; i < k; i++) {
        const p = start[i]!;
        const from = Math.max(0, p - i, p + delta - (r - i));
        const to = Math.min(lt - len[i]!, p + i, p + delta + (r - i));
        for (let s = from; s <= to; s++) {
          const ids = byKey.get(`${i}\u0001${t.slice(s, s + len[i]!)}`);
          if (!ids) continue;
          for (const other of ids) {
            if (seen[other] === id) continue;
            seen[other] = id;
            // Each character kind one string has and the other lacks costs at least one edit.
            const mt = masks[id]!;
            const mo = masks[other]!;
            if (popcount(mt & ~mo) > r || popcount(mo & ~mt) > r) continue;
            edges.compared++;
            if (distance(t, forms[other]!) <= r) edges.add(id, other);
          }
        }
      }
    }
    let own = index.get(lt);
    if (!own) index.set(lt, (own = new Map()));
    const { start, len } = scheme(lt);
    for (let i = 0; i < k; i++) {
      const key = `${i}\u0001${t.slice(start[i]!, start[i]! + len[i]!)}`;
      const ids = own.get(key);
      if (ids) ids.push(id);
      else own.set(key, [id]);
    }
  }
  progress(order.length, order.length);
  return edges;
}

function reversed(s: string): string {
  return [...s].reverse().join('');
}

/**
 * Pairs of forms with Jaro-Winkler similarity ≥ `threshold`, among the candidates of three sorted
 * orders (the forms, the forms reversed, their word-sorted fingerprints): each form is compared with
 * the next JW_WINDOW forms of each order (a pair close in two orders is compared twice, which is cheaper than
 * remembering pairs). Near-linear; a pair far apart in all three orders is missed.
 */
export function jaroWinklerPairs(forms: readonly string[], threshold: number, progress: Progress, cancelled: () => boolean): Edges {
  const ids = forms.map((_, i) => i).filter((i) => forms[i]!.length > 1 && forms[i]!.length <= NN_MAX_CHARS);
  // With the largest Winkler boost (4 prefix characters) a pair reaches the threshold only if Jaro reaches
  // jmin, which bounds the length ratio: Jaro ≤ (2 + short/long) / 3.
  const jmin = Math.max(0, (threshold - 0.4) / 0.6);
  const minRatio = Math.max(0, 3 * jmin - 2);
  const sortKeys = [(s: string) => s, reversed, fingerprint];
  const masks = new Int32Array(forms.length);
  for (const i of ids) masks[i] = charMask(forms[i]!);
  const edges = new Edges();
  const total = ids.length * sortKeys.length;
  let done = 0;
  for (const keyOf of sortKeys) {
    const keyed = ids.map((i) => ({ i, k: keyOf(forms[i]!) }));
    keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : x.i - y.i));
    for (let n = 0; n < keyed.length; n++, done++) {
      checkEvery(done, total, progress, cancelled);
      const x = keyed[n]!.i;
      const a = forms[x]!;
      for (let m = n + 1; m < keyed.length && m <= n + JW_WINDOW; m++) {
        const y = keyed[m]!.i;
        const b = forms[y]!;
        const short = Math.min(a.length, b.length);
        const long = Math.max(a.length, b.length);
        if (short < minRatio * long) continue;
        // Characters of a kind the other string lacks cannot match: an upper bound of the matches, and
        // so of the similarity (all matches in order, the full prefix boost).
        const most = Math.min(a.length - popcount(masks[x]! & ~masks[y]!), b.length - popcount(masks[y]! & ~masks[x]!));
        if (most <= 0 || 0.6 * ((most / a.length + most / b.length + 1) / 3) + 0.4 < threshold) continue;
        edges.compared++;
        if (jaroWinkler(a, b) >= threshold) edges.add(x, y);
      }
    }
  }
  progress(total, total);
  return edges;
}

/**
 * Groups forms around centres: forms taken by weight (row count) descending, each one not yet taken
 * becomes a centre and takes its untaken neighbours. Returns the groups of two or more forms.
 */
export function starGroups(weights: readonly number[], edges: Edges): number[][] {
  const n = weights.length;
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < edges.size; e++) {
    deg[edges.a[e]! + 1]!++;
    deg[edges.b[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const adj = new Int32Array(deg[n]!);
  const fill = deg.slice(0, n);
  for (let e = 0; e < edges.size; e++) {
    const x = edges.a[e]!;
    const y = edges.b[e]!;
    adj[fill[x]!++] = y;
    adj[fill[y]!++] = x;
  }
  const byWeight = Array.from({ length: n }, (_, i) => i).filter((i) => deg[i + 1]! > deg[i]!);
  byWeight.sort((x, y) => weights[y]! - weights[x]! || x - y);
  const taken = new Uint8Array(n);
  const groups: number[][] = [];
  for (const c of byWeight) {
    if (taken[c]) continue;
    taken[c] = 1;
    const g = [c];
    for (let p = deg[c]!; p < deg[c + 1]!; p++) {
      const o = adj[p]!;
      if (!taken[o]) {
        taken[o] = 1;
        g.push(o);
      }
    }
    if (g.length > 1) groups.push(g);
  }
  return groups;
}
