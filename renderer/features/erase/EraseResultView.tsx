// What an erasure did: per dataset the rows or cells, the earlier steps that lost their undo data, the
// byte-level check of the files, and the exports made earlier that may hold the subject.
import type { EraseResult } from '../../../shared/api/erase';
import { formatCount, formatDateTime } from '../../components/format';

export function EraseResultView({ result: r, onShowAudit }: { result: EraseResult; onShowAudit: () => void }) {
  return (
    <section className="erase-result" data-testid="erase-result" aria-label="Erasure result">
      <p className={r.purge.verified ? 'erase-ok' : 'erase-warn'} role="status">
        {r.datasets.length === 0 ? 'Nothing matched; the search is recorded in the audit log.' : r.purge.verified
          ? 'Erased. The files were wiped and checked byte by byte: the value is in none of them.'
          : 'Erased, but the value still appears in the workspace files (inside longer text, or a reader held a file open). Opening the audit log retries the purge.'}
        {' '}<button type="button" className="link-button" onClick={onShowAudit} data-testid="erase-show-audit">Audit entry #{r.auditId}</button>
      </p>
      {r.datasets.length ? (
        <table className="table erase-result-table">
          <thead><tr><th>dataset</th><th className="num">{r.mode === 'delete' ? 'rows deleted' : 'cells blanked'}</th><th className="num">hidden cells</th><th className="num">rejected lines</th><th>steps that can no longer be undone</th></tr></thead>
          <tbody>
            {r.datasets.map((d) => (
              <tr key={d.dataset} data-testid={`erase-result-${d.dataset}`}>
                <td className="strong">{d.dataset}</td>
                <td className="num">{formatCount(r.mode === 'delete' ? d.rows : d.cells)}</td>
                <td className="num">{formatCount(d.hiddenCells)}</td>
                <td className="num">{formatCount(d.rejects)}</td>
                <td>{d.purgedSteps.length ? d.purgedSteps.map((s) => `#${s}`).join(', ') : <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.exports.length ? (
        <div className="erase-exports" data-testid="erase-exports">
          <h3>Re-issue these exports</h3>
          <p className="muted small">They were made from these datasets before the erasure and may hold the subject.</p>
          <ul>
            {r.exports.map((e) => <li key={e.id}><span className="path">{e.path}</span> <span className="muted">— {e.dataset}, {formatCount(e.rows)} rows, {formatDateTime(e.at)}</span></li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
