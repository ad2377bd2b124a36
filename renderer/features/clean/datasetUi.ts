// Per-dataset UI state shared by the grid, facets, history and toolbar: change counters, the grid's
// own filters, how many rows match, and the operation running now.
import type { Filter } from '../../../shared/api/contract';
import { createStore } from '../../app/store';
import { useSyncExternalStore } from 'react';

export interface DatasetUi {
  /** Bumps after every change to the dataset's data or history: facets and the history panel reload. */
  version: number;
  /** Bumps when the grid must reload its rows (not after a cell edit, which the grid already shows). */
  gridVersion: number;
  /** The grid's column filters as contract filters (facet selections are kept in the facet store). */
  gridFilters: Filter[];
  /** Rows matching every filter, from the grid's last page; null while unknown. */
  matching: number | null;
  /** What is running now ("Applying: Trim whitespace in name"), or null. */
  busy: string | null;
}

const EMPTY: DatasetUi = { version: 0, gridVersion: 0, gridFilters: [], matching: null, busy: null };

export const datasetUiStore = createStore<Record<number, DatasetUi>>({});

export function getUi(id: number): DatasetUi {
  return datasetUiStore.get()[id] ?? EMPTY;
}

export function patchUi(id: number, patch: Partial<DatasetUi> | ((ui: DatasetUi) => Partial<DatasetUi>)): void {
  datasetUiStore.set((all) => {
    const ui = all[id] ?? EMPTY;
    const p = typeof patch === 'function' ? patch(ui) : patch;
    const changed = (Object.keys(p) as (keyof DatasetUi)[]).some((k) => !Object.is(p[k], ui[k]));
    return changed ? { ...all, [id]: { ...ui, ...p } } : all;
  });
}

/** Records that the dataset changed; `grid: false` when the grid already shows the change (a cell edit). */
export function dataChanged(id: number, opts: { grid?: boolean } = {}): void {
  patchUi(id, (ui) => ({ version: ui.version + 1, gridVersion: opts.grid === false ? ui.gridVersion : ui.gridVersion + 1 }));
}

/** One field of a dataset's UI state; re-renders only when that field changes. */
export function useDatasetUi<K extends keyof DatasetUi>(id: number, key: K): DatasetUi[K] {
  const get = () => getUi(id)[key];
  return useSyncExternalStore(datasetUiStore.subscribe, get, get);
}
