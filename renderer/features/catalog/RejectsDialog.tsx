// Lists the lines an import skipped (line number, reason, raw text), a page at a time.
import { useEffect, useState } from 'react';
import type { Reject } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../components/format';

const PAGE = 100;

export function RejectsDialog({ dataset, onClose }: { dataset: string; onClose: () => void }) {
  const [rows, setRows] = useState<Reject[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (offset: number) => {
    setBusy(true);
    try {
      const r = await api['rejects.list']({ dataset, offset, limit: PAGE });
      setTotal(r.total);
      setRows((prev) => (offset === 0 ? r.rejects : [...prev, ...r.rejects]));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void load(0);
  }, [dataset]);

  return (
    <Dialog
      title={`Rejected lines — ${dataset}`}
      onClose={onClose}
      size="lg"
      testId="rejects-dialog"
      footer={
        <>
          <span className="muted">{total === null ? '' : `${formatCount(rows.length)} of ${formatCount(total)} shown`}</span>
          <div className="spacer" />
          {total !== null && rows.length < total ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => load(rows.length)}>
              Load more
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
      {total === 0 ? <p className="muted">No lines were rejected.</p> : null}
      {rows.length > 0 ? (
        <table className="table rejects-table">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Reason</th>
              <th>Raw text</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.line}-${i}`} data-testid="reject-row">
                <td className="num">{r.line}</td>
                <td>{r.reason}</td>
                <td>
                  <code className="raw">{r.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Dialog>
  );
}
