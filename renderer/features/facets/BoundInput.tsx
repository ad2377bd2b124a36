// A bound of a numeric range, typed in: applied on Enter or when the field loses focus; empty is open-ended.
import { useEffect, useState } from 'react';

export function BoundInput({ label, value, onCommit, testId }: { label: string; value: number | null; onCommit: (v: number | null) => void; testId: string }) {
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  useEffect(() => setDraft(value === null ? '' : String(value)), [value]);
  const commit = () => {
    const t = draft.trim();
    const n = t === '' ? null : Number(t);
    if (n !== null && !Number.isFinite(n)) return setDraft(value === null ? '' : String(value));
    if (n !== value) onCommit(n);
  };
  return (
    <input
      className="input facet-bound"
      inputMode="decimal"
      aria-label={label}
      placeholder={label}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      data-testid={testId}
    />
  );
}
