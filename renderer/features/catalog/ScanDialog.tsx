// The scan dialog: choose a folder, scan it with progress and cancel, then pick files to import.
import { useState } from 'react';
import type { Source } from '../../../shared/api/catalog';
import { useDatasets } from '../../app/useDatasets';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../components/format';
import { FolderBrowser } from './FolderBrowser';
import { ImportOptionsDialog } from './ImportOptionsDialog';
import { ImportResults } from './ImportResults';
import { SourcesTable } from './SourcesTable';
import { useScanFlow } from './useScanFlow';

export function ScanDialog({ onClose }: { onClose: () => void }) {
  const flow = useScanFlow();
  const { list: datasets } = useDatasets();
  const [browsePath, setBrowsePath] = useState('');
  const [optionsFor, setOptionsFor] = useState<Source | null>(null);
  const navigateTo = (p: string, how?: { resolved: boolean }) => {
    setBrowsePath(p);
    // The default folder arrives after the dialog opens: it fills the field only if nothing was typed
    // there meanwhile (a path typed and scanned at once must not be replaced under the user).
    if (how?.resolved) flow.setPath((typed) => (typed === '' ? p : typed));
    else flow.setPath(p);
  };
  const picked = flow.sources.filter((s) => s.importable && flow.selected.has(s.path)).length;
  const importable = flow.sources.filter((s) => s.importable).length;

  const footer =
    flow.phase === 'results' ? (
      <>
        <label className="check-label">
          <input type="checkbox" checked={flow.skipMalformed} onChange={(e) => flow.setSkipMalformed(e.target.checked)} data-testid="skip-malformed" />
          Skip malformed lines
        </label>
        <div className="spacer" />
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button button-primary" disabled={picked === 0} onClick={() => void flow.importSelected()} data-testid="import-selected">
          Import selected{picked ? ` (${picked})` : ''}
        </button>
      </>
    ) : (
      <>
        <div className="spacer" />
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </>
    );

  return (
    <Dialog title="Scan a folder" onClose={onClose} size="lg" footer={footer} testId="scan-dialog">
      <form
        className="scan-form"
        onSubmit={(e) => {
          e.preventDefault();
          void flow.scan();
        }}
      >
        <label className="field-label" htmlFor="scan-path">
          Folder
        </label>
        <div className="scan-row">
          <input
            id="scan-path"
            className="input mono grow"
            value={flow.path}
            onChange={(e) => flow.setPath(e.target.value)}
            placeholder="/path/to/data"
            spellCheck={false}
            autoComplete="off"
            data-autofocus
            data-testid="scan-path"
          />
          <label className="check-label">
            <input type="checkbox" checked={flow.includeHidden} onChange={(e) => flow.setIncludeHidden(e.target.checked)} />
            Include hidden
          </label>
          {flow.phase === 'scanning' ? (
            <button type="button" className="button button-secondary" onClick={flow.cancelScan} data-testid="cancel-scan">
              Cancel
            </button>
          ) : (
            <button type="submit" className="button button-primary" disabled={!flow.path.trim()} data-testid="start-scan">
              Scan
            </button>
          )}
        </div>
      </form>
      {flow.error ? (
        <div className="error-panel" role="alert" data-testid="scan-error">
          {flow.error}
        </div>
      ) : null}

      {flow.phase === 'pick' ? (
        <FolderBrowser path={browsePath} onNavigate={navigateTo} onChoose={() => void flow.scan()} includeHidden={flow.includeHidden} />
      ) : null}

      {flow.phase === 'scanning' ? (
        <div className="scan-progress" data-testid="scan-progress">
          <ProgressBar done={flow.scanJob?.done ?? 0} total={flow.scanJob?.total ?? 0} label="Scanning" />
          <div className="muted">{flow.scanJob?.message || 'Scanning…'}</div>
        </div>
      ) : null}

      {flow.phase === 'results' && flow.root ? (
        <>
          <div className="results-head">
            <span data-testid="scan-summary">
              {formatCount(flow.sources.length)} file{flow.sources.length === 1 ? '' : 's'} found, {formatCount(importable)} importable
            </span>
            <div className="spacer" />
            <button type="button" className="link-button" onClick={flow.browse}>
              Choose another folder
            </button>
          </div>
          <SourcesTable
            root={flow.root}
            sources={flow.sources}
            selected={flow.selected}
            onToggle={flow.toggle}
            onAll={flow.setAll}
            datasets={datasets}
            overrides={flow.overrides}
            onOptions={setOptionsFor}
          />
          <ImportResults runs={flow.imports} jobById={flow.jobById} onOpen={onClose} />
          {optionsFor ? (
            <ImportOptionsDialog
              key={optionsFor.path}
              source={optionsFor}
              value={flow.overrides.get(optionsFor.path)}
              onSave={(o) => flow.setOverride(optionsFor.path, o)}
              onClose={() => setOptionsFor(null)}
            />
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
