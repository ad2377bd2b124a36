// Drift on samples from known distributions: the same distribution is not flagged, a shifted one is;
// categories that appear or vanish are named; the statistics against hand-worked values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arraySide, driftBetween, jsDistance, ksPValue, ksStatistic, psiOf, splitDrift } from '../../../../main/core/profile/drift';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { Workspace } from '../../../../main/core/workspace';
import { mulberry32 } from '../../../helpers/random';

function normal(rnd: () => number, mean: number, sd: number): number {
  const u = 1 - rnd();
  const v = rnd();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function sample(seed: number, n: number, mean: number, sd: number, cats: string[], weights: number[], missing = 0): Array<Array<string | null>> {
  const rnd = mulberry32(seed);
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: n }, () => {
    let r = rnd() * total;
    let k = 0;
    while (r > weights[k]!) r -= weights[k++]!;
    return [rnd() < missing ? '' : normal(rnd, mean, sd).toFixed(3), cats[k]!];
  });
}

const COLS = [{ name: 'x', type: 'decimal' as const }, { name: 'c', type: 'text' as const }];

test('the same distribution is not flagged', () => {
  const a = arraySide('train', COLS, sample(1, 20_000, 50, 10, ['red', 'green', 'blue'], [5, 3, 2]));
  const b = arraySide('test', COLS, sample(2, 5_000, 50, 10, ['red', 'green', 'blue'], [5, 3, 2]));
  const r = driftBetween(a, b);
  const [x, c] = r.columns;
  assert.equal(x!.test, 'ks');
  assert.equal(x!.flag, 'none');
  assert.ok(x!.psi < 0.1 && x!.statistic < 0.05 && x!.pValue! > 0.001, JSON.stringify(x));
  assert.equal(c!.test, 'js');
  assert.equal(c!.flag, 'none');
  assert.deepEqual([c!.newInB, c!.unseenInB], [[], []]);
  assert.equal(r.a.rows, 20_000);
});

test('a shifted mean, changed category mix, new category and more missing values are flagged', () => {
  const a = arraySide('train', COLS, sample(3, 20_000, 50, 10, ['red', 'green', 'blue'], [5, 3, 2]));
  const b = arraySide('test', COLS, sample(4, 5_000, 58, 10, ['red', 'green', 'blue', 'violet'], [1, 3, 4, 2], 0.2));
  const [x, c] = driftBetween(a, b).columns;
  assert.equal(x!.flag, 'major', JSON.stringify({ psi: x!.psi }));
  assert.ok(x!.statistic > 0.2 && x!.pValue! < 1e-6);
  assert.ok(x!.missingB > 0.15 && x!.missingA === 0);
  assert.equal(x!.bins.length, 20);
  assert.ok(Math.abs(x!.bins.reduce((s, bin) => s + bin.a, 0) - 1) < 1e-9, 'each side\'s shares sum to 1');
  assert.equal(c!.flag, 'major');
  assert.deepEqual(c!.newInB, ['violet']);
  const small = driftBetween(a, arraySide('test', COLS, sample(5, 5_000, 54, 10, ['red', 'green', 'blue'], [5, 3, 2]))).columns[0]!;
  assert.equal(small.flag, 'moderate', `a small shift is moderate (PSI ${small.psi})`);
});

test('statistics on hand-worked cases', () => {
  assert.equal(ksStatistic(Float64Array.from([1, 2, 3]), Float64Array.from([4, 5, 6])), 1);
  assert.equal(ksStatistic(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 2, 3, 4])), 0);
  assert.equal(ksStatistic(Float64Array.from([1, 2]), Float64Array.from([2, 3])), 0.5);
  assert.equal(jsDistance([0.5, 0.5], [0.5, 0.5]), 0);
  assert.equal(jsDistance([1, 0], [0, 1]), 1);
  // PSI: (0.6 − 0.4)·ln(0.6/0.4) + (0.4 − 0.6)·ln(0.4/0.6) = 0.4·ln 1.5
  assert.ok(Math.abs(psiOf([0.4, 0.6], [0.6, 0.4]) - 0.4 * Math.log(1.5)) < 1e-12);
  assert.ok(ksPValue(0.01, 1000, 1000) > 0.99 && ksPValue(0.2, 1000, 1000) < 1e-10);
});

test('a column missing from one side is left out; naming it is an error', () => {
  const a = arraySide('a', COLS, [['1', 'x']]);
  const b = arraySide('b', [COLS[0]!], [['2']]);
  assert.deepEqual(driftBetween(a, b).columns.map((c) => c.column), ['x']);
  assert.throws(() => driftBetween(a, b, { columns: ['c'] }), /not in both/);
});

test('splitDrift: every part against the first, from one dataset and row conditions', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-drift-'));
  const ws = Workspace.open(path.join(dir, 'ws'));
  try {
    // Rows 1–800 and 801–900 alike; rows 901–1000 shifted.
    const lines = ['v', ...Array.from({ length: 1000 }, (_, i) => String((i % 100) + (i >= 900 ? 60 : 0)))];
    writeFileSync(path.join(dir, 's.csv'), lines.join('\n') + '\n');
    await importFile(ws, path.join(dir, 's.csv'), { name: 's' }, quietContext);
    const parts = [
      { name: 'train', where: { sql: '_rid <= ?', params: [800] } },
      { name: 'validation', where: { sql: '_rid > ? AND _rid <= ?', params: [800, 900] } },
      { name: 'test', where: { sql: '_rid > ?', params: [900] } },
    ];
    const [val, tst] = splitDrift(ws, 's', parts);
    assert.deepEqual([val!.b.name, val!.b.rows, val!.columns[0]!.flag], ['validation', 100, 'none']);
    assert.deepEqual([tst!.b.name, tst!.columns[0]!.flag], ['test', 'major']);
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
