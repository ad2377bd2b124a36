// Every Parquet file a split writes, read back by DuckDB (an independent reader): the column types
// are the inferred ones (BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP in UTC, VARCHAR) and every value equals
// the stored one; a typed column with a value that does not fit is written as text and reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../../../../main/core/rows/datasetDb';
import type { Workspace } from '../../../../main/core/workspace';
import { SplitKit } from './kit';

let kit: SplitKit;
let ws: Workspace;
let conn: DuckDBConnection;

before(async () => {
  kit = new SplitKit();
  ws = kit.workspace();
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run("SET TimeZone = 'UTC'");
});
after(() => kit.close());

const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

const CSV = 'id,big,price,ok,day,at,name,mixed\n' +
  Array.from({ length: 3000 }, (_, i) => [
    i, i % 50 === 0 ? '' : String(9007199254740993n + BigInt(i)), (i * 1.25).toFixed(2), i % 3 ? 'true' : 'false',
    `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`, `2024-03-0${1 + (i % 9)}T10:${String(i % 60).padStart(2, '0')}:05.123456Z`,
    i % 7 ? `name "${i}", ü` : '', i === 2999 ? 'n/a' : String(i),
  ].join(',')).join('\n').replace(/name "(\d+)", ü/g, '"name ""$1"", ü"') + '\n';

test('Parquet parts read back by DuckDB: typed columns, exact values, nulls where cells are empty, misfits as text', async () => {
  const file = kit.file('typed.csv', CSV);
  const ds = await kit.importCsv(ws, file, 'typed');
  const stored = ws.datasets.get(ds);
  assert.deepEqual(stored.columns.map((c) => c.type), ['integer', 'integer', 'decimal', 'boolean', 'date', 'datetime', 'text', 'integer']);
  const r = await kit.split(ws, { dataset: ds, format: 'parquet', seed: 9 });
  assert.deepEqual(r.manifest.asText, { mixed: 1 });
  const all = readRows(ws, stored, 0, 10_000).rows;
  const byId = new Map(all.map((row) => [row[0]!, row]));
  let seen = 0;
  for (const p of r.manifest.parts) {
    const f = path.join(r.dir, p.file);
    const types = (await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${lit(f)}))`)).getRows();
    assert.deepEqual(types.map((t) => t.join(' ')), ['id BIGINT', 'big BIGINT', 'price DOUBLE', 'ok BOOLEAN', 'day DATE', 'at TIMESTAMP', 'name VARCHAR', 'mixed VARCHAR']);
    const rows = (await conn.runAndReadAll(`SELECT id::VARCHAR, big::VARCHAR, price, ok, strftime(day, '%Y-%m-%d'), strftime("at", '%Y-%m-%dT%H:%M:%S.%fZ'), name, mixed FROM read_parquet(${lit(f)})`)).getRows();
    assert.equal(rows.length, p.rows);
    for (const row of rows) {
      const src = byId.get(String(row[0]))!;
      assert.equal(row[1], src[1] === '' ? null : src[1]);
      assert.equal(row[2], Number(src[2]));
      assert.equal(row[3], src[3] === 'true');
      assert.equal(row[4], src[4]);
      assert.equal(row[5], src[5]);
      assert.equal(row[6], src[6]);
      assert.equal(row[7], src[7]);
      seen++;
    }
  }
  assert.equal(seen, 3000);
});

test('Parquet of the same rows twice: identical bytes (fixed writer settings, nothing time-dependent)', async () => {
  const file = kit.file('again.csv', CSV);
  const ds = await kit.importCsv(ws, file, 'again');
  const a = await kit.split(ws, { dataset: ds, format: 'parquet', stratify: 'ok' });
  const b = await kit.split(ws, { dataset: ds, format: 'parquet', stratify: 'ok' });
  for (const p of a.manifest.parts) assert.ok(kit.read(a.dir, p.file).equals(kit.read(b.dir, p.file)));
});
