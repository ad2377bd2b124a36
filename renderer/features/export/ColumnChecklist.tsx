// The columns an export writes: a checklist in display order, all ticked by default.
import type { Column } from '../../../shared/api/catalog';
import { TypeBadge } from '../../components/TypeBadge';

interface Props {
  columns: readonly Column[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}

export function ColumnChecklist({ columns, chosen, onChange }: Props) {
  const set = new Set(chosen);
  // Keep display order whatever order the boxes were ticked in.
  const toggle = (name: string) => onChange(columns.map((c) => c.name).filter((n) => (n === name ? !set.has(n) : set.has(n))));
  return (
    <fieldset className="export-columns" data-testid="export-columns">
      <legend className="field-label">
        Columns <span className="muted">({chosen.length} of {columns.length})</span>
      </legend>
      <div className="export-columns-tools">
        <button type="button" className="link-button" onClick={() => onChange(columns.map((c) => c.name))} data-testid="export-columns-all">
          All
        </button>
        <button type="button" className="link-button" onClick={() => onChange([])} data-testid="export-columns-none">
          None
        </button>
      </div>
      <ul className="export-column-list">
        {columns.map((c) => (
          <li key={c.name}>
            <label className="check-label">
              <input type="checkbox" checked={set.has(c.name)} onChange={() => toggle(c.name)} data-testid="export-column" data-column={c.name} />
              <span className="export-column-name">{c.name}</span>
              <TypeBadge type={c.type} />
            </label>
          </li>
        ))}
      </ul>
      {chosen.length === 0 ? <div className="error-text">Choose at least one column.</div> : null}
    </fieldset>
  );
}
