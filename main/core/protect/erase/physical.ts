// The physical half of an erasure: the plan carried out in a dataset file with secure_delete on (every
// deleted cell and freed page overwritten with zeros), then the file rewritten (VACUUM) unless only
// secure writes touched it, the WAL checkpointed and truncated, and the raw bytes checked.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open';
import { openDb } from '../../db/open';
import type { DatasetPlan } from './plan';

/** Carries out a dataset plan's data changes in the open file (inside the caller's transaction); returns rows deleted. */
export function applyPlan(db: Db, plan: DatasetPlan, mode: 'delete' | 'blank'): number {
  db.pragma('secure_delete = ON');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_rids (rid INTEGER PRIMARY KEY); DELETE FROM temp.erase_rids');
  const ins = db.prepare('INSERT OR IGNORE INTO temp.erase_rids (rid) VALUES (?)');
  for (const rid of plan.rids) ins.run(rid);
  let deleted = 0;
  if (mode === 'delete') deleted = db.prepare('DELETE FROM rows WHERE _rid IN (SELECT rid FROM temp.erase_rids)').run().changes;
  for (const [rid, p] of [...plan.cells, ...plan.hidden]) {
    // Physical names come from the file's own schema (checked), never from user text.
    if (!/^c\d+$/.test(p)) continue;
    db.prepare(`UPDATE rows SET ${p} = NULL WHERE _rid = ?`).run(rid);
  }
  if (plan.undoCells.length) {
    const delCell = db.prepare('DELETE FROM _undo_cells WHERE seq = ? AND rid = ?');
    for (const [seq, rid] of plan.undoCells) delCell.run(seq, rid);
  }
  for (const u of plan.undoTables) {
    if (!/^_undo_(rows_)?\d+$/.test(u.table)) continue;
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(u.table);
    if (!exists) continue;
    const del = db.prepare(`DELETE FROM ${u.table} WHERE _rid = ?`);
    for (const rid of u.rids) del.run(rid);
    for (const [rid, c] of u.blanks) if (/^c\d+$/.test(c)) db.prepare(`UPDATE ${u.table} SET ${c} = NULL WHERE _rid = ?`).run(rid);
  }
  if (plan.rejects.length) {
    const del = db.prepare('DELETE FROM _rejects WHERE rowid = ?');
    for (const r of plan.rejects) del.run(r);
  }
  // ANALYZE's samples (sqlite_stat4) are index keys, the subject's among them: they go (stat1 stays).
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get()) db.exec('DELETE FROM sqlite_stat4');
  return deleted;
}

/**
 * Checkpoints the WAL into the file and truncates it to zero bytes; retries while readers hold old
 * snapshots (each try waits up to the busy timeout). Returns whether the WAL is empty.
 */
export function truncateWal(db: Db, tries = 3): boolean {
  for (let i = 0; i < tries; i++) {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number }>;
    if (r && r.busy === 0 && r.log <= 0) return true;
  }
  return false;
}

/** Rewrites a database file from scratch (no free pages, no stale bytes in pages) and empties its WAL. */
export function vacuumFile(file: string): boolean {
  const db = openDb(file, { mustExist: true });
  try {
    db.pragma('secure_delete = ON');
    db.exec('VACUUM');
    return truncateWal(db);
  } finally {
    db.close();
  }
}

/** Wipes in place: what secure_delete zeroed reaches the file, and the WAL is emptied. */
export function checkpointFile(file: string): boolean {
  const db = openDb(file, { mustExist: true });
  try {
    return truncateWal(db);
  } finally {
    db.close();
  }
}

/** Every file under a folder (recursively). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** The files among `files` whose raw bytes contain `needle` (UTF-8, as SQLite stores text). */
export function filesContaining(files: string[], needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return files.filter((f) => {
    try {
      return readFileSync(f).includes(bytes);
    } catch {
      return false;
    }
  });
}
