// The column mapping of a recipe: for each column the recipe uses and this dataset lacks, which column stands for it.
import type { Column } from '../../../shared/api/catalog';

interface Props {
  missing: string[];
  columns: readonly Column[];
  map: Record<string, string>;
  onChange: (map: Record<string, string>) => void;
}

export function ColumnMapping({ missing, columns, map, onChange }: Props) {
  return (
    <section className="column-mapping" data-testid="column-mapping" aria-label="Column mapping">
      <h3 className="section-title">Map columns</h3>
      <p className="muted">
        The recipe uses {missing.length === 1 ? 'a column' : `${missing.length} columns`} this dataset does not have. Pick the column that holds the same data.
      </p>
      <table className="table mapping-table">
        <thead>
          <tr>
            <th>In the recipe</th>
            <th aria-hidden="true" />
            <th>In this dataset</th>
          </tr>
        </thead>
        <tbody>
          {missing.map((m) => (
            <tr key={m}>
              <td className="mono">{m}</td>
              <td className="preview-arrow" aria-hidden="true">
                →
              </td>
              <td>
                <select
                  className="input"
                  aria-label={`Column for ${m}`}
                  value={map[m] ?? ''}
                  data-testid="column-map"
                  data-column={m}
                  onChange={(e) => {
                    const next = { ...map };
                    if (e.target.value) next[m] = e.target.value;
                    else delete next[m];
                    onChange(next);
                  }}
                >
                  <option value="">Choose a column…</option>
                  {columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
