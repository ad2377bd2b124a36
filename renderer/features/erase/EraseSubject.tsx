// Erase a data subject: search a value in every dataset, look at every matching row, choose delete or
// blank and give a reason, confirm, and read what was done (and which earlier exports to re-issue).
import { useEffect, useMemo, useState } from 'react';
import type { EraseResult } from '../../../shared/api/erase';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../components/format';
import { refreshDatasets, useDatasets } from '../../app/useDatasets';
import { putJob, whenJobEnds } from '../../app/useJobs';
import { EraseResultView } from './EraseResultView';
import { MatchGroup } from './MatchGroup';
import { useEraseSearch } from './useEraseSearch';

export function EraseSubject({ onShowAudit }: { onShowAudit: () => void }) {
  const { list } = useDatasets();
  const [value, setValue] = useState('');
  const [column, setColumn] = useState('');
  const [dataset, setDataset] = useState('');
  const { result, busy, error, search, more, clear } = useEraseSearch();
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<'delete' | 'blank'>('delete');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [done, setDone] = useState<EraseResult | null>(null);

  useEffect(() => setExcluded(new Set()), [result?.query]);
  const chosen = useMemo(() => (result?.datasets ?? []).filter((d) => !excluded.has(d.dataset)), [result, excluded]);
  const rows = chosen.reduce((n, d) => n + d.rows, 0);
  const cells = chosen.reduce((n, d) => n + d.cells + d.hiddenCells, 0);

  const onSearch = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (value.trim()) void search({ value, column, dataset });
  };

  const erase = async () => {
    if (!result) return;
    setConfirming(false);
    setRunning(true);
    setRunError(null);
    try {
      const job = await api['jobs.erase']({
        value: result.query.value, column: result.query.column.trim() || undefined,
        datasets: chosen.map((d) => d.dataset), reason: reason.trim(), blank: mode === 'blank',
      });
      putJob(job);
      const end = await whenJobEnds(job);
      if (end.state !== 'done') throw new Error(end.error?.message ?? `the erasure ${end.state}`);
      setDone(end.outcome as unknown as EraseResult);
      clear();
      setReason('');
      await refreshDatasets();
    } catch (e) {
      setRunError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="erase" data-testid="erase">
      <form className="erase-search" onSubmit={onSearch} role="search" aria-label="Find a data subject">
        <div className="erase-field grow">
          <label className="field-label" htmlFor="erase-value">Value to find (id, email, phone, pseudonym ps_…)</label>
          <input id="erase-value" className="input mono" value={value} onChange={(e) => setValue(e.target.value)} placeholder="e.g. 19850101-2385" autoComplete="off" spellCheck={false} data-testid="erase-value" data-autofocus />
        </div>
        <div className="erase-field">
          <label className="field-label" htmlFor="erase-column">Column (optional)</label>
          <input id="erase-column" className="input" value={column} onChange={(e) => setColumn(e.target.value)} placeholder="any column" data-testid="erase-column" />
        </div>
        <div className="erase-field">
          <label className="field-label" htmlFor="erase-dataset">Datasets</label>
          <select id="erase-dataset" className="input" value={dataset} onChange={(e) => setDataset(e.target.value)} data-testid="erase-dataset">
            <option value="">All {formatCount(list.length)} datasets</option>
            {list.map((d) => <option key={d.name} value={d.name}>{d.name}</option>)}
          </select>
        </div>
        <button type="submit" className="button button-primary erase-go" disabled={busy || !value.trim()} data-testid="erase-search">
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      <p className="muted erase-hint">Matches cells equal to the value once trimmed; ids also without spaces and dashes, and personnummer in their 10- and 12-digit forms.</p>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      {runError ? <p className="error-text" role="alert" data-testid="erase-error">{runError}</p> : null}
      {done ? <EraseResultView result={done} onShowAudit={onShowAudit} /> : null}
      {result?.pseudonymOf ? (
        <p className="erase-pseudonym" data-testid="erase-pseudonym">
          {result.pseudonymOf.length
            ? <>This is a pseudonym of a value in {result.pseudonymOf.join(', ')}; the rows holding that value are shown below.</>
            : <>This pseudonym stands for no value of the pseudonymised columns here (made with another secret, or the value is gone).</>}
        </p>
      ) : null}
      {result && result.datasets.length === 0 ? (
        <p className="erase-none" data-testid="erase-none">No match in {formatCount(result.searched)} dataset{result.searched === 1 ? '' : 's'}.</p>
      ) : null}
      {result && result.datasets.length ? (
        <div className="erase-results">
          <div className="erase-groups" data-testid="erase-matches">
            {result.datasets.map((d) => (
              <MatchGroup key={d.dataset} matches={d} included={!excluded.has(d.dataset)} onMore={() => void more(d)}
                onToggle={(on) => setExcluded((s) => { const n = new Set(s); if (on) n.delete(d.dataset); else n.add(d.dataset); return n; })} />
            ))}
          </div>
          <aside className="erase-panel" aria-label="Erase">
            <h2>Erase</h2>
            <fieldset className="erase-mode">
              <legend className="field-label">What to do with the matches</legend>
              <label className="check-label"><input type="radio" name="erase-mode" checked={mode === 'delete'} onChange={() => setMode('delete')} data-testid="erase-mode-delete" /> Delete the rows</label>
              <label className="check-label"><input type="radio" name="erase-mode" checked={mode === 'blank'} onChange={() => setMode('blank')} data-testid="erase-mode-blank" /> Blank the matching cells</label>
            </fieldset>
            <label className="field-label" htmlFor="erase-reason">Reason (goes into the audit log)</label>
            <textarea id="erase-reason" className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. erasure request #123 of 2026-12-01" data-testid="erase-reason" />
            <p className="muted small">
              {mode === 'delete' ? `${formatCount(rows)} row${rows === 1 ? '' : 's'}` : `${formatCount(cells)} cell${cells === 1 ? '' : 's'}`} in {formatCount(chosen.length)} dataset{chosen.length === 1 ? '' : 's'}.
              The value is also purged from the undo data of earlier steps (they can no longer be undone) and wiped from the files. The audit log keeps a hash of the value, never the value.
            </p>
            <button type="button" className="button button-danger button-block" disabled={running || !reason.trim() || chosen.length === 0} onClick={() => setConfirming(true)} data-testid="erase-run">
              {running ? 'Erasing…' : 'Erase…'}
            </button>
          </aside>
        </div>
      ) : null}
      {confirming ? (
        <Dialog title="Erase this data subject?" onClose={() => setConfirming(false)} testId="erase-confirm"
          footer={<>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>Cancel</button>
            <button type="button" className="button button-danger" onClick={() => void erase()} data-testid="erase-confirm-run">
              {mode === 'delete' ? `Delete ${formatCount(rows)} row${rows === 1 ? '' : 's'}` : `Blank ${formatCount(cells)} cell${cells === 1 ? '' : 's'}`}
            </button>
          </>}>
          <p>
            {mode === 'delete' ? 'Delete' : 'Blank the matching cells of'} {formatCount(rows)} row{rows === 1 ? '' : 's'} in {chosen.map((d) => d.dataset).join(', ')}.
            This cannot be undone, and earlier history steps that held the subject will no longer be undoable.
          </p>
        </Dialog>
      ) : null}
    </div>
  );
}
