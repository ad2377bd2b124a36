// One dedupe or link run over records in memory: prepare the compared columns, block, compare every
// candidate pair once (its pattern of levels), estimate u from random pairs and m/λ by EM (or take a
// given model), then score. Link runs put A's records first and B's after them (only A×B pairs).
import type { BlockingReport, Comparison, DedupeConfig, Model } from '../../../shared/api/dedupe';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';
import { prepareColumn, type PreparedColumn } from './compare';
import { block } from './blocking';
import { estimateU, fitModel, pattern, probability, scorer, tfBonus, unpackLevels, type PatternCounts } from './model';

/** Records to compare: row ids, and per compared column its values in record order. */
export interface RecordSet {
  rids: ArrayLike<number>;
  /** values[c][i]: record i's value of comparison c's column (B's column in a link's B side). */
  values: ReadonlyArray<ReadonlyArray<string | null>>;
}

export interface RunOutput {
  cols: PreparedColumn[];
  report: BlockingReport;
  model: Model;
  patterns: PatternCounts;
  /** Candidate pairs as record indexes (link: b ≥ nA), each pair's pattern index and score. */
  a: Int32Array;
  b: Int32Array;
  pat: Int32Array;
  logOdds: Float64Array;
  n: number;
  nA: number | null;
  comparisons: number;
}

const TF_KINDS = new Set(['exact', 'jaroWinkler', 'levenshtein', 'date']);
const U_SAMPLES = 200_000;

/** The comparisons of a link as one column list over A's records then B's. */
function concatValues(a: RecordSet, b: RecordSet | undefined, c: number): Array<string | null> {
  const out = Array.from(a.values[c]!);
  if (b) for (const v of b.values[c]!) out.push(v);
  return out;
}

export function run(config: DedupeConfig, a: RecordSet, b: RecordSet | undefined, ctx: JobContext, fixed?: Model): RunOutput {
  const nA = b ? a.rids.length : null;
  const n = a.rids.length + (b ? b.rids.length : 0);
  ctx.progress(0, 4, 'preparing values');
  const cols = config.comparisons.map((c: Comparison, k) => prepareColumn(c, concatValues(a, b, k)));
  if (cols.every((c) => c.present === 0)) throw new TidysetError('BAD_INPUT', `every compared column is blank in every record (${cols.map((c) => JSON.stringify(c.name)).join(', ')}): nothing to compare`);
  ctx.progress(1, 4, 'blocking');
  const { report, pairs } = block(cols, { n, nA }, config.blocking, ctx);
  ctx.progress(2, 4, `comparing ${pairs.size} pairs`);
  const pat = new Int32Array(pairs.size);
  const ids = new Map<number, number>();
  const patterns: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < pairs.size; k++) {
    const p = pattern(cols, pairs.a[k]!, pairs.b[k]!);
    let id = ids.get(p);
    if (id === undefined) {
      id = patterns.length;
      ids.set(p, id);
      patterns.push(p);
      counts.push(0);
    }
    counts[id]!++;
    pat[k] = id;
    if ((k & 0x3ffff) === 0) {
      if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
      ctx.progress(2 + k / Math.max(1, pairs.size), 4, `comparing: ${k} of ${pairs.size} pairs`);
    }
  }
  const pc: PatternCounts = { patterns, counts, matches: patterns.map(() => 0), nonMatches: patterns.map(() => 0) };
  ctx.progress(3, 4, 'estimating the model');
  const model = fixed ?? fitModel(cols, estimateU(cols, n, nA, n > 1 ? U_SAMPLES : 0), pc, cols.map((c) => TF_KINDS.has(c.kind)));
  const logOdds = scorePairs(cols, model, pairs.a, pairs.b, pat, patterns);
  ctx.progress(4, 4, 'scored');
  return { cols, report, model, patterns: pc, a: pairs.a, b: pairs.b, pat, logOdds, n, nA, comparisons: pairs.size };
}

/** Each pair's log2 match odds under the model, with the term-frequency adjustment of exact agreements. */
export function scorePairs(cols: PreparedColumn[], model: Model, a: Int32Array, b: Int32Array, pat: Int32Array, patterns: number[]): Float64Array {
  const s = scorer(model);
  const C = cols.length;
  const base = patterns.map((p) => {
    const lv = unpackLevels(p, C);
    let w = s.prior;
    for (let c = 0; c < C; c++) if (lv[c]! >= 0) w += s.weights[c]![lv[c]!]!;
    return { w, exact: lv.map((l, c) => l === 0 && s.tf[c]!) };
  });
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const g = base[pat[k]!]!;
    let w = g.w;
    for (let c = 0; c < C; c++) if (g.exact[c]) w += tfBonus(cols[c]!, s.uExact[c]!, a[k]!);
    out[k] = w;
  }
  return out;
}

/** Per column the level name and weight of pair (i, j) of pattern `p` (tf adjustment included). */
export function pairWeights(cols: PreparedColumn[], model: Model, p: number, i: number): Array<{ column: string; level: string; weight: number }> {
  const s = scorer(model);
  const lv = unpackLevels(p, cols.length);
  return cols.map((c, k) => {
    const l = lv[k]!;
    if (l < 0) return { column: c.name, level: 'missing', weight: 0 };
    const w = s.weights[k]![l]! + (l === 0 && s.tf[k] ? tfBonus(c, s.uExact[k]!, i) : 0);
    return { column: c.name, level: c.levels[l]!, weight: w };
  });
}

export { probability };
