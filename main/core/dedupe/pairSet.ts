// A set of record pairs (i < j) in two typed arrays with open addressing: tens of millions of pairs
// without a JavaScript object per pair, in insertion order for the scorer to walk.
export class PairSet {
  private slotsA: Int32Array;
  private slotsB: Int32Array;
  private mask: number;
  /** Pairs in insertion order. */
  a: Int32Array;
  b: Int32Array;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slotsA = new Int32Array(cap).fill(-1);
    this.slotsB = new Int32Array(cap);
    this.mask = cap - 1;
    this.a = new Int32Array(Math.max(16, expected));
    this.b = new Int32Array(Math.max(16, expected));
  }

  /** Adds the pair {i, j} (i ≠ j); false if it was there already. */
  add(i: number, j: number): boolean {
    if (i > j) [i, j] = [j, i];
    const s = this.slot(i, j);
    if (this.slotsA[s] !== -1) return false;
    this.slotsA[s] = i;
    this.slotsB[s] = j;
    if (this.size === this.a.length) {
      const na = new Int32Array(this.a.length * 2);
      na.set(this.a);
      const nb = new Int32Array(this.b.length * 2);
      nb.set(this.b);
      this.a = na;
      this.b = nb;
    }
    this.a[this.size] = i;
    this.b[this.size] = j;
    this.size++;
    if (this.size * 2 > this.mask) this.grow();
    return true;
  }

  has(i: number, j: number): boolean {
    if (i > j) [i, j] = [j, i];
    return this.slotsA[this.slot(i, j)] !== -1;
  }

  /** The slot holding the pair (i < j), or the free slot where it would go. */
  private slot(i: number, j: number): number {
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h ^= h >>> 15;
    let s = h & this.mask;
    for (;;) {
      const x = this.slotsA[s]!;
      if (x === -1 || (x === i && this.slotsB[s] === j)) return s;
      s = (s + 1) & this.mask;
    }
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    this.slotsA = new Int32Array(cap).fill(-1);
    this.slotsB = new Int32Array(cap);
    this.mask = cap - 1;
    const n = this.size;
    this.size = 0;
    const a = this.a;
    const b = this.b;
    this.a = new Int32Array(a.length);
    this.b = new Int32Array(b.length);
    for (let k = 0; k < n; k++) this.add(a[k]!, b[k]!);
  }

  /** Frees the hash slots once no more pairs will be added (the pair lists stay). */
  seal(): { a: Int32Array; b: Int32Array; size: number } {
    this.slotsA = new Int32Array(0);
    this.slotsB = new Int32Array(0);
    return { a: this.a.subarray(0, this.size), b: this.b.subarray(0, this.size), size: this.size };
  }
}
