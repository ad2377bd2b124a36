// k-anonymity benchmark: equivalence classes over 3 quasi-identifiers of the 1M-row dataset (as is,
// and after a date → year generalisation), through the engine's kAnonymity, against DuckDB's GROUP BY
// of the same columns loaded into memory, as ratios; plus one page of the grid filter of rows below k.
import { DuckDBInstance } from '@duckdb/node-api';
import { TagsRepo } from '../../main/core/db/repos/tags';
import { kAnonymity } from '../../main/core/protect/kanon';
import { pageRows } from '../../main/core/rows/query';
import { benchWorkspace } from './gridBench';
import { ensureInput } from './importBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, median, textTable, loadLine } from './lib';

const QUASI = ['signup_date', 'city', 'category'];

/** Median wall-clock and CPU seconds (this process, all its threads) of `reps` runs. */
async function timed<T>(reps: number, fn: () => T | Promise<T>): Promise<{ seconds: number; cpu: number; value: T }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let value!: T;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    value = await fn();
    const used = process.cpuUsage(c);
    times.push((performance.now() - t) / 1000);
    cpus.push((used.user + used.system) / 1e6);
  }
  return { seconds: median(times), cpu: median(cpus), value };
}

/** DuckDB: the CSV loaded into an in-memory table (not timed), then the same class-size query (timed). */
async function duckdbClasses(csv: string, reps: number): Promise<{ seconds: number; cpu: number; k: number; classes: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const lit = `'${csv.replace(/'/g, "''")}'`;
    await conn.run(`CREATE TABLE t AS SELECT ${QUASI.join(', ')} FROM read_csv(${lit}, header = true, all_varchar = true)`);
    const r = await timed(reps, async () => {
      const reader = await conn.runAndReadAll(`SELECT min(n), count(*), sum(CASE WHEN n < 5 THEN n ELSE 0 END) FROM (SELECT count(*) AS n FROM t GROUP BY ${QUASI.join(', ')})`);
      return reader.getRows()[0]!;
    });
    return { seconds: r.seconds, cpu: r.cpu, k: Number(r.value[0]), classes: Number(r.value[1]) };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function runKanonBench(ctx: BenchContext): Promise<SectionReport> {
  const { ws, cleanup } = await benchWorkspace(ctx);
  try {
    const ds = ws.datasets.get('bench');
    const input = await ensureInput(ctx.benchDir, ctx.rows);
    const rows: string[][] = [];
    const raw = await timed(ctx.reps, () => kAnonymity(ws, { dataset: 'bench', quasi: QUASI, k: 5 }));
    const duck = await duckdbClasses(input.path, ctx.reps);
    if (duck.classes !== raw.value.before.classes || duck.k !== raw.value.before.k) {
      throw new Error(`DuckDB counts ${duck.classes} classes (k ${duck.k}), Tidyset ${raw.value.before.classes} (k ${raw.value.before.k})`);
    }
    const fmtRow = (label: string, t: { seconds: number; cpu: number }, st: { k: number; classes: number; rowsBelow: number } | null) =>
      [label, fmt(t.seconds, 2), fmt(t.cpu, 2), st ? String(st.k) : '', st ? fmt(st.classes) : '', st ? fmt(st.rowsBelow) : '', `${fmt(t.seconds / duck.seconds, 1)}x`];
    rows.push(fmtRow('Tidyset, 3 quasi-identifiers as they are', raw, raw.value.before));
    // Generalise the date to its year (what the export would write) and count again: before and after.
    const date = ds.columns.find((c) => c.name === 'signup_date')!;
    const tags = new TagsRepo(ws.catalog);
    tags.upsert(ds.id, { physical: date.physical, kind: 'date_of_birth', category: 'quasi', confidence: 1, evidence: null, status: 'confirmed', action: { action: 'generalise', to: 'year' } });
    const both = await timed(ctx.reps, () => kAnonymity(ws, { dataset: 'bench', quasi: QUASI, k: 5 }));
    rows.push(fmtRow('Tidyset, before + after date → year (two passes)', both, both.value.after));
    const filter = both.value.after.filter ?? raw.value.before.filter;
    if (filter) {
      const page = await timed(ctx.reps, () => pageRows(ws, ds, { dataset: 'bench', offset: 0, limit: 100, sort: [], filters: [filter] }));
      const r = fmtRow('grid page of the rows below k (first page, with its count)', page, null);
      r[5] = fmt(page.value.total);
      rows.push(r);
    }
    rows.push(fmtRow('DuckDB GROUP BY, in-memory table', duck, { k: duck.k, classes: duck.classes, rowsBelow: raw.value.before.rowsBelow }));
    const headers = [`k-anonymity, ${fmt(ds.rows)} rows`, 'seconds (median)', 'CPU seconds', 'k', 'classes', 'rows below k=5', 'time vs DuckDB'];
    const notes = [
      `Median of ${ctx.reps} runs each; ${loadLine()}; CPU seconds (this process, all threads) are given beside the wall clock. Quasi-identifiers: ${QUASI.join(', ')}.`,
      'Tidyset groups in SQLite over the dataset file (the path of the app and `tidyset kanon`); DuckDB groups a columnar in-memory table it loaded beforehand (load not timed).',
      `Target (3 quasi-identifiers on 1M rows < 2 s): ${raw.seconds < 2 ? 'met' : 'not met'} on the wall clock (${fmt(raw.seconds, 2)} s as they are, ${fmt(raw.cpu, 2)} CPU s; ${fmt(both.seconds, 2)} s for before and after a generalisation).`,
    ];
    return {
      json: { rows, notes },
      text: [`k-anonymity — ${fmt(ds.rows)} rows`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### k-anonymity — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    cleanup();
  }
}
