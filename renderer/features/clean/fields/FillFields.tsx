// Fill missing: how to choose the value for empty cells, and the value itself for a constant.
import type { OpInput } from '../../../../shared/ops/schema';
import { ChoiceField } from './ChoiceField';
import { TextField } from './TextField';

type FillOp = Extract<OpInput, { op: 'fill' }>;

const METHODS = [
  { value: 'constant', label: 'A value', hint: 'Every empty cell gets the value you type.' },
  { value: 'mean', label: 'Mean', hint: 'The mean of the values that read as numbers.' },
  { value: 'median', label: 'Median', hint: 'The median of the values that read as numbers.' },
  { value: 'mode', label: 'Most frequent', hint: 'The most frequent non-empty value.' },
  { value: 'previous', label: 'Previous', hint: 'The nearest non-empty value above, in row order (fill down).' },
  { value: 'next', label: 'Next', hint: 'The nearest non-empty value below, in row order (fill up).' },
] as const;

export function FillFields({ op, onChange }: { op: FillOp; onChange: (op: FillOp) => void }) {
  return (
    <>
      <ChoiceField label="Fill empty cells with" value={op.method} choices={METHODS} onChange={(method) => onChange({ ...op, method })} />
      {op.method === 'constant' ? (
        <TextField label="Value" value={op.value ?? ''} onChange={(value) => onChange({ ...op, value })} autoFocus testId="fill-value" />
      ) : null}
    </>
  );
}
