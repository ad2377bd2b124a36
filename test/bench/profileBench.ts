// Profile benchmark: the full profile of the 1M-row dataset (every column), 10 quality rules over it
// and drift between its first 800k and last 200k rows, against DuckDB's SUMMARIZE of the same table
// (loaded from the same CSV with DuckDB's own type detection; only SUMMARIZE is timed) as the anchor.
import { DuckDBInstance } from '@duckdb/node-api';
import { datasetSide, driftBetween } from '../../main/core/profile/drift';
import { profileInParallel } from '../../main/core/profile/parallel';
import { profileDataset } from '../../main/core/profile/profile';
import { runRules } from '../../main/core/profile/rules';
import type { Rule } from '../../shared/rules/schema';
import { benchWorkspace } from './gridBench';
import { ensureInput } from './importBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, median, textTable, loadLine, medianSeconds } from './lib';

/** Ten rules of every kind over the bench columns. */
export const BENCH_RULES: Rule[] = [
  { rule: 'notNull', column: 'name' },
  { rule: 'unique', columns: ['id'] },
  { rule: 'range', column: 'quantity', min: 0, max: 400 },
  { rule: 'regex', column: 'email', pattern: '[^@\\s]+@[^@\\s]+' },
  { rule: 'allowed', column: 'city', values: ['Paris', 'Berlin', 'Porto'] },
  { rule: 'type', column: 'signup_date', type: 'date' },
  { rule: 'compare', left: 'signup_date', op: '<=', right: 'updated_at' },
  { rule: 'rows', min: 1000 },
  { rule: 'missingShare', column: 'email', max: 0.05 },
  { rule: 'type', column: 'amount', type: 'decimal' },
];

async function duckdbSummarize(csv: string, reps: number): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true)`);
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await conn.runAndReadAll('SUMMARIZE t');
      times.push((performance.now() - t) / 1000);
    }
    return median(times);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function runProfileBench(ctx: BenchContext): Promise<SectionReport> {
  const input = await ensureInput(ctx.benchDir, ctx.rows);
  const { ws, cleanup } = await benchWorkspace(ctx);
  try {
    const ds = ws.datasets.get('bench');
    const duck = await duckdbSummarize(input.path, ctx.reps);
    const profile = await medianSeconds(ctx.reps, () => profileDataset(ws, 'bench', { fresh: true }));
    // The app's profile job and `tidyset profile`: the columns split over two threads from 100k rows.
    const twoThreads = await medianSeconds(ctx.reps, () => profileInParallel(ws, 'bench', { fresh: true }));
    const rules = await medianSeconds(ctx.reps, () => runRules(ws, 'bench', BENCH_RULES.map((rule) => ({ rule, id: null, problem: null }))));
    const cut = Math.round(ds.rows * 0.8);
    const drift = await medianSeconds(ctx.reps, () => {
      const a = datasetSide(ws, 'bench', { sql: '_rid <= ?', params: [cut] }, 'first 80 %');
      const b = datasetSide(ws, 'bench', { sql: '_rid > ?', params: [cut] }, 'last 20 %');
      try {
        driftBetween(a, b);
      } finally {
        a.close?.();
        b.close?.();
      }
    });
    const rows = [
      [`profile, all ${ds.columns.length} columns, one thread`, fmt(profile, 2), '3', profile < 3 ? 'met' : 'not met', `${fmt(profile / duck, 1)}x`],
      [`profile, all ${ds.columns.length} columns, two threads (the app's job and the CLI)`, fmt(twoThreads, 2), '3', twoThreads < 3 ? 'met' : 'not met', `${fmt(twoThreads / duck, 1)}x`],
      ['10 rules', fmt(rules, 2), '2', rules < 2 ? 'met' : 'not met', `${fmt(rules / duck, 1)}x`],
      [`drift ${fmt(cut)} vs ${fmt(ds.rows - cut)} rows`, fmt(drift, 2), '2', drift < 2 ? 'met' : 'not met', `${fmt(drift / duck, 1)}x`],
      ['DuckDB SUMMARIZE (anchor)', fmt(duck, 2), '', '', '1.0x'],
    ];
    const headers = [`${fmt(ds.rows)} rows`, 'seconds (median)', 'target s', 'target', 'vs DuckDB SUMMARIZE'];
    const notes = [
      `Median of ${ctx.reps} runs. The profile is computed fresh (not from its cache) and is exact: distinct counts, top values and type 7 quantiles over every value; DuckDB's SUMMARIZE gives approximate distinct counts and quantiles, using all cores, from its columnar table.`,
      `Rules: ${BENCH_RULES.map((r) => r.rule).join(', ')}.`,
    ];
    return {
      json: { rows, notes },
      text: [`Profile, rules, drift — ${fmt(ds.rows)} rows`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### Profile, rules and drift — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}; ${loadLine()}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    cleanup();
  }
}
