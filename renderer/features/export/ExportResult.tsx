// What an export wrote: each file with rows, size and SHA-256, and the manifest entry (selection, recipe).
import { baseName, formatBytes, formatCount } from '../../components/format';
import type { ExportOutcome } from './useExportJob';

export function ExportResult({ outcome }: { outcome: ExportOutcome }) {
  const { files, manifest, entry } = outcome;
  const steps = entry.recipe.operations.length;
  const protectedCols = (entry.protection?.columns ?? []).filter((c) => c.action !== 'keep' || c.category === 'direct');
  const misfits = files.flatMap((f) => Object.entries(f.misfits ?? {}).filter(([, n]) => n > 0));
  return (
    <div className="export-result" data-testid="export-result">
      <p className="export-done" role="status">
        Exported {formatCount(entry.selection.rows)} rows × {entry.selection.columns.length} columns.
      </p>
      <table className="export-files" data-testid="export-files">
        <thead>
          <tr>
            <th>File</th>
            <th className="num">Rows</th>
            <th className="num">Size</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.path} data-testid="export-file" data-path={f.path}>
              <td className="mono" title={f.path}>{f.path}</td>
              <td className="num">{formatCount(f.rows)}</td>
              <td className="num" data-testid="export-file-size">{formatBytes(f.bytes)}</td>
              <td className="mono hash" title={f.sha256}>{f.sha256.slice(0, 16)}…</td>
            </tr>
          ))}
        </tbody>
      </table>
      {misfits.length ? (
        <p className="muted" data-testid="export-misfits">
          Written as text because they do not fit the column type: {misfits.map(([c, n]) => `${c} (${formatCount(n)})`).join(', ')}.
        </p>
      ) : null}
      <dl className="export-manifest" data-testid="export-manifest">
        <dt>Manifest</dt>
        <dd className="mono" title={manifest}>{manifest}</dd>
        <dt>Rows</dt>
        <dd>{entry.selection.filters.length || entry.selection.sort.length ? `${formatCount(entry.selection.rows)} (filtered and sorted as in the grid)` : `${formatCount(entry.selection.rows)} (all)`}</dd>
        <dt>Columns</dt>
        <dd>{entry.selection.columns.join(', ')}</dd>
        {protectedCols.length ? (
          <>
            <dt>Personal data</dt>
            <dd data-testid="export-protection-summary">
              {protectedCols.map((c) => `${c.column}: ${c.action}`).join(', ')}
              {entry.protection?.allowDirect ? ' — direct identifiers written as they are, as confirmed' : ''}
            </dd>
          </>
        ) : null}
        <dt>Recipe</dt>
        <dd>
          {steps === 0 ? 'no operations (the data as imported)' : `${steps} operation${steps === 1 ? '' : 's'} — replay with tidyset apply`}
        </dd>
      </dl>
      <details className="export-recipe">
        <summary>Recipe recorded in {baseName(manifest)}</summary>
        <pre className="mono" data-testid="export-recipe">{JSON.stringify(entry.recipe, null, 2)}</pre>
      </details>
    </div>
  );
}
