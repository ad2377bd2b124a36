// Confirms deleting a dataset and says what goes: its rows, columns and history steps (the source file stays).
import { useEffect, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { refreshDatasets } from '../../app/useDatasets';
import { navigate } from '../../app/useRoute';
import { Dialog } from '../../components/Dialog';
import { baseName, formatCount } from '../../components/format';
import { toast } from '../../components/toastStore';

const count = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

export function DeleteDatasetDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const [steps, setSteps] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['history.list']({ dataset: dataset.name }).then((h) => setSteps(h.length), (e) => setError(errorMessage(e)));
  }, [dataset.name]);

  const remove = async () => {
    setBusy(true);
    try {
      await api['datasets.delete']({ dataset: dataset.name });
      onClose();
      if (location.hash.startsWith('#/d/')) navigate({ name: 'catalog' }, true);
      await refreshDatasets();
      toast('info', `Deleted ${dataset.name}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Delete ${dataset.name}?`}
      onClose={onClose}
      testId="delete-dataset-dialog"
      footer={
        <>
          <div className="spacer" />
          <button type="button" className="button button-secondary" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={() => void remove()} disabled={busy || steps === null} data-testid="confirm-delete">
            {busy ? 'Deleting…' : 'Delete dataset'}
          </button>
        </>
      }
    >
      <div className="delete-dataset-body">
        <p data-testid="delete-impact">
          This deletes <strong>{dataset.name}</strong>: {count(dataset.rows, 'row')} × {count(dataset.columns.length, 'column')}
          {dataset.rejects ? `, ${count(dataset.rejects, 'rejected line')}` : ''}
          {steps === null ? '' : ` and ${count(steps, 'history step')}`}. It cannot be undone.
        </p>
        {dataset.source.path ? (
          <p className="muted">The source file {baseName(dataset.source.path)} stays where it is; you can import it again.</p>
        ) : null}
        {error ? (
          <div className="error-panel" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
