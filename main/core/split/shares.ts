// The parts of a split and their shares: parsing `train=80,val=10,test=10` (percent), counts
// (`train=*,val=1000,test=1000`, `*` the rest) or k folds, and turning shares into exact row counts.
import { TidysetError } from '../errors';

export interface PartShare {
  /** File name stem of the part: letters, digits, '_' and '-' only (never a path). */
  name: string;
  /** Percent of the rows, or a row count, or null for "the rest" (counts only). */
  share: number | null;
}

export interface Shares {
  unit: 'percent' | 'count';
  parts: PartShare[];
}

/** At most this many parts (and folds): part membership is kept in one byte, leakage in a 32-bit mask. */
export const MAX_PARTS = 32;
const PART_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Checks a part name: it becomes a file name, so '../x', 'a/b', '.hidden' and empty names are refused. */
export function checkPartName(name: string): void {
  if (!PART_NAME.test(name)) {
    throw new TidysetError('BAD_INPUT', `part name ${JSON.stringify(name)} is not allowed: use letters, digits, '_' and '-' (it becomes the file name, so no '/', '..' or spaces)`);
  }
}

/** Parses `--parts train=80,val=10,test=10` (percent) or `train=*,val=500,test=500` (row counts). */
export function parseParts(text: string): Shares {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length < 2) throw new TidysetError('BAD_INPUT', `--parts needs at least two parts, like train=80,test=20; got ${JSON.stringify(text)}`);
  const parts = items.map((item): PartShare => {
    const eq = item.lastIndexOf('=');
    if (eq <= 0) throw new TidysetError('BAD_INPUT', `--parts: ${JSON.stringify(item)} is not name=share`);
    const name = item.slice(0, eq).trim();
    const raw = item.slice(eq + 1).trim().replace(/%$/, '');
    if (raw === '*') return { name, share: null };
    const share = Number(raw);
    if (raw === '' || !Number.isFinite(share) || share < 0) throw new TidysetError('BAD_INPUT', `--parts: the share of ${JSON.stringify(name)} must be a number ≥ 0 (or * for the rest), got ${JSON.stringify(raw)}`);
    return { name, share };
  });
  const rest = parts.filter((p) => p.share === null).length;
  const sum = parts.reduce((s, p) => s + (p.share ?? 0), 0);
  // Percent unless a part takes the rest, or whole numbers sum past 100 (then they are row counts).
  const wholeNumbers = parts.every((p) => p.share === null || Number.isInteger(p.share));
  const unit = rest > 0 || (wholeNumbers && sum > 100) ? 'count' : 'percent';
  const shares: Shares = { unit, parts };
  checkShares(shares);
  return shares;
}

/** k folds of equal share, named fold-1 … fold-k. */
export function foldShares(k: number): Shares {
  if (!Number.isInteger(k) || k < 2 || k > MAX_PARTS) throw new TidysetError('BAD_INPUT', `--folds must be a whole number from 2 to ${MAX_PARTS}, got ${k}`);
  return { unit: 'percent', parts: Array.from({ length: k }, (_, i) => ({ name: `fold-${i + 1}`, share: 100 / k })) };
}

/** Checks names (unique, file-safe), the count of parts, and that percent shares sum to 100. */
export function checkShares(s: Shares): void {
  if (s.parts.length < 2 || s.parts.length > MAX_PARTS) throw new TidysetError('BAD_INPUT', `a split needs 2 to ${MAX_PARTS} parts, got ${s.parts.length}`);
  const seen = new Set<string>();
  for (const p of s.parts) {
    checkPartName(p.name);
    const key = p.name.toLowerCase();
    if (seen.has(key)) throw new TidysetError('BAD_INPUT', `part ${JSON.stringify(p.name)} is named twice (names are compared without case, as file names on Windows and macOS are)`);
    seen.add(key);
  }
  if (s.unit === 'percent') {
    if (s.parts.some((p) => p.share === null)) throw new TidysetError('BAD_INPUT', 'a share of * (the rest) needs the other shares as row counts');
    const sum = s.parts.reduce((t, p) => t + p.share!, 0);
    if (Math.abs(sum - 100) > 1e-6) throw new TidysetError('BAD_INPUT', `the shares sum to ${round(sum)}, not 100: ${s.parts.map((p) => `${p.name}=${p.share}`).join(',')}`);
    const zero = s.parts.find((p) => p.share === 0);
    if (zero) throw new TidysetError('BAD_INPUT', `part ${JSON.stringify(zero.name)} has a share of 0 and would be empty`);
  } else {
    if (s.parts.filter((p) => p.share === null).length > 1) throw new TidysetError('BAD_INPUT', 'only one part can take the rest (*)');
    const bad = s.parts.find((p) => p.share !== null && (!Number.isInteger(p.share) || p.share < 1));
    if (bad) throw new TidysetError('BAD_INPUT', `part ${JSON.stringify(bad.name)}: a row count must be a whole number ≥ 1, got ${bad.share}`);
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Exact row counts of the parts for `n` rows: percent shares by the largest-remainder method (ties
 * to the earlier part), so the counts sum to n; row counts as given, `*` taking the rest. A part
 * left with no rows is refused (BAD_INPUT), naming it.
 */
export function targetCounts(s: Shares, n: number): number[] {
  let counts: number[];
  if (s.unit === 'percent') {
    const exact = s.parts.map((p) => (p.share! / 100) * n);
    counts = exact.map(Math.floor);
    let left = n - counts.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]!++;
  } else {
    const fixed = s.parts.reduce((t, p) => t + (p.share ?? 0), 0);
    const restIdx = s.parts.findIndex((p) => p.share === null);
    if (fixed > n || (restIdx < 0 && fixed !== n)) {
      throw new TidysetError('BAD_INPUT', `the row counts sum to ${fixed} but the dataset has ${n} rows${restIdx < 0 ? '; give one part * to take the rest, or use percent shares that sum to 100' : ''}`);
    }
    counts = s.parts.map((p) => p.share ?? n - fixed);
  }
  const empty = counts.findIndex((c) => c === 0);
  if (empty >= 0) throw new TidysetError('BAD_INPUT', `part ${JSON.stringify(s.parts[empty]!.name)} would be empty: ${n} rows are too few for these shares`);
  return counts;
}
