// The split preview as a small chart: one bar per part, as long as its share of the rows, split into
// its class balance (stratified) — with rows, groups and time range beside it.
import type { SplitPreview } from '../../../shared/api/split';
import { formatCount } from '../../components/format';

const COLORS = ['#3b6fd8', '#e08a2e', '#3aa66a', '#c8456d', '#8a5cc9', '#2fa3b5', '#b5a02f', '#7b8794'];

function classLabel(l: string | null): string {
  return l === null ? '(missing)' : l === '' ? '(empty)' : l;
}

export function PreviewChart({ preview }: { preview: SplitPreview }) {
  const max = Math.max(1, ...preview.parts.map((p) => p.rows));
  const classes = preview.classes?.slice(0, COLORS.length - 1) ?? [];
  const colorOf = (label: string | null) => {
    const i = classes.findIndex((c) => c.label === label);
    return COLORS[i < 0 ? COLORS.length - 1 : i];
  };
  return (
    <div className="split-chart" data-testid="split-preview">
      <div className="muted split-chart-head">
        {preview.strategy.replace('-', ' + ')} · {formatCount(preview.rows)} rows
        {preview.excluded.gap || preview.excluded.unparseableTime ? ` · ${formatCount(preview.excluded.gap + preview.excluded.unparseableTime)} left out` : ''}
      </div>
      {preview.parts.map((p) => (
        <div className="split-bar-row" key={p.name} data-testid={`split-preview-${p.name}`}>
          <span className="split-bar-name mono">{p.name}</span>
          <div className="split-bar-track" aria-hidden="true">
            <div className="split-bar" style={{ width: `${(100 * p.rows) / max}%` }}>
              {p.classes && p.rows
                ? p.classes.map((c, i) => <span key={i} style={{ width: `${(100 * c.rows) / p.rows}%`, background: colorOf(c.label) }} title={`${classLabel(c.label)}: ${formatCount(c.rows)}`} />)
                : <span style={{ width: '100%', background: COLORS[0] }} />}
            </div>
          </div>
          <span className="split-bar-facts">
            {formatCount(p.rows)} rows{p.groups !== null ? ` · ${formatCount(p.groups)} groups` : ''}
            {p.timeRange ? ` · ${p.timeRange.from} – ${p.timeRange.to}` : ''}
          </span>
        </div>
      ))}
      {classes.length ? (
        <ul className="split-legend">
          {classes.map((c, i) => (
            <li key={i}>
              <span className="split-swatch" style={{ background: COLORS[i] }} />
              {classLabel(c.label)} {preview.rows ? `${((100 * c.rows) / preview.rows).toFixed(1)} %` : ''}
            </li>
          ))}
          {(preview.classes?.length ?? 0) > classes.length ? (
            <li>
              <span className="split-swatch" style={{ background: COLORS[COLORS.length - 1] }} />
              other classes
            </li>
          ) : null}
        </ul>
      ) : null}
      {preview.notes.map((n, i) => (
        <div className="split-note" key={i} role="note">{n}</div>
      ))}
    </div>
  );
}
