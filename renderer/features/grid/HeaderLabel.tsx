// The inside of a column header: the type badge and the name; sort, filter and menu stay ag-grid's own.
import type { CustomInnerHeaderProps } from 'ag-grid-react';
import type { ColumnType } from '../../../shared/api/catalog';
import { TypeBadge } from '../../components/TypeBadge';

export interface HeaderLabelParams {
  type: ColumnType;
  unit: string;
}

export function HeaderLabel(props: CustomInnerHeaderProps & HeaderLabelParams) {
  return (
    <span className="header-label" data-col={props.column.getColId()}>
      <TypeBadge type={props.type} />
      <span className="header-name">{props.displayName}</span>
      {props.unit ? <span className="header-unit">{props.unit}</span> : null}
    </span>
  );
}
