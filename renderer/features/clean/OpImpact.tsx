// What an operation without a value preview will touch: the empty cells a fill reaches, and the first
// rows of a split or a merge worked out here with the engine's own split function.
import { useEffect, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import type { OpInput } from '../../../shared/ops/schema';
import { splitValue } from '../../../shared/ops/transforms/split';
import { api } from '../../api';
import { ValueText } from '../../components/ValueText';
import { plural } from './opText';

type Row = (string | null)[];

/** `where`: the filters the operation is restricted to (counts and first rows are theirs). */
export function OpImpact({ dataset, op, where }: { dataset: Dataset; op: OpInput; where: Filter[] }) {
  const [blank, setBlank] = useState<number | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const fillColumn = op.op === 'fill' ? op.column : null;
  const sourceCols = op.op === 'split' ? [op.column] : op.op === 'merge' ? op.columns : [];
  const sourceKey = sourceCols.join('\u0000');
  const whereKey = JSON.stringify(where);

  useEffect(() => {
    if (!fillColumn) return;
    let stale = false;
    api['facets.blank']({ dataset: dataset.name, column: fillColumn, filters: JSON.parse(whereKey) as Filter[] }).then((r) => !stale && setBlank(r.blank), () => undefined);
    return () => {
      stale = true;
    };
  }, [dataset.name, fillColumn, whereKey]);

  useEffect(() => {
    if (!sourceKey) return;
    let stale = false;
    const cols = sourceKey.split('\u0000');
    api['rows.page']({ dataset: dataset.name, offset: 0, limit: 6, filters: [...(JSON.parse(whereKey) as Filter[]), { kind: 'blank', column: cols[0]!, blank: false }] }).then((b) => {
      if (stale) return;
      const idx = cols.map((c) => dataset.columns.findIndex((x) => x.name === c));
      setRows(b.rows.map((r) => idx.map((i) => (i < 0 ? null : (r[i] ?? null)))));
    }, () => undefined);
    return () => {
      stale = true;
    };
  }, [dataset.name, dataset.columns, sourceKey, whereKey]);

  if (op.op === 'fill') {
    if (blank === null) return <p className="op-impact muted">Counting empty cells…</p>;
    return (
      <p className="op-impact" data-testid="fill-count">
        {blank ? `${plural(blank, 'empty cell')} in ${op.column}${where.length ? ' in the filtered rows' : ''}${op.method === 'previous' || op.method === 'next' ? ' (those with no value before or after stay empty)' : ''}.` : `${op.column} has no empty cells.`}
      </p>
    );
  }
  if ((op.op !== 'split' && op.op !== 'merge') || !rows) return null;
  const outputs = rows.map((r) => {
    if (op.op === 'split') {
      try {
        return splitValue(r[0] ?? '', op.by, op.separator, op.maxParts);
      } catch (e) {
        return [e instanceof Error ? e.message : String(e)];
      }
    }
    const present = r.filter((v): v is string => v !== null && v !== '');
    return [present.join(op.separator ?? ' ')];
  });
  return (
    <section className="op-impact preview" aria-label="First rows">
      <header className="preview-head">
        <h3>First rows</h3>
      </header>
      <div className="preview-table table-wrap">
        <table className="table">
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td className="preview-before">{r.map((v, k) => <ValueText key={k} value={v} className="value-chip" />)}</td>
                <td className="preview-arrow" aria-hidden="true">→</td>
                <td className="preview-after">{outputs[i]!.map((v, k) => <ValueText key={k} value={v} className="value-chip" />)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
