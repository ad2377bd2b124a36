// Scanned source files in the catalog: the only code that reads or writes the sources table.
import type { Db } from '../open';
import type { FileFormat, Source, SourceStatus } from '../../../../shared/api/catalog';

interface SourceRow {
  id: number; path: string; size: number; mtime_ms: number; sha256: string | null; format: string;
  importable: number; encoding: string | null; bom: number; delimiter: string | null; quote: string | null;
  header: number | null; line_count: number | null; columns_json: string | null; status: string;
  error: string | null; notes_json: string; duplicate_of: number | null; scanned_at: string;
}

export type SourceInput = Omit<Source, 'id' | 'duplicateOf' | 'scannedAt' | 'notes'> & { notes?: string[] };

export class SourcesRepo {
  private readonly byPathStmt;
  private readonly byIdStmt;
  private readonly upsertStmt;
  private readonly touchStmt;

  constructor(private readonly db: Db) {
    this.byPathStmt = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE path = ?');
    this.byIdStmt = db.prepare<[number], SourceRow>('SELECT * FROM sources WHERE id = ?');
    this.upsertStmt = db.prepare(`INSERT INTO sources
      (path, size, mtime_ms, sha256, format, importable, encoding, bom, delimiter, quote, header, line_count,
       columns_json, status, error, notes_json, scanned_at)
      VALUES (@path, @size, @mtimeMs, @sha256, @format, @importable, @encoding, @bom, @delimiter, @quote, @header,
       @lineCount, @columns, @status, @error, @notes, @scannedAt)
      ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256,
        format = excluded.format, importable = excluded.importable, encoding = excluded.encoding, bom = excluded.bom,
        delimiter = excluded.delimiter, quote = excluded.quote, header = excluded.header,
        line_count = excluded.line_count, columns_json = excluded.columns_json, status = excluded.status,
        error = excluded.error, notes_json = excluded.notes_json, scanned_at = excluded.scanned_at
      RETURNING id`);
    this.touchStmt = db.prepare('UPDATE sources SET scanned_at = ? WHERE id = ?');
  }

  findByPath(path: string): Source | undefined {
    const r = this.byPathStmt.get(path);
    return r && toSource(r);
  }

  find(id: number): Source | undefined {
    const r = this.byIdStmt.get(id);
    return r && toSource(r);
  }

  /** Inserts or updates the record for `s.path`; returns its id. */
  upsert(s: SourceInput): number {
    const row = this.upsertStmt.get({
      ...s,
      importable: s.importable ? 1 : 0,
      bom: s.bom ? 1 : 0,
      header: s.header === null ? null : s.header ? 1 : 0,
      columns: s.columns ? JSON.stringify(s.columns) : null,
      notes: JSON.stringify(s.notes ?? []),
      scannedAt: new Date().toISOString(),
    }) as { id: number };
    return row.id;
  }

  /** Marks an unchanged file as seen by this scan. */
  touch(id: number): void {
    this.touchStmt.run(new Date().toISOString(), id);
  }

  /** Sources below a folder (all when root is undefined), by path. */
  list(root?: string): Source[] {
    if (root === undefined) return this.db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY path').all().map(toSource);
    const prefix = root.endsWith('/') ? root : root + '/';
    const rows = this.db
      .prepare<[string, number, string], SourceRow>('SELECT * FROM sources WHERE path = ? OR substr(path, 1, ?) = ? ORDER BY path')
      .all(root, prefix.length, prefix);
    return rows.map(toSource);
  }

  /** Recomputes duplicate marks: every file whose SHA-256 equals an earlier (lower id) file's points at it. */
  markDuplicates(): void {
    this.db.exec(`
      UPDATE sources SET duplicate_of = (
        SELECT MIN(o.id) FROM sources o WHERE o.sha256 = sources.sha256 AND o.id < sources.id AND o.size > 0
      ) WHERE sha256 IS NOT NULL`);
  }

  /** Forgets files below root that a finished scan did not see (deleted since). */
  removeMissing(seenIds: Set<number>, root: string): number {
    let removed = 0;
    const del = this.db.prepare('DELETE FROM sources WHERE id = ?');
    for (const s of this.list(root)) {
      if (!seenIds.has(s.id)) {
        del.run(s.id);
        removed++;
      }
    }
    return removed;
  }
}

function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    path: r.path,
    size: r.size,
    mtimeMs: r.mtime_ms,
    sha256: r.sha256,
    format: r.format as FileFormat,
    importable: r.importable === 1,
    encoding: r.encoding,
    bom: r.bom === 1,
    delimiter: r.delimiter,
    quote: r.quote,
    header: r.header === null ? null : r.header === 1,
    lineCount: r.line_count,
    columns: r.columns_json ? (JSON.parse(r.columns_json) as string[]) : null,
    status: r.status as SourceStatus,
    error: r.error,
    notes: JSON.parse(r.notes_json) as string[],
    duplicateOf: r.duplicate_of,
    scannedAt: r.scanned_at,
  };
}
