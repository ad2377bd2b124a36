// A small bar chart in SVG: one bar per bin (or two overlaid, for drift); a click on a bar can filter.
interface Props {
  /** Heights as counts or shares; `b` draws a second, overlaid series. */
  a: number[];
  b?: number[];
  labels: string[];
  width?: number;
  height?: number;
  onPick?: (i: number) => void;
  testId?: string;
  ariaLabel: string;
  /** Stretch to the width of the container (the drawing scales; bars keep their height). */
  fluid?: boolean;
}

export function Bars({ a, b, labels, width = 260, height = 64, onPick, testId, ariaLabel, fluid }: Props) {
  const max = Math.max(1e-12, ...a, ...(b ?? []));
  const n = Math.max(1, a.length);
  const w = width / n;
  const h = (v: number) => (v / max) * (height - 2);
  return (
    <svg className="bars" width={fluid ? '100%' : width} height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={ariaLabel} data-testid={testId}>
      {a.map((v, i) => (
        <g key={i} className={onPick ? 'bar-hit' : undefined} onClick={onPick ? () => onPick(i) : undefined} data-testid={onPick ? 'bar' : undefined}>
          <title>{labels[i]}</title>
          <rect x={i * w} y={0} width={w} height={height} className="bar-bg" />
          <rect x={i * w + 0.5} y={height - h(v)} width={Math.max(1, w - 1)} height={h(v)} className="bar-a" />
          {b ? <rect x={i * w + 0.5} y={height - h(b[i] ?? 0)} width={Math.max(1, w - 1)} height={h(b[i] ?? 0)} className="bar-b" /> : null}
        </g>
      ))}
    </svg>
  );
}
