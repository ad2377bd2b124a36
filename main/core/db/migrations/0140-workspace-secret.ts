// Catalog schema v140: which workspace secrets exist (a fingerprint, never the key). Pseudonyms are
// keyed by the secret file; this record lets a missing or replaced file be an error instead of a
// silent new key that would break pseudonym consistency.
import type { Migration } from '../migrate';

export const m0140: Migration = {
  version: 140,
  name: 'workspace-secret',
  up: `
    CREATE TABLE workspace_secrets (
      fingerprint TEXT PRIMARY KEY,
      created_at  TEXT NOT NULL,
      retired_at  TEXT,
      -- why it was retired: 'rotated', or 'lost' when a missing or corrupt file was replaced on purpose
      retired_why TEXT CHECK (retired_why IS NULL OR retired_why IN ('rotated', 'lost'))
    ) STRICT;
  `,
};
