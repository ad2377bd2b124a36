// Runs clustering jobs for the dialog: one at a time (a new method or setting cancels the one
// running), follows its progress, and loads the clusters it stored, a page at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cluster, ClusterMethod, ClusterSummary } from '../../../shared/api/cluster';
import type { Filter, JobInfo } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { putJob, useJobs, whenJobEnds } from '../../app/useJobs';

export interface ClusterSettings {
  method: ClusterMethod;
  radius: number;
  threshold: number;
}

export type ClusterState =
  | { phase: 'running'; jobId: string | null }
  | { phase: 'ready'; summary: ClusterSummary; clusters: Cluster[]; total: number }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string };

/** Clusters loaded at first and by each "Show more". */
export const PAGE = 200;

/** `where`: the rows to cluster (the grid's filters when the dialog opened); empty for every row. */
export function useClustering(dataset: string, column: string, settings: ClusterSettings, version: number, where: readonly Filter[] = []) {
  const [state, setState] = useState<ClusterState>({ phase: 'running', jobId: null });
  const jobs = useJobs();
  const current = useRef<string | null>(null);
  const job: JobInfo | undefined = state.phase === 'running' && state.jobId ? jobs.find((j) => j.id === state.jobId) : undefined;

  useEffect(() => {
    let live = true;
    setState({ phase: 'running', jobId: null });
    const run = async () => {
      const info = await api['jobs.cluster']({ dataset, column, ...settings, ...(where.length ? { where: [...where] } : {}) });
      putJob(info);
      current.current = info.id;
      if (!live) {
        void api['jobs.cancel']({ id: info.id }).catch(() => undefined);
        return;
      }
      setState({ phase: 'running', jobId: info.id });
      const end = await whenJobEnds(info);
      if (!live) return;
      if (end.state === 'cancelled') return setState({ phase: 'cancelled' });
      if (end.state !== 'done') return setState({ phase: 'error', message: end.error?.message ?? 'Clustering failed.' });
      const summary = end.outcome as unknown as ClusterSummary;
      const page = await api['cluster.results']({ dataset, column, id: summary.id, offset: 0, limit: PAGE });
      if (live) setState({ phase: 'ready', summary: page.summary, clusters: page.clusters, total: page.total });
    };
    run().catch((e: unknown) => live && setState({ phase: 'error', message: errorMessage(e) }));
    return () => {
      live = false;
      // A job for settings no longer shown is of no use: stop it.
      const id = current.current;
      current.current = null;
      if (id) void api['jobs.cancel']({ id }).catch(() => undefined);
    };
  }, [dataset, column, settings.method, settings.radius, settings.threshold, version, where]);

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void api['jobs.cancel']({ id }).catch(() => undefined);
  }, []);

  const more = useCallback(async () => {
    if (state.phase !== 'ready') return;
    const page = await api['cluster.results']({ dataset, column, id: state.summary.id, offset: state.clusters.length, limit: PAGE });
    setState((s) => (s.phase === 'ready' && s.summary.id === state.summary.id ? { ...s, clusters: [...s.clusters, ...page.clusters] } : s));
  }, [dataset, column, state]);

  return { state, job, cancel, more };
}
