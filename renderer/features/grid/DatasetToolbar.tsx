// The dataset screen's tools: what is running, delete the matching rows, undo/redo, and the side-panel toggles.
import type { Filter } from '../../../shared/api/contract';
import { MOD_KEY } from '../../app/useHotkeys';
import { useDatasets } from '../../app/useDatasets';
import { DatasetActions } from '../catalog/DatasetActions';
import { useDatasetUi } from '../clean/datasetUi';
import { openCleanDialog } from '../clean/dialogStore';
import { redoStep, reportError, undoStep } from '../clean/operations';
import { plural } from '../clean/opText';
import { ExportButton } from '../export/ExportButton';
import { MaskToggle } from '../personal/MaskToggle';
import { setPanels, toggleRight, usePanels, type RightPanel } from './panelStore';

/** The right-hand panels, in toolbar order: one toggle each. */
const RIGHT_PANELS: Array<{ panel: Exclude<RightPanel, 'none'>; label: string; testId: string; title?: string }> = [
  { panel: 'history', label: 'History', testId: 'toggle-history' },
  { panel: 'details', label: 'Details', testId: 'toggle-metadata' },
  { panel: 'personal', label: 'Personal', testId: 'toggle-personal', title: 'Personal data: what detection found in each column, to confirm or change' },
  { panel: 'protection', label: 'Protection', testId: 'toggle-protection', title: 'Protection: the export action of each personal-data column, k-anonymity and the pseudonym secret' },
];

interface Props {
  datasetId: number;
  filters: Filter[];
  facetCount: number;
}

export function DatasetToolbar({ datasetId, filters, facetCount }: Props) {
  const panels = usePanels();
  const busy = useDatasetUi(datasetId, 'busy');
  const matching = useDatasetUi(datasetId, 'matching');
  const canDelete = filters.length > 0 && matching !== null && matching > 0;
  const dataset = useDatasets().list.find((d) => d.id === datasetId);
  return (
    <div className="toolbar" role="toolbar" aria-label="Dataset tools">
      {busy ? (
        <span className="busy-note" role="status" data-testid="busy">
          <span className="spinner" aria-hidden="true" />
          {busy}
        </span>
      ) : null}
      {canDelete ? (
        <button type="button" className="button button-danger-quiet" onClick={() => openCleanDialog({ kind: 'deleteRows' })} disabled={!!busy} data-testid="delete-rows">
          Delete {plural(matching, 'matching row')}…
        </button>
      ) : null}
      {dataset ? <MaskToggle dataset={dataset.name} /> : null}
      <ExportButton datasetId={datasetId} filters={filters} />
      <div className="button-group" role="group" aria-label="Undo and redo">
        <button type="button" className="button button-secondary button-icon" aria-label="Undo" title={`Undo (${MOD_KEY}+Z)`} disabled={!!busy} onClick={() => undoStep(datasetId).catch(reportError)} data-testid="undo">
          ↶
        </button>
        <button type="button" className="button button-secondary button-icon" aria-label="Redo" title={`Redo (${MOD_KEY}+Shift+Z)`} disabled={!!busy} onClick={() => redoStep(datasetId).catch(reportError)} data-testid="redo">
          ↷
        </button>
      </div>
      {dataset ? <DatasetActions dataset={dataset} variant="menu" disabled={!!busy} /> : null}
      <div className="button-group" role="group" aria-label="Panels">
        <button
          type="button"
          className={`button button-secondary${panels.facets ? ' pressed' : ''}`}
          aria-pressed={panels.facets}
          onClick={() => setPanels({ facets: !panels.facets })}
          data-testid="toggle-facets"
        >
          Facets{facetCount ? <span className="count">{facetCount}</span> : null}
        </button>
        {RIGHT_PANELS.map((p) => (
          <button
            key={p.panel}
            type="button"
            className={`button button-secondary${panels.right === p.panel ? ' pressed' : ''}`}
            aria-pressed={panels.right === p.panel}
            onClick={() => toggleRight(p.panel)}
            title={p.title}
            data-testid={p.testId}
          >
            {p.label}
          </button>
        ))}
      </div>
    </div>
  );
}
