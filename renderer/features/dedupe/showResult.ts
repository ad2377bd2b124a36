// After a resolve or an added key: back to the dataset's grid with the history open and the new
// column scrolled into view (once the grid has it).
import { navigate } from '../../app/useRoute';
import { revealColumn } from '../grid/gridHandle';
import { setPanels } from '../grid/panelStore';

export function showNewColumn(dataset: { id: number; name: string }, column: string | null): void {
  setPanels({ right: 'history' });
  navigate({ name: 'dataset', dataset: dataset.name });
  if (!column) return;
  const until = performance.now() + 4000;
  const tick = () => {
    if (!revealColumn(dataset.id, column) && performance.now() < until) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
