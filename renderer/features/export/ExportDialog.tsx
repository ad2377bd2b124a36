// The export dialog: format, all rows or the current filter and sort, which columns, the destination
// folder; then the overwrite question, progress with cancel, and the files and manifest written.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter, Sort } from '../../../shared/api/contract';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../components/format';
import { FolderBrowser } from '../catalog/FolderBrowser';
import { describeFilter } from '../clean/describeFilter';
import { ExportProtection } from '../protect/ExportProtection';
import { useProtection } from '../protect/useProtection';
import { isDirectKept } from '../protect/ProtectionTable';
import { ColumnChecklist } from './ColumnChecklist';
import { ExportResult } from './ExportResult';
import { useExportJob } from './useExportJob';
import './export.css';

interface Props {
  dataset: Dataset;
  filters: Filter[];
  sort: Sort[];
  /** Rows the filters match (from the grid), null while unknown. */
  matching: number | null;
  onClose: () => void;
}

/** The folder of the last export in this window: the next dialog starts there. */
let lastFolder = '';

export function ExportDialog({ dataset, filters, sort, matching, onClose }: Props) {
  const narrowed = filters.length > 0 || sort.length > 0;
  const [format, setFormat] = useState<'csv' | 'jsonl' | 'parquet'>('csv');
  const [view, setView] = useState(narrowed);
  const [columns, setColumns] = useState<string[]>(() => dataset.columns.map((c) => c.name));
  const [folder, setFolder] = useState(lastFolder);
  const [browsePath, setBrowsePath] = useState(lastFolder);
  const { state, job, start, cancel, back } = useExportJob();
  const protect = useProtection(dataset.name);
  const [allowDirect, setAllowDirect] = useState(false);
  const directKept = (protect.protection?.columns ?? []).filter((c) => columns.includes(c.column) && isDirectKept(c)).map((c) => c.column);

  const all = columns.length === dataset.columns.length;
  const rowsLabel = view && filters.length ? (matching === null ? 'the filtered rows' : `${formatCount(matching)} filtered rows`) : `all ${formatCount(dataset.rows)} rows`;
  const request = () => ({
    dataset: dataset.name,
    format,
    out: folder.trim(),
    columns: all ? undefined : columns,
    filters: view ? filters : undefined,
    sort: view ? sort : undefined,
    allowDirect: directKept.length > 0 && allowDirect,
  });
  const canExport = folder.trim() !== '' && columns.length > 0 && (directKept.length === 0 || allowDirect) && protect.protection !== null;
  const running = state.phase === 'running';

  const footer =
    state.phase === 'done' ? (
      <button type="button" className="button button-primary" onClick={onClose} data-autofocus data-testid="export-close">
        Close
      </button>
    ) : state.phase === 'confirm' ? (
      <>
        <button type="button" className="button button-secondary" onClick={back} data-testid="export-keep">
          Keep the existing file
        </button>
        <button type="button" className="button button-danger" onClick={() => void start(state.request, true)} data-testid="export-replace">
          Replace it
        </button>
      </>
    ) : running ? (
      <button type="button" className="button button-secondary" onClick={cancel} data-testid="export-cancel">
        Cancel export
      </button>
    ) : (
      <>
        <span className="foot-note">
          {rowsLabel} × {columns.length} of {dataset.columns.length} columns
        </span>
        <div className="spacer" />
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={!canExport} onClick={() => {
            lastFolder = folder.trim();
            void start(request());
          }} data-testid="export-start">
          Export
        </button>
      </>
    );

  return (
    <Dialog title={`Export ${dataset.name}`} onClose={running ? () => undefined : onClose} size="lg" footer={footer} testId="export-dialog">
      {state.phase === 'done' ? <ExportResult outcome={state.outcome} /> : null}
      {state.phase === 'confirm' ? (
        <div className="export-confirm" role="alertdialog" aria-label="Replace the existing export?" data-testid="export-confirm">
          <p>{state.message.replace(/; use --force to overwrite it$/, '.')}</p>
          <p className="muted">Replacing it rewrites this dataset&apos;s entry in manifest.json; other datasets exported into the folder keep theirs.</p>
        </div>
      ) : null}
      {running ? (
        <div className="export-progress" data-testid="export-progress">
          <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} label="Exporting" />
          <div className="muted">{job?.message || 'Starting…'}</div>
        </div>
      ) : null}
      {state.phase === 'form' ? (
        <div className="export-form">
          <div className="export-main">
            <fieldset className="export-field">
              <legend className="field-label">Format</legend>
              <label className="check-label">
                <input type="radio" name="export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} data-testid="export-format-csv" />
                CSV <span className="muted">(RFC 4180, UTF-8)</span>
              </label>
              <label className="check-label">
                <input type="radio" name="export-format" checked={format === 'jsonl'} onChange={() => setFormat('jsonl')} data-testid="export-format-jsonl" />
                JSON Lines <span className="muted">(typed: numbers, booleans, null)</span>
              </label>
              <label className="check-label">
                <input type="radio" name="export-format" checked={format === 'parquet'} onChange={() => setFormat('parquet')} data-testid="export-format-parquet" />
                Parquet <span className="muted">(typed columns)</span>
              </label>
            </fieldset>
            <fieldset className="export-field">
              <legend className="field-label">Rows</legend>
              <label className="check-label">
                <input type="radio" name="export-rows" checked={!view} onChange={() => setView(false)} data-testid="export-rows-all" />
                All {formatCount(dataset.rows)} rows, in storage order
              </label>
              <label className="check-label">
                <input type="radio" name="export-rows" checked={view} disabled={!narrowed} onChange={() => setView(true)} data-testid="export-rows-view" />
                The current filter and sort{narrowed ? '' : ' (none set)'}
              </label>
              {view && narrowed ? (
                <ul className="filter-list export-view" data-testid="export-view">
                  {filters.map((f, i) => (
                    <li key={i}>{describeFilter(f)}</li>
                  ))}
                  {sort.length ? <li>sorted by {sort.map((s) => `${s.column} ${s.dir === 'asc' ? '↑' : '↓'}`).join(', ')}</li> : null}
                </ul>
              ) : null}
            </fieldset>
            <ExportProtection state={protect} chosen={columns} directKept={directKept} allowDirect={allowDirect} onAllowDirect={setAllowDirect} refused={/direct identifier/.test(state.phase === 'form' ? (state.error ?? '') : '')} />
            <label className="field-label" htmlFor="export-folder">
              Destination folder <span className="muted">(created if missing)</span>
            </label>
            <input
              id="export-folder"
              className="input mono"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              placeholder="/path/to/folder"
              spellCheck={false}
              autoComplete="off"
              data-testid="export-folder"
            />
            <FolderBrowser
              path={browsePath}
              onNavigate={(p) => {
                setBrowsePath(p);
                setFolder(p);
              }}
              onChoose={(p) => setFolder(p)}
              includeHidden={false}
            />
            {state.note ? <div className="muted export-note" role="status" data-testid="export-note">{state.note}</div> : null}
            {state.error ? <div className="error-panel" role="alert" data-testid="export-error">{state.error}</div> : null}
          </div>
          <ColumnChecklist columns={dataset.columns} chosen={columns} onChange={setColumns} />
        </div>
      ) : null}
    </Dialog>
  );
}
