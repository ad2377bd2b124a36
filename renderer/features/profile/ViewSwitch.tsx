// Grid, Profile or Drift: what the middle of the dataset screen shows.
import { setViewMode, useViewMode, type DatasetViewMode } from './profileStore';

const MODES: Array<[DatasetViewMode, string, string]> = [
  ['grid', 'Grid', 'The rows'],
  ['profile', 'Profile', 'Statistics and histograms of every column'],
  ['drift', 'Drift', 'Compare the distributions with another dataset'],
];

export function ViewSwitch({ datasetId }: { datasetId: number }) {
  const mode = useViewMode(datasetId);
  return (
    <div className="button-group" role="group" aria-label="View">
      {MODES.map(([m, label, title]) => (
        <button key={m} type="button" className={`button button-secondary${mode === m ? ' pressed' : ''}`} aria-pressed={mode === m} title={title} onClick={() => setViewMode(datasetId, m)} data-testid={`view-${m}`}>
          {label}
        </button>
      ))}
    </div>
  );
}
