// "Export…" for the dataset on screen: the toolbar button, File → Export… in the desktop app, and the dialog.
import { useEffect, useState } from 'react';
import type { Filter, Sort } from '../../../shared/api/contract';
import { api } from '../../api';
import { useDatasets } from '../../app/useDatasets';
import { useDatasetUi } from '../clean/datasetUi';
import { gridSort } from '../grid/gridHandle';
import { ExportDialog } from './ExportDialog';

interface Props {
  datasetId: number;
  /** The grid's filters and the facet selections. */
  filters: Filter[];
}

export function ExportButton({ datasetId, filters }: Props) {
  const { list } = useDatasets();
  const dataset = list.find((d) => d.id === datasetId);
  const matching = useDatasetUi(datasetId, 'matching');
  const busy = useDatasetUi(datasetId, 'busy');
  // The sort is read from the grid when the dialog opens: the export takes the view as it is then.
  const [open, setOpen] = useState<{ sort: Sort[] } | null>(null);
  const show = () => setOpen({ sort: gridSort(datasetId) });
  useEffect(() => api.on('app.command', (c) => c.command === 'export' && setOpen((o) => o ?? { sort: gridSort(datasetId) })), [datasetId]);
  if (!dataset) return null;
  return (
    <>
      <button type="button" className="button button-secondary" onClick={show} disabled={!!busy} data-testid="export-open">
        Export…
      </button>
      {open ? <ExportDialog dataset={dataset} filters={filters} sort={open.sort} matching={matching} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
