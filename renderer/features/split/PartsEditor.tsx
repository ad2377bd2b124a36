// The parts of a split and their shares: named parts (percent or row counts, one may take the rest)
// or k folds.
import { formatCount } from '../../components/format';

export interface PartRow {
  name: string;
  /** Text as typed: a number, or '*' (the rest, counts only). */
  share: string;
}

export interface PartsValue {
  mode: 'parts' | 'folds';
  unit: 'percent' | 'count';
  parts: PartRow[];
  folds: number;
}

interface Props {
  value: PartsValue;
  rows: number;
  onChange: (v: PartsValue) => void;
}

/** The sum of the typed shares, or null when one is not a number (or is '*'). */
export function shareSum(parts: PartRow[]): number | null {
  let sum = 0;
  for (const p of parts) {
    const n = Number(p.share);
    if (p.share.trim() === '' || !Number.isFinite(n)) return null;
    sum += n;
  }
  return sum;
}

export function PartsEditor({ value, rows, onChange }: Props) {
  const set = (patch: Partial<PartsValue>) => onChange({ ...value, ...patch });
  const setPart = (i: number, patch: Partial<PartRow>) => set({ parts: value.parts.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const sum = shareSum(value.parts);
  return (
    <fieldset className="split-field" data-testid="split-parts">
      <legend className="field-label">Parts</legend>
      <div className="split-inline">
        <label className="check-label">
          <input type="radio" name="split-mode" checked={value.mode === 'parts'} onChange={() => set({ mode: 'parts' })} data-testid="split-mode-parts" />
          Named parts
        </label>
        <label className="check-label">
          <input type="radio" name="split-mode" checked={value.mode === 'folds'} onChange={() => set({ mode: 'folds' })} data-testid="split-mode-folds" />
          k folds
        </label>
        {value.mode === 'parts' ? (
          <select className="input split-unit" value={value.unit} onChange={(e) => set({ unit: e.target.value as PartsValue['unit'] })} aria-label="Share unit" data-testid="split-unit">
            <option value="percent">percent</option>
            <option value="count">row counts</option>
          </select>
        ) : null}
      </div>
      {value.mode === 'folds' ? (
        <label className="split-inline">
          <input className="input split-num" type="number" min={2} max={32} value={value.folds} onChange={(e) => set({ folds: Number(e.target.value) })} aria-label="Folds" data-testid="split-folds" />
          folds of {formatCount(Math.floor(rows / Math.max(2, value.folds)))} rows each
        </label>
      ) : (
        <>
          <table className="split-parts">
            <tbody>
              {value.parts.map((p, i) => (
                <tr key={i}>
                  <td>
                    <input className="input mono" value={p.name} onChange={(e) => setPart(i, { name: e.target.value })} aria-label={`Part ${i + 1} name`} data-testid={`split-part-name-${i}`} />
                  </td>
                  <td className="split-share-cell">
                    <input className="input split-num" value={p.share} onChange={(e) => setPart(i, { share: e.target.value })} aria-label={`Part ${i + 1} share`} data-testid={`split-part-share-${i}`} />
                    <span className="muted">{value.unit === 'percent' ? ' %' : ' rows'}</span>
                  </td>
                  <td>
                    <button type="button" className="button button-quiet button-icon" aria-label={`Remove part ${p.name}`} disabled={value.parts.length <= 2} onClick={() => set({ parts: value.parts.filter((_, j) => j !== i) })}>
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="split-inline">
            <button type="button" className="button button-secondary" disabled={value.parts.length >= 32} onClick={() => set({ parts: [...value.parts, { name: `part-${value.parts.length + 1}`, share: '0' }] })} data-testid="split-add-part">
              Add part
            </button>
            {value.unit === 'percent' ? (
              <span className={sum !== null && Math.abs(sum - 100) < 1e-6 ? 'muted' : 'split-warn'} data-testid="split-share-sum">
                {sum === null ? 'a share is not a number' : `total ${Math.round(sum * 100) / 100} %`}
              </span>
            ) : (
              <span className="muted">use * for the part that takes the rest of the {formatCount(rows)} rows</span>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
