// A dataset's history steps, reloaded after each change made here and on `datasets.changed` from elsewhere.
import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntryInfo } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { useDatasetUi } from '../clean/datasetUi';

export interface HistoryState {
  entries: HistoryEntryInfo[] | null;
  error: string | null;
}

export function useHistory(datasetId: number, name: string): HistoryState {
  const version = useDatasetUi(datasetId, 'version');
  const [state, setState] = useState<HistoryState>({ entries: null, error: null });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => api.on('datasets.changed', (p) => (p.dataset === null || p.dataset === name) && reload()), [name, reload]);

  useEffect(() => {
    let stale = false;
    api['history.list']({ dataset: name }).then(
      (entries) => !stale && setState({ entries, error: null }),
      (e) => !stale && setState((s) => ({ ...s, error: errorMessage(e) })),
    );
    return () => {
      stale = true;
    };
  }, [name, version, tick]);

  return state;
}
