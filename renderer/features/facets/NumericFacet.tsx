// The numeric facet: a histogram of the values that read as numbers; drag on it or type bounds to filter
// the grid to a range. Counts of values that are not numbers, and blanks, underneath.
import type { Filter } from '../../../shared/api/contract';
import { api } from '../../api';
import { formatCount } from '../../components/format';
import { FacetCard } from './FacetCard';
import { removeFacet, updateFacet, type FacetSpec, type NumRange } from './facetStore';
import { BoundInput } from './BoundInput';
import { Histogram, roundish } from './Histogram';
import { useFacetData } from './useFacetData';

type Spec = Extract<FacetSpec, { kind: 'numeric' }>;

interface Props {
  datasetId: number;
  dataset: string;
  spec: Spec;
  filters: Filter[];
}

export function NumericFacet({ datasetId, dataset, spec, filters }: Props) {
  const key = JSON.stringify([dataset, spec.column, filters]);
  const { data, loading, error } = useFacetData(datasetId, key, () => api['facets.numeric']({ dataset, column: spec.column, filters, bins: 24 }));
  const setRange = (range: NumRange | null) =>
    updateFacet(datasetId, spec.id, (f) => (f.kind === 'numeric' ? { ...f, range: range && (range.min !== null || range.max !== null) ? range : null } : f));
  const r = spec.range;

  return (
    <FacetCard
      kind="numeric"
      column={spec.column}
      selected={r !== null}
      loading={loading}
      error={error}
      onReset={() => setRange(null)}
      onRemove={() => removeFacet(datasetId, spec.id)}
      summary={
        data ? (
          <>
            {formatCount(data.numeric)} numbers
            {data.nonNumeric ? ` · ${formatCount(data.nonNumeric)} not numbers` : ''}
            {data.blank ? ` · ${formatCount(data.blank)} blank` : ''}
          </>
        ) : null
      }
    >
      {data && data.bins.length ? (
        <>
          <Histogram bins={data.bins} range={r} onSelect={setRange} />
          <div className="histogram-axis muted small">
            <span>{roundish(data.min ?? 0)}</span>
            <span>{roundish(data.max ?? 0)}</span>
          </div>
        </>
      ) : data ? (
        <div className="facet-empty muted small">No values here read as numbers.</div>
      ) : (
        <div className="histogram-placeholder" />
      )}
      <div className="facet-range">
        <BoundInput label="from" value={r?.min ?? null} onCommit={(min) => setRange({ min, max: r?.max ?? null })} testId="facet-min" />
        <span className="muted">–</span>
        <BoundInput label="to" value={r?.max ?? null} onCommit={(max) => setRange({ min: r?.min ?? null, max })} testId="facet-max" />
      </div>
    </FacetCard>
  );
}
