// The dataset screen: a header with the dataset's facts, the grid, and the metadata side panel.
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { baseName, formatBytes, formatCount } from '../../components/format';
import { findDataset, useDatasets } from '../../app/useDatasets';
import { MetadataPanel } from '../metadata/MetadataPanel';
import { DataGrid } from './DataGrid';

const PANEL_KEY = 'tidyset.detailsPanel';

export function DatasetScreen({ name }: { name: string }) {
  const { loaded, list } = useDatasets();
  const [panelOpen, setPanelOpenState] = useState(() => localStorage.getItem(PANEL_KEY) !== 'closed');
  const setPanelOpen = (fn: (open: boolean) => boolean) =>
    setPanelOpenState((open) => {
      const next = fn(open);
      localStorage.setItem(PANEL_KEY, next ? 'open' : 'closed');
      return next;
    });
  const dataset = findDataset(list, name);

  if (!loaded) return <div className="screen-loading" aria-busy="true" />;
  if (!dataset) {
    return (
      <section className="screen">
        <EmptyState title="Dataset not found" actions={<a className="button button-secondary" href="#/">Back to the catalog</a>}>
          <p>There is no dataset called “{name}” in this workspace. It may have been renamed or deleted.</p>
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="screen dataset-screen" data-testid="dataset-screen" data-dataset={dataset.name}>
      <header className="screen-head">
        <a href="#/" className="crumb-back" title="Catalog">
          Catalog
        </a>
        <span className="crumb-sep">/</span>
        <h1 data-testid="dataset-title">{dataset.name}</h1>
        <span className="screen-sub">
          {formatCount(dataset.rows)} rows × {dataset.columns.length} columns
          {dataset.source.path ? ` · ${baseName(dataset.source.path)} (${formatBytes(dataset.source.size)})` : ''}
        </span>
        <div className="spacer" />
        <button
          type="button"
          className={`button button-secondary${panelOpen ? ' pressed' : ''}`}
          aria-pressed={panelOpen}
          onClick={() => setPanelOpen((o) => !o)}
          data-testid="toggle-metadata"
        >
          Details
        </button>
      </header>
      <div className="dataset-body">
        <DataGrid key={dataset.id} dataset={dataset} />
        {panelOpen ? <MetadataPanel dataset={dataset} onClose={() => setPanelOpen(() => false)} /> : null}
      </div>
    </section>
  );
}
