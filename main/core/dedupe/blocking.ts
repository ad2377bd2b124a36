// Blocking: several cheap keys per compared column (exact value, 4-letter prefix, Double Metaphone of
// the first word, the words of a text) plus sorted neighbourhood over the records' compared values.
// Every key's block sizes are counted before any pair is made: a block larger than maxBlock is skipped,
// and a key whose blocks would still give more than its share of pairs has its cap lowered, biggest
// blocks first — each named in the report. Pairs from all keys go into one PairSet (distinct).
import type { BlockingOptions, BlockKey, BlockingReport } from '../../../shared/api/dedupe';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';
import type { PreparedColumn } from './compare';
import { PairSet } from './pairSet';

/** Records of a run: `n` in all; in a link the first `nA` are A's and the rest B's (only A×B pairs count). */
export interface Side {
  n: number;
  nA: number | null;
}

interface KeyDef {
  key: string;
  kind: BlockKey['kind'];
  columns: string[];
  /**
   * Where a record's keys come from: one key per value (prefix, sound, value), computed once per
   * distinct value of `column`; or any number per record (the words of a text).
   */
  source: { perValue: PreparedColumn; of: (v: string) => string } | { keysOf: (i: number) => readonly string[] };
}

/** A key's blocks as flat lists: block k holds members[start[k] … start[k+1]), records ascending; blocks in order of their first record. */
interface Blocks {
  names: string[];
  start: Int32Array;
  members: Int32Array;
}

// talisman ships no types; its Double Metaphone (CommonJS, unlike the double-metaphone package) runs under tsx and in the bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const doubleMetaphone = require('talisman/phonetics/double-metaphone') as (w: string) => [string, string];

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const phonetic = (s: string): string => {
  const w = s.split(' ')[0]!;
  if (!/^[a-z]+$/.test(w)) return w;
  return doubleMetaphone(w)[0];
};

/** A key computed once per distinct value of a column (names repeat: the phonetic code is the costly part). */
function perValueDef(key: string, kind: BlockKey['kind'], c: PreparedColumn, of: (v: string) => string): KeyDef {
  return { key, kind, columns: [c.name], source: { perValue: c, of } };
}

/** The first record's normalised text of each value id. */
function valueTexts(c: PreparedColumn): string[] {
  const text = new Array<string>(c.freq.length);
  let left = c.freq.length;
  for (let i = 0; i < c.valueId.length && left > 0; i++) {
    const v = c.valueId[i]!;
    if (v >= 0 && text[v] === undefined) {
      text[v] = c.norm[i]!;
      left--;
    }
  }
  return text;
}

/** Groups records by a key into flat lists; a key of one value per record maps value ids, not records. */
function blocksOf(def: KeyDef, n: number): Blocks {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (k: string): number => {
    let id = ids.get(k);
    if (id === undefined) {
      id = names.length;
      ids.set(k, id);
      names.push(k);
    }
    return id;
  };
  const src = def.source;
  if ('perValue' in src) {
    const c = src.perValue;
    const texts = valueTexts(c);
    // Value ids are numbered by first record, so key ids given in value order follow first records too.
    const keyOfValue = new Int32Array(texts.length);
    for (let v = 0; v < texts.length; v++) keyOfValue[v] = idOf(src.of(texts[v]!));
    const rec = new Int32Array(n);
    const count = new Int32Array(names.length + 1);
    for (let i = 0; i < n; i++) {
      const v = c.valueId[i]!;
      const k = v < 0 ? -1 : keyOfValue[v]!;
      rec[i] = k;
      if (k >= 0) count[k + 1]!++;
    }
    for (let k = 0; k < names.length; k++) count[k + 1]! += count[k]!;
    const start = count.slice();
    const members = new Int32Array(start[names.length]!);
    for (let i = 0; i < n; i++) if (rec[i]! >= 0) members[count[rec[i]!]!++] = i;
    return { names, start, members };
  }
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (const k of src.keysOf(i)) {
      const id = idOf(k);
      (lists[id] ??= []).push(i);
    }
  }
  const start = new Int32Array(names.length + 1);
  for (let k = 0; k < names.length; k++) start[k + 1] = start[k]! + lists[k]!.length;
  const members = new Int32Array(start[names.length]!);
  for (let k = 0; k < names.length; k++) members.set(lists[k]!, start[k]!);
  return { names, start, members };
}

/** The keys derived from the compared columns. */
function keyDefs(cols: PreparedColumn[], skipped: string[]): KeyDef[] {
  const defs: KeyDef[] = [];
  for (const c of cols) {
    if (c.present === 0) continue;
    const distinct = c.freq.length;
    if (c.kind === 'tokenSet') {
      defs.push({ key: `${c.name}: words`, kind: 'token', columns: [c.name], source: { keysOf: (i) => [...c.toks![i]!].map(String) } });
      continue;
    }
    // A column of a handful of values (a state, a gender) blocks nothing useful on its own.
    if (distinct < 3) {
      skipped.push(`column ${JSON.stringify(c.name)} has ${distinct === 1 ? 'one value' : `${distinct} values`} in all its ${c.present} records: blocking on it would explode, so it is compared but not used as a blocking key`);
      continue;
    }
    // Fuzzy columns block on a prefix and a sound (an exact block lies inside its prefix block); others on the value.
    if (c.kind !== 'jaroWinkler' && c.kind !== 'levenshtein') defs.push(perValueDef(`${c.name}: exact`, 'exact', c, (v) => v));
    else {
      defs.push(perValueDef(`${c.name}: first 4 characters`, 'prefix', c, (v) => v.slice(0, 4)));
      if (c.kind === 'jaroWinkler') defs.push(perValueDef(`${c.name}: sounds like`, 'phonetic', c, phonetic));
    }
  }
  return defs;
}

interface Plan {
  def: KeyDef;
  blocks: Blocks;
  cap: number;
  report: BlockKey;
}

/** Pairs a block of these records gives (A×B in a link). */
function blockPairs(members: Int32Array, from: number, to: number, side: Side): number {
  const size = to - from;
  if (side.nA === null) return (size * (size - 1)) / 2;
  let a = 0;
  for (let x = from; x < to; x++) if (members[x]! < side.nA) a++;
  return a * (size - a);
}

/** Counts a key's blocks and sets its cap (before any pair exists). */
function plan(def: KeyDef, side: Side, opts: BlockingOptions, budget: number): Plan {
  const blocks = blocksOf(def, side.n);
  const { names, start, members } = blocks;
  let largest = 0;
  let largestValue: string | null = null;
  let pairsIfUncapped = 0;
  const sized: Array<{ size: number; pairs: number }> = [];
  for (let k = 0; k < names.length; k++) {
    const size = start[k + 1]! - start[k]!;
    const p = blockPairs(members, start[k]!, start[k + 1]!, side);
    pairsIfUncapped += p;
    if (size > largest) [largest, largestValue] = [size, names[k]!];
    if (p > 0) sized.push({ size, pairs: p });
  }
  // The cap: maxBlock, lowered until the key's pairs fit its budget.
  sized.sort((x, y) => y.size - x.size);
  let cap = opts.maxBlock;
  let pairs = sized.reduce((s, b) => s + (b.size <= cap ? b.pairs : 0), 0);
  // Lowering the cap drops every block of the largest size left, one size at a time.
  for (let k = 0; pairs > budget && k < sized.length; ) {
    const size = sized[k]!.size;
    for (; k < sized.length && sized[k]!.size === size; k++) if (size <= cap) pairs -= sized[k]!.pairs;
    cap = Math.min(cap, size - 1);
  }
  let cappedBlocks = 0;
  let cappedRecords = 0;
  for (const b of sized) if (b.size > cap) [cappedBlocks, cappedRecords] = [cappedBlocks + 1, cappedRecords + b.size];
  const shown = largestValue === null ? null : def.kind === 'token' ? null : short(largestValue);
  return { def, blocks, cap, report: { key: def.key, kind: def.kind, columns: def.columns, blocks: names.length, largest, largestValue: shown, pairsIfUncapped, pairs, cappedBlocks, cappedRecords } };
}

/** The sorted-neighbourhood orders: all compared text in column order, and rotated by one column. */
function neighbourhoodKeys(cols: PreparedColumn[]): Array<{ key: string; cols: PreparedColumn[] }> {
  const text = cols.filter((c) => c.kind !== 'numeric' && c.present > 0);
  if (!text.length) return [];
  const out = [{ key: `sorted neighbourhood (${text.map((c) => c.name).join(', ')})`, cols: text }];
  if (text.length > 1) {
    const rot = [...text.slice(1), text[0]!];
    out.push({ key: `sorted neighbourhood (${rot.map((c) => c.name).join(', ')})`, cols: rot });
  }
  return out;
}

/** Each value id's rank among the column's values in string order; a missing value ranks with "" (0). */
function ranks(c: PreparedColumn): Int32Array {
  const texts = valueTexts(c);
  const byText = Int32Array.from(texts.keys()).sort((x, y) => (texts[x]! < texts[y]! ? -1 : texts[x]! > texts[y]! ? 1 : 0));
  const rank = new Int32Array(texts.length);
  byText.forEach((v, r) => (rank[v] = texts[v] === '' ? 0 : r + 1));
  return rank;
}

/**
 * Records in the order of their values column by column (missing as ""), ties by record: the order of
 * sorting the values joined by a separator below every character, by stable counting sorts on each
 * column's ranks, last column first — without building a joined string per record.
 */
function neighbourhoodOrder(cols: PreparedColumn[], rankOf: Map<PreparedColumn, Int32Array>, n: number): Int32Array {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  for (let c = cols.length - 1; c >= 0; c--) {
    const col = cols[c]!;
    let rank = rankOf.get(col);
    if (!rank) rankOf.set(col, (rank = ranks(col)));
    const key = (i: number) => {
      const v = col.valueId[i]!;
      return v < 0 ? 0 : rank[v]!;
    };
    const pos = new Int32Array(rank.length + 2);
    for (let i = 0; i < n; i++) pos[key(i) + 1]!++;
    for (let r = 0; r <= rank.length; r++) pos[r + 1]! += pos[r]!;
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      next[pos[key(i)]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

export interface BlockingOutcome {
  report: BlockingReport;
  pairs: { a: Int32Array; b: Int32Array; size: number };
}

/** Counts every key's blocks and, unless `countOnly`, generates the distinct candidate pairs. */
export function block(cols: PreparedColumn[], side: Side, opts: BlockingOptions, ctx: JobContext, countOnly = false): BlockingOutcome {
  const warnings: string[] = [];
  for (const c of cols) if (c.present === 0) warnings.push(`column ${JSON.stringify(c.name)} is blank in every record: it is not compared`);
  const defs = keyDefs(cols, warnings);
  const sn = neighbourhoodKeys(cols);
  // Each key may give its share of a budget that grows linearly with the records.
  const budget = Math.max(5_000, Math.min(opts.maxPairs, 2 * side.n));
  const plans: Plan[] = [];
  for (const d of defs) {
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
    const p = plan(d, side, opts, budget);
    plans.push(p);
    if (p.report.cappedBlocks > 0 && p.report.largest > opts.maxBlock) {
      warnings.push(`key "${d.key}" would explode: its largest block ${p.report.largestValue === null ? '' : `(${JSON.stringify(p.report.largestValue)}) `}has ${p.report.largest} records and the key would give ${fmt(p.report.pairsIfUncapped)} pairs; ${p.report.cappedBlocks} block${p.report.cappedBlocks === 1 ? '' : 's'} over ${p.cap} records skipped`);
    }
  }
  const keys = plans.map((p) => p.report);
  const set = new PairSet(countOnly ? 16 : Math.min(opts.maxPairs, side.n * 8));
  let full = false;
  const add = (i: number, j: number) => {
    if (side.nA !== null && (i < side.nA) === (j < side.nA)) return;
    if (set.size >= opts.maxPairs) {
      full = true;
      return;
    }
    set.add(i, j);
  };
  // Sorted neighbourhood first: linear, and the one key that no repeated value can blow up.
  const rankOf = new Map<PreparedColumn, Int32Array>();
  for (const s of sn) {
    const order = countOnly ? new Int32Array(0) : neighbourhoodOrder(s.cols, rankOf, side.n);
    let pairs = 0;
    if (!countOnly) {
      for (let k = 0; k < order.length && !full; k++) {
        for (let d = 1; d < opts.window && k + d < order.length; d++) add(order[k]!, order[k + d]!);
        if ((k & 0xffff) === 0 && ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
      }
      pairs = set.size;
    } else pairs = Math.max(0, side.n - 1) * (opts.window - 1);
    keys.unshift({ key: s.key, kind: 'sortedNeighbourhood', columns: s.cols.map((c) => c.name), blocks: 1, largest: side.n, largestValue: null, pairsIfUncapped: pairs, pairs, cappedBlocks: 0, cappedRecords: 0 });
  }
  let snTotal = set.size;
  for (const p of plans) {
    if (countOnly || full) break;
    const { start, members } = p.blocks;
    for (let k = 0; k + 1 < start.length; k++) {
      const from = start[k]!;
      const to = start[k + 1]!;
      if (to - from > p.cap || to - from < 2) continue;
      for (let x = from; x < to; x++) for (let y = x + 1; y < to; y++) add(members[x]!, members[y]!);
      if ((k & 0xfff) === 0 && ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
    }
    p.blocks = { names: [], start: new Int32Array(1), members: new Int32Array(0) };
    ctx.progress(0, 1, `blocking: ${fmt(set.size)} candidate pairs`);
  }
  if (full) warnings.push(`candidate pairs reached the limit of ${fmt(opts.maxPairs)}: later keys were cut short; raise maxBlock less or compare fewer columns`);
  snTotal = countOnly ? keys.reduce((s, k) => s + k.pairs, 0) : set.size;
  return {
    report: { records: side.nA ?? side.n, recordsB: side.nA === null ? null : side.n - side.nA, keys, pairs: snTotal, warnings },
    pairs: set.seal(),
  };
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(Math.round(n));
}
