// Saves the applied history as a recipe file; a row-key column lets its cell edits replay on other datasets.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { api } from '../../api';
import { useSubmit } from '../../components/useSubmit';
import { Dialog } from '../../components/Dialog';
import { toast } from '../../components/toastStore';
import { plural } from '../clean/opText';
import { useHistory } from '../history/useHistory';
import { downloadText, safeFileName } from './download';

export function SaveRecipeDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const { entries } = useHistory(dataset.id, dataset.name);
  const [rowKey, setRowKey] = useState('');
  const applied = (entries ?? []).filter((e) => e.state === 'done');
  const edits = applied.filter((e) => (e.op as { op?: string } | null)?.op === 'editCell').length;

  const { busy, error, submit: save } = useSubmit(async () => {
    const recipe = await api['recipes.export']({ dataset: dataset.name, rowKey: rowKey || undefined });
    const file = `${safeFileName(dataset.name)}.recipe.json`;
    downloadText(file, `${JSON.stringify(recipe, null, 2)}\n`);
    toast('info', `Saved ${file}: ${plural(recipe.operations.length, 'step')}`);
    onClose();
  });

  return (
    <Dialog
      title="Save recipe"
      onClose={onClose}
      testId="save-recipe-dialog"
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy || !entries} data-autofocus data-testid="save-recipe-confirm">
            Save {entries ? plural(applied.length, 'step') : ''}
          </button>
        </>
      }
    >
      <p className="op-note">
        The recipe lists the {plural(applied.length, 'applied step')} of {dataset.name} as JSON. Apply it to another dataset from its history panel,
        or headless with <code>tidyset apply</code>. Undone steps are left out.
      </p>
      <label className="field-label" htmlFor="recipe-row-key">
        Row key for cell edits (optional)
      </label>
      <select id="recipe-row-key" className="input" value={rowKey} onChange={(e) => setRowKey(e.target.value)} data-testid="recipe-row-key">
        <option value="">None — cell edits replay on this dataset only</option>
        {dataset.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      <div className="field-hint">
        {edits
          ? `${plural(edits, 'cell edit')} in this history. With a key column (an id, say), each edit finds its row by that value in the other dataset.`
          : 'No cell edits in this history: the key is not needed.'}
      </div>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
    </Dialog>
  );
}
