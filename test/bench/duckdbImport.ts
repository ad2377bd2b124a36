// Child script for the import benchmark: loads a CSV into a fresh DuckDB file and prints the row count as JSON.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Imports `csv` into table t of a new DuckDB database at `dbFile` (all columns VARCHAR) and
 * returns the table's row count, the in-process seconds the import took and DuckDB's version.
 */
export async function duckdbImport(csv: string, dbFile: string): Promise<{ rows: number; seconds: number; version: string }> {
  if (existsSync(dbFile)) throw new Error(`${dbFile} already exists; the benchmark needs a fresh database`);
  const started = performance.now();
  const instance = await DuckDBInstance.create(dbFile);
  const conn = await instance.connect();
  let rows: number;
  try {
    const lit = `'${csv.replace(/'/g, "''")}'`;
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv(${lit}, header = true, all_varchar = true)`);
    const reader = await conn.runAndReadAll('SELECT count(*) FROM t');
    rows = Number(reader.getRows()[0]?.[0]);
  } finally {
    // Closing checkpoints the database to disk, which belongs in the timed work.
    conn.closeSync();
    instance.closeSync();
  }
  return { rows, seconds: (performance.now() - started) / 1000, version: version() };
}

function cli([csv, dbFile]: string[]): void {
  if (!csv || !dbFile) {
    process.stderr.write('usage: node --import tsx test/bench/duckdbImport.ts CSV DBFILE\n');
    process.exitCode = 2;
    return;
  }
  duckdbImport(csv, dbFile).then(
    (res) => process.stdout.write(`${JSON.stringify(res)}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

// realpath: Node runs a symlinked entry script under its real path.
if (process.argv[1] && realpathSync(path.resolve(process.argv[1])) === fileURLToPath(import.meta.url)) cli(process.argv.slice(2));
