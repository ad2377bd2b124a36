// App-wide keyboard shortcuts: Ctrl/Cmd+K focuses search, Ctrl/Cmd+O opens the scan dialog.
import { useEffect } from 'react';
import { openScanDialog } from './ui';

export const SEARCH_INPUT_ID = 'dataset-search';

export function useHotkeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'k') {
        e.preventDefault();
        const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
      } else if (key === 'o') {
        e.preventDefault();
        openScanDialog();
      }
    };
    // Capture phase, so the grid's own key handling cannot swallow the shortcuts.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** How the modifier key is written on this platform. */
export const MOD_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
