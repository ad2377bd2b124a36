// The Protection side panel of a dataset: the export action of each tagged column, k-anonymity over
// the quasi-identifiers with "show rows below k", and the workspace secret pseudonyms are keyed by.
import type { Dataset } from '../../../shared/api/catalog';
import { KanonCard } from './KanonCard';
import { ProtectionTable } from './ProtectionTable';
import { SecretCard } from './SecretCard';
import { useProtection } from './useProtection';
import './protect.css';

export function ProtectionPanel({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const { protection, error, setAction, reload } = useProtection(dataset.name);
  const direct = protection?.directKept ?? [];
  return (
    <aside className="side-panel protection-panel" aria-label="Protection" data-testid="protection-panel">
      <header className="panel-head">
        <h2>Protection</h2>
        <div className="panel-tools">
          <button type="button" className="icon-button" aria-label="Close protection" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <div className="panel-body">
        {error ? <div className="error-panel" role="alert">{error}</div> : null}
        <section className="protect-section" aria-label="Export actions">
          <h3>Export actions</h3>
          {protection ? <ProtectionTable columns={protection.columns} onAction={(c, a) => void setAction(c, a)} examples={false} /> : null}
          {direct.length ? (
            <p className="protect-warn" data-testid="protect-direct-note">
              {direct.join(', ')} {direct.length === 1 ? 'is a direct identifier' : 'are direct identifiers'} kept as is: exports ask for confirmation.
            </p>
          ) : null}
        </section>
        <KanonCard dataset={dataset} protection={protection} />
        {protection ? <SecretCard secret={protection.secret} onChanged={reload} /> : null}
      </div>
    </aside>
  );
}
