// The catalog screen: every dataset in a table, or an inviting empty state for a new workspace.
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { toast } from '../../components/toastStore';
import { formatCount } from '../../components/format';
import { refreshDatasets, useDatasets } from '../../app/useDatasets';
import { putJob, whenJobEnds } from '../../app/useJobs';
import { MOD_KEY } from '../../app/useHotkeys';
import { navigate } from '../../app/useRoute';
import { openScanDialog } from '../../app/ui';
import { CatalogTable } from './CatalogTable';
import { importedDatasetName } from './importOutcome';
import './catalog.css';

export function CatalogScreen() {
  const { loaded, list, error } = useDatasets();
  const [sampleBusy, setSampleBusy] = useState(false);
  const [sampleJob, setSampleJob] = useState<string | null>(null);

  const importSample = async () => {
    setSampleBusy(true);
    try {
      const job = await api['jobs.importSample']({});
      putJob(job);
      setSampleJob(job.id);
      const end = await whenJobEnds(job);
      await refreshDatasets();
      if (end.state === 'failed') toast('error', end.error?.message ?? 'The sample import failed');
      const name = importedDatasetName(end);
      if (end.state === 'done' && name) navigate({ name: 'dataset', dataset: name });
    } catch (e) {
      toast('error', errorMessage(e));
    } finally {
      setSampleBusy(false);
      setSampleJob(null);
    }
  };

  if (!loaded) return <div className="screen-loading" aria-busy="true" />;

  if (list.length === 0) {
    return (
      <section className="screen catalog-empty" data-testid="catalog-empty">
        <EmptyState
          title="Your workspace is empty"
          actions={
            <>
              <button type="button" className="button button-primary" onClick={importSample} disabled={sampleBusy} data-testid="import-sample">
                {sampleBusy ? 'Importing sample…' : 'Try it with sample data'}
              </button>
              {sampleJob ? (
                <button type="button" className="button button-secondary" onClick={() => void api['jobs.cancel']({ id: sampleJob }).catch((e) => toast('error', errorMessage(e)))} data-testid="cancel-sample">
                  Cancel
                </button>
              ) : null}
              <button type="button" className="button button-secondary" onClick={openScanDialog}>
                Scan a folder… <kbd>{MOD_KEY}+O</kbd>
              </button>
            </>
          }
        >
          <p>
            Tidyset finds CSV, TSV and JSON Lines files on this machine, loads them into a local catalog and lets you sort,
            filter and clean millions of rows. Nothing leaves the computer.
          </p>
          {error ? <p className="error-text">{error}</p> : null}
        </EmptyState>
      </section>
    );
  }

  const rows = list.reduce((n, d) => n + d.rows, 0);
  return (
    <section className="screen catalog" data-testid="catalog">
      <header className="screen-head">
        <h1>Catalog</h1>
        <span className="screen-sub">
          {formatCount(list.length)} dataset{list.length === 1 ? '' : 's'} · {formatCount(rows)} row{rows === 1 ? '' : 's'}
        </span>
        <div className="spacer" />
        <button type="button" className="button button-secondary" onClick={openScanDialog}>
          Scan a folder…
        </button>
      </header>
      <CatalogTable datasets={list} />
      <p className="catalog-hint muted">Click a dataset or press Enter on it to open it · ↑↓ move between rows</p>
    </section>
  );
}
