// A thin progress bar; indeterminate while the total is unknown.
interface Props {
  done: number;
  total: number;
  label?: string;
  tone?: 'normal' | 'error' | 'done';
}

export function ProgressBar({ done, total, label, tone = 'normal' }: Props) {
  const known = total > 0;
  const pct = known ? Math.max(0, Math.min(100, (done / total) * 100)) : 0;
  return (
    <div
      className={`progress progress-${tone}${known ? '' : ' progress-indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
    >
      <div className="progress-fill" style={known ? { width: `${pct}%` } : undefined} />
    </div>
  );
}
