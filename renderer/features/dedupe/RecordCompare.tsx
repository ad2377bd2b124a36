// The records of one cluster side by side: one row per column, one column per record. Cells that
// differ from the first record are highlighted (softly when only case, accents or spacing differ), and
// each compared column shows its match weight for the pair in focus.
import { ValueText } from '../../components/ValueText';
import { cellDiff } from './cellDiff';
import { WeightBar } from './WeightBar';

export interface CompareRecord {
  rid: number;
  /** Heading of the record's column ("Record 12", "A · 31"). */
  title: string;
}

export interface CompareRow {
  /** Column name; for a link, "name ↔ title" when the sides differ. */
  label: string;
  compared: boolean;
  /** One value per record, in the order of `records`. */
  values: (string | null)[];
  /** Match weight of this column for the pair in focus; null when not compared or missing. */
  weight: number | null;
}

interface Props {
  records: CompareRecord[];
  rows: CompareRow[];
  /** Index of the record the first one is compared with (the pair whose weights are shown). */
  focus: number;
  onFocus: (index: number) => void;
  /** Index of a record already split off by the user, shown struck through. */
  splitOff?: ReadonlySet<number>;
  showOther: boolean;
}

export function RecordCompare({ records, rows, focus, onFocus, splitOff, showOther }: Props) {
  const shown = rows.filter((r) => r.compared || showOther);
  return (
    <div className="table-wrap compare-wrap">
      <table className="table compare" data-testid="record-compare">
        <thead>
          <tr>
            <th className="compare-col">Column</th>
            <th className="compare-weight" title="Match weight of the column for the pair in focus (log2 m/u)">
              Weight
            </th>
            {records.map((r, i) => (
              <th
                key={r.rid}
                className={`compare-rec${i === focus ? ' focus' : ''}${i === 0 ? ' reference' : ''}${splitOff?.has(i) ? ' split-off' : ''}`}
                aria-sort={undefined}
                data-testid="compare-record"
                data-rid={r.rid}
              >
                <button type="button" className="link-button" onClick={() => onFocus(i)} disabled={i === 0} title={i === 0 ? 'The record the others are compared with' : 'Compare with the first record'}>
                  {r.title}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.label} className={row.compared ? 'compared' : 'other'} data-testid="compare-row" data-column={row.label}>
              <th scope="row" className="compare-col" title={row.label}>
                {row.label}
              </th>
              <td className="compare-weight">{row.compared ? <WeightBar weight={row.weight} /> : null}</td>
              {row.values.map((v, i) => {
                const d = i === 0 ? 'same' : cellDiff(v, row.values[0] ?? null);
                return (
                  <td key={i} className={`compare-cell diff-${d}${i === focus ? ' focus' : ''}${splitOff?.has(i) ? ' split-off' : ''}`} data-diff={d}>
                    <ValueText value={v} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
