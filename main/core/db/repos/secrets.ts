// The catalog's record of workspace secrets (fingerprints and dates, never a key): the only code that
// reads or writes workspace_secrets.
import type { Db } from '../open';

export interface SecretRecord {
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
  retiredWhy: 'rotated' | 'lost' | null;
}

interface Row { fingerprint: string; created_at: string; retired_at: string | null; retired_why: string | null }

export class SecretsRepo {
  constructor(private readonly db: Db) {}

  /** Every recorded secret, the current one (not retired) first, then the retired ones newest first. */
  list(): SecretRecord[] {
    const rows = this.db.prepare<[], Row>('SELECT * FROM workspace_secrets ORDER BY retired_at IS NOT NULL, retired_at DESC, created_at DESC').all();
    return rows.map((r) => ({
      fingerprint: r.fingerprint, createdAt: r.created_at, retiredAt: r.retired_at,
      retiredWhy: r.retired_why === 'rotated' || r.retired_why === 'lost' ? r.retired_why : null,
    }));
  }

  /** Records a new current secret; the previous current one is retired in the same transaction. */
  replaceCurrent(fingerprint: string, now: string, why: 'rotated' | 'lost' | null): void {
    this.db.transaction(() => {
      if (why) this.db.prepare('UPDATE workspace_secrets SET retired_at = ?, retired_why = ? WHERE retired_at IS NULL').run(now, why);
      this.db.prepare('INSERT OR IGNORE INTO workspace_secrets (fingerprint, created_at) VALUES (?, ?)').run(fingerprint, now);
    })();
  }
}
