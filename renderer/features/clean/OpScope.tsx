// Which rows an operation applies to: the grid's filters and facet selections (as OpenRefine does),
// with a switch to apply to every row instead; column-structure operations say they ignore the filter.
import type { Filter } from '../../../shared/api/contract';
import { ROW_SCOPED_OPS } from '../../../shared/ops/columns';
import { formatCount } from '../../components/format';
import { describeFilter } from './describeFilter';
import { plural } from './opText';

export type Scope = 'filtered' | 'all';

interface Props {
  op: string;
  filters: Filter[];
  /** Rows the filters match (the preview's count, else the grid's); null while unknown. */
  matching: number | null;
  total: number;
  scope: Scope;
  onScope: (s: Scope) => void;
}

const WHOLE: Record<string, string> = { rename: 'Renaming', drop: 'Dropping', duplicate: 'Duplicating' };

/** The filters an operation is sent with: the grid's when it applies to the filtered rows, none otherwise. */
export function scopedFilters(op: string, filters: Filter[], scope: Scope): Filter[] {
  return scope === 'filtered' && ROW_SCOPED_OPS.has(op) ? filters : [];
}

export function OpScope({ op, filters, matching, total, scope, onScope }: Props) {
  if (!filters.length) return null;
  const shown = filters.map(describeFilter).join(' · ');
  if (!ROW_SCOPED_OPS.has(op)) {
    return (
      <p className="op-scope op-scope-whole" data-testid="op-scope" data-scope="whole">
        {WHOLE[op] ?? 'This'} changes the whole column, in all {plural(total, 'row')}: the filter does not apply.
      </p>
    );
  }
  const all = scope === 'all';
  return (
    <div className={`op-scope${all ? ' op-scope-all' : ''}`} data-testid="op-scope" data-scope={scope} data-matching={matching ?? ''} data-total={total}>
      <div className="op-scope-text">
        <strong data-testid="op-scope-text">
          {all ? `Applies to all ${plural(total, 'row')}` : `Applies to ${matching === null ? '…' : formatCount(matching)} filtered ${matching === 1 ? 'row' : 'rows'} of ${formatCount(total)}`}
        </strong>
        <span className="op-scope-filters muted" title={shown}>
          {all ? `the filter (${shown}) is ignored` : `where ${shown}`}
        </span>
      </div>
      <label className="check-label op-scope-switch">
        <input type="checkbox" role="switch" checked={all} onChange={(e) => onScope(e.target.checked ? 'all' : 'filtered')} data-testid="op-scope-all" />
        Apply to all {plural(total, 'row')}
      </label>
    </div>
  );
}
