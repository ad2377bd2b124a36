// What a facet is and the filter its selection stands for: pure, shared by the facet store, the panel
// and the screens that set filters of their own (the k-anonymity card, the leakage panel, the profile).
import type { Filter } from '../../../shared/api/contract';

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
  /**
   * A filter set from elsewhere (a profile bar, a failing rule, the rows below k, the leakage panel's rows),
   * shown with its label until removed. `origin` names the screen that owns it, which keeps one per origin.
   */
  | { id: number; kind: 'filter'; column: string; filter: Filter | null; label: string; origin?: string };

export type FilterFacetSpec = Extract<FacetSpec, { kind: 'filter' }>;

export type FacetKind = FacetSpec['kind'];

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

/** The active filter facet of `origin` (one switched off by Reset counts as none), or null. */
export function originFilter(list: readonly FacetSpec[], origin: string): (FilterFacetSpec & { filter: Filter }) | null {
  const f = list.find((x): x is FilterFacetSpec => x.kind === 'filter' && x.origin === origin);
  return f && f.filter ? (f as FilterFacetSpec & { filter: Filter }) : null;
}

/** The list with the one filter facet of `origin` replaced by `f` (first, where it is seen), or removed. */
export function putOriginFilter(list: readonly FacetSpec[], origin: string, f: { id: number; column: string; filter: Filter; label: string } | null): FacetSpec[] {
  const rest = list.filter((x) => !(x.kind === 'filter' && x.origin === origin));
  return f ? [{ kind: 'filter', origin, ...f }, ...rest] : rest;
}
