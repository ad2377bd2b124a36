// Catalog schema v30: the operation history of each dataset (undo/redo, recipes).
import type { Migration } from '../migrate';

export const m0030: Migration = {
  version: 30,
  name: 'create-history',
  up: `
    CREATE TABLE history (
      dataset_id     INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      seq            INTEGER NOT NULL,
      op             TEXT NOT NULL,
      description    TEXT NOT NULL,
      state          TEXT NOT NULL CHECK (state IN ('pending', 'done', 'undoing', 'undone', 'redoing')),
      columns_before TEXT NOT NULL,
      columns_after  TEXT,
      rows_before    INTEGER NOT NULL,
      rows_after     INTEGER,
      detail         TEXT,
      created_at     TEXT NOT NULL,
      owner_pid      INTEGER,
      PRIMARY KEY (dataset_id, seq)
    ) STRICT;
  `,
};
