// Merge columns: which ones (in the dataset's order), the separator, the new column's name.
import type { Column } from '../../../../shared/api/catalog';
import type { OpInput } from '../../../../shared/ops/schema';
import { TypeBadge } from '../../../components/TypeBadge';
import { separatorHint } from './separatorHint';
import { TextField } from './TextField';

type MergeOp = Extract<OpInput, { op: 'merge' }>;

export function MergeFields({ op, columns, onChange }: { op: MergeOp; columns: readonly Column[]; onChange: (op: MergeOp) => void }) {
  const toggle = (name: string, on: boolean) => {
    const chosen = new Set(op.columns);
    if (on) chosen.add(name);
    else chosen.delete(name);
    onChange({ ...op, columns: columns.map((c) => c.name).filter((n) => chosen.has(n)) });
  };
  return (
    <>
      <div className="field-label">Columns to merge, in this order</div>
      <ul className="pick-list" aria-label="Columns to merge">
        {columns.map((c) => (
          <li key={c.name}>
            <label className="check-label">
              <input type="checkbox" checked={op.columns.includes(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} />
              <TypeBadge type={c.type} />
              {c.name}
            </label>
          </li>
        ))}
      </ul>
      <div className="field-row">
        <TextField
          label="Separator"
          value={op.separator ?? ' '}
          onChange={(separator) => onChange({ ...op, separator })}
          mono
          hint={`${separatorHint(op.separator ?? ' ') ?? ''} Empty parts are skipped.`.trim()}
        />
        <TextField label="New column" value={op.name} onChange={(name) => onChange({ ...op, name })} autoFocus className="grow" />
      </div>
      <label className="check-label field-check">
        <input type="checkbox" checked={op.keepOriginals ?? true} onChange={(e) => onChange({ ...op, keepOriginals: e.target.checked })} />
        Keep the merged columns
      </label>
    </>
  );
}
