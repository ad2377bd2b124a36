// The personal-data part of the export dialog: the action of each chosen tagged column (changed here,
// stored for the next export too) and, when direct identifiers would be written as they are, an
// explicit confirmation without which Export stays disabled.
import { useEffect } from 'react';
import type { ProtectionState } from './useProtection';
import { ProtectionTable } from './ProtectionTable';
import './protect.css';

interface Props {
  state: ProtectionState;
  chosen: string[];
  directKept: string[];
  allowDirect: boolean;
  onAllowDirect: (v: boolean) => void;
  /** The engine refused the export (tags changed meanwhile): reload what is shown. */
  refused: boolean;
}

export function ExportProtection({ state, chosen, directKept, allowDirect, onAllowDirect, refused }: Props) {
  const { protection, error, setAction, reload } = state;
  useEffect(() => {
    if (refused) reload();
  }, [refused, reload]);
  const columns = (protection?.columns ?? []).filter((c) => chosen.includes(c.column));
  return (
    <fieldset className="export-field" data-testid="export-protection">
      <legend className="field-label">Personal data</legend>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
      {protection ? <ProtectionTable columns={columns} onAction={(c, a) => void setAction(c, a)} /> : <span className="muted">Reading the column tags…</span>}
      {directKept.length || refused ? (
        <div className="protect-direct" role="alert" data-testid="export-direct-warning">
          <p>
            {directKept.length === 1 ? (
              <>
                <strong>{directKept[0]}</strong> is a direct identifier and would be written as it is.
              </>
            ) : (
              <>
                <strong>{directKept.join(', ')}</strong> are direct identifiers and would be written as they are.
              </>
            )}{' '}
            Choose an action above, leave {directKept.length === 1 ? 'it' : 'them'} out of the export, or confirm:
          </p>
          <label className="check-label">
            <input type="checkbox" checked={allowDirect} onChange={(e) => onAllowDirect(e.target.checked)} data-testid="export-allow-direct" />
            Export {directKept.length === 1 ? 'this direct identifier' : 'these direct identifiers'} unprotected (recorded in the manifest)
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
