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
  /** Keys of record i (none, one, or — for words — several). */
  keysOf(i: number): readonly string[];
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

/** A record's key computed once per distinct value (names repeat: the phonetic code is the costly part). */
function perValue(c: PreparedColumn, key: (v: string) => string): (i: number) => readonly string[] {
  const cache: Array<readonly string[] | undefined> = new Array(c.freq.length);
  return (i) => {
    const id = c.valueId[i]!;
    if (id < 0) return [];
    return (cache[id] ??= [key(c.norm[i]!)]);
  };
}

/** The keys derived from the compared columns. */
function keyDefs(cols: PreparedColumn[], skipped: string[]): KeyDef[] {
  const defs: KeyDef[] = [];
  const one = (v: string | null): readonly string[] => (v === null ? [] : [v]);
  for (const c of cols) {
    if (c.present === 0) continue;
    const distinct = c.freq.length;
    if (c.kind === 'tokenSet') {
      defs.push({ key: `${c.name}: words`, kind: 'token', columns: [c.name], keysOf: (i) => [...c.toks![i]!].map(String) });
      continue;
    }
    // A column of a handful of values (a state, a gender) blocks nothing useful on its own.
    if (distinct < 3) {
      skipped.push(`column ${JSON.stringify(c.name)} has ${distinct === 1 ? 'one value' : `${distinct} values`} in all its ${c.present} records: blocking on it would explode, so it is compared but not used as a blocking key`);
      continue;
    }
    // Fuzzy columns block on a prefix and a sound (an exact block lies inside its prefix block); others on the value.
    if (c.kind !== 'jaroWinkler' && c.kind !== 'levenshtein') defs.push({ key: `${c.name}: exact`, kind: 'exact', columns: [c.name], keysOf: (i) => one(c.norm[i]!) });
    else {
      defs.push({ key: `${c.name}: first 4 characters`, kind: 'prefix', columns: [c.name], keysOf: perValue(c, (v) => v.slice(0, 4)) });
      if (c.kind === 'jaroWinkler') defs.push({ key: `${c.name}: sounds like`, kind: 'phonetic', columns: [c.name], keysOf: perValue(c, phonetic) });
    }
  }
  return defs;
}

interface Plan {
  def: KeyDef;
  blocks: Map<string, number[]>;
  cap: number;
  report: BlockKey;
}

/** Pairs a block of these records gives (A×B in a link). */
function blockPairs(members: number[], side: Side): number {
  if (side.nA === null) return (members.length * (members.length - 1)) / 2;
  let a = 0;
  for (const m of members) if (m < side.nA) a++;
  return a * (members.length - a);
}

/** Counts a key's blocks and sets its cap (before any pair exists). */
function plan(def: KeyDef, side: Side, opts: BlockingOptions, budget: number): Plan {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < side.n; i++) {
    for (const k of def.keysOf(i)) {
      let b = blocks.get(k);
      if (!b) blocks.set(k, (b = []));
      b.push(i);
    }
  }
  let largest = 0;
  let largestValue: string | null = null;
  let pairsIfUncapped = 0;
  const sized: Array<{ size: number; pairs: number }> = [];
  for (const [k, m] of blocks) {
    const p = blockPairs(m, side);
    pairsIfUncapped += p;
    if (m.length > largest) [largest, largestValue] = [m.length, k];
    if (p > 0) sized.push({ size: m.length, pairs: p });
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
  return { def, blocks, cap, report: { key: def.key, kind: def.kind, columns: def.columns, blocks: blocks.size, largest, largestValue: shown, pairsIfUncapped, pairs, cappedBlocks, cappedRecords } };
}

/** The sorted-neighbourhood orders: all compared text in column order, and rotated by one column. */
function neighbourhoodKeys(cols: PreparedColumn[]): Array<{ key: string; columns: string[]; valueOf: (i: number) => string }> {
  const text = cols.filter((c) => c.kind !== 'numeric' && c.present > 0);
  if (!text.length) return [];
  const out = [{ key: `sorted neighbourhood (${text.map((c) => c.name).join(', ')})`, columns: text.map((c) => c.name), valueOf: (i: number) => text.map((c) => c.norm[i] ?? '').join('\u0001') }];
  if (text.length > 1) {
    const rot = [...text.slice(1), text[0]!];
    out.push({ key: `sorted neighbourhood (${rot.map((c) => c.name).join(', ')})`, columns: rot.map((c) => c.name), valueOf: (i: number) => rot.map((c) => c.norm[i] ?? '').join('\u0001') });
  }
  return out;
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
  for (const s of sn) {
    const order = Int32Array.from({ length: side.n }, (_, i) => i);
    const vals = Array.from({ length: side.n }, (_, i) => s.valueOf(i));
    order.sort((x, y) => (vals[x]! < vals[y]! ? -1 : vals[x]! > vals[y]! ? 1 : x - y));
    let pairs = 0;
    if (!countOnly) {
      for (let k = 0; k < order.length && !full; k++) {
        for (let d = 1; d < opts.window && k + d < order.length; d++) add(order[k]!, order[k + d]!);
        if ((k & 0xffff) === 0 && ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
      }
      pairs = set.size;
    } else pairs = Math.max(0, side.n - 1) * (opts.window - 1);
    keys.unshift({ key: s.key, kind: 'sortedNeighbourhood', columns: s.columns, blocks: 1, largest: side.n, largestValue: null, pairsIfUncapped: pairs, pairs, cappedBlocks: 0, cappedRecords: 0 });
  }
  let snTotal = set.size;
  for (const p of plans) {
    if (countOnly || full) break;
    for (const members of p.blocks.values()) {
      if (members.length > p.cap || members.length < 2) continue;
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) add(members[x]!, members[y]!);
      if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
    }
    p.blocks.clear();
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
