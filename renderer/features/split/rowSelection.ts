// Rows picked by id for the grid (the leakage panel's "show these rows"): a filter facet of the
// leakage panel's own, applied with the other facets until the user clears it.
import { originFilter, setOriginFilter, useFacets } from '../facets/facetStore';

export interface RowSelection {
  /** What the rows are, e.g. "exact duplicates across train and test". */
  label: string;
  rids: number[];
  /** The column the filter names (the first column). */
  column: string;
}

const ORIGIN = 'leakage';
/** The most rows a `rows` filter carries (the contract's bound). */
const MAX_RIDS = 20000;

export function selectRows(datasetId: number, sel: RowSelection | null): void {
  setOriginFilter(
    datasetId,
    ORIGIN,
    sel && sel.rids.length ? { column: sel.column, label: `Rows: ${sel.label}`, filter: { kind: 'rows', column: sel.column, rids: sel.rids.slice(0, MAX_RIDS), label: sel.label } } : null,
  );
}

export function useRowSelection(datasetId: number): RowSelection | null {
  const f = originFilter(useFacets(datasetId), ORIGIN)?.filter;
  return f?.kind === 'rows' ? { label: f.label, rids: f.rids, column: f.column } : null;
}
