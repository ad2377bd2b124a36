// Split a column: by a delimiter or a pattern, into at most N parts, with optional names for the new columns.
import type { OpInput } from '../../../../shared/ops/schema';
import { ChoiceField } from './ChoiceField';
import { separatorHint } from './separatorHint';
import { TextField } from './TextField';

type SplitOp = Extract<OpInput, { op: 'split' }>;

const BY = [
  { value: 'delimiter', label: 'Delimiter', hint: 'Split at every occurrence of the text.' },
  { value: 'regex', label: 'Regular expression', hint: 'Split where the pattern matches (JavaScript syntax).' },
] as const;

export function SplitFields({ op, onChange }: { op: SplitOp; onChange: (op: SplitOp) => void }) {
  const names = (op.names ?? []).join(', ');
  return (
    <>
      <div className="field-row">
        <TextField
          label={op.by === 'regex' ? 'Pattern' : 'Delimiter'}
          value={op.separator}
          onChange={(separator) => onChange({ ...op, separator })}
          hint={op.separator ? (separatorHint(op.separator) ?? undefined) : undefined}
          mono
          autoFocus
          className="grow"
        />
        <div className="text-field narrow">
          <label className="field-label" htmlFor="split-max">
            At most
          </label>
          <input
            id="split-max"
            className="input"
            type="number"
            min={2}
            max={100}
            placeholder="any"
            value={op.maxParts ?? ''}
            onChange={(e) => onChange({ ...op, maxParts: e.target.value ? Math.max(2, Math.min(100, Number(e.target.value))) : undefined })}
          />
        </div>
      </div>
      <ChoiceField label="Split by" value={op.by} choices={BY} onChange={(by) => onChange({ ...op, by })} />
      <TextField
        label="Names of the new columns (optional, comma-separated)"
        value={names}
        placeholder={`${op.column} 1, ${op.column} 2, …`}
        onChange={(v) => {
          const list = v.split(',').map((s) => s.trim()).filter(Boolean);
          onChange({ ...op, names: list.length ? list : undefined });
        }}
      />
      <label className="check-label field-check">
        <input type="checkbox" checked={op.keepOriginal ?? true} onChange={(e) => onChange({ ...op, keepOriginal: e.target.checked })} />
        Keep {op.column}
      </label>
    </>
  );
}
