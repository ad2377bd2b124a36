// The "Personal data" side panel: every column with its finding (kind, category, confidence, evidence),
// to confirm, change or mark not personal; detection can be run again from here.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { ColumnTagRow } from '../../../shared/api/detect';
import type { PdCategory, PdKind } from '../../../shared/api/personal';
import { api, errorMessage } from '../../api';
import { toast } from '../../components/toastStore';
import { PdRow } from './PdRow';
import { loadTags, personalStore, useTags } from './tagStore';
import './personal.css';

function countBy(rows: readonly ColumnTagRow[], category: PdCategory): number {
  return rows.filter((r) => r.tag?.category === category).length;
}

export function PersonalPanel({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const rows = useTags(dataset.name);
  const [running, setRunning] = useState(false);

  const detect = async () => {
    setRunning(true);
    try {
      const job = await api['jobs.detect']({ dataset: dataset.name });
      // The job's end emits datasets.changed, which reloads the tags; wait for it here to show the spinner.
      await new Promise<void>((resolve) => {
        const off = api.on('job.end', (j) => {
          if (j.id !== job.id) return;
          off();
          if (j.state === 'failed') toast('error', `Detection failed: ${j.error?.message ?? 'unknown error'}`);
          resolve();
        });
      });
      await loadTags(dataset.name);
    } catch (e) {
      toast('error', `Detection not started: ${errorMessage(e)}`);
    } finally {
      setRunning(false);
    }
  };

  const save = async (column: string, kind: PdKind, category: PdCategory) => {
    try {
      const tag = await api['tags.set']({ dataset: dataset.name, column, kind, category });
      personalStore.set((s) => ({ ...s, tags: { ...s.tags, [dataset.name]: (s.tags[dataset.name] ?? []).map((r) => (r.column === column ? { ...r, tag } : r)) } }));
    } catch (e) {
      toast('error', `Tag of ${column} not saved: ${errorMessage(e)}`);
    }
  };

  const review = rows?.filter((r) => r.tag?.status === 'suggested' && r.tag.category !== 'none').length ?? 0;
  return (
    <aside className="side-panel personal-panel" aria-label="Personal data" data-testid="personal-panel">
      <header className="panel-head">
        <h2>Personal data</h2>
        <div className="panel-tools">
          <button type="button" className="link-button" onClick={() => void detect()} disabled={running} data-testid="pd-detect">
            {running ? 'Detecting…' : 'Detect again'}
          </button>
          <button type="button" className="icon-button" aria-label="Close personal data" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <div className="panel-body pd-body">
        {rows === null ? (
          <p className="panel-empty">Loading…</p>
        ) : rows.every((r) => r.tag === null) ? (
          <div className="panel-empty">
            <p>No column has been checked yet. Detection runs after each import; run it now to check every column.</p>
          </div>
        ) : (
          <>
            <p className="pd-summary" data-testid="pd-summary">
              <span className="pd-count pd-direct">{countBy(rows, 'direct')} direct</span>
              <span className="pd-count pd-quasi">{countBy(rows, 'quasi')} quasi</span>
              <span className="pd-count pd-special">{countBy(rows, 'special')} special</span>
              {review ? <span className="pd-review">{review} to review</span> : <span className="pd-review done">all reviewed</span>}
            </p>
            <ul className="pd-list">
              {rows.map((r) => (
                <PdRow key={r.column} row={r} onSave={(kind, category) => save(r.column, kind, category)} />
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}
