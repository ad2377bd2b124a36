// The facets side panel: every facet on the dataset, each counting under the grid's filters and the other
// facets' selections, so that clicking through them narrows the grid step by step.
import type { Dataset } from '../../../shared/api/catalog';
import { useDatasetUi } from '../clean/datasetUi';
import { BlankFacet } from './BlankFacet';
import { clearSelections, facetFilters, useFacets, type FacetSpec } from './facetStore';
import { NumericFacet } from './NumericFacet';
import { TextFacet } from './TextFacet';
import { TypeFacet } from './TypeFacet';
import { FilterFacet } from './FilterFacet';
import './facets.css';

export function FacetsPanel({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const facets = useFacets(dataset.id);
  const gridFilters = useDatasetUi(dataset.id, 'gridFilters');
  const anySelected = facetFilters(facets).length > 0;

  const render = (f: FacetSpec) => {
    const props = { datasetId: dataset.id, dataset: dataset.name, filters: [...gridFilters, ...facetFilters(facets, f.id)] };
    switch (f.kind) {
      case 'text':
        return <TextFacet key={f.id} spec={f} {...props} />;
      case 'numeric':
        return <NumericFacet key={f.id} spec={f} {...props} />;
      case 'blank':
        return <BlankFacet key={f.id} spec={f} {...props} />;
      case 'type':
        return <TypeFacet key={f.id} spec={f} {...props} />;
      case 'filter':
        return <FilterFacet key={f.id} spec={f} datasetId={dataset.id} />;
    }
  };

  return (
    <aside className="side-panel facets-panel" aria-label="Facets" data-testid="facets-panel">
      <header className="panel-head">
        <h2>
          Facets{facets.length ? <span className="count">{facets.length}</span> : null}
        </h2>
        <div className="panel-tools">
          {anySelected ? (
            <button type="button" className="link-button" onClick={() => clearSelections(dataset.id)} data-testid="facets-clear">
              Clear selections
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Close facets" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <div className="panel-body facets-body">
        {facets.length === 0 ? (
          <div className="panel-empty" data-testid="facets-empty">
            <p>No facets yet — open a column’s ▾ menu and pick a facet.</p>
            <p className="muted small">A text facet counts each value; click values to filter the grid, edit one to change it everywhere. A numeric facet draws a histogram to select a range.</p>
          </div>
        ) : (
          facets.map(render)
        )}
      </div>
    </aside>
  );
}
