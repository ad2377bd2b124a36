// App-wide UI state that several places change: whether the scan dialog is open.
import { createStore, useStore } from './store';

export const scanDialogStore = createStore<{ open: boolean }>({ open: false });

export function openScanDialog(): void {
  scanDialogStore.set({ open: true });
}

export function closeScanDialog(): void {
  scanDialogStore.set({ open: false });
}

export function useScanDialog(): { open: boolean } {
  return useStore(scanDialogStore);
}
