// The inside of a column header: the type badge, the name, and the ▾ button that opens the cleaning menu.
import { useEffect, useRef } from 'react';
import type { CustomInnerHeaderProps } from 'ag-grid-react';
import type { ColumnType } from '../../../shared/api/catalog';
import { TypeBadge } from '../../components/TypeBadge';
import { openColumnMenu, useColumnMenu } from '../clean/columnMenuStore';
import { PdBadge } from '../personal/PdBadge';

export interface HeaderLabelParams {
  type: ColumnType;
  unit: string;
  /** The dataset, for the column's personal-data badge. */
  dataset?: string;
}

const STOPPED = ['pointerdown', 'mousedown', 'touchstart', 'click', 'dblclick'] as const;

export function HeaderLabel(props: CustomInnerHeaderProps & HeaderLabelParams) {
  const colId = props.column.getColId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useColumnMenu();

  // Native listeners: ag-grid sorts on a click and starts a column drag on a press in the header, both with
  // its own listeners on the header elements, which React's delegated handlers would reach too late to stop.
  useEffect(() => {
    const el = button.current;
    if (!el) return;
    const stop = (e: Event) => {
      e.stopPropagation();
      // No focus on press: focusing inside the header would make ag-grid scroll the column into view.
      if (e.type === 'mousedown') e.preventDefault();
      if (e.type === 'click') {
        e.preventDefault();
        openColumnMenu(colId, el);
      }
    };
    for (const t of STOPPED) el.addEventListener(t, stop);
    return () => {
      for (const t of STOPPED) el.removeEventListener(t, stop);
    };
  }, [colId]);

  return (
    <span className="header-label" data-col={colId}>
      <TypeBadge type={props.type} />
      {props.dataset ? <PdBadge dataset={props.dataset} column={colId} /> : null}
      <span className="header-name">{props.displayName}</span>
      {props.unit ? <span className="header-unit">{props.unit}</span> : null}
      <button
        ref={button}
        type="button"
        className="header-menu-button"
        tabIndex={-1}
        aria-label={`Clean ${props.displayName}`}
        aria-haspopup="menu"
        aria-expanded={menu?.column === colId}
        title="Clean, facet or change this column (Alt+↓)"
        data-testid="column-menu-button"
      >
        <span aria-hidden="true">▾</span>
      </button>
    </span>
  );
}
