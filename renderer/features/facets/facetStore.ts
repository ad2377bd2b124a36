// The facets open on each dataset and what is selected in them; a selection is a contract filter that
// the grid and the other facets apply.
import { useSyncExternalStore } from 'react';
import type { Filter } from '../../../shared/api/contract';
import { createStore } from '../../app/store';
import { putOriginFilter, withoutSelection, type FacetKind, type FacetSpec } from './facetSpec';

export * from './facetSpec';

export const facetStore = createStore<Record<number, FacetSpec[]>>({});
let nextId = 1;
const NONE: FacetSpec[] = [];

export function getFacets(datasetId: number): FacetSpec[] {
  return facetStore.get()[datasetId] ?? NONE;
}

function setFacets(datasetId: number, fn: (list: FacetSpec[]) => FacetSpec[]): void {
  facetStore.set((all) => ({ ...all, [datasetId]: fn(all[datasetId] ?? NONE) }));
}

/** Adds a facet on a column (or returns the one already there); returns its id. */
export function addFacet(datasetId: number, kind: FacetKind, column: string): number {
  const existing = getFacets(datasetId).find((f) => f.kind === kind && f.column === column);
  if (existing) return existing.id;
  const id = nextId++;
  const spec: FacetSpec =
    kind === 'text'
      ? { id, kind, column, sort: 'count', selected: [] }
      : kind === 'numeric'
        ? { id, kind, column, range: null }
        : kind === 'blank'
          ? { id, kind, column, blank: null }
          : kind === 'type'
            ? { id, kind, column, selected: null }
            : { id, kind: 'filter', column, filter: null, label: '' };
  setFacets(datasetId, (list) => [spec, ...list]);
  return id;
}

export function removeFacet(datasetId: number, id: number): void {
  setFacets(datasetId, (list) => list.filter((f) => f.id !== id));
}

export function updateFacet(datasetId: number, id: number, fn: (f: FacetSpec) => FacetSpec): void {
  setFacets(datasetId, (list) => list.map((f) => (f.id === id ? fn(f) : f)));
}

/** Clears every facet's selection (after the selected rows were deleted, say). */
export function clearSelections(datasetId: number): void {
  setFacets(datasetId, (list) => list.map(withoutSelection));
}

/** Adds (or replaces, for the same label) a filter facet; returns its id. */
export function addFilterFacet(datasetId: number, column: string, filter: Filter, label: string): number {
  const id = nextId++;
  setFacets(datasetId, (list) => [{ id, kind: 'filter', column, filter, label }, ...list.filter((f) => !(f.kind === 'filter' && f.label === label))]);
  return id;
}

/** Sets (or, with null, removes) the one filter facet of `origin`; it goes first, where it is seen. */
export function setOriginFilter(datasetId: number, origin: string, f: { column: string; filter: Filter; label: string } | null): void {
  setFacets(datasetId, (list) => putOriginFilter(list, origin, f && { id: nextId++, ...f }));
}

/** Keeps facets in step with the dataset's columns: follows a rename, drops facets on columns that are gone. */
export function syncFacetColumns(datasetId: number, columns: readonly string[], renamed?: { from: string; to: string }): void {
  const list = getFacets(datasetId);
  if (!list.length) return;
  const names = new Set(columns);
  const next = list
    .map((f) => (renamed && f.column === renamed.from ? { ...f, column: renamed.to } : f))
    .filter((f) => names.has(f.column));
  if (next.length !== list.length || next.some((f, i) => f !== list[i])) setFacets(datasetId, () => next);
}

export function useFacets(datasetId: number): FacetSpec[] {
  const get = () => getFacets(datasetId);
  return useSyncExternalStore(facetStore.subscribe, get, get);
}

// Facets are remembered across reloads per dataset (by name) in localStorage: what is open and selected.
type SavedFacet = FacetSpec extends infer F ? (F extends FacetSpec ? Omit<F, 'id'> : never) : never;
const savedKey = (dataset: string) => `tidyset.facets.${dataset}`;
const KINDS = new Set<string>(['text', 'numeric', 'blank', 'type', 'filter']);

/** Puts back the facets saved for `dataset` on columns that still exist, unless the dataset has facets already. */
export function restoreFacets(datasetId: number, dataset: string, columns: readonly string[]): void {
  if (getFacets(datasetId).length) return;
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(savedKey(dataset)) ?? 'null');
  } catch {
    return;
  }
  if (!Array.isArray(saved)) return;
  const names = new Set(columns);
  const list = saved
    .filter((f): f is SavedFacet => !!f && typeof f === 'object' && KINDS.has((f as SavedFacet).kind) && names.has((f as SavedFacet).column))
    .map((f) => ({ ...f, id: nextId++ }) as FacetSpec);
  if (list.length) setFacets(datasetId, () => list);
}

/** Saves the dataset's facets whenever they change; returns the unsubscribe. */
export function persistFacets(datasetId: number, dataset: string): () => void {
  const save = (list: FacetSpec[]) => {
    try {
      localStorage.setItem(savedKey(dataset), JSON.stringify(list.map(({ id: _id, ...rest }) => rest)));
    } catch {
      // storage full or disabled: the facets are simply not remembered
    }
  };
  let last = getFacets(datasetId);
  // Under a new name (a rename) the facets open now are saved at once.
  if (last.length) save(last);
  return facetStore.subscribe(() => {
    const now = getFacets(datasetId);
    if (now === last) return;
    last = now;
    save(now);
  });
}
