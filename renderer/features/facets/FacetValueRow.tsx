// One value in a facet: click to select it alone, Ctrl/Shift-click to add it; its count as a bar; and an
// inline edit that changes the value everywhere (a massEdit step).
import { useState } from 'react';
import { formatCount } from '../../components/format';
import { ValueText } from '../../components/ValueText';

interface Props {
  value: string | null;
  count: number;
  /** Largest count in the list, for the bar's length. */
  max: number;
  selected: boolean;
  onPick: (additive: boolean) => void;
  /** Absent for values that cannot be edited (missing cells). */
  onEdit?: (to: string) => Promise<void>;
}

export function FacetValueRow({ value, count, max, selected, onPick, onEdit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = value === null ? 'missing' : value === '' ? 'empty' : value;

  const commit = async () => {
    if (draft === null || !onEdit) return;
    if (draft === value) return setDraft(null);
    setSaving(true);
    try {
      await onEdit(draft);
      setDraft(null);
    } catch {
      // The toast says why; the field stays open to try again.
    } finally {
      setSaving(false);
    }
  };

  if (draft !== null) {
    return (
      <li className="facet-value editing" data-testid="facet-value" data-value={value ?? ''}>
        <input
          className="input mono facet-edit-input"
          aria-label={`Change ${label} to`}
          value={draft}
          autoFocus
          disabled={saving}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setDraft(null);
            }
          }}
          onBlur={() => !saving && setDraft(null)}
          data-testid="facet-edit-input"
        />
        <span className="facet-edit-hint muted small">{saving ? 'Changing…' : `Enter changes ${formatCount(count)}`}</span>
      </li>
    );
  }

  return (
    <li className={`facet-value${selected ? ' selected' : ''}`} data-testid="facet-value" data-value={value ?? ''} data-count={count} data-missing={value === null ? 'true' : undefined}>
      <button
        type="button"
        className="facet-value-main"
        aria-pressed={selected}
        title={`${label}: ${formatCount(count)} rows — click to show only these, Ctrl- or Shift-click to add`}
        onClick={(e) => onPick(e.ctrlKey || e.metaKey || e.shiftKey)}
      >
        <span className="facet-check" aria-hidden="true" />
        <ValueText value={value} className="facet-label" />
        <span className="facet-count">{formatCount(count)}</span>
        <span className="facet-meter" aria-hidden="true">
          <span style={{ width: `${max ? Math.max(4, (count / max) * 100) : 0}%` }} />
        </span>
      </button>
      {onEdit ? (
        <button type="button" className="facet-edit" aria-label={`Edit ${label} everywhere`} title="Change this value in every row" onClick={() => setDraft(value ?? '')} data-testid="facet-edit">
          ✎
        </button>
      ) : null}
    </li>
  );
}
