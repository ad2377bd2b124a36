// The search of the erase screen: one search over every dataset, then more rows of one dataset on demand.
import { useState } from 'react';
import type { EraseMatches, EraseSearchOut } from '../../../shared/api/erase';
import { api, errorMessage } from '../../api';

export interface SearchQuery {
  value: string;
  column: string;
  dataset: string;
}

export const PAGE = 20;

export function useEraseSearch() {
  const [result, setResult] = useState<(EraseSearchOut & { query: SearchQuery }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const scope = (q: SearchQuery) => ({ value: q.value, column: q.column.trim() || undefined, dataset: q.dataset || undefined });

  const search = async (q: SearchQuery) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api['erase.search']({ ...scope(q), offset: 0, limit: PAGE });
      setResult({ ...r, query: q });
    } catch (e) {
      setError(errorMessage(e));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  /** Appends the next page of one dataset's matching rows. */
  const more = async (d: EraseMatches) => {
    if (!result) return;
    try {
      const r = await api['erase.search']({ ...scope(result.query), dataset: d.dataset, offset: d.page.length, limit: PAGE });
      const next = r.datasets[0];
      if (!next) return;
      setResult({ ...result, datasets: result.datasets.map((x) => (x.dataset === d.dataset ? { ...x, page: [...x.page, ...next.page] } : x)) });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return { result, busy, error, search, more, clear: () => setResult(null) };
}
