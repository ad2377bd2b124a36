// The leakage check: exact duplicates after normalising case and whitespace (not within a part),
// near-duplicates by MinHash, group overlap, time overlap, and the check between two datasets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LeakageCheck, groupKey } from '../../../../main/core/split/leakage';
import { datasetLeakage } from '../../../../main/core/split/datasetLeakage';
import { mulberry32 } from '../../../helpers/random';
import { SplitKit } from './kit';

const words = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 1e9).toString(36)).join(' ');

test('exact duplicates across parts are counted per pair (case and whitespace normalised); duplicates inside one part are not leakage', () => {
  const c = new LeakageCheck(['train', 'test'], 10, { columns: ['a', 'b'], near: false });
  c.add(0, 1, ['Alice', 'Smith']);
  c.add(0, 2, ['alice ', 'smith']); // same part: not leakage
  c.add(1, 3, ['  ALICE', 'Smith  ']);
  c.add(1, 4, ['Bob', 'Jones']);
  c.add(0, 5, ['bob', 'jones x']);
  const { report, rows } = c.report();
  assert.equal(report.exactDuplicates.rows, 1);
  assert.deepEqual(report.exactDuplicates.pairs, [{ parts: ['train', 'test'], rows: 1 }]);
  assert.deepEqual(rows.exact, { train: [1, 2], test: [3] });
  assert.equal(report.clean, false);
});

test('near-duplicates: a row with a typo in another part is found, unrelated rows are not', () => {
  const r = mulberry32(5);
  const c = new LeakageCheck(['train', 'test'], 4000, { columns: ['text'] });
  const base: string[] = [];
  for (let i = 0; i < 2000; i++) {
    base.push(words(r, 8));
    c.add(0, i + 1, [base[i]!]);
  }
  for (let i = 0; i < 1000; i++) c.add(1, 10_000 + i, [words(r, 8)]);
  // Ten near copies: one character changed.
  for (let i = 0; i < 10; i++) c.add(1, 20_000 + i, [base[i * 7]!.slice(0, 20) + 'Z' + base[i * 7]!.slice(21)]);
  const { report, rows } = c.report();
  assert.equal(report.exactDuplicates.rows, 0);
  assert.ok(report.nearDuplicates!.rows >= 8 && report.nearDuplicates!.rows <= 10, `found ${report.nearDuplicates!.rows}`);
  assert.ok(rows.near.test!.every((rid) => rid >= 20_000));
});

test('group overlap and time overlap: groups in two parts, and later rows not after the earlier part', () => {
  const c = new LeakageCheck(['train', 'val', 'test'], 10, { columns: ['x'], groupColumn: 'patient', timeColumn: 'day', near: false });
  c.add(0, 1, ['a'], groupKey('p1'), 10);
  c.add(0, 2, ['b'], groupKey('p2'), 20);
  c.add(1, 3, ['c'], groupKey('p1'), 15); // p1 in train and val; 15 ≤ 20
  c.add(2, 4, ['d'], groupKey('p3'), 30);
  c.add(2, 5, ['e'], groupKey(null), 5); // 5 ≤ train's 20 and val's 15
  const { report, rows } = c.report();
  assert.equal(report.groupOverlap!.groups, 1);
  assert.deepEqual(report.groupOverlap!.pairs, [{ parts: ['train', 'val'], rows: 1 }]);
  assert.equal(report.timeOverlap!.rows, 2);
  assert.deepEqual(report.timeOverlap!.pairs.map((p) => [p.parts.join('>'), p.rows]), [['train>val', 1], ['train>test', 1], ['val>test', 1]]);
  assert.deepEqual(rows.time, { val: [3], test: [5] });
});

test('leakage between two datasets over the columns they share', async () => {
  const kit = new SplitKit();
  try {
    const ws = kit.workspace();
    const a = await kit.importCsv(ws, kit.file('a.csv', 'id,name,city\n1,Ann,Lund\n2,Bo,Malmö\n3,Cy,Umeå\n'), 'a');
    const b = await kit.importCsv(ws, kit.file('b.csv', 'name,city,extra\nANN, lund,x\nDee,Kiruna,y\n'), 'b');
    const { report } = datasetLeakage(ws, a, b);
    assert.deepEqual(report.columns, ['name', 'city']);
    assert.deepEqual(report.exactDuplicates.pairs, [{ parts: ['a', 'b'], rows: 1 }]);
    assert.equal(datasetLeakage(ws, a, b, ['city']).report.exactDuplicates.rows, 1);
  } finally {
    kit.close();
  }
});
