// What a link result is for: export the link table (a_key,b_key,score) as CSV, or add the other
// dataset's key to this one as a column (a history step).
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { formatCount } from '../../components/format';
import { toast } from '../../components/toastStore';
import { ColumnSelect } from './ColumnSelect';
import { runHistoryStep } from './resolveStep';

interface Props {
  result: string;
  dataset: Dataset;
  other: Dataset | null;
  threshold: number;
  links: number | null;
  keyA: string | null;
  keyB: string | null;
  onAdded: (column: string) => void;
}

/** The folder of a file path (either separator). */
function folderOf(p: string | null): string {
  if (!p) return '';
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i > 0 ? p.slice(0, i + 1) : '';
}

export function LinkResults({ result, dataset, other, threshold, links, keyA, keyB: keyB0, onAdded }: Props) {
  const [out, setOut] = useState(() => `${folderOf(dataset.source.path)}${dataset.name}-${other?.name ?? 'b'}-links.csv`);
  const [keyB, setKeyB] = useState(keyB0 ?? other?.columns[0]?.name ?? '');
  const [column, setColumn] = useState(() => `${other?.name ?? 'b'}_${keyB0 ?? other?.columns[0]?.name ?? 'key'}`);
  const [busy, setBusy] = useState<'export' | 'add' | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; replace?: boolean } | null>(null);

  const exportTable = async (force = false) => {
    setBusy('export');
    setMessage(null);
    try {
      const r = await api['dedupe.linkExport']({ result, threshold, out: out.trim(), keyA: keyA ?? undefined, keyB: keyB || undefined, force });
      setMessage({ kind: 'ok', text: `Wrote ${formatCount(r.pairs)} links to ${r.file}` });
    } catch (e) {
      const text = errorMessage(e);
      setMessage({ kind: 'error', text, replace: /exists/i.test(text) && !force });
    } finally {
      setBusy(null);
    }
  };

  const addKey = async () => {
    setBusy('add');
    setMessage(null);
    try {
      await runHistoryStep(dataset.id, `Adding ${column.trim()}…`, () => api['dedupe.linkAddKey']({ result, threshold, keyB, column: column.trim() || undefined }));
      onAdded(column.trim() || `${other?.name ?? 'b'}_${keyB}`);
    } catch (e) {
      toast('error', errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="link-results" aria-label="Use the links" data-testid="link-results">
      <div className="section-head">
        <h2>Use the links</h2>
        <span className="muted">
          {formatCount(links)} links at threshold {threshold.toFixed(2)}, each record linked at most once
        </span>
      </div>
      <div className="field-row">
        <label className="field-label" htmlFor="link-out">
          Link table (a_key,b_key,score)
        </label>
        <input id="link-out" className="input mono grow" value={out} onChange={(e) => setOut(e.target.value)} spellCheck={false} data-testid="link-out" />
        <button type="button" className="button button-secondary" disabled={!out.trim() || busy !== null || !links} onClick={() => void exportTable()} data-testid="link-export">
          {busy === 'export' ? 'Writing…' : 'Export CSV'}
        </button>
      </div>
      <div className="field-row">
        <label className="field-label" htmlFor="link-key-b">
          Add {other?.name ?? 'B'}&apos;s
        </label>
        <ColumnSelect id="link-key-b" columns={(other?.columns ?? []).map((c) => c.name)} value={keyB} onChange={(c) => setKeyB(c ?? '')} testId="link-key-b-column" />
        <label className="field-label" htmlFor="link-add-name">
          to {dataset.name} as
        </label>
        <input id="link-add-name" className="input mono link-add-name" value={column} onChange={(e) => setColumn(e.target.value)} data-testid="link-add-name" />
        <button type="button" className="button button-primary" disabled={!keyB || busy !== null || !links} onClick={() => void addKey()} data-testid="link-add-key">
          {busy === 'add' ? 'Adding…' : 'Add column'}
        </button>
      </div>
      {message ? (
        <div className={message.kind === 'ok' ? 'muted' : 'error-panel'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="link-message">
          {message.text}
          {message.replace ? (
            <button type="button" className="button button-danger button-xs link-message-replace" onClick={() => void exportTable(true)} data-testid="link-export-replace">
              Replace it
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
