// A small badge naming a column's inferred type in text (`123`, `1.5`, `abc`, a drawn calendar for dates).
import type { ColumnType } from '../../shared/api/catalog';

const LABELS: Record<ColumnType, string> = {
  empty: '∅',
  boolean: 'y/n',
  integer: '123',
  decimal: '1.5',
  date: '',
  datetime: '',
  text: 'abc',
};

const TITLES: Record<ColumnType, string> = {
  empty: 'Empty column',
  boolean: 'Boolean',
  integer: 'Integer',
  decimal: 'Decimal',
  date: 'Date',
  datetime: 'Date and time',
  text: 'Text',
};

export function typeTitle(type: ColumnType): string {
  return TITLES[type];
}

export function TypeBadge({ type }: { type: ColumnType }) {
  const dated = type === 'date' || type === 'datetime';
  return (
    <span className={`type-badge type-${type}`} title={TITLES[type]} aria-label={TITLES[type]} data-type={type}>
      {dated ? <span className="cal" aria-hidden="true" /> : LABELS[type]}
      {type === 'datetime' ? <span className="cal-t">t</span> : null}
    </span>
  );
}
