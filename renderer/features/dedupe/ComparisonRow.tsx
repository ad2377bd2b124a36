// One column of the setup table: whether it is compared, with which comparison and normalisations, and
// (when linking) which column of the other dataset it is compared with.
import type { ComparisonInput, ComparisonKind, Normalise } from '../../../shared/api/dedupe';
import { formatCount } from '../../components/format';
import { COMPARISON_LABELS, hasTolerance, isTextKind, normaliseOf, NORMALISE_LABELS, type ColumnChoice } from './setupModel';

interface Props {
  choice: ColumnChoice;
  /** Link: the other dataset's columns to map to. */
  columnsB?: string[];
  onChange: (patch: Partial<ColumnChoice>) => void;
}

const KINDS = Object.keys(COMPARISON_LABELS) as ComparisonKind[];
const NORMS = Object.keys(NORMALISE_LABELS) as (keyof Normalise)[];

export function ComparisonRow({ choice, columnsB, onChange }: Props) {
  const c = choice.comparison;
  const norm = normaliseOf(c);
  const set = (patch: Partial<ComparisonInput>) => onChange({ comparison: { ...c, ...patch } });
  const id = `cmp-${choice.column.replace(/[^\w-]/g, '_')}`;
  return (
    <tr className={choice.on ? 'on' : 'off'} data-testid="compare-column" data-column={choice.column} data-on={choice.on ? 'true' : 'false'}>
      <td className="check">
        <input id={id} type="checkbox" checked={choice.on} onChange={(e) => onChange({ on: e.target.checked })} aria-label={`Compare ${choice.column}`} />
      </td>
      <td>
        <label className="col-name" htmlFor={id}>
          {choice.column}
          <span className="tag role-tag">{choice.role}</span>
        </label>
        <div className="col-reason">
          {choice.reason} · {formatCount(choice.distinct)} distinct{choice.blank ? `, ${formatCount(choice.blank)} blank` : ''}
        </div>
      </td>
      {columnsB ? (
        <td>
          {choice.on ? (
          <select
            className="input"
            value={c.columnB ?? ''}
            onChange={(e) => set({ columnB: e.target.value || undefined })}
            aria-label={`Column of the other dataset compared with ${choice.column}`}
            data-testid="map-column-b"
          >
            <option value="">(same name)</option>
            {columnsB.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
          ) : null}
        </td>
      ) : null}
      <td className="how">
        {choice.on ? (
          <>
            <div className="how-line">
              <select className="input" value={c.kind} onChange={(e) => set({ kind: e.target.value as ComparisonKind })} aria-label={`Comparison for ${choice.column}`} data-testid="comparison-kind">
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {COMPARISON_LABELS[k]}
                  </option>
                ))}
              </select>
              {hasTolerance(c.kind) ? (
                <label className="check-label tolerance">
                  ±
                  <input
                    className="input"
                    type="number"
                    min={0}
                    step="any"
                    value={c.tolerance ?? ''}
                    placeholder={c.kind === 'date' ? '31' : 'auto'}
                    onChange={(e) => set({ tolerance: e.target.value === '' || Number(e.target.value) <= 0 ? undefined : Number(e.target.value) })}
                    aria-label={`Tolerance for ${choice.column}${c.kind === 'date' ? ' in days' : ''}`}
                  />
                  {c.kind === 'date' ? 'days' : ''}
                </label>
              ) : null}
            </div>
            {isTextKind(c.kind) ? (
            <div className="norms" role="group" aria-label={`Normalise ${choice.column}`}>
              <span className="muted small">ignore</span>
              {NORMS.map((n) => (
                <label key={n} className="check-label" title={NORMALISE_LABELS[n].title}>
                  <input type="checkbox" checked={norm[n]} onChange={(e) => set({ normalise: { ...norm, [n]: e.target.checked } })} />
                  {NORMALISE_LABELS[n].label}
                </label>
              ))}
            </div>
            ) : null}
          </>
        ) : (
          <span className="muted small">not compared</span>
        )}
      </td>
    </tr>
  );
}
