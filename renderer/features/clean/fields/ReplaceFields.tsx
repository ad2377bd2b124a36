// Find and replace: the text or pattern, its replacement, how to match, and case sensitivity.
import type { OpInput } from '../../../../shared/ops/schema';
import { ChoiceField } from './ChoiceField';
import { TextField } from './TextField';

type ReplaceOp = Extract<OpInput, { op: 'replace' }>;

const MODES = [
  { value: 'literal', label: 'Text', hint: 'Every occurrence of the text inside a cell is replaced.' },
  { value: 'regex', label: 'Regular expression', hint: 'JavaScript syntax; use $1, $2… in the replacement for groups.' },
  { value: 'whole', label: 'Whole cell', hint: 'Only cells whose whole value equals the text are replaced.' },
] as const;

export function ReplaceFields({ op, onChange }: { op: ReplaceOp; onChange: (op: ReplaceOp) => void }) {
  return (
    <>
      <div className="field-row">
        <TextField label="Find" value={op.find} onChange={(find) => onChange({ ...op, find })} mono autoFocus testId="replace-find" className="grow" />
        <TextField label="Replace with" value={op.replace} onChange={(replace) => onChange({ ...op, replace })} mono testId="replace-with" className="grow" />
      </div>
      <ChoiceField label="Match" value={op.mode ?? 'literal'} choices={MODES} onChange={(mode) => onChange({ ...op, mode })} />
      <label className="check-label field-check">
        <input type="checkbox" checked={op.caseSensitive ?? true} onChange={(e) => onChange({ ...op, caseSensitive: e.target.checked })} />
        Case-sensitive
      </label>
    </>
  );
}
