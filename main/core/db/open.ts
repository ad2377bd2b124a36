// Opens SQLite databases with the pragmas every Tidyset database uses.
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Native binding override (the Electron build points this at the Electron-ABI addon). */
let nativeBinding: string | undefined = process.env.TIDYSET_SQLITE_BINDING || undefined;

/** Sets the path of the better-sqlite3 native addon to load (see test/README.md on ABIs). */
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Must exist already (default false: created on demand unless readonly). */
  mustExist?: boolean;
}

/** Opens a database in WAL mode with foreign keys on and a busy timeout of 5 s. */
export function openDb(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.mustExist ?? opts.readonly ?? false,
    nativeBinding,
  });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Opens a fresh database for bulk writing: no journal, no fsync until `finishBulk`. */
export function openBulk(file: string): Db {
  const db = new Database(file, { nativeBinding });
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * Opens a small database used only for its file lock (a lease, see main/core/lock/): the rollback
 * journal (not WAL), so that an open write transaction holds SQLite's lock on the file itself, which
 * the operating system drops when the process dies.
 */
export function openLockDb(file: string): Db {
  const db = new Database(file, { nativeBinding });
  db.pragma('journal_mode = DELETE');
  return db;
}
