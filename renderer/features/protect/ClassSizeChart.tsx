// A small bar chart of equivalence-class sizes: rows in classes of each size range, as is and after the
// export actions; ranges below k are drawn red.
import type { KanonStats } from '../../../shared/api/protect';
import { formatCount } from '../../components/format';

interface Props {
  before: KanonStats;
  after: KanonStats;
  k: number;
  generalised: boolean;
}

const rangeLabel = (from: number, to: number | null) => (to === null ? `${formatCount(from)}+` : from === to ? String(from) : `${from}–${to}`);

export function ClassSizeChart({ before, after, k, generalised }: Props) {
  const buckets = before.sizes.map((b, i) => ({ ...b, afterRows: after.sizes[i]?.rows ?? 0, afterClasses: after.sizes[i]?.classes ?? 0 }));
  const shown = buckets.filter((b) => b.rows > 0 || b.afterRows > 0);
  const max = Math.max(1, ...shown.map((b) => Math.max(b.rows, b.afterRows)));
  if (shown.length === 0) return null;
  return (
    <div className="class-chart" role="img" aria-label="Rows by equivalence-class size" data-testid="class-chart">
      <div className="class-chart-title">Rows by class size</div>
      {shown.map((b) => (
        <div key={b.from} className={`class-bar${b.from < k ? ' below' : ''}`} title={`classes of ${rangeLabel(b.from, b.to)} rows: ${formatCount(b.classes)} (${formatCount(b.rows)} rows) as is${generalised ? `, ${formatCount(b.afterClasses)} (${formatCount(b.afterRows)} rows) after` : ''}`}>
          <span className="class-bar-label">{rangeLabel(b.from, b.to)}</span>
          <span className="class-bar-tracks">
            <span className="class-bar-track">
              <span className="class-bar-fill" style={{ width: `${(100 * b.rows) / max}%` }} />
            </span>
            {generalised ? (
              <span className="class-bar-track">
                <span className="class-bar-fill after" style={{ width: `${(100 * b.afterRows) / max}%` }} />
              </span>
            ) : null}
          </span>
          <span className="class-bar-count">{generalised ? `${formatCount(b.rows)} → ${formatCount(b.afterRows)}` : formatCount(b.rows)}</span>
        </div>
      ))}
      <div className="class-legend">
        <span><i style={{ background: '#9db7ea' }} />as is</span>
        {generalised ? <span><i style={{ background: 'var(--accent)' }} />after actions</span> : null}
        <span><i style={{ background: 'var(--error)' }} />below k = {k}</span>
      </div>
    </div>
  );
}
