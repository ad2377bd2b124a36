// One column in the metadata panel: name and type, and editable description and unit.
import type { Column } from '../../../shared/api/catalog';
import { TypeBadge, typeTitle } from '../../components/TypeBadge';
import { EditableText } from './EditableText';

interface Props {
  column: Column;
  onSave: (patch: { description?: string; unit?: string }) => Promise<void>;
}

export function ColumnMeta({ column, onSave }: Props) {
  const d = column.detail;
  return (
    <li className="column-meta" data-testid="column-meta" data-column={column.name}>
      <div className="column-meta-head">
        <TypeBadge type={column.type} />
        <span className="column-meta-name" title={column.originalName !== column.name ? `In file: ${column.originalName}` : column.name}>
          {column.name}
        </span>
        <span className="muted small">
          {typeTitle(column.type).toLowerCase()}
          {d?.formats?.length ? ` · ${d.formats.join(', ')}` : ''}
          {d && d.empty > 0 ? ` · ${d.empty.toLocaleString('en-US')} empty` : ''}
        </span>
      </div>
      <div className="column-meta-fields">
        <EditableText
          label={`Description of ${column.name}`}
          placeholder="Description"
          value={column.description}
          onSave={(description) => onSave({ description })}
          className="grow"
          testId="column-description"
        />
        <EditableText
          label={`Unit of ${column.name}`}
          placeholder="Unit"
          value={column.unit}
          onSave={(unit) => onSave({ unit })}
          className="unit-input"
          testId="column-unit"
        />
      </div>
    </li>
  );
}
