// Parquet import, checked against DuckDB: files DuckDB writes (every common type, several row groups,
// three compressions, a folder of part files) are imported and each value compared with DuckDB's own
// reading of the same file; broken files fail with the file named and leave nothing behind.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { importFile } from '../../../../main/core/ingest/importFile';
import { fileParts } from '../../../../main/core/ingest/parts';
import { runParquetPipeline } from '../../../../main/core/ingest/csvPipeline';
import { decoderHeapMb, parquetInfo } from '../../../../main/core/ingest/parquet';
import { quietContext } from '../../../../main/core/jobs/context';
import { scanFolder } from '../../../../main/core/scan/scan';
import { readRows } from '../../../../main/core/rows/datasetDb';
import type { Workspace } from '../../../../main/core/workspace';
import { importKit } from '../../../helpers/importKit';

const kit = importKit('tidyset-parquet-');

// Each column with the DuckDB expression that reads it back in the form the importer documents.
const COLUMNS: Array<[string, string, string]> = [
  ['ti', 'CASE WHEN range % 4 = 0 THEN NULL ELSE (range % 100)::TINYINT END', 'ti::VARCHAR'],
  ['i', '(range * 7 - 300)::INTEGER', 'i::VARCHAR'],
  ['bi', '(9007199254740993 + range)::BIGINT', 'bi::VARCHAR'],
  ['ubi', '(18446744073709551615 - range)::UBIGINT', 'ubi::VARCHAR'],
  ['hi', '(170141183460469231731687303715884105727 - range)::HUGEINT', 'hi::VARCHAR'],
  ['dbl', 'range / 3.0 - 1', 'dbl::VARCHAR'],
  ['d18', '(range * 1.125 - 7)::DECIMAL(18,3)', 'd18::VARCHAR'],
  ['d38', "('12345678901234567890.123456789' || (range % 10))::DECIMAL(38,10)", 'd38::VARCHAR'],
  ['s', "CASE WHEN range % 5 = 0 THEN '' ELSE 'v' || range || ' ✓\n' END", 's'],
  ['b', 'range % 3 = 0', 'b::VARCHAR'],
  ['dt', "DATE '1969-12-25' + range::INTEGER", 'dt::VARCHAR'],
  ['ts', "TIMESTAMP '2024-02-29 23:59:58' + to_microseconds(range * 250001)", "replace(ts::VARCHAR, ' ', 'T')"],
  ['tsms', "(TIMESTAMP '1960-01-01 00:00:00' + to_milliseconds(range * 1001))::TIMESTAMP_MS", "replace(tsms::VARCHAR, ' ', 'T')"],
  ['tsns', "(TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(range))::TIMESTAMP_NS", "replace(tsns::VARCHAR, ' ', 'T')"],
  ['tz', "TIMESTAMPTZ '2024-06-01 12:00:00+02' + to_seconds(range)", "replace(replace(tz::VARCHAR, ' ', 'T'), '+00', 'Z')"],
  ['tm', "TIME '10:11:12' + to_milliseconds(range * 500)", 'tm::VARCHAR'],
  ['bl', "CASE WHEN range % 2 = 0 THEN NULL ELSE ('\\x00\\xFF' || range)::BLOB END", 'base64(bl)'],
  ['lst', 'CASE WHEN range % 6 = 0 THEN NULL ELSE [range, NULL, 9007199254740993] END', 'to_json(lst)::VARCHAR'],
  ['st', "{'a': range, 'b': 'x' || range, 'c': [true]}", 'to_json(st)::VARCHAR'],
];

async function duck(): Promise<DuckDBConnection> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  await conn.run("SET TimeZone = 'UTC'");
  return conn;
}

const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

async function writeParquet(conn: DuckDBConnection, file: string, rows: number, options: string): Promise<void> {
  const select = COLUMNS.map(([name, expr]) => `${expr} AS ${name}`).join(', ');
  await conn.run(`COPY (SELECT ${select} FROM range(${rows}) ORDER BY range) TO ${lit(file)} (FORMAT parquet, ${options})`);
}

async function duckRows(conn: DuckDBConnection, source: string): Promise<Array<Array<string | null>>> {
  const reader = await conn.runAndReadAll(`SELECT ${COLUMNS.map(([, , read]) => read).join(', ')} FROM ${source}`);
  return reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
}

function ours(ws: Workspace, name: string): Array<Array<string | null>> {
  return readRows(ws, ws.datasets.find(name)!, 0, 100_000).rows;
}

describe('Parquet import', () => {
  for (const [codec, groups] of [['snappy', 64], ['zstd', 100], ['gzip', 1000]] as const) {
    test(`every common type, ${codec}, row groups of ${groups}: the values DuckDB reads`, async () => {
      const conn = await duck();
      const ws = kit.ws();
      const file = path.join(path.dirname(kit.write('x', '')), `types-${codec}.parquet`);
      await writeParquet(conn, file, 300, `COMPRESSION ${codec}, ROW_GROUP_SIZE ${groups}`);
      const r = await importFile(ws, file, { name: 't' }, quietContext);
      assert.equal(r.dataset.rows, 300);
      assert.deepEqual(r.dataset.columns.map((c) => c.name), COLUMNS.map(([n]) => n));
      const expected = await duckRows(conn, `read_parquet(${lit(file)})`);
      const got = ours(ws, 't');
      for (let c = 0; c < COLUMNS.length; c++) {
        // DuckDB prints a whole double as `1.0`, JavaScript as `1`: both are the same double.
        const norm = COLUMNS[c]![0] === 'dbl' ? (v: string | null) => (v === null ? null : String(Number(v))) : (v: string | null) => v;
        assert.deepEqual(got.map((row) => row[c]), expected.map((row) => norm(row[c] ?? null)), `column ${COLUMNS[c]![0]}`);
      }
      const types = Object.fromEntries(r.dataset.columns.map((c) => [c.name, c.type]));
      assert.deepEqual(types, {
        ti: 'integer', i: 'integer', bi: 'integer', ubi: 'integer', hi: 'decimal', dbl: 'decimal', d18: 'decimal', d38: 'decimal', s: 'text',
        b: 'boolean', dt: 'date', ts: 'datetime', tsms: 'datetime', tsns: 'datetime', tz: 'datetime', tm: 'text', bl: 'text', lst: 'text', st: 'text',
      });
      ws.close();
      conn.closeSync();
    });
  }

  test('the decoder heap cap: from the largest row group, at least 192 MB; too small a cap decodes again uncapped, exactly', async () => {
    assert.equal(decoderHeapMb(0), 192);
    assert.equal(decoderHeapMb(122_880 * 12), 192, 'the bench file: DuckDB row groups of 122,880 rows, 12 columns');
    assert.equal(decoderHeapMb(1_000_000 * 20), 2442);
    assert.equal(decoderHeapMb(1e12), 8192);
    const conn = await duck();
    const dir = path.dirname(kit.write('heap', ''));
    const file = path.join(dir, 'one-group.parquet');
    await conn.run(`COPY (SELECT range AS id, 'text value number ' || range AS s, range / 7.0 AS x FROM range(300000)) TO ${lit(file)} (FORMAT parquet, ROW_GROUP_SIZE 300000)`);
    assert.equal((await parquetInfo(file)).largestGroupCells, 900_000);
    const temp = path.join(dir, 'heap.sqlite');
    // 16 MB cannot hold a decoded group of 300,000 rows: the decoder runs out of memory and runs again uncapped.
    const r = await runParquetPipeline(file, temp, 0, quietContext, 'heap', 16);
    assert.equal(r.uncappedRetry, true);
    assert.equal(r.writer.rows, 300_000);
    r.writer.abort();
    conn.closeSync();
  });

  test('a folder of part files imports as one dataset, in part order, with the parts listed', async () => {
    const conn = await duck();
    const ws = kit.ws();
    const dir = path.join(path.dirname(kit.write('y', '')), 'parts');
    mkdirSync(dir);
    for (let p = 0; p < 3; p++) {
      await conn.run(`COPY (SELECT range + ${p * 1000} AS id, 'p${p}' AS part FROM range(${10 + p})) TO ${lit(path.join(dir, `part-000${p}.parquet`))} (FORMAT parquet)`);
    }
    writeFileSync(path.join(dir, '_SUCCESS'), '');
    const parts = await fileParts(dir);
    assert.equal(parts.rows, 33);
    assert.deepEqual(parts.files?.map((f) => path.basename(f)), ['part-0000.parquet', 'part-0001.parquet', 'part-0002.parquet']);
    const r = await importFile(ws, dir, {}, quietContext);
    assert.equal(r.dataset.name, 'parts');
    assert.equal(r.dataset.rows, 33);
    const got = ours(ws, 'parts');
    assert.deepEqual(got[0], ['0', 'p0']);
    assert.deepEqual(got[10], ['1000', 'p1']);
    assert.deepEqual(got[32], ['2011', 'p2']);
    assert.ok(r.warnings.some((w) => /3 part files read as one dataset/.test(w)));
    // The scan lists the folder itself as one importable source, hashed as the import hashes it.
    const scanned = await scanFolder(ws, dir, {}, quietContext);
    const folder = scanned.files.find((f) => f.path === dir);
    assert.ok(folder, 'the folder is a source');
    assert.deepEqual({ format: folder.format, importable: folder.importable, sha256: folder.sha256 }, { format: 'parquet', importable: true, sha256: r.dataset.source.sha256 });
    assert.match(folder.notes[0] ?? '', /^Parquet part files imported as one dataset: 33 rows, 2 columns in 3 part files$/);
    assert.equal(scanned.files.filter((f) => f.format === 'parquet').length, 4);
    ws.close();
    conn.closeSync();
  });

  test('a truncated file, a corrupt footer, parts with different columns: clear errors naming the file, nothing left behind', async () => {
    const conn = await duck();
    const ws = kit.ws();
    const good = path.join(path.dirname(kit.write('z', '')), 'good.parquet');
    await writeParquet(conn, good, 50, 'ROW_GROUP_SIZE 10');
    const bytes = readFileSync(good);
    const truncated = kit.write('truncated.parquet', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e1 = await kit.failure(ws, truncated);
    assert.equal(e1.code, 'MALFORMED_FILE');
    assert.match(e1.message, /truncated\.parquet: the Parquet footer is missing/);
    const corrupt = Buffer.from(bytes);
    const footerLen = corrupt.readUInt32LE(corrupt.length - 8);
    corrupt.fill(0xee, corrupt.length - 8 - footerLen, corrupt.length - 8 - footerLen + 40);
    const e2 = await kit.failure(ws, kit.write('corrupt.parquet', corrupt));
    assert.equal(e2.code, 'MALFORMED_FILE');
    assert.match(e2.message, /corrupt\.parquet: /);
    const dir = path.join(path.dirname(good), 'mixed');
    mkdirSync(dir);
    await conn.run(`COPY (SELECT 1 AS a) TO ${lit(path.join(dir, 'part-0.parquet'))} (FORMAT parquet)`);
    await conn.run(`COPY (SELECT 1 AS b) TO ${lit(path.join(dir, 'part-1.parquet'))} (FORMAT parquet)`);
    const e3 = await kit.failure(ws, dir);
    assert.match(e3.message, /part-1\.parquet: its columns differ from .*part-0\.parquet/);
    assert.equal(ws.datasets.list().length, 0);
    assert.deepEqual(readdirSync(path.dirname(ws.dataPath('x'))).filter((f) => f.includes('.importing-')), []);
    ws.close();
    conn.closeSync();
  });
});
