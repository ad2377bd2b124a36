// The audit log of erasures (who, when, why, how many rows per dataset, the value's SHA-256) and the export log.
import { useEffect, useState } from 'react';
import type { AuditEntry, ExportLogEntry } from '../../../shared/api/erase';
import { api, errorMessage } from '../../api';
import { formatCount, formatDateTime } from '../../components/format';

/** "3 rows deleted", "1 cell blanked". */
function describe(mode: AuditEntry['mode'], d: AuditEntry['datasets'][number]): string {
  const n = mode === 'delete' ? d.rows : d.cells;
  return `${d.dataset}: ${formatCount(n)} ${mode === 'delete' ? 'row' : 'cell'}${n === 1 ? '' : 's'} ${mode === 'delete' ? 'deleted' : 'blanked'}`;
}

export function AuditLogView() {
  const [data, setData] = useState<{ entries: AuditEntry[]; exports: ExportLogEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['audit.list']({}).then(setData, (e) => setError(errorMessage(e)));
  }, []);
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!data) return <div className="screen-loading" aria-busy="true" />;
  return (
    <div className="audit" data-testid="audit-log">
      <h2>Erasures</h2>
      {data.entries.length === 0 ? <p className="muted">No erasure recorded yet.</p> : (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>#</th><th>when</th><th>who</th><th>reason</th><th>what</th><th>value (SHA-256)</th><th>state</th></tr></thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id} data-testid={`audit-entry-${e.id}`}>
                  <td className="num">{e.id}</td>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.user}</td>
                  <td className="audit-reason">{e.reason}</td>
                  <td>{e.datasets.length ? e.datasets.map((d) => describe(e.mode, d)).join('; ') : <span className="muted">no match</span>}{e.column ? <span className="muted"> (column {e.column})</span> : null}</td>
                  <td className="path audit-hash" title={e.valueSha256}>{e.valueSha256.slice(0, 12)}…</td>
                  <td>{e.state === 'done' ? <span className="status-ok">done</span> : <span className="status-warn">{e.state}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Exports</h2>
      {data.exports.length === 0 ? <p className="muted">No export recorded yet.</p> : (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>when</th><th>dataset</th><th>file</th><th className="num">rows</th></tr></thead>
            <tbody>
              {data.exports.map((x) => (
                <tr key={x.id}><td>{formatDateTime(x.at)}</td><td>{x.dataset}</td><td className="path">{x.path}</td><td className="num">{formatCount(x.rows)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
