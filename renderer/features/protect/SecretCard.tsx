// The workspace secret pseudonyms are keyed by: its fingerprint and date (never the key), a problem
// if the file is missing or corrupt, and rotation behind a confirmation.
import { useState } from 'react';
import type { SecretState } from '../../../shared/api/protect';
import { api, errorMessage } from '../../api';
import { formatDateTime } from '../../components/format';

export function SecretCard({ secret, onChanged }: { secret: SecretState; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rotate = async () => {
    try {
      await api['protect.rotateSecret']({ replaceLost: !!secret.problem });
      setError(null);
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="protect-section protect-secret" aria-label="Pseudonym secret" data-testid="secret-card">
      <h3>Pseudonym secret</h3>
      {secret.problem ? <div className="error-panel" role="alert">{secret.problem}</div> : null}
      {secret.current ? (
        <div className="row">
          <span>
            fingerprint <span className="mono" data-testid="secret-fingerprint">{secret.current.fingerprint}</span>
          </span>
          <span className="muted">since {formatDateTime(secret.current.createdAt)}</span>
        </div>
      ) : (
        <div className="muted">Made at the first export that pseudonymises a column; it stays in this workspace and is never exported.</div>
      )}
      {secret.retired.length ? <div className="muted">{secret.retired.length} retired {secret.retired.length === 1 ? 'key' : 'keys'} kept (last retired {formatDateTime(secret.retired[0]!.retiredAt)})</div> : null}
      {secret.current || secret.problem ? (
        confirming ? (
          <div className="protect-direct" role="alertdialog" aria-label="Rotate the secret?">
            <p>{secret.problem ? 'Start a new secret? Pseudonyms made before will not match new ones.' : 'Rotate the secret? Exports made from now on get new pseudonyms, which will not join with earlier exports. The old key is kept as retired.'}</p>
            <div className="row">
              <button type="button" className="button button-danger" onClick={() => void rotate()} data-testid="secret-rotate-confirm">
                {secret.problem ? 'Start a new secret' : 'Rotate'}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div className="row">
            <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} data-testid="secret-rotate">
              {secret.problem ? 'Start a new secret…' : 'Rotate secret…'}
            </button>
          </div>
        )
      ) : null}
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
    </section>
  );
}
