// Split benchmark: seeded splits of the 1M-row dataset written as CSV and Parquet through the engine
// (the path of `tidyset split` and the dialog; the leakage check runs in the same pass), the leakage
// check of 1M vs 100k rows between two datasets, and DuckDB's COPY … TO CSV and Parquet of the same
// table as the anchors, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SplitJobInSchema } from '../../shared/api/split';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { datasetLeakage } from '../../main/core/split/datasetLeakage';
import { splitDataset } from '../../main/core/split/splitDataset';
import { benchWorkspace } from './gridBench';
import { ensureInput } from './importBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, textTable, loadLine, medianSeconds } from './lib';

const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

export async function runSplitBench(ctx: BenchContext): Promise<SectionReport> {
  const { ws, cleanup } = await benchWorkspace(ctx);
  const scratch = mkdtempSync(path.join(ctx.benchDir, 'split-'));
  try {
    const n = ws.datasets.get('bench').rows;
    const small = Math.max(1, Math.round(n / 10));
    const second = await ensureInput(ctx.benchDir, small, 7);
    await importFile(ws, second.path, { name: 'holdout' }, quietContext);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['Tidyset split 80/10/10 random → CSV', { format: 'csv' }],
      ['Tidyset split 80/10/10 random → Parquet', { format: 'parquet' }],
      ['Tidyset split stratified by category + grouped by city → CSV', { format: 'csv', stratify: 'category', group: 'city' }],
    ];
    const rows: string[][] = [];
    const seconds: Record<string, number> = {};
    for (const [label, spec] of cases) {
      let k = 0;
      const s = await medianSeconds(ctx.reps, async () => {
        const out = path.join(scratch, `out-${rows.length}-${k++}`);
        await splitDataset(ws, SplitJobInSchema.parse({ dataset: 'bench', out, seed: 42, ...spec }), quietContext);
        rmSync(out, { recursive: true, force: true });
      });
      seconds[label] = s;
      rows.push([label, fmt(s, 2), fmt(n / s)]);
    }
    const leak = await medianSeconds(ctx.reps, async () => datasetLeakage(ws, 'bench', 'holdout'));
    rows.push([`Tidyset leakage ${fmt(n)} vs ${fmt(small)} rows (exact + near duplicates)`, fmt(leak, 2), fmt((n + small) / leak)]);

    // Anchors: DuckDB writing the same table (loaded from the bench CSV beforehand, not timed).
    const input = await ensureInput(ctx.benchDir, ctx.rows);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv(${lit(input.path)}, all_varchar = true)`);
    const duckCsv = await medianSeconds(ctx.reps, (i) => conn.run(`COPY t TO ${lit(path.join(scratch, `duck-${i}.csv`))} (FORMAT csv, HEADER)`));
    const duckPq = await medianSeconds(ctx.reps, (i) => conn.run(`COPY t TO ${lit(path.join(scratch, `duck-${i}.parquet`))} (FORMAT parquet, COMPRESSION snappy)`));
    rows.push(['DuckDB COPY t TO csv (anchor)', fmt(duckCsv, 2), fmt(n / duckCsv)]);
    rows.push(['DuckDB COPY t TO parquet (anchor)', fmt(duckPq, 2), fmt(n / duckPq)]);
    for (const r of rows) {
      const s = Number(r[1]);
      r.push(`${fmt(s / duckCsv, 2)}x`, `${fmt(s / duckPq, 2)}x`);
    }
    const csvS = seconds[cases[0]![0]]!;
    const pqS = seconds[cases[1]![0]]!;
    const headers = [`${fmt(n)} rows`, 'seconds (median)', 'rows/s', 'vs DuckDB CSV', 'vs DuckDB Parquet'];
    const notes = [
      `Median of ${ctx.reps} runs each; ${loadLine()}. A Tidyset split reads the row keys, assigns the parts, writes every part (SHA-256, fsync), runs the leakage check (exact and MinHash near-duplicates, groups, time) in the same pass, and writes manifest.json and DATASHEET.md as one unit; DuckDB's COPY writes one file from an in-memory table of text columns.`,
      `Targets: split + write CSV < 5 s: ${csvS < 5 ? 'met' : 'not met'} (${fmt(csvS, 2)} s); Parquet < 10 s: ${pqS < 10 ? 'met' : 'not met'} (${fmt(pqS, 2)} s); leakage 1M vs 100k < 5 s: ${leak < 5 ? 'met' : 'not met'} (${fmt(leak, 2)} s).`,
    ];
    return {
      json: { rows, notes },
      text: [`Split — ${fmt(n)} rows`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### Split — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    cleanup();
  }
}
