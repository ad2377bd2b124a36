// What a scan concluded about one file: importable, recognised but not importable, unsupported or unreadable, with the reason.
import type { Source } from '../../../shared/api/catalog';

export function SourceStatus({ s }: { s: Source }) {
  if (s.status === 'ok' && s.importable) return <span className="status status-ok">importable</span>;
  if (s.status === 'recognised' || (s.status === 'ok' && !s.importable))
    return <span className="status status-warn">recognised, not importable{s.error ? `: ${s.error}` : ''}</span>;
  if (s.status === 'unsupported') return <span className="status status-muted">not supported{s.error ? `: ${s.error}` : ''}</span>;
  return <span className="status status-error">unreadable{s.error ? `: ${s.error}` : ''}</span>;
}
