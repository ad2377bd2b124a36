// A labelled single-line text input.
import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  mono?: boolean;
  autoFocus?: boolean;
  testId?: string;
  className?: string;
}

export function TextField({ label, value, onChange, placeholder, hint, mono, autoFocus, testId, className }: Props) {
  const id = useId();
  return (
    <div className={`text-field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`input${mono ? ' mono' : ''}`}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        data-autofocus={autoFocus ? true : undefined}
        data-testid={testId}
      />
      {hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}
