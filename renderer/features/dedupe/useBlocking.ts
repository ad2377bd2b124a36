// The blocking report of the current setup, recounted (debounced) whenever the compared columns change.
import { useEffect, useState } from 'react';
import type { BlockingReport, DedupeConfigInput } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';
import { debounced } from './debounced';

export interface BlockingState {
  report: BlockingReport | null;
  loading: boolean;
  error: string | null;
}

export function useBlocking(dataset: string, datasetB: string | undefined, config: DedupeConfigInput | null): BlockingState {
  const [state, setState] = useState<BlockingState>({ report: null, loading: false, error: null });
  const key = config && config.comparisons.length > 0 ? JSON.stringify({ dataset, datasetB, config }) : null;
  useEffect(() => {
    if (!key || !config) {
      setState({ report: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    return debounced(250, async (stale) => {
      try {
        const report = await api['dedupe.blocking']({ dataset, datasetB, config });
        if (!stale()) setState({ report, loading: false, error: null });
      } catch (e) {
        if (!stale()) setState({ report: null, loading: false, error: errorMessage(e) });
      }
    });
    // `key` stands for the inputs it is made of.
  }, [key]);
  return state;
}
