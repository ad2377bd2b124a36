// The pairs to review in a link result: the ones the model is least sure about (active learning), or
// the links kept at the threshold, best first. Reloaded when the threshold settles or after a re-fit.
import { useEffect, useState } from 'react';
import type { PairDetail } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';
import { debounced } from './debounced';

export type LinkOrder = 'uncertain' | 'links';

export interface LinkQueue {
  pairs: PairDetail[];
  columns: string[];
  columnsB: string[];
  total: number;
  loading: boolean;
  error: string | null;
}

export function pairKey(p: { a: number; b: number }): string {
  return `${p.a}:${p.b}`;
}

export function useLinkQueue(result: string, threshold: number, version: number, order: LinkOrder, limit: number, columns: { a: string[]; b: string[] }) {
  const [state, setState] = useState<LinkQueue>({ pairs: [], columns: [], columnsB: [], total: 0, loading: true, error: null });
  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    return debounced(150, async (stale) => {
      try {
        if (order === 'links') {
          const page = await api['dedupe.linkPairs']({ result, threshold, offset: 0, limit });
          if (!stale()) setState({ pairs: page.pairs, columns: page.columns, columnsB: page.columnsB, total: page.total, loading: false, error: null });
        } else {
          const pairs = await api['dedupe.uncertain']({ result, limit: Math.min(100, limit) });
          if (!stale()) setState({ pairs, columns: columns.a, columnsB: columns.b, total: pairs.length, loading: false, error: null });
        }
      } catch (e) {
        if (!stale()) setState((s) => ({ ...s, loading: false, error: errorMessage(e) }));
      }
    });
    // The column lists only name what the uncertain pairs' values are; they change with the result.
  }, [result, threshold, version, order, limit, columns.a, columns.b]);
  return state;
}
