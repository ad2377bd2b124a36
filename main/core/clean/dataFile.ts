// A dataset file as the history engine sees it: its recorded history position and the outcome of
// the last step written to it, both committed in the same transaction as the step's data.
import { openDb, type Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import type { OpDetail } from '../db/repos/history';
import { registerFunctions } from '../rows/query';
import type { Workspace } from '../workspace';

/** Opens a dataset file for a history change. */
export function openData(ws: Workspace, ds: StoredDataset): Db {
  const db = openDb(ws.dataPath(ds.file), { mustExist: true });
  registerFunctions(db);
  db.exec('CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT) STRICT');
  return db;
}

/** The last history step whose data the file holds (0: none). */
export function position(db: Db): number {
  const v = db.prepare("SELECT value FROM _meta WHERE key = 'history_position'").pluck().get() as string | undefined;
  return v === undefined ? 0 : Number(v);
}

export function setPosition(db: Db, seq: number): void {
  db.prepare("INSERT OR REPLACE INTO _meta (key, value) VALUES ('history_position', ?)").run(String(seq));
}

/** What a step produced, as the catalog records it when the step finishes. */
export interface StepOutcome {
  seq: number;
  columns: StoredColumn[];
  rows: number;
  detail: OpDetail;
}

/** Records in the file what step `o.seq` produced, so that recovery can finish it (roll forward). */
export function recordOutcome(db: Db, o: StepOutcome): void {
  db.prepare("INSERT OR REPLACE INTO _meta (key, value) VALUES ('last_step', ?)").run(JSON.stringify(o));
}

/** The outcome the file recorded for step `seq`, if its data was written by this version. */
export function readOutcome(db: Db, seq: number): StepOutcome | null {
  const v = db.prepare("SELECT value FROM _meta WHERE key = 'last_step'").pluck().get() as string | undefined;
  if (v === undefined) return null;
  const o = JSON.parse(v) as StepOutcome;
  return o.seq === seq ? o : null;
}
