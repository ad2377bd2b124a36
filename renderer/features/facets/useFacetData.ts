// Loads one facet's counts; asks again when its filters change or the data changes. While a new answer
// is on its way the old one stays on screen (marked as loading), so the panel never jumps.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api';
import { useDatasetUi } from '../clean/datasetUi';

export interface FacetData<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

/** `key` must change whenever `load` would answer differently (column, filters, sort…). */
export function useFacetData<T>(datasetId: number, key: string, load: () => Promise<T>): FacetData<T> {
  const version = useDatasetUi(datasetId, 'version');
  const [state, setState] = useState<FacetData<T>>({ data: null, loading: true, error: null });
  useEffect(() => {
    let stale = false;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => !stale && setState({ data, loading: false, error: null }),
      (e) => !stale && setState((s) => ({ data: s.data, loading: false, error: errorMessage(e) })),
    );
    return () => {
      stale = true;
    };
    // `load` is a new closure each render; `key` and `version` say when it must run again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  return state;
}
