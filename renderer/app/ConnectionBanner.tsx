// A plain banner when the Tidyset server cannot be reached, with Retry; what the screen shows meanwhile is marked stale.
import { useEffect, useState } from 'react';
import { api, onConnection } from '../api';
import { refreshDatasets } from './useDatasets';

export function ConnectionBanner() {
  const [lost, setLost] = useState(false);
  const [trying, setTrying] = useState(false);
  useEffect(() => onConnection((ok) => setLost(!ok)), []);
  useEffect(() => {
    document.body.classList.toggle('connection-lost', lost);
  }, [lost]);
  if (!lost) return null;
  const retry = async () => {
    setTrying(true);
    try {
      await api['app.info']({});
      await refreshDatasets();
    } catch {
      // Still unreachable: the banner stays.
    } finally {
      setTrying(false);
    }
  };
  return (
    <div className="connection-banner" role="alert" data-testid="connection-lost">
      <span>
        <strong>The connection to Tidyset was lost.</strong> The server may have stopped. What you see may be out of date until it is back.
      </span>
      <button type="button" className="button button-secondary button-xs" onClick={() => void retry()} disabled={trying} data-testid="connection-retry">
        {trying ? 'Trying…' : 'Retry'}
      </button>
    </div>
  );
}
