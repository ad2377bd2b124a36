// Writes a new dataset file: a `rows` table of TEXT columns c1…cN, filled by fast multi-row inserts.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { openBulk, type Db } from '../db/open';
import { TidysetError } from '../errors';

/** SQLite's column limit in this build, less the row id. */
export const MAX_COLUMNS = 1999;
/** Rows per multi-row INSERT, bounded by SQLite's host-parameter limit. */
const MAX_PARAMS = 32766;
const TARGET_ROWS_PER_INSERT = 16;

export function physicalName(i: number): string {
  return `c${i + 1}`;
}

/** Fills one dataset file; the caller renames it into place once `finish` returns. */
export class TableWriter {
  private readonly db: Db;
  private columns = 0;
  private batchRows = 1;
  private batch: Array<string | null> = [];
  private filled = 0;
  private multi!: ReturnType<Db['prepare']>;
  private single!: ReturnType<Db['prepare']>;
  private rejectStmt;
  rows = 0;
  rejects = 0;

  constructor(
    readonly file: string,
    columns: number,
    private readonly sourceName: string,
  ) {
    checkColumnLimit(columns, sourceName);
    this.db = openBulk(file);
    this.db.exec(`CREATE TABLE _rejects (line INTEGER NOT NULL, raw TEXT NOT NULL, reason TEXT NOT NULL);
      CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT) STRICT;`);
    this.rejectStmt = this.db.prepare('INSERT INTO _rejects (line, raw, reason) VALUES (?, ?, ?)');
    this.db.exec('BEGIN');
    this.createTable(columns);
  }

  private createTable(columns: number): void {
    checkColumnLimit(columns, this.sourceName);
    const cols = Array.from({ length: columns }, (_, i) => `${physicalName(i)} TEXT`);
    this.db.exec(`CREATE TABLE rows (_rid INTEGER PRIMARY KEY${cols.length ? ', ' + cols.join(', ') : ''})`);
    this.setColumns(columns);
  }

  private setColumns(columns: number): void {
    this.columns = columns;
    const per = Math.max(1, columns);
    this.batchRows = Math.max(1, Math.min(TARGET_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / per)));
    const names = Array.from({ length: columns }, (_, i) => physicalName(i)).join(', ');
    const one = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    if (columns === 0) {
      this.single = this.db.prepare('INSERT INTO rows DEFAULT VALUES');
      this.multi = this.single;
      this.batchRows = 1;
    } else {
      this.single = this.db.prepare(`INSERT INTO rows (${names}) VALUES ${one}`);
      this.multi = this.db.prepare(`INSERT INTO rows (${names}) VALUES ${Array.from({ length: this.batchRows }, () => one).join(', ')}`);
    }
    this.batch = new Array(this.batchRows * columns);
    this.filled = 0;
  }

  /** Adds columns at the end (JSON input discovers keys as it goes); existing rows read NULL (missing) there. */
  addColumns(count: number): void {
    this.flush();
    checkColumnLimit(this.columns + count, this.sourceName);
    for (let i = 0; i < count; i++) this.db.exec(`ALTER TABLE rows ADD COLUMN ${physicalName(this.columns + i)} TEXT`);
    this.setColumns(this.columns + count);
  }

  /** Appends one row; `fields[i]` undefined or null is a missing value, '' an empty one. */
  add(fields: ReadonlyArray<string | null | undefined>): void {
    const n = this.columns;
    const base = this.filled * n;
    const b = this.batch;
    for (let i = 0; i < n; i++) b[base + i] = fields[i] ?? null;
    if (++this.filled === this.batchRows) {
      this.multi.run(b);
      this.filled = 0;
    }
    this.rows++;
  }

  /** Keeps a rejected record: its first line number, raw text and why. */
  reject(line: number, raw: string, reason: string): void {
    this.rejectStmt.run(line, raw, reason);
    this.rejects++;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)').run(key, value);
  }

  private flush(): void {
    const n = this.columns;
    for (let r = 0; r < this.filled; r++) this.single.run(n ? this.batch.slice(r * n, r * n + n) : []);
    this.filled = 0;
  }

  /** Commits, closes and fsyncs the file so that a rename makes it durable. */
  finish(): void {
    this.flush();
    this.db.exec('COMMIT');
    this.db.close();
    const fd = openSync(this.file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Closes without committing (the caller deletes the file). */
  abort(): void {
    if (this.db.open) this.db.close();
  }
}

function checkColumnLimit(columns: number, file: string): void {
  if (columns > MAX_COLUMNS) {
    throw new TidysetError(
      'TOO_MANY_COLUMNS',
      `${file}: ${columns} columns is more than SQLite's limit of 2000 columns per table (SQLITE_MAX_COLUMN) ` +
        `that Tidyset's storage uses; ${MAX_COLUMNS} data columns at most can be imported`,
      { file },
    );
  }
}
