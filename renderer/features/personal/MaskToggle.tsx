// The toolbar toggle that shows cells of columns tagged `direct` masked in the grid (display only; the data is unchanged).
import { useStore } from '../../app/store';
import { personalStore, setMasked } from './tagStore';

export function MaskToggle({ dataset }: { dataset: string }) {
  const s = useStore(personalStore);
  const direct = (s.tags[dataset] ?? []).filter((r) => r.tag?.category === 'direct').length;
  const on = s.masked[dataset] ?? false;
  if (direct === 0 && !on) return null;
  return (
    <button
      type="button"
      className={`button button-secondary${on ? ' pressed' : ''}`}
      aria-pressed={on}
      aria-label={on ? 'Unmask direct identifiers' : 'Mask direct identifiers'}
      title={on ? 'Show the values of direct identifiers' : `Mask the cells of the ${direct} column${direct === 1 ? '' : 's'} tagged as direct identifiers`}
      onClick={() => setMasked(dataset, !on)}
      data-testid="toggle-mask"
    >
      <span aria-hidden="true" className="mask-icon">{on ? '◉' : '◎'}</span>
      <span className="mask-word">{on ? 'Unmask' : 'Mask'}</span>
      <span className="count">{direct}</span>
    </button>
  );
}
