// Transient messages (errors and confirmations) shown in the corner; any module may post one, optionally with one action.
import { createStore } from '../app/store';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
  action?: ToastAction;
}

export const toastStore = createStore<Toast[]>([]);
let nextId = 1;

/** Posts a toast; returns its id. A toast with an action stays a little longer, to leave time to use it. */
export function toast(kind: Toast['kind'], text: string, ms?: number, action?: ToastAction): number {
  const id = nextId++;
  const life = ms ?? (kind === 'error' ? 7000 : action ? 6000 : 3500);
  // An older toast's action (Undo, say) would act on the newest step, not its own: one action toast at a time.
  toastStore.set((list) => [...list.filter((t) => !(action && t.action)).slice(-3), { id, kind, text, action }]);
  window.setTimeout(() => dismissToast(id), life);
  return id;
}

export function dismissToast(id: number): void {
  toastStore.set((list) => list.filter((t) => t.id !== id));
}

/** Drops toasts that offer an action (Undo…): leaving the screen they act on makes them misleading. */
export function dismissActionToasts(): void {
  toastStore.set((list) => (list.some((t) => t.action) ? list.filter((t) => !t.action) : list));
}
