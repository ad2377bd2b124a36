// The datasets of the workspace, kept fresh by `datasets.changed` events; shared by sidebar, catalog and grid.
import { useEffect } from 'react';
import type { Dataset } from '../../shared/api/catalog';
import { api, errorMessage } from '../api';
import { createReloader } from './reloader';
import { createStore, useStore } from './store';

export interface DatasetsState {
  loaded: boolean;
  list: Dataset[];
  error: string | null;
}

export const datasetsStore = createStore<DatasetsState>({ loaded: false, list: [], error: null });

const reload = createReloader(async (_: 'all') => {
  try {
    const list = await api['datasets.list']({});
    datasetsStore.set({ loaded: true, list, error: null });
  } catch (e) {
    datasetsStore.set((s) => ({ ...s, loaded: true, error: errorMessage(e) }));
  }
});

/** Reloads the list; calls made while a reload runs coalesce into one more reload. */
export function refreshDatasets(): Promise<void> {
  return reload('all');
}

/** Puts a dataset returned by an update into the list at once, before the refresh arrives. */
export function upsertDataset(d: Dataset, previousName?: string): void {
  datasetsStore.set((s) => {
    const key = previousName ?? d.name;
    const i = s.list.findIndex((x) => x.id === d.id || x.name === key);
    const list = i < 0 ? [...s.list, d] : s.list.map((x, j) => (j === i ? d : x));
    return { ...s, list };
  });
}

let subscribed = false;
function ensureSubscribed(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('datasets.changed', () => void refreshDatasets());
  api.on('job.end', (job) => {
    if (job.kind === 'import' || job.kind === 'scan') void refreshDatasets();
  });
  void refreshDatasets();
}

export function useDatasets(): DatasetsState {
  useEffect(ensureSubscribed, []);
  return useStore(datasetsStore);
}

export function findDataset(list: Dataset[], name: string): Dataset | undefined {
  return list.find((d) => d.name === name);
}
