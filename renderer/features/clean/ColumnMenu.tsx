// The cleaning menu of one column, under its header's ▾ button: facets, value operations, column operations.
import { Menu } from '../../components/Menu';
import { addFacet } from '../facets/facetStore';
import { isPinned, setPinned } from '../grid/gridHandle';
import { setPanels } from '../grid/panelStore';
import { COLUMN_MENU, FACET_ENTRIES, type DialogOp } from './actions';
import { closeColumnMenu, useColumnMenu } from './columnMenuStore';
import { openCleanDialog } from './dialogStore';
import { openClusterDialog } from '../cluster/clusterStore';

export function ColumnMenu({ datasetId }: { datasetId: number }) {
  const open = useColumnMenu();
  if (!open) return null;
  const pinned = isPinned(datasetId, open.column);
  const entries = COLUMN_MENU.map((e) => (e.kind === 'item' && e.id === 'pin' && pinned ? { ...e, label: 'Unpin' } : e));

  const onSelect = (id: string) => {
    closeColumnMenu();
    const facet = FACET_ENTRIES[id];
    if (facet) {
      addFacet(datasetId, facet, open.column);
      setPanels({ facets: true });
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="facet"][data-column="${CSS.escape(open.column)}"][data-kind="${facet}"]`)?.focus());
    } else if (id === 'pin') setPinned(datasetId, open.column, !pinned);
    else if (id === 'reorder') openCleanDialog({ kind: 'reorder' });
    else if (id === 'cluster') openClusterDialog(open.column);
    else openCleanDialog({ kind: 'op', op: id as DialogOp, column: open.column });
  };

  return (
    <Menu
      label={`Column ${open.column}`}
      entries={entries}
      anchor={open.anchor}
      onSelect={onSelect}
      onClose={() => {
        closeColumnMenu();
        open.returnFocus?.focus();
      }}
      testId="column-menu"
    />
  );
}
