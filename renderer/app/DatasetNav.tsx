// Dataset search and list: filters by name locally and asks the engine for column names and descriptions.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { formatCount } from '../components/format';
import { useDatasets } from './useDatasets';
import { MOD_KEY, SEARCH_INPUT_ID } from './useHotkeys';
import { navigate, routeHref } from './useRoute';

interface Hit {
  dataset: string;
  notes: string[];
}

type SearchResult = Awaited<ReturnType<(typeof api)['datasets.search']>>;
type TagResult = Awaited<ReturnType<(typeof api)['tags.search']>>;

function describe(r: SearchResult[number]): string {
  const where = r.column === null ? 'dataset' : `column ${r.column}`;
  return r.field === 'name' ? where : `${where} · ${r.field}: ${r.text}`;
}

export function DatasetNav({ current }: { current: string | null }) {
  const { list, loaded } = useDatasets();
  const [query, setQuery] = useState('');
  const [remote, setRemote] = useState<SearchResult>([]);
  const [tagHits, setTagHits] = useState<TagResult>([]);
  const [active, setActive] = useState(0);
  const q = query.trim();

  useEffect(() => {
    if (!q) {
      setRemote([]);
      setTagHits([]);
      return;
    }
    let stale = false;
    const t = window.setTimeout(() => {
      api['datasets.search']({ query: q }).then(
        (r) => !stale && setRemote(r),
        () => !stale && setRemote([]),
      );
      // Personal-data tags are searchable too: "email", "direct", "national_id_se"…
      api['tags.search']({ query: q }).then(
        (r) => !stale && setTagHits(r),
        () => !stale && setTagHits([]),
      );
    }, 120);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [q]);

  const hits: Hit[] = useMemo(() => {
    if (!q) return list.map((d) => ({ dataset: d.name, notes: [] }));
    const byName = new Map<string, Hit>();
    const needle = q.toLowerCase();
    for (const d of list) if (d.name.toLowerCase().includes(needle)) byName.set(d.name, { dataset: d.name, notes: [] });
    for (const r of remote) {
      if (!list.some((d) => d.name === r.dataset)) continue;
      const hit = byName.get(r.dataset) ?? { dataset: r.dataset, notes: [] };
      if (!(r.column === null && r.field === 'name')) hit.notes.push(describe(r));
      byName.set(r.dataset, hit);
    }
    for (const t of tagHits) {
      if (!list.some((d) => d.name === t.dataset)) continue;
      const hit = byName.get(t.dataset) ?? { dataset: t.dataset, notes: [] };
      hit.notes.push(`column ${t.column} · personal data: ${t.kind} (${t.category}${t.status === 'suggested' ? ', suggested' : ''})`);
      byName.set(t.dataset, hit);
    }
    return [...byName.values()];
  }, [q, list, remote, tagHits]);

  useEffect(() => setActive(0), [q]);
  const rowsOf = (name: string) => list.find((d) => d.name === name)?.rows;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) navigate({ name: 'dataset', dataset: hit.dataset });
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  return (
    <nav className="dataset-nav" aria-label="Datasets">
      <div className="search">
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          placeholder="Search datasets"
          title="Searches dataset and column names, descriptions, units and personal-data tags"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          aria-controls="dataset-list"
          aria-activedescendant={hits[active] ? `dsnav-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <kbd className="search-kbd">{MOD_KEY}+K</kbd>
      </div>
      <div className="nav-heading">Datasets{list.length ? <span className="count">{list.length}</span> : null}</div>
      <ul id="dataset-list" className="nav-list" role="listbox" aria-label="Datasets">
        {hits.map((h, i) => (
          <li
            key={h.dataset}
            id={`dsnav-${i}`}
            role="option"
            aria-selected={h.dataset === current}
            className={`nav-item${h.dataset === current ? ' current' : ''}${q && i === active ? ' active' : ''}`}
          >
            <a href={routeHref({ name: 'dataset', dataset: h.dataset })} tabIndex={-1}>
              <span className="nav-name">{h.dataset}</span>
              <span className="nav-meta">{formatCount(rowsOf(h.dataset))}</span>
            </a>
            {h.notes.slice(0, 2).map((n) => (
              <div key={n} className="nav-note" title={n}>
                {n}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {loaded && list.length === 0 ? <p className="nav-empty">No datasets yet.</p> : null}
      {loaded && list.length > 0 && q && hits.length === 0 ? <p className="nav-empty">Nothing matches “{q}”.</p> : null}
    </nav>
  );
}
