// Delete… and Re-import… for one dataset: buttons that open their dialogs (catalog rows and the dataset toolbar).
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { ReimportDialog } from './ReimportDialog';

export function DatasetActions({ dataset, compact = false, disabled = false }: { dataset: Dataset; compact?: boolean; disabled?: boolean }) {
  const [open, setOpen] = useState<'delete' | 'reimport' | null>(null);
  const size = compact ? ' button-xs' : '';
  return (
    // Clicks and keys here must not open the catalog row they sit in.
    <span className="dataset-actions" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      {dataset.source.path ? (
        <button
          type="button"
          className={`button button-secondary${size}`}
          disabled={disabled}
          title="Import the source file again with other options (encoding, delimiter, quote, header); replaces this dataset on success"
          aria-label={`Re-import ${dataset.name} with other options`}
          onClick={() => setOpen('reimport')}
          data-testid="reimport-dataset"
        >
          Re-import…
        </button>
      ) : null}
      <button
        type="button"
        className={`button button-danger-quiet${size}`}
        disabled={disabled}
        aria-label={`Delete ${dataset.name}`}
        title="Delete this dataset (its rows and history)"
        onClick={() => setOpen('delete')}
        data-testid="delete-dataset"
      >
        Delete…
      </button>
      {open === 'delete' ? <DeleteDatasetDialog dataset={dataset} onClose={() => setOpen(null)} /> : null}
      {open === 'reimport' ? <ReimportDialog dataset={dataset} onClose={() => setOpen(null)} /> : null}
    </span>
  );
}
