// A select of column names, with an optional first choice for "none" (its label given).
interface Props {
  id?: string;
  columns: readonly string[];
  value: string | null;
  onChange: (column: string | null) => void;
  /** Label of the empty choice; without it a column must be chosen. */
  none?: string;
  testId?: string;
  label?: string;
}

export function ColumnSelect({ id, columns, value, onChange, none, testId, label }: Props) {
  return (
    <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={testId} aria-label={label}>
      {none !== undefined ? <option value="">{none}</option> : null}
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}
