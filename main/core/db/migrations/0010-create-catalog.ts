// Catalog schema v10: scanned source files, datasets and their columns.
import type { Migration } from '../migrate';

export const m0010: Migration = {
  version: 10,
  name: 'create-catalog',
  up: `
    CREATE TABLE sources (
      id           INTEGER PRIMARY KEY,
      path         TEXT NOT NULL UNIQUE,
      size         INTEGER NOT NULL,
      mtime_ms     INTEGER NOT NULL,
      sha256       TEXT,
      format       TEXT NOT NULL,
      importable   INTEGER NOT NULL DEFAULT 0,
      encoding     TEXT,
      bom          INTEGER NOT NULL DEFAULT 0,
      delimiter    TEXT,
      quote        TEXT,
      header       INTEGER,
      line_count   INTEGER,
      columns_json TEXT,
      status       TEXT NOT NULL CHECK (status IN ('ok', 'recognised', 'unreadable', 'unsupported')),
      error        TEXT,
      duplicate_of INTEGER REFERENCES sources(id) ON DELETE SET NULL,
      scanned_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sources_sha256 ON sources(sha256);

    CREATE TABLE datasets (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL UNIQUE,
      file            TEXT NOT NULL UNIQUE,
      source_id       INTEGER REFERENCES sources(id) ON DELETE SET NULL,
      source_path     TEXT,
      source_sha256   TEXT,
      source_size     INTEGER,
      format          TEXT NOT NULL,
      encoding        TEXT,
      delimiter       TEXT,
      quote           TEXT,
      header          INTEGER,
      row_count       INTEGER NOT NULL,
      reject_count    INTEGER NOT NULL DEFAULT 0,
      description     TEXT NOT NULL DEFAULT '',
      created_at      TEXT NOT NULL,
      import_ms       INTEGER
    ) STRICT;

    CREATE TABLE columns (
      dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      position      INTEGER NOT NULL,
      name          TEXT NOT NULL,
      physical      TEXT NOT NULL,
      original_name TEXT NOT NULL,
      type          TEXT NOT NULL,
      type_detail   TEXT,
      description   TEXT NOT NULL DEFAULT '',
      unit          TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (dataset_id, position),
      UNIQUE (dataset_id, name),
      UNIQUE (dataset_id, physical)
    ) STRICT;
  `,
};
