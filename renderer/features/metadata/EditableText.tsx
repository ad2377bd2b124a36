// A text field that saves on blur (and on Enter for single lines) and reverts on Esc.
import { useEffect, useState } from 'react';

interface Props {
  value: string;
  onSave: (next: string) => Promise<void>;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  testId?: string;
  /** Refuse an empty value (names). */
  required?: boolean;
}

export function EditableText({ value, onSave, label, multiline, placeholder, className, testId, required }: Props) {
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(value), [value]);

  const commit = async () => {
    const next = multiline ? draft : draft.trim();
    if (next === value || (required && !next)) {
      setDraft(value);
      return;
    }
    setSaving(true);
    try {
      await onSave(next);
    } catch {
      setDraft(value);
    } finally {
      setSaving(false);
    }
  };

  const common = {
    'aria-label': label,
    placeholder,
    value: draft,
    className: `input ${className ?? ''}${saving ? ' saving' : ''}`,
    'data-testid': testId,
    onBlur: () => void commit(),
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDraft(value);
      (e.currentTarget as HTMLElement).blur();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.currentTarget as HTMLElement).blur();
    }
  };
  return multiline ? (
    <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
  ) : (
    <input {...common} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} spellCheck={false} />
  );
}
