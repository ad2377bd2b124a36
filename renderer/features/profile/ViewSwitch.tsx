// Grid or Profile: what the middle of the dataset screen shows (Drift opens from the Profile view).
import { setViewMode, useViewMode, type DatasetViewMode } from './profileStore';

const MODES: Array<[DatasetViewMode, string, string]> = [
  ['grid', 'Grid', 'The rows'],
  ['profile', 'Profile', 'Statistics and histograms of every column'],
];

export function ViewSwitch({ datasetId }: { datasetId: number }) {
  const current = useViewMode(datasetId);
  const mode = current === 'drift' ? 'profile' : current;
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
