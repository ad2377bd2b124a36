// Confirms deleting the rows that match the grid's filters and the facet selections (a `deleteRows` step).
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import { useSubmit } from '../../components/useSubmit';
import { Dialog } from '../../components/Dialog';
import { clearSelections } from '../facets/facetStore';
import { clearGridFilters } from '../grid/gridHandle';
import { describeFilter } from './describeFilter';
import { applyOperation } from './operations';
import { plural } from './opText';

interface Props {
  dataset: Dataset;
  filters: Filter[];
  matching: number;
  onClose: () => void;
}

export function DeleteRowsDialog({ dataset, filters, matching, onClose }: Props) {
  const rows = plural(matching, 'row');

  const { busy, error, submit: confirm } = useSubmit(async () => {
    await applyOperation(dataset.id, { op: 'deleteRows', filters }, `Deleting ${rows}…`);
    // The selection now matches nothing: show what is left.
    clearSelections(dataset.id);
    clearGridFilters(dataset.id);
    onClose();
  });

  return (
    <Dialog
      title={`Delete ${rows}`}
      onClose={busy ? () => undefined : onClose}
      testId="delete-rows-dialog"
      footer={
        <>
          {busy ? (
            <span className="foot-note">
              <span className="spinner" aria-hidden="true" /> Deleting…
            </span>
          ) : null}
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={busy} data-autofocus data-testid="confirm-delete-rows">
            Delete {rows}
          </button>
        </>
      }
    >
      <p className="op-note">
        {rows} of {plural(dataset.rows, 'row')} in {dataset.name} match:
      </p>
      <ul className="filter-list">
        {filters.map((f, i) => (
          <li key={i}>{describeFilter(f)}</li>
        ))}
      </ul>
      <p className="muted">The deletion is a step in the history: undo brings the rows back.</p>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
    </Dialog>
  );
}
