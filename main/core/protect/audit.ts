// The erasure audit log and the export log in the catalog: the only code that reads or writes the
// `erasures` and `export_log` tables. An erasure records the SHA-256 of the searched value, never it.
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { AuditEntry, EraseDatasetOutcome, ExportLogEntry } from '../../../shared/api/erase';
import type { Db } from '../db/open';

/** The SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The operating-system user running this process (the "who" of an audit entry). */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

interface ErasureRow {
  id: number; started_at: string; finished_at: string | null; os_user: string; reason: string; value_sha256: string;
  mode: string; column_name: string | null; state: string; plan_json: string | null; result_json: string;
}

function toEntry(r: ErasureRow, names: (id: number) => string): AuditEntry {
  const results = JSON.parse(r.result_json) as Array<EraseDatasetOutcome & { datasetId?: number }>;
  return {
    id: r.id, at: r.started_at, finishedAt: r.finished_at, user: r.os_user, reason: r.reason, valueSha256: r.value_sha256,
    mode: r.mode as AuditEntry['mode'], column: r.column_name, state: r.state as AuditEntry['state'],
    datasets: results.map((d) => ({ dataset: d.dataset ?? (d.datasetId !== undefined ? names(d.datasetId) : '?'), rows: d.rows, cells: d.cells })),
  };
}

/** One erasure as it starts: what the audit log needs, and the plan that lets a later run finish it. */
export interface NewErasure {
  reason: string;
  valueSha256: string;
  mode: 'delete' | 'blank';
  column: string | null;
  plan: unknown;
}

export class AuditLog {
  constructor(private readonly db: Db) {}

  /** Records an erasure before it changes anything; returns its id. */
  begin(e: NewErasure): number {
    return Number(this.db.prepare(`INSERT INTO erasures (started_at, os_user, reason, value_sha256, mode, column_name, state, plan_json)
      VALUES (?, ?, ?, ?, ?, ?, 'erasing', ?)`).run(new Date().toISOString(), osUser(), e.reason, e.valueSha256, e.mode, e.column, JSON.stringify(e.plan)).lastInsertRowid);
  }

  /** Saves the per-dataset outcome so far (and the plan, which carries what is left to do). */
  progress(id: number, results: EraseDatasetOutcome[], plan: unknown, state: 'erasing' | 'purging'): void {
    this.db.prepare('UPDATE erasures SET result_json = ?, plan_json = ?, state = ? WHERE id = ?').run(JSON.stringify(results), JSON.stringify(plan), state, id);
  }

  /** Ends an erasure: its plan (row ids, hashes) is dropped, the counts stay. */
  finish(id: number, results: EraseDatasetOutcome[]): void {
    this.db.prepare("UPDATE erasures SET state = 'done', finished_at = ?, result_json = ?, plan_json = NULL WHERE id = ?").run(new Date().toISOString(), JSON.stringify(results), id);
  }

  /** Erasures a killed process left unfinished, with their plans. */
  unfinished(): Array<{ id: number; plan: unknown; results: EraseDatasetOutcome[]; state: 'erasing' | 'purging' }> {
    return (this.db.prepare("SELECT id, plan_json, result_json, state FROM erasures WHERE state != 'done' ORDER BY id").all() as ErasureRow[])
      .map((r) => ({ id: r.id, plan: r.plan_json ? JSON.parse(r.plan_json) : null, results: JSON.parse(r.result_json) as EraseDatasetOutcome[], state: r.state as 'erasing' | 'purging' }));
  }

  /** Every erasure, newest first. */
  list(): AuditEntry[] {
    const names = new Map((this.db.prepare('SELECT id, name FROM datasets').all() as Array<{ id: number; name: string }>).map((d) => [d.id, d.name]));
    return (this.db.prepare('SELECT * FROM erasures ORDER BY id DESC').all() as ErasureRow[]).map((r) => toEntry(r, (i) => names.get(i) ?? '?'));
  }
}

interface ExportRow { id: number; at: string; dataset_name: string; format: string; path: string; rows: number; sha256: string | null }

/** Records one export (called once its files are in place). */
export function recordExport(db: Db, e: { datasetId: number; dataset: string; format: string; path: string; rows: number; sha256: string | null }): void {
  db.prepare('INSERT INTO export_log (at, dataset_id, dataset_name, format, path, rows, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(new Date().toISOString(), e.datasetId, e.dataset, e.format, e.path, e.rows, e.sha256);
}

/** Exports made from these datasets (by id), newest first; every export when `datasetIds` is null. */
export function exportsOf(db: Db, datasetIds: number[] | null): ExportLogEntry[] {
  const rows = datasetIds === null
    ? (db.prepare('SELECT * FROM export_log ORDER BY id DESC').all() as ExportRow[])
    : datasetIds.length === 0 ? []
      : (db.prepare(`SELECT * FROM export_log WHERE dataset_id IN (${datasetIds.map(() => '?').join(', ')}) ORDER BY id DESC`).all(...datasetIds) as ExportRow[]);
  return rows.map((r) => ({ id: r.id, at: r.at, dataset: r.dataset_name, format: r.format, path: r.path, rows: r.rows, sha256: r.sha256 }));
}
