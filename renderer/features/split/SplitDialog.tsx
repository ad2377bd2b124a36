// "Export splits": parts and shares, strategy, seed and format on the left; the live preview (rows,
// groups, class balance per part) and the leakage panel on the right; then progress with cancel,
// and the written manifest and datasheet.
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { SplitPreview } from '../../../shared/api/split';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { FolderBrowser } from '../catalog/FolderBrowser';
import { LeakagePanel } from './LeakagePanel';
import { PartsEditor } from './PartsEditor';
import { PreviewChart } from './PreviewChart';
import { selectRows } from './rowSelection';
import { SplitResult } from './SplitResult';
import { STRATEGIES, initialForm, specOf, type SplitForm } from './spec';
import { useSplitJob } from './useSplitJob';
import './split.css';

interface Props {
  dataset: Dataset;
  onClose: () => void;
}

/** The folder of the last split in this window: the next dialog starts there. */
let lastFolder = '';

export function SplitDialog({ dataset, onClose }: Props) {
  const [form, setForm] = useState<SplitForm>(initialForm);
  const [format, setFormat] = useState<'csv' | 'jsonl' | 'parquet'>('csv');
  const [folder, setFolder] = useState(lastFolder);
  const [browsePath, setBrowsePath] = useState(lastFolder);
  const [allowDirect, setAllowDirect] = useState(false);
  const [preview, setPreview] = useState<{ key: string; value: SplitPreview } | { key: string; error: string } | null>(null);
  const { state, job, start, cancel, back } = useSplitJob();
  const built = useMemo(() => specOf(dataset.name, form), [dataset.name, form]);
  const spec = 'spec' in built ? built.spec : null;
  const key = JSON.stringify(spec);
  const set = (patch: Partial<SplitForm>) => setForm((f) => ({ ...f, ...patch }));

  // The preview follows the form, a moment after the last change.
  useEffect(() => {
    if (!spec) return;
    let live = true;
    const t = setTimeout(() => {
      api['split.preview'](spec).then(
        (value) => live && setPreview({ key, value }),
        (e: unknown) => live && setPreview({ key, error: errorMessage(e) }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key]);

  const running = state.phase === 'running';
  const current = preview && preview.key === key ? preview : null;
  const canWrite = spec !== null && folder.trim() !== '' && current !== null && 'value' in current;
  const write = (force = false) => {
    if (!spec) return;
    lastFolder = folder.trim();
    void start({ ...spec, format, out: folder.trim(), allowDirect }, force);
  };
  const columnSelect = (value: string, onChange: (v: string) => void, label: string, testId: string) => (
    <label className="split-inline">
      <span className="split-col-label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">choose…</option>
        {dataset.columns.map((c) => (
          <option key={c.name} value={c.name}>{c.name}</option>
        ))}
      </select>
    </label>
  );

  const footer =
    state.phase === 'done' ? (
      <button type="button" className="button button-primary" onClick={onClose} data-testid="split-close">Close</button>
    ) : state.phase === 'confirm' ? (
      <>
        <button type="button" className="button button-secondary" onClick={back}>Keep the folder as it is</button>
        <button type="button" className="button button-danger" onClick={() => void start(state.request, true)} data-testid="split-replace">Replace the split in it</button>
      </>
    ) : running ? (
      <button type="button" className="button button-secondary" onClick={cancel} data-testid="split-cancel">Cancel split</button>
    ) : (
      <>
        <span className="foot-note">{'missing' in built ? built.missing : current && 'error' in current ? 'fix the split first' : ''}</span>
        <div className="spacer" />
        <button type="button" className="button button-secondary" onClick={onClose}>Cancel</button>
        <button type="button" className="button button-primary" disabled={!canWrite} onClick={() => write()} data-testid="split-write">Write split</button>
      </>
    );

  return (
    <Dialog title={`Export splits of ${dataset.name}`} onClose={running ? () => undefined : onClose} size="lg" footer={footer} testId="split-dialog">
      {state.phase === 'done' ? <SplitResult dir={state.outcome.dir} /> : null}
      {state.phase === 'confirm' ? (
        <div className="export-confirm" role="alertdialog" aria-label="Replace the split?" data-testid="split-confirm">
          <p>{state.message.replace(/; use --force.*$/, '.')}</p>
          <p className="muted">Replacing writes the new parts, DATASHEET.md and manifest.json and removes the parts of the earlier split; other files stay.</p>
        </div>
      ) : null}
      {running ? (
        <div className="export-progress" data-testid="split-progress">
          <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} label="Writing the split" />
          <div className="muted">{job?.message || 'Starting…'}</div>
        </div>
      ) : null}
      {state.phase === 'form' ? (
        <div className="split-form">
          <div className="split-main">
            <PartsEditor value={form.parts} rows={dataset.rows} onChange={(parts) => set({ parts })} />
            <fieldset className="split-field">
              <legend className="field-label">Strategy</legend>
              <select className="input" value={form.strategy} onChange={(e) => set({ strategy: e.target.value as SplitForm['strategy'] })} aria-label="Strategy" data-testid="split-strategy">
                {STRATEGIES.map((s) => (
                  <option key={s.value} value={s.value}>{s.label}</option>
                ))}
              </select>
              {form.strategy === 'stratified' || form.strategy === 'stratified-grouped' ? columnSelect(form.stratify, (stratify) => set({ stratify }), 'Stratify by', 'split-stratify') : null}
              {form.strategy === 'grouped' || form.strategy === 'stratified-grouped' ? columnSelect(form.group, (group) => set({ group }), 'Group by', 'split-group') : null}
              {form.strategy === 'chronological' ? (
                <>
                  {columnSelect(form.time, (time) => set({ time }), 'Time column', 'split-time')}
                  <label className="split-inline">
                    <span className="split-col-label">Gap</span>
                    <input className="input split-num" value={form.gap} placeholder="7d" onChange={(e) => set({ gap: e.target.value })} data-testid="split-gap" />
                  </label>
                </>
              ) : null}
              {form.strategy === 'clusters' ? <p className="muted">Groups are the cluster_id column of deduplication, or rows equal after normalising case and whitespace.</p> : null}
              <label className="split-inline">
                <span className="split-col-label">Seed</span>
                <input className="input split-num" value={form.seed} onChange={(e) => set({ seed: e.target.value })} data-testid="split-seed" />
              </label>
            </fieldset>
            <fieldset className="split-field">
              <legend className="field-label">Format</legend>
              <div className="split-inline">
                {(['csv', 'jsonl', 'parquet'] as const).map((f) => (
                  <label className="check-label" key={f}>
                    <input type="radio" name="split-format" checked={format === f} onChange={() => setFormat(f)} data-testid={`split-format-${f}`} />
                    {f === 'csv' ? 'CSV' : f === 'jsonl' ? 'JSON Lines' : 'Parquet'}
                  </label>
                ))}
              </div>
              <label className="check-label">
                <input type="checkbox" checked={allowDirect} onChange={(e) => setAllowDirect(e.target.checked)} data-testid="split-allow-direct" />
                Write direct identifiers that are kept as they are
              </label>
            </fieldset>
            <label className="field-label" htmlFor="split-folder">Destination folder <span className="muted">(created if missing)</span></label>
            <input id="split-folder" className="input mono" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/folder" spellCheck={false} autoComplete="off" data-testid="split-folder" />
            <FolderBrowser path={browsePath} onNavigate={(p) => { setBrowsePath(p); setFolder(p); }} onChoose={(p) => setFolder(p)} includeHidden={false} />
            {state.note ? <div className="muted" role="status" data-testid="split-note">{state.note}</div> : null}
            {state.error ? <div className="error-panel" role="alert" data-testid="split-error">{state.error}</div> : null}
          </div>
          <div className="split-side">
            <h3 className="field-label">Preview</h3>
            {current && 'value' in current ? <PreviewChart preview={current.value} /> : null}
            {current && 'error' in current ? <div className="error-panel" role="alert" data-testid="split-preview-error">{current.error}</div> : null}
            {!current && spec ? <div className="muted">Computing the preview…</div> : null}
            <LeakagePanel spec={spec} column={dataset.columns[0]?.name ?? ''} onShowRows={(sel) => { selectRows(dataset.id, sel); onClose(); }} />
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
