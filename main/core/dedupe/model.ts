// Fellegi–Sunter scoring. Each candidate pair's levels form a pattern; u (how often non-matches agree
// at each level) comes from random record pairs, m (how often matches do) and the prior λ from EM over
// the blocked pairs' pattern counts, with labelled pairs pinned to their label. An exact agreement
// on a rare value weighs more than on a common one (term-frequency adjustment: u of that value is
// its frequency). Weights are log2 Bayes factors; a pair's score is its match probability.
import type { Model } from '../../../shared/api/dedupe';
import { level, MISSING, type PreparedColumn } from './compare';

/** Levels packed one per 3 bits (level + 1, 0 = missing). */
export const BITS = 8;
export function packLevels(levels: readonly number[]): number {
  let p = 0;
  for (let c = levels.length - 1; c >= 0; c--) p = p * BITS + (levels[c]! + 1);
  return p;
}
export function unpackLevels(p: number, columns: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    out.push((p % BITS) - 1);
    p = Math.floor(p / BITS);
  }
  return out;
}

/** The levels of pair (i, j) over all columns, packed. */
export function pattern(cols: PreparedColumn[], i: number, j: number): number {
  let p = 0;
  for (let c = cols.length - 1; c >= 0; c--) p = p * BITS + (level(cols[c]!, i, j) + 1);
  return p;
}

/** Random record pairs (A×B in a link) give u: the share of non-matches agreeing at each level. */
export function estimateU(cols: PreparedColumn[], n: number, nA: number | null, samples: number, seed = 1): number[][] {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const counts = cols.map((c) => new Float64Array(c.levels.length));
  for (let k = 0; k < samples; k++) {
    let i: number, j: number;
    if (nA === null) {
      i = Math.floor(rnd() * n);
      j = Math.floor(rnd() * (n - 1));
      if (j >= i) j++;
    } else {
      i = Math.floor(rnd() * nA);
      j = nA + Math.floor(rnd() * (n - nA));
    }
    for (let c = 0; c < cols.length; c++) {
      const l = level(cols[c]!, i, j);
      if (l !== MISSING) counts[c]![l]!++;
    }
  }
  return counts.map((cnt) => {
    const total = cnt.reduce((a, b) => a + b, 0);
    // Smoothed so that a level never seen among random pairs is rare, not impossible.
    return [...cnt].map((x) => (x + 0.5) / (total + 0.5 * cnt.length));
  });
}

export interface PatternCounts {
  patterns: number[];
  counts: number[];
  /** Labelled pairs per pattern: matches and non-matches (kept out of `counts`). */
  matches: number[];
  nonMatches: number[];
}

const initialM = (levels: number): number[] => {
  const m = Array.from({ length: levels }, (_, l) => (l === 0 ? 0.85 : l === levels - 1 ? 0.03 : 0.12 / Math.max(1, levels - 2)));
  const t = m.reduce((a, b) => a + b, 0);
  return m.map((x) => x / t);
};

/**
 * Fits m, u and λ by EM over the blocked pairs' pattern counts; labelled pairs count as certain.
 * u starts from the random pairs' estimate and is re-estimated among the blocked pairs (whose
 * non-matches agree more often than random ones: blocking put them together), pulled towards the
 * random estimate by a prior worth `U_PRIOR` pairs so that a rare level keeps its random-pair u.
 */
export function fitModel(cols: ReadonlyArray<{ name: string; levels: readonly string[] }>, uRandom: number[][], pc: PatternCounts, tf: boolean[], start?: Model): Model {
  const C = cols.length;
  const levels = pc.patterns.map((p) => unpackLevels(p, C));
  let m = start ? start.columns.map((c) => [...c.m]) : cols.map((c) => initialM(c.levels.length));
  let u = start ? start.columns.map((c) => [...c.u]) : blockedU(cols, levels, pc, uRandom);
  let lambda = start?.lambda ?? 0.01;
  let it = 0;
  const labelled = pc.matches.reduce((a, b) => a + b, 0) + pc.nonMatches.reduce((a, b) => a + b, 0);
  // A label is a reviewer's certainty: each counts for many unlabelled pairs, so that 50 labels weigh
  // about a hundredth of all the pairs (a label never counts less than one pair).
  const pairs = pc.counts.reduce((a, b) => a + b, 0);
  const lw = labelled ? Math.max(1, pairs / (LABEL_SHARE * labelled)) : 1;
  for (; it < 200; it++) {
    const numM = cols.map((c) => new Float64Array(c.levels.length));
    const numU = cols.map((c) => new Float64Array(c.levels.length));
    let matchMass = 0;
    let total = 0;
    for (let g = 0; g < levels.length; g++) {
      const lv = levels[g]!;
      let logBf = 0;
      for (let c = 0; c < C; c++) {
        const l = lv[c]!;
        if (l !== MISSING) logBf += Math.log(m[c]![l]! / u[c]![l]!);
      }
      const odds = (lambda / (1 - lambda)) * Math.exp(Math.max(-700, Math.min(700, logBf)));
      const post = Number.isFinite(odds) ? odds / (1 + odds) : 1;
      const wm = pc.counts[g]! * post + lw * pc.matches[g]!;
      const wu = pc.counts[g]! * (1 - post) + lw * pc.nonMatches[g]!;
      matchMass += wm;
      total += wm + wu;
      for (let c = 0; c < C; c++) {
        const l = lv[c]!;
        if (l === MISSING) continue;
        numM[c]![l]! += wm;
        numU[c]![l]! += wu;
      }
    }
    const nextM = numM.map((row) => {
      const t = row.reduce((a, b) => a + b, 0);
      // A small floor keeps every level possible for matches (a typo can happen anywhere).
      return t > 0 ? [...row].map((x) => (x + 1e-3 * t) / (t * (1 + 1e-3 * row.length))) : initialM(row.length);
    });
    const nextU = numU.map((row, c) => {
      const prior = uRandom[c]!;
      const t = row.reduce((a, b) => a + b, 0);
      return [...row].map((x, l) => (x + U_PRIOR * prior[l]!) / (t + U_PRIOR));
    });
    const nextLambda = Math.min(0.5, Math.max(1e-7, matchMass / Math.max(1, total)));
    let delta = Math.abs(nextLambda - lambda) / Math.max(lambda, 1e-6);
    for (let c = 0; c < C; c++) for (let l = 0; l < nextM[c]!.length; l++) delta = Math.max(delta, Math.abs(nextM[c]![l]! - m[c]![l]!), Math.abs(nextU[c]![l]! - u[c]![l]!));
    for (let c = 0; c < C; c++) monotone(nextM[c]!, nextU[c]!);
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (delta < 1e-5) break;
  }
  return {
    lambda,
    columns: cols.map((c, k) => ({ column: c.name, levels: [...c.levels], m: m[k]!, u: u[k]!, uRandom: uRandom[k]!, tf: tf[k]! })),
    iterations: it,
    labelled,
  };
}

/**
 * The starting u: how often the blocked pairs agree at each level (nearly all of them are non-matches),
 * not the random pairs' (blocking put records that share a value together, so against random-pair u
 * every blocked pair sharing a common surname looks like a match, and EM can settle on a loose
 * "match" class such as "same surname, born within a year"). Smoothed towards the random-pair u.
 */
function blockedU(cols: ReadonlyArray<{ levels: readonly string[] }>, levels: number[][], pc: PatternCounts, uRandom: number[][]): number[][] {
  const num = cols.map((c) => new Float64Array(c.levels.length));
  for (let g = 0; g < levels.length; g++) {
    const w = pc.counts[g]! + pc.nonMatches[g]!;
    const lv = levels[g]!;
    for (let c = 0; c < cols.length; c++) if (lv[c]! !== MISSING) num[c]![lv[c]!]! += w;
  }
  return num.map((row, c) => {
    const t = row.reduce((a, b) => a + b, 0);
    return [...row].map((x, l) => (x + U_PRIOR * uRandom[c]![l]!) / (t + U_PRIOR));
  });
}

/**
 * Makes the Bayes factor m/u fall from the best level to the worst (a closer agreement is never less
 * evidence of a match): adjacent levels that violate it are pooled (pool-adjacent-violators), their
 * m and u shared out in proportion to u. Keeps EM from a "match" class that merely shares, say, a city.
 */
export function monotone(m: number[], u: number[]): void {
  const blocks: Array<{ from: number; to: number; m: number; u: number }> = [];
  for (let l = 0; l < m.length; l++) {
    blocks.push({ from: l, to: l, m: m[l]!, u: u[l]! });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.m / a.u >= b.m / b.u) break;
      blocks.splice(blocks.length - 2, 2, { from: a.from, to: b.to, m: a.m + b.m, u: a.u + b.u });
    }
  }
  for (const b of blocks) for (let l = b.from; l <= b.to; l++) m[l] = (b.m * u[l]!) / b.u;
}

/** Labelled pairs together weigh 1/LABEL_SHARE of the unlabelled ones (when there are enough of those). */
const LABEL_SHARE = 100;

/** The weight (in pairs) of the random-pair estimate of u against the blocked pairs. */
const U_PRIOR = 1000;

/** Per column and level the match weight (log2 m/u). */
export function weightTable(model: Model): number[][] {
  return model.columns.map((c) => c.m.map((m, l) => Math.log2(m / c.u[l]!)));
}

/** Bounds of the term-frequency adjustment (log2): a unique value counts at most this much more. */
const TF_MAX = 6;
const TF_MIN = -4;

/** The term-frequency adjustment of an exact agreement of record i's value on column c (log2). */
export function tfBonus(col: PreparedColumn, uExact: number, i: number): number {
  const f = col.freq[col.valueId[i]!]!;
  return Math.max(TF_MIN, Math.min(TF_MAX, Math.log2(uExact / Math.max(f, 1e-9))));
}

export interface Scorer {
  weights: number[][];
  prior: number;
  tf: boolean[];
  uExact: number[];
}

export function scorer(model: Model): Scorer {
  return {
    weights: weightTable(model),
    prior: Math.log2(model.lambda / (1 - model.lambda)),
    tf: model.columns.map((c) => c.tf),
    uExact: model.columns.map((c) => (c.uRandom ?? c.u)[0]!),
  };
}

export const probability = (logOdds: number): number => 1 / (1 + 2 ** -logOdds);

/** Pattern counts with labelled pairs (by pattern index) taken out of the counts and pinned to their label. */
export function withLabels(patterns: number[], counts: number[], labels: ReadonlyArray<{ pat: number; match: boolean }>): PatternCounts {
  const pc: PatternCounts = { patterns, counts: [...counts], matches: patterns.map(() => 0), nonMatches: patterns.map(() => 0) };
  for (const l of labels) {
    if (pc.counts[l.pat]! > 0) pc.counts[l.pat]!--;
    if (l.match) pc.matches[l.pat]!++;
    else pc.nonMatches[l.pat]!++;
  }
  return pc;
}

/** Re-fits m and λ (u stays: it comes from random pairs) with the labels, starting from `model`. */
export function refitModel(model: Model, patterns: number[], counts: number[], labels: ReadonlyArray<{ pat: number; match: boolean }>): Model {
  const shape = model.columns.map((c) => ({ name: c.column, levels: c.levels }));
  return fitModel(shape, model.columns.map((c) => c.uRandom ?? c.u), withLabels(patterns, counts, labels), model.columns.map((c) => c.tf), model);
}
