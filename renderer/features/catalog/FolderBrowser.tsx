// A keyboard-driven folder browser over `fs.list`: breadcrumb, folders, Enter descends, Backspace goes up.
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { pathCrumbs } from './pathCrumbs';

interface Listing {
  path: string;
  parent: string | null;
  entries: { name: string; path: string; dir: boolean; size: number }[];
}

interface Props {
  /** Folder to show; the browser reports where it went through onNavigate. */
  path: string;
  onNavigate: (path: string) => void;
  /** Enter on the list with nothing to descend into, or a double-click: scan this folder. */
  onChoose?: (path: string) => void;
  includeHidden: boolean;
}

export function FolderBrowser({ path, onNavigate, onChoose, includeHidden }: Props) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const onNavigateRef = useRef(onNavigate);
  onNavigateRef.current = onNavigate;

  // Refetch only when the folder changes; an empty path asks the engine for its default folder.
  useEffect(() => {
    if (listing && listing.path === path) return;
    let stale = false;
    api['fs.list']({ path: path || undefined }).then(
      (l) => {
        if (stale) return;
        setListing(l);
        setError(null);
        setActive(0);
        if (l.path !== path) onNavigateRef.current(l.path);
      },
      (e) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [path, listing]);

  const dirs = (listing?.entries ?? []).filter((e) => e.dir && (includeHidden || !e.name.startsWith('.')));
  const files = (listing?.entries ?? []).filter((e) => !e.dir && (includeHidden || !e.name.startsWith('.')));

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(dirs.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const d = dirs[active];
      if (d) onNavigate(d.path);
      else if (listing) onChoose?.(listing.path);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      if (listing?.parent) onNavigate(listing.parent);
    } else if (e.key === 'Home') {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      setActive(Math.max(0, dirs.length - 1));
    }
  };

  return (
    <div className="folder-browser" data-testid="folder-browser">
      <nav className="crumbs" aria-label="Folder path">
        {listing
          ? pathCrumbs(listing.path).map((c, i, all) => (
              <span key={c.path} className="crumb">
                <button type="button" className="link-button" onClick={() => onNavigate(c.path)} disabled={i === all.length - 1}>
                  {c.label}
                </button>
                {i < all.length - 1 && c.label !== '/' ? <span className="crumb-sep">/</span> : null}
              </span>
            ))
          : null}
      </nav>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
      <ul
        ref={listRef}
        className="folder-list"
        role="listbox"
        tabIndex={0}
        aria-label="Folders"
        aria-activedescendant={dirs[active] ? `fb-${active}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="folder-list"
      >
        {listing?.parent ? (
          <li className="folder up" onClick={() => onNavigate(listing.parent!)} title="Up one folder (Backspace)">
            <span className="folder-icon up-icon" aria-hidden="true" />
            ..
          </li>
        ) : null}
        {dirs.map((d, i) => (
          <li
            key={d.path}
            id={`fb-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === active}
            className={`folder${i === active ? ' active' : ''}`}
            onClick={() => setActive(i)}
            onDoubleClick={() => onNavigate(d.path)}
          >
            <span className="folder-icon" aria-hidden="true" />
            {d.name}
          </li>
        ))}
        {listing && dirs.length === 0 ? <li className="folder-empty">No sub-folders here.</li> : null}
      </ul>
      <div className="folder-foot muted">
        {files.length} file{files.length === 1 ? '' : 's'} in this folder · ↑↓ move · Enter open · Backspace up
      </div>
    </div>
  );
}
