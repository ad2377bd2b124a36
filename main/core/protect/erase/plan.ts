// The plan of an erasure in one dataset, made under its lease before anything changes: which rows go
// (or which cells are blanked), which entries of earlier steps' undo data and which rejected lines hold
// the subject, and the catalog's history text with the value scrubbed out. The plan holds row ids and
// table names only — never the value — so it is saved in the audit entry and a later run can finish it.
import type { Db } from '../../db/open';
import type { StoredDataset } from '../../db/repos/datasets';
import { position } from '../../clean/dataFile';
import type { Workspace } from '../../workspace';
import { registerMatcher, type CellTest, type Matcher } from './match';
import type { DatasetHits } from './search';

/** Entries of one undo table to delete (or, for saved rows in blank mode, cells to blank). */
export interface UndoTablePurge {
  table: string;
  seq: number;
  kind: 'cells' | 'rows';
  rids: number[];
  /** Saved rows in blank mode: (row id, physical column) cells to blank instead of deleting the rows. */
  blanks: Array<[number, string]>;
}

/** A history entry's text with the subject scrubbed out. */
export interface ScrubbedEntry {
  seq: number;
  op: string;
  description: string;
  detail: string | null;
  columnsBefore: string;
  columnsAfter: string | null;
}

export interface DatasetPlan {
  datasetId: number;
  name: string;
  rids: number[];
  cells: Array<[number, string]>;
  hidden: Array<[number, string]>;
  /** `_undo_cells` entries (seq, rid) to delete. */
  undoCells: Array<[number, number]>;
  undoTables: UndoTablePurge[];
  /** Row ids of rejected lines that mention the subject. */
  rejects: number[];
  history: ScrubbedEntry[];
  tags: Array<{ physical: string; evidence: string }>;
  /** Earlier steps whose undo data or text is purged: they cannot be undone any more. */
  purgedSteps: number[];
  /** Nothing but secure-delete writes since import or the last purge: wiping in place suffices (no VACUUM). */
  pristine: boolean;
  /** The erase step's history seq once it has begun. */
  seq: number | null;
  done: boolean;
}

export const ERASED = '[erased]';

/** What catalog text must lose: mentions of the value, and (deleting rows) the cells of those rows. */
export interface Scrubber {
  mentions(s: string): boolean;
  exact: string;
  /** Rows being deleted: cell edits of these rows lose their values. */
  rids: Set<number>;
}

/** A scrubber for the value and, when rows are deleted, the distinct cells of those rows. */
export function scrubberOf(m: Matcher, rowCells: Iterable<string | null>, rids: Iterable<number>): Scrubber {
  const cells = [...new Set([...rowCells].filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v.length >= 2))];
  const long = cells.filter((v) => v.length >= 6);
  const equal = new Set(cells);
  return {
    exact: m.forms.exact,
    rids: new Set(rids),
    mentions: (s) => {
      if (m.mentions(s) || equal.has(s.trim()) || long.some((v) => s.includes(v))) return true;
      // A fragment of one of the row's cells (a find/replace that changed it) is the row's data too.
      const t = s.trim();
      return t.length >= 6 && long.some((v) => v.includes(t));
    },
  };
}

/** A JSON text with every string that mentions the subject replaced by "[erased]"; null if none does. */
export function scrubJson(text: string | null, m: Scrubber): string | null {
  if (text === null) return null;
  const parsed = JSON.parse(text) as unknown;
  let touched = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return m.mentions(v) ? ((touched = true), ERASED) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) as Record<string, unknown>;
      // A cell edit of a deleted row holds one of its values, whatever it was.
      if (o.op === 'editCell' && typeof o.rid === 'number' && m.rids.has(o.rid)) {
        touched = true;
        o.value = ERASED;
        if (o.key && typeof o.key === 'object') o.key = { ...(o.key as object), value: ERASED };
      }
      return o;
    }
    return v;
  };
  const out = JSON.stringify(walk(parsed));
  if (!touched && !m.mentions(out)) return null;
  // A number could spell an id: the last resort drops the whole text.
  return m.mentions(out) ? JSON.stringify(ERASED) : out;
}

function scrubText(text: string, m: Scrubber, opTouched: boolean): string | null {
  if (!m.mentions(text)) return opTouched && /"/.test(text) ? `${text.split('"')[0]!.trim()} [erased]` : null;
  const out = text.split(m.exact).join(ERASED);
  return m.mentions(out) ? `${ERASED} step` : out;
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function undoTablePlans(db: Db, test: CellTest, mode: 'delete' | 'blank', blanked: Set<string>): UndoTablePurge[] {
  const out: UndoTablePurge[] = [];
  const ridIn = mode === 'delete' ? ' OR _rid IN (SELECT rid FROM temp.erase_rids)' : '';
  if (tableExists(db, '_undo_steps')) {
    for (const s of db.prepare('SELECT seq, physical, tbl FROM _undo_steps WHERE tbl IS NOT NULL').all() as Array<{ seq: number; physical: string; tbl: string }>) {
      if (!tableExists(db, s.tbl)) continue;
      const rids = (db.prepare(`SELECT _rid FROM ${s.tbl} WHERE ${test.sql('old')} OR ${test.sql('new')}${ridIn}`).pluck().all(...test.params, ...test.params) as number[]);
      if (mode === 'blank') for (const k of blanked) if (k.endsWith(`:${s.physical}`) && db.prepare(`SELECT 1 FROM ${s.tbl} WHERE _rid = ?`).get(Number(k.split(':')[0]))) rids.push(Number(k.split(':')[0]));
      if (rids.length) out.push({ table: s.tbl, seq: s.seq, kind: 'cells', rids: [...new Set(rids)], blanks: [] });
    }
  }
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB '_undo_rows_[0-9]*'").pluck().all() as string[]) {
    const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).filter((c) => c !== '_rid');
    const seq = Number(t.slice('_undo_rows_'.length));
    const hitAny = cols.length ? cols.map((c) => test.sql(c)).join(' OR ') : '0';
    const params = cols.flatMap(() => test.params);
    if (mode === 'delete') {
      const rids = db.prepare(`SELECT _rid FROM ${t} WHERE ${hitAny}${ridIn}`).pluck().all(...params) as number[];
      if (rids.length) out.push({ table: t, seq, kind: 'rows', rids, blanks: [] });
    } else {
      const blanks: Array<[number, string]> = [];
      for (const c of cols) {
        for (const rid of db.prepare(`SELECT _rid FROM ${t} WHERE ${test.sql(c)}`).pluck().all(...test.params) as number[]) blanks.push([rid, c]);
      }
      if (blanks.length) out.push({ table: t, seq, kind: 'rows', rids: [], blanks });
    }
  }
  return out;
}

/** Whether only secure-delete writes touched the file since import or the last purge (see DatasetPlan.pristine). */
function isPristine(ws: Workspace, db: Db, ds: StoredDataset): boolean {
  const pos = position(db);
  const seqs = ws.catalog.prepare('SELECT seq FROM history WHERE dataset_id = ?').pluck().all(ds.id) as number[];
  const clean = db.prepare("SELECT value FROM _meta WHERE key = 'erase_clean'").pluck().get() as string | undefined;
  const freelist = db.pragma('freelist_count', { simple: true }) as number;
  const undo = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name GLOB '_undo_*'").pluck().get() as number;
  // ANALYZE (run after each sort index is built) rewrites its samples of index keys in place: stale bytes.
  const analyzed = db.prepare("SELECT count(*) FROM sqlite_master WHERE name GLOB 'sqlite_stat*'").pluck().get() as number;
  if (analyzed > 0) return false;
  if (pos === 0 && seqs.length === 0 && undo === 0 && freelist === 0) return true;
  return clean !== undefined && Number(clean) === pos && !seqs.some((s) => s > pos);
}

/** Plans the erasure in one dataset from its search hits; `db` is its file, opened for writing under the lease. */
export function planDataset(ws: Workspace, db: Db, hits: DatasetHits, m: Matcher, mode: 'delete' | 'blank'): DatasetPlan {
  const { ds } = hits;
  const test = registerMatcher(db, m);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_rids (rid INTEGER PRIMARY KEY); DELETE FROM temp.erase_rids');
  const ins = db.prepare('INSERT OR IGNORE INTO temp.erase_rids (rid) VALUES (?)');
  for (const rid of hits.rids) ins.run(rid);
  const deleted = new Set(mode === 'delete' ? hits.rids : []);
  const blankedCells = mode === 'blank' ? [...hits.cells, ...hits.hidden] : hits.hidden.filter(([rid]) => !deleted.has(rid));
  const blanked = new Set(blankedCells.map(([rid, p]) => `${rid}:${p}`));
  let undoCells: Array<[number, number]> = [];
  if (tableExists(db, '_undo_cells')) {
    const steps = new Map((db.prepare('SELECT seq, physical FROM _undo_steps WHERE tbl IS NULL').all() as Array<{ seq: number; physical: string }>).map((s) => [s.seq, s.physical]));
    const ridIn = mode === 'delete' ? ' OR rid IN (SELECT rid FROM temp.erase_rids)' : '';
    undoCells = (db.prepare(`SELECT seq, rid FROM _undo_cells WHERE ${test.sql('old')}${ridIn}`).raw(true).all(...test.params) as Array<[number, number]>);
    if (mode === 'blank') {
      for (const [seq, rid] of db.prepare('SELECT seq, rid FROM _undo_cells').raw(true).iterate() as Iterable<[number, number]>) {
        if (blanked.has(`${rid}:${steps.get(seq)}`)) undoCells.push([seq, rid]);
      }
    }
  }
  const undoTables = undoTablePlans(db, test, mode, blanked);
  const rejects = tableExists(db, '_rejects') ? (db.prepare('SELECT rowid FROM _rejects WHERE tidyset_erase_mentions(raw) OR tidyset_erase_mentions(reason)').pluck().all() as number[]) : [];
  const rowCells: Array<string | null> = [];
  if (mode === 'delete' && hits.rids.length) {
    for (const r of db.prepare('SELECT * FROM rows WHERE _rid IN (SELECT rid FROM temp.erase_rids)').raw(true).iterate() as Iterable<unknown[]>) {
      for (const v of r.slice(1)) rowCells.push(typeof v === 'string' ? v : null);
    }
  }
  const sc = scrubberOf(m, rowCells, deleted);
  const history: ScrubbedEntry[] = [];
  type HRow = { seq: number; op: string; description: string; detail: string | null; columns_before: string; columns_after: string | null };
  for (const h of ws.catalog.prepare('SELECT seq, op, description, detail, columns_before, columns_after FROM history WHERE dataset_id = ?').all(ds.id) as HRow[]) {
    const op = scrubJson(h.op, sc), description = scrubText(h.description, sc, op !== null), detail = scrubJson(h.detail, sc);
    const before = scrubJson(h.columns_before, sc), after = scrubJson(h.columns_after, sc);
    if (op === null && description === null && detail === null && before === null && after === null) continue;
    history.push({ seq: h.seq, op: op ?? h.op, description: description ?? h.description, detail: detail ?? h.detail, columnsBefore: before ?? h.columns_before, columnsAfter: after ?? h.columns_after });
  }
  const tags: DatasetPlan['tags'] = [];
  for (const t of ws.catalog.prepare('SELECT physical, evidence_json FROM column_tags WHERE dataset_id = ?').all(ds.id) as Array<{ physical: string; evidence_json: string | null }>) {
    const ev = scrubJson(t.evidence_json, sc);
    if (ev !== null) tags.push({ physical: t.physical, evidence: ev });
  }
  const purged = new Set([...undoCells.map(([seq]) => seq), ...undoTables.map((u) => u.seq), ...history.map((h) => h.seq)]);
  return {
    datasetId: ds.id, name: ds.name, rids: hits.rids, cells: mode === 'blank' ? hits.cells : [], hidden: mode === 'blank' ? hits.hidden : blankedCells,
    undoCells, undoTables, rejects, history, tags, purgedSteps: [...purged].sort((a, b) => a - b), pristine: isPristine(ws, db, ds), seq: null, done: false,
  };
}

/**
 * Adds to a plan the undo entries of its deleted rows that steps made after it was planned hold (a
 * killed erasure finished later, after another writer changed the dataset): found by row id alone,
 * since the value itself is not kept.
 */
export function addRidPurges(db: Db, p: DatasetPlan, mode: 'delete' | 'blank'): void {
  if (mode !== 'delete' || p.rids.length === 0) return;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_rids (rid INTEGER PRIMARY KEY); DELETE FROM temp.erase_rids');
  const ins = db.prepare('INSERT OR IGNORE INTO temp.erase_rids (rid) VALUES (?)');
  for (const rid of p.rids) ins.run(rid);
  const steps = new Set(p.purgedSteps);
  if (tableExists(db, '_undo_cells')) {
    for (const [seq, rid] of db.prepare('SELECT seq, rid FROM _undo_cells WHERE rid IN (SELECT rid FROM temp.erase_rids)').raw(true).iterate() as Iterable<[number, number]>) {
      p.undoCells.push([seq, rid]);
      steps.add(seq);
    }
  }
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name GLOB '_undo_[0-9]*' OR name GLOB '_undo_rows_[0-9]*')").pluck().all() as string[]);
  for (const t of tables) {
    const rids = db.prepare(`SELECT _rid FROM ${t} WHERE _rid IN (SELECT rid FROM temp.erase_rids)`).pluck().all() as number[];
    if (!rids.length) continue;
    const seq = Number(t.replace(/^_undo_(rows_)?/, ''));
    p.undoTables.push({ table: t, seq, kind: t.startsWith('_undo_rows_') ? 'rows' : 'cells', rids, blanks: [] });
    steps.add(seq);
  }
  p.purgedSteps = [...steps].sort((a, b) => a - b);
}
