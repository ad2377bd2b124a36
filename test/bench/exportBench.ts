// Export benchmark: the 1M-row dataset to CSV and typed JSON Lines through the engine's export (the
// path of `tidyset export` and the app's dialog), against the sqlite3 shell's `.mode csv` output of
// the same table, as ratios.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { exportDataset, type ExportOptions } from '../../main/core/export/exportDataset';
import { quietContext } from '../../main/core/jobs/context';
import { benchWorkspace } from './gridBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, measure, median, textTable } from './lib';

export async function runExportBench(ctx: BenchContext): Promise<SectionReport> {
  const { ws, cleanup } = await benchWorkspace(ctx);
  const scratch = mkdtempSync(path.join(ctx.benchDir, 'export-'));
  try {
    const ds = ws.datasets.get('bench');
    const cases: Array<[string, Omit<ExportOptions, 'dataset' | 'outDir'>]> = [
      ['Tidyset CSV', { format: 'csv' }],
      ['Tidyset JSON Lines (typed)', { format: 'jsonl' }],
      ['Tidyset CSV, sorted by quantity desc', { format: 'csv', sort: [{ column: 'quantity', dir: 'desc' }] }],
    ];
    // Reference: the sqlite3 shell writing the same columns in storage order as CSV with a header.
    const sqlFile = path.join(scratch, 'sqlite3.csv');
    const select = `SELECT ${ds.columns.map((c) => `${c.physical} AS "${c.name.replace(/"/g, '""')}"`).join(', ')} FROM rows ORDER BY _rid;`;
    const sqliteTimes: number[] = [];
    for (let i = 0; i < ctx.reps; i++) {
      rmSync(sqlFile, { force: true });
      const m = await measure('sqlite3', ['-readonly', '-csv', '-header', ws.dataPath(ds.file), `.output ${sqlFile}`, select]);
      if (m.exitCode !== 0) throw new Error(`sqlite3 failed: ${m.stderr}`);
      sqliteTimes.push(m.seconds);
    }
    const sqlite = median(sqliteTimes);
    const rows: string[][] = [];
    for (const [label, opts] of cases) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < ctx.reps; i++) {
        const outDir = path.join(scratch, `out-${rows.length}-${i}`);
        const t = performance.now();
        const r = await exportDataset(ws, { dataset: 'bench', outDir, ...opts }, quietContext);
        times.push((performance.now() - t) / 1000);
        bytes = r.files[0]!.bytes;
        rmSync(outDir, { recursive: true, force: true });
      }
      const s = median(times);
      rows.push([label, fmt(s, 2), fmt(ds.rows / s), fmt(bytes / 1024 ** 2, 1), `${fmt(s / sqlite, 2)}x`]);
    }
    rows.push(['sqlite3 shell .mode csv', fmt(sqlite, 2), fmt(ds.rows / sqlite), fmt(statSync(sqlFile).size / 1024 ** 2, 1), '1.00x']);
    const headers = [`export of ${fmt(ds.rows)} rows`, 'seconds (median)', 'rows/s', 'output MB', 'time vs sqlite3'];
    const notes = [
      `Median of ${ctx.reps} runs each. Tidyset's figure includes hashing the output (SHA-256), fsync, the manifest with the recipe, and the staging-folder commit; the sqlite3 shell writes one file without any of that.`,
      'The sqlite3 CSV quotes differently (it does not quote leading/trailing spaces); sizes differ slightly for that reason.',
      `Target (split + export of 1M rows to CSV < 5 s): ${Number(rows[0]![1]) < 5 ? 'met' : 'not met'} for the export part (${rows[0]![1]} s).`,
    ];
    return {
      json: { rows, notes },
      text: [`Export — ${fmt(ds.rows)} rows`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### Export — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    cleanup();
  }
}
