// The type facet: values that do not fit the column's inferred type. "All" filters the grid to every such
// row; a value filters to that value; editing a value fixes it everywhere.
import type { Filter } from '../../../shared/api/contract';
import { api } from '../../api';
import { formatCount } from '../../components/format';
import { typeTitle } from '../../components/TypeBadge';
import type { ColumnType } from '../../../shared/api/catalog';
import { applyOperation } from '../clean/operations';
import { FacetCard } from './FacetCard';
import { FacetValueList } from './FacetValueList';
import { pickValue, removeFacet, updateFacet, type FacetSpec } from './facetStore';
import { useFacetData } from './useFacetData';

type Spec = Extract<FacetSpec, { kind: 'type' }>;

export function TypeFacet({ datasetId, dataset, spec, filters }: { datasetId: number; dataset: string; spec: Spec; filters: Filter[] }) {
  const key = JSON.stringify([dataset, spec.column, filters]);
  const { data, loading, error } = useFacetData(datasetId, key, () => api['facets.type']({ dataset, column: spec.column, filters }));
  const set = (selected: Spec['selected']) => updateFacet(datasetId, spec.id, (f) => (f.kind === 'type' ? { ...f, selected } : f));
  const type = data ? typeTitle(data.type as ColumnType).toLowerCase() : '';
  const list = Array.isArray(spec.selected) ? spec.selected : [];

  const edit = async (from: string, to: string) => {
    await applyOperation(datasetId, { op: 'massEdit', column: spec.column, edits: [{ from: [from], to }] }, `Changing “${from}” to “${to}”…`);
    if (list.includes(from)) set(list.filter((v) => v !== from));
  };

  return (
    <FacetCard kind="type" column={spec.column} selected={spec.selected !== null} loading={loading} error={error} onReset={() => set(null)} onRemove={() => removeFacet(datasetId, spec.id)}>
      {data && data.type === 'text' ? (
        <div className="facet-empty muted small">{spec.column} is a text column: every value fits. Convert it to numbers or dates first, or use a text facet.</div>
      ) : data && data.mismatches === 0 ? (
        <div className="facet-empty muted small" data-testid="type-fits">Every value fits: {type}.</div>
      ) : data ? (
        <>
          <button
            type="button"
            className={`facet-all${spec.selected === 'all' ? ' selected' : ''}`}
            aria-pressed={spec.selected === 'all'}
            onClick={() => set(spec.selected === 'all' ? null : 'all')}
            data-testid="type-all"
          >
            <span className="facet-check" aria-hidden="true" />
            <span className="grow">
              {formatCount(data.mismatches)} {data.mismatches === 1 ? 'value doesn’t' : 'values don’t'} fit {type}
            </span>
          </button>
          <FacetValueList
            label={`Values of ${spec.column} that are not ${type}`}
            values={data.values}
            selected={list}
            onPick={(v, additive) => {
              const next = pickValue(list, v as string, additive);
              set(next.length ? next : null);
            }}
            onEdit={edit}
          />
        </>
      ) : null}
    </FacetCard>
  );
}
