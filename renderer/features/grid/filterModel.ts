// Translates ag-grid's sort and filter models into the contract's sorts and filters, naming what it cannot.
import type { Column } from '../../../shared/api/catalog';
import type { Filter, Sort } from '../../../shared/api/contract';
import type { SortModelItem } from 'ag-grid-community';

/** Text operators the contract supports, as ag-grid option keys. */
export const TEXT_OPTIONS = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const;
/** Number and date operators we can express as a closed range (or a blank test). */
export const RANGE_OPTIONS = ['equals', 'greaterThanOrEqual', 'lessThanOrEqual', 'inRange', 'blank', 'notBlank'] as const;

type TextOp = Extract<Filter, { kind: 'text' }>['op'];
const TEXT_OPS = new Set<string>(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith']);

interface Condition {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: string | number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

export interface Translated {
  filters: Filter[];
  /** Human-readable notes on parts of the model that were left out. */
  ignored: string[];
}

export function toContractSort(model: SortModelItem[]): Sort[] {
  return model.slice(0, 8).map((m) => ({ column: m.colId, dir: m.sort }));
}

function dateOnly(v: string | null | undefined): string | null {
  return v ? v.slice(0, 10) : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function condition(column: string, c: Condition): Filter | string {
  const type = c.type ?? '';
  if (type === 'blank' || type === 'notBlank') return { kind: 'blank', column, blank: type === 'blank' };
  if (c.filterType === 'text' || c.filterType === undefined) {
    if (!TEXT_OPS.has(type)) return `“${type}” on ${column}`;
    return { kind: 'text', column, op: type as TextOp, value: String(c.filter ?? '') };
  }
  if (c.filterType === 'number') {
    const a = num(c.filter);
    const b = num(c.filterTo);
    if (type === 'equals') return { kind: 'number', column, min: a, max: a };
    if (type === 'greaterThanOrEqual') return { kind: 'number', column, min: a, max: null };
    if (type === 'lessThanOrEqual') return { kind: 'number', column, min: null, max: a };
    if (type === 'inRange') return { kind: 'number', column, min: a, max: b };
    return `“${type}” on ${column}`;
  }
  if (c.filterType === 'date') {
    const a = dateOnly(c.dateFrom);
    const b = dateOnly(c.dateTo);
    if (type === 'equals') return { kind: 'date', column, from: a, to: a };
    if (type === 'greaterThanOrEqual') return { kind: 'date', column, from: a, to: null };
    if (type === 'lessThanOrEqual') return { kind: 'date', column, from: null, to: a };
    if (type === 'inRange') return { kind: 'date', column, from: a, to: b };
    return `“${type}” on ${column}`;
  }
  return `a ${c.filterType} filter on ${column}`;
}

/** The contract's filters are ANDed, so OR-joined conditions cannot be sent and are reported instead. */
export function toContractFilters(model: Record<string, unknown> | null | undefined, columns: readonly Column[]): Translated {
  const filters: Filter[] = [];
  const ignored: string[] = [];
  const known = new Set(columns.map((c) => c.name));
  for (const [colId, raw] of Object.entries(model ?? {})) {
    if (!known.has(colId) || !raw || typeof raw !== 'object') continue;
    const m = raw as Condition & { operator?: string; conditions?: Condition[] };
    const conditions = Array.isArray(m.conditions) ? m.conditions : [m];
    if (Array.isArray(m.conditions) && m.operator === 'OR') {
      ignored.push(`OR on ${colId}`);
      continue;
    }
    for (const c of conditions) {
      const f = condition(colId, { filterType: m.filterType, ...c });
      if (typeof f === 'string') ignored.push(f);
      else filters.push(f);
    }
  }
  return { filters: filters.slice(0, 32), ignored };
}
