// One column of the profile: counts, type conformance, numbers or dates with quantiles and a
// histogram, text lengths and shapes, the top values; a click on a bar or a value filters the grid.
import type { ColumnProfile } from '../../../shared/api/profile';
import { TypeBadge } from '../../components/TypeBadge';
import { formatCount } from '../../components/format';
import type { ColumnType } from '../../../shared/api/catalog';
import { Bars } from './Bars';
import { filterBy, filterToValue } from './filterGrid';

const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(n === of || n === 0 ? 0 : 1)} %` : '–');
const short = (v: number | string | null) => (v === null ? '–' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : v);

export function ColumnCard({ c, rows, datasetId }: { c: ColumnProfile; rows: number; datasetId: number }) {
  const isDate = c.type === 'date' || c.type === 'datetime';
  const pickBar = (i: number) => {
    const b = c.histogram[i]!;
    if (isDate) filterBy(datasetId, c.column, { kind: 'date', column: c.column, from: String(b.from).slice(0, 10), to: String(b.to).slice(0, 10) }, `${c.column}: ${String(b.from).slice(0, 10)} – ${String(b.to).slice(0, 10)}`);
    else filterBy(datasetId, c.column, { kind: 'number', column: c.column, min: Number(b.from), max: Number(b.to) }, `${c.column}: ${short(b.from)} – ${short(b.to)}`);
  };
  const topMax = c.top[0]?.count ?? 1;
  const fits = c.count ? c.conforming / c.count : 1;
  return (
    <article className="profile-card" data-testid="profile-card" data-column={c.column} aria-label={`Profile of ${c.column}`}>
      <header className="profile-card-head">
        <TypeBadge type={c.type as ColumnType} />
        <h3 title={c.column}>{c.column}</h3>
        {c.tag ? <span className={`pd-tag pd-${c.tag.category}`} title={`personal data: ${c.tag.kind} (${c.tag.status})`}>{c.tag.kind}</span> : null}
      </header>
      <dl className="profile-facts">
        <div><dt>values</dt><dd>{formatCount(c.count)}</dd></div>
        <div><dt>missing</dt><dd>{formatCount(c.missing)}{c.empty ? ` + ${formatCount(c.empty)} empty` : ''}</dd></div>
        <div><dt>distinct</dt><dd>{formatCount(c.distinct)}</dd></div>
        <div><dt>fit {c.type}</dt><dd className={fits < 1 ? 'warn-text' : undefined}>{pct(c.conforming, c.count)}</dd></div>
      </dl>
      <div className="conformance" title={`${formatCount(c.conforming)} of ${formatCount(c.count)} values fit the type; ${pct(c.missing + c.empty, rows)} blank`}>
        <span className="conf-fit" style={{ width: pct(c.conforming, rows) }} />
        <span className="conf-misfit" style={{ width: pct(c.count - c.conforming, rows) }} />
      </div>
      {c.histogram.length ? (
        <section className="profile-section">
          <Bars fluid a={c.histogram.map((b) => b.count)} labels={c.histogram.map((b) => `${short(b.from)} – ${short(b.to)}: ${formatCount(b.count)}`)}
            onPick={pickBar} testId="profile-histogram" ariaLabel={`${isDate ? 'Timeline' : 'Histogram'} of ${c.column}`} />
          <div className="axis small muted"><span>{short(c.min)}</span><span>{short(c.max)}</span></div>
        </section>
      ) : null}
      {c.quantiles ? (
        <dl className="profile-numbers small">
          <div><dt>mean</dt><dd>{short(c.mean)}</dd></div>
          <div><dt>std</dt><dd>{short(c.std)}</dd></div>
          {(['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99'] as const).map((k) => <div key={k}><dt>{k}</dt><dd>{short(c.quantiles![k])}</dd></div>)}
        </dl>
      ) : null}
      {c.lengths ? (
        <section className="profile-section">
          <h4>Length {c.lengths.min}–{c.lengths.max}, mean {c.lengths.mean.toFixed(1)}</h4>
          <Bars fluid a={c.lengths.histogram.map((b) => b.count)} labels={c.lengths.histogram.map((b) => `length ${b.from}${b.to !== b.from ? `–${b.to}` : ''}: ${formatCount(b.count)}`)} height={28} ariaLabel={`Lengths of ${c.column}`} />
        </section>
      ) : null}
      {c.patterns.length ? (
        <section className="profile-section">
          <h4>Shapes</h4>
          <ul className="profile-list">
            {c.patterns.slice(0, 4).map((p) => (
              <li key={p.pattern}><code>{p.pattern}</code><span className="muted">{pct(p.count, c.count)}</span></li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.top.length ? (
        <section className="profile-section">
          <h4>Top values</h4>
          <ul className="profile-list top-values">
            {c.top.slice(0, 6).map((t) => (
              <li key={t.value}>
                <button type="button" className="top-value" onClick={() => filterToValue(datasetId, c.column, t.value)} title={`Show the rows where ${c.column} is this value`} data-testid="top-value">
                  <span className="top-bar" style={{ width: `${(t.count / topMax) * 100}%` }} />
                  <span className="top-text">{t.value.trim() === '' ? `“${t.value}”` : t.value}</span>
                  <span className="top-count">{formatCount(t.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="muted small">No values: every cell is blank.</p>
      )}
    </article>
  );
}
