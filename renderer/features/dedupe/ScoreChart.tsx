// The distribution of pair scores as a small SVG histogram, with the threshold drawn across it; a click
// or drag on the chart moves the threshold. Counts are on a log scale: low scores outnumber matches.
import { useRef, useState } from 'react';
import type { ScoreBin } from './reviewTypes';



interface Props {
  bins: ScoreBin[];
  threshold: number;
  /** Lowest and highest score the axis spans (probabilities: 0 and 1). */
  min?: number;
  max?: number;
  onPick?: (threshold: number) => void;
}

const W = 360;
const H = 64;

export function ScoreChart({ bins, threshold, min = 0, max = 1, onPick }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState(false);
  const top = Math.log1p(bins.reduce((m, b) => Math.max(m, b.count), 0)) || 1;
  const span = max - min || 1;
  const x = (v: number) => ((v - min) / span) * W;
  const valueAt = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect();
    const f = Math.max(0, Math.min(1, (clientX - r.left) / r.width));
    return Math.round((min + f * span) * 100) / 100;
  };
  const tx = Math.max(0.75, Math.min(W - 0.75, x(threshold)));

  return (
    <svg
      ref={svg}
      className={`score-chart${onPick ? ' pickable' : ''}`}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Score distribution of the candidate pairs; threshold ${threshold.toFixed(2)}`}
      data-testid="score-chart"
      onPointerDown={(e) => {
        if (!onPick) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        setDragging(true);
        onPick(valueAt(e.clientX));
      }}
      onPointerMove={(e) => dragging && onPick?.(valueAt(e.clientX))}
      onPointerUp={() => setDragging(false)}
      onPointerCancel={() => setDragging(false)}
    >
      {bins.map((b, i) => {
        const h = b.count ? Math.max(1.5, (Math.log1p(b.count) / top) * (H - 4)) : 0;
        const x0 = x(b.from);
        const w = Math.max(1, x(b.to) - x0 - 1);
        return (
          <rect key={i} x={x0 + 0.5} y={H - h} width={w} height={h} className={b.from >= threshold ? 'bar above' : b.to > threshold ? 'bar split' : 'bar'}>
            <title>{`${b.from.toFixed(2)} – ${b.to.toFixed(2)}: ${b.count.toLocaleString('en-US')} pairs`}</title>
          </rect>
        );
      })}
      <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} className="axis" />
      <line x1={tx} x2={tx} y1={0} y2={H} className="threshold" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
