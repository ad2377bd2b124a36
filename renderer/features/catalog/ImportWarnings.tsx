// A tag counting the notes the engine made about a successful import, with the notes in its tooltip.
import type { JobInfo } from '../../../shared/api/contract';

/** Notes the engine made about an import that succeeded (dropped trailing delimiters, …). */
export function ImportWarnings({ job }: { job: JobInfo }) {
  const w = job.outcome?.['warnings'];
  const list = Array.isArray(w) ? w.filter((x): x is string => typeof x === 'string') : [];
  if (list.length === 0) return null;
  return (
    <span className="tag tag-warn" title={list.join('\n')}>
      {list.length} note{list.length === 1 ? '' : 's'}
    </span>
  );
}
