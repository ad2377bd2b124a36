// Applies a recipe file: reads and checks it, lists the steps it will run, asks which of this dataset's
// columns stand for the ones it lacks, and replays it all or nothing as a job: "step n of N" with a bar,
// and a Cancel that leaves the dataset as it was.
import { useMemo, useRef, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { Recipe } from '../../../shared/ops/schema';
import { api, errorMessage } from '../../api';
import { useStore } from '../../app/store';
import { jobsStore } from '../../app/useJobs';
import { ProgressBar } from '../../components/ProgressBar';
import { Dialog } from '../../components/Dialog';
import { applyRecipe } from '../clean/operations';
import { plural } from '../clean/opText';
import { ColumnMapping } from './ColumnMapping';
import { opSummary } from './opSummary';
import { columnsOf, missingColumns } from '../../../shared/ops/columns';
import { guessColumn, readRecipe } from './recipeFile';

export function ApplyRecipeDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<string | null>(null);
  const [recipe, setRecipe] = useState<Recipe | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [map, setMap] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const jobs = useStore(jobsStore);
  const job = jobId ? (jobs.find((j) => j.id === jobId) ?? null) : null;
  const have = dataset.columns.map((c) => c.name);
  const missing = useMemo(() => (recipe ? missingColumns(recipe.operations, have) : []), [recipe, have.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  const unmapped = missing.filter((m) => !map[m]);

  const load = async (f: File | undefined) => {
    if (!f) return;
    setFile(f.name);
    setProblem(null);
    setRecipe(null);
    const r = readRecipe(await f.text());
    if (!r.ok) return setProblem(r.message);
    setRecipe(r.recipe);
    const guesses: Record<string, string> = {};
    for (const m of missingColumns(r.recipe.operations, have)) {
      const g = guessColumn(m, have);
      if (g) guesses[m] = g;
    }
    setMap(guesses);
  };

  const apply = async () => {
    if (!recipe || unmapped.length || busy) return;
    setBusy(true);
    setProblem(null);
    setCancelled(false);
    setCancelling(false);
    try {
      await applyRecipe(dataset.id, recipe, map, (j) => setJobId(j.id));
      onClose();
    } catch (e) {
      const m = errorMessage(e);
      if (m === 'Cancelled') setCancelled(true);
      else setProblem(`Nothing was applied: ${m}`);
      setBusy(false);
      setJobId(null);
    }
  };

  const cancel = () => {
    if (!jobId || cancelling) return;
    setCancelling(true);
    api['jobs.cancel']({ id: jobId }).catch((e) => setProblem(`Cannot cancel: ${errorMessage(e)}`));
  };
  const running = busy && job?.state === 'running';
  // The job reports "step n of N: …" (done = steps finished); before its first report it is starting.
  const stepText = cancelling ? 'Cancelling — taking back the steps applied so far…' : job?.message ? job.message.replace(/^step/, 'Step') : 'Starting…';

  const n = recipe?.operations.length ?? 0;
  return (
    <Dialog
      title={`Apply a recipe to ${dataset.name}`}
      onClose={busy ? () => undefined : onClose}
      size="lg"
      testId="apply-recipe-dialog"
      footer={
        <>
          <span className="foot-note" role="status">
            {busy ? (
              <>
                <span className="spinner" aria-hidden="true" /> Applying…
              </>
            ) : recipe && unmapped.length ? (
              `Choose a column for ${unmapped.join(', ')}.`
            ) : (
              ''
            )}
          </span>
          {busy ? (
            <button type="button" className="button button-secondary" onClick={cancel} disabled={!running || cancelling} data-testid="apply-recipe-cancel">
              Cancel
            </button>
          ) : (
            <button type="button" className="button button-secondary" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="button" className="button button-primary" disabled={!recipe || !n || unmapped.length > 0 || busy} onClick={() => void apply()} data-testid="apply-recipe-confirm">
            Apply {recipe ? plural(n, 'step') : ''}
          </button>
        </>
      }
    >
      <div
        className="file-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void load(e.dataTransfer.files[0]);
        }}
      >
        <button type="button" className="button button-secondary" onClick={() => input.current?.click()} data-autofocus>
          Choose a recipe file…
        </button>
        <span className="muted">{file ?? 'or drop a .json file here'}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="recipe-file"
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {busy ? (
        <div className="recipe-progress" data-testid="recipe-progress" data-done={job?.done ?? 0} data-total={job?.total ?? n}>
          <div className="recipe-progress-text" data-testid="recipe-progress-text">
            {stepText}
          </div>
          <ProgressBar done={job?.done ?? 0} total={job?.total || n} label="Recipe progress" />
        </div>
      ) : null}
      {cancelled ? (
        <div className="notice notice-info recipe-cancelled" role="status" data-testid="recipe-cancelled">
          Cancelled: nothing was applied, {dataset.name} is as it was.
        </div>
      ) : null}
      {problem ? (
        <div className="error-panel" role="alert" data-testid="recipe-error">
          {problem}
        </div>
      ) : null}
      {recipe ? (
        <>
          <h3 className="section-title">
            {plural(n, 'step')}
            {recipe.source?.dataset ? <span className="muted"> · saved from {recipe.source.dataset}</span> : null}
          </h3>
          <ol className="recipe-steps" data-testid="recipe-steps">
            {recipe.operations.map((op, i) => (
              <li
                key={i}
                className={`recipe-step${busy && job ? (i < job.done ? ' recipe-step-done' : i === job.done ? ' recipe-step-current' : '') : ''}`}
                data-testid="recipe-step"
              >
                <span className="recipe-op">{opSummary(op)}</span>
                {columnsOf(op).map((c) => (
                  <span key={c} className={`column-chip${missing.includes(c) ? (map[c] ? ' mapped' : ' missing') : ''}`} title={map[c] ? `${c} → ${map[c]}` : c}>
                    {map[c] ? `${c} → ${map[c]}` : c}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {missing.length ? <ColumnMapping missing={missing} columns={dataset.columns} map={map} onChange={setMap} /> : null}
        </>
      ) : null}
    </Dialog>
  );
}
