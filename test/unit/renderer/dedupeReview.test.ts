// The review screen's pure parts: counts and score bands read off the engine's threshold curve, how a
// cell differs from the reference record, and the decision a cluster's labels amount to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Cluster, CurvePoint, Pair } from '../../../shared/api/dedupe';
import { cellDiff } from '../../../renderer/features/dedupe/cellDiff';
import { countsAt, scoreBins } from '../../../renderer/features/dedupe/curve';
import { decisionOfPairs, focusPair } from '../../../renderer/features/dedupe/decisions';

/** The curve as the engine samples it (0.01, 0.05, 0.1 … 0.95, 0.99) for pairs scoring `scores`. */
const STEPS = [0.01, ...Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100), 0.99];
function curveOf(scores: number[]): CurvePoint[] {
  return STEPS.map((t) => {
    const pairs = scores.filter((s) => s >= t - 1e-9).length;
    return { threshold: t, pairs, clusters: pairs, records: pairs * 2 };
  });
}

const pair = (a: number, b: number, score: number, label: Pair['label'] = null): Pair => ({ a, b, score, weight: 0, weights: [], label });

describe('threshold curve', () => {
  const curve = curveOf([0.02, 0.3, 0.5, 0.51, 0.97, 0.995]);
  test('counts at a curve point are its own; between points they are interpolated', () => {
    assert.deepEqual(countsAt(curve, 0.5), { pairs: 4, clusters: 4, records: 8 });
    assert.equal(countsAt(curve, 0.55)?.pairs, 2);
    assert.equal(countsAt(curve, 0.525)?.pairs, 3, 'halfway between 4 (0.5) and 2 (0.55)');
    assert.equal(countsAt(curve, 0)?.pairs, 6);
    assert.equal(countsAt(curve, 1)?.pairs, 1, 'past the last point: the last point');
    assert.equal(countsAt([], 0.5), null);
  });
  test('score bands lie between the curve points, add up to the pairs, and put each pair in its band', () => {
    const bins = scoreBins(curve);
    assert.equal(bins.length, STEPS.length);
    assert.equal(bins.reduce((s, b) => s + b.count, 0), 6);
    assert.deepEqual(bins[0], { from: 0.01, to: 0.05, count: 1 });
    assert.equal(bins.find((b) => b.from === 0.5)?.count, 2, '0.5 and 0.51 in 0.5–0.55');
    assert.deepEqual(bins.at(-1), { from: 0.99, to: 1, count: 1 });
  });
});

describe('cell differences', () => {
  test('equal, equal but for case/accents/spaces, different, or one side missing', () => {
    assert.equal(cellDiff('Smith', 'Smith'), 'same');
    assert.equal(cellDiff(' José  Núñez', 'jose nunez'), 'near');
    assert.equal(cellDiff("O'Brien", 'O Brien'), 'near');
    assert.equal(cellDiff('Smith', 'Smyth'), 'diff');
    assert.equal(cellDiff(null, 'x'), 'missing');
    assert.equal(cellDiff('  ', null), 'same');
  });
});

describe('decisions', () => {
  test('a cluster is a match when every pair is, split when some are not', () => {
    assert.equal(decisionOfPairs([pair(1, 2, 0.6)]), null);
    assert.equal(decisionOfPairs([pair(1, 2, 0.6, 'match'), pair(2, 3, 0.7, 'match')]), 'match');
    assert.equal(decisionOfPairs([pair(1, 2, 0.6, 'nonMatch')]), 'nonmatch');
    assert.equal(decisionOfPairs([pair(1, 2, 0.6, 'match'), pair(2, 3, 0.7, 'nonMatch')]), 'split');
    assert.equal(decisionOfPairs([pair(1, 2, 0.6), pair(2, 3, 0.7, 'nonMatch')]), 'split');
  });
  test('the pair in focus is the one with the first record, else the best one of the chosen record', () => {
    const member = (rid: number) => ({ rid, values: [], key: null });
    const c: Cluster = { id: 1, size: 3, uncertainty: 0.5, minScore: 0.6, maxScore: 0.9, members: [member(1), member(2), member(3)], pairs: [pair(1, 2, 0.9), pair(2, 3, 0.6), pair(3, 4, 0.8)] };
    assert.deepEqual(focusPair(c, 1), c.pairs[0]);
    assert.deepEqual(focusPair(c, 2), c.pairs[2]);
  });
});
