// Mass edit: the column's distinct values with their counts, each with a field for its new value.
import { useEffect, useRef, useState } from 'react';
import type { Filter } from '../../../../shared/api/contract';
import type { OpInput } from '../../../../shared/ops/schema';
import { api, errorMessage } from '../../../api';
import { formatCount } from '../../../components/format';
import { ValueText } from '../../../components/ValueText';

type MassEditOp = Extract<OpInput, { op: 'massEdit' }>;
type Values = { value: string; count: number }[];

/** `where`: the rows the edit applies to; the list shows their values and counts. */
export function MassEditFields({ op, dataset, where, onChange }: { op: MassEditOp; dataset: string; where: Filter[]; onChange: (op: MassEditOp) => void }) {
  const whereKey = JSON.stringify(where);
  const [values, setValues] = useState<Values | null>(null);
  const [more, setMore] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const loaded = values !== null;
  // The list arrives after the dialog opened: give its first field the focus then.
  useEffect(() => {
    if (loaded) first.current?.focus();
  }, [loaded]);
  useEffect(() => {
    api['facets.text']({ dataset, column: op.column, limit: 500, filters: JSON.parse(whereKey) as Filter[] }).then(
      (r) => {
        // Missing cells have no text to match, so they cannot be mass-edited (fill them instead).
        setValues(r.values.filter((v): v is Values[number] => v.value !== null));
        setMore(Math.max(0, r.distinct - r.values.length));
      },
      (e) => setError(errorMessage(e)),
    );
  }, [dataset, op.column, whereKey]);

  const target = new Map(op.edits.map((e) => [e.from[0]!, e.to]));
  const set = (from: string, to: string | null) => {
    const next = new Map(target);
    if (to === null || to === from) next.delete(from);
    else next.set(from, to);
    onChange({ ...op, edits: [...next].map(([f, t]) => ({ from: [f], to: t })) });
  };

  if (error) return <div className="error-panel">{error}</div>;
  if (!values) return <div className="muted mass-edit-loading">Reading the values…</div>;
  return (
    <div className="mass-edit">
      <div className="field-label">Type a new value next to each value to change (empty fields stay as they are)</div>
      <div className="table-wrap mass-edit-table">
        <table className="table">
          <thead>
            <tr>
              <th>Value</th>
              <th className="num">Rows</th>
              <th>New value</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v, i) => (
              <tr key={v.value}>
                <td className="mono">
                  <ValueText value={v.value} />
                </td>
                <td className="num">{formatCount(v.count)}</td>
                <td>
                  <input
                    className="input mono"
                    aria-label={`New value for ${v.value || 'empty text'}`}
                    value={target.get(v.value) ?? ''}
                    placeholder="unchanged"
                    onChange={(e) => set(v.value, e.target.value === '' ? null : e.target.value)}
                    ref={i === 0 ? first : undefined}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? <div className="field-hint">{formatCount(more)} rarer values are not listed; use a text facet or find and replace for those.</div> : null}
    </div>
  );
}
