// A keyboard-driven folder browser over `fs.list`: the data roots as places, breadcrumb, folders, Enter
// descends, Backspace goes up; the native folder dialog where the desktop app has one.
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { pathCrumbs } from './pathCrumbs';

interface Listing {
  path: string;
  parent: string | null;
  entries: { name: string; path: string; dir: boolean; size: number }[];
}

interface Props {
  /**
   * Folder to show; the browser reports where it went through onNavigate. `resolved`: the engine's
   * default folder, reported for an empty `path` — not a choice of the user's.
   */
  path: string;
  onNavigate: (path: string, how?: { resolved: boolean }) => void;
  /** Enter on the list with nothing to descend into, or a double-click: scan this folder. */
  onChoose?: (path: string) => void;
  includeHidden: boolean;
}

/** True if `p` is `root` or below it (POSIX or Windows separators). */
function within(p: string, root: string): boolean {
  const r = root.replace(/[\\/]+$/, '');
  return p === root || p === r || p.startsWith(r + '/') || p.startsWith(r + '\\');
}

/** The last segment of a root, for its place button (the full path is its title). */
function placeLabel(root: string): string {
  return root.split(/[\\/]+/).filter(Boolean).pop() ?? root;
}

export function FolderBrowser({ path, onNavigate, onChoose, includeHidden }: Props) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [roots, setRoots] = useState<{ roots: string[]; native: boolean }>({ roots: [], native: false });
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const onNavigateRef = useRef(onNavigate);
  onNavigateRef.current = onNavigate;

  // The data roots: the only folders the engine lists; shown as places to start from.
  useEffect(() => {
    let stale = false;
    api['fs.roots']({}).then((r) => !stale && setRoots(r), () => undefined);
    return () => {
      stale = true;
    };
  }, []);

  const pickNative = async () => {
    try {
      const r = await api['fs.pickFolder']({});
      if (!r.path) return;
      setRoots(await api['fs.roots']({}));
      onNavigate(r.path);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

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
        if (l.path !== path) onNavigateRef.current(l.path, { resolved: !path });
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
      <nav className="folder-places" aria-label="Data folders" data-testid="folder-places">
        <span className="muted" aria-hidden="true">Data folders</span>
        {roots.roots.map((r) => (
          <button
            key={r}
            type="button"
            className={`button button-secondary${listing && within(listing.path, r) ? ' pressed' : ''}`}
            title={r}
            onClick={() => onNavigate(r)}
          >
            {placeLabel(r)}
          </button>
        ))}
        {roots.native ? (
          <button type="button" className="button button-secondary" onClick={() => void pickNative()} data-testid="pick-folder">
            Choose folder…
          </button>
        ) : null}
      </nav>
      <nav className="crumbs" aria-label="Folder path">
        {listing
          ? pathCrumbs(listing.path).filter((c) => roots.roots.length === 0 || roots.roots.some((r) => within(c.path, r))).map((c, i, all) => (
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
