// The personal-data tags of the datasets on screen, loaded on demand and reloaded when a dataset changes
// (a detect job ends, a tag is set here or elsewhere); plus the per-dataset "mask direct columns" toggle.
import { useEffect } from 'react';
import type { ColumnTagRow } from '../../../shared/api/detect';
import { api } from '../../api';
import { createReloader } from '../../app/reloader';
import { createStore, useStore } from '../../app/store';

interface State {
  tags: Record<string, ColumnTagRow[]>;
  masked: Record<string, boolean>;
}

export const personalStore = createStore<State>({ tags: {}, masked: {} });

/** Every dataset asked for, also before its first load has landed in the store (a change may come meanwhile). */
const watched = new Set<string>();

/** Reads a dataset's tags into the store; a dataset deleted meanwhile has no tags to show. */
const reload = createReloader(async (dataset: string) => {
  try {
    const rows = await api['tags.list']({ dataset });
    personalStore.set((s) => ({ ...s, tags: { ...s.tags, [dataset]: rows } }));
  } catch {
    // nothing to show
  }
});

/** Loads (or reloads) a dataset's tags into the store; resolves once the store holds tags read after the call. */
export function loadTags(dataset: string): Promise<void> {
  subscribe();
  watched.add(dataset);
  return reload(dataset);
}

let subscribed = false;
/** Reloads the loaded datasets' tags whenever a dataset changes (a detect job ended, a tag was set elsewhere). */
function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('datasets.changed', (p) => {
    for (const name of p.dataset === null ? [...watched] : watched.has(p.dataset) ? [p.dataset] : []) void reload(name);
  });
}

/** A dataset's column tags (null until loaded). */
export function useTags(dataset: string): ColumnTagRow[] | null {
  const s = useStore(personalStore);
  useEffect(() => {
    void loadTags(dataset);
  }, [dataset]);
  return s.tags[dataset] ?? null;
}

/** The tag of one column, from the store (no load). */
export function tagOf(dataset: string, column: string): ColumnTagRow['tag'] {
  return personalStore.get().tags[dataset]?.find((r) => r.column === column)?.tag ?? null;
}

export function isMasked(dataset: string): boolean {
  return personalStore.get().masked[dataset] ?? false;
}

export function setMasked(dataset: string, on: boolean): void {
  personalStore.set((s) => ({ ...s, masked: { ...s.masked, [dataset]: on } }));
}

/** Whether cells of this column are shown masked: the toggle is on and the column is tagged `direct`. */
export function maskedColumn(dataset: string, column: string): boolean {
  return isMasked(dataset) && tagOf(dataset, column)?.category === 'direct';
}

/** Masks a cell for display: the last 2 characters stay, letters and digits before them become •. */
export function maskCell(value: string): string {
  const chars = [...value];
  return chars.map((c, i) => (i >= chars.length - 2 || !/[\p{L}\p{N}]/u.test(c) ? c : '•')).join('');
}
