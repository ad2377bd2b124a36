// The "rows below k" filter of each dataset: set from the k-anonymity card, applied by the grid with
// the facets' filters, cleared from the card or the grid's filter note.
import { useSyncExternalStore } from 'react';
import type { Filter } from '../../../shared/api/contract';
import { createStore } from '../../app/store';

export type SmallClassFilter = Extract<Filter, { kind: 'smallClass' }>;

/** Which side the filter came from ("as is" or "after the actions"), for the card's pressed state. */
export interface KanonFilter {
  filter: SmallClassFilter;
  side: 'before' | 'after';
}

const store = createStore<Record<number, KanonFilter | undefined>>({});

export function setKanonFilter(datasetId: number, f: KanonFilter | null): void {
  store.set((all) => ({ ...all, [datasetId]: f ?? undefined }));
}

export function getKanonFilter(datasetId: number): KanonFilter | null {
  return store.get()[datasetId] ?? null;
}

export function useKanonFilter(datasetId: number): KanonFilter | null {
  const get = () => getKanonFilter(datasetId);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** The grid filters this store adds for a dataset. */
export function kanonFilters(f: KanonFilter | null): Filter[] {
  return f ? [f.filter] : [];
}
