// The profile: statistics against DuckDB on real files, the quantile definition, and bad input (an
// all-empty column, a constant column, the widest dataset SQLite stores, a million distinct values).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../../../../main/core/workspace';
import { importKit } from '../../../helpers/importKit';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { applyOp, undo } from '../../../../main/core/clean/engine';
import { cachedProfile, profileDataset } from '../../../../main/core/profile/profile';
import { profileInParallel } from '../../../../main/core/profile/parallel';
import { patternOf } from '../../../../main/core/profile/columnAccumulator';
import { quantileSorted, histogramSorted } from '../../../../main/core/profile/stats';
import { STRING_CAP, ValueCounts } from '../../../../main/core/profile/valueCounts';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const kit = importKit('tidyset-profile-');
let ws: Workspace;

async function importCsv(name: string, text: string): Promise<void> {
  await importFile(ws, kit.write(`${name}.csv`, text), { name }, quietContext);
}

before(() => {
  ws = kit.ws();
});
after(() => ws.close());

test('quantiles are type 7: linear interpolation between order statistics at h = (n − 1)p', () => {
  const s = Float64Array.from([1, 2, 3, 4, 10]);
  assert.equal(quantileSorted(s, 0.5), 3);
  assert.equal(quantileSorted(s, 0.25), 2);
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  near(quantileSorted(s, 0.9), 4 + 0.6 * 6); // h = 3.6
  near(quantileSorted(s, 0.01), 1 + 0.04 * 1);
  assert.equal(quantileSorted(Float64Array.from([7]), 0.99), 7);
  // R: quantile(c(1,2,3,4,10), 0.95, type = 7) = 8.8
  assert.ok(Math.abs(quantileSorted(s, 0.95) - 8.8) < 1e-12);
});

test('histogram bins cover every value once; small integer spans get one bin per value', () => {
  const s = Float64Array.from([0, 1, 1, 2, 5, 9, 10]);
  const h = histogramSorted(s, 5);
  assert.equal(h.reduce((a, b) => a + b.count, 0), s.length);
  assert.deepEqual(h.map((b) => b.count), [3, 1, 1, 0, 2]);
  const ints = histogramSorted(Float64Array.from([1, 1, 2, 4]), 20, true);
  assert.deepEqual(ints.map((b) => [b.from, b.count]), [[1, 2], [2, 1], [3, 0], [4, 1]]);
});

test('value shapes', () => {
  assert.equal(patternOf('John Smith'), 'Aa+ Aa+');
  assert.equal(patternOf('123-45-6789'), '999-99-9999');
  assert.equal(patternOf('USA'), 'A+');
  assert.equal(patternOf('Zoë Øster'), 'Aa+ Aa+');
  assert.equal(patternOf('x'.repeat(60)), 'a+…');
});

test('exact distinct counts of a million distinct values keep a bounded number of strings', () => {
  const vc = new ValueCounts();
  for (let i = 0; i < 1_000_000; i++) vc.add(`value-${i}`);
  for (let i = 0; i < 1000; i++) vc.add('heavy');
  assert.equal(vc.hashed, true);
  assert.equal(vc.distinct, 1_000_001);
  assert.deepEqual(vc.top(1)[0], { value: 'heavy', count: 1000 });
  assert.equal(vc.countOf('value-999999'), 1);
  // The Map phase's strings plus those seen twice: never more than 2 × STRING_CAP.
  assert.ok((vc as unknown as { named: Map<number, string> }).named.size <= 2 * STRING_CAP);
});

test('statistics agree with DuckDB on real files', async () => {
  const files = [path.join(DATA, 'portal-rodents-messy', 'Portal_rodents_19772002_simplified.csv'), path.join(DATA, 'splink-fake-1000', 'fake_1000.csv')];
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  try {
    for (const [i, file] of files.entries()) {
      await importFile(ws, file, { name: `real${i}` }, quietContext);
      const p = profileDataset(ws, `real${i}`, { fresh: true });
      await conn.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true)`);
      const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM t${i}`)).getRows()[0]![0]);
      assert.equal(p.rows, rows, `${file}: rows`);
      let numericChecked = 0;
      for (const c of p.columns) {
        const q = `"${c.column.replace(/"/g, '""')}"`;
        const [count, distinct] = (await conn.runAndReadAll(`SELECT count(${q}) FILTER (WHERE ${q} <> ''), count(DISTINCT ${q}) FILTER (WHERE ${q} <> '') FROM t${i}`)).getRows()[0]!.map(Number);
        assert.equal(c.count, count, `${c.column}: count`);
        assert.equal(c.missing + c.empty, rows - count!, `${c.column}: missing + empty`);
        assert.equal(c.distinct, distinct, `${c.column}: distinct`);
        if (c.top[0]) {
          const top = Number((await conn.runAndReadAll(`SELECT max(n) FROM (SELECT count(*) AS n FROM t${i} WHERE ${q} <> '' GROUP BY ${q})`)).getRows()[0]![0]);
          assert.equal(c.top[0].count, top, `${c.column}: top count`);
        }
        if ((c.type === 'integer' || c.type === 'decimal') && c.conforming === c.count && c.count > 1) {
          const r = (await conn.runAndReadAll(`SELECT min(x), max(x), avg(x), stddev_samp(x), quantile_cont(x, 0.01), quantile_cont(x, 0.25), quantile_cont(x, 0.5), quantile_cont(x, 0.95)
            FROM (SELECT CAST(trim(${q}) AS DOUBLE) AS x FROM t${i} WHERE ${q} <> '')`)).getRows()[0]!.map(Number);
          const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${c.column}: ${what} ${a} vs DuckDB ${b}`);
          near(c.min as number, r[0]!, 'min');
          near(c.max as number, r[1]!, 'max');
          near(c.mean!, r[2]!, 'mean');
          near(c.std!, r[3]!, 'std');
          near(c.quantiles!.p1, r[4]!, 'p1');
          near(c.quantiles!.p25, r[5]!, 'p25');
          near(c.quantiles!.p50, r[6]!, 'p50');
          near(c.quantiles!.p95, r[7]!, 'p95');
          numericChecked++;
        }
      }
      if (i === 0) assert.ok(numericChecked >= 3, 'the rodents file has several numeric columns');
    }
  } finally {
    conn.closeSync();
    duck.closeSync();
  }
});

test('an all-empty column and a constant column', async () => {
  await importCsv('odd', ['id,nothing,same', ...Array.from({ length: 50 }, (_, i) => `${i},,7`)].join('\n') + '\n');
  const p = profileDataset(ws, 'odd');
  const nothing = p.columns.find((c) => c.column === 'nothing')!;
  assert.deepEqual([nothing.count, nothing.missing + nothing.empty, nothing.distinct, nothing.top.length, nothing.histogram.length], [0, 50, 0, 0, 0]);
  assert.equal(nothing.min, null);
  const same = p.columns.find((c) => c.column === 'same')!;
  assert.deepEqual([same.count, same.distinct, same.min, same.max, same.std], [50, 1, 7, 7, 0]);
  assert.deepEqual(same.histogram, [{ from: 7, to: 7, count: 50 }]);
  assert.equal(same.quantiles!.p99, 7);
});

test('the cache holds for one history state: a step or an undo makes it stale', async () => {
  await importCsv('cached', 'a,b\n1,x\n2,y\n3,y\n');
  assert.equal(cachedProfile(ws, 'cached'), null);
  const first = profileDataset(ws, 'cached');
  assert.equal(cachedProfile(ws, 'cached')?.version, first.version);
  applyOp(ws, 'cached', { op: 'case', column: 'b', mode: 'upper' });
  assert.equal(cachedProfile(ws, 'cached'), null, 'stale after a step');
  const after = profileDataset(ws, 'cached');
  assert.deepEqual(after.columns[1]!.top.map((t) => t.value), ['Y', 'X']);
  undo(ws, 'cached');
  assert.equal(cachedProfile(ws, 'cached'), null, 'stale after undo');
});

test('the widest dataset SQLite stores (1,999 columns) is profiled in pages of columns', async () => {
  const n = 1999;
  const header = Array.from({ length: n }, (_, i) => `c${i}`).join(',');
  const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: n }, (_, i) => String(r * i)).join(','));
  await importCsv('wide', [header, ...rows].join('\n') + '\n');
  const page = profileDataset(ws, 'wide', { offset: 1900, limit: 50 });
  assert.equal(page.totalColumns, n);
  assert.equal(page.columns.length, 50);
  assert.equal(page.columns[0]!.column, 'c1900');
  const all = profileDataset(ws, 'wide');
  assert.equal(all.columns.length, n);
  assert.equal(all.columns[n - 1]!.max, 19 * (n - 1));
});

test('on two threads the profile is the same as on one, and cached whole', async () => {
  await importCsv('two', ['a,b,c', ...Array.from({ length: 3000 }, (_, i) => `${i},${['x', 'y', 'z'][i % 3]},2024-01-${String((i % 28) + 1).padStart(2, '0')}`)].join('\n') + '\n');
  const serial = profileDataset(ws, 'two', { fresh: true });
  const parallel = await profileInParallel(ws, 'two', { fresh: true }, undefined, 1);
  assert.deepEqual(parallel.columns, serial.columns);
  assert.deepEqual(cachedProfile(ws, 'two')?.columns, serial.columns);
});
