// A dataset's protection overview (tags, actions, examples, direct identifiers kept, the secret), kept
// fresh on `datasets.changed`; setAction changes one column's action and takes the new overview.
import { useCallback, useEffect, useState } from 'react';
import type { PdAction } from '../../../shared/api/personal';
import type { Protection } from '../../../shared/api/protect';
import { api, errorMessage } from '../../api';

export interface ProtectionState {
  protection: Protection | null;
  error: string | null;
  setAction(column: string, action: PdAction | null): Promise<void>;
  reload(): void;
}

export function useProtection(dataset: string): ProtectionState {
  const [protection, setProtection] = useState<Protection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => api.on('datasets.changed', (p) => (p.dataset === null || p.dataset === dataset) && reload()), [dataset, reload]);
  useEffect(() => {
    let stale = false;
    api['protect.get']({ dataset }).then(
      (p) => {
        if (stale) return;
        setProtection(p);
        setError(null);
      },
      (e) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [dataset, tick]);

  const setAction = useCallback(
    async (column: string, action: PdAction | null) => {
      // Shown at once; the stored overview (with new examples) replaces it when it comes back.
      setProtection((p) => (p ? { ...p, columns: p.columns.map((c) => (c.column === column ? { ...c, action } : c)) } : p));
      try {
        setProtection(await api['protect.setAction']({ dataset, column, action }));
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
        reload();
      }
    },
    [dataset, reload],
  );

  return { protection, error, setAction, reload };
}
