// The threshold above which pairs count as matches: a slider over the score distribution, and what it
// gives right now — pairs, clusters and records affected (live, as the slider moves).
import { formatCount } from '../../components/format';
import type { ScoreBin, ThresholdCounts } from './reviewTypes';
import { ScoreChart } from './ScoreChart';


interface Props {
  threshold: number;
  onChange: (threshold: number) => void;
  bins: ScoreBin[];
  counts: ThresholdCounts | null;
  /** Counts are being recomputed for the current position. */
  pending?: boolean;
  /** A link: pairs are links, and there are no clusters to count. */
  link?: boolean;
}

export function ThresholdControl({ threshold, onChange, bins, counts, pending = false, link = false }: Props) {
  return (
    <div className="threshold" data-testid="threshold">
      <div className="threshold-chart">
        <ScoreChart bins={bins} threshold={threshold} onPick={onChange} />
        <input
          type="range"
          className="threshold-range"
          min={0}
          max={1}
          step={0.01}
          value={threshold}
          onChange={(e) => onChange(Number(e.target.value))}
          aria-label="Match threshold"
          aria-valuetext={`${threshold.toFixed(2)}`}
          data-testid="threshold-slider"
        />
        <div className="threshold-axis small muted" aria-hidden="true">
          <span>0</span>
          <span>match probability</span>
          <span>1</span>
        </div>
      </div>
      <div className="threshold-value">
        <label className="field-label" htmlFor="threshold-number">
          Threshold
        </label>
        <input
          id="threshold-number"
          className="input threshold-number"
          type="number"
          min={0}
          max={1}
          step={0.01}
          value={threshold}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v)) onChange(Math.max(0, Math.min(1, v)));
          }}
          data-testid="threshold-number"
        />
      </div>
      <dl className={`threshold-counts${pending ? ' pending' : ''}`} aria-live="polite" data-testid="threshold-counts" data-pending={pending ? 'true' : 'false'}>
        <div>
          <dt>{link ? 'links' : 'pairs'}</dt>
          <dd data-testid="count-pairs">{formatCount(counts?.pairs)}</dd>
        </div>
        {link ? null : (
          <div>
            <dt>clusters</dt>
            <dd data-testid="count-clusters">{formatCount(counts?.clusters)}</dd>
          </div>
        )}
        <div>
          <dt>records affected</dt>
          <dd data-testid="count-records">{formatCount(counts?.records)}</dd>
        </div>
      </dl>
    </div>
  );
}
