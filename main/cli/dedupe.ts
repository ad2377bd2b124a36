// `tidyset dedupe` and `tidyset link`: the same engine as the review screen, headless. Progress on a
// terminal, Ctrl-C cancels; without --columns the suggested columns are used and named on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DedupeConfigSchema, SurvivorRuleSchema, type Comparison, type DedupeConfig } from '../../shared/api/dedupe';
import { applyOp } from '../core/clean/engine';
import { TidysetError } from '../core/errors';
import { startKindJob } from '../core/jobs/kinds';
import type { DedupeJobResult } from '../core/dedupe/jobs';
import { linkTableCsv } from '../core/dedupe/linkTable';
import { columnOf, sampleColumns } from '../core/dedupe/records';
import { clustersAt, linkPairsAt, membersOf } from '../core/dedupe/review';
import { withResult } from '../core/dedupe/store';
import { describeColumn, suggest } from '../core/dedupe/suggest';
import type { StoredDataset } from '../core/db/repos/datasets';
import type { Workspace } from '../core/workspace';
import type { CliKit } from './clean';
import { awaitJob } from './jobProgress';
import { ProgressView, textTable } from './output';

type Common = { workspace?: string; json?: boolean };
type DedupeOpts = Common & { columns?: string; key?: string; threshold?: string; addColumn?: string; keepOne?: boolean; rules?: string };
type LinkOpts = Common & { columns?: string; keyA?: string; keyB?: string; threshold?: string; out?: string };

function threshold(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new TidysetError('BAD_INPUT', `--threshold takes a probability between 0 and 1, got ${JSON.stringify(v)}`);
  return n;
}

/** The comparison a column's values suggest (its kind chosen from the values). */
function comparisonFor(ws: Workspace, ds: StoredDataset, column: string, columnB?: string): Comparison {
  const c = columnOf(ds, column);
  const sample = sampleColumns(ws, ds, 20000)[ds.columns.indexOf(c)]!;
  const s = describeColumn(column, sample).comparison;
  return columnB ? { ...s, columnB } : s;
}

/** The config of a run: --columns (a, or a=b in a link) or the suggestion, named on stderr. */
function configOf(ws: Workspace, ds: StoredDataset, columns: string | undefined, key: string | undefined, json: boolean, dsB?: StoredDataset): DedupeConfig {
  if (key) columnOf(ds, key);
  if (columns) {
    const comparisons = columns.split(',').map((s) => s.trim()).filter(Boolean).map((spec) => {
      const [a, b] = spec.split('=', 2) as [string, string | undefined];
      if (dsB) columnOf(dsB, b ?? a);
      return comparisonFor(ws, ds, a, dsB ? (b ?? a) : undefined);
    });
    if (!comparisons.length) throw new TidysetError('BAD_INPUT', '--columns names no column');
    return DedupeConfigSchema.parse({ comparisons, ...(key ? { key } : {}) });
  }
  const s = suggest(ds.columns.map((c) => c.name), sampleColumns(ws, ds), key);
  let comparisons = s.config.comparisons;
  if (dsB) {
    const byName = new Map(dsB.columns.map((c) => [c.name.toLowerCase(), c.name]));
    comparisons = comparisons.filter((c) => byName.has(c.column.toLowerCase())).map((c) => ({ ...c, columnB: byName.get(c.column.toLowerCase())! }));
    if (!comparisons.length) throw new TidysetError('BAD_INPUT', `${JSON.stringify(ds.name)} and ${JSON.stringify(dsB.name)} share no column name: name them with --columns a=b,…`);
  }
  const shown = comparisons.map((c) => `${c.column}${c.columnB && c.columnB !== c.column ? `=${c.columnB}` : ''} (${c.kind})`).join(', ');
  process.stderr.write(`${json ? '' : 'tidyset: '}comparing ${shown}${s.key && !key ? `; key ${s.key}` : ''} — choose with --columns\n`);
  return { ...s.config, comparisons, ...(key ? { key } : {}) };
}

async function runDedupeKind(dir: string, kind: 'dedupe' | 'link', params: { dataset: string; datasetB?: string; config: DedupeConfig }, json: boolean): Promise<DedupeJobResult> {
  const label = kind;
  const job = kind === 'dedupe'
    ? startKindJob('dedupe', { dataset: params.dataset, config: params.config }, dir, `dedupe ${params.dataset}`)
    : startKindJob('link', { dataset: params.dataset, datasetB: params.datasetB!, config: params.config }, dir, `link ${params.dataset}`);
  const view = new ProgressView(label, process.stderr, process.stderr.isTTY === true || !json);
  job.on('progress', (i: { done: number; total: number; message: string }) => view.update(i.done, i.total, i.message, 'items'));
  const r = await awaitJob(job, label, view, 'cancelling…');
  for (const w of r.warnings) process.stderr.write(`${kind}: warning: ${w}\n`);
  return r;
}

function readRules(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${file}: cannot read the survivorship rules: ${(e as Error).message}`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { rules?: unknown }).rules;
  const r = SurvivorRuleSchema.array().safeParse(list);
  if (!r.success) throw new TidysetError('BAD_INPUT', `${file}: survivorship rules are a list of { "column", "rule": mostFrequent|longest|firstNonEmpty|mostRecent, "by"? }: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

export function registerDedupeCommands(program: Command, kit: CliKit<Common>): void {
  kit.common(program.command('dedupe'))
    .description('find duplicate records in a dataset (blocking + Fellegi-Sunter, unsupervised); optionally add a cluster-id column or keep one record per cluster')
    .argument('<dataset>', 'dataset name')
    .option('--columns <names>', 'columns to compare, comma-separated (default: suggested from the data)')
    .option('--key <column>', 'identifier column whose values are listed as "keys"')
    .option('--threshold <p>', 'match probability a pair needs (default 0.5)')
    .option('--add-column <name>', 'add the cluster ids as a column (a history step)')
    .option('--keep-one', 'keep one record per cluster and delete the others (a history step)')
    .option('--rules <file>', 'with --keep-one: survivorship rules per column (JSON list of {column, rule, by?})')
    .action(async (name: string, o: DedupeOpts) => {
      if (o.addColumn && o.keepOne) throw new TidysetError('BAD_INPUT', 'choose --add-column or --keep-one, not both');
      if (o.rules && !o.keepOne) throw new TidysetError('BAD_INPUT', '--rules goes with --keep-one');
      const rules = o.rules ? readRules(o.rules) : [];
      const { config, dataset } = kit.withWorkspace(o, (ws) => {
        const ds = ws.datasets.get(name);
        return { dataset: ds.name, config: configOf(ws, ds, o.columns, o.key, o.json === true) };
      });
      const t = threshold(o.threshold, config.threshold);
      const run = await runDedupeKind(kit.workspaceDir(o), 'dedupe', { dataset, config: { ...config, threshold: t } }, o.json === true);
      const out = kit.withWorkspace(o, (ws) => withResult(ws, run.result, (r) => {
        const groups = clustersAt(r, t);
        const ds = ws.datasets.get(dataset);
        const key = config.key ?? null;
        const members = key ? membersOf(ws, ds, [], groups.flat(), key) : null;
        const clusters = groups.map((g) => ({ id: g[0]!, rids: g, keys: g.map((rid) => (members ? (members.get(rid)?.key ?? null) : String(rid))) }));
        const pairs = r.db.prepare('SELECT count(*) FROM pairs WHERE score >= ?').pluck().get(t) as number;
        let step: { seq: number; description: string; changed: number } | null = null;
        if (o.addColumn || o.keepOne) {
          const op = { op: 'dedupe', action: o.keepOne ? 'keepOne' : 'addColumn', name: o.addColumn ?? 'cluster_id', config: r.meta.config, model: r.meta.model, threshold: t, rules, decisions: [], result: r.id };
          const s = applyOp(ws, dataset, op);
          step = { seq: s.seq, description: s.description, changed: s.detail.changed };
        }
        return { clusters, pairs, comparisons: run.comparisons, seconds: Math.round(run.seconds * 1000) / 1000, step };
      }));
      kit.print(o, { clusters: out.clusters, pairs: out.pairs, comparisons: out.comparisons, seconds: out.seconds, ...(out.step ? { step: out.step } : {}) }, () => {
        const shown = out.clusters.slice(0, 20).map((c) => [c.id, c.rids.length, c.keys.slice(0, 6).join(', ') + (c.keys.length > 6 ? ', …' : '')]);
        const records = out.clusters.reduce((s, c) => s + c.rids.length, 0);
        return `${out.clusters.length ? `${textTable(['cluster', 'size', config.key ? `${config.key} values` : 'row ids'], shown, 70)}\n` : ''}` +
          `${out.clusters.length} clusters (${records} records) from ${out.pairs} matching pairs; ${out.comparisons} pairs compared in ${out.seconds.toFixed(1)} s` +
          (out.clusters.length > 20 ? ' (first 20 shown; --json lists all)' : '') +
          (out.step ? `\nstep ${out.step.seq}: ${out.step.description} (${out.step.changed} ${o.keepOne ? 'rows deleted' : 'rows in clusters'})` : '');
      });
    });

  kit.common(program.command('link'))
    .description('link the records of two datasets that are the same entity (record linkage); prints or writes the link table a_key,b_key,score')
    .argument('<a>', 'dataset A')
    .argument('<b>', 'dataset B')
    .option('--columns <names>', 'columns to compare: name (same in both) or nameA=nameB, comma-separated (default: the suggested ones both have)')
    .option('--key-a <column>', "A's identifier column (default: the suggested one, else row ids)")
    .option('--key-b <column>', "B's identifier column (default: the suggested one, else row ids)")
    .option('--threshold <p>', 'match probability a pair needs (default 0.5)')
    .option('--out <file>', 'write the link table a_key,b_key,score as CSV')
    .action(async (nameA: string, nameB: string, o: LinkOpts) => {
      const prep = kit.withWorkspace(o, (ws) => {
        const a = ws.datasets.get(nameA);
        const b = ws.datasets.get(nameB);
        const config = configOf(ws, a, o.columns, o.keyA, o.json === true, b);
        const keyA = o.keyA ?? config.key ?? null;
        const keyB = o.keyB ?? suggest(b.columns.map((c) => c.name), sampleColumns(ws, b)).key;
        if (keyB) columnOf(b, keyB);
        return { a: a.name, b: b.name, config, keyA, keyB };
      });
      const t = threshold(o.threshold, prep.config.threshold);
      const run = await runDedupeKind(kit.workspaceDir(o), 'link', { dataset: prep.a, datasetB: prep.b, config: { ...prep.config, threshold: t } }, o.json === true);
      const pairs = kit.withWorkspace(o, (ws) => withResult(ws, run.result, (r) => {
        const kept = linkPairsAt(r, t);
        const ka = prep.keyA ? membersOf(ws, ws.datasets.get(prep.a), [], kept.map((p) => p.a), prep.keyA) : null;
        const kb = prep.keyB ? membersOf(ws, ws.datasets.get(prep.b), [], kept.map((p) => p.b), prep.keyB) : null;
        return kept.map((p) => ({ a: ka ? (ka.get(p.a)?.key ?? null) : String(p.a), b: kb ? (kb.get(p.b)?.key ?? null) : String(p.b), score: Math.round(p.score * 10000) / 10000 }));
      }));
      if (o.out) writeFileSync(path.resolve(o.out), linkTableCsv(pairs.map((p) => ({ a: p.a ?? '', b: p.b ?? '', score: p.score }))));
      const seconds = Math.round(run.seconds * 1000) / 1000;
      kit.print(o, { pairs, comparisons: run.comparisons, seconds }, () =>
        `${pairs.length ? `${textTable([prep.keyA ?? 'A row', prep.keyB ?? 'B row', 'score'], pairs.slice(0, 20).map((p) => [p.a, p.b, p.score.toFixed(3)]), 50)}\n` : ''}` +
        `${pairs.length} links; ${run.comparisons} pairs compared in ${seconds.toFixed(1)} s${pairs.length > 20 ? ' (first 20 shown)' : ''}${o.out ? `\nwrote ${path.resolve(o.out)}` : ''}`);
    });
}
