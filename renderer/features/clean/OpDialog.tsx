// The operation dialog: the operation's options, a live preview of what it changes, Apply (Enter) and Cancel.
import { useId, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { OpInput } from '../../../shared/ops/schema';
import { errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { dialogTitle, initialOp, problemOf, type DialogOp } from './actions';
import { OpFields } from './OpFields';
import { OpImpact } from './OpImpact';
import { applyOperation } from './operations';
import { isValueOp } from './opText';
import { PreviewPane } from './PreviewPane';
import { usePreview } from './usePreview';
import './clean.css';

interface Props {
  dataset: Dataset;
  kind: DialogOp;
  column: string;
  onClose: () => void;
}

const CASTS = new Set(['castNumber', 'castDate', 'castBoolean']);

export function OpDialog({ dataset, kind, column, onClose }: Props) {
  const formId = useId();
  const [op, setOp] = useState<OpInput>(() => initialOp(kind, column, dataset.columns));
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = problemOf(op, dataset.columns);
  const value = isValueOp(op);
  const preview = usePreview(dataset.name, value && !problem ? op : null);
  const previewFailed = preview.status === 'error';

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (problem || applying || previewFailed) return;
    setApplying(true);
    setError(null);
    try {
      await applyOperation(dataset.id, op, dialogTitle(op));
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setApplying(false);
    }
  };

  // Enter on a checkbox or radio applies too (text fields submit the form by themselves).
  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    const t = e.target as HTMLInputElement;
    if (e.key === 'Enter' && t.tagName === 'INPUT' && (t.type === 'checkbox' || t.type === 'radio')) {
      e.preventDefault();
      void submit();
    }
  };

  const drop = op.op === 'drop';
  return (
    <Dialog
      title={dialogTitle(op)}
      onClose={applying ? () => undefined : onClose}
      testId="op-dialog"
      size={op.op === 'massEdit' ? 'lg' : 'md'}
      footer={
        <>
          <span className="foot-note" role="status">
            {applying ? (
              <>
                <span className="spinner" aria-hidden="true" /> Applying…
              </>
            ) : (
              (problem ?? (previewFailed ? 'Fix the error above to apply.' : ''))
            )}
          </span>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={applying}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className={`button ${drop ? 'button-danger' : 'button-primary'}`}
            disabled={applying || !!problem || previewFailed}
            data-autofocus
            data-testid="op-apply"
          >
            {drop ? 'Drop column' : 'Apply'}
            <kbd className="kbd-on-primary">Enter</kbd>
          </button>
        </>
      }
    >
      <form id={formId} className="op-form" onSubmit={submit} onKeyDown={onKeyDown} data-op={op.op}>
        <OpFields op={op} dataset={dataset.name} columns={dataset.columns} onChange={(next) => setOp(next)} />
        {value ? <PreviewPane state={preview} isCast={CASTS.has(op.op)} /> : <OpImpact dataset={dataset} op={op} />}
        {error ? (
          <div className="error-panel" role="alert" data-testid="op-error">
            {error}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
