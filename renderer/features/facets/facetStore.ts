// The facets open on each dataset and what is selected in them; a selection is a contract filter that
// the grid and the other facets apply.
import { useSyncExternalStore } from 'react';
import type { Filter } from '../../../shared/api/contract';
import { createStore } from '../../app/store';

export type TextSelection = (string | null)[];
export interface NumRange {
  min: number | null;
  max: number | null;
}

export type FacetSpec =
  | { id: number; kind: 'text'; column: string; sort: 'count' | 'value'; selected: TextSelection }
  | { id: number; kind: 'numeric'; column: string; range: NumRange | null }
  | { id: number; kind: 'blank'; column: string; blank: boolean | null }
  /** `all`: every value that does not fit the type; a list: those values only. */
  | { id: number; kind: 'type'; column: string; selected: 'all' | string[] | null }
  /** A filter set from elsewhere (a profile bar, a failing rule), shown with its label until removed. */
  | { id: number; kind: 'filter'; column: string; filter: Filter | null; label: string };

export type FacetKind = FacetSpec['kind'];

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

export function withoutSelection(f: FacetSpec): FacetSpec {
  switch (f.kind) {
    case 'text':
      return f.selected.length ? { ...f, selected: [] } : f;
    case 'numeric':
      return f.range ? { ...f, range: null } : f;
    case 'blank':
      return f.blank === null ? f : { ...f, blank: null };
    case 'type':
      return f.selected === null ? f : { ...f, selected: null };
    case 'filter':
      return f.filter === null ? f : { ...f, filter: null };
  }
}

/** Adds (or replaces, for the same label) a filter facet; returns its id. */
export function addFilterFacet(datasetId: number, column: string, filter: Filter, label: string): number {
  const id = nextId++;
  setFacets(datasetId, (list) => [{ id, kind: 'filter', column, filter, label }, ...list.filter((f) => !(f.kind === 'filter' && f.label === label))]);
  return id;
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

/** A click on a value: alone, it selects just that value (or clears it if it was the only one); additive, it toggles it. */
export function pickValue<T>(selected: readonly T[], value: T, additive: boolean): T[] {
  if (additive) return selected.includes(value) ? selected.filter((x) => x !== value) : [...selected, value];
  return selected.length === 1 && selected[0] === value ? [] : [value];
}

/** The filter a facet's selection stands for, or null when nothing is selected. */
export function facetFilter(f: FacetSpec): Filter | null {
  switch (f.kind) {
    case 'text':
      return f.selected.length ? { kind: 'in', column: f.column, values: f.selected } : null;
    case 'numeric':
      return f.range && (f.range.min !== null || f.range.max !== null) ? { kind: 'number', column: f.column, min: f.range.min, max: f.range.max } : null;
    case 'blank':
      return f.blank === null ? null : { kind: 'blank', column: f.column, blank: f.blank };
    case 'type':
      if (f.selected === 'all') return { kind: 'mismatch', column: f.column };
      return f.selected && f.selected.length ? { kind: 'in', column: f.column, values: f.selected } : null;
    case 'filter':
      return f.filter;
  }
}

/** Every facet's filter, optionally leaving one facet out (a facet counts under the others' selections). */
export function facetFilters(list: readonly FacetSpec[], except?: number): Filter[] {
  const out: Filter[] = [];
  for (const f of list) {
    if (f.id === except) continue;
    const filter = facetFilter(f);
    if (filter) out.push(filter);
  }
  return out;
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
