// The table of datasets on the catalog screen; a click or Enter opens one, arrow keys move between rows.
import type { Dataset } from '../../../shared/api/catalog';
import { baseName, formatBytes, formatCount, formatDateTime, formatDuration } from '../../components/format';
import { navigate } from '../../app/useRoute';
import { DatasetActions } from './DatasetActions';

function moveFocus(from: HTMLElement, delta: number): void {
  const rows = [...(from.closest('tbody')?.querySelectorAll<HTMLElement>('tr[data-dataset]') ?? [])];
  const i = rows.indexOf(from);
  rows[Math.max(0, Math.min(rows.length - 1, i + delta))]?.focus();
}

export function CatalogTable({ datasets }: { datasets: Dataset[] }) {
  const open = (d: Dataset) => navigate({ name: 'dataset', dataset: d.name });
  return (
    <div className="table-wrap">
      <table className="table catalog-table" aria-label="Datasets">
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Rows</th>
            <th className="num">Columns</th>
            <th>Source file</th>
            <th className="num">Size</th>
            <th>Imported</th>
            <th className="num">Import time</th>
            <th className="actions">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr
              key={d.id}
              tabIndex={0}
              data-dataset={d.name}
              onClick={() => open(d)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') open(d);
                else if (e.key === 'ArrowDown') (e.preventDefault(), moveFocus(e.currentTarget, 1));
                else if (e.key === 'ArrowUp') (e.preventDefault(), moveFocus(e.currentTarget, -1));
              }}
            >
              <td className="strong">
                {d.name}
                {d.description ? <div className="sub">{d.description}</div> : null}
              </td>
              <td className="num">{formatCount(d.rows)}</td>
              <td className="num">{d.columns.length}</td>
              <td className="path" title={d.source.path ?? ''}>
                {baseName(d.source.path) || '—'}
                {d.rejects > 0 ? <span className="tag tag-warn">{formatCount(d.rejects)} rejected</span> : null}
              </td>
              <td className="num">{formatBytes(d.source.size)}</td>
              <td>{formatDateTime(d.createdAt)}</td>
              <td className="num">{formatDuration(d.importMs)}</td>
              <td className="actions">
                <DatasetActions dataset={d} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
