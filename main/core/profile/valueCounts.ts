// Exact value counts of one column in bounded memory: a Map of strings while the column has few
// distinct values, then a table of 53-bit hashes with exact counts, keeping only a bounded number of
// the strings themselves (enough for the top values).

/** Distinct values counted by string before switching to hashes. */
export const STRING_CAP = 50_000;

// cyrb53 (collisions at 1M distinct values: ~1 in 18,000), the same hash the split's row keys use.
export { hash53 } from '../../../shared/util/hash53';
import { hash53 } from '../../../shared/util/hash53';

/** Open-addressing hash table: 53-bit hash → exact count. 12 bytes a slot, grown at 50 % load. */
class HashCounts {
  keys = new Float64Array(1 << 17);
  counts = new Uint32Array(1 << 17);
  size = 0;

  /** Adds n to the count of hash h (never 0: 0 marks a free slot); returns the new count. */
  add(h: number, n: number): number {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = (h % 4294967296) & mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === h) return (this.counts[i] = this.counts[i]! + n);
      if (k === 0) {
        this.keys[i] = h;
        this.counts[i] = n;
        this.size++;
        return n;
      }
      i = (i + 1) & mask;
    }
  }

  get(h: number): number {
    const mask = this.keys.length - 1;
    for (let i = (h % 4294967296) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === h) return this.counts[i]!;
      if (k === 0) return 0;
    }
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.add(keys[i]!, counts[i]!);
  }
}

/**
 * Counts the non-blank values of a column exactly. Memory: at most STRING_CAP strings in the Map
 * phase; after it, 12 bytes per distinct value plus at most 2 × STRING_CAP kept strings (those of
 * the Map phase and of later values seen twice), from which the top values are taken.
 */
export class ValueCounts {
  /** `onHashed` hears the Map of exact counts once, when counting moves to hashes. */
  constructor(private readonly onHashed?: (counts: Map<string, number>) => void) {}

  private map: Map<string, number> | null = new Map();
  private table: HashCounts | null = null;
  private named: Map<number, string> | null = null;

  add(v: string): void {
    const map = this.map;
    if (map) {
      const n = map.get(v);
      if (n !== undefined) map.set(v, n + 1);
      else {
        map.set(v, 1);
        if (map.size > STRING_CAP) this.toHashes();
      }
      return;
    }
    const h = hash53(v) || 1;
    const n = this.table!.add(h, 1);
    if (n === 2 && this.named!.size < 2 * STRING_CAP && !this.named!.has(h)) this.named!.set(h, v);
  }

  private toHashes(): void {
    this.table = new HashCounts();
    this.named = new Map();
    for (const [v, n] of this.map!) {
      const h = hash53(v) || 1;
      this.table.add(h, n);
      this.named.set(h, v);
    }
    const map = this.map!;
    this.map = null;
    this.onHashed?.(map);
  }

  /** Whether counts are kept by string (exact) or by 53-bit hash (exact up to a hash collision). */
  get hashed(): boolean {
    return this.map === null;
  }

  get distinct(): number {
    return this.map ? this.map.size : this.table!.size;
  }

  /** The count of one value (0 if never seen). */
  countOf(v: string): number {
    if (this.map) return this.map.get(v) ?? 0;
    return this.table!.get(hash53(v) || 1);
  }

  /** The k most frequent values, by count then value. */
  top(k: number): Array<{ value: string; count: number }> {
    const out: Array<{ value: string; count: number }> = [];
    if (this.map) for (const [value, count] of this.map) out.push({ value, count });
    else for (const [h, value] of this.named!) out.push({ value, count: this.table!.get(h) });
    return selectTop(out, k);
  }

  /** Every counted string with its count (the Map phase only: null once hashed). */
  entries(): Map<string, number> | null {
    return this.map;
  }
}

/** The k entries with the highest count (ties by value), without sorting them all. */
function selectTop(items: Array<{ value: string; count: number }>, k: number): Array<{ value: string; count: number }> {
  const cmp = (a: { value: string; count: number }, b: { value: string; count: number }) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  if (items.length <= k * 4) return items.sort(cmp).slice(0, k);
  const best: Array<{ value: string; count: number }> = [];
  let floor = -1;
  for (const it of items) {
    if (best.length >= k && it.count < floor) continue;
    best.push(it);
    if (best.length >= k * 4) {
      best.sort(cmp);
      best.length = k;
      floor = best[k - 1]!.count;
    }
  }
  return best.sort(cmp).slice(0, k);
}
