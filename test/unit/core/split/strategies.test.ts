// Property tests of the split strategies on random data: exact shares, class shares within ±1 % of
// the whole, no group in two parts, chronological order with ties on one side and the gap kept,
// and the same seed giving the same assignment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../../../helpers/random';
import { EXCLUDED, assignParts, type SplitKeys } from '../../../../main/core/split/strategies';
import { foldShares, parseParts, targetCounts } from '../../../../main/core/split/shares';
import { Prng } from '../../../../main/core/split/prng';
import { TidysetError } from '../../../../main/core/errors';

const CASES = 40;

/** Random keys: n rows, some classes with skewed sizes, groups of random sizes. */
function randomKeys(seed: number, n: number, opts: { classes?: number; groups?: number; times?: boolean }): SplitKeys {
  const r = mulberry32(seed);
  const k: SplitKeys = { n };
  if (opts.classes) {
    const C = opts.classes;
    k.classLabels = Array.from({ length: C }, (_, c) => `c${c}`);
    // Skewed: class c drawn with weight 1/(c+1).
    const w = k.classLabels.map((_, c) => 1 / (c + 1));
    const sum = w.reduce((a, b) => a + b, 0);
    k.classOf = Int32Array.from({ length: n }, () => {
      let x = r() * sum;
      for (let c = 0; c < C; c++) if ((x -= w[c]!) <= 0) return c;
      return C - 1;
    });
  }
  if (opts.groups) {
    k.groupCount = opts.groups;
    k.groupOf = Int32Array.from({ length: n }, () => Math.floor(r() ** 2 * opts.groups!));
  }
  if (opts.times) k.timeOf = Float64Array.from({ length: n }, () => (r() < 0.03 ? NaN : Math.floor(r() * 500)));
  return k;
}

const randomShares = (r: () => number) => {
  const parts = 2 + Math.floor(r() * 4);
  const raw = Array.from({ length: parts }, () => 5 + Math.floor(r() * 60));
  const total = raw.reduce((a, b) => a + b, 0);
  const pct = raw.map((x) => (100 * x) / total);
  pct[pct.length - 1] = 100 - pct.slice(0, -1).reduce((a, b) => a + b, 0);
  return { unit: 'percent' as const, parts: pct.map((share, i) => ({ name: `p${i}`, share })) };
};

const rowsPerPart = (part: Uint8Array, P: number) => {
  const c = new Array(P).fill(0);
  for (const p of part) if (p !== EXCLUDED) c[p]++;
  return c;
};

test('random: every row in exactly one part, part sizes exactly the targets; the same seed gives the same split', () => {
  for (let s = 0; s < CASES; s++) {
    const r = mulberry32(s);
    const n = 50 + Math.floor(r() * 5000);
    const shares = randomShares(r);
    const targets = targetCounts(shares, n);
    assert.equal(targets.reduce((a, b) => a + b, 0), n);
    const a = assignParts({ n }, targets, s);
    assert.deepEqual(rowsPerPart(a.part, targets.length), targets);
    assert.deepEqual(assignParts({ n }, targets, s).part, a.part);
    assert.notDeepEqual(assignParts({ n }, targets, s + 1).part, a.part);
  }
});

test('stratified: each class share in each part within ±1 % of its whole-dataset share (parts of 500+ rows), sizes exact', () => {
  for (let s = 0; s < CASES; s++) {
    const r = mulberry32(100 + s);
    const n = 5000 + Math.floor(r() * 20000);
    const k = randomKeys(s, n, { classes: 2 + Math.floor(r() * 12) });
    const shares = { unit: 'percent' as const, parts: [{ name: 'train', share: 80 }, { name: 'val', share: 10 }, { name: 'test', share: 10 }] };
    const targets = targetCounts(shares, n);
    const a = assignParts(k, targets, s);
    assert.deepEqual(rowsPerPart(a.part, 3), targets);
    const C = k.classLabels!.length;
    const whole = new Array(C).fill(0);
    const per = targets.map(() => new Array(C).fill(0));
    k.classOf!.forEach((c, i) => {
      whole[c]++;
      per[a.part[i]!]![c]++;
    });
    for (let p = 0; p < 3; p++) {
      for (let c = 0; c < C; c++) {
        const diff = Math.abs(per[p]![c] / targets[p]! - whole[c] / n);
        assert.ok(diff <= 0.01, `case ${s}, part ${p}, class ${c}: ${per[p]![c]}/${targets[p]} vs ${whole[c]}/${n}`);
      }
    }
  }
});

test('stratified: classes smaller than the number of parts are reported as rare', () => {
  const k: SplitKeys = { n: 1002, classLabels: ['a', 'b', 'rare'], classOf: Int32Array.from({ length: 1002 }, (_, i) => (i < 2 ? 2 : i % 2)) };
  const a = assignParts(k, targetCounts(parseParts('train=80,val=10,test=10'), 1002), 1);
  assert.deepEqual(a.rareClasses, [{ label: 'rare', rows: 2 }]);
});

function checkGroups(k: SplitKeys, part: Uint8Array): void {
  const seen = new Map<number, number>();
  k.groupOf!.forEach((g, i) => {
    const p = seen.get(g);
    if (p === undefined) seen.set(g, part[i]!);
    else assert.equal(part[i], p, `group ${g} is in parts ${p} and ${part[i]}`);
  });
}

test('grouped: no group in two parts; shares as close as whole groups allow (within the largest group)', () => {
  for (let s = 0; s < CASES; s++) {
    const r = mulberry32(200 + s);
    const n = 500 + Math.floor(r() * 10000);
    const k = randomKeys(s, n, { groups: 50 + Math.floor(r() * 2000) });
    const shares = randomShares(r);
    const targets = targetCounts(shares, n);
    const a = assignParts(k, targets, s);
    checkGroups(k, a.part);
    const sizes = new Map<number, number>();
    for (const g of k.groupOf!) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    const biggest = Math.max(...sizes.values());
    rowsPerPart(a.part, targets.length).forEach((rows, p) => assert.ok(Math.abs(rows - targets[p]!) <= biggest, `case ${s} part ${p}: ${rows} rows for a target of ${targets[p]} (largest group ${biggest})`));
  }
});

test('stratified + grouped: no group in two parts, class shares near the whole (within 3 % with many small groups)', () => {
  for (let s = 0; s < CASES / 2; s++) {
    const n = 20000;
    const r = mulberry32(300 + s);
    const k = randomKeys(s, n, { classes: 4 });
    // Many small groups: group = row / 4, each group's class its first row's (labels per entity).
    k.groupCount = n / 4;
    k.groupOf = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 4));
    k.classOf = Int32Array.from({ length: n }, (_, i) => k.classOf![i - (i % 4)]!);
    const a0 = 60 + Math.floor(r() * 20);
    const targets = targetCounts(parseParts(`a=${a0},b=${100 - a0}`), n);
    const a = assignParts(k, targets, s);
    checkGroups(k, a.part);
    const whole = [0, 0, 0, 0];
    const per = [[0, 0, 0, 0], [0, 0, 0, 0]];
    k.classOf.forEach((c, i) => {
      whole[c]!++;
      per[a.part[i]!]![c]!++;
    });
    const rows = rowsPerPart(a.part, 2);
    for (let p = 0; p < 2; p++) for (let c = 0; c < 4; c++) assert.ok(Math.abs(per[p]![c]! / rows[p]! - whole[c]! / n) < 0.03);
  }
});

test('a group column with fewer groups than parts is refused', () => {
  const k: SplitKeys = { n: 100, groupCount: 1, groupOf: new Int32Array(100) };
  assert.throws(() => assignParts(k, [80, 10, 10], 1), (e: unknown) => e instanceof TidysetError && e.code === 'BAD_INPUT' && /1 group, fewer than the 3 parts/.test(e.message));
});

test('chronological: every time of a part ≤ every time of the next, ties on one side, the gap left out, unparseable times counted and left out', () => {
  for (let s = 0; s < CASES; s++) {
    const r = mulberry32(400 + s);
    const n = 1000 + Math.floor(r() * 5000);
    const k = randomKeys(s, n, { times: true });
    const timed = k.timeOf!.filter((t) => !Number.isNaN(t)).length;
    const gap = s % 2 ? 5 : 0;
    const a = assignParts(k, targetCounts(parseParts('train=70,val=15,test=15'), timed), s, gap);
    assert.equal(a.excluded.unparseableTime, n - timed);
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    k.timeOf!.forEach((t, i) => {
      const p = a.part[i]!;
      if (Number.isNaN(t)) return assert.equal(p, EXCLUDED);
      if (p === EXCLUDED) return;
      min[p] = Math.min(min[p]!, t);
      max[p] = Math.max(max[p]!, t);
    });
    for (let p = 0; p < 2; p++) {
      assert.ok(max[p]! < min[p + 1]!, `case ${s}: part ${p} ends ${max[p]}, part ${p + 1} starts ${min[p + 1]} (ties must stay on one side)`);
      if (gap) assert.ok(min[p + 1]! >= a.cutoffs[p]! + gap);
    }
    if (!gap) assert.equal(a.excluded.gap, 0);
  }
});

test('shares: percent that do not sum to 100, a zero share, a part left empty, bad names and too many folds are refused', () => {
  const bad = (f: () => unknown, re: RegExp) => assert.throws(f, (e: unknown) => e instanceof TidysetError && e.code === 'BAD_INPUT' && re.test(e.message));
  bad(() => parseParts('train=80,test=10'), /sum to 90, not 100/);
  bad(() => parseParts('train=100,test=0'), /share of 0/);
  bad(() => parseParts('../x=50,test=50'), /not allowed/);
  bad(() => parseParts('a/b=50,test=50'), /not allowed/);
  bad(() => parseParts('Train=50,train=50'), /named twice/);
  bad(() => targetCounts(parseParts('train=99,test=1'), 10), /"test" would be empty/);
  bad(() => targetCounts(parseParts('train=*,test=20'), 10), /sum to 20 but the dataset has 10 rows/);
  bad(() => foldShares(33), /--folds/);
  assert.deepEqual(targetCounts(parseParts('train=*,test=20'), 100), [80, 20]);
  assert.deepEqual(targetCounts(foldShares(3), 10), [4, 3, 3]);
});

test('the PRNG is xoshiro128** (splitmix32 seeding): a fixed sequence for a seed, uniform below n', () => {
  const seq = (seed: number) => {
    const p = new Prng(seed);
    return [p.nextU32(), p.nextU32(), p.nextU32(), p.nextU32()];
  };
  assert.deepEqual(seq(42), seq(42));
  assert.notDeepEqual(seq(42), seq(43));
  assert.ok(seq(0).every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32));
  const q = new Prng(7);
  const counts = [0, 0, 0];
  for (let i = 0; i < 30000; i++) counts[q.below(3)]!++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 500);
});
