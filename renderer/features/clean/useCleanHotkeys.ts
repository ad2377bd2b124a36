// Undo and redo from the keyboard on the dataset screen: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y —
// except while typing (a text field keeps its own undo) or while a dialog is open.
import { useEffect } from 'react';
import { getUi } from './datasetUi';
import { redoStep, reportError, undoStep } from './operations';

function typing(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(t.type);
}

export function useCleanHotkeys(datasetId: number): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      const undo = key === 'z' && !e.shiftKey;
      if (!undo && !redo) return;
      e.preventDefault();
      e.stopPropagation();
      // Held keys repeat: one step per press; and one change at a time (the toolbar shows the running one).
      if (e.repeat || getUi(datasetId).busy) return;
      (undo ? undoStep(datasetId) : redoStep(datasetId)).catch(reportError);
    };
    // Capture phase, so the grid's own key handling cannot swallow the shortcut.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [datasetId]);
}
