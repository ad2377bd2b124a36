// A facet's list of values with counts; ↑/↓ move between them, Enter or Space picks.
import { FacetValueRow } from './FacetValueRow';

interface Props {
  values: { value: string | null; count: number }[];
  selected: readonly (string | null)[];
  onPick: (value: string | null, additive: boolean) => void;
  onEdit?: (from: string, to: string) => Promise<void>;
  label: string;
}

export function FacetValueList({ values, selected, onPick, onEdit, label }: Props) {
  const max = values.reduce((m, v) => Math.max(m, v.count), 0);
  const onKeyDown = (e: React.KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.facet-value-main')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    e.preventDefault();
  };
  return (
    <ul className="facet-values" aria-label={label} onKeyDown={onKeyDown}>
      {values.map((v) => (
        <FacetValueRow
          key={v.value ?? '\u0000missing'}
          value={v.value}
          count={v.count}
          max={max}
          selected={selected.includes(v.value)}
          onPick={(additive) => onPick(v.value, additive)}
          onEdit={onEdit && v.value !== null ? (to) => onEdit(v.value as string, to) : undefined}
        />
      ))}
    </ul>
  );
}
