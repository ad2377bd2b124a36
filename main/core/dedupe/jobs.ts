// The dedupe and link jobs: read the records, run, compute the threshold curve, store the result.
import type { DedupeConfig } from '../../../shared/api/dedupe';
import type { JobContext } from '../jobs/context';
import type { Workspace } from '../workspace';
import { curve, oneToOne } from './cluster';
import { loadRecords } from './records';
import { run, probability } from './run';
import { datasetState, saveResult } from './store';
import { TidysetError } from '../errors';

export interface DedupeJobParams {
  dataset: string;
  config: DedupeConfig;
}
export interface LinkJobParams extends DedupeJobParams {
  datasetB: string;
}
export interface DedupeJobResult {
  result: string;
  comparisons: number;
  seconds: number;
  warnings: string[];
}

/** Thresholds of the slider's curve. */
export const CURVE_THRESHOLDS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

/** The B-side column of each comparison (its own name unless mapped). */
export const columnsB = (config: DedupeConfig): string[] => config.comparisons.map((c) => c.columnB ?? c.column);

export async function runDedupeJob(ws: Workspace, p: DedupeJobParams | LinkJobParams, ctx: JobContext): Promise<DedupeJobResult> {
  const t0 = performance.now();
  const isLink = 'datasetB' in p;
  const ds = ws.datasets.get(p.dataset);
  const dsB = isLink ? ws.datasets.get(p.datasetB) : null;
  if (ds.rows === 0) throw new TidysetError('BAD_INPUT', `dataset ${JSON.stringify(ds.name)} has no rows`);
  const cols = p.config.comparisons.map((c) => c.column);
  const a = loadRecords(ws, ds, cols);
  const b = dsB ? loadRecords(ws, dsB, columnsB(p.config)) : undefined;
  const out = run(p.config, a, b, ctx);
  const score = out.logOdds.map(probability);
  const c = isLink ? [] : curve(out.n, out.a, out.b, score, p.config.maxClusterSize, [], CURVE_THRESHOLDS);
  const linkCurve = isLink ? CURVE_THRESHOLDS.map((t) => {
    const pairs = p.config.oneToOne ? oneToOne(out.a, out.b, score, t).length : score.filter((s) => s >= t).length;
    return { threshold: t, pairs, clusters: pairs, records: pairs };
  }) : [];
  const seconds = (performance.now() - t0) / 1000;
  const result = saveResult(ws, {
    kind: isLink ? 'link' : 'dedupe', dataset: ds.name, datasetB: dsB?.name ?? null, config: p.config,
    records: ds.rows, recordsB: dsB?.rows ?? null, comparisons: out.comparisons, seconds,
    state: datasetState(ws, ds), stateB: dsB ? datasetState(ws, dsB) : null,
    columns: cols, columnsB: dsB ? columnsB(p.config) : [], blocking: out.report, model: out.model, curve: isLink ? linkCurve : c,
  }, out, a.rids, b?.rids ?? null);
  return { result, comparisons: out.comparisons, seconds, warnings: out.report.warnings };
}
