// Catalog schema v120: the erasure audit log (who, when, why, how many rows per dataset, the SHA-256 of
// the searched value — never the value) and the export log (every export: dataset, file, time, rows),
// so that an erasure can list the exports made earlier that the user must re-issue.
import type { Migration } from '../migrate';

export const m0120: Migration = {
  version: 120,
  name: 'erasure-audit',
  up: `
    CREATE TABLE erasures (
      id           INTEGER PRIMARY KEY,
      started_at   TEXT NOT NULL,
      finished_at  TEXT,
      os_user      TEXT NOT NULL,
      reason       TEXT NOT NULL,
      value_sha256 TEXT NOT NULL CHECK (length(value_sha256) = 64),
      mode         TEXT NOT NULL CHECK (mode IN ('delete', 'blank')),
      column_name  TEXT,
      state        TEXT NOT NULL CHECK (state IN ('erasing', 'purging', 'done')),
      plan_json    TEXT CHECK (plan_json IS NULL OR json_valid(plan_json)),
      result_json  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(result_json))
    ) STRICT;

    CREATE TABLE export_log (
      id           INTEGER PRIMARY KEY,
      at           TEXT NOT NULL,
      dataset_id   INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
      dataset_name TEXT NOT NULL,
      format       TEXT NOT NULL,
      path         TEXT NOT NULL,
      rows         INTEGER NOT NULL,
      sha256       TEXT
    ) STRICT;
    CREATE INDEX export_log_dataset ON export_log(dataset_id);
  `,
};
