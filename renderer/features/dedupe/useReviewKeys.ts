// Keyboard review: ↑/↓ move between clusters, ←/→ choose the record compared with the first, Y marks
// a match, N not a match, S splits the chosen record off its cluster.
// Keys typed into a field or while a dialog is open are left alone.
import { useEffect, useRef } from 'react';

export interface ReviewKeyHandlers {
  up: () => void;
  down: () => void;
  left?: () => void;
  right?: () => void;
  match: () => void;
  nonMatch: () => void;
  split: () => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // A range slider is an input too, but arrows there move the threshold, and letters are free.
  return target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'checkbox' && target.type !== 'radio';
}

export function useReviewKeys(handlers: ReviewKeyHandlers, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (typing(e.target) || document.querySelector('dialog[open]')) return;
      const onRange = e.target instanceof HTMLInputElement && e.target.type === 'range';
      const h = ref.current;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'ArrowUp' && !onRange) h.up();
      else if (key === 'ArrowDown' && !onRange) h.down();
      else if (key === 'ArrowLeft' && !onRange && h.left) h.left();
      else if (key === 'ArrowRight' && !onRange && h.right) h.right();
      // A held key repeats: arrows may run down the list, but one decision per press.
      else if ((key === 'y' || key === 'n' || key === 's') && e.repeat) return;
      else if (key === 'y') h.match();
      else if (key === 'n') h.nonMatch();
      else if (key === 's') h.split();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
