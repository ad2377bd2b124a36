// The threshold curve and the pair order behind every clustering: the radix sort gives exactly the
// comparator's order (score best first, ties by index), and the one-pass curve gives at each threshold
// exactly what clusterPairs gives there, size guard and reviewer decisions included.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clusterPairs, curve, sortByScore, type Decision } from '../../../../main/core/dedupe/cluster';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const byComparator = (score: ArrayLike<number>) => Int32Array.from({ length: score.length }, (_, i) => i).sort((x, y) => score[y]! - score[x]! || x - y);

describe('sortByScore', () => {
  test('the comparator order on probabilities with many ties, exact 0 and 1, and tiny values', () => {
    const r = rng(3);
    const score = new Float64Array(50_000).map(() => {
      const x = r();
      return x < 0.2 ? 0 : x < 0.3 ? 1 : x < 0.5 ? Math.round(x * 20) / 20 : x < 0.55 ? x * 1e-300 : x;
    });
    assert.deepEqual(sortByScore(score), byComparator(score));
  });

  test('negative numbers, a plain array, an empty list, one value', () => {
    const mixed = [0.5, -2, 3, -0.25, 0, 1e-9, -1e9, 3, 0.5];
    assert.deepEqual([...sortByScore(mixed)], [...byComparator(mixed)]);
    assert.deepEqual([...sortByScore([])], []);
    assert.deepEqual([...sortByScore([0.7])], [0]);
  });

  test('NaN goes last, after every number', () => {
    assert.deepEqual([...sortByScore([0.1, NaN, 0.9, 0])], [2, 0, 3, 1]);
  });
});

describe('curve', () => {
  test('at every threshold: the pairs scoring at least it, and the clusters and records clusterPairs finds there', () => {
    const r = rng(11);
    const n = 3000;
    const m = 9000;
    const a = new Int32Array(m);
    const b = new Int32Array(m);
    const score = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      a[k] = Math.floor(r() * n);
      b[k] = (a[k]! + 1 + Math.floor(r() * 40)) % n;
      score[k] = r() < 0.1 ? 0.5 : r();
    }
    const decisions: Decision[] = [
      { a: a[0]!, b: b[0]!, match: false },
      { a: a[5]!, b: b[9]!, match: true },
      { a: 17, b: 2900, match: true },
      { a: a[3]!, b: b[3]!, match: false },
    ];
    const thresholds = [0.99, 0.01, 0.5, 0.3, 0.95, 0.7];
    for (const maxSize of [3, 50]) {
      const got = curve(n, a, b, score, maxSize, decisions, thresholds);
      assert.deepEqual(got.map((p) => p.threshold), thresholds, 'in the order asked');
      for (const p of got) {
        const c = clusterPairs(n, a, b, score, p.threshold, maxSize, decisions);
        assert.deepEqual(p, { threshold: p.threshold, pairs: score.filter((s) => s >= p.threshold).length, clusters: c.clusters, records: c.records }, `maxSize ${maxSize}, threshold ${p.threshold}`);
      }
    }
  });
});
