// A filter facet: a filter set from the profile (a bar, a value) or the rules panel (failing rows),
// shown by its label; Reset turns it off, × removes it.
import { FacetCard } from './FacetCard';
import { removeFacet, updateFacet, type FacetSpec } from './facetStore';

type Spec = Extract<FacetSpec, { kind: 'filter' }>;

export function FilterFacet({ datasetId, spec }: { datasetId: number; spec: Spec }) {
  return (
    <FacetCard
      kind="filter"
      column={spec.column}
      selected={spec.filter !== null}
      loading={false}
      error={null}
      onReset={() => updateFacet(datasetId, spec.id, (f) => (f.kind === 'filter' ? { ...f, filter: null } : f))}
      onRemove={() => removeFacet(datasetId, spec.id)}
    >
      <p className="facet-filter-label small" data-testid="filter-facet-label">
        {spec.filter ? spec.label : <span className="muted">{spec.label} (off)</span>}
      </p>
    </FacetCard>
  );
}
