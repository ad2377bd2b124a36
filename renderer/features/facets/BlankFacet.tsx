// The blank facet: how many cells are blank (missing or empty) and how many are not; click one to filter.
import type { Filter } from '../../../shared/api/contract';
import { api } from '../../api';
import { FacetCard } from './FacetCard';
import { FacetValueList } from './FacetValueList';
import { removeFacet, updateFacet, type FacetSpec } from './facetStore';
import { useFacetData } from './useFacetData';

type Spec = Extract<FacetSpec, { kind: 'blank' }>;

const BLANK = 'blank';
const FILLED = 'not blank';

export function BlankFacet({ datasetId, dataset, spec, filters }: { datasetId: number; dataset: string; spec: Spec; filters: Filter[] }) {
  const key = JSON.stringify([dataset, spec.column, filters]);
  const { data, loading, error } = useFacetData(datasetId, key, () => api['facets.blank']({ dataset, column: spec.column, filters }));
  const set = (blank: boolean | null) => updateFacet(datasetId, spec.id, (f) => (f.kind === 'blank' ? { ...f, blank } : f));
  const selected = spec.blank === null ? [] : [spec.blank ? BLANK : FILLED];
  return (
    <FacetCard kind="blank" column={spec.column} selected={spec.blank !== null} loading={loading} error={error} onReset={() => set(null)} onRemove={() => removeFacet(datasetId, spec.id)}>
      {data ? (
        <FacetValueList
          label={`Blank cells of ${spec.column}`}
          values={[
            { value: BLANK, count: data.blank },
            { value: FILLED, count: data.nonBlank },
          ]}
          selected={selected}
          onPick={(v) => set(selected[0] === v ? null : v === BLANK)}
        />
      ) : null}
    </FacetCard>
  );
}
