// One dataset's matches: a checkbox to include it in the erasure, and its matching rows with the matching cells marked.
import type { EraseMatches } from '../../../shared/api/erase';
import { formatCount } from '../../components/format';
import { ValueText } from '../../components/ValueText';

interface Props {
  matches: EraseMatches;
  included: boolean;
  onToggle: (on: boolean) => void;
  onMore: () => void;
}

export function MatchGroup({ matches: d, included, onToggle, onMore }: Props) {
  return (
    <section className={`erase-group${included ? '' : ' is-excluded'}`} data-testid={`erase-group-${d.dataset}`} aria-label={`Matches in ${d.dataset}`}>
      <header className="erase-group-head">
        <label className="check-label">
          <input type="checkbox" checked={included} onChange={(e) => onToggle(e.target.checked)} data-testid={`erase-include-${d.dataset}`} />
          <strong>{d.dataset}</strong>
        </label>
        <span className="muted">
          {formatCount(d.rows)} row{d.rows === 1 ? '' : 's'}
          {d.matchedColumns.length ? ` · in ${d.matchedColumns.join(', ')}` : ''}
          {d.hiddenCells ? ` · ${formatCount(d.hiddenCells)} cell${d.hiddenCells === 1 ? '' : 's'} in hidden (dropped) columns, always blanked` : ''}
        </span>
        {d.mentions ? (
          <span className="warn-text" data-testid={`erase-mentions-${d.dataset}`}>
            {formatCount(d.mentions)} other cell{d.mentions === 1 ? '' : 's'} mention it inside longer text and will not be erased: edit {d.mentions === 1 ? 'it' : 'them'} first (find and replace)
          </span>
        ) : null}
      </header>
      {d.page.length ? (
        <div className="table-wrap erase-rows">
          <table className="table">
            <thead>
              <tr>
                <th className="num">row</th>
                {d.columns.map((c) => <th key={c} className={d.matchedColumns.includes(c) ? 'erase-hit-col' : undefined}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {d.page.map((r) => (
                <tr key={r.rid} data-rid={r.rid}>
                  <td className="num muted">{r.rid}</td>
                  {r.values.map((v, i) => (
                    <td key={i} className={r.matched.includes(d.columns[i]!) ? 'erase-hit' : undefined}><ValueText value={v} /></td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {d.page.length < d.rows ? (
        <button type="button" className="link-button erase-more" onClick={onMore}>
          Show more ({formatCount(d.rows - d.page.length)} left)
        </button>
      ) : null}
    </section>
  );
}
