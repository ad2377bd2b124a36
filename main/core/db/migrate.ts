// Runs numbered schema migrations inside one transaction and refuses databases from newer versions.
import type { Db } from './open';
import { TidysetError } from '../errors';

export interface Migration {
  /** Schema version this step produces; numbered in tens so a fix can slot in. */
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

/** Migrates `db` to `target` (default: the last migration). Throws on a newer database or a failed step; nothing is applied then. */
export function migrate(db: Db, migrations: readonly Migration[], what: string, target?: number): number {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new Error(`migrations for ${what} do not rise: ${migrations[i - 1]!.version} then ${migrations[i]!.version}`);
    }
  }
  const latest = target ?? migrations.at(-1)?.version ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  const versionNow = (): number => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new TidysetError(
        'WORKSPACE_TOO_NEW',
        `${what} has schema version ${current}, newer than this Tidyset understands (${known}); upgrade Tidyset to open it`,
      );
    }
    return current;
  };
  const pendingAfter = (current: number) => migrations.filter((m) => m.version > current && m.version <= latest);
  const before = versionNow();
  if (pendingAfter(before).length === 0) return before;
  return db.transaction(() => {
    // Read again under the write lock: another process may have migrated since the check above.
    const pending = pendingAfter(versionNow());
    if (pending.length === 0) return versionNow();
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
    }
    // The last step applied, not `target`: a target past the last migration must not mark the database newer.
    const reached = pending.at(-1)!.version;
    db.pragma(`user_version = ${reached | 0}`);
    return reached;
  }).immediate();
}
