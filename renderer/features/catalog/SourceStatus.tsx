// What a scan concluded about one file: importable, recognised but not importable, unsupported or unreadable, with the reason.
import type { Source } from '../../../shared/api/catalog';

/** "recognised, not importable …" said once, also where the scan's reason says it already ("Excel workbook (recognised, not importable yet)"). */
export function notImportable(reason: string | null): string {
  const said = /\s*\(?\s*recogni[sz]ed,\s*not importable( yet)?\s*\)?[,:;]?\s*/i.exec(reason ?? '');
  const rest = (reason ?? '').replace(said?.[0] ?? '', ' ').trim();
  const head = `recognised, not importable${said?.[1] ?? ''}`;
  return rest ? `${head}: ${rest}` : head;
}

export function SourceStatus({ s }: { s: Source }) {
  if (s.status === 'ok' && s.importable) return <span className="status status-ok">importable</span>;
  if (s.status === 'recognised' || (s.status === 'ok' && !s.importable))
    return <span className="status status-warn">{notImportable(s.error)}</span>;
  if (s.status === 'unsupported') return <span className="status status-muted">not supported{s.error ? `: ${s.error}` : ''}</span>;
  return <span className="status status-error">unreadable{s.error ? `: ${s.error}` : ''}</span>;
}
