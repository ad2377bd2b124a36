// The stored results of a dataset of one kind (dedupe or link), newest first, so the review reopens the
// last one after a restart.
import { useCallback, useEffect, useState } from 'react';
import type { ResultInfo } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';

export function useResults(dataset: string, kind: 'dedupe' | 'link') {
  const [list, setList] = useState<ResultInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stale = false;
    api['dedupe.results']({ dataset }).then(
      (all) => !stale && setList(all.filter((r) => r.kind === kind && r.dataset === dataset)),
      (e) => {
        if (stale) return;
        setError(errorMessage(e));
        setList([]);
      },
    );
    return () => {
      stale = true;
    };
  }, [dataset, kind, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { list, error, reload };
}
