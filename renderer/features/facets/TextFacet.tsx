// The text facet: value counts under the other filters, sorted by count or by name; clicking values
// filters the grid; editing a value changes it in every row.
import type { Filter } from '../../../shared/api/contract';
import { api } from '../../api';
import { formatCount } from '../../components/format';
import { applyOperation } from '../clean/operations';
import { FacetCard } from './FacetCard';
import { pickValue, removeFacet, updateFacet, type FacetSpec } from './facetStore';
import { FacetValueList } from './FacetValueList';
import { useFacetData } from './useFacetData';

type Spec = Extract<FacetSpec, { kind: 'text' }>;

interface Props {
  datasetId: number;
  dataset: string;
  spec: Spec;
  filters: Filter[];
}

export function TextFacet({ datasetId, dataset, spec, filters }: Props) {
  const key = JSON.stringify([dataset, spec.column, spec.sort, filters]);
  const { data, loading, error } = useFacetData(datasetId, key, () =>
    api['facets.text']({ dataset, column: spec.column, filters, sort: spec.sort, limit: 500 }),
  );
  const update = (fn: (f: Spec) => Spec) => updateFacet(datasetId, spec.id, (f) => (f.kind === 'text' ? fn(f) : f));

  const edit = async (from: string, to: string) => {
    await applyOperation(datasetId, { op: 'massEdit', column: spec.column, edits: [{ from: [from], to }] }, `Changing “${from}” to “${to}”…`);
    // Keep a selected value selected under its new spelling.
    update((f) => (f.selected.includes(from) ? { ...f, selected: [...new Set(f.selected.map((v) => (v === from ? to : v)))] } : f));
  };

  const summary = data ? (
    <>
      {formatCount(data.distinct)} {data.distinct === 1 ? 'value' : 'values'}
      {data.values.length < data.distinct ? ` (top ${formatCount(data.values.length)} shown)` : ''}
      {spec.selected.length ? ` · ${formatCount(spec.selected.length)} selected` : ''}
    </>
  ) : null;

  return (
    <FacetCard
      kind="text"
      column={spec.column}
      summary={summary}
      selected={spec.selected.length > 0}
      loading={loading}
      error={error}
      onReset={() => update((f) => ({ ...f, selected: [] }))}
      onRemove={() => removeFacet(datasetId, spec.id)}
      tools={
        <span className="facet-sort" role="group" aria-label="Sort values">
          {(['count', 'value'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={spec.sort === k ? 'on' : ''}
              aria-pressed={spec.sort === k}
              onClick={() => update((f) => ({ ...f, sort: k }))}
              data-testid={`facet-sort-${k}`}
            >
              {k === 'count' ? 'count' : 'a–z'}
            </button>
          ))}
        </span>
      }
    >
      {data && data.values.length === 0 ? <div className="facet-empty muted small">No rows match the other filters.</div> : null}
      {data ? (
        <FacetValueList
          label={`Values of ${spec.column}`}
          values={data.values}
          selected={spec.selected}
          onPick={(value, additive) => update((f) => ({ ...f, selected: pickValue(f.selected, value, additive) }))}
          onEdit={edit}
        />
      ) : null}
    </FacetCard>
  );
}
