// Which cleaning dialog is open on the dataset screen (one at a time).
import { createStore, useStore } from '../../app/store';
import type { DialogOp } from './actions';

export type CleanDialog =
  | { kind: 'op'; op: DialogOp; column: string }
  | { kind: 'reorder' }
  | { kind: 'deleteRows' }
  | { kind: 'saveRecipe' }
  | { kind: 'applyRecipe' };

export const cleanDialogStore = createStore<CleanDialog | null>(null);

export function openCleanDialog(d: CleanDialog): void {
  cleanDialogStore.set(d);
}

export function closeCleanDialog(): void {
  cleanDialogStore.set(null);
}

export function useCleanDialog(): CleanDialog | null {
  return useStore(cleanDialogStore);
}
