// "Export splits…" in the dataset toolbar, the dialog it opens, and the bar that says which rows the
// leakage panel picked for the grid (with a button to show all rows again).
import { useState } from 'react';
import { useDatasets } from '../../app/useDatasets';
import { formatCount } from '../../components/format';
import { SplitDialog } from './SplitDialog';
import { selectRows, useRowSelection } from './rowSelection';

export function ExportSplitsButton({ datasetId, disabled }: { datasetId: number; disabled: boolean }) {
  const dataset = useDatasets().list.find((d) => d.id === datasetId);
  const [open, setOpen] = useState(false);
  if (!dataset) return null;
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)} disabled={disabled} aria-label="Export splits…" title="Export train/validation/test splits with a leakage check, manifest and datasheet" data-testid="split-open">
        Splits…
      </button>
      {open ? <SplitDialog dataset={dataset} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function RowSelectionBar({ datasetId }: { datasetId: number }) {
  const sel = useRowSelection(datasetId);
  if (!sel) return null;
  return (
    <div className="split-selection-bar" role="status" data-testid="row-selection">
      Showing {formatCount(sel.rids.length)} {sel.label}
      <button type="button" className="button button-quiet" onClick={() => selectRows(datasetId, null)} data-testid="row-selection-clear">
        Show all rows
      </button>
    </div>
  );
}
