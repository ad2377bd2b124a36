// Filters set from other screens (the rows below k, the leakage panel's rows) live among the facets
// as filter facets: one per origin, applied with every other facet's filter, off after Reset.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Filter } from '../../../shared/api/contract';
import { facetFilters, originFilter, putOriginFilter, withoutSelection, type FacetSpec } from '../../../renderer/features/facets/facetSpec';

const small = (k: number): Filter => ({ kind: 'smallClass', column: 'city', columns: ['city', 'zip'], k });
const rows: Filter = { kind: 'rows', column: 'id', rids: [1, 2], label: 'exact duplicates' };
const text: FacetSpec = { id: 1, kind: 'text', column: 'city', sort: 'count', selected: ['Lund'] };

describe('origin filters among the facets', () => {
  test('one facet per origin: putting again replaces it (first in the list), null removes it, other facets stay', () => {
    let list: FacetSpec[] = [text];
    list = putOriginFilter(list, 'kanon', { id: 2, column: 'city', filter: small(5), label: 'Rows below k=5' });
    list = putOriginFilter(list, 'leakage', { id: 3, column: 'id', filter: rows, label: 'Rows: exact duplicates' });
    list = putOriginFilter(list, 'kanon', { id: 4, column: 'city', filter: small(3), label: 'Rows below k=3' });
    assert.deepEqual(list.map((f) => f.id), [4, 3, 1]);
    assert.deepEqual(originFilter(list, 'kanon')?.filter, small(3));
    assert.deepEqual(originFilter(list, 'leakage')?.filter, rows);
    assert.deepEqual(facetFilters(list), [small(3), rows, { kind: 'in', column: 'city', values: ['Lund'] }]);
    list = putOriginFilter(list, 'kanon', null);
    assert.equal(originFilter(list, 'kanon'), null);
    assert.deepEqual(list.map((f) => f.id), [3, 1]);
  });

  test('Reset switches an origin filter off; a filter facet without the origin is not one', () => {
    let list: FacetSpec[] = putOriginFilter([], 'kanon', { id: 5, column: 'city', filter: small(5), label: 'Rows below k=5' });
    list = list.map(withoutSelection);
    assert.equal(originFilter(list, 'kanon'), null);
    assert.deepEqual(facetFilters(list), []);
    const profile: FacetSpec = { id: 6, kind: 'filter', column: 'city', filter: small(2), label: 'city: k=2' };
    assert.equal(originFilter([profile], 'kanon'), null);
    assert.equal(facetFilters([profile]).length, 1);
  });
});
