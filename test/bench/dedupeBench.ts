// Bench section `dedupe`: (1) pairwise precision/recall/F1 of the unsupervised default on the data with
// ground truth in shared/data, and after 50 simulated review labels; (2) `tidyset dedupe` end to end
// (worker job, result stored) on generated people with injected duplicates at 10 %, 30 % and 100 % of
// --rows, under GNU time (wall, peak RSS), with comparisons/s; (3) the anchor: the same exact/prefix
// blocking and Jaro-Winkler scoring written as DuckDB SQL (the engine Splink runs on), same run.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Workspace } from '../../main/core/workspace';
import { generatePeople } from './dedupeData';
import { QUALITY_CASES, runQualityCase, type QualityRow } from './dedupeQuality';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, measure, textTable, loadLine } from './lib';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../shared/data');
const COLUMNS = 'first_name,surname,dob,city';

interface SpeedRow {
  rows: number;
  seconds: number;
  peakRssMb: number | null;
  comparisons: number;
  clusters: number;
  precision: number;
  recall: number;
  duckdbSeconds: number;
  duckdbPairs: number;
}

/** Pairwise precision/recall of the CLI's clusters against the generated entities. */
function score(csv: string, clusters: Array<{ keys: Array<string | null> }>, truePairs: number): { precision: number; recall: number } {
  const entity = new Map<string, string>();
  for (const line of readFileSync(csv, 'utf8').split('\n').slice(1)) {
    if (!line) continue;
    const f = line.split(',');
    entity.set(f[0]!, f[5]!);
  }
  let pred = 0;
  let tp = 0;
  for (const c of clusters) {
    const e = c.keys.map((k) => entity.get(k ?? '') ?? '');
    for (let x = 0; x < e.length; x++) for (let y = x + 1; y < e.length; y++) {
      pred++;
      if (e[x] === e[y]) tp++;
    }
  }
  return { precision: pred ? tp / pred : 0, recall: truePairs ? tp / truePairs : 0 };
}

/** The anchor: exact and 4-letter-prefix blocks (capped at 500 like the engine) joined and scored with jaro_winkler_similarity. */
async function duckdb(csv: string): Promise<{ seconds: number; pairs: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const lit = `'${csv.replace(/'/g, "''")}'`;
    await conn.run(`CREATE TABLE r AS SELECT * FROM read_csv(${lit}, header = true, all_varchar = true)`);
    const t = performance.now();
    const keys = ['lower(substr(first_name, 1, 4))', 'lower(substr(surname, 1, 4))', 'dob', 'city'];
    const blocks = keys.map((k, i) => `SELECT id, ${k} AS k, ${i} AS rule FROM r WHERE ${k} IS NOT NULL AND ${k} <> ''`).join(' UNION ALL ');
    const sql = `
      WITH keyed AS (${blocks}),
      sized AS (SELECT *, count(*) OVER (PARTITION BY rule, k) AS n FROM keyed),
      cand AS (SELECT DISTINCT a.id AS a, b.id AS b FROM sized a JOIN sized b ON a.rule = b.rule AND a.k = b.k AND a.id < b.id WHERE a.n <= 500),
      scored AS (SELECT c.a, c.b,
        jaro_winkler_similarity(lower(x.first_name), lower(y.first_name)) AS jf,
        jaro_winkler_similarity(lower(x.surname), lower(y.surname)) AS js,
        (x.dob = y.dob)::INT AS d, (x.city = y.city)::INT AS ci
        FROM cand c JOIN r x ON x.id = c.a JOIN r y ON y.id = c.b)
      SELECT count(*) AS pairs, count(*) FILTER (WHERE jf > 0.9 AND js > 0.9 AND d + ci >= 1) AS matches FROM scored`;
    const res = await conn.runAndReadAll(sql);
    const seconds = (performance.now() - t) / 1000;
    return { seconds, pairs: Number(res.getRows()[0]?.[0]) };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function speed(ctx: BenchContext, rows: number): Promise<SpeedRow> {
  const dir = mkdtempSync(path.join(ctx.benchDir, 'dedupe-'));
  try {
    const csv = path.join(dir, `people-${rows}.csv`);
    const { truePairs } = await generatePeople(csv, rows);
    const ws = path.join(dir, 'ws');
    const bin = path.join(ctx.root, 'bin', 'tidyset.js');
    const imp = await measure('node', [bin, 'import', csv, '--name', 'people', '-w', ws, '--json']);
    if (imp.exitCode !== 0) throw new Error(`import failed: ${imp.stderr}`);
    const m = await measure('node', [bin, 'dedupe', 'people', '--columns', COLUMNS, '--key', 'id', '--json', '-w', ws]);
    if (m.exitCode !== 0) throw new Error(`tidyset dedupe failed: ${m.stderr}`);
    const out = JSON.parse(m.stdout) as { clusters: Array<{ keys: Array<string | null> }>; comparisons: number; seconds: number };
    const q = score(csv, out.clusters, truePairs);
    const d = await duckdb(csv);
    return { rows, seconds: m.seconds, peakRssMb: m.peakRssMb, comparisons: out.comparisons, clusters: out.clusters.length, ...q, duckdbSeconds: d.seconds, duckdbPairs: d.pairs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f3 = (x: number) => x.toFixed(3);

export async function runDedupeBench(ctx: BenchContext): Promise<SectionReport> {
  if (!existsSync(path.join(ctx.root, 'dist', 'main'))) throw new Error('the dedupe bench runs bin/tidyset.js: `npm run build` first');
  const quality: QualityRow[] = [];
  if (existsSync(DATA)) {
    const ws = Workspace.open(mkdtempSync(path.join(ctx.benchDir, 'dedupe-q-')));
    try {
      for (const c of QUALITY_CASES) quality.push(await runQualityCase(ws, DATA, c));
    } finally {
      rmSync(ws.dir, { recursive: true, force: true });
      ws.close();
    }
  }
  const sizes = [...new Set([Math.round(ctx.rows / 10), Math.round((ctx.rows * 3) / 10), ctx.rows])].filter((n) => n >= 1000);
  const speedRows: SpeedRow[] = [];
  for (const n of sizes) speedRows.push(await speed(ctx, n));

  const qHead = ['data', 'records', 'columns compared', 'pairs compared', 'true pairs', 'P', 'R', 'F1', 'F1 after 50 labels (P / R)'];
  const qRows = quality.map((r) => [r.name, String(r.records), r.columns.join(', '), String(r.comparisons), String(r.truePairs), f3(r.precision), f3(r.recall), f3(r.f1),
    r.labelled ? `${f3(r.labelled.f1)} (${f3(r.labelled.precision)} / ${f3(r.labelled.recall)})` : '']);
  const sHead = ['rows', 'tidyset dedupe (s)', 'peak RSS (MB)', 'comparisons', 'comparisons/s', 'clusters', 'P', 'R', 'DuckDB SQL (s)', 'DuckDB pairs', 'ratio vs DuckDB'];
  const sRows = speedRows.map((r) => [String(r.rows), fmt(r.seconds, 1), fmt(r.peakRssMb), String(r.comparisons), fmt(r.comparisons / r.seconds), String(r.clusters), f3(r.precision), f3(r.recall), fmt(r.duckdbSeconds, 1), String(r.duckdbPairs), `${(r.seconds / r.duckdbSeconds).toFixed(2)}x`]);
  const text = `dedupe quality (unsupervised default; then 50 labels in active-learning order)\n${textTable(qHead, qRows)}\n\ndedupe speed (${COLUMNS})\n${textTable(sHead, sRows)}`;
  const markdown = [
    `Machine: ${machineLine(ctx.machine)}; ${loadLine()}.`,
    '',
    markdownTable(qHead, qRows),
    '',
    `\`tidyset dedupe people --columns ${COLUMNS} --key id --json\` end to end (worker job, pairs stored), generated people with ~20 % injected duplicates; DuckDB: the same columns' exact/prefix blocks (cap 500) joined and scored with jaro_winkler_similarity, in memory, load excluded.`,
    '',
    markdownTable(sHead, sRows),
  ].join('\n');
  return { json: { quality, speed: speedRows }, text, markdown };
}
