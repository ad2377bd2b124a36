// The import dialog's choice for container files: the sheets of a workbook or the tables and views of
// a SQLite database, each with its row count; for Parquet, the rows, columns and part files it holds.
import { useEffect, useState } from 'react';
import type { Out } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { baseName } from '../../components/format';

type Parts = Out<'sources.parts'>;

const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

export function PartPicker({ path, value, onChange }: { path: string; value: string | undefined; onChange: (part: string | undefined) => void }) {
  const [parts, setParts] = useState<Parts | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api['sources.parts']({ path }).then(
      (p) => live && setParts(p),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [path]);

  if (error) {
    return (
      <div className="field-hint warn-text" role="alert">
        {error}
      </div>
    );
  }
  if (!parts) return <div className="muted part-picker-loading">Reading what the file holds…</div>;
  if (!parts.parts) {
    return (
      <section className="part-summary" data-testid="part-summary">
        <div className="field-label">Contents</div>
        <p>
          {rows(parts.rows ?? 0)}, {parts.columns?.length ?? 0} columns
          {parts.files && parts.files.length > 1 ? ` in ${parts.files.length} part files (${parts.files.map(baseName).join(', ')})` : ''}
        </p>
        {parts.columns?.length ? <p className="muted mono part-columns">{parts.columns.join(', ')}</p> : null}
      </section>
    );
  }
  const what = parts.format === 'xlsx' ? 'Sheet' : 'Table or view';
  if (!parts.parts.length) return <div className="field-hint warn-text">The file holds no {parts.format === 'xlsx' ? 'sheets' : 'tables'}.</div>;
  // Default: the first sheet; for a database, its only table (the importer asks when there are several).
  const tables = parts.parts.filter((p) => p.kind === 'table');
  const fallback = parts.format === 'xlsx' ? parts.parts[0]!.name : tables.length === 1 ? tables[0]!.name : parts.parts.length === 1 ? parts.parts[0]!.name : undefined;
  const chosen = value ?? fallback;
  return (
    <fieldset className="part-picker" data-testid="part-picker">
      <legend className="field-label">{what} to import</legend>
      <ul role="radiogroup" aria-label={what}>
        {parts.parts.map((p) => (
          <li key={p.name}>
            <label className={`part-option${chosen === p.name ? ' selected' : ''}`} data-testid="part-option" data-part={p.name}>
              <input type="radio" name={`part-${path}`} checked={chosen === p.name} onChange={() => onChange(p.name === fallback && value === undefined ? undefined : p.name)} />
              <span className="part-name">{p.name}</span>
              {p.kind === 'view' ? <span className="badge">view</span> : null}
              <span className="muted part-rows">{rows(p.rows)}</span>
            </label>
          </li>
        ))}
      </ul>
      {chosen === undefined ? <div className="field-hint warn-text">Choose one: the database has several tables.</div> : null}
    </fieldset>
  );
}
