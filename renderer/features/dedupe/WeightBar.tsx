// A column's match weight as a bar from the centre: to the right (green) for evidence of a match, to
// the left (red) against; the number is the weight itself (log2 of the m/u ratio).
interface Props {
  weight: number | null;
  /** Weight that fills half the bar. */
  scale?: number;
}

export function WeightBar({ weight, scale = 8 }: Props) {
  if (weight === null || !Number.isFinite(weight)) {
    return (
      <span className="weight weight-none" title="Not compared (a value is missing)">
        <span className="weight-track" />
        <span className="weight-num">—</span>
      </span>
    );
  }
  const f = Math.min(1, Math.abs(weight) / scale) * 50;
  const pos = weight >= 0;
  return (
    <span className={`weight ${pos ? 'weight-pos' : 'weight-neg'}`} title={`Match weight ${weight >= 0 ? '+' : ''}${weight.toFixed(2)}`} data-weight={weight.toFixed(2)}>
      <span className="weight-track">
        <span className="weight-fill" style={pos ? { left: '50%', width: `${f}%` } : { right: '50%', width: `${f}%` }} />
      </span>
      <span className="weight-num">{`${pos ? '+' : '−'}${Math.abs(weight).toFixed(1)}`}</span>
    </span>
  );
}
