// Handlers of the dedupe and link methods: suggestions and blocking counts, the two jobs, and review,
// re-fit and resolve over stored results (main/core/dedupe).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quietContext } from '../core/jobs/context';
import { TidysetError } from '../core/errors';
import { block } from '../core/dedupe/blocking';
import { prepareColumn } from '../core/dedupe/compare';
import { columnsB } from '../core/dedupe/jobs';
import { loadRecords, sampleColumns, columnOf } from '../core/dedupe/records';
import { clustersPage, label, linkPairs, linkPairsAt, membersOf, refit, split, summary, uncertain } from '../core/dedupe/review';
import { deleteResult, listResults, withResult, type ResultStore } from '../core/dedupe/store';
import { suggest } from '../core/dedupe/suggest';
import { linkTableCsv } from '../core/dedupe/linkTable';
import type { DedupeConfig } from '../../shared/api/dedupe';
import type { Workspace } from '../core/workspace';
import { runClean } from './clean';
import type { HandlerContext, Handlers } from './types';

type DedupeMethods =
  | 'dedupe.suggest' | 'dedupe.blocking' | 'dedupe.results' | 'dedupe.summary' | 'dedupe.deleteResult' | 'dedupe.clusters'
  | 'dedupe.label' | 'dedupe.split' | 'dedupe.refit' | 'dedupe.uncertain' | 'dedupe.resolve' | 'dedupe.linkPairs'
  | 'dedupe.linkExport' | 'dedupe.linkAddKey' | 'jobs.dedupe' | 'jobs.link';

/** Checks that every compared column exists (A's, and B's in a link) before a job starts. */
function checkColumns(ws: Workspace, dataset: string, config: DedupeConfig, datasetB?: string): void {
  const ds = ws.datasets.get(dataset);
  for (const c of config.comparisons) columnOf(ds, c.column);
  if (config.key) columnOf(ds, config.key);
  if (datasetB) {
    const b = ws.datasets.get(datasetB);
    for (const c of columnsB(config)) columnOf(b, c);
    if (config.keyB) columnOf(b, config.keyB);
  }
}

/** The result's step as an operation: its config, current model and the labels by row id. */
function resolveOp(r: ResultStore, threshold: number) {
  const decisions = r.labels().map((l) => ({ a: l.a, b: l.b, match: l.match }));
  return { config: r.meta.config, model: r.meta.model, threshold, result: r.id, decisions, origin: r.meta.dataset };
}

function afterStep(ctx: HandlerContext, dataset: string, step: { seq: number; description: string; detail: { changed: number } }) {
  ctx.datasetsChanged(dataset);
  return { seq: step.seq, description: step.description, detail: { ...step.detail } };
}

export const dedupeHandlers: Pick<Handlers, DedupeMethods> = {
  'dedupe.suggest': async ({ dataset, datasetB }, { ws }) => {
    const ds = ws.datasets.get(dataset);
    const s = suggest(ds.columns.map((c) => c.name), sampleColumns(ws, ds));
    if (datasetB) {
      // A link compares the columns both sides have (by name, case-insensitive); others are not suggested.
      const b = ws.datasets.get(datasetB);
      const byName = new Map(b.columns.map((c) => [c.name.toLowerCase(), c.name]));
      s.config.comparisons = s.config.comparisons.filter((c) => byName.has(c.column.toLowerCase())).map((c) => ({ ...c, columnB: byName.get(c.column.toLowerCase())! }));
      for (const c of s.columns) if (c.suggested && !byName.has(c.column.toLowerCase())) [c.suggested, c.reason] = [false, `${c.reason}; ${JSON.stringify(b.name)} has no column of this name: map it by hand`];
      if (!s.config.comparisons.length) throw new TidysetError('BAD_INPUT', `${JSON.stringify(ds.name)} and ${JSON.stringify(b.name)} share no column name to compare: map the columns by hand`);
      const keyB = suggest(b.columns.map((c) => c.name), sampleColumns(ws, b)).key;
      if (keyB) s.config.keyB = keyB;
    }
    return s;
  },

  'dedupe.blocking': async ({ dataset, datasetB, config }, { ws }) => {
    checkColumns(ws, dataset, config, datasetB);
    const a = loadRecords(ws, ws.datasets.get(dataset), config.comparisons.map((c) => c.column));
    const b = datasetB ? loadRecords(ws, ws.datasets.get(datasetB), columnsB(config)) : null;
    const cols = config.comparisons.map((c, k) => prepareColumn(c, b ? [...a.values[k]!, ...b.values[k]!] : a.values[k]!));
    const n = a.rids.length + (b?.rids.length ?? 0);
    return block(cols, { n, nA: b ? a.rids.length : null }, config.blocking, quietContext).report;
  },

  'jobs.dedupe': async ({ dataset, config }, { ws, jobs }) => {
    checkColumns(ws, dataset, config);
    const ds = ws.datasets.get(dataset);
    return jobs.start('dedupe', { dataset: ds.name, config }, `Find duplicates in ${ds.name}`);
  },

  'jobs.link': async ({ dataset, datasetB, config }, { ws, jobs }) => {
    checkColumns(ws, dataset, config, datasetB);
    const a = ws.datasets.get(dataset);
    const b = ws.datasets.get(datasetB);
    return jobs.start('link', { dataset: a.name, datasetB: b.name, config }, `Link ${a.name} to ${b.name}`);
  },

  'dedupe.results': async ({ dataset }, { ws }) => listResults(ws, dataset),
  'dedupe.summary': async ({ result }, { ws }) => summary(ws, result),
  'dedupe.deleteResult': async ({ result }, { ws }) => {
    deleteResult(ws, result);
    return { ok: true as const };
  },
  'dedupe.clusters': async ({ result, ...q }, { ws }) => clustersPage(ws, result, q),
  'dedupe.label': async ({ result, a, b, label: l }, { ws }) => label(ws, result, a, b, l),
  'dedupe.split': async ({ result, members, apart }, { ws }) => split(ws, result, members, apart),
  'dedupe.refit': async ({ result }, { ws }) => refit(ws, result),
  'dedupe.uncertain': async ({ result, limit }, { ws }) => uncertain(ws, result, limit),

  'dedupe.resolve': async ({ result, threshold, mode, column, rules }, ctx) => {
    const { dataset, op } = withResult(ctx.ws, result, (r) => {
      if (r.meta.kind !== 'dedupe') throw new TidysetError('BAD_INPUT', 'a link result is resolved with dedupe.linkAddKey or dedupe.linkExport');
      return { dataset: r.meta.dataset, op: { op: 'dedupe' as const, action: mode, name: column, rules, ...resolveOp(r, threshold) } };
    });
    const res = await runClean(ctx, { action: 'apply', dataset, op }, mode === 'addColumn' ? 'Add cluster ids' : 'Keep one per cluster');
    return afterStep(ctx, dataset, res.steps[0]!);
  },

  'dedupe.linkPairs': async ({ result, ...q }, { ws }) => linkPairs(ws, result, q),

  'dedupe.linkExport': async ({ result, threshold, out, keyA, keyB, force }, { ws, paths }) => {
    const file = paths.check(path.resolve(out), 'write');
    if (existsSync(file) && !force) throw new TidysetError('ALREADY_EXISTS', `${file} exists (set force to replace it)`);
    return withResult(ws, result, (r) => {
      if (r.meta.kind !== 'link') throw new TidysetError('BAD_INPUT', 'only a link result has a link table');
      const pairs = linkPairsAt(r, threshold);
      const ka = keyA ? membersOf(ws, ws.datasets.get(r.meta.dataset), [], pairs.map((p) => p.a), keyA) : null;
      const kb = keyB ? membersOf(ws, ws.datasets.get(r.meta.datasetB!), [], pairs.map((p) => p.b), keyB) : null;
      writeFileSync(file, linkTableCsv(pairs.map((p) => ({ a: ka ? (ka.get(p.a)?.key ?? '') : String(p.a), b: kb ? (kb.get(p.b)?.key ?? '') : String(p.b), score: p.score }))));
      return { file, pairs: pairs.length };
    });
  },

  'dedupe.linkAddKey': async ({ result, threshold, keyB, column }, ctx) => {
    const { dataset, op } = withResult(ctx.ws, result, (r) => {
      if (r.meta.kind !== 'link') throw new TidysetError('BAD_INPUT', 'only a link result links records of another dataset');
      columnOf(ctx.ws.datasets.get(r.meta.datasetB!), keyB);
      const { decisions: _d, origin: _o, ...rest } = resolveOp(r, threshold);
      return { dataset: r.meta.dataset, op: { op: 'linkKey' as const, other: r.meta.datasetB!, keyB, name: column ?? `${r.meta.datasetB}_${keyB}`, ...rest } };
    });
    const res = await runClean(ctx, { action: 'apply', dataset, op }, 'Add linked key');
    return afterStep(ctx, dataset, res.steps[0]!);
  },
};
