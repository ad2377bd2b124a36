// Which side panels of the dataset screen are open: facets on the left, history or details on the right.
// Remembered across reloads.
import { createStore, useStore } from '../../app/store';

export type RightPanel = 'details' | 'history' | 'personal' | 'protection' | 'none';
export interface Panels {
  facets: boolean;
  right: RightPanel;
}

const KEY = 'tidyset.panels';
const LEGACY_DETAILS_KEY = 'tidyset.detailsPanel';

function load(): Panels {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Panels> | null;
    if (saved && (saved.right === 'details' || saved.right === 'history' || saved.right === 'personal' || saved.right === 'protection' || saved.right === 'none')) return { facets: !!saved.facets, right: saved.right };
  } catch {
    // unreadable: fall back to the defaults
  }
  return { facets: false, right: localStorage.getItem(LEGACY_DETAILS_KEY) === 'closed' ? 'none' : 'details' };
}

export const panelStore = createStore<Panels>(load());
panelStore.subscribe(() => localStorage.setItem(KEY, JSON.stringify(panelStore.get())));

export function setPanels(patch: Partial<Panels>): void {
  panelStore.set((p) => ({ ...p, ...patch }));
}

/** Opens the right panel `which`, or closes it if it is the one open. */
export function toggleRight(which: Exclude<RightPanel, 'none'>): void {
  panelStore.set((p) => ({ ...p, right: p.right === which ? 'none' : which }));
}

export function usePanels(): Panels {
  return useStore(panelStore);
}
