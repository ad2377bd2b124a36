// Handlers of spelling clusters: start a clustering job, page its stored clusters, merge clusters as
// one massEdit history step (through the same per-dataset queue as every other step).
import { columnOf } from '../core/dedupe/spelling/distinct';
import { readClusterResult, type ClusterResult } from '../core/dedupe/spelling/cluster';
import { mergeOp } from '../core/dedupe/spelling/merge';
import { runClean } from './clean';
import type { Handlers } from './types';

/** The last few results read, so that paging one does not parse its file again for every page. */
const recent = new Map<string, ClusterResult>();
const RECENT = 4;

function remember(key: string, r: ClusterResult): ClusterResult {
  recent.delete(key);
  recent.set(key, r);
  while (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return r;
}

export const clusterHandlers: Pick<Handlers, 'jobs.cluster' | 'cluster.results' | 'cluster.merge'> = {
  'jobs.cluster': async (params, { ws, jobs }) => {
    // Fail fast on an unknown dataset or column instead of a job that fails at once.
    const ds = ws.datasets.get(params.dataset);
    const c = columnOf(ds, params.column);
    return jobs.start('cluster', { ...params, dataset: ds.name }, `Cluster ${ds.name}.${c.name} (${params.method})`);
  },

  'cluster.results': async ({ dataset, column, id, offset, limit }, { ws }) => {
    const ds = ws.datasets.get(dataset);
    const key = `${ds.file}\u0000${columnOf(ds, column).physical}\u0000${id}`;
    const r = recent.get(key) ?? remember(key, readClusterResult(ws, dataset, column, id));
    return { summary: r.summary, clusters: r.clusters.slice(offset, offset + limit), total: r.clusters.length };
  },

  'cluster.merge': async ({ dataset, column, merges, where }, ctx) => {
    const op = mergeOp(column, merges, where);
    const r = await runClean(ctx, { action: 'apply', dataset, op }, 'Merge clusters');
    const step = r.steps[0]!;
    return { seq: step.seq, description: step.description, detail: { ...step.detail } };
  },
};
