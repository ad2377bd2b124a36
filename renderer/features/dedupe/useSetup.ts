// Loads the engine's suggestion for a dataset (or a pair of datasets) into an editable setup.
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import type { Setup } from './setupModel';

export interface SetupState {
  setup: Setup | null;
  loading: boolean;
  error: string | null;
}

export function useSetup(dataset: string, datasetB: string | null, link: boolean) {
  const [state, setState] = useState<SetupState>({ setup: null, loading: true, error: null });
  useEffect(() => {
    if (link && !datasetB) {
      setState({ setup: null, loading: false, error: null });
      return;
    }
    let stale = false;
    setState({ setup: null, loading: true, error: null });
    api['dedupe.suggest']({ dataset, datasetB: datasetB ?? undefined }).then(
      (s) => {
        if (stale) return;
        const inConfig = new Map(s.config.comparisons.map((c) => [c.column, c]));
        setState({
          loading: false,
          error: null,
          setup: {
            base: s.config,
            key: s.key,
            keyB: null,
            choices: s.columns.map((c) => ({
              column: c.column,
              role: c.role,
              reason: c.reason,
              distinct: c.distinct,
              blank: c.blank,
              on: inConfig.has(c.column) || c.suggested,
              comparison: inConfig.get(c.column) ?? c.comparison,
            })),
          },
        });
      },
      (e) => !stale && setState({ setup: null, loading: false, error: errorMessage(e) }),
    );
    return () => {
      stale = true;
    };
  }, [dataset, datasetB, link]);
  const update = (fn: (s: Setup) => Setup) => setState((st) => (st.setup ? { ...st, setup: fn(st.setup) } : st));
  return { ...state, update };
}
