// A filter in words, for the delete-rows confirmation and the facet summaries.
import type { Filter } from '../../../shared/api/contract';
import { describeRule } from '../../../shared/rules/schema';

const q = (v: string | null) => (v === null ? 'missing' : v === '' ? 'empty' : `“${v}”`);

const TEXT_OPS: Record<Extract<Filter, { kind: 'text' }>['op'], string> = {
  contains: 'contains',
  notContains: 'does not contain',
  equals: 'is',
  notEqual: 'is not',
  startsWith: 'starts with',
  endsWith: 'ends with',
};

function range(min: string | number | null, max: string | number | null): string {
  if (min !== null && max !== null) return min === max ? `is ${min}` : `is between ${min} and ${max}`;
  return min !== null ? `is ≥ ${min}` : `is ≤ ${max}`;
}

export function describeFilter(f: Filter): string {
  switch (f.kind) {
    case 'text':
      return `${f.column} ${TEXT_OPS[f.op]} ${q(f.value)}`;
    case 'blank':
      return `${f.column} is ${f.blank ? 'blank' : 'not blank'}`;
    case 'number':
      return `${f.column} ${range(f.min, f.max)}`;
    case 'date':
      return `${f.column} ${range(f.from, f.to)}`;
    case 'in': {
      const shown = f.values.slice(0, 4).map(q).join(', ');
      const more = f.values.length > 4 ? ` and ${f.values.length - 4} more` : '';
      return f.values.length === 1 ? `${f.column} is ${shown}` : `${f.column} is one of ${shown}${more}`;
    }
    case 'mismatch':
      return `${f.column} does not fit its type`;
    case 'rows':
      return `${f.rids.length.toLocaleString('en')} ${f.label}`;
    case 'smallClass':
      return `fewer than ${f.k} rows share its ${f.columns.join(', ')}`;
    case 'rule':
      return `failing: ${describeRule(f.rule)}`;
  }
}
