// Builds a sort index in the background when `rows.page` says a sort column has none, then refreshes the grid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { putJob, whenJobEnds } from '../../app/useJobs';
import { toast } from '../../components/toastStore';

/** Returns the columns being indexed now and a callback for the `unindexed` list of each page. */
export function useSortIndex(datasetId: number, nameOf: () => string, onIndexed: () => void) {
  const requested = useRef(new Set<string>());
  const [building, setBuilding] = useState<string[]>([]);
  const live = useRef(true);
  const onIndexedRef = useRef(onIndexed);
  onIndexedRef.current = onIndexed;

  useEffect(() => {
    live.current = true;
    requested.current = new Set();
    setBuilding([]);
    return () => {
      live.current = false;
    };
  }, [datasetId]);

  const report = useCallback(
    (unindexed: readonly string[]) => {
      for (const column of unindexed) {
        // Each column is asked for once per visit; a failing build must not loop.
        if (requested.current.has(column)) continue;
        requested.current.add(column);
        setBuilding((b) => [...b, column]);
        void (async () => {
          try {
            const job = await api['jobs.buildIndex']({ dataset: nameOf(), column });
            putJob(job);
            const end = await whenJobEnds(job);
            if (!live.current) return;
            if (end.state === 'done') onIndexedRef.current();
            else if (end.state === 'failed') toast('error', `Sort index for ${column}: ${end.error?.message ?? 'failed'}`);
          } catch (e) {
            if (live.current) toast('error', `Sort index for ${column}: ${errorMessage(e)}`);
          } finally {
            if (live.current) setBuilding((b) => b.filter((c) => c !== column));
          }
        })();
      }
    },
    [nameOf],
  );

  return { building, report };
}
