// Comparisons: each compared column is prepared once (normalised values, value ids and frequencies,
// numbers, days, token ids with their rarity) and a pair of records gets a level per column — 0 the
// best (exact), the last "different", -1 when either value is missing (the column then says nothing).
import type { Comparison, ComparisonKind } from '../../../shared/api/dedupe';
import { normalise, tokens } from './normalise';
import { jaroWinkler, levenshtein, weightedJaccard } from './similarity';

export const MISSING = -1;

/** Level names per comparison kind, best first. */
export const LEVELS: Record<ComparisonKind, readonly string[]> = {
  exact: ['exact', 'different'],
  jaroWinkler: ['exact', 'JW ≥ 0.92', 'JW ≥ 0.80', 'different'],
  levenshtein: ['exact', '1 edit', '2 edits', 'different'],
  tokenSet: ['same words', 'words ≥ 70 %', 'words ≥ 45 %', 'words ≥ 25 %', 'different'],
  numeric: ['exact', 'within tolerance', 'within 10× tolerance', 'different'],
  date: ['exact', '1 typo', 'within tolerance', 'within a year', 'different'],
};

/** One compared column over all records (in a link, A's records then B's). */
export interface PreparedColumn {
  name: string;
  kind: ComparisonKind;
  levels: readonly string[];
  /** Normalised value per record (null: missing). */
  norm: Array<string | null>;
  /** Id of the normalised value per record (-1: missing); equal ids are equal values. */
  valueId: Int32Array;
  /** Share of the non-missing records holding each value id (term frequency). */
  freq: Float64Array;
  /** numeric and date: the number (days for dates), NaN when it does not read as one. */
  num: Float64Array | null;
  tolerance: number;
  /** tokenSet: sorted token ids per record and each token's weight (its inverse document frequency). */
  toks: Int32Array[] | null;
  tokWeight: Float64Array | null;
  /** Records with a value. */
  present: number;
  /** Few distinct values (first names, cities): levels cached in a dense value × value table (-2: not yet). */
  dense: Int8Array | null;
}

/** Columns with at most this many distinct values cache their levels (a 16 MB table at most). */
const DENSE_MAX = 4000;

const NUM_RE = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i;

/** A number from text ("1,5" and "1 234.5" read), or NaN. */
export function readNumber(s: string): number {
  const t = s.replace(/[\s$€£¥%]/g, '');
  if (!NUM_RE.test(t)) {
    const stripped = t.replace(/,(?=\d{3}(\D|$))/g, '');
    return NUM_RE.test(stripped) ? Number(stripped) : NaN;
  }
  return Number(t.replace(',', '.'));
}

const DAY = 86_400_000;
/** Days since 1970 of a date written yyyy-mm-dd, yyyymmdd, dd/mm/yyyy or dd.mm.yyyy (day first), or NaN. */
export function readDays(s: string): number {
  let y: number, m: number, d: number;
  let r = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (r) [y, m, d] = [+r[1]!, +r[2]!, +r[3]!];
  else if ((r = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d] = [+r[1]!, +r[2]!, +r[3]!];
  else if ((r = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(s))) {
    [d, m, y] = [+r[1]!, +r[2]!, +r[3]!];
    if (m > 12 && d <= 12) [d, m] = [m, d];
  } else return NaN;
  if (m < 1 || m > 12 || d < 1 || d > 31) return NaN;
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

/** Prepares one comparison over `raw` (the column's values per record). */
export function prepareColumn(c: Comparison, raw: ReadonlyArray<string | null>): PreparedColumn {
  const n = raw.length;
  const norm: Array<string | null> = new Array(n);
  const valueId = new Int32Array(n);
  const ids = new Map<string, number>();
  // Raw values repeat (names, cities): each distinct raw value is normalised once.
  const idOfRaw = new Map<string, number>();
  const texts: string[] = [];
  const counts: number[] = [];
  let present = 0;
  for (let i = 0; i < n; i++) {
    const r = raw[i] ?? null;
    let id = r === null ? -1 : idOfRaw.get(r);
    if (id === undefined) {
      const v = normalise(r, c.normalise);
      id = v === null ? -1 : ids.get(v);
      if (id === undefined) {
        id = counts.length;
        ids.set(v!, id);
        texts.push(v!);
        counts.push(0);
      }
      idOfRaw.set(r!, id);
    }
    valueId[i] = id;
    if (id < 0) {
      norm[i] = null;
      continue;
    }
    norm[i] = texts[id]!;
    present++;
    counts[id]!++;
  }
  const freq = new Float64Array(counts.length);
  for (let k = 0; k < counts.length; k++) freq[k] = counts[k]! / Math.max(1, present);
  let num: Float64Array | null = null;
  let tolerance = c.tolerance ?? 0;
  if (c.kind === 'numeric' || c.kind === 'date') {
    num = new Float64Array(n);
    const read = c.kind === 'date' ? readDays : readNumber;
    for (let i = 0; i < n; i++) num[i] = norm[i] === null ? NaN : read(norm[i]!.replace(/ /g, c.kind === 'date' ? '-' : ''));
    if (c.kind === 'date' && !tolerance) tolerance = 31;
  }
  let toks: Int32Array[] | null = null;
  let tokWeight: Float64Array | null = null;
  if (c.kind === 'tokenSet') ({ toks, tokWeight } = tokenize(c, raw));
  return { name: c.column, kind: c.kind, levels: LEVELS[c.kind], norm, valueId, freq, num, tolerance, toks, tokWeight, present, dense: counts.length <= DENSE_MAX && c.kind !== 'exact' ? new Int8Array(counts.length * counts.length).fill(-2) : null };
}

function tokenize(c: Comparison, raw: ReadonlyArray<string | null>): { toks: Int32Array[]; tokWeight: Float64Array } {
  const n = raw.length;
  const ids = new Map<string, number>();
  const df: number[] = [];
  const toks: Int32Array[] = new Array(n);
  const keep = { ...c.normalise, punctuation: false };
  let docs = 0;
  for (let i = 0; i < n; i++) {
    const v = normalise(raw[i] ?? null, keep);
    const list = v === null ? [] : tokens(v);
    if (list.length) docs++;
    const arr = new Int32Array(list.length);
    list.forEach((t, k) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = df.length;
        ids.set(t, id);
        df.push(0);
      }
      df[id]!++;
      arr[k] = id;
    });
    toks[i] = arr.sort();
  }
  const tokWeight = new Float64Array(df.length);
  for (let k = 0; k < df.length; k++) tokWeight[k] = Math.log(1 + docs / df[k]!);
  return { toks, tokWeight };
}

/** The comparison level of records i and j on a prepared column. */
export function level(p: PreparedColumn, i: number, j: number): number {
  const vi = p.valueId[i]!;
  const vj = p.valueId[j]!;
  if (vi < 0 || vj < 0) return MISSING;
  if (vi === vj) return 0;
  if (p.kind === 'exact') return 1;
  if (p.dense === null) return compute(p, i, j);
  const k = vi * p.freq.length + vj;
  const known = p.dense[k]!;
  if (known !== -2) return known;
  const l = compute(p, i, j);
  p.dense[k] = l;
  p.dense[vj * p.freq.length + vi] = l;
  return l;
}

/** The longest JW two strings of these lengths can reach (all of the shorter one matching, a 4-letter prefix). */
function jwBound(la: number, lb: number): number {
  const m = Math.min(la, lb);
  const jaro = (m / la + m / lb + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}

/** Two strings of the same length at most one substitution apart (their edit distance is then ≤ 1; a cheaper test than Levenshtein). */
function oneSubstitution(a: string, b: string): boolean {
  let diff = 0;
  for (let k = 0; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k) && ++diff > 1) return false;
  return true;
}

function compute(p: PreparedColumn, i: number, j: number): number {
  switch (p.kind) {
    case 'exact':
      return 1;
    case 'jaroWinkler': {
      const a = p.norm[i]!;
      const b = p.norm[j]!;
      if (jwBound(a.length, b.length) < 0.8) return 3;
      const s = jaroWinkler(a, b);
      return s >= 0.92 ? 1 : s >= 0.8 ? 2 : 3;
    }
    case 'levenshtein': {
      const a = p.norm[i]!;
      const b = p.norm[j]!;
      if (Math.abs(a.length - b.length) > 2) return 3;
      const d = levenshtein(a, b);
      return d <= 1 ? 1 : d <= 2 ? 2 : 3;
    }
    case 'tokenSet': {
      const s = weightedJaccard(p.toks![i]!, p.toks![j]!, p.tokWeight!);
      return s >= 0.999 ? 0 : s >= 0.7 ? 1 : s >= 0.45 ? 2 : s >= 0.25 ? 3 : 4;
    }
    case 'numeric': {
      const x = p.num![i]!;
      const y = p.num![j]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return levenshtein(p.norm[i]!, p.norm[j]!) <= 1 ? 1 : 3;
      const d = Math.abs(x - y);
      const tol = p.tolerance || Math.max(Math.abs(x), Math.abs(y)) * 0.01;
      return d === 0 ? 0 : d <= tol ? 1 : d <= tol * 10 ? 2 : 3;
    }
    case 'date': {
      const a = p.norm[i]!;
      const b = p.norm[j]!;
      if (a.length === b.length && oneSubstitution(a, b)) return 1;
      const x = p.num![i]!;
      const y = p.num![j]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return 4;
      const d = Math.abs(x - y);
      return d === 0 ? 0 : d <= p.tolerance ? 2 : d <= 366 ? 3 : 4;
    }
  }
}
