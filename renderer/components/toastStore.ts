// Transient messages (errors and confirmations) shown in the corner; any module may post one.
import { createStore } from '../app/store';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export const toastStore = createStore<Toast[]>([]);
let nextId = 1;

export function toast(kind: Toast['kind'], text: string, ms = kind === 'error' ? 7000 : 3500): void {
  const id = nextId++;
  toastStore.set((list) => [...list.slice(-4), { id, kind, text }]);
  window.setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  toastStore.set((list) => list.filter((t) => t.id !== id));
}
