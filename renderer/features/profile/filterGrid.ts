// Turns a click in the profile or the rules panel into a grid filter: a facet the user sees (and can
// clear) in the facets panel, with the grid shown.
import type { Filter } from '../../../shared/api/contract';
import { addFacet, addFilterFacet, updateFacet } from '../facets/facetStore';
import { setPanels } from '../grid/panelStore';
import { setViewMode } from './profileStore';

/** Shows the grid filtered to one value of a column (a text facet with that value selected). */
export function filterToValue(datasetId: number, column: string, value: string | null): void {
  const id = addFacet(datasetId, 'text', column);
  updateFacet(datasetId, id, (f) => (f.kind === 'text' ? { ...f, selected: [value] } : f));
  show(datasetId);
}

/** Shows the grid filtered by a filter (a histogram bar's range, a rule's failing rows). */
export function filterBy(datasetId: number, column: string, filter: Filter, label: string): void {
  if (filter.kind === 'number') {
    const id = addFacet(datasetId, 'numeric', column);
    updateFacet(datasetId, id, (f) => (f.kind === 'numeric' ? { ...f, range: { min: filter.min, max: filter.max } } : f));
  } else addFilterFacet(datasetId, column, filter, label);
  show(datasetId);
}

function show(datasetId: number): void {
  setPanels({ facets: true });
  setViewMode(datasetId, 'grid');
}
