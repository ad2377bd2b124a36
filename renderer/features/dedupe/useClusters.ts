// The review queue of a dedupe result: clusters at the threshold, least certain first, paged; reloaded
// when the threshold settles or the model is re-fitted. The current cluster is kept across reloads when
// it is still there (by its members), else the queue starts again at the top — the least certain now.
// Clusters the reviewer has decided move after the open ones.
import { useEffect, useRef, useState } from 'react';
import type { Cluster } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';
import { debounced } from './debounced';
import { decisionOfPairs } from './decisions';

const PAGE = 50;

export interface ClustersState {
  clusters: Cluster[];
  columns: string[];
  total: number;
  loading: boolean;
  error: string | null;
}

export function membersKey(c: Cluster): string {
  return c.members.map((m) => m.rid).join(',');
}

export function useClusters(result: string, threshold: number, version: number) {
  const [state, setState] = useState<ClustersState>({ clusters: [], columns: [], total: 0, loading: true, error: null });
  const [limit, setLimit] = useState(PAGE);
  const [current, setCurrent] = useState(0);
  const currentKey = useRef<string | null>(null);

  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    return debounced(150, async (stale) => {
      try {
        const pages = [];
        for (let offset = 0; offset < limit; offset += 200) {
          const page = await api['dedupe.clusters']({ result, threshold, offset, limit: Math.min(200, limit - offset), order: 'uncertainty' });
          pages.push(page);
          if (page.clusters.length < 200) break;
        }
        if (stale()) return;
        // Clusters already decided go after the open ones: the queue is what is left to review.
        const all = pages.flatMap((p) => p.clusters);
        const open = all.filter((c) => decisionOfPairs(c.pairs) === null);
        const clusters = [...open, ...all.filter((c) => decisionOfPairs(c.pairs) !== null)];
        const keep = currentKey.current ? clusters.findIndex((c) => membersKey(c) === currentKey.current) : -1;
        setState({ clusters, columns: pages[0]?.columns ?? [], total: pages[0]?.total ?? 0, loading: false, error: null });
        setCurrent(keep >= 0 ? keep : 0);
      } catch (e) {
        if (!stale()) setState((s) => ({ ...s, loading: false, error: errorMessage(e) }));
      }
    });
  }, [result, threshold, version, limit]);

  const cluster = state.clusters[current] ?? null;
  currentKey.current = cluster ? membersKey(cluster) : null;

  const move = (delta: number) => setCurrent((i) => Math.max(0, Math.min(state.clusters.length - 1, i + delta)));
  const more = () => setLimit((l) => l + PAGE);
  return { ...state, current, setCurrent, cluster, move, more };
}
