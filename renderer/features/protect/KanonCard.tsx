// k-anonymity of a dataset: choose the quasi-identifiers (the quasi-tagged columns to start with), k and
// a sensitive column; see k, the classes and the rows below k as is and after the export actions, a
// bar chart of class sizes, and filter the grid to the rows below k.
import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { formatPdAction } from '../../../shared/api/personal';
import type { KanonResultInfo, KanonStats, Protection } from '../../../shared/api/protect';
import { api, errorMessage } from '../../api';
import { formatCount } from '../../components/format';
import { ClassSizeChart } from './ClassSizeChart';
import type { Filter } from '../../../shared/api/contract';
import { originFilter, setOriginFilter, useFacets } from '../facets/facetStore';

type SmallClassFilter = Extract<Filter, { kind: 'smallClass' }>;
const ORIGIN = 'kanon';

interface Props {
  dataset: Dataset;
  protection: Protection | null;
}

export function KanonCard({ dataset, protection }: Props) {
  const suggested = protection?.suggestedQuasi ?? [];
  const [quasi, setQuasi] = useState<string[] | null>(null);
  const chosen = quasi ?? suggested;
  const [k, setK] = useState(5);
  const [sensitive, setSensitive] = useState('');
  const [result, setResult] = useState<KanonResultInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const activeFilter = originFilter(useFacets(dataset.id), ORIGIN)?.filter;
  const active = activeFilter?.kind === 'smallClass' ? activeFilter : null;
  const names = dataset.columns.map((c) => c.name);

  const compute = async () => {
    setRunning(true);
    try {
      setResult(await api['protect.kanon']({ dataset: dataset.name, quasi: chosen, k, sensitive: sensitive || null }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  // An action changed on one of the quasi-identifiers: the "after" side is out of date, count again.
  const actionsKey = JSON.stringify((protection?.columns ?? []).filter((c) => chosen.includes(c.column)).map((c) => c.action));
  const lastKey = useRef(actionsKey);
  useEffect(() => {
    if (lastKey.current === actionsKey) return;
    lastKey.current = actionsKey;
    if (result) void compute();
  }, [actionsKey]);

  const toggle = (c: string) => setQuasi(chosen.includes(c) ? chosen.filter((x) => x !== c) : names.filter((n) => n === c || chosen.includes(n)));
  const generalised = !!result && result.actions.some((a) => a.action && a.action.action !== 'keep');
  const show = (side: 'before' | 'after', f: SmallClassFilter) =>
    setOriginFilter(dataset.id, ORIGIN, active && sameFilter(active, f) ? null : { column: f.column, filter: f, label: `Rows below k=${f.k}${generalised ? (side === 'after' ? ' after the actions' : ' as is') : ''}` });

  return (
    <section className="protect-section" aria-label="k-anonymity" data-testid="kanon-card">
      <h3>k-anonymity</h3>
      <div className="kanon-form">
        <div className="field-label">Quasi-identifiers</div>
        <div className="kanon-quasi" data-testid="kanon-quasi">
          {names.map((c) => (
            <label key={c} className="check-label">
              <input type="checkbox" checked={chosen.includes(c)} onChange={() => toggle(c)} data-testid="kanon-quasi-option" data-column={c} />
              {c}
              {suggested.includes(c) ? <span className="tag tag-warn">quasi</span> : null}
            </label>
          ))}
        </div>
        <div className="kanon-row">
          <label className="check-label">
            k
            <input type="number" className="input kanon-k" min={1} value={k} onChange={(e) => setK(Math.max(1, Math.floor(Number(e.target.value) || 1)))} data-testid="kanon-k" />
          </label>
          <label className="check-label">
            sensitive
            <select className="input" value={sensitive} onChange={(e) => setSensitive(e.target.value)} data-testid="kanon-sensitive">
              <option value="">(none)</option>
              {names.filter((n) => !chosen.includes(n)).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-primary" disabled={chosen.length === 0 || running} onClick={() => void compute()} data-testid="kanon-run">
            {running ? 'Counting…' : 'Count classes'}
          </button>
        </div>
      </div>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
      {result ? (
        <div data-testid="kanon-result" data-k={result.before.k} data-k-after={result.after.k}>
          <table className="kanon-table">
            <thead>
              <tr>
                <th />
                <th>as is</th>
                {generalised ? <th>after actions</th> : null}
              </tr>
            </thead>
            <tbody>
              <StatRow label="k (smallest class)" get={(s) => s.k} result={result} generalised={generalised} bad={(s) => s.k < result.targetK} testId="kanon-k-value" />
              <StatRow label="classes" get={(s) => s.classes} result={result} generalised={generalised} />
              <StatRow label={`rows in classes < ${result.targetK}`} get={(s) => s.rowsBelow} result={result} generalised={generalised} bad={(s) => s.rowsBelow > 0} testId="kanon-below" />
              {result.sensitive ? <StatRow label={`l (distinct ${result.sensitive})`} get={(s) => s.l ?? 0} result={result} generalised={generalised} bad={(s) => (s.l ?? 0) < 2} /> : null}
            </tbody>
          </table>
          {generalised ? (
            <p className="kanon-actions">
              after: {result.actions.map((a) => `${a.column} ${a.action ? formatPdAction(a.action) : 'keep'}`).join(' · ')}
            </p>
          ) : null}
          <ClassSizeChart before={result.before} after={result.after} k={result.targetK} generalised={generalised} />
          <div className="kanon-buttons">
            {(generalised ? (['after', 'before'] as const) : (['before'] as const)).map((side) => {
              const f = result[side].filter;
              if (!f || f.kind !== 'smallClass') return null;
              const on = !!active && sameFilter(active, f);
              return (
                <button key={side} type="button" className={`button button-secondary${on ? ' pressed' : ''}`} aria-pressed={on} onClick={() => show(side, f)} data-testid={`kanon-show-${side}`}>
                  {on ? 'Showing' : 'Show'} {formatCount(result[side].rowsBelow)} rows below k{generalised ? (side === 'after' ? ' (after)' : ' (as is)') : ''}
                </button>
              );
            })}
            {active ? (
              <button type="button" className="link-button" onClick={() => setOriginFilter(dataset.id, ORIGIN, null)} data-testid="kanon-clear">
                Show all rows
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function sameFilter(a: SmallClassFilter, b: SmallClassFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface RowProps {
  label: string;
  get: (s: KanonStats) => number;
  result: KanonResultInfo;
  generalised: boolean;
  bad?: (s: KanonStats) => boolean;
  testId?: string;
}

function StatRow({ label, get, result, generalised, bad, testId }: RowProps) {
  const cell = (s: KanonStats, side: string) => (
    <td className={bad ? (bad(s) ? 'bad' : 'good') : undefined} data-testid={testId ? `${testId}-${side}` : undefined}>
      {formatCount(get(s))}
    </td>
  );
  return (
    <tr>
      <td>{label}</td>
      {cell(result.before, 'before')}
      {generalised ? cell(result.after, 'after') : null}
    </tr>
  );
}
