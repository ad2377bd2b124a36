// Finds a data subject's value in every dataset of a workspace: the rows with a matching cell in a
// visible column, and the matching cells of hidden physical columns (dropped columns keep their data).
import type { EraseMatches, EraseScope, EraseSearchOut } from '../../../../shared/api/erase';
import type { Db } from '../../db/open';
import type { StoredDataset } from '../../db/repos/datasets';
import { TidysetError } from '../../errors';
import type { JobContext } from '../../jobs/context';
import { openDataset } from '../../rows/datasetDb';
import type { Workspace } from '../../workspace';
import { matcherOf, registerMatcher, type Matcher } from './match';
import { isPseudonym, resolvePseudonym, type PseudonymHit } from './pseudonym';

/** What one dataset holds of the subject: row ids and the (row id, physical column) cells. */
export interface DatasetHits {
  ds: StoredDataset;
  rids: number[];
  cells: Array<[number, string]>;
  hidden: Array<[number, string]>;
  /** Visible cells that mention the value inside longer text: not erased, reported. */
  mentions: number;
  /** The visible matched rows with their values in display order (for a page of the search). */
  values: Map<number, Array<string | null>>;
}

/** The datasets a scope covers, in name order; NOT_FOUND for a named dataset or column that is missing. */
export function datasetsInScope(ws: Workspace, scope: { dataset?: string; datasets?: string[]; column?: string }): StoredDataset[] {
  const named = scope.dataset !== undefined ? [scope.dataset] : scope.datasets?.length ? scope.datasets : null;
  const list = named ? named.map((n) => ws.datasets.get(n)) : ws.datasets.list();
  const out = scope.column === undefined ? list : list.filter((d) => d.columns.some((c) => c.name === scope.column));
  if (named && scope.column !== undefined && out.length === 0) {
    throw new TidysetError('NOT_FOUND', `no dataset of ${named.map((n) => JSON.stringify(n)).join(', ')} has a column ${JSON.stringify(scope.column)}`);
  }
  return [...out].sort((a, b) => a.name.localeCompare(b.name));
}

/** Physical columns of the rows table that no visible column maps to. */
export function hiddenPhysicals(db: Db, ds: StoredDataset): string[] {
  const visible = new Set(ds.columns.map((c) => c.physical));
  return (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('rows') as string[]).filter((n) => n !== '_rid' && !visible.has(n));
}

/** Searches one open dataset file. */
export function searchDb(db: Db, ds: StoredDataset, m: Matcher, column: string | undefined, isCancelled?: () => boolean): DatasetHits {
  const test = registerMatcher(db, m);
  const cols = column === undefined ? ds.columns : ds.columns.filter((c) => c.name === column);
  const hits: DatasetHits = { ds, rids: [], cells: [], hidden: [], mentions: 0, values: new Map() };
  if (cols.length) {
    // The prefilter alone: each candidate cell is then a hit, a mention inside longer text, or neither.
    const where = cols.map((c) => test.pre(c.physical)).join(' OR ');
    const all = ds.columns.length ? ds.columns.map((c) => c.physical).join(', ') : 'NULL';
    const stmt = db.prepare(`SELECT _rid, ${all} FROM rows WHERE ${where} ORDER BY _rid`).raw(true);
    let n = 0;
    for (const r of stmt.iterate(...cols.flatMap(() => test.params)) as Iterable<unknown[]>) {
      if (++n % 1024 === 0 && isCancelled?.()) throw new TidysetError('CANCELLED', 'erasure cancelled');
      const rid = r[0] as number;
      const values = r.slice(1) as Array<string | null>;
      let hit = false;
      ds.columns.forEach((c, i) => {
        if (!cols.includes(c)) return;
        if (m.test(values[i])) {
          hits.cells.push([rid, c.physical]);
          hit = true;
        } else if (typeof values[i] === 'string' && m.mentions(values[i]!)) hits.mentions++;
      });
      if (!hit) continue;
      hits.rids.push(rid);
      hits.values.set(rid, values);
    }
  }
  const hidden = column === undefined ? hiddenPhysicals(db, ds) : [];
  if (hidden.length) {
    const where = hidden.map((p) => test.sql(p)).join(' OR ');
    for (const r of db.prepare(`SELECT _rid, ${hidden.join(', ')} FROM rows WHERE ${where}`).raw(true).iterate(...hidden.flatMap(() => test.params)) as Iterable<unknown[]>) {
      hidden.forEach((p, i) => {
        if (m.test(r[i + 1])) hits.hidden.push([r[0] as number, p]);
      });
    }
  }
  return hits;
}

/** Searches every dataset in scope (read-only), reporting each dataset done to `ctx`. */
export function searchAll(ws: Workspace, scope: EraseScope & { datasets?: string[] }, ctx?: JobContext): { matcher: Matcher; hits: DatasetHits[]; searched: number; pseudonym: PseudonymHit | null } {
  if (scope.value.trim() === '') throw new TidysetError('BAD_INPUT', 'the value to erase is empty once trimmed');
  const list = datasetsInScope(ws, scope);
  // A pseudonym stands for the value it was made from: that value is what is searched (and erased).
  const ps = isPseudonym(scope.value) ? resolvePseudonym(ws, scope.value, list, ctx?.isCancelled) : null;
  if (ps && ps.values.length === 0) return { matcher: matcherOf(ps.pseudonym), hits: [], searched: list.length, pseudonym: ps };
  const m = matcherOf(ps ? ps.values[0]! : scope.value);
  const hits: DatasetHits[] = [];
  list.forEach((ds, i) => {
    ctx?.progress(i, list.length, `searching ${ds.name}`);
    if (ctx?.isCancelled()) throw new TidysetError('CANCELLED', 'erasure cancelled');
    const db = openDataset(ws, ds);
    try {
      hits.push(searchDb(db, ds, m, scope.column, ctx?.isCancelled));
    } finally {
      db.close();
    }
  });
  return { matcher: m, hits, searched: list.length, pseudonym: ps };
}

/** The search as the API answers it: the datasets with a match, a page of rows each. */
export function searchSubject(ws: Workspace, q: EraseScope & { offset: number; limit: number }): EraseSearchOut {
  const { matcher, hits, searched, pseudonym } = searchAll(ws, q);
  const datasets: EraseMatches[] = hits.filter((h) => h.rids.length || h.hidden.length || h.mentions).map((h) => {
    const byRid = new Map<number, string[]>();
    for (const [rid, p] of h.cells) byRid.set(rid, [...(byRid.get(rid) ?? []), h.ds.columns.find((c) => c.physical === p)!.name]);
    const matchedColumns = h.ds.columns.filter((c) => h.cells.some(([, p]) => p === c.physical)).map((c) => c.name);
    return {
      dataset: h.ds.name, rows: h.rids.length, cells: h.cells.length, hiddenCells: h.hidden.length, mentions: h.mentions, matchedColumns,
      columns: h.ds.columns.map((c) => c.name), offset: q.offset,
      page: h.rids.slice(q.offset, q.offset + q.limit).map((rid) => ({ rid, values: h.values.get(rid)!, matched: byRid.get(rid) ?? [] })),
    };
  });
  const forms = pseudonym ? [pseudonym.pseudonym] : [matcher.forms.exact, ...matcher.forms.norms.filter((n) => n !== matcher.forms.exact)];
  return { forms, datasets, searched, pseudonymOf: pseudonym ? pseudonym.columns : null };
}
