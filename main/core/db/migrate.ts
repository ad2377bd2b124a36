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
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new TidysetError(
      'WORKSPACE_TOO_NEW',
      `${what} has schema version ${current}, newer than this Tidyset understands (${known}); upgrade Tidyset to open it`,
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= latest);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
    }
    db.pragma(`user_version = ${latest | 0}`);
  }).immediate();
  return latest;
}
