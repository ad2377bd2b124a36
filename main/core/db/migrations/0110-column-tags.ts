// Catalog schema v110: a personal-data tag per column (what detection found, or what the user
// confirmed) and the action export applies to it. Keyed by the column's physical name, so a rename
// keeps its tag; deleted with the dataset.
import type { Migration } from '../migrate';

export const m0110: Migration = {
  version: 110,
  name: 'column-tags',
  up: `
    CREATE TABLE column_tags (
      dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      physical      TEXT NOT NULL,
      kind          TEXT NOT NULL,
      category      TEXT NOT NULL CHECK (category IN ('direct', 'quasi', 'special', 'none')),
      confidence    REAL NOT NULL,
      evidence_json TEXT CHECK (evidence_json IS NULL OR json_valid(evidence_json)),
      status        TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed')),
      action_json   TEXT CHECK (action_json IS NULL OR json_valid(action_json)),
      updated_at    TEXT NOT NULL,
      PRIMARY KEY (dataset_id, physical)
    ) STRICT;
  `,
};
