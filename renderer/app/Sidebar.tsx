// The left sidebar: app name, dataset search and list, the scan button, and running jobs.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { DatasetNav } from './DatasetNav';
import { JobsPanel } from './JobsPanel';
import { MOD_KEY } from './useHotkeys';
import type { Route } from './useRoute';
import { openScanDialog } from './ui';

/** Keeps the end of a long path, which is the part that tells folders apart. */
function shortPath(p: string, max = 36): string {
  return p.length <= max ? p : `…${p.slice(p.length - max + 1)}`;
}

export function Sidebar({ route }: { route: Route }) {
  const [workspace, setWorkspace] = useState<string | null>(null);
  useEffect(() => {
    api['app.info']({}).then((i) => setWorkspace(i.workspace), () => setWorkspace(null));
  }, []);

  return (
    <aside className="sidebar" aria-label="Datasets and jobs">
      <div className="brand">
        <a href="#/" className="brand-link" title="Catalog">
          <span className="brand-mark" aria-hidden="true" />
          Tidyset
        </a>
      </div>
      <DatasetNav current={route.name === 'dataset' || route.name === 'dedupe' ? route.dataset : null} />
      <div className="sidebar-actions">
        <button type="button" className="button button-secondary button-block" onClick={openScanDialog} data-testid="open-scan">
          Scan a folder…
          <kbd>{MOD_KEY}+O</kbd>
        </button>
        <a href="#/privacy" className={`button button-secondary button-block${route.name === 'privacy' ? ' is-current' : ''}`} data-testid="open-privacy">
          Erase a data subject…
        </a>
      </div>
      <JobsPanel />
      {workspace ? (
        <div className="workspace-path" title={`Workspace: ${workspace}`}>
          {shortPath(workspace)}
        </div>
      ) : null}
    </aside>
  );
}
