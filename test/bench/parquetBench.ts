// Parquet import benchmark: the bench's 1M-row CSV written as Parquet by DuckDB (typed columns,
// snappy, DuckDB's default row groups), then imported by Tidyset's CLI, read by DuckDB into a table
// (`CREATE TABLE t AS SELECT * FROM read_parquet(…)`), and — as the target — the CSV import of the same
// rows by Tidyset's CLI. Each run is its own child process under GNU time (wall seconds, peak RSS).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureInput } from './importBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, measure, median, textTable } from './lib';

const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

async function writeParquet(csv: string, out: string): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    await conn.run(`COPY (SELECT * FROM read_csv(${lit(csv)}, header = true)) TO ${lit(out)} (FORMAT parquet)`);
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

const DUCK_SCRIPT = `
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const [file, db] = process.argv.slice(1);
  const inst = await DuckDBInstance.create(db);
  const conn = await inst.connect();
  await conn.run("CREATE TABLE t AS SELECT * FROM read_parquet('" + file.replace(/'/g, "''") + "')");
  const r = await conn.runAndReadAll('SELECT count(*) FROM t');
  process.stdout.write(JSON.stringify({ rows: Number(r.getRows()[0][0]) }) + '\\n');
  conn.closeSync();
  inst.closeSync();
})().catch((e) => { console.error(e); process.exit(1); });`;

export async function runParquetBench(ctx: BenchContext): Promise<SectionReport> {
  const input = await ensureInput(ctx.benchDir, ctx.rows);
  const parquet = path.join(ctx.benchDir, `messy-${ctx.rows}.parquet`);
  await writeParquet(input.path, parquet);
  const scratch = mkdtempSync(path.join(ctx.benchDir, 'parquet-'));
  const bin = path.join(ctx.root, 'bin', 'tidyset.js');
  const contenders: Array<{ label: string; run: (dir: string) => Promise<{ seconds: number; rss: number | null; rows: number }> }> = [
    {
      label: 'Tidyset import of the Parquet file',
      run: async (dir) => {
        const m = await measure(process.execPath, [bin, 'import', parquet, '--workspace', dir, '--name', 'bench', '--json'], { cwd: ctx.root });
        if (m.exitCode !== 0) throw new Error(`tidyset import failed: ${m.stderr}`);
        return { seconds: m.seconds, rss: m.peakRssMb, rows: (JSON.parse(m.stdout) as { dataset: { rows: number } }).dataset.rows };
      },
    },
    {
      label: 'Tidyset import of the same rows as CSV',
      run: async (dir) => {
        const m = await measure(process.execPath, [bin, 'import', input.path, '--workspace', dir, '--name', 'bench', '--json'], { cwd: ctx.root });
        if (m.exitCode !== 0) throw new Error(`tidyset import failed: ${m.stderr}`);
        return { seconds: m.seconds, rss: m.peakRssMb, rows: (JSON.parse(m.stdout) as { dataset: { rows: number } }).dataset.rows };
      },
    },
    {
      label: 'DuckDB read_parquet into a table',
      run: async (dir) => {
        const m = await measure(process.execPath, ['-e', DUCK_SCRIPT, parquet, path.join(dir, 'duck.db')], { cwd: ctx.root });
        if (m.exitCode !== 0) throw new Error(`duckdb failed: ${m.stderr}`);
        return { seconds: m.seconds, rss: m.peakRssMb, rows: (JSON.parse(m.stdout) as { rows: number }).rows };
      },
    },
  ];
  try {
    const results = contenders.map(() => ({ times: [] as number[], rss: [] as number[], rows: 0 }));
    for (let rep = 0; rep < ctx.reps; rep++) {
      for (const [i, c] of contenders.entries()) {
        const dir = mkdtempSync(path.join(scratch, 'run-'));
        const r = await c.run(dir);
        results[i]!.times.push(r.seconds);
        if (r.rss !== null) results[i]!.rss.push(r.rss);
        results[i]!.rows = r.rows;
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const csvSeconds = median(results[1]!.times);
    const rows = contenders.map((c, i) => {
      const s = median(results[i]!.times);
      return [c.label, fmt(results[i]!.rows), fmt(s, 2), fmt(results[i]!.rows / s), results[i]!.rss.length ? fmt(Math.max(...results[i]!.rss)) : '?', `${fmt(s / csvSeconds, 2)}x`];
    });
    const headers = ['import', 'rows', 'seconds (median)', 'rows/s', 'peak RSS MB', 'time vs CSV import'];
    const pq = median(results[0]!.times);
    const pqRss = Math.max(...results[0]!.rss);
    const notes = [
      `Input: ${fmt(input.rows)} rows; CSV ${fmt(input.bytes / 1e6, 1)} MB, Parquet (written by DuckDB from the CSV with its type detection, snappy) ${fmt(statSync(parquet).size / 1e6, 1)} MB. Median of ${ctx.reps} runs; each run is a fresh child process (Node start-up included) under GNU time.`,
      'Tidyset stores every value as exact text (decimals digit for digit, timestamps with every sub-second digit) in a new SQLite file, fsynced and renamed into place; DuckDB keeps its native columnar types.',
      `Targets: no slower than the CSV import — ${pq <= csvSeconds ? 'met' : 'not met'} (${fmt(pq / csvSeconds, 2)}x); peak RSS < 300 MB — ${pqRss < 300 ? 'met' : 'not met'} (${fmt(pqRss)} MB).`,
    ];
    return {
      json: { rows, notes },
      text: [`Parquet import — ${fmt(input.rows)} rows`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### Parquet import — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
