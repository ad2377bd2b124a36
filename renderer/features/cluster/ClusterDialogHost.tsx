// Hosts the "Cluster and edit" dialog on the dataset screen when one is open for a column that exists.
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import { ClusterDialog } from './ClusterDialog';
import { closeClusterDialog, useClusterDialog } from './clusterStore';

/** `filters`: the grid's filters and facet selections; the dialog clusters and merges in those rows. */
export function ClusterDialogHost({ dataset, filters }: { dataset: Dataset; filters: readonly Filter[] }) {
  const open = useClusterDialog();
  if (!open || !dataset.columns.some((c) => c.name === open.column)) return null;
  // Keyed so that another column opens on fresh state.
  return <ClusterDialog key={`${dataset.id}:${open.column}`} dataset={dataset} column={open.column} filters={filters} onClose={closeClusterDialog} />;
}
