// Which column's "Cluster and edit" dialog is open on the dataset screen (one at a time).
import { createStore, useStore } from '../../app/store';

export const clusterDialogStore = createStore<{ column: string } | null>(null);

export function openClusterDialog(column: string): void {
  clusterDialogStore.set({ column });
}

export function closeClusterDialog(): void {
  clusterDialogStore.set(null);
}

export function useClusterDialog(): { column: string } | null {
  return useStore(clusterDialogStore);
}
