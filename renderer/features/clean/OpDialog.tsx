// The operation dialog: the operation's options, a live preview of what it changes, Apply (Enter) and Cancel.
import { useId, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import type { OpInput } from '../../../shared/ops/schema';
import { errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { dialogTitle, initialOp, problemOf, type DialogOp } from './actions';
import { OpFields } from './OpFields';
import { OpImpact } from './OpImpact';
import { applyOperation } from './operations';
import { isValueOp } from './opText';
import { OpScope, scopedFilters, type Scope } from './OpScope';
import { PreviewPane } from './PreviewPane';
import { usePreview } from './usePreview';
import './clean.css';

interface Props {
  dataset: Dataset;
  kind: DialogOp;
  column: string;
  /** The grid's filters and facet selections: the operation applies to the rows they match, by default. */
  filters: Filter[];
  /** Rows they match, from the grid; null while unknown. */
  matching: number | null;
  onClose: () => void;
}

const CASTS = new Set(['castNumber', 'castDate', 'castBoolean']);

/** Split and merge under a filter keep their originals: the rows left out have their values only there. */
function scopeProblem(op: OpInput, where: Filter[]): string | null {
  if (!where.length) return null;
  if (op.op === 'split' && op.keepOriginal === false) return 'Keep the original column, or apply to all rows.';
  if (op.op === 'merge' && op.keepOriginals === false) return 'Keep the merged columns, or apply to all rows.';
  return null;
}

export function OpDialog({ dataset, kind, column, filters, matching, onClose }: Props) {
  const formId = useId();
  const [op, setOp] = useState<OpInput>(() => initialOp(kind, column, dataset.columns));
  const [scope, setScope] = useState<Scope>('filtered');
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const where = scopedFilters(op.op, filters, scope);
  // The operation as it is sent: restricted to the filtered rows unless the switch says all rows.
  const sent = (where.length ? { ...op, where } : op) as OpInput;
  const problem = problemOf(op, dataset.columns) ?? scopeProblem(op, where);
  const value = isValueOp(op);
  const preview = usePreview(dataset.name, value && !problem ? sent : null);
  const previewFailed = preview.status === 'error';
  const counted = preview.status === 'ready' ? preview.result : preview.status === 'loading' ? preview.last : null;

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (problem || applying || previewFailed) return;
    setApplying(true);
    setError(null);
    try {
      await applyOperation(dataset.id, sent, dialogTitle(op));
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
        <OpFields op={op} dataset={dataset.name} columns={dataset.columns} where={where} onChange={(next) => setOp(next)} />
        <OpScope
          op={op.op}
          filters={filters}
          matching={counted && where.length ? counted.matching : matching}
          total={counted?.total ?? dataset.rows}
          scope={scope}
          onScope={setScope}
        />
        {value ? <PreviewPane state={preview} isCast={CASTS.has(op.op)} /> : <OpImpact dataset={dataset} op={op} where={where} />}
        {error ? (
          <div className="error-panel" role="alert" data-testid="op-error">
            {error}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
