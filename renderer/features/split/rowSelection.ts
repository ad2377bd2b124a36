// Rows picked by id for the grid (the leakage panel's "show these rows"): one selection per dataset,
// applied as a `rows` filter next to the facets until the user clears it.
import type { Filter } from '../../../shared/api/contract';
import { createStore, useStore } from '../../app/store';

export interface RowSelection {
  /** What the rows are, e.g. "exact duplicates across train and test". */
  label: string;
  rids: number[];
  /** The column the filter names (the first column). */
  column: string;
}

const store = createStore<Record<number, RowSelection | null>>({});

export function selectRows(datasetId: number, sel: RowSelection | null): void {
  store.set((all) => ({ ...all, [datasetId]: sel }));
}

export function useRowSelection(datasetId: number): RowSelection | null {
  return useStore(store)[datasetId] ?? null;
}

/** The selection as filters (none or one). */
export function rowSelectionFilters(sel: RowSelection | null): Filter[] {
  return sel && sel.rids.length ? [{ kind: 'rows', column: sel.column, rids: sel.rids.slice(0, 20000), label: sel.label }] : [];
}
