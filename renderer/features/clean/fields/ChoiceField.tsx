// A labelled group of radio buttons drawn as a segmented control; arrow keys move between choices.
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** A short example or explanation, shown under the control for the chosen option. */
  hint?: string;
}

interface Props<T extends string> {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
}

export function ChoiceField<T extends string>({ label, value, choices, onChange }: Props<T>) {
  const name = useId();
  const hint = choices.find((c) => c.value === value)?.hint;
  return (
    <fieldset className="choice-field">
      <legend className="field-label">{label}</legend>
      <div className="segmented" role="radiogroup" aria-label={label}>
        {choices.map((c) => (
          <label key={c.value} className={`segment${c.value === value ? ' on' : ''}`}>
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={c.value === value}
              onChange={() => onChange(c.value)}
              data-autofocus={c.value === value ? true : undefined}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {hint ? <div className="field-hint">{hint}</div> : null}
    </fieldset>
  );
}
