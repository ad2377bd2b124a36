// The history side panel: every step with what it changed, the current one marked, undone ones grey;
// a click goes to that step. Undo/redo, and saving or applying the history as a recipe.
import type { Dataset } from '../../../shared/api/catalog';
import { MOD_KEY } from '../../app/useHotkeys';
import { useDatasetUi } from '../clean/datasetUi';
import { openCleanDialog } from '../clean/dialogStore';
import { jumpToStep, redoStep, reportError, undoStep } from '../clean/operations';
import { HistoryStep } from './HistoryStep';
import { useHistory } from './useHistory';
import './history.css';

export function HistoryPanel({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const { entries, error } = useHistory(dataset.id, dataset.name);
  const busy = useDatasetUi(dataset.id, 'busy');
  const done = (entries ?? []).filter((e) => e.state === 'done');
  const position = done.at(-1)?.seq ?? 0;
  const canUndo = done.length > 0;
  const canRedo = (entries ?? []).some((e) => e.state === 'undone');
  const jump = (seq: number) => {
    if (seq !== position) jumpToStep(dataset.id, seq).catch(reportError);
  };

  // Arrow keys move between steps, as in a list.
  const onKeyDown = (e: React.KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.history-button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    e.preventDefault();
  };

  return (
    <aside className="side-panel history-panel" aria-label="History" data-testid="history-panel" data-position={position}>
      <header className="panel-head">
        <h2>History</h2>
        <div className="panel-tools">
          <button type="button" className="icon-button" aria-label="Undo" title={`Undo (${MOD_KEY}+Z)`} disabled={!canUndo || !!busy} onClick={() => undoStep(dataset.id).catch(reportError)} data-testid="history-undo">
            ↶
          </button>
          <button type="button" className="icon-button" aria-label="Redo" title={`Redo (${MOD_KEY}+Shift+Z)`} disabled={!canRedo || !!busy} onClick={() => redoStep(dataset.id).catch(reportError)} data-testid="history-redo">
            ↷
          </button>
          <button type="button" className="icon-button" aria-label="Close history" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <div className="panel-body history-body">
        {error ? <div className="error-panel">{error}</div> : null}
        {entries === null ? null : entries.length === 0 ? (
          <div className="panel-empty" data-testid="history-empty">
            <p>No operations yet — clean a column from its header menu.</p>
            <p className="muted small">Each operation becomes a step here. Undo with {MOD_KEY}+Z, redo with {MOD_KEY}+Shift+Z, or click a step to go back to it.</p>
          </div>
        ) : (
          <ol className="history-list" onKeyDown={onKeyDown} aria-label="Steps">
            <li className={`history-step history-origin${position === 0 ? ' current' : ''}`} data-testid="history-step" data-seq={0} aria-current={position === 0 ? 'step' : undefined}>
              <button type="button" className="history-button" onClick={() => jump(0)} disabled={!!busy} title="Go back to the data as imported">
                <span className="history-seq">0</span>
                <span className="history-text">
                  <span className="history-desc">Imported data</span>
                </span>
              </button>
            </li>
            {entries.map((e) => (
              <HistoryStep key={e.seq} entry={e} current={e.seq === position} disabled={!!busy} onJump={() => jump(e.seq)} />
            ))}
          </ol>
        )}
      </div>
      <footer className="panel-foot">
        <button type="button" className="button button-secondary" onClick={() => openCleanDialog({ kind: 'saveRecipe' })} disabled={!canUndo} data-testid="save-recipe" title={canUndo ? 'Save the applied steps as a recipe file' : 'Apply an operation first'}>
          Save recipe…
        </button>
        <button type="button" className="button button-secondary" onClick={() => openCleanDialog({ kind: 'applyRecipe' })} data-testid="apply-recipe">
          Apply recipe…
        </button>
      </footer>
    </aside>
  );
}
