// Reorder columns from the keyboard: move the focused column with Alt+↑/↓ (or its buttons), then apply.
import { useRef, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { useSubmit } from '../../components/useSubmit';
import { Dialog } from '../../components/Dialog';
import { TypeBadge } from '../../components/TypeBadge';
import { applyOperation } from './operations';

export function ReorderDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const [order, setOrder] = useState(() => dataset.columns.map((c) => c.name));
  const list = useRef<HTMLOListElement>(null);
  const typeOf = (n: string) => dataset.columns.find((c) => c.name === n)?.type ?? 'text';
  const changed = order.join('\u0000') !== dataset.columns.map((c) => c.name).join('\u0000');

  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    const next = order.slice();
    [next[i], next[j]] = [next[j]!, next[i]!];
    setOrder(next);
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('.reorder-item')[j]?.focus());
  };

  const { busy, error, submit } = useSubmit(async () => {
    await applyOperation(dataset.id, { op: 'reorder', columns: order }, 'Reordering columns…');
    onClose();
  });
  const apply = () => (changed ? submit() : Promise.resolve());

  return (
    <Dialog
      title="Reorder columns"
      onClose={onClose}
      testId="reorder-dialog"
      footer={
        <>
          <span className="foot-note">Alt+↑ / Alt+↓ moves the focused column. You can also drag headers in the grid.</span>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={() => void apply()} disabled={!changed || busy}>
            Apply
          </button>
        </>
      }
    >
      <ol ref={list} className="reorder-list" aria-label="Columns in order">
        {order.map((name, i) => (
          <li
            key={name}
            className="reorder-item"
            tabIndex={0}
            data-autofocus={i === 0 ? true : undefined}
            onKeyDown={(e) => {
              if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                e.preventDefault();
                move(i, e.key === 'ArrowUp' ? -1 : 1);
              } else if (!e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                e.preventDefault();
                (e.key === 'ArrowUp' ? e.currentTarget.previousElementSibling : e.currentTarget.nextElementSibling)?.closest<HTMLElement>('li')?.focus();
              } else if (e.key === 'Enter') {
                e.preventDefault();
                void apply();
              }
            }}
          >
            <span className="reorder-pos">{i + 1}</span>
            <TypeBadge type={typeOf(name)} />
            <span className="grow">{name}</span>
            <button type="button" className="icon-button" aria-label={`Move ${name} up`} tabIndex={-1} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={`Move ${name} down`} tabIndex={-1} disabled={i === order.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
    </Dialog>
  );
}
