// Erases a data subject (GDPR Art. 17) from the datasets of a workspace: under every dataset's lease it
// searches and plans, records the audit entry (with the value's hash, never the value), then erases
// each dataset as a non-undoable `erase` history step (two phases, like every step: a killed process
// leaves each dataset before or after its step), purges the earlier steps' undo data and the catalog's
// history text, and finally wipes the files physically and checks their raw bytes.
import type { EraseDatasetOutcome, EraseResult, EraseRunIn } from '../../../../shared/api/erase';
import { openData, recordOutcome, setPosition } from '../../clean/dataFile';
import { withWriter } from '../../clean/writer';
import { HistoryRepo, type OpDetail } from '../../db/repos/history';
import type { StoredDataset } from '../../db/repos/datasets';
import { TidysetError } from '../../errors';
import { quietContext, type JobContext } from '../../jobs/context';
import { killPoint } from '../../lock/killPoint';
import type { Workspace } from '../../workspace';
import { AuditLog, exportsOf, sha256 } from '../audit';
import { applyPlan, checkpointFile, filesContaining, filesUnder, truncateWal, vacuumFile } from './physical';
import { addRidPurges, planDataset, type DatasetPlan } from './plan';
import { datasetsInScope, searchAll } from './search';

/** What the audit entry keeps while an erasure runs: enough to finish it after a kill. */
interface ErasePlan {
  mode: 'delete' | 'blank';
  datasets: DatasetPlan[];
}

/** Holds the leases of all `datasets` (taken in file order, so two erasures cannot deadlock) while `fn` runs. */
function withWriters<T>(ws: Workspace, datasets: StoredDataset[], what: string, fn: () => T): T {
  const sorted = [...datasets].sort((a, b) => a.file.localeCompare(b.file));
  const step = (i: number): T => (i === sorted.length ? fn() : withWriter(ws, sorted[i]!.name, what, () => step(i + 1)));
  return step(0);
}

const NOT_UNDOABLE = ' — undo data erased, cannot be undone';

function outcomeOf(p: DatasetPlan, mode: 'delete' | 'blank', rows: number): EraseDatasetOutcome {
  return {
    dataset: p.name, rows, cells: mode === 'blank' ? p.cells.length : 0, hiddenCells: p.hidden.length,
    purgedSteps: p.purgedSteps, rejects: p.rejects.length, seq: p.seq, done: p.done,
  };
}

/** The catalog half of a dataset's erasure: the step finished, earlier steps' text scrubbed and marked. */
function finishCatalog(ws: Workspace, ds: StoredDataset, p: DatasetPlan, rowsAfter: number, detail: OpDetail): void {
  const history = new HistoryRepo(ws.catalog);
  ws.catalog.transaction(() => {
    history.finish(ds.id, p.seq!, 'done', ds.columns, rowsAfter, { columns: ds.columns, rows: rowsAfter, detail });
    const set = ws.catalog.prepare('UPDATE history SET op = ?, description = ?, detail = ?, columns_before = ?, columns_after = ? WHERE dataset_id = ? AND seq = ?');
    for (const h of p.history) set.run(h.op, h.description, h.detail, h.columnsBefore, h.columnsAfter, ds.id, h.seq);
    const mark = ws.catalog.prepare('SELECT description, detail FROM history WHERE dataset_id = ? AND seq = ?');
    const setMark = ws.catalog.prepare('UPDATE history SET description = ?, detail = ? WHERE dataset_id = ? AND seq = ?');
    for (const seq of p.purgedSteps) {
      const row = mark.get(ds.id, seq) as { description: string; detail: string | null } | undefined;
      if (!row) continue;
      const d = { ...((row.detail ? JSON.parse(row.detail) : { changed: 0 }) as OpDetail), erased: true };
      setMark.run(row.description.endsWith(NOT_UNDOABLE) ? row.description : row.description + NOT_UNDOABLE, JSON.stringify(d), ds.id, seq);
    }
    const tag = ws.catalog.prepare('UPDATE column_tags SET evidence_json = ? WHERE dataset_id = ? AND physical = ?');
    for (const t of p.tags) tag.run(t.evidence, ds.id, t.physical);
  })();
  p.done = true;
}

/** Erases one planned dataset as an `erase` history step; the caller holds its lease. */
function eraseDataset(ws: Workspace, audit: AuditLog, auditId: number, plan: ErasePlan, p: DatasetPlan, results: () => EraseDatasetOutcome[]): number {
  const ds = ws.datasets.get(p.name);
  const history = new HistoryRepo(ws.catalog);
  const rows = plan.mode === 'delete' ? p.rids.length : new Set(p.cells.map(([rid]) => rid)).size;
  const what = plan.mode === 'delete' ? `deleted ${rows} row${rows === 1 ? '' : 's'}` : `blanked ${p.cells.length} cell${p.cells.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}`;
  const op = { op: 'erase', mode: plan.mode, audit: auditId, rows, cells: p.cells.length + p.hidden.length };
  p.seq = history.begin(ds.id, op, `Erased a data subject: ${what} (audit #${auditId}); cannot be undone`, ds.columns, ds.rows);
  audit.progress(auditId, results(), plan, 'erasing');
  killPoint('erase:begun');
  const detail: OpDetail & { erased: true } = { changed: plan.mode === 'delete' ? rows : p.cells.length, erased: true };
  const db = openData(ws, ds);
  let rowsAfter = ds.rows;
  try {
    db.pragma('secure_delete = ON');
    db.transaction(() => {
      rowsAfter = ds.rows - applyPlan(db, p, plan.mode);
      setPosition(db, p.seq!);
      db.prepare("INSERT OR REPLACE INTO _meta (key, value) VALUES ('erase_clean', ?)").run(String(p.seq));
      recordOutcome(db, { seq: p.seq!, columns: ds.columns, rows: rowsAfter, detail });
    }).immediate();
  } catch (e) {
    history.remove(ds.id, p.seq);
    p.seq = null;
    throw e;
  } finally {
    db.close();
  }
  killPoint('erase:data');
  finishCatalog(ws, ds, p, rowsAfter, detail);
  return rows;
}

/**
 * The physical purge of the erased datasets' files and the catalog: a file that only secure writes
 * touched has its WAL folded in and truncated; any other is rewritten by VACUUM. With the value at
 * hand (`needle`), every file of the workspace is then read byte by byte, and a dataset file that
 * still holds the value is rewritten and read again.
 */
function purgeFiles(ws: Workspace, plans: DatasetPlan[], needle: string | null): EraseResult['purge'] {
  const vacuumed: string[] = [];
  let ok = true;
  for (const p of plans) {
    const ds = ws.datasets.find(p.datasetId);
    if (!ds || !ws.hasFile(ds.file)) continue;
    const file = ws.dataPath(ds.file);
    if (p.pristine && needle !== null) ok = checkpointFile(file) && ok;
    else {
      ok = vacuumFile(file) && ok;
      vacuumed.push(p.name);
    }
  }
  ws.catalog.pragma('secure_delete = ON');
  ws.catalog.exec('VACUUM');
  ok = truncateWal(ws.catalog) && ok;
  if (needle === null) return { files: plans.length + 1, vacuumed, verified: false };
  const base = (f: string) => f.replace(/-(wal|shm|journal)$/, '');
  const others = new Set(ws.datasets.list().filter((d) => !plans.some((p) => p.datasetId === d.id)).map((d) => ws.dataPath(d.file)));
  // Datasets left out of the erasure may hold the value by the user's choice: only the others count.
  let left = filesContaining(filesUnder(ws.dir).filter((f) => !others.has(base(f))), needle);
  // A wiped-in-place file that still holds the value (stale bytes secure_delete could not reach) is rewritten.
  const again = new Set<string>();
  for (const p of plans) {
    const ds = ws.datasets.find(p.datasetId);
    if (!ds || vacuumed.includes(p.name) || !left.some((f) => base(f) === ws.dataPath(ds.file))) continue;
    ok = vacuumFile(ws.dataPath(ds.file)) && ok;
    vacuumed.push(p.name);
    again.add(ws.dataPath(ds.file));
  }
  if (again.size) left = [...left.filter((f) => !again.has(base(f))), ...filesContaining([...again].flatMap((f) => [f, `${f}-wal`]), needle)];
  return { files: plans.length + 1, vacuumed, verified: ok && left.length === 0 };
}

/** Finishes the erasures a killed process left (their plans say what is left); returns how many. */
export function resumeErasures(ws: Workspace): number {
  const audit = new AuditLog(ws.catalog);
  const open = audit.unfinished();
  for (const u of open) {
    const plan = u.plan as ErasePlan | null;
    if (!plan) {
      audit.finish(u.id, u.results);
      continue;
    }
    const results = () => plan.datasets.map((p) => outcomeOf(p, plan.mode, plan.mode === 'delete' ? p.rids.length : new Set(p.cells.map(([r]) => r)).size));
    for (const p of plan.datasets.filter((x) => !x.done)) {
      const ds = ws.datasets.find(p.datasetId);
      if (!ds) {
        p.done = true;
        continue;
      }
      withWriter(ws, ds.name, 'finishing an erasure', () => {
        const history = new HistoryRepo(ws.catalog);
        const entry = p.seq === null ? undefined : history.get(ds.id, p.seq);
        if (entry && entry.state === 'done' && (entry.op as { op?: string }).op === 'erase') {
          // The data half happened and recovery rolled the step forward: the catalog half is left.
          finishCatalog(ws, ws.datasets.get(ds.id), p, entry.rowsAfter ?? ds.rows, entry.detail ?? { changed: 0 });
        } else {
          p.seq = null;
          const db = openData(ws, ds);
          try {
            addRidPurges(db, p, plan.mode);
          } finally {
            db.close();
          }
          eraseDataset(ws, audit, u.id, plan, p, results);
        }
      });
      audit.progress(u.id, results(), plan, 'erasing');
    }
    audit.progress(u.id, results(), plan, 'purging');
    purgeFiles(ws, plan.datasets, null);
    audit.finish(u.id, results());
    truncateWal(ws.catalog);
  }
  return open.length;
}

/** Whether a plan has anything to erase or purge. */
function hasWork(p: DatasetPlan): boolean {
  return p.rids.length + p.cells.length + p.hidden.length + p.undoCells.length + p.undoTables.length + p.rejects.length + p.history.length + p.tags.length > 0;
}

/**
 * Erases the subject whose value is `input.value` from the chosen datasets (all when none are named),
 * deleting the matching rows or blanking the matching cells, and returns what it did, the physical
 * purge's check and the exports made earlier from those datasets (to re-issue).
 */
export function eraseSubject(ws: Workspace, input: EraseRunIn, ctx: JobContext = quietContext): EraseResult {
  const started = performance.now();
  resumeErasures(ws);
  const mode = input.blank ? 'blank' : 'delete';
  const scope = { value: input.value, column: input.column, datasets: input.datasets };
  const inScope = datasetsInScope(ws, scope);
  return withWriters(ws, inScope, 'erasing a data subject', () => {
    const t0 = performance.now();
    const { matcher, hits } = searchAll(ws, scope, ctx);
    const t1 = performance.now();
    const plans: DatasetPlan[] = [];
    for (const h of hits) {
      const db = openData(ws, ws.datasets.get(h.ds.id));
      try {
        const p = planDataset(ws, db, h, matcher, mode);
        if (hasWork(p)) plans.push(p);
      } finally {
        db.close();
      }
    }
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'erasure cancelled');
    const plan: ErasePlan = { mode, datasets: plans };
    const audit = new AuditLog(ws.catalog);
    const valueSha256 = sha256(matcher.forms.exact);
    const auditId = audit.begin({ reason: input.reason, valueSha256, mode, column: input.column ?? null, plan });
    const rowsOf = new Map<number, number>();
    const results = () => plans.map((p) => outcomeOf(p, mode, rowsOf.get(p.datasetId) ?? 0));
    plans.forEach((p, i) => {
      ctx.progress(i, plans.length + 1, `erasing in ${p.name}`);
      rowsOf.set(p.datasetId, eraseDataset(ws, audit, auditId, plan, p, results));
      audit.progress(auditId, results(), plan, 'erasing');
    });
    audit.progress(auditId, results(), plan, 'purging');
    const t2 = performance.now();
    killPoint('erase:purge');
    ctx.progress(plans.length, plans.length + 1, 'wiping the files');
    const purge = purgeFiles(ws, plans, matcher.forms.exact);
    audit.finish(auditId, results());
    truncateWal(ws.catalog);
    const exports = exportsOf(ws.catalog, plans.map((p) => p.datasetId));
    const t3 = performance.now();
    const phases = { search: Math.round(t1 - t0), erase: Math.round(t2 - t1), purge: Math.round(t3 - t2) };
    return { auditId, valueSha256, mode, datasets: results(), purge, exports, ms: Math.round(t3 - started), phases };
  });
}
