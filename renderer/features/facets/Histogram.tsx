// A histogram drawn in SVG; drag across bars (or click one) to select a range of values.
import { useRef, useState } from 'react';
import type { NumRange } from './facetStore';

export interface Bin {
  from: number;
  to: number;
  count: number;
}

interface Props {
  bins: Bin[];
  range: NumRange | null;
  onSelect: (range: NumRange) => void;
}

const W = 240;
const H = 56;

/** A number short enough for an axis label or a filter bound. */
export function roundish(x: number): number {
  return Number(x.toPrecision(6));
}

function inRange(b: Bin, r: NumRange | null): boolean {
  if (!r) return false;
  return (r.min === null || b.to >= r.min) && (r.max === null || b.from <= r.max);
}

export function Histogram({ bins, range, onSelect }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const max = bins.reduce((m, b) => Math.max(m, b.count), 0) || 1;
  const bw = W / bins.length;

  const binAt = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect();
    return Math.max(0, Math.min(bins.length - 1, Math.floor(((clientX - r.left) / r.width) * bins.length)));
  };
  const finish = () => {
    if (!drag) return;
    const lo = Math.min(drag.a, drag.b);
    const hi = Math.max(drag.a, drag.b);
    setDrag(null);
    onSelect({ min: roundish(bins[lo]!.from), max: roundish(bins[hi]!.to) });
  };
  const selected = (i: number) =>
    drag ? i >= Math.min(drag.a, drag.b) && i <= Math.max(drag.a, drag.b) : inRange(bins[i]!, range);

  return (
    <svg
      ref={svg}
      className="histogram"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label="Histogram; drag across it to select a range"
      data-testid="histogram"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        const i = binAt(e.clientX);
        setDrag({ a: i, b: i });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, b: binAt(e.clientX) })}
      onPointerUp={finish}
      onPointerCancel={() => setDrag(null)}
    >
      {bins.map((b, i) => {
        const h = b.count ? Math.max(2, (b.count / max) * (H - 2)) : 0;
        return (
          <rect key={i} x={i * bw + 0.5} y={H - h} width={Math.max(1, bw - 1)} height={h} className={selected(i) ? 'bar on' : range || drag ? 'bar off' : 'bar'}>
            <title>{`${roundish(b.from)} – ${roundish(b.to)}: ${b.count}`}</title>
          </rect>
        );
      })}
      <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} className="axis" />
    </svg>
  );
}
