// Generated data for the cluster benchmark: a column of place names with injected spelling variants
// (case, spacing, accents, one-letter typos, swapped words, punctuation), ~100k distinct values over
// 1M rows by default, and which base each variant came from (the ground truth).
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '../helpers/random';

const SYLLABLES = ['ka', 'lo', 'mi', 'ber', 'stan', 'vil', 'dor', 'en', 'ra', 'tu', 'shi', 'gar', 'mon', 'le', 'ne', 'por', 'sa', 'ri', 'ton', 'burg', 'ham', 'vel', 'fa', 'zo', 'qui', 'brek', 'and', 'os', 'ul', 'mer'];
const ACCENT: Record<string, string> = { e: 'é', a: 'á', o: 'ö', u: 'ü', i: 'í', n: 'ñ', c: 'ç' };
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface ClusterData {
  /** Every distinct value with the base it was made from (a base maps to itself). */
  baseOf: Map<string, string>;
  rows: number;
}

function capital(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

function variant(base: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const i = Math.floor(rnd() * base.length);
  switch (Math.floor(rnd() * 9)) {
    case 0: return base.toLowerCase();
    case 1: return base.toUpperCase();
    case 2: return `${base} `;
    case 3: return base.replace(' ', '  ');
    case 4: {
      const letters = [...base].map((c, k) => ({ c, k })).filter((x) => ACCENT[x.c]);
      if (!letters.length) return `${base}.`;
      const { c, k } = pick(letters);
      return base.slice(0, k) + ACCENT[c]! + base.slice(k + 1);
    }
    case 5: return i > 0 ? base.slice(0, i) + base.slice(i + 1) : base.slice(1);
    case 6: return i < base.length - 1 ? base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2) : base + base.at(-1);
    case 7: return base.slice(0, i) + pick([...LETTERS]) + base.slice(i + 1);
    default: {
      const words = base.split(' ');
      return words.length > 1 ? `${words.slice(1).join(' ')}, ${words[0]}` : `St. ${base}`;
    }
  }
}

/**
 * Writes `file` (columns id, city) with `rows` rows and about `distinct` distinct cities: bases with
 * Zipf-like frequencies, 15 % of rows a variant; every variant appears at least once.
 */
export async function writeClusterCsv(file: string, rows: number, distinct: number, seed = 42): Promise<ClusterData> {
  const rnd = mulberry32(seed);
  const baseCount = Math.max(1, Math.round(distinct * 0.36));
  const bases: string[] = [];
  const seen = new Set<string>();
  while (bases.length < baseCount) {
    const word = () => capital(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join(''));
    const name = rnd() < 0.4 ? `${word()} ${word()}` : word();
    if (!seen.has(name)) {
      seen.add(name);
      bases.push(name);
    }
  }
  const baseOf = new Map<string, string>(bases.map((b) => [b, b]));
  const variants: string[][] = bases.map(() => []);
  for (let tries = 0; baseOf.size < distinct && tries < distinct * 4; tries++) {
    const b = Math.floor(rnd() * bases.length);
    const v = variant(bases[b]!, rnd);
    if (v.trim() === '' || baseOf.has(v) || v.includes('"')) continue;
    baseOf.set(v, bases[b]!);
    variants[b]!.push(v);
  }
  // Zipf-like weights (rank^-0.9) through a cumulative table.
  const cum = new Float64Array(bases.length);
  let total = 0;
  for (let r = 0; r < bases.length; r++) cum[r] = total += 1 / Math.pow(r + 1, 0.9);
  const pickBase = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('id,city\n');
  let id = 0;
  let chunk = '';
  const emit = async (v: string) => {
    chunk += `${++id},"${v}"\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  };
  for (const b of bases) await emit(b);
  for (const vs of variants) for (const v of vs) await emit(v);
  while (id < rows) {
    const b = pickBase();
    const vs = variants[b]!;
    await emit(vs.length && rnd() < 0.15 ? vs[Math.floor(rnd() * vs.length)]! : bases[b]!);
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { baseOf, rows: id };
}
