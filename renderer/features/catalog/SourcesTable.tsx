// The files a scan found: format, encoding, delimiter, header, size and status, with checkboxes for importable ones.
import type { Dataset, Source } from '../../../shared/api/catalog';
import { formatBytes, formatDelimiter, formatName } from '../../components/format';
import { hasOverrides, type ImportOverrides } from './ImportOptionsDialog';
import { importedAs as findImported } from './importedAs';
import { SourceStatus } from './SourceStatus';

interface Props {
  root: string;
  sources: Source[];
  selected: ReadonlySet<string>;
  onToggle: (path: string, on: boolean) => void;
  onAll: (on: boolean) => void;
  /** Datasets of the workspace, to mark files that were imported already. */
  datasets: readonly Dataset[];
  /** Per-file import overrides, by path; a row with some shows a "custom" tag. */
  overrides: ReadonlyMap<string, ImportOverrides>;
  onOptions: (source: Source) => void;
}

/** What the overrides change, for the tag's tooltip. */
function describe(o: ImportOverrides): string {
  const parts: string[] = [];
  if (o.name !== undefined) parts.push(`name ${o.name}`);
  if (o.encoding !== undefined) parts.push(`encoding ${o.encoding}`);
  if (o.delimiter !== undefined) parts.push(`delimiter ${formatDelimiter(o.delimiter)}`);
  if (o.quote !== undefined) parts.push(o.quote === null ? 'no quoting' : `quote ${o.quote}`);
  if (o.header !== undefined) parts.push(o.header ? 'header row' : 'no header row');
  if (o.sheet !== undefined) parts.push(`sheet ${o.sheet}`);
  if (o.table !== undefined) parts.push(`table ${o.table}`);
  return `Imports with ${parts.join(', ')}`;
}

function relative(root: string, p: string): string {
  const r = root.replace(/[\\/]+$/, '');
  return p.startsWith(r) && p.length > r.length ? p.slice(r.length + 1) : p;
}

export function SourcesTable({ root, sources, selected, onToggle, onAll, datasets, overrides, onOptions }: Props) {
  const importable = sources.filter((s) => s.importable);
  const picked = importable.filter((s) => selected.has(s.path)).length;
  const allOn = importable.length > 0 && picked === importable.length;
  const importedAs = findImported(sources, datasets);
  const byId = new Map(sources.map((s) => [s.id, s]));
  if (sources.length === 0) return <p className="muted">No files found below this folder.</p>;
  return (
    <div className="table-wrap sources-wrap">
      <table className="table sources-table" aria-label="Files found">
        <thead>
          <tr>
            <th className="check">
              <input
                type="checkbox"
                aria-label="Select all importable files"
                checked={allOn}
                ref={(el) => {
                  if (el) el.indeterminate = picked > 0 && !allOn;
                }}
                onChange={(e) => onAll(e.target.checked)}
                disabled={importable.length === 0}
              />
            </th>
            <th>File</th>
            <th>Format</th>
            <th>Encoding</th>
            <th>Delimiter</th>
            <th>Header</th>
            <th className="num">Size</th>
            <th>Status</th>
            <th className="opts">
              <span className="sr-only">Options</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => {
            const rel = relative(root, s.path);
            const dup = s.duplicateOf === null ? null : byId.get(s.duplicateOf);
            const custom = overrides.get(s.path);
            return (
              <tr key={s.id} data-testid="source-row" data-path={s.path} data-status={s.status} className={s.importable ? '' : 'dim'}>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={`Import ${rel}`}
                    checked={selected.has(s.path)}
                    disabled={!s.importable}
                    onChange={(e) => onToggle(s.path, e.target.checked)}
                  />
                </td>
                <td className="path" title={s.path}>
                  {rel}
                  {s.duplicateOf !== null ? (
                    <span className="tag tag-dup" title={dup ? `Byte-identical to ${dup.path}` : 'Byte-identical to another file'}>
                      duplicate{dup ? ` of ${relative(root, dup.path)}` : ''}
                    </span>
                  ) : null}
                  {importedAs.has(s.path) ? (
                    <span
                      className={`tag ${importedAs.get(s.path)!.changed ? 'tag-changed' : 'tag-imported'}`}
                      data-testid="imported-as"
                      title={importedAs.get(s.path)!.changed ? 'The file changed since it was imported' : 'Imported already and unchanged; ticking it imports a copy'}
                    >
                      {importedAs.get(s.path)!.changed ? 'changed since imported as' : 'imported as'} {importedAs.get(s.path)!.name}
                    </span>
                  ) : null}
                  {s.importable && custom && hasOverrides(custom) ? (
                    <span className="tag tag-custom" title={describe(custom)} data-testid="custom-tag">
                      {custom.sheet !== undefined ? `sheet ${custom.sheet}` : custom.table !== undefined ? `table ${custom.table}` : 'custom'}
                    </span>
                  ) : null}
                  {s.notes.length > 0 ? (
                    <div className="sub source-notes" data-testid="source-notes">
                      {s.notes.map((n) => (
                        <div key={n}>
                          <span className="tag tag-warn">note</span> {n}
                        </div>
                      ))}
                    </div>
                  ) : null}
                </td>
                <td>{formatName(s.format, s.delimiter)}</td>
                <td>
                  {s.encoding ?? '—'}
                  {s.bom ? <span className="tag">BOM</span> : null}
                </td>
                <td>{formatDelimiter(s.delimiter)}</td>
                <td>{s.header === null ? '—' : s.header ? 'yes' : 'no'}</td>
                <td className="num">{formatBytes(s.size)}</td>
                <td>
                  <SourceStatus s={s} />
                </td>
                <td className="opts">
                  {s.importable ? (
                    <button
                      type="button"
                      className="button button-secondary button-xs"
                      aria-label={`Import options for ${rel}`}
                      title="How to read this file: dataset name, encoding, delimiter, header row"
                      onClick={() => onOptions(s)}
                    >
                      Options…
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
