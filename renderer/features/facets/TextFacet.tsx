// The text facet: value counts under the other filters, sorted by count or by name; clicking values
// filters the grid; editing a value changes it in every row.
import { useEffect, useState } from 'react';
import type { Filter } from '../../../shared/api/contract';
import { api } from '../../api';
import { formatCount } from '../../components/format';
import { applyOperation } from '../clean/operations';
import { openClusterDialog } from '../cluster/clusterStore';
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

/** Values listed at first, and the steps "Show more" goes through (the contract allows up to 5,000). */
const LIMITS = [500, 1000, 2000, 5000];

export function TextFacet({ datasetId, dataset, spec, filters }: Props) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(LIMITS[0]!);
  useEffect(() => {
    const t = setTimeout(() => setSearch(query.trim()), 250);
    return () => clearTimeout(t);
  }, [query]);
  // The search narrows this facet's own counts (values containing the text), not the grid.
  const own: Filter[] = search ? [...filters, { kind: 'text', column: spec.column, op: 'contains', value: search }] : filters;
  const key = JSON.stringify([dataset, spec.column, spec.sort, own, limit]);
  const { data, loading, error } = useFacetData(datasetId, key, () =>
    api['facets.text']({ dataset, column: spec.column, filters: own.slice(0, 32), sort: spec.sort, limit }),
  );
  const nextLimit = LIMITS.find((l) => l > limit);
  const update = (fn: (f: Spec) => Spec) => updateFacet(datasetId, spec.id, (f) => (f.kind === 'text' ? fn(f) : f));

  const edit = async (from: string, to: string) => {
    await applyOperation(datasetId, { op: 'massEdit', column: spec.column, edits: [{ from: [from], to }] }, `Changing “${from}” to “${to}”…`);
    // Keep a selected value selected under its new spelling.
    update((f) => (f.selected.includes(from) ? { ...f, selected: [...new Set(f.selected.map((v) => (v === from ? to : v)))] } : f));
  };

  const summary = data ? (
    <>
      {formatCount(data.distinct)} {data.distinct === 1 ? 'value' : 'values'}
      {search ? ` containing “${search}”` : ''}
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
        <>
          <button type="button" className="link-button facet-cluster" onClick={() => openClusterDialog(spec.column)} title="Cluster similar spellings of these values" data-testid="facet-cluster">
            Cluster
          </button>
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
        </>
      }
    >
      <div className="facet-search">
        <input
          type="search"
          className="input facet-search-input"
          placeholder="Search values…"
          aria-label={`Search the values of ${spec.column}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.stopPropagation();
              setQuery('');
            }
          }}
          data-testid="facet-search"
        />
      </div>
      {data && data.values.length === 0 ? (
        <div className="facet-empty muted small">{search ? `No value contains “${search}”.` : 'No rows match the other filters.'}</div>
      ) : null}
      {data ? (
        <FacetValueList
          label={`Values of ${spec.column}`}
          values={data.values}
          selected={spec.selected}
          onPick={(value, additive) => update((f) => ({ ...f, selected: pickValue(f.selected, value, additive) }))}
          onEdit={edit}
        />
      ) : null}
      {data && data.values.length < data.distinct && nextLimit ? (
        <button type="button" className="link-button facet-more" onClick={() => setLimit(nextLimit)} disabled={loading} data-testid="facet-show-more">
          Show more ({formatCount(Math.min(nextLimit, data.distinct) - data.values.length)} of {formatCount(data.distinct - data.values.length)} not shown)
        </button>
      ) : null}
    </FacetCard>
  );
}
