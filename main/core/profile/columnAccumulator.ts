// Everything the profile learns about one column, fed chunk by chunk: counts, exact distinct and
// top values, type conformance, the numbers or dates themselves (sorted at the end for quantiles),
// text lengths and value shapes. The drift comparison feeds the same accumulator.
import type { ColumnType } from '../../../shared/api/catalog';
import type { ColumnProfile } from '../../../shared/api/profile';
import { isBooleanWord, isoOfMs, readDateMs, readNumber } from './readValue';
import { histogramSorted, meanStd, quantiles, type Bin } from './stats';
import { ValueCounts } from './valueCounts';

export type ValueKind = 'number' | 'date' | 'boolean' | 'text';
const TOP = 10;
const PATTERNS = 8;
/** Distinct shapes counted; rarer ones beyond this are left out of the list. */
const PATTERN_CAP = 10_000;
/** Characters of a value its shape looks at. */
const PATTERN_CHARS = 48;
const BINS = 20;
/** Text lengths counted in an array. */
const SHORT = 256;

export function kindOf(type: ColumnType): ValueKind {
  if (type === 'integer' || type === 'decimal') return 'number';
  if (type === 'date' || type === 'datetime') return 'date';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

/** The shape of a value: `John Smith` → `Aa+ Aa+`, `123-45-6789` → `999-99-9999`. */
export function patternOf(v: string): string {
  let out = '';
  let last = '';
  const n = Math.min(v.length, PATTERN_CHARS);
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    let sym: string;
    if (c >= 97 && c <= 122) sym = 'a';
    else if (c >= 65 && c <= 90) sym = 'A';
    else if (c >= 48 && c <= 57) sym = '9';
    else if (c < 128) sym = v[i]!;
    else {
      const ch = v[i]!;
      const lower = ch.toLowerCase();
      sym = lower !== ch ? 'A' : ch.toUpperCase() !== ch ? 'a' : c >= 0x3000 || /\p{L}/u.test(ch) ? 'a' : ch;
    }
    // A run of lower-case letters is `a+`; a run of two or more capitals `A+`.
    if (sym === 'a') {
      if (last !== 'a') out += 'a+';
    } else if (sym === 'A' && last === 'A') {
      if (!out.endsWith('A+')) out += '+';
    } else out += sym;
    last = sym;
  }
  return v.length > PATTERN_CHARS ? `${out}…` : out;
}

export class ColumnAccumulator {
  readonly counts: ValueCounts = new ValueCounts((map) => {
    for (const [v, n] of map) this.value(v, n);
  });
  private settled = false;
  missing = 0;
  empty = 0;
  present = 0;
  conforming = 0;
  private nums: Float64Array;
  private numCount = 0;
  private readonly patterns = new Map<string, number>();
  private minLen = Infinity;
  private maxLen = 0;
  private sumLen = 0;
  /** Counts of text lengths: up to SHORT in an array (no Map update a cell), longer ones in the Map. */
  private readonly shortLengths = new Float64Array(SHORT + 1);
  private readonly lengths = new Map<number, number>();
  private sortedCache: Float64Array | null = null;

  constructor(readonly kind: ValueKind, readonly comma = false, capacity = 1024) {
    this.nums = new Float64Array(kind === 'number' || kind === 'date' ? Math.max(16, capacity) : 0);
  }

  /**
   * Feeds a chunk of cells. While values are counted by string, the work per value (parsing it,
   * its length and shape) waits for the end and is done once per distinct value, weighted by its
   * count; a column with many distinct values is worked on cell by cell once it is counted by hash.
   */
  add(values: ReadonlyArray<string | null>): void {
    this.sortedCache = null;
    const counts = this.counts;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        this.missing++;
        continue;
      }
      if (v.length === 0) {
        this.empty++;
        continue;
      }
      this.present++;
      if (counts.hashed) {
        counts.add(v);
        this.value(v, 1);
      } else counts.add(v);
    }
  }

  /** The work on one present value seen `n` times. */
  private value(v: string, n: number): void {
    const kind = this.kind;
    if (kind === 'number' || kind === 'date') {
      const x = kind === 'number' ? readNumber(v, this.comma) : readDateMs(v);
      if (x === null) return;
      if (this.numCount + n > this.nums.length) {
        const next = new Float64Array(Math.max(this.nums.length * 2, this.numCount + n));
        next.set(this.nums.subarray(0, this.numCount));
        this.nums = next;
      }
      if (n === 1) this.nums[this.numCount++] = x;
      else {
        this.nums.fill(x, this.numCount, this.numCount + n);
        this.numCount += n;
      }
      this.conforming += n;
    } else if (kind === 'boolean') {
      if (isBooleanWord(v)) this.conforming += n;
    } else {
      this.conforming += n;
      const len = v.length;
      if (len < this.minLen) this.minLen = len;
      if (len > this.maxLen) this.maxLen = len;
      this.sumLen += len * n;
      if (len <= SHORT) this.shortLengths[len]! += n;
      else this.lengths.set(len, (this.lengths.get(len) ?? 0) + n);
      this.addPattern(patternOf(v), n);
    }
  }

  /** Values still counted by string get their per-value work (once: the end of the column). */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const entries = this.counts.entries();
    if (entries) for (const [v, n] of entries) this.value(v, n);
  }

  private addPattern(p: string, n: number): void {
    const c = this.patterns.get(p);
    if (c !== undefined) this.patterns.set(p, c + n);
    else if (this.patterns.size < PATTERN_CAP) this.patterns.set(p, n);
  }

  /** The values that read as numbers (dates: ms since 1970), ascending. */
  sorted(): Float64Array {
    this.settle();
    if (!this.sortedCache) this.sortedCache = this.nums.slice(0, this.numCount).sort();
    return this.sortedCache;
  }

  /** The profile of the column (without its name, tag and type, which the caller adds). */
  finish(): Omit<ColumnProfile, 'column' | 'type' | 'tag'> {
    this.settle();
    const base = {
      count: this.present, missing: this.missing, empty: this.empty, distinct: this.counts.distinct,
      top: this.counts.top(TOP), conforming: this.conforming,
      min: null as number | string | null, max: null as number | string | null, mean: null as number | null, std: null as number | null,
      quantiles: null as ColumnProfile['quantiles'], histogram: [] as ColumnProfile['histogram'], lengths: null as ColumnProfile['lengths'],
      patterns: [] as ColumnProfile['patterns'],
    };
    if (this.kind === 'number' || this.kind === 'date') {
      const s = this.sorted();
      if (s.length) {
        const isDate = this.kind === 'date';
        const { mean, std } = meanStd(s);
        const integers = s.every(Number.isInteger);
        const bins = histogramSorted(s, BINS, integers && !isDate);
        base.min = isDate ? isoOfMs(s[0]!) : s[0]!;
        base.max = isDate ? isoOfMs(s[s.length - 1]!) : s[s.length - 1]!;
        base.histogram = isDate ? bins.map((b) => ({ from: isoOfMs(b.from), to: isoOfMs(b.to), count: b.count })) : bins;
        if (!isDate) {
          base.mean = mean;
          base.std = std;
          base.quantiles = quantiles(s);
        }
      }
    }
    if (this.kind === 'text' && this.present > 0) {
      base.patterns = [...this.patterns].map(([pattern, count]) => ({ pattern, count }))
        .sort((a, b) => b.count - a.count || (a.pattern < b.pattern ? -1 : 1)).slice(0, PATTERNS);
      base.lengths = { min: this.minLen, max: this.maxLen, mean: this.sumLen / this.present, histogram: lengthBins(this.shortLengths, this.lengths, this.minLen, this.maxLen) };
    }
    return base;
  }
}

/** Equal-width bins of text lengths from their counts (one bin per length when the span is small). */
function lengthBins(short: Float64Array, counts: Map<number, number>, min: number, max: number): Bin[] {
  const span = max - min + 1;
  const n = Math.min(BINS, span);
  const width = span / n;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({ from: Math.ceil(min + i * width), to: Math.ceil(min + (i + 1) * width) - 1, count: 0 }));
  for (let len = 0; len < short.length; len++) if (short[len]! > 0) bins[Math.min(n - 1, Math.floor((len - min) / width))]!.count += short[len]!;
  for (const [len, c] of counts) bins[Math.min(n - 1, Math.floor((len - min) / width))]!.count += c;
  return bins;
}
